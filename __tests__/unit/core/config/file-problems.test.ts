// Each problem with the file as a whole gets its own clear error, before any rule runs.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { FIXTURES, messagesOfFile, tempDir, writeConfig } from './helpers.js'
import { MAX_CONFIG_BYTES } from '../../../../src/config/load.js'

const fixture = (name: string) => path.join(FIXTURES, name)

describe('file problems', () => {
  it('reports a missing file', () => {
    const file = path.join(tempDir(), 'nope.yaml')
    expect(messagesOfFile(file)).toEqual([
      'nope.yaml:1:1: input cluster-config: not found (looked for nope.yaml)'
    ])
  })

  it('reports a directory', () => {
    const dir = path.join(tempDir(), 'clusters')
    fs.mkdirSync(dir)
    expect(messagesOfFile(dir)).toEqual(['clusters:1:1: input cluster-config: is a directory; cluster-config must name a file'])
  })

  it('reports an empty file, and one with only blank lines', () => {
    const expected = 'file is empty: expected an eksctl ClusterConfig (apiVersion: eksctl.io/v1alpha5, kind: ClusterConfig)'
    expect(messagesOfFile(fixture('empty.yaml'))).toEqual([`empty.yaml:1:1: ${expected}`])
    expect(messagesOfFile(writeConfig('  \n\n\t\n'))).toEqual([`cluster.yaml:1:1: ${expected}`])
  })

  it('reports a file of comments only', () => {
    expect(messagesOfFile(fixture('comments-only.yaml'))).toEqual([
      'comments-only.yaml:1:1: file has no YAML content (only comments or blank lines): expected an eksctl ClusterConfig'
    ])
  })

  it('refuses a file over 1 MiB by its size', () => {
    const file = writeConfig(Buffer.alloc(MAX_CONFIG_BYTES + 1, 'a'))
    expect(messagesOfFile(file)).toEqual([
      `cluster.yaml:1:1: input cluster-config: is too large (${MAX_CONFIG_BYTES + 1} bytes; the limit for cluster-config is 1048576 bytes): is this the right file?`
    ])
  })

  it('checks the size before reading: a sparse 3 GiB file (too big to read into a string) gets the size error', () => {
    const file = writeConfig('')
    fs.truncateSync(file, 3 * 1024 ** 3)
    expect(messagesOfFile(file)).toEqual([
      `cluster.yaml:1:1: input cluster-config: is too large (${3 * 1024 ** 3} bytes; the limit for cluster-config is 1048576 bytes): is this the right file?`
    ])
  })

  it('accepts a file of exactly 1 MiB as far as size goes', () => {
    // 1 MiB of comment lines after a valid header: not a size error (it fails later, for content)
    const header = 'apiVersion: eksctl.io/v1alpha5\n'
    const filler = '#'.repeat(MAX_CONFIG_BYTES - header.length - 1) + '\n'
    const out = messagesOfFile(writeConfig(header + filler))
    expect(out.some((m) => m.includes('too large'))).toBe(false)
  })

  it('reports malformed YAML once, where the mistake is', () => {
    // The flow sequence opened on line 5 is still open where line 6 starts; the parser notices on line 6.
    expect(messagesOfFile(fixture('malformed.yaml'))).toEqual([
      'malformed.yaml:5:11: malformed YAML: this [ is never closed: add the ] (or write the list with one "- item" per line)'
    ])
  })

  it('reports a key indented too far at its own line, in one message', () => {
    // The parser gets lost at the end of line 5 (two errors there: "Nested mappings are not allowed in compact
    // mappings", "Implicit keys need to be on a single line"); eksctl and kubectl say line 6.
    const file = writeConfig(
      'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c\n  region: us-west-2\n    version: "1.30"\nkarpenter:\n  version: 1.2.1\n'
    )
    expect(messagesOfFile(file)).toEqual([
      'cluster.yaml:6:5: malformed YAML: `version` is indented further than `region` on line 5, which already has a value: ' +
        "line it up with `region` (2 spaces), or remove `region`'s value if it belongs under it"
    ])
  })

  it('reports a duplicated key as malformed YAML at the second key', () => {
    expect(messagesOfFile(fixture('duplicate-key.yaml'))).toEqual(['duplicate-key.yaml:6:3: malformed YAML: `name` appears twice in the same mapping: keep one'])
  })

  it('reports a file with several documents at the second one', () => {
    expect(messagesOfFile(fixture('multi-document.yaml'))).toEqual([
      'multi-document.yaml:6:1: file holds 2 YAML documents (separated by ---): expected exactly one ClusterConfig per file'
    ])
  })

  it('reports a top level that is a list or a single value', () => {
    expect(messagesOfFile(fixture('top-level-list.yaml'))).toEqual([
      'top-level-list.yaml:1:1: the top level must be a mapping (apiVersion, kind, metadata, karpenter, ...) (got a list, expected a mapping)'
    ])
    expect(messagesOfFile(fixture('top-level-scalar.yaml'))).toEqual([
      'top-level-scalar.yaml:1:1: the top level must be a mapping (apiVersion, kind, metadata, karpenter, ...) (got a single value, expected a mapping)'
    ])
  })

  it('ignores a byte-order mark when counting columns', () => {
    const out = messagesOfFile(writeConfig('\ufeffapiVersion: eksctl.io/v1alpha4\n'))
    expect(out).toContain('cluster.yaml:1:13: apiVersion: must be eksctl.io/v1alpha5 (got eksctl.io/v1alpha4, expected eksctl.io/v1alpha5)')
  })
})
