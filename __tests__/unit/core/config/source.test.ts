// src/core/config/source.ts: each problem with the file as a whole gets its own clear error, at the line and column
// where the mistake is, before any rule runs (README.md, "Security": bad input gets file:line:col).
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { FIXTURES } from './helpers.js'
import { checkConfigText, parseConfigText } from '../../../../src/core/config/source.js'
import { formatDiagnostic } from '../../../../src/core/config/diagnostics.js'
import { MAX_FLOW_DEPTH } from '../../../../src/core/config/yaml-errors.js'

/** The problems source.ts finds in `text` (empty first, then the parse), formatted. */
function problemsOf(file: string, text: string): string[] {
  const empty = checkConfigText(file, text)
  if (empty.length > 0) return empty.map(formatDiagnostic)
  const parsed = parseConfigText(file, text)
  return parsed.ok ? [] : parsed.diagnostics.map(formatDiagnostic)
}
const fixture = (name: string): string[] => problemsOf(name, fs.readFileSync(path.join(FIXTURES, name), 'utf8'))

describe('file problems', () => {
  it('reports an empty file, and one with only blank lines', () => {
    const expected = 'file is empty: expected an eksctl ClusterConfig (apiVersion: eksctl.io/v1alpha5, kind: ClusterConfig)'
    expect(fixture('empty.yaml')).toEqual([`empty.yaml:1:1: ${expected}`])
    expect(problemsOf('cluster.yaml', '  \n\n\t\n')).toEqual([`cluster.yaml:1:1: ${expected}`])
  })

  it('reports a file of comments only', () => {
    expect(fixture('comments-only.yaml')).toEqual([
      'comments-only.yaml:1:1: file has no YAML content (only comments or blank lines): expected an eksctl ClusterConfig'
    ])
  })

  it('reports malformed YAML once, where the mistake is', () => {
    // The flow sequence opened on line 5 is still open where line 6 starts; the parser notices on line 6.
    expect(fixture('malformed.yaml')).toEqual([
      'malformed.yaml:5:11: malformed YAML: this [ is never closed: add the ] (or write the list with one "- item" per line)'
    ])
  })

  it('reports a key indented too far at its own line, in one message', () => {
    // The parser gets lost at the end of line 5 (two errors there: "Nested mappings are not allowed in compact
    // mappings", "Implicit keys need to be on a single line"); eksctl and kubectl say line 6.
    const text = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c\n  region: us-west-2\n    version: "1.30"\nkarpenter:\n  version: 1.2.1\n'
    expect(problemsOf('cluster.yaml', text)).toEqual([
      'cluster.yaml:6:5: malformed YAML: `version` is indented further than `region` on line 5, which already has a value: ' +
        "line it up with `region` (2 spaces), or remove `region`'s value if it belongs under it"
    ])
  })

  it('reports a duplicated key as malformed YAML at the second key', () => {
    expect(fixture('duplicate-key.yaml')).toEqual(['duplicate-key.yaml:6:3: malformed YAML: `name` appears twice in the same mapping: keep one'])
  })

  it('reports a file with several documents at the second one', () => {
    expect(fixture('multi-document.yaml')).toEqual([
      'multi-document.yaml:6:1: file holds 2 YAML documents (separated by ---): expected exactly one ClusterConfig per file'
    ])
  })

  it('reports a top level that is a list, a single value or an empty document', () => {
    expect(fixture('top-level-list.yaml')).toEqual([
      'top-level-list.yaml:1:1: the top level must be a mapping (apiVersion, kind, metadata, karpenter, ...) (got a list, expected a mapping)'
    ])
    expect(fixture('top-level-scalar.yaml')).toEqual([
      'top-level-scalar.yaml:1:1: the top level must be a mapping (apiVersion, kind, metadata, karpenter, ...) (got a single value, expected a mapping)'
    ])
    expect(problemsOf('cluster.yaml', '# a comment\n---\n')).toEqual([
      'cluster.yaml:2:1: the top level must be a mapping (apiVersion, kind, metadata, karpenter, ...) (got an empty document, expected a mapping)'
    ])
  })

  it('refuses flow collections nested past MAX_FLOW_DEPTH at the first bracket too deep, before parsing them', () => {
    // `apiVersion: ` is 12 characters: bracket n is at column 12 + n
    expect(problemsOf('cluster.yaml', `apiVersion: ${'['.repeat(5000)}${']'.repeat(5000)}\n`)).toEqual([
      `cluster.yaml:1:${12 + MAX_FLOW_DEPTH + 1}: malformed YAML: [ and { are nested more than ${MAX_FLOW_DEPTH} levels deep here; no config or manifest needs that`
    ])
    expect(problemsOf('cluster.yaml', `apiVersion: ${'['.repeat(MAX_FLOW_DEPTH)}${']'.repeat(MAX_FLOW_DEPTH)}\n`)).toEqual([])
  })
})

describe('a parsable file', () => {
  it('gives the one document, its top-level mapping and the line counter positions are read with', () => {
    const text = 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\n'
    const parsed = parseConfigText('cluster.yaml', text)
    if (!parsed.ok) throw new Error(parsed.diagnostics.map(formatDiagnostic).join('\n'))
    expect(parsed.parsed.text).toBe(text)
    expect(parsed.parsed.root.items.map(p => String((p.key as { value: unknown }).value))).toEqual(['apiVersion', 'kind'])
    expect(parsed.parsed.lineCounter.linePos(text.indexOf('kind'))).toEqual({ line: 2, col: 1 })
    expect(checkConfigText('cluster.yaml', text)).toEqual([])
  })
})
