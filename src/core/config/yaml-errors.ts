// A YAML syntax error told as a person would: ONE message, on the line where the mistake is, in plain words.
// The parser reports where it got lost, which is often a line or more away: a key indented too far on line 6
// is reported at the end of line 5 ("Nested mappings are not allowed in compact mappings"), a quote left open
// on line 2 at the end of the file. Pure: the text and the parser's errors in, one position and message out.
import { Parser, type LineCounter, type YAMLError } from 'yaml'
import { positionOf } from './yaml-position.js'

export interface YamlProblem {
  /** 1-based */
  line: number
  /** 1-based */
  col: number
  message: string
}

interface CstToken {
  type?: string
  offset?: number
  source?: string
  start?: unknown
  end?: unknown
  [key: string]: unknown
}

const CLOSED_DOUBLE = /^"(?:[^"\\]|\\[\s\S])*"$/
const CLOSED_SINGLE = /^'(?:[^']|'')*'$/

type Opening = { offset: number; what: 'double' | 'single' | 'seq' | 'map' }

/** The innermost (last opened) quoted value, `[` or `{` that is never closed, at or before `before` (an offset). */
function unclosedOpening(text: string, before: number): Opening | undefined {
  let found: Opening | undefined
  const note = (o: Opening): void => {
    if (!found || o.offset > found.offset) found = o
  }
  // iterative: a hostile file nests thousands deep
  const stack: unknown[] = []
  try {
    for (const token of new Parser().parse(text)) stack.push(token)
  } catch {
    return undefined // the token parser itself gave up (nesting too deep): no opening to point at
  }
  while (stack.length > 0) {
    const node = stack.pop()
    if (node === null || typeof node !== 'object') continue
    if (Array.isArray(node)) {
      for (const item of node) stack.push(item)
      continue
    }
    const t = node as CstToken
    const offset = t.offset ?? Number.POSITIVE_INFINITY
    if (offset <= before) {
      if (t.type === 'double-quoted-scalar' && !CLOSED_DOUBLE.test((t.source ?? '').trimEnd())) note({ offset, what: 'double' })
      else if (t.type === 'single-quoted-scalar' && !CLOSED_SINGLE.test((t.source ?? '').trimEnd())) note({ offset, what: 'single' })
      else if (t.type === 'flow-collection') {
        const open = (t.start as CstToken | undefined)?.source
        const closed = Array.isArray(t.end) && (t.end as CstToken[]).some(e => e.type === 'flow-seq-end' || e.type === 'flow-map-end')
        if (!closed) note({ offset, what: open === '{' ? 'map' : 'seq' })
      }
    }
    for (const [key, value] of Object.entries(t)) if (key !== 'source' && typeof value === 'object') stack.push(value)
  }
  return found
}

const indentOf = (line: string): number => line.length - line.trimStart().length
const isContent = (line: string): boolean => line.trim() !== '' && !line.trim().startsWith('#')
/** `key` of a `key: value` or `- key: value` line */
const keyOf = (line: string): string | undefined => /^\s*(?:-\s+)?([^\s:#'"][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)/.exec(line)?.[1]
const quoteCode = (s: string): string => `\`${s.replace(/`/g, "'")}\``

/**
 * The first of the parser's errors, explained at the offending line. `errors` must not be empty;
 * `lineCounter` is the one the text was parsed with.
 */
export function explainYamlError(text: string, errors: readonly YAMLError[], lineCounter: LineCounter): YamlProblem {
  const sorted = [...errors].sort((a, b) => a.pos[0] - b.pos[0])
  const first = sorted[0] as YAMLError
  const lines = text.split('\n').map(l => l.replace(/\r$/, ''))
  const at = (offset: number): { line: number; col: number } => positionOf(lineCounter, offset)
  const lineText = (n: number): string => lines[n - 1] ?? ''
  const startOfLine = (n: number): YamlProblem['col'] => indentOf(lineText(n)) + 1
  const here = at(first.pos[0])
  /** line `child` is indented further than line `parent`, a `key: value` */
  const indentedUnderValue = (parent: number, child: number): YamlProblem => {
    const parentKey = keyOf(lineText(parent))
    const childKey = keyOf(lineText(child))
    const spaces = indentOf(lineText(parent))
    const message = parentKey
      ? `${childKey ? quoteCode(childKey) : 'this line'} is indented further than ${quoteCode(parentKey)} on line ${parent}, which already has a value: ` +
        `line it up with ${quoteCode(parentKey)} (${spaces} space${spaces === 1 ? '' : 's'}), or remove ${quoteCode(parentKey)}'s value if it belongs under it`
      : `this line is indented further than line ${parent}, which already has a value: line the two up`
    return { line: child, col: startOfLine(child), message }
  }

  // A quote, `[` or `{` left open makes the parser read on, often to the end of the file: point at the opening.
  const opening = unclosedOpening(text, first.pos[0])
  if (opening) {
    const pos = at(opening.offset)
    const message = {
      double: 'this quoted value is never closed: add the closing " (a " inside the value is written \\")',
      single: "this quoted value is never closed: add the closing ' (a ' inside the value is written '')",
      seq: 'this [ is never closed: add the ] (or write the list with one "- item" per line)',
      map: 'this { is never closed: add the }'
    }[opening.what]
    return { ...pos, message }
  }

  switch (first.code) {
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY': {
      // `key: value` followed by a line indented further: the parser takes "value\n  next:" as one key.
      const end = Math.max(...sorted.filter(e => e.pos[0] === first.pos[0]).map(e => at(e.pos[1]).line))
      let next = here.line + 1
      while (next <= end && !isContent(lineText(next))) next++
      if (next <= end && indentOf(lineText(next)) > indentOf(lineText(here.line))) return indentedUnderValue(here.line, next)
      // `key: a: b` on one line
      const value = lineText(here.line).slice(here.col - 1).replace(/\s+#.*$/, '').trim()
      return {
        ...here,
        message: `${quoteCode(value)} cannot be a value as written: quote a value that contains ": " ("${value.replace(/"/g, '\\"')}"), or put a nested key on a line of its own`
      }
    }
    case 'TAB_AS_INDENT':
      return { line: here.line, col: 1, message: 'this line is indented with a tab: YAML indentation must be spaces' }
    case 'BAD_INDENT': {
      // reported at a blank or comment line before the one out of line
      let line = here.line
      while (line < lines.length && !isContent(lineText(line))) line++
      let previous = line - 1
      while (previous > 0 && !isContent(lineText(previous))) previous--
      const key = keyOf(lineText(line))
      const col = startOfLine(line)
      if (/sequence items/.test(first.message)) {
        return { line, col, message: `this list item (column ${col}) does not line up with the items before it: all items of one list start in the same column` }
      }
      if (/mapping items/.test(first.message)) {
        const previousHasValue = /:\s+[^\s#]/.test(lineText(previous)) && keyOf(lineText(previous)) !== undefined
        if (previous > 0 && previousHasValue && indentOf(lineText(line)) > indentOf(lineText(previous))) return indentedUnderValue(previous, line)
        return {
          line,
          col,
          message: `${key ? quoteCode(key) : 'this line'} (column ${col}) does not line up with the keys before it: the keys of one mapping start in the same column`
        }
      }
      break
    }
    case 'MISSING_CHAR':
      if (/followed by map values/.test(first.message)) {
        const content = lineText(here.line).trim()
        return { line: here.line, col: startOfLine(here.line), message: `${quoteCode(content)} is not a "key: value" line: is a ":" (followed by a space) missing?` }
      }
      break
    case 'DUPLICATE_KEY': {
      const key = keyOf(lineText(here.line))
      return { ...here, message: `${key ? quoteCode(key) : 'this key'} appears twice in the same mapping: keep one` }
    }
  }
  // Otherwise the parser's own words, without the excerpt it appends.
  return { ...here, message: first.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '') }
}

/** Deeper than any real config or manifest; the YAML parser's time and memory grow steeply with flow nesting. */
export const MAX_FLOW_DEPTH = 64

/**
 * Refuses, before the text is parsed, flow collections (`[`, `{`) nested deeper than MAX_FLOW_DEPTH: a 1 MiB file
 * of `[` would otherwise take the parser seconds and over a gigabyte. Counts only brackets where a flow collection
 * can start (at the start of a value or item, or inside another collection), outside quotes and comments.
 */
export function flowNestingProblem(text: string): YamlProblem | undefined {
  let depth = 0
  let line = 1
  let lineStart = 0
  let quote: '"' | "'" | undefined
  let comment = false
  // the last character that was not a space or tab, on this line
  let previous = '\n'
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string
    if (ch === '\n') {
      line++
      lineStart = i + 1
      comment = false
      previous = '\n'
      continue
    }
    if (comment) continue
    if (quote) {
      if (quote === '"' && ch === '\\') i++
      else if (ch === quote) quote = undefined
      continue
    }
    if (ch === ' ' || ch === '\t') continue
    const startsValue = previous === '\n' || previous === ':' || previous === '-' || previous === ',' || previous === '[' || previous === '{' || previous === '?'
    if (ch === '#' && (i === lineStart || text[i - 1] === ' ' || text[i - 1] === '\t')) {
      comment = true
      continue
    }
    if ((ch === '"' || ch === "'") && startsValue) quote = ch
    else if ((ch === '[' || ch === '{') && (startsValue || depth > 0)) {
      if (++depth > MAX_FLOW_DEPTH) {
        return { line, col: i - lineStart + 1, message: `[ and { are nested more than ${MAX_FLOW_DEPTH} levels deep here; no config or manifest needs that` }
      }
    } else if ((ch === ']' || ch === '}') && depth > 0) depth--
    previous = ch
  }
  return undefined
}
