// The `values-file` input's document (README, Inputs): read once, up front, with the other inputs, and
// used by every mode — render shows the merged values, plan and drift compare with them, apply passes the
// file to helm last. Pure: the text comes from runner/input-files.ts.
import { LineCounter, isMap, parseAllDocuments } from 'yaml'
import { ConfigError, type Diagnostic } from '../config/diagnostics.js'
import { errorMessage } from '../errors.js'
import { positionOf } from '../config/yaml-position.js'

export type HelmValues = Record<string, unknown>

/** The values-file as checked: where it is and what it holds. */
export interface ValuesInput {
  /** the path as the input gave it (messages) */
  file: string
  /** the resolved absolute path (what helm is given) */
  real: string
  values: HelmValues
}

/**
 * The values document: a mapping (an empty file is no values). Malformed YAML, several documents, a list
 * or a single value, and an alias bomb are refused as ConfigError at file:line:col.
 */
export function parseValuesText(file: string, text: string): HelmValues {
  const lineCounter = new LineCounter()
  const problem = (offset: number | undefined, message: string, got?: string): Diagnostic => {
    const { line, col } = positionOf(lineCounter, offset)
    const d: Diagnostic = { severity: 'error', file, line, col, path: '', message }
    if (got !== undefined) {
      d.got = got
      d.expected = 'a mapping of Helm values'
    }
    return d
  }
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  if (!Array.isArray(docs) || docs.length === 0) return {}
  const syntax = docs.flatMap(doc => doc.errors.map(err => problem(err.pos[0], `values-file: malformed YAML: ${err.message}`)))
  if (syntax.length > 0) throw new ConfigError(syntax)
  if (docs.length > 1) {
    throw new ConfigError([problem(docs[1]?.range[0], `values-file holds ${docs.length} YAML documents (separated by ---): expected one mapping of Helm values`)])
  }
  const doc = docs[0]!
  const root = doc.contents
  if (root === null || (!isMap(root) && 'value' in root && root.value === null)) return {}
  if (!isMap(root)) throw new ConfigError([problem(root.range?.[0], 'values-file must be a mapping of Helm values', 'items' in root ? 'a list' : 'a single value')])
  let values: unknown
  try {
    values = doc.toJS({ maxAliasCount: 100 })
  } catch (e) {
    throw new ConfigError([problem(root.range?.[0], `values-file cannot be read: ${errorMessage(e)}`)])
  }
  return values as HelmValues
}
