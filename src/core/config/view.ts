// Typed, position-aware reads from the parsed YAML. Each read that finds the wrong shape records a
// diagnostic (and returns undefined) instead of throwing, so one pass reports every problem at once.
import { isAlias, isMap, isScalar, isSeq, type Document, type LineCounter, type Node, type Scalar, type YAMLMap } from 'yaml'
import type { Diagnostic } from './diagnostics.js'
import { closestMatch } from './did-you-mean.js'
import type { Position } from './types.js'
import { positionOf } from './yaml-position.js'

type AnyNode = Node | null | undefined

/** Shared state of one read: the file, the diagnostics so far and the key positions seen. */
export class ReadContext {
  readonly diagnostics: Diagnostic[] = []
  readonly positions: Record<string, Position> = {}

  constructor(
    readonly file: string,
    private readonly text: string,
    private readonly lineCounter: LineCounter,
    private readonly doc: Document.Parsed
  ) {}

  /** Follows `*alias` references so that anchors in the user's file read like the values they name. */
  deref(node: AnyNode): AnyNode {
    let current: unknown = node
    for (let hops = 0; isAlias(current) && hops < 20; hops++) current = current.resolve(this.doc)
    return current as AnyNode
  }

  position(node: AnyNode): Position {
    return positionOf(this.lineCounter, node)
  }

  /** The value as the user wrote it, short enough for one log line. */
  describe(node: AnyNode): string {
    const target = this.deref(node)
    if (target === null || target === undefined) return 'an empty value'
    if (isMap(target)) return 'a mapping'
    if (isSeq(target)) return 'a list'
    if (isScalar(target)) {
      if (target.value === null && (target.source ?? '') === '') return 'an empty value'
      const [start, end] = target.range ?? [0, 0]
      let written = this.text.slice(start, end).trim()
      if (written === '') written = String(target.value)
      const firstLine = written.split(/\r?\n/)[0] ?? ''
      const shortened = firstLine.length > 60 ? `${firstLine.slice(0, 57)}...` : firstLine
      return firstLine === written ? shortened : `${shortened} ...`
    }
    return 'an unsupported value'
  }

  report(severity: Diagnostic['severity'], at: AnyNode | Position, path: string, message: string, got?: string, expected?: string): void {
    const pos = isPosition(at) ? at : this.position(at)
    const d: Diagnostic = { severity, file: this.file, line: pos.line, col: pos.col, path, message }
    if (got !== undefined) d.got = got
    if (expected !== undefined) d.expected = expected
    this.diagnostics.push(d)
  }

  error(at: AnyNode | Position, path: string, message: string, got?: string, expected?: string): void {
    this.report('error', at, path, message, got, expected)
  }

  warning(at: AnyNode | Position, path: string, message: string, got?: string, expected?: string): void {
    this.report('warning', at, path, message, got, expected)
  }

  map(node: YAMLMap, path: string): MapView {
    return new MapView(this, node, path)
  }
}

/** `key:` with nothing after it (or `~`/`null`): eksctl reads an optional section written so as absent. */
export function isEmptyValue(node: AnyNode): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null)
}

function isPosition(x: unknown): x is Position {
  return typeof x === 'object' && x !== null && 'line' in x && 'col' in x && !('range' in x)
}

export interface Entry {
  key: string
  keyNode: Node
  value: AnyNode
  path: string
}

export interface StringRead {
  value: string
  node: Scalar
  path: string
}

export function joinPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`
}

/** One mapping of the config at a key path (`''` for the top level). */
export class MapView {
  constructor(
    readonly ctx: ReadContext,
    readonly node: YAMLMap,
    readonly path: string
  ) {}

  get position(): Position {
    return this.ctx.position(this.node)
  }

  entries(): Entry[] {
    const out: Entry[] = []
    for (const pair of this.node.items) {
      const keyNode = this.ctx.deref(pair.key as AnyNode)
      if (!isScalar(keyNode)) continue
      const key = String(keyNode.value)
      out.push({ key, keyNode, value: this.ctx.deref(pair.value as AnyNode), path: joinPath(this.path, key) })
    }
    return out
  }

  /** The entry for `key`, recording where the key was written. */
  entry(key: string): Entry | undefined {
    const found = this.entries().find((e) => e.key === key)
    if (found) this.ctx.positions[found.path] = this.ctx.position(found.keyNode)
    return found
  }

  /** Where to point for a value: the value itself, or its key when the value is empty. */
  at(e: Entry): Node {
    return e.value && e.value.range && e.value.range[0] !== e.value.range[1] ? e.value : e.keyNode
  }

  missing(key: string, expected: string): void {
    this.ctx.error(this.node, joinPath(this.path, key), 'required key is missing', undefined, expected)
  }

  string(key: string, opts: { required?: boolean; expected?: string; allowNumber?: boolean } = {}): StringRead | undefined {
    const e = this.entry(key)
    const expected = opts.expected ?? 'a string'
    if (!e) {
      if (opts.required) this.missing(key, expected)
      return undefined
    }
    const v = e.value
    if (isScalar(v) && typeof v.value === 'string') return { value: v.value, node: v, path: e.path }
    // Numbers are kept as written (YAML would turn `1.30` into 1.3).
    if (opts.allowNumber && isScalar(v) && typeof v.value === 'number' && v.source) return { value: v.source, node: v, path: e.path }
    this.ctx.error(this.at(e), e.path, 'must be a string', this.ctx.describe(v), expected)
    return undefined
  }

  /** A string that must also be non-empty. */
  nonEmptyString(key: string, opts: { required?: boolean; expected?: string; allowNumber?: boolean } = {}): StringRead | undefined {
    const read = this.string(key, opts)
    if (read && read.value.trim() === '') {
      this.ctx.error(read.node, read.path, 'must not be empty', this.ctx.describe(read.node), opts.expected ?? 'a non-empty string')
      return undefined
    }
    return read
  }

  boolean(key: string): boolean | undefined {
    const e = this.entry(key)
    if (!e) return undefined
    if (isScalar(e.value) && typeof e.value.value === 'boolean') return e.value.value
    const got = this.ctx.describe(e.value)
    // YAML 1.1 readers took yes/no/on/off as booleans; this one (like Kubernetes' JSON) does not.
    const hint = isScalar(e.value) && /^(yes|no|on|off|y|n)$/i.test(String(e.value.value)) ? ': write true or false, not yes/no/on/off' : ''
    this.ctx.error(this.at(e), e.path, `must be a boolean${hint}`, got, 'true or false')
    return undefined
  }

  mapping(key: string, opts: { required?: boolean; expected?: string } = {}): MapView | undefined {
    const e = this.entry(key)
    const expected = opts.expected ?? 'a mapping'
    if (!e) {
      if (opts.required) this.missing(key, expected)
      return undefined
    }
    if (isMap(e.value)) return new MapView(this.ctx, e.value, e.path)
    if (!opts.required && isEmptyValue(e.value)) return undefined
    this.ctx.error(this.at(e), e.path, 'must be a mapping', this.ctx.describe(e.value), expected)
    return undefined
  }

  /** Items of a list; each item comes with its own key path (`a.b[2]`). */
  list(key: string, expected = 'a list'): Array<{ node: AnyNode; path: string }> | undefined {
    const e = this.entry(key)
    if (!e || isEmptyValue(e.value)) return undefined
    if (!isSeq(e.value)) {
      this.ctx.error(this.at(e), e.path, 'must be a list', this.ctx.describe(e.value), expected)
      return undefined
    }
    return e.value.items.map((item, i) => ({ node: this.ctx.deref(item as AnyNode), path: `${e.path}[${i}]` }))
  }

  /** Items of a list that must each be a mapping; other items are reported and skipped. */
  listOfMappings(key: string, itemExpected: string): MapView[] | undefined {
    const items = this.list(key, `a list of ${itemExpected}`)
    if (!items) return undefined
    const views: MapView[] = []
    for (const item of items) {
      if (isMap(item.node)) {
        views.push(new MapView(this.ctx, item.node, item.path))
        this.ctx.positions[item.path] = this.ctx.position(item.node)
      } else this.ctx.error(item.node, item.path, 'must be a mapping', this.ctx.describe(item.node), itemExpected)
    }
    return views
  }

  /** A list of strings; other items are reported and skipped. */
  stringList(key: string, itemExpected = 'a string'): StringRead[] | undefined {
    const items = this.list(key, `a list of strings`)
    if (!items) return undefined
    const out: StringRead[] = []
    for (const item of items) {
      if (isScalar(item.node) && typeof item.node.value === 'string') out.push({ value: item.node.value, node: item.node, path: item.path })
      else this.ctx.error(item.node, item.path, 'must be a string', this.ctx.describe(item.node), itemExpected)
    }
    return out
  }

  /** A mapping of string keys to string values (tags, labels). */
  stringMap(key: string): Record<string, string> | undefined {
    const view = this.mapping(key, { expected: 'a mapping of strings to strings' })
    if (!view) return undefined
    const out: Record<string, string> = {}
    for (const e of view.entries()) {
      if (isScalar(e.value) && typeof e.value.value === 'string') out[e.key] = e.value.value
      else {
        const quoteHint = isScalar(e.value) && e.value.value !== null ? ' (quote it)' : ''
        this.ctx.error(view.at(e), e.path, `must be a string${quoteHint}`, this.ctx.describe(e.value), 'a string')
      }
    }
    return out
  }

  /** Keys not in `known` are errors, with a suggestion when one is close. */
  rejectUnknownKeys(known: readonly string[], what: string): void {
    for (const e of this.entries()) {
      if (known.includes(e.key)) continue
      const suggestion = closestMatch(e.key, known)
      const message = suggestion ? `unknown key in ${what}: did you mean \`${suggestion}\`?` : `unknown key in ${what}`
      this.ctx.error(e.keyNode, e.path, message, undefined, `one of ${known.join(', ')}`)
    }
  }
}
