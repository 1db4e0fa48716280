// The Kubernetes half of apply's executors (docs/design.md, "Helm"): karpenter-crd (while the stacks deploy), the
// ServiceAccount, the chart and the manifests (after the stacks and node access). The releases and the manifests'
// EC2NodeClasses were read before the first change (apply-facts.ts, through the one reader, kube/helm-release.ts),
// and the upgrade guarded in the plan (core/plan/apply-plan.ts).
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import type { ClusterSession } from './cluster-session.js'
import type { Done } from '../report/types.js'
import { applyManifests } from '../kube/manifests.js'
import { ensureServiceAccount } from '../kube/service-account.js'
import { installChart, installCrds, type CrdPhase, type InstallOptions, type InstallResult } from '../helm/install.js'
import { kubeCrdAdopter } from '../helm/crd-adopter.js'
import type { ResolvedHelm } from '../helm/resolve.js'
import { info } from '../runner/log.js'
import { readRelease } from '../kube/helm-release.js'
import type { ReleaseFacts } from '../core/facts.js'

function installOptions(ctx: RunContext, session: ClusterSession, desired: DesiredState, helm: ResolvedHelm): InstallOptions {
  return {
    helm: helm.path,
    kubeconfig: session.kubeconfig,
    // helm reads the values-file at the path it resolved to when it was checked
    spec: { ...desired.helm, valuesFile: ctx.files.values?.real },
    tempDir: ctx.tempDir,
    crdAdopter: kubeCrdAdopter(session.kube),
    // the revision helm made, when it does not print it
    readRelease: () => readRelease(session.kube, desired.helm.release, desired.helm.namespace)
  }
}

/** The registry logout and karpenter-crd (apply runs it while the stacks deploy). */
export async function installCrdChart(ctx: RunContext, session: ClusterSession, desired: DesiredState, helm: ResolvedHelm, releases: ReleaseFacts): Promise<CrdPhase> {
  info(`helm ${helm.version} (${helm.source}: ${helm.path})`)
  return installCrds(installOptions(ctx, session, desired, helm), releases)
}

/** createServiceAccount: false (eksctl's meaning): the tool owns the ServiceAccount, the chart does not. */
export async function applyServiceAccount(session: ClusterSession, desired: DesiredState): Promise<Done> {
  const sa = desired.serviceAccount
  const r = await ensureServiceAccount(session.kube, { namespace: sa.namespace, name: sa.name, roleArn: sa.roleArn })
  return { steps: [`ServiceAccount ${sa.namespace}/${sa.name}: ${r.action}${r.namespaceCreated ? ' (namespace created)' : ''}`], changed: r.action !== 'unchanged' || r.namespaceCreated }
}

/** The controller chart, after karpenter-crd. */
export async function applyChart(ctx: RunContext, session: ClusterSession, desired: DesiredState, helm: ResolvedHelm, crds: CrdPhase): Promise<InstallResult> {
  return installChart(installOptions(ctx, session, desired, helm), crds)
}

/** The manifests input, applied. */
export async function applyManifestFiles(ctx: RunContext, session: ClusterSession): Promise<Done> {
  const applied = await applyManifests(session.kube, ctx.files.manifests)
  return { steps: [`manifests applied: ${applied.map(a => `${a.kind}/${a.name} ${a.action}`).join(', ')}`], changed: applied.some(a => a.action !== 'unchanged') }
}

/**
 * The chart runs 2 replicas with a required hostname anti-affinity and (from 1.0) a hard zone spread:
 * say so when the cluster's non-Karpenter nodes cannot hold them (docs/design.md, "Helm").
 */
export async function replicaSpread(session: ClusterSession, desired: DesiredState): Promise<string[]> {
  const replicas = typeof desired.helm.values.replicas === 'number' ? desired.helm.values.replicas : 2
  if (replicas < 2) return []
  const nodes = await session.kube.list<{ metadata?: { labels?: Record<string, string> } }>('/api/v1/nodes')
  const eligible = nodes.filter(n => !n.metadata?.labels?.['karpenter.sh/nodepool'])
  const zones = new Set(eligible.map(n => n.metadata?.labels?.['topology.kubernetes.io/zone']).filter(Boolean))
  if (eligible.length >= replicas && zones.size >= Math.min(replicas, 2)) return []
  return [
    `The Karpenter chart runs ${replicas} replicas on separate nodes spread across zones, but the cluster has ${eligible.length} ` +
      `non-Karpenter node(s) in ${zones.size} zone(s): some replicas will stay Pending. Add nodes in another zone, or set replicas: 1 in values-file.`
  ]
}
