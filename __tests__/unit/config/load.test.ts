// src/config/load.ts, the shell half of reading the config: the file is read through the path rules (README.md,
// "Paths and what is validated"), and a file that cannot be read is one diagnostic at 1:1. Problems with the
// text itself are src/core/config/source.ts's (__tests__/unit/core/config/source.test.ts).
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import * as os from 'node:os'
import { DEFAULTS } from '../core/config/helpers.js'
import { MAX_CONFIG_BYTES, loadClusterConfig } from '../../../src/config/load.js'
import { ConfigError, formatDiagnostic } from '../../../src/core/config/diagnostics.js'

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'config-test-'))
}

/** Writes `text` as cluster.yaml in a new temp folder and returns its path. */
function writeConfig(text: string | Buffer): string {
  const file = path.join(tempDir(), 'cluster.yaml')
  fs.writeFileSync(file, text)
  return file
}

/** Loads `file` through the shell reader, expecting a ConfigError; every diagnostic formatted, the folder left out. */
function messagesOfFile(file: string): string[] {
  try {
    loadClusterConfig(file, DEFAULTS)
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e
    return e.diagnostics.map((d) => formatDiagnostic(d).split(path.dirname(file) + path.sep).join(''))
  }
  throw new Error(`expected ${file} to be rejected`)
}

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

  // The shell drops the byte-order mark when it reads the file (src/runner/input-files.ts), so columns count from the text.
  it('ignores a byte-order mark when counting columns', () => {
    expect(messagesOfFile(writeConfig('\ufeffapiVersion: eksctl.io/v1alpha4\n'))).toContain(
      'cluster.yaml:1:13: apiVersion: must be eksctl.io/v1alpha5 (got eksctl.io/v1alpha4, expected eksctl.io/v1alpha5)'
    )
  })
})
