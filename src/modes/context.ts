// What every mode receives: the parsed inputs, config and input files, where to put temporary files, the report to
// fill in, and a signal that fires when the job is cancelled (SIGINT/SIGTERM).
import type { Inputs } from '../core/inputs.js'
import type { ClusterConfig } from '../core/config/types.js'
import type { RunReport } from '../report/types.js'
import type { RunFiles } from './run-files.js'
import type { DesiredState } from '../core/types.js'

export interface RunContext {
  inputs: Inputs
  config: ClusterConfig
  /** the values file, manifests and kubeconfig the inputs name, read and checked before the mode runs */
  files: RunFiles
  /**
   * The desired state from the config alone, built once before the mode runs (no account, no cluster): what render
   * shows, and the names and controller identity a mode reads AWS by before it builds the desired state from the facts.
   */
  offline: DesiredState
  /** RUNNER_TEMP (or the OS temp dir from the command line): kubeconfigs and downloads go here */
  tempDir: string
  report: RunReport
  signal: AbortSignal
}
