// The installed Karpenter release as helm reports it (read by src/helm/release.ts, compared by ./diff.ts).

export interface InstalledRelease {
  name: string
  namespace: string
  /** chart version as in Chart.yaml ('1.2.1', or 'v0.34.0' for the pre-0.35 charts) */
  version: string
  /** chart name ('karpenter') */
  chart: string
  appVersion?: string
  revision: string
  /** deployed, failed, pending-upgrade, … */
  status: string
  /** user-supplied values (`helm get values -o json`) */
  values: Record<string, unknown>
}
