// A release's history as `helm history` reports it, for the error message of a failed install or upgrade. The
// installed release itself is read from its release records by src/kube/helm-release.ts (docs/design.md, "Helm").
import { runHelm } from './run.js'

export interface HistoryEntry {
  revision: number
  status: string
  chart: string
  description: string
  updated?: string
}

export function historyArgs(release: string, namespace: string, max: number): string[] {
  return ['history', release, '--namespace', namespace, '--max', String(max), '--output', 'json']
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
