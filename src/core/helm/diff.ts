// The installed Karpenter release against the desired chart tag and values: what `plan` says would change and
// what `drift` reports. Pure: the release is read elsewhere (kube/helm-release.ts, from its release records).
import { compareVersions, parseVersion } from '../karpenter/version.js'
import type { HelmReleaseSpec } from '../types.js'
import type { InstalledRelease } from './release.js'
import { mergeValues } from './values-merge.js'

export interface ValueDifference {
  /** dotted path: settings.clusterName, serviceAccount.annotations.eks\.amazonaws\.com/role-arn */
  path: string
  expected?: string
  actual?: string
  /** ADD: wanted but not set; REMOVE: set but not wanted; NOT_EQUAL: both, different */
  type: 'ADD' | 'REMOVE' | 'NOT_EQUAL'
}

export interface ChartDiff {
  installed: boolean
  versionChanged: boolean
  installedVersion?: string
  wantedVersion: string
  /** the release is not `deployed` (failed, pending-…): apply would upgrade it */
  statusNote?: string
  values: ValueDifference[]
}

function isMap(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

function key(k: string): string {
  return k.replace(/\./g, '\\.')
}

function show(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v)
}

/** Leaf-by-leaf differences of two values documents; arrays and scalars compare as wholes. */
export function valueDifferences(wanted: Record<string, unknown>, actual: Record<string, unknown>, prefix = ''): ValueDifference[] {
  const out: ValueDifference[] = []
  const keys = [...new Set([...Object.keys(wanted), ...Object.keys(actual)])].sort()
  for (const k of keys) {
    const path = prefix ? `${prefix}.${key(k)}` : key(k)
    const w = wanted[k]
    const a = actual[k]
    if (isMap(w) && isMap(a)) {
      out.push(...valueDifferences(w, a, path))
    } else if (!(k in actual) || a === undefined) {
      if (w !== undefined) out.push({ path, expected: show(w), type: 'ADD' })
    } else if (!(k in wanted) || w === undefined) {
      out.push({ path, actual: show(a), type: 'REMOVE' })
    } else if (JSON.stringify(w) !== JSON.stringify(a)) {
      out.push({ path, expected: show(w), actual: show(a), type: 'NOT_EQUAL' })
    }
  }
  return out
}

/** `extraValues`: the values-file input's document (applied last, as helm will). */
export function chartDiff(installed: InstalledRelease | undefined, spec: HelmReleaseSpec, extraValues: Record<string, unknown> = {}): ChartDiff {
  const wantedValues = JSON.parse(JSON.stringify(mergeValues(spec.values, extraValues))) as Record<string, unknown>
  if (!installed) {
    return { installed: false, versionChanged: true, wantedVersion: spec.chart.version, values: valueDifferences(wantedValues, {}) }
  }
  const have = parseVersion(installed.version)
  const want = parseVersion(spec.chart.version)
  const versionChanged = !have || !want || compareVersions(have, want) !== 0
  const diff: ChartDiff = {
    installed: true,
    versionChanged,
    installedVersion: installed.version,
    wantedVersion: spec.chart.version,
    values: valueDifferences(wantedValues, installed.values)
  }
  if (installed.status !== 'deployed') diff.statusNote = `release is ${installed.status}, not deployed`
  return diff
}

export function hasChartChanges(d: ChartDiff): boolean {
  return !d.installed || d.versionChanged || d.values.length > 0 || d.statusNote !== undefined
}

/** One line per difference, for the log and the summary. */
export function describeChartDiff(d: ChartDiff, release: string): string[] {
  if (!d.installed) return [`${release} is not installed: apply would install chart ${d.wantedVersion}`]
  const lines: string[] = []
  if (d.versionChanged) lines.push(`chart version ${d.installedVersion} → ${d.wantedVersion}`)
  if (d.statusNote) lines.push(d.statusNote)
  for (const v of d.values) {
    lines.push(
      v.type === 'ADD' ? `values ${v.path}: (unset) → ${v.expected}` : v.type === 'REMOVE' ? `values ${v.path}: ${v.actual} → (unset)` : `values ${v.path}: ${v.actual} → ${v.expected}`
    )
  }
  return lines
}
