// The shell around the core, shared by the action and the command line: read the config, run the
// mode, publish outputs and the summary, and turn every failure into one clear message.
import { tmpdir } from 'node:os'
import type { Inputs } from './core/inputs.js'
import type { ClusterConfig } from './core/config/types.js'
import { loadClusterConfig } from './config/load.js'
import { ConfigError, type Diagnostic } from './core/config/diagnostics.js'
import { emptyReport, type RunReport } from './report/types.js'
import { changeWords, outputsOf } from './report/outputs.js'
import { renderSummary } from './report/summary.js'
import { runMode } from './modes/dispatch.js'
import { buildDesiredState } from './core/desired.js'
import { anyPathRules, type PathRules } from './runner/input-files.js'
import { noteManifests, readRunFiles } from './modes/run-files.js'
import { errorMessage } from './core/errors.js'
import { info, warning } from './runner/log.js'

/** What differs between the action and the command line. */
export interface Host {
  workspace: string
  tempDir?: string
  /** where input files may be (README, Security); absent: any path, resolved from `workspace` (the command line) */
  paths?: PathRules
  setOutput(name: string, value: string): void
  writeSummary(markdown: string): Promise<void>
  annotate(diagnostics: Diagnostic[]): void
  fail(message: string): void
}

export interface RunResult {
  ok: boolean
  report: RunReport
  config?: ClusterConfig
}

export async function execute(inputs: Inputs, host: Host): Promise<RunResult> {
  const report = emptyReport(inputs.mode)
  const controller = new AbortController()
  const onSignal = (signal: NodeJS.Signals): void => {
    warning(`received ${signal}: stopping at the next safe point`)
    controller.abort(new Error(`cancelled by ${signal}`))
  }
  process.once('SIGINT', onSignal)
  process.once('SIGTERM', onSignal)

  let config: ClusterConfig | undefined
  try {
    const rules = host.paths ?? anyPathRules(host.workspace)
    const loaded = loadClusterConfig(inputs.clusterConfig, { namespace: inputs.namespace, controllerIdentity: inputs.controllerIdentity, regionOverride: inputs.awsRegion }, rules)
    if (loaded.warnings.length > 0) host.annotate(loaded.warnings)
    // The other input files (values, manifests, kubeconfig) are read and checked now, in every mode.
    const files = await readRunFiles(inputs, loaded.config, rules)
    config = loaded.config
    noteManifests(report, inputs, files)
    // Everything that can be refused offline (derived names, policy sizes) is, before any mode makes an AWS call.
    const offline = buildDesiredState(config, inputs)
    await runMode(inputs.mode, { inputs, config, files, offline, tempDir: host.tempDir ?? tmpdir(), report, signal: controller.signal })
    await publish(report, config, host, { ok: true })
    return { ok: true, report, config }
  } catch (e) {
    if (e instanceof ConfigError) host.annotate(e.diagnostics) // ManifestError is a ConfigError too
    const message = errorMessage(e)
    host.fail(message)
    // the run has failed with its own message already; a summary that cannot be written must not replace it
    if (config) await publish(report, config, host, { ok: false, error: message }).catch(() => undefined)
    return { ok: false, report, config }
  } finally {
    process.off('SIGINT', onSignal)
    process.off('SIGTERM', onSignal)
  }
}

async function publish(report: RunReport, config: ClusterConfig, host: Host, outcome: { ok: boolean; error?: string }): Promise<void> {
  for (const [name, value] of Object.entries(outputsOf(report, outcome))) host.setOutput(name, value)
  for (const w of report.warnings) warning(w)
  await host.writeSummary(renderSummary(report, config, outcome))
  if (outcome.ok) info(report.mode === 'render' ? 'rendered' : `done: ${changeWords(report)}`)
}
