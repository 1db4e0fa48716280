// delete (docs/design.md, "Modes"): the ordered teardown of a preview environment.
//   1. NodePools deleted, and Karpenter's NodeClaims waited for (the controller drains its own nodes) — timeout
//   2. the chart uninstalled, and karpenter-crd with it
//   3. node access removed (access entry / aws-auth mapping); the Pod Identity association this tool made
//   4. the controller stack (its role references the Karpenter stack's policies), then the Karpenter stack
//   5. any instance still tagged for this cluster by Karpenter terminated
// Every step says what it found; an absent thing is not an error, so a second delete, or a delete of a cluster
// that never had Karpenter, succeeds. A missing cluster skips 1–3 and still deletes the stacks.
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import { info } from '../runner/log.js'
import { includesApi, resolveNodeAccess, type NodeAccessDecision } from '../core/plan/node-access.js'
import { windowsNodeReasons } from '../core/karpenter/windows.js'
import { deleteNodeAccessEntry } from '../aws/access-entry.js'
import { deleteIdentity } from './apply-identity-modes.js'
import { findLeftoverInstances, terminateInstances } from '../aws/instances.js'
import { deleteStackFully, StackDeleteError } from '../cfn/delete.js'
import { ownPolicyMatcher } from '../core/plan/delete-policies.js'
import { deleteNodePools } from '../kube/nodepools.js'
import { removeAwsAuthMapping } from '../kube/aws-auth.js'
import { resolveHelm } from '../helm/resolve.js'
import { releasesToUninstall, uninstallRelease } from '../helm/install.js'
import { record } from '../report/types.js'
import { desiredFor, findCluster, openSession, pollOptions, readManifestObjects, reportDesired, type Session } from './lifecycle.js'
import { openCluster, type ClusterSession } from './cluster-session.js'
import type { ClusterInfo } from '../aws/preflight.js'
import { errorMessage } from '../core/errors.js'

/** Cluster states in which its Kubernetes API answers. */
const REACHABLE = new Set(['ACTIVE', 'UPDATING'])

export async function runDelete(ctx: RunContext): Promise<void> {
  const { config, report } = ctx
  const session = await openSession(ctx)
  const cluster = await findCluster(session.aws, config.name, session.region)
  // delete adopts nothing: it removes only what this tool made
  const desired = desiredFor(ctx, session.identity, cluster)
  reportDesired(ctx, desired)

  let access: ClusterSession | undefined
  try {
    if (!cluster) {
      report.steps.push(`cluster ${config.name} not found in ${session.region}: NodePools, chart and node access skipped; deleting the stacks`)
    } else if (!REACHABLE.has(cluster.status)) {
      report.warnings.push(`cluster ${config.name} is ${cluster.status}: its Kubernetes API is not used; NodePools, chart and in-cluster node access skipped.`)
    } else {
      const decision = nodeAccessOf(ctx, desired, cluster, windowsReasons(ctx))
      const needsKube = ctx.inputs.installChart || decision?.method === 'aws-auth'
      if (needsKube) access = await openCluster(ctx, session.aws, cluster)
      await removeKarpenterFromCluster(ctx, desired, access)
      await removeNodeAccess(ctx, session, desired, cluster, access, decision)
    }
  } finally {
    await access?.dispose()
  }
  // the association (only one this tool made) and the policies this tool attached to a role not its own
  if (cluster) await deleteIdentity(ctx, session.aws, desired)

  // Controller stack first: its role has the Karpenter stack's policies attached.
  const isOwnPolicy = ownPolicyMatcher(desired, session.identity.accountId)
  for (const name of [desired.controllerStack.name, desired.karpenterStack.name]) {
    try {
      const outcome = await deleteStackFully(await session.aws.cfn(), await session.aws.iam(), name, { poll: pollOptions(ctx), isOwnPolicy })
      report.stacks.push(outcome)
      report.steps.push(outcome.action === 'absent' ? `stack ${name}: not found, nothing to delete` : `stack ${name}: deleted`)
      if (outcome.action === 'deleted') report.changed = true
    } catch (err) {
      if (err instanceof StackDeleteError) report.stacks.push(err.outcome)
      throw err
    }
  }

  await terminateLeftovers(ctx, session)
  info(report.changed ? 'delete: done.' : 'delete: done; nothing of Karpenter was found.')
}

function nodeAccessOf(ctx: RunContext, desired: DesiredState, cluster: ClusterInfo, windows: string[]): NodeAccessDecision | undefined {
  try {
    return resolveNodeAccess(desired.nodeAccess, cluster.authenticationMode, windows)
  } catch (err) {
    // apply would have refused this combination, so it granted nothing this way: nothing to remove
    ctx.report.warnings.push(`node access: ${errorMessage(err).split('. ')[0]}; nothing to remove.`)
    return undefined
  }
}

/** Windows nodes as apply saw them (the file's node groups, the manifests' EC2NodeClasses), so delete removes the same grant. */
function windowsReasons(ctx: RunContext): string[] {
  let objects: unknown[] = []
  try {
    objects = readManifestObjects(ctx)
  } catch (err) {
    ctx.report.warnings.push(`manifests not read (${errorMessage(err).split('\n')[0]}): Windows EC2NodeClasses in them are not taken into account for node access.`)
  }
  return windowsNodeReasons(ctx.config.windowsNodeGroups, objects)
}

async function removeKarpenterFromCluster(ctx: RunContext, desired: DesiredState, access: ClusterSession | undefined): Promise<void> {
  const { report } = ctx
  if (!ctx.inputs.installChart || !access) {
    report.steps.push('NodePools and chart: left to their owner (install-chart: false)')
    return
  }
  const pools = await deleteNodePools(access.kube, { timeoutSeconds: ctx.inputs.timeoutSeconds, signal: ctx.signal, onProgress: info })
  if (!pools.karpenterApiFound) report.steps.push('NodePools: no Karpenter API in the cluster (never installed, or its CRDs are gone)')
  else if (pools.deleted.length === 0) report.steps.push('NodePools: none found')
  else {
    report.steps.push(`NodePools: deleted ${pools.deleted.join(', ')}; ${pools.claimsAtStart} NodeClaim(s) terminated by Karpenter`)
    report.changed = true
  }
  const helm = await resolveHelm(ctx.inputs.helmVersion, { tempDir: ctx.tempDir, signal: ctx.signal })
  for (const release of releasesToUninstall(desired.helm.release, true)) {
    const r = await uninstallRelease({ helm: helm.path, kubeconfig: access.kubeconfig, namespace: desired.helm.namespace, release, timeoutSeconds: ctx.inputs.timeoutSeconds })
    record(report, r)
  }
}

async function removeNodeAccess(ctx: RunContext, session: Session, desired: DesiredState, cluster: ClusterInfo, access: ClusterSession | undefined, decision: NodeAccessDecision | undefined): Promise<void> {
  const { report } = ctx
  if (!decision) return
  if (decision.method === 'none') {
    report.steps.push(`node access: nothing to remove (${decision.reason})`)
    return
  }
  if (decision.method === 'access-entry') {
    const removed = await deleteNodeAccessEntry(await session.aws.eks(), cluster.name, desired.arns.nodeRole)
    report.steps.push(`node access: access entry for ${desired.arns.nodeRole} ${removed ? 'deleted' : 'not found'}`)
    if (removed) report.changed = true
    return
  }
  if (decision.windows && includesApi(cluster.authenticationMode)) {
    // apply maps Windows nodes through aws-auth; an access entry left from before them is removed as well
    const removed = await deleteNodeAccessEntry(await session.aws.eks(), cluster.name, desired.arns.nodeRole)
    if (removed) {
      report.steps.push(`node access: access entry for ${desired.arns.nodeRole} deleted`)
      report.changed = true
    }
  }
  if (!access) return
  const r = await removeAwsAuthMapping(access.kube, desired.arns.nodeRole, ctx.signal)
  report.steps.push(`node access: aws-auth mapping for ${r.rolearn} ${r.action === 'removed' ? 'removed' : 'not found'}`)
  if (r.action === 'removed') report.changed = true
}

async function terminateLeftovers(ctx: RunContext, session: Session): Promise<void> {
  const { report } = ctx
  const ec2 = await session.aws.ec2()
  const leftovers = await findLeftoverInstances(ec2, ctx.config.name)
  if (leftovers.length === 0) {
    report.steps.push('instances: none left tagged for this cluster by Karpenter')
    return
  }
  const ids = leftovers.map(i => i.id)
  await terminateInstances(ec2, ids)
  report.changed = true
  report.steps.push(`instances: terminated ${ids.length} left by Karpenter (${leftovers.map(i => `${i.id}${i.nodepool ? ` nodepool ${i.nodepool}` : ''}`).join(', ')})`)
}
