// src/core/config/view.ts: typed, position-aware reads of the parsed config. A read that finds the wrong shape
// records a diagnostic at the value (or at its key when the value is empty) and returns undefined, so one pass
// reports every problem (README.md, "Security": bad input gets file:line:col, key, value, expected).
import { describe, expect, it } from '@jest/globals'
import { problems, rootView } from './helpers.js'
import { isEmptyValue, joinPath } from '../../../../src/core/config/view.js'

describe('ReadContext.describe: the value as written, on one short line', () => {
  const describeKey = (text: string, key = 'k') => {
    const root = rootView(text)
    return root.ctx.describe(root.entry(key)!.value)
  }
  it('names empty values, mappings and lists, and keeps scalars as written (quotes included)', () => {
    expect(describeKey('k:\n')).toBe('an empty value')
    expect(describeKey('k: {a: 1}\n')).toBe('a mapping')
    expect(describeKey('k: [1]\n')).toBe('a list')
    expect(describeKey("k: '1.2.1'\n")).toBe("'1.2.1'")
    expect(describeKey('k: 1.30\n')).toBe('1.30')
  })
  it('cuts a long value to 57 characters and marks a value of several lines', () => {
    expect(describeKey(`k: ${'x'.repeat(61)}\n`)).toBe(`${'x'.repeat(57)}...`)
    expect(describeKey(`k: ${'x'.repeat(60)}\n`)).toBe('x'.repeat(60))
    expect(describeKey('k: |\n  first\n  ::error::second\n')).toBe('| ...')
    expect(describeKey('k: "a\n  b"\n')).toBe('"a ...')
  })
  it('follows aliases to the value they name', () => {
    expect(describeKey('a: &x [1, 2]\nk: *x\n')).toBe('a list')
  })
})

describe('MapView reads', () => {
  it('entry records where each key was written, by key path', () => {
    const root = rootView('a: 1\nm:\n  b: 2\n')
    root.entry('a')
    root.mapping('m')!.entry('b')
    expect(root.ctx.positions).toEqual({ a: { line: 1, col: 1 }, m: { line: 2, col: 1 }, 'm.b': { line: 3, col: 3 } })
  })

  it('string: a missing required key is reported at the mapping; a number only with allowNumber, kept as written', () => {
    const root = rootView('m:\n  n: 1.30\n  b: true\n')
    const m = root.mapping('m')!
    expect(m.string('absent')).toBeUndefined()
    expect(m.string('req', { required: true, expected: 'a name' })).toBeUndefined()
    expect(m.string('n', { allowNumber: true })?.value).toBe('1.30')
    expect(m.string('n')).toBeUndefined()
    expect(m.string('b', { expected: 'text' })).toBeUndefined()
    expect(problems(root)).toEqual([
      'cluster.yaml:2:3: m.req: required key is missing (expected a name)',
      'cluster.yaml:2:6: m.n: must be a string (got 1.30, expected a string)',
      'cluster.yaml:3:6: m.b: must be a string (got true, expected text)'
    ])
  })

  it('nonEmptyString refuses blanks; an empty value is pointed at its key', () => {
    const root = rootView("a: '  '\nb:\n")
    expect(root.nonEmptyString('a')).toBeUndefined()
    expect(root.nonEmptyString('b')).toBeUndefined()
    expect(problems(root)).toEqual([
      "cluster.yaml:1:4: a: must not be empty (got '  ', expected a non-empty string)",
      'cluster.yaml:2:1: b: must be a string (got an empty value, expected a string)'
    ])
  })

  it('boolean takes true/false only, hinting at YAML 1.1 spellings', () => {
    const root = rootView('a: true\nb: on\nc: "false"\n')
    expect(root.boolean('a')).toBe(true)
    expect(root.boolean('b')).toBeUndefined()
    expect(root.boolean('c')).toBeUndefined()
    expect(root.boolean('missing')).toBeUndefined()
    expect(problems(root)).toEqual([
      'cluster.yaml:2:4: b: must be a boolean: write true or false, not yes/no/on/off (got on, expected true or false)',
      'cluster.yaml:3:4: c: must be a boolean (got "false", expected true or false)'
    ])
  })

  it('mapping: an optional key written empty is absent; a required one or another shape is an error', () => {
    const root = rootView('opt:\nreq: ~\nlist: [1]\n')
    expect(root.mapping('opt')).toBeUndefined()
    expect(root.mapping('req', { required: true, expected: 'a block' })).toBeUndefined()
    expect(root.mapping('list')).toBeUndefined()
    expect(problems(root)).toEqual([
      'cluster.yaml:2:6: req: must be a mapping (got ~, expected a block)',
      'cluster.yaml:3:7: list: must be a mapping (got a list, expected a mapping)'
    ])
  })

  it('listOfMappings gives each item its path and position, and reports and skips the others', () => {
    const root = rootView('l:\n  - a: 1\n  - plain\n  - b: 2\n')
    const items = root.listOfMappings('l', 'a mapping with a')!
    expect(items.map(i => i.path)).toEqual(['l[0]', 'l[2]'])
    expect(root.ctx.positions['l[2]']).toEqual({ line: 4, col: 5 })
    expect(problems(root)).toEqual(['cluster.yaml:3:5: l[1]: must be a mapping (got plain, expected a mapping with a)'])
    expect(rootView('l:\n').listOfMappings('l', 'x')).toBeUndefined()
  })

  it('list refuses a value that is not a list; stringList keeps the strings and reports the rest', () => {
    const root = rootView('s: x\nl: [a, 2, b]\n')
    expect(root.list('s')).toBeUndefined()
    expect(root.stringList('l', 'an ARN')!.map(r => [r.value, r.path])).toEqual([['a', 'l[0]'], ['b', 'l[2]']])
    expect(problems(root)).toEqual([
      'cluster.yaml:1:4: s: must be a list (got x, expected a list)',
      'cluster.yaml:2:8: l[1]: must be a string (got 2, expected an ARN)'
    ])
  })

  it('stringMap keeps string values and asks to quote numbers and booleans', () => {
    const root = rootView('t:\n  ok: yes-string\n  n: 7\n  e:\n')
    expect(root.stringMap('t')).toEqual({ ok: 'yes-string' })
    expect(problems(root)).toEqual([
      'cluster.yaml:3:6: t.n: must be a string (quote it) (got 7, expected a string)',
      'cluster.yaml:4:3: t.e: must be a string (got an empty value, expected a string)'
    ])
  })

  it('rejectUnknownKeys reports each unknown key at the key, with a did-you-mean when one is close', () => {
    const root = rootView('version: 1\nverison: 2\nzzz: 3\n')
    root.rejectUnknownKeys(['version', 'tags'], '`x:`')
    expect(problems(root)).toEqual([
      'cluster.yaml:2:1: verison: unknown key in `x:`: did you mean `version`? (expected one of version, tags)',
      'cluster.yaml:3:1: zzz: unknown key in `x:` (expected one of version, tags)'
    ])
  })

  it('reports at a position as well as at a node, as a warning too', () => {
    const root = rootView('a: 1\n')
    root.ctx.warning({ line: 7, col: 3 }, 'x.y', 'careful', 'v', 'w')
    expect(root.ctx.diagnostics).toEqual([{ severity: 'warning', file: 'cluster.yaml', line: 7, col: 3, path: 'x.y', message: 'careful', got: 'v', expected: 'w' }])
  })
})

describe('helpers', () => {
  it('isEmptyValue: nothing, null and ~ are empty; other values are not', () => {
    const root = rootView('a:\nb: ~\nc: null\nd: 0\ne: ""\n')
    expect(['a', 'b', 'c', 'd', 'e'].map(k => isEmptyValue(root.entry(k)!.value))).toEqual([true, true, true, false, false])
    expect(isEmptyValue(undefined)).toBe(true)
  })
  it('joinPath joins with dots, the top level has none', () => {
    expect(joinPath('', 'a')).toBe('a')
    expect(joinPath('a.b', 'c')).toBe('a.b.c')
  })
})
