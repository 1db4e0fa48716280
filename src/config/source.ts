// Reading the config file and parsing it into one YAML document with positions. Every problem with the
// file itself becomes a diagnostic: missing, a directory, empty, too large, malformed, several documents,
// or a top level that is not a mapping.
import * as fs from 'node:fs'
import { LineCounter, isMap, parseAllDocuments, type Document, type YAMLMap } from 'yaml'
import type { Diagnostic } from './diagnostics.js'
import { explainYamlError, flowNestingProblem } from './yaml-errors.js'

/** eksctl configs are a few KiB; anything near this is not a ClusterConfig, so refuse before reading it. */
export const MAX_CONFIG_BYTES = 1024 * 1024

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

export function readConfigText(file: string): { ok: true; text: string } | { ok: false; diagnostics: Diagnostic[] } {
  let stat: fs.Stats
  try {
    stat = fs.statSync(file)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const message =
      code === 'ENOENT' || code === 'ENOTDIR'
        ? 'cluster config file not found: check the cluster-config input (it is relative to the workspace; did the workflow run actions/checkout?)'
        : `cannot read the cluster config file: ${(e as Error).message}`
    return { ok: false, diagnostics: [fileProblem(file, message)] }
  }
  if (stat.isDirectory()) {
    return { ok: false, diagnostics: [fileProblem(file, 'is a directory: cluster-config must name one eksctl ClusterConfig YAML file')] }
  }
  if (stat.size > MAX_CONFIG_BYTES) {
    return {
      ok: false,
      diagnostics: [
        fileProblem(file, `file is too large for a ClusterConfig (${stat.size} bytes, the limit is ${MAX_CONFIG_BYTES} bytes): is this the right file?`)
      ]
    }
  }
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch (e) {
    return { ok: false, diagnostics: [fileProblem(file, `cannot read the cluster config file: ${(e as Error).message}`)] }
  }
  // A byte-order mark is invisible in editors; drop it so it does not count in column numbers.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1)
  if (text.trim() === '') {
    return { ok: false, diagnostics: [fileProblem(file, 'file is empty: expected an eksctl ClusterConfig (apiVersion: eksctl.io/v1alpha5, kind: ClusterConfig)')] }
  }
  return { ok: true, text }
}

export function parseConfigText(file: string, text: string): ParseResult {
  const nesting = flowNestingProblem(text)
  if (nesting) return { ok: false, diagnostics: [fileProblem(file, `malformed YAML: ${nesting.message}`, nesting.line, nesting.col)] }
  const lineCounter = new LineCounter()
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const at = (offset: number) => lineCounter.linePos(offset)

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
    const { line, col } = at(second.range[0])
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
    const { line, col } = root ? at(root.range[0]) : { line: 1, col: 1 }
    const what = root === null ? 'an empty document' : 'items' in root ? 'a list' : 'a single value'
    return {
      ok: false,
      diagnostics: [{ ...fileProblem(file, 'the top level must be a mapping (apiVersion, kind, metadata, karpenter, ...)', line, col), got: what, expected: 'a mapping' }]
    }
  }
  return { ok: true, parsed: { text, lineCounter, doc, root } }
}
