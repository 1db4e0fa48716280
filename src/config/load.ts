// loadClusterConfig: file → validated ClusterConfig. The shell half: reads the file through the path rules;
// src/core/config/load.ts validates the text.
import { ConfigError } from '../core/config/diagnostics.js'
import { loadClusterConfigText, type LoadOptions, type LoadResult } from '../core/config/load.js'
import { anyPathRules, InputFileError, MAX_INPUT_FILE_BYTES, readInputFile, type PathRules } from '../runner/input-files.js'

/** eksctl configs are a few KiB; anything near this is not a ClusterConfig, so it is refused before it is read. */
export const MAX_CONFIG_BYTES = MAX_INPUT_FILE_BYTES

/**
 * Reads the file through the path rules (README, Security; the command line's by default: any path, a
 * regular file of at most 1 MiB) and loads it. A file that cannot be read is one diagnostic at 1:1.
 */
export function loadClusterConfig(file: string, opts: LoadOptions, rules: PathRules = anyPathRules(process.cwd())): LoadResult {
  let read
  try {
    read = readInputFile('cluster-config', file, rules, MAX_CONFIG_BYTES)
  } catch (e) {
    if (!(e instanceof InputFileError)) throw e
    throw new ConfigError([{ severity: 'error', file: e.file, line: 1, col: 1, path: '', message: `input cluster-config: ${e.reason}` }])
  }
  return loadClusterConfigText(read.shown, read.text, opts)
}
