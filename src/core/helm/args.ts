// The helm argv of apply, as pure functions of the release spec: render mode writes exactly this to
// helm-args.json, so nothing here reads the clock, the disk or the environment.
import type { HelmChartRef, HelmReleaseSpec } from '../types.js'
import { CRD_RELEASE } from '../names.js'
import { atLeastMinor, parseVersion } from '../karpenter/version.js'

// Loopback registries are the only ones reached over plain HTTP: a local mirror or the tests' registry. Helm
// (≥ 3.13) needs `--plain-http` for them; a remote registry always gets TLS (there is no input to weaken it).
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i

/** True for `oci://localhost…`, `oci://127.x.y.z…`, `oci://[::1]…` references. */
export function needsPlainHttp(chart: string): boolean {
  const m = /^oci:\/\/([^/]+)/i.exec(chart)
  return m !== null && LOOPBACK_HOST.test(m[1] as string)
}

function chartArgs(ref: HelmChartRef): string[] {
  return [ref.chart, '--version', ref.version, ...(needsPlainHttp(ref.chart) ? ['--plain-http'] : [])]
}

function timeoutArg(spec: HelmReleaseSpec): string {
  return `${Math.max(1, Math.round(spec.timeoutSeconds))}s`
}

/** --values for the generated file, then the user's values-file, which therefore wins (docs/design.md, "Helm"). */
function valuesArgs(spec: HelmReleaseSpec, valuesPath: string): string[] {
  return ['--values', valuesPath, ...(spec.valuesFile ? ['--values', spec.valuesFile] : [])]
}

/**
 * `upgrade --install <release> <chart> --version <tag> [--plain-http] --namespace <ns> --create-namespace
 *  --values <generated> [--values <values-file>] --wait --timeout <N>s`
 * `valuesPath` is where the generated values are (or, in render, a placeholder for them).
 */
export function upgradeArgs(spec: HelmReleaseSpec, valuesPath: string): string[] {
  return [
    'upgrade',
    '--install',
    spec.release,
    ...chartArgs(spec.chart),
    '--namespace',
    spec.namespace,
    '--create-namespace',
    ...valuesArgs(spec, valuesPath),
    '--wait',
    '--timeout',
    timeoutArg(spec)
  ]
}

/** The CRD chart's release name (core/names.ts). */
export { CRD_RELEASE }

/**
 * The karpenter-crd chart, same shape as the controller's (no values file: its values are its own).
 * 0.32 – 1.0.x CRD charts template the conversion webhook's Service from `webhook.serviceNamespace`, which
 * defaults to kube-system; pointing it at the namespace the controller is really in keeps conversion working
 * when Karpenter lives elsewhere (the v1 migration guide sets the same value).
 */
export function crdUpgradeArgs(spec: HelmReleaseSpec, release: string = CRD_RELEASE): string[] {
  if (!spec.crdChart) throw new Error(`no CRD chart for ${spec.chart.chart} ${spec.chart.version}`)
  const ver = parseVersion(spec.crdChart.version)
  const webhookEra = ver !== undefined && atLeastMinor(ver, 0, 32) && !atLeastMinor(ver, 1, 1)
  return [
    'upgrade',
    '--install',
    release,
    ...chartArgs(spec.crdChart),
    '--namespace',
    spec.namespace,
    '--create-namespace',
    ...(webhookEra ? ['--set', `webhook.serviceNamespace=${spec.namespace}`] : []),
    '--wait',
    '--timeout',
    timeoutArg(spec)
  ]
}

/** `template` with the same chart, values and namespace as the upgrade: what would be installed (plan, tests). */
export function templateArgs(spec: HelmReleaseSpec, valuesPath: string): string[] {
  return [
    'template',
    spec.release,
    ...chartArgs(spec.chart),
    '--namespace',
    spec.namespace,
    ...valuesArgs(spec, valuesPath)
  ]
}

/** `uninstall <release> --namespace <ns> --wait --timeout <N>s` */
export function uninstallArgs(release: string, namespace: string, timeoutSeconds: number): string[] {
  return ['uninstall', release, '--namespace', namespace, '--wait', '--timeout', `${Math.max(1, Math.round(timeoutSeconds))}s`]
}
