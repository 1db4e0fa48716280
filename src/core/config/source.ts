// Parsing the config text into one YAML document with positions. Every problem with the file itself becomes
// a diagnostic: empty, malformed, several documents, or a top level that is not a mapping (reading it —
// missing, a directory, too large, outside the workspace — is load.ts's, through runner/input-files.ts).
import { LineCounter, isMap, isScalar, parseAllDocuments, type Document, type YAMLMap } from 'yaml'
import type { Diagnostic } from './diagnostics.js'
import { explainYamlError, flowNestingProblem } from './yaml-errors.js'
import { positionOf } from './yaml-position.js'

export interface ParsedConfig {
  text: string
  lineCounter: LineCounter
  doc: Document.Parsed
  root: YAMLMap
}

export type ParseResult = { ok: true; parsed: ParsedConfig } | { ok: false; diagnostics: Diagnostic[] }

function fileProblem(file: string, message: string, line = 1, col = 1): Diagnostic {
  return { severity: 'error', file, line, col, path: '', message }
}

/** The file's own problems before any YAML: one of only blank lines is no ClusterConfig. */
export function checkConfigText(file: string, text: string): Diagnostic[] {
  if (text.trim() !== '') return []
  return [fileProblem(file, 'file is empty: expected an eksctl ClusterConfig (apiVersion: eksctl.io/v1alpha5, kind: ClusterConfig)')]
}

export function parseConfigText(file: string, text: string): ParseResult {
  const nesting = flowNestingProblem(text)
  if (nesting) return { ok: false, diagnostics: [fileProblem(file, `malformed YAML: ${nesting.message}`, nesting.line, nesting.col)] }
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true })

  if (!Array.isArray(docs) || docs.length === 0) {
    return { ok: false, diagnostics: [fileProblem(file, 'file has no YAML content (only comments or blank lines): expected an eksctl ClusterConfig')] }
  }
  // One message, at the line where the mistake is: later parser errors mostly follow from the first.
  const errors = docs.flatMap(doc => doc.errors)
  if (errors.length > 0) {
    const { line, col, message } = explainYamlError(text, errors, lineCounter)
    return { ok: false, diagnostics: [fileProblem(file, `malformed YAML: ${message}`, line, col)] }
  }

  if (docs.length > 1) {
    const second = docs[1] as Document.Parsed
    const { line, col } = positionOf(lineCounter, second)
    return {
      ok: false,
      diagnostics: [
        fileProblem(file, `file holds ${docs.length} YAML documents (separated by ---): expected exactly one ClusterConfig per file`, line, col)
      ]
    }
  }
  const doc = docs[0] as Document.Parsed
  const root = doc.contents
  if (!isMap(root)) {
    // A document with nothing in it (`---` alone) parses to a null scalar written as nothing: point at its start.
    const empty = root === null || (isScalar(root) && root.value === null && !root.source)
    const { line, col } = positionOf(lineCounter, empty ? doc : root)
    const what = empty ? 'an empty document' : 'items' in root ? 'a list' : 'a single value'
    return {
      ok: false,
      diagnostics: [{ ...fileProblem(file, 'the top level must be a mapping (apiVersion, kind, metadata, karpenter, ...)', line, col), got: what, expected: 'a mapping' }]
    }
  }
  return { ok: true, parsed: { text, lineCounter, doc, root } }
}
