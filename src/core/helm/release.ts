// The installed Karpenter release as its Helm release record says (read by src/kube/helm-release.ts, compared by
// ./diff.ts, guarded by core/karpenter/upgrade.ts). Pure: which stored revision counts.

export interface InstalledRelease {
  name: string
  namespace: string
  /** chart version of the latest revision, as in Chart.yaml ('1.2.1', or 'v0.34.0' for the pre-0.35 charts) */
  version: string
  /** chart name ('karpenter') */
  chart: string
  appVersion?: string
  /** the latest revision (what `helm list` shows) */
  revision: string
  /** its status: deployed, failed, pending-upgrade, … */
  status: string
  /** its user-supplied values (what `helm get values` shows) */
  values: Record<string, unknown>
  /**
   * The chart version of the newest revision that was deployed, when that is not the latest (a failed or pending
   * upgrade on top of it): what the cluster runs, and what the upgrade guard moves from.
   */
  deployedVersion?: string
}

/** A release record as Helm stores it (the JSON inside its Secret). */
export interface StoredRelease {
  name: string
  namespace: string
  version: number
  info?: { status?: string }
  chart?: { metadata?: { name?: string; version?: string; appVersion?: string } }
  config?: Record<string, unknown>
}

/** States in which `helm list` does not show a release: it is not installed. */
const GONE = new Set(['uninstalled', 'uninstalling'])

/** The latest revision of `name` (helm list's view), with the version the newest deployed revision ran. */
export function latestRelease(stored: readonly StoredRelease[], name: string): InstalledRelease | undefined {
  const revisions = stored.filter(r => r.name === name).sort((a, b) => b.version - a.version)
  const latest = revisions[0]
  if (!latest || GONE.has(latest.info?.status ?? '')) return undefined
  const release: InstalledRelease = {
    name: latest.name,
    namespace: latest.namespace,
    version: latest.chart?.metadata?.version ?? '',
    chart: latest.chart?.metadata?.name ?? '',
    revision: String(latest.version),
    status: latest.info?.status ?? 'unknown',
    values: latest.config ?? {}
  }
  if (latest.chart?.metadata?.appVersion) release.appVersion = latest.chart.metadata.appVersion
  const deployed = revisions.find(r => r.info?.status === 'deployed')
  const deployedVersion = deployed?.chart?.metadata?.version
  if (deployed && deployed !== latest && deployedVersion) release.deployedVersion = deployedVersion
  return release
}

/** The version the upgrade guard moves from: what the cluster runs (the newest deployed revision's chart). */
export function runningVersion(release: InstalledRelease): string {
  return release.deployedVersion ?? release.version
}
