// What every mode receives: the parsed inputs and config, where to put temporary files, the report to
// fill in, and a signal that fires when the job is cancelled (SIGINT/SIGTERM).
import type { Inputs } from '../inputs/types.js'
import type { ClusterConfig } from '../config/types.js'
import type { RunReport } from '../report/types.js'

export interface RunContext {
  inputs: Inputs
  config: ClusterConfig
  /** RUNNER_TEMP (or the OS temp dir from the command line): kubeconfigs and downloads go here */
  tempDir: string
  report: RunReport
  signal: AbortSignal
}
