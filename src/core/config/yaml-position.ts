// Where something was written in a parsed YAML file: the one walker from YAML nodes to line:col, shared by the
// config reader (config/view.ts, config/source.ts), the manifest reader (kube/manifests.ts) and the values
// file reader (helm/values-input.ts). Pure.
import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node } from 'yaml'
import type { Position } from './types.js'

/** Anything with a parser range: a node, a document. */
interface Ranged {
  range?: readonly number[] | null
}

/** line:col (1-based) of an offset, or of where a node starts; 1:1 when it has none. */
export function positionOf(lineCounter: LineCounter, at: number | Ranged | null | undefined): Position {
  const offset = typeof at === 'number' ? at : at?.range?.[0]
  if (offset === undefined) return { line: 1, col: 1 }
  const { line, col } = lineCounter.linePos(offset)
  return { line, col }
}

/**
 * Every key path under `root` (dotted, list items as numbers: `spec.template.spec.nodeClassRef.name`,
 * `spec.requirements.0`) → where it was written. Scalars are pointed at where the value is; mappings, lists and
 * pairs without a value at their key, which is what a reader looks for when told "spec: sets neither ...".
 */
export function collectPositions(root: unknown, lineCounter: LineCounter): Map<string, Position> {
  const out = new Map<string, Position>()
  const walk = (node: unknown, prefix: string): void => {
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue
        const key = `${prefix}${prefix ? '.' : ''}${String(pair.key.value)}`
        const value = pair.value as Node | null
        const atKey = value === null || isMap(value) || isSeq(value)
        out.set(key, positionOf(lineCounter, atKey ? pair.key : value))
        walk(value, key)
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const key = `${prefix}.${i}`
        out.set(key, positionOf(lineCounter, item as Node | null))
        walk(item, key)
      })
    }
  }
  walk(root, '')
  return out
}
