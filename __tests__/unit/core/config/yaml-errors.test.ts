// Malformed YAML: one message, at the line where the mistake is (where eksctl and kubectl point), in plain words
// — not the two or three parser messages at the place the parser got lost.
import { describe, expect, it } from '@jest/globals'
import { LineCounter, parseAllDocuments } from 'yaml'
import { MAX_FLOW_DEPTH, explainYamlError, flowNestingProblem } from '../../../../src/core/config/yaml-errors.js'

function explain(text: string): string {
  const lineCounter = new LineCounter()
  const errors = parseAllDocuments(text, { lineCounter, uniqueKeys: true, prettyErrors: false }).flatMap(d => ('errors' in d ? d.errors : []))
  expect(errors.length).toBeGreaterThan(0)
  const p = explainYamlError(text, errors, lineCounter)
  return `${p.line}:${p.col}: ${p.message}`
}

describe('explainYamlError', () => {
  it('a key indented further than the key above it, which has a value: at the indented key', () => {
    expect(explain('metadata:\n  name: c\n  region: us-west-2\n    version: "1.30"\n')).toBe(
      "4:5: `version` is indented further than `region` on line 3, which already has a value: line it up with `region` (2 spaces), or remove `region`'s value if it belongs under it"
    )
    // one space too many, with a blank line and a comment between
    expect(explain('a:\n  b: 1\n\n  # note\n   c: 2\n')).toMatch(/^5:4: `c` is indented further than `b` on line 2/)
  })

  it('a key indented less than its siblings', () => {
    expect(explain('a:\n  b: 1\n c: 2\n')).toBe('3:2: `c` (column 2) does not line up with the keys before it: the keys of one mapping start in the same column')
  })

  it('a list item out of line', () => {
    expect(explain('a:\n  - x: 1\n    y: 2\n   - z: 3\n')).toBe(
      '4:4: this list item (column 4) does not line up with the items before it: all items of one list start in the same column'
    )
  })

  it('a tab used for indentation', () => {
    expect(explain('a:\n  b: 1\n\tc: 2\n')).toBe('3:1: this line is indented with a tab: YAML indentation must be spaces')
  })

  it('a missing colon', () => {
    expect(explain('a:\n  b: 1\n  c 2\n  d: 3\n')).toBe('3:3: `c 2` is not a "key: value" line: is a ":" (followed by a space) missing?')
  })

  it('a value with ": " in it', () => {
    expect(explain('description: note: keep\n')).toBe(
      '1:14: `note: keep` cannot be a value as written: quote a value that contains ": " ("note: keep"), or put a nested key on a line of its own'
    )
  })

  it('a quote left open: at the opening quote, not at the end of the file', () => {
    expect(explain('a:\n  b: "abc\n  c: 2\n  d: 3\n')).toBe('2:6: this quoted value is never closed: add the closing " (a " inside the value is written \\")')
    expect(explain("a:\n  b: 'it''s\n  c: 2\n")).toBe("2:6: this quoted value is never closed: add the closing ' (a ' inside the value is written '')")
  })

  it('a [ or { left open: at the bracket', () => {
    expect(explain('a:\n  b: [1, 2\n  c: 2\n')).toBe('2:6: this [ is never closed: add the ] (or write the list with one "- item" per line)')
    expect(explain('a: {x: 1\nb: 2\n')).toMatch(/^1:4: this \{ is never closed: add the \}$/)
  })

  it('a duplicated key: at the second one', () => {
    expect(explain('a:\n  b: 1\n  b: 2\n')).toBe('3:3: `b` appears twice in the same mapping: keep one')
  })

  it('anything else: the parser\'s words at its position, without its excerpt', () => {
    expect(explain('a: @x\n')).toMatch(/^1:4: Plain value cannot start with reserved character @$/)
  })
})

describe('explainYamlError on JSON', () => {
  it('a brace left open: at the innermost one', () => {
    expect(explain('{"a": 1,\n "k": {"v": "1.2.1"\n')).toBe('2:7: this { is never closed: add the }')
  })
})

describe('explainYamlError on hostile input', () => {
  it('20,000 unclosed [ : one message, no stack overflow (the walk is iterative)', () => {
    const started = Date.now()
    expect(explain(`a: ${'['.repeat(20_000)}\n`)).toMatch(/^1:\d+: this \[ is never closed/)
    expect(Date.now() - started).toBeLessThan(10_000)
  })
})

describe('flowNestingProblem', () => {
  it('refuses [ and { nested deeper than MAX_FLOW_DEPTH, at the first one too deep, before any parsing', () => {
    const started = Date.now()
    expect(flowNestingProblem(`metadata:\n  tags: ${'['.repeat(1_000_000)}\n`)).toEqual({
      line: 2,
      col: 9 + MAX_FLOW_DEPTH,
      message: `[ and { are nested more than ${MAX_FLOW_DEPTH} levels deep here; no config or manifest needs that`
    })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(flowNestingProblem(`a: ${'{"b": '.repeat(MAX_FLOW_DEPTH + 1)}1`)).toMatchObject({ line: 1 })
  })

  it('leaves alone what real files hold: flow lists and maps, brackets in text, quotes and comments', () => {
    const deep = (n: number): string => `${'['.repeat(n)}${']'.repeat(n)}`
    expect(flowNestingProblem(`a: ${deep(MAX_FLOW_DEPTH)}\nb: ${deep(MAX_FLOW_DEPTH)}\n`)).toBeUndefined()
    expect(flowNestingProblem(`${'note: a[b\n'.repeat(200)}`)).toBeUndefined()
    expect(flowNestingProblem(`a: "${'['.repeat(200)}"\nb: '${'{'.repeat(200)}'\n# ${'['.repeat(200)}\nc: x # ${'['.repeat(200)}\n`)).toBeUndefined()
    expect(flowNestingProblem('{"apiVersion": "eksctl.io/v1alpha5", "metadata": {"tags": {"a": "[x]"}}, "list": [[1], [2, {"k": [3]}]]}')).toBeUndefined()
  })
})
