// Test helpers for the pure config reader (src/core/config): a config text read as `cluster.yaml`, so expectations
// read `cluster.yaml:LINE:COL: ...`; repository files (fixtures, examples) read with their path as the file name.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadClusterConfigText, type LoadOptions, type LoadResult } from '../../../../src/core/config/load.js'
import { ConfigError, formatDiagnostic, type Diagnostic } from '../../../../src/core/config/diagnostics.js'
import { parseConfigText } from '../../../../src/core/config/source.js'
import { ReadContext, type MapView } from '../../../../src/core/config/view.js'

export const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/configs')
export const REPO = path.resolve(FIXTURES, '../../..')

export const DEFAULTS: LoadOptions = { namespace: 'karpenter', controllerIdentity: 'auto' }

/** The smallest valid IRSA config; tests replace lines of it. Line numbers are in the comments. */
export const BASE = [
  'apiVersion: eksctl.io/v1alpha5', // 1
  'kind: ClusterConfig', // 2
  'metadata:', // 3
  '  name: demo', // 4
  '  region: us-west-2', // 5
  "  version: '1.32'", // 6
  'iam:', // 7
  '  withOIDC: true', // 8
  'karpenter:', // 9
  "  version: '1.2.1'" // 10
].join('\n') + '\n'

/** Loads `text` as cluster.yaml (the pure reader: no file), expecting success. */
export function load(text: string, opts: Partial<LoadOptions> = {}): LoadResult {
  return loadClusterConfigText('cluster.yaml', text, { ...DEFAULTS, ...opts })
}

/** Loads a file of the repository (a fixture, an example) through the pure reader, its path as the file name. */
export function loadFile(file: string, opts: Partial<LoadOptions> = {}): LoadResult {
  return loadClusterConfigText(file, fs.readFileSync(file, 'utf8'), { ...DEFAULTS, ...opts })
}

function rejected(run: () => unknown, file: string): string[] {
  try {
    run()
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e
    return e.diagnostics.map((d) => formatDiagnostic(d).split(path.dirname(file) + path.sep).join(''))
  }
  throw new Error(`expected ${file} to be rejected`)
}

/** Loads `text` as cluster.yaml, expecting a ConfigError; returns every diagnostic formatted. */
export function messages(text: string, opts: Partial<LoadOptions> = {}): string[] {
  return rejected(() => load(text, opts), 'cluster.yaml')
}

/** Loads a file of the repository, expecting a ConfigError; every diagnostic formatted, its folder left out. */
export function messagesOfFixture(file: string, opts: Partial<LoadOptions> = {}): string[] {
  return rejected(() => loadFile(file, opts), file)
}

/** Warnings of a config that loads, formatted. */
export function warnings(text: string, opts: Partial<LoadOptions> = {}): string[] {
  return load(text, opts).warnings.map((d) => formatDiagnostic(d))
}

/** BASE with line `n` (1-based) replaced by `lines` (none to delete it). */
export function withLine(n: number, ...lines: string[]): string {
  const all = BASE.trimEnd().split('\n')
  all.splice(n - 1, 1, ...lines)
  return all.join('\n') + '\n'
}

/**
 * The top-level mapping of `text` as the config reader sees it, for tests of one section reader or of the view
 * itself (no file, no load): read with it, then look at `view.ctx.diagnostics` (formatted by `problems`).
 */
export function rootView(text: string, file = 'cluster.yaml'): MapView {
  const parsed = parseConfigText(file, text)
  if (!parsed.ok) throw new Error(`not a parsable config: ${parsed.diagnostics.map(formatDiagnostic).join('; ')}`)
  return new ReadContext(file, text, parsed.parsed.lineCounter, parsed.parsed.doc).map(parsed.parsed.root, '')
}

/** Every diagnostic recorded so far in the view's read, formatted. */
export function problems(view: MapView): string[] {
  return view.ctx.diagnostics.map(formatDiagnostic)
}

/** A sample error and warning, for tests of how diagnostics are written. */
export const SAMPLE_ERROR: Diagnostic = {
  severity: 'error',
  file: 'clusters/prod.yaml',
  line: 10,
  col: 12,
  path: 'karpenter.version',
  message: 'Karpenter 0.27.1 is older than this action supports',
  got: "'0.27.1'",
  expected: '0.28.0 or newer'
}
export const SAMPLE_WARNING: Diagnostic = { severity: 'warning', file: 'clusters/prod.yaml', line: 5, col: 11, path: 'metadata.region', message: 'overridden' }
