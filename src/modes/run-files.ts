// Every file an input names besides the config — `values-file`, `manifests`, `kubeconfig` and the files the
// kubeconfig names — read once, through the path rules (runner/input-files.ts), and checked offline, with
// the other inputs and before any AWS call, in every mode (README, Security).
import type { Inputs, Mode } from '../core/inputs.js'
import type { ClusterConfig } from '../core/config/types.js'
import { readInputFile, type PathRules } from '../runner/input-files.js'
import { parseValuesText, type ValuesInput } from '../core/helm/values-input.js'
import type { Manifest } from '../kube/manifests.js'
import type { KubeConnection } from '../kube/connection.js'
import type { RunReport } from '../report/types.js'

/** What the input files hold, as checked. */
export interface RunFiles {
  values?: ValuesInput
  /** the `manifests` input's objects (empty without the input), checked offline */
  manifests: Manifest[]
  /** the `kubeconfig` input: its resolved path (for helm) and the connection it describes */
  kubeconfig?: { path: string; connection: KubeConnection }
}

export const NO_FILES: RunFiles = { manifests: [] }

/** The manifests and kubeconfig code is loaded only when those inputs are given (docs/design.md, "The pipeline": start-up). */
export async function readRunFiles(inputs: Inputs, config: ClusterConfig, rules: PathRules): Promise<RunFiles> {
  const files: RunFiles = { manifests: [] }
  if (inputs.valuesFile) {
    const read = readInputFile('values-file', inputs.valuesFile, rules)
    files.values = { file: read.shown, real: read.real, values: parseValuesText(read.shown, read.text) }
  }
  if (inputs.manifests) files.manifests = (await import('./manifest-files.js')).readManifests(inputs.manifests, config.name, rules)
  if (inputs.kubeconfig) files.kubeconfig = (await import('../kube/kubeconfig.js')).readKubeconfig(inputs.kubeconfig, rules)
  return files
}

/** The modes that apply manifests, or show what apply would do. */
const APPLIES_MANIFESTS: ReadonlySet<Mode> = new Set<Mode>(['apply', 'plan', 'render'])

/**
 * Says what becomes of the manifests: checked offline (every mode), and — where apply would apply them —
 * not applied when install-chart is false, with the reason, as a warning (log and summary).
 */
export function noteManifests(report: RunReport, inputs: Inputs, files: RunFiles): void {
  if (files.manifests.length === 0) return
  const names = manifestNames(files.manifests)
  report.steps.push(`manifests checked offline: ${names}`)
  if (inputs.installChart || !APPLIES_MANIFESTS.has(inputs.mode)) return
  report.warnings.push(
    `manifests ${inputs.mode === 'apply' ? 'were not applied' : 'would not be applied'} (${names}): install-chart is false, so the chart and the ` +
      'Karpenter CRDs they need are left to their owner. Apply them there (Argo CD, Flux…), or set install-chart: true.'
  )
}

/** `Kind/name, …` for log lines and steps. */
export function manifestNames(manifests: readonly Manifest[]): string {
  return manifests.map(m => `${m.object.kind}/${m.object.metadata?.name}`).join(', ')
}
