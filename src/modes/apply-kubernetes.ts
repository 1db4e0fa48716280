// The Kubernetes half of apply (docs/design.md, "Helm"). Split in three so that every refusal comes before the first
// change: `checkCluster` (before the stacks) reads the installed release for the upgrade guard and
// checks the manifests; `installCrdChart` (while the stacks deploy) installs the CRD chart, which needs nothing
// from them; `installOnCluster` (after the stacks and node access) makes the ServiceAccount, installs the
// chart and applies the manifests. docs/design.md ("Apply latency") says what a failed stack leaves.
//
// The installed releases are read once, in `checkCluster`, from their release records through the Kubernetes API
// (kube/helm-release.ts, the one reader): that works before the helm binary is downloaded, so the upgrade guard
// (core/karpenter/upgrade.ts) refuses a bad jump before any stack changes. The guard runs there, once per apply;
// `installCrdChart` / `installOnCluster` decide from the same facts and read no release themselves (only when
// `helm upgrade` does not print its revision is the record read again).
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import { ConfigError } from '../core/config/diagnostics.js'
import type { ClusterSession } from './cluster-session.js'
import { readRelease, readReleaseFacts } from '../kube/helm-release.js'
import { applyManifests, checkManifests, listNodeClassNames, type Manifest } from '../kube/manifests.js'
import { manifestNames } from './run-files.js'
import { ensureServiceAccount } from '../kube/service-account.js'
import { installChart, installCrds, type CrdPhase, type InstallOptions } from '../helm/install.js'
import { guardUpgrade } from '../core/karpenter/upgrade.js'
import { CRD_RELEASE } from '../core/helm/args.js'
import type { ReleaseFacts } from '../core/facts.js'
import { kubeCrdAdopter } from '../helm/crd-adopter.js'
import type { ResolvedHelm } from '../helm/resolve.js'
import { info } from '../runner/log.js'
import { record } from '../report/types.js'

/** What checkCluster learned, for installOnCluster. */
export interface ClusterChecks {
  manifests: Manifest[]
  /** the controller and CRD releases as read before any change (the upgrade guard passed the controller's) */
  releases: ReleaseFacts
  /** lines for the summary's steps (apply adds them in its own order: the checks run alongside others) */
  steps: string[]
}

/** Before any change: the upgrade path from the installed release, and the manifests against the cluster's EC2NodeClasses. */
export async function checkCluster(ctx: RunContext, session: ClusterSession, desired: DesiredState): Promise<ClusterChecks> {
  const steps: string[] = []
  const { release, namespace } = desired.helm
  const releases = await readReleaseFacts(session.kube, { release, namespace, crdRelease: desired.helm.crdChart ? CRD_RELEASE : undefined })
  const installed = releases.main
  const guard = guardUpgrade(installed, desired.helm.chart.version)
  ctx.report.warnings.push(...guard.warnings)
  for (const note of guard.notes) steps.push(`upgrade note: ${note}`)
  if (installed) {
    const running = installed.deployedVersion ? `; the cluster runs ${installed.deployedVersion}, its last deployed revision` : ''
    steps.push(`installed release ${installed.namespace}/${installed.name}: chart ${installed.version}, revision ${installed.revision} (${installed.status}${running})`)
  } else {
    steps.push(`no ${desired.helm.release} release in ${desired.helm.namespace} yet: first install`)
  }
  // read and checked offline with the other inputs (run-files.ts); only the cluster knows its EC2NodeClasses
  const manifests = ctx.files.manifests
  if (manifests.length > 0) {
    const problems = checkManifests(manifests, await listNodeClassNames(session.kube))
    if (problems.length > 0) throw new ConfigError(problems)
    steps.push(`manifests checked against the cluster: ${manifestNames(manifests)}`)
  }
  return { manifests, steps, releases }
}

/** What installCrdChart did: the phase's outcome and its summary lines (apply adds them after the stacks). */
export interface CrdChartDone {
  crds: CrdPhase
  steps: string[]
}

/** While the stacks deploy (every check passed): the registry logout and karpenter-crd. */
export async function installCrdChart(ctx: RunContext, session: ClusterSession, desired: DesiredState, helm: ResolvedHelm, checks: ClusterChecks): Promise<CrdChartDone> {
  info(`helm ${helm.version} (${helm.source}: ${helm.path})`)
  // Its own list of steps: the stack steps are being added meanwhile, and the summary keeps one order.
  const crds = await installCrds(installOptions(ctx, session, desired, helm), checks.releases)
  return { crds, steps: crds.steps }
}

function installOptions(ctx: RunContext, session: ClusterSession, desired: DesiredState, helm: ResolvedHelm): InstallOptions {
  return {
    helm: helm.path,
    kubeconfig: session.kubeconfig,
    // helm reads the values-file at the path it resolved to when it was checked
    spec: { ...desired.helm, valuesFile: ctx.files.values?.real },
    extraValues: ctx.files.values?.values,
    tempDir: ctx.tempDir,
    crdAdopter: kubeCrdAdopter(session.kube),
    readRelease: () => readRelease(session.kube, desired.helm.release, desired.helm.namespace)
  }
}

/** After the stacks and node access: ServiceAccount, chart, manifests. */
export async function installOnCluster(ctx: RunContext, session: ClusterSession, desired: DesiredState, helm: ResolvedHelm, checks: ClusterChecks, crds: CrdPhase): Promise<void> {
  const { report } = ctx
  const sa = desired.serviceAccount
  if (sa.createdBy === 'tool') {
    // createServiceAccount: false (eksctl's meaning): the tool owns the ServiceAccount, the chart does not.
    const r = await ensureServiceAccount(session.kube, { namespace: sa.namespace, name: sa.name, roleArn: sa.roleArn })
    report.steps.push(`ServiceAccount ${sa.namespace}/${sa.name}: ${r.action}${r.namespaceCreated ? ' (namespace created)' : ''}`)
    if (r.action !== 'unchanged' || r.namespaceCreated) report.changed = true
  }
  // Before helm --wait: a replica that cannot be scheduled makes the wait time out, and the warning
  // should be in the summary either way.
  await noteReplicaSpread(ctx, session, desired)
  const result = await installChart(installOptions(ctx, session, desired, helm), crds)
  record(report, result)
  report.helmRevision = result.revision
  if (checks.manifests.length > 0) {
    const applied = await applyManifests(session.kube, checks.manifests)
    report.steps.push(`manifests applied: ${applied.map(a => `${a.kind}/${a.name} ${a.action}`).join(', ')}`)
    if (applied.some(a => a.action !== 'unchanged')) report.changed = true
  }
}

/**
 * The chart runs 2 replicas with a required hostname anti-affinity and (from 1.0) a hard zone spread:
 * say so when the cluster's non-Karpenter nodes cannot hold them (docs/design.md, "Helm").
 */
async function noteReplicaSpread(ctx: RunContext, session: ClusterSession, desired: DesiredState): Promise<void> {
  const replicas = typeof desired.helm.values.replicas === 'number' ? desired.helm.values.replicas : 2
  if (replicas < 2) return
  const nodes = await session.kube.list<{ metadata?: { labels?: Record<string, string> } }>('/api/v1/nodes')
  const eligible = nodes.filter(n => !n.metadata?.labels?.['karpenter.sh/nodepool'])
  const zones = new Set(eligible.map(n => n.metadata?.labels?.['topology.kubernetes.io/zone']).filter(Boolean))
  if (eligible.length < replicas || zones.size < Math.min(replicas, 2)) {
    ctx.report.warnings.push(
      `The Karpenter chart runs ${replicas} replicas on separate nodes spread across zones, but the cluster has ${eligible.length} ` +
        `non-Karpenter node(s) in ${zones.size} zone(s): some replicas will stay Pending. Add nodes in another zone, or set replicas: 1 in values-file.`
    )
  }
}
