// The installed release, as helm reports it: version of the chart, revision, status and the user-supplied
// values. Read before anything changes, for the upgrade guard, for idempotent re-runs, and for drift.
import type { InstalledRelease } from '../core/helm/release.js'
import { runHelm } from './run.js'

export type { InstalledRelease }

export interface HistoryEntry {
  revision: number
  status: string
  chart: string
  description: string
  updated?: string
}

interface ListEntry {
  name: string
  namespace: string
  revision: string | number
  status: string
  chart: string
  app_version?: string
}

/** 'karpenter-1.2.1' → { chart: 'karpenter', version: '1.2.1' }; 'karpenter-crd-v0.34.0' → karpenter-crd, v0.34.0 */
export function splitChartField(field: string): { chart: string; version: string } {
  const m = /^(.+?)-(v?\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.+-]*)?)$/.exec(field)
  return m ? { chart: m[1] as string, version: m[2] as string } : { chart: field, version: '' }
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function parseJson<T>(text: string, what: string): T {
  try {
    return JSON.parse(text.trim() || 'null') as T
  } catch {
    throw new Error(`could not read ${what}: helm printed ${JSON.stringify(text.slice(0, 200))}`)
  }
}

/**
 * `helm list` for exactly one release in any live state. A release stuck in pending-upgrade or failed still counts
 * as installed for the upgrade guard. v3 lists only deployed and failed by default and has `--all`; v4 lists every
 * state by default and has no `--all`: the explicit state flags mean the same on both.
 */
export function listArgs(release: string, namespace: string): string[] {
  return ['list', '--namespace', namespace, '--deployed', '--failed', '--pending', '--output', 'json', '--filter', `^${escapeRegex(release)}$`]
}

export function getValuesArgs(release: string, namespace: string): string[] {
  return ['get', 'values', release, '--namespace', namespace, '--output', 'json']
}

export function historyArgs(release: string, namespace: string, max: number): string[] {
  return ['history', release, '--namespace', namespace, '--max', String(max), '--output', 'json']
}

/** Reads one release; undefined when it is not installed in that namespace. */
export async function readRelease(
  helm: string,
  kubeconfig: string | undefined,
  release: string,
  namespace: string
): Promise<InstalledRelease | undefined> {
  const list = await runHelm(helm, listArgs(release, namespace), { kubeconfig })
  const entries = parseJson<ListEntry[] | null>(list.stdout, `helm list for ${release}`) ?? []
  const entry = entries.find((e) => e.name === release)
  if (!entry) return undefined
  const values = await runHelm(helm, getValuesArgs(release, namespace), { kubeconfig })
  const { chart, version } = splitChartField(entry.chart)
  const installed: InstalledRelease = {
    name: entry.name,
    namespace: entry.namespace,
    chart,
    version,
    revision: String(entry.revision),
    status: entry.status,
    values: parseJson<Record<string, unknown> | null>(values.stdout, `values of ${release}`) ?? {}
  }
  if (entry.app_version) installed.appVersion = entry.app_version
  return installed
}

/** The last revisions of a release (oldest first), for error messages; [] when helm cannot say. */
export async function releaseHistory(
  helm: string,
  kubeconfig: string | undefined,
  release: string,
  namespace: string,
  max = 5
): Promise<HistoryEntry[]> {
  const r = await runHelm(helm, historyArgs(release, namespace, max), { kubeconfig, allowFailure: true })
  if (r.exitCode !== 0) return []
  try {
    const raw = JSON.parse(r.stdout) as { revision: number; status: string; chart: string; description: string; updated?: string }[]
    return raw.map((h) => ({ revision: h.revision, status: h.status, chart: h.chart, description: h.description, updated: h.updated }))
  } catch {
    return [] // the history only adds to error messages: output helm did not write as JSON means none
  }
}

/** One line per revision: "rev 3 failed karpenter-1.2.1: Upgrade "karpenter" failed: …" */
export function formatHistory(history: HistoryEntry[]): string {
  if (history.length === 0) return '(no release history)'
  return history.map((h) => `rev ${h.revision} ${h.status} ${h.chart}: ${h.description}`).join('\n')
}
