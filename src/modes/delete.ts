// delete (docs/design.md, "Modes" → delete): the facts read, the desired state built once, the teardown plan
// derived from them (src/core/plan/teardown.ts: its order and why), and each step executed in that order; every
// step says what it found and what it did, from what the executor returned. An absent thing is not an error, so a
// second delete, or a delete of a cluster that never had Karpenter, succeeds.
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import type { ClusterInfo, Facts } from '../core/facts.js'
import { info } from '../runner/log.js'
import { teardownPlan, teardownReads, type TeardownChange, type TeardownReads } from '../core/plan/teardown.js'
import { describeChange } from '../core/plan/change.js'
import { windowsNodeReasons } from '../core/karpenter/windows.js'
import { ownPolicyMatcher } from '../core/plan/delete-policies.js'
import { deleteNodeAccessEntry } from '../aws/access-entry.js'
import { deleteOwnAssociation } from '../aws/pod-identity.js'
import { detachRolePolicies } from '../aws/pod-identity-role.js'
import { findLeftoverInstances, terminateInstances } from '../aws/instances.js'
import { deleteStackFully, StackDeleteError } from '../cfn/delete.js'
import { deleteNodePools } from '../kube/nodepools.js'
import { removeAwsAuthMapping } from '../kube/aws-auth.js'
import { resolveHelm } from '../helm/resolve.js'
import { uninstallRelease } from '../helm/install.js'
import { record, type Done } from '../report/types.js'
import { desiredFor, openSession, pollOptions, readManifestObjects, reportDesired, type Session } from './lifecycle.js'
import { openCluster, type ClusterSession } from './cluster-session.js'
import { readAccessEntry, readAssociation, readAwsAuthMapping, readCluster, readReleasesToRemove, readStacks } from './facts.js'

export async function runDelete(ctx: RunContext): Promise<void> {
  const session = await openSession(ctx)
  const cluster = await readCluster(session.aws, ctx.config.name, session.region)
  // built once from the account and the cluster; delete adopts nothing: it removes only what this tool made
  const desired = desiredFor(ctx, session.identity, cluster)
  reportDesired(ctx, desired)
  const windows = windowsNodeReasons(ctx.config.windowsNodeGroups, readManifestObjects(ctx))
  const reads = teardownReads(desired, ctx.inputs, cluster, windows)
  const kube = reads.kubernetes ? await openCluster(ctx, session.aws, cluster) : undefined
  try {
    const facts = await readFacts(session, desired, { cluster, windows, reads, kube })
    const plan = teardownPlan(desired, ctx.inputs, facts)
    info('delete plan:')
    for (const change of plan) info(`  ${describeChange(change)}`)
    const execute = executor(ctx, session, desired, kube)
    for (const change of plan) {
      try {
        record(ctx.report, await execute(change))
      } catch (err) {
        if (err instanceof StackDeleteError) record(ctx.report, { steps: [], changed: false, stacks: [err.outcome] })
        throw err
      }
    }
  } finally {
    await kube?.dispose()
  }
  info(ctx.report.changed ? 'delete: done.' : 'delete: done; nothing of Karpenter was found.')
}

interface Known {
  cluster: ClusterInfo | undefined
  windows: string[]
  reads: TeardownReads
  kube: ClusterSession | undefined
}

/** The read phase: the stacks, the association, the node access and the releases, at once. */
async function readFacts(session: Session, desired: DesiredState, known: Known): Promise<Facts> {
  const { aws, identity, region } = session
  const { cluster, reads, kube } = known
  const nodeRole = desired.arns.nodeRole
  const [stacks, association, accessEntryType, awsAuthMapping, releases] = await Promise.all([
    readStacks(aws, desired.names),
    reads.association && cluster ? readAssociation(aws, cluster.name, desired.names, false) : undefined,
    reads.accessEntry && cluster ? readAccessEntry(aws, cluster.name, nodeRole) : undefined,
    reads.awsAuth && kube ? readAwsAuthMapping(kube, nodeRole) : undefined,
    reads.releases && kube ? readReleasesToRemove(kube, desired.helm, desired.names.crdRelease) : undefined
  ])
  const facts: Facts = { caller: identity, region, stacks, windows: known.windows, unread: {}, nodeAccess: {} }
  if (cluster) facts.cluster = cluster
  if (association) Object.assign(facts, association)
  if (accessEntryType !== undefined) facts.nodeAccess!.accessEntryType = accessEntryType
  if (awsAuthMapping !== undefined) facts.nodeAccess!.awsAuthMapping = awsAuthMapping
  if (releases) facts.releases = releases
  return facts
}

/** One step of the plan → the executor that makes it → what it found and did, as data for the report. */
function executor(ctx: RunContext, session: Session, desired: DesiredState, kube: ClusterSession | undefined): (change: TeardownChange) => Promise<Done> {
  let helm: Promise<string> | undefined
  const helmPath = (): Promise<string> => (helm ??= resolveHelm(ctx.inputs.helmVersion, { tempDir: ctx.tempDir, signal: ctx.signal }).then(h => h.path))
  const needKube = (): ClusterSession => {
    if (!kube) throw new Error('internal: a Kubernetes step was planned without a connection to the cluster')
    return kube
  }
  const said = (line: string, changed = false): Done => ({ steps: [line], changed })
  const warned = (warning: string): Done => ({ steps: [], changed: false, warnings: [warning] })

  return async change => {
    switch (change.kind) {
      case 'cluster':
        return change.status === undefined
          ? said(`cluster ${change.cluster} not found in ${change.region}: NodePools, chart and node access skipped; deleting the stacks`)
          : warned(`cluster ${change.cluster} is ${change.reason}.`)

      case 'nodepools': {
        if (change.action === 'none') return said(`${change.subject}: ${change.reason}`)
        const pools = await deleteNodePools(needKube().kube, { timeoutSeconds: change.timeoutSeconds, signal: ctx.signal, onProgress: info })
        if (!pools.karpenterApiFound) return said('NodePools: no Karpenter API in the cluster (never installed, or its CRDs are gone)')
        if (pools.deleted.length === 0) return said('NodePools: none found')
        return said(`NodePools: deleted ${pools.deleted.join(', ')}; ${pools.claimsAtStart} NodeClaim(s) terminated by Karpenter`, true)
      }

      case 'release': {
        if (change.action === 'none') return said(`helm: ${change.namespace}/${change.release} not installed; nothing to uninstall`)
        const access = needKube()
        return uninstallRelease({ helm: await helmPath(), kubeconfig: access.kubeconfig, namespace: change.namespace, release: change.release, timeoutSeconds: ctx.inputs.timeoutSeconds })
      }

      case 'node-access':
        return change.refused ? warned(`node access: ${change.reason}.`) : said(`node access: ${change.reason}`)

      case 'access-entry': {
        const removed = change.action === 'delete' && (await deleteNodeAccessEntry(await session.aws.eks(), desired.names.cluster, change.principalArn))
        return said(`node access: access entry for ${change.principalArn} ${removed ? 'deleted' : 'not found'}`, removed)
      }

      case 'aws-auth': {
        if (change.action === 'none') return said(`node access: aws-auth mapping for ${change.roleArn} not found`)
        const r = await removeAwsAuthMapping(needKube().kube, change.roleArn, ctx.signal)
        return said(`node access: aws-auth mapping for ${r.rolearn} ${r.action === 'removed' ? 'removed' : 'not found'}`, r.action === 'removed')
      }

      case 'association': {
        const subject = `${change.namespace}/${change.serviceAccount}`
        const a = change.association
        if (change.podIdentityApiMissing) return warned('The EKS endpoint does not serve the Pod Identity API; association not checked.')
        if (a && !a.ours) return said(`Pod Identity association ${a.id} kept: it was not made by this tool (role ${a.roleArn})`)
        const result = change.action === 'delete' ? await deleteOwnAssociation(await session.aws.eks(), desired.names.cluster, a) : 'absent'
        return result === 'deleted' ? said(`Pod Identity association ${a?.id} (${subject}) deleted`, true) : said(`Pod Identity association for ${subject}: none found`)
      }

      case 'detach-policies': {
        const detached = await detachRolePolicies(await session.aws.iam(), change.roleArn, change.policyArns)
        return detached.length
          ? said(`Pod Identity role ${change.roleArn}: detached ${detached.join(', ')} (the role itself is not this tool's and stays)`, true)
          : said(`Pod Identity role ${change.roleArn}: none of the controller policies attached (the role itself is not this tool's and stays)`)
      }

      case 'stack': {
        if (change.action === 'none') {
          return { steps: [`stack ${change.stack}: not found, nothing to delete`], changed: false, stacks: [{ stack: change.stack, action: 'absent', status: 'ABSENT', changes: [], failures: [] }] }
        }
        const isOwnPolicy = ownPolicyMatcher(desired, session.identity.accountId)
        const outcome = await deleteStackFully(await session.aws.cfn(), await session.aws.iam(), change.stack, { poll: pollOptions(ctx), isOwnPolicy })
        const deleted = outcome.action === 'deleted'
        return { steps: [`stack ${change.stack}: ${deleted ? 'deleted' : 'not found, nothing to delete'}`], changed: deleted, stacks: [outcome] }
      }

      case 'instances': {
        const ec2 = await session.aws.ec2()
        const leftovers = await findLeftoverInstances(ec2, change.cluster)
        if (leftovers.length === 0) return said('instances: none left tagged for this cluster by Karpenter')
        const ids = leftovers.map(i => i.id)
        await terminateInstances(ec2, ids)
        return said(`instances: terminated ${ids.length} left by Karpenter (${leftovers.map(i => `${i.id}${i.nodepool ? ` nodepool ${i.nodepool}` : ''}`).join(', ')})`, true)
      }
    }
  }
}
