// delete's teardown plan (docs/design.md, "Modes" → delete): from the desired state, the inputs and the facts read,
// the ordered list of what delete removes and why — or, with action `none`, what it leaves and why. Pure.
//   1. NodePools (Karpenter drains and terminates its own nodes while it runs), then the controller release and
//      karpenter-crd — only on a cluster whose Kubernetes API answers, and only with install-chart: true
//   2. node access, by the same decision apply made (node-access.ts, Windows nodes included)
//   3. the Pod Identity association this tool made; the controller policies this tool attached to a role not its own
//   4. the controller stack(s) — their roles have the Karpenter stack's policies attached — then the Karpenter stack
//   5. instances Karpenter launched for the cluster that are still there
// Only what this tool made is removed. What cannot be known before the step runs (the NodeClaims, the instances
// left once the stacks are gone) is a planned step whose executor finds its targets.
import type { ChangeBase } from './change.js'
import type { DesiredState } from '../types.js'
import type { ClusterInfo, ExistingAssociation, Facts } from '../facts.js'
import { stackExists } from '../facts.js'
import { identityState } from './identity.js'
import { includesApi, resolveNodeAccess, type NodeAccessDecision } from './node-access.js'
import { roleNameFromArn } from '../names.js'
import { errorMessage } from '../errors.js'

export interface TeardownInputs {
  installChart: boolean
  timeoutSeconds: number
}

export type TeardownChange =
  /** the cluster is missing or its Kubernetes API does not answer: the cluster steps are skipped (always `none`) */
  | (ChangeBase & { kind: 'cluster'; cluster: string; region: string; status?: string })
  | (ChangeBase & { kind: 'nodepools'; timeoutSeconds: number })
  | (ChangeBase & { kind: 'release'; release: string; namespace: string })
  /** node access that is not this tool's to remove: node-access: none, or a combination apply refuses (always `none`) */
  | (ChangeBase & { kind: 'node-access'; refused: boolean })
  | (ChangeBase & { kind: 'access-entry'; principalArn: string })
  | (ChangeBase & { kind: 'aws-auth'; roleArn: string })
  | (ChangeBase & { kind: 'association'; namespace: string; serviceAccount: string; association?: ExistingAssociation; podIdentityApiMissing?: boolean })
  | (ChangeBase & { kind: 'detach-policies'; roleArn: string; policyArns: string[] })
  | (ChangeBase & { kind: 'stack'; stack: string })
  | (ChangeBase & { kind: 'instances'; cluster: string })

export type TeardownKind = TeardownChange['kind']

/** Cluster states in which its Kubernetes API answers. */
const REACHABLE = new Set(['ACTIVE', 'UPDATING'])

export function kubernetesReachable(cluster: ClusterInfo): boolean {
  return REACHABLE.has(cluster.status)
}

/** What the read phase reads for delete, from the desired state, the inputs and the cluster (the facts it needs first). */
export interface TeardownReads {
  /** a connection to the cluster: the chart, or the aws-auth mapping */
  kubernetes: boolean
  releases: boolean
  accessEntry: boolean
  awsAuth: boolean
  /** the Pod Identity association (a cluster that exists) */
  association: boolean
}

export function teardownReads(desired: DesiredState, inputs: TeardownInputs, cluster: ClusterInfo | undefined, windows: readonly string[]): TeardownReads {
  const reads: TeardownReads = { kubernetes: false, releases: false, accessEntry: false, awsAuth: false, association: cluster !== undefined }
  if (!cluster || !kubernetesReachable(cluster)) return reads
  const decision = nodeAccessDecision(desired, cluster, windows)
  const method = 'refused' in decision ? undefined : decision.method
  reads.awsAuth = method === 'aws-auth'
  reads.accessEntry = method === 'access-entry' || (!('refused' in decision) && accessEntryLeftByWindows(decision, cluster))
  reads.releases = inputs.installChart
  reads.kubernetes = inputs.installChart || reads.awsAuth
  return reads
}

/** The teardown, in the order it runs. */
export function teardownPlan(desired: DesiredState, inputs: TeardownInputs, facts: Facts): TeardownChange[] {
  return [...clusterSteps(desired, inputs, facts), ...identitySteps(desired, facts), ...stackSteps(desired, facts), instancesStep(desired)]
}

function clusterSteps(desired: DesiredState, inputs: TeardownInputs, facts: Facts): TeardownChange[] {
  const cluster = desired.names.cluster
  const region = facts.region
  const subject = `cluster ${cluster}`
  if (!facts.cluster) {
    return [{ kind: 'cluster', cluster, region, subject, action: 'none', destructive: false, reason: `not found in ${region}: NodePools, chart and node access skipped; deleting the stacks` }]
  }
  if (!kubernetesReachable(facts.cluster)) {
    const status = facts.cluster.status
    return [{ kind: 'cluster', cluster, region, status, subject, action: 'none', destructive: false, reason: `${status}: its Kubernetes API is not used; NodePools, chart and in-cluster node access skipped` }]
  }
  return [...chartSteps(desired, inputs, facts), ...nodeAccessSteps(desired, facts.cluster, facts)]
}

function chartSteps(desired: DesiredState, inputs: TeardownInputs, facts: Facts): TeardownChange[] {
  if (!inputs.installChart) {
    return [{ kind: 'nodepools', timeoutSeconds: inputs.timeoutSeconds, subject: 'NodePools and chart', action: 'none', destructive: false, reason: 'left to their owner (install-chart: false)' }]
  }
  const { release, namespace } = desired.helm
  const installed = facts.releases
  return [
    {
      kind: 'nodepools',
      timeoutSeconds: inputs.timeoutSeconds,
      subject: 'NodePools',
      action: 'delete',
      destructive: true,
      reason: `Karpenter drains and terminates its own nodes while it runs: its NodeClaims are waited for (up to ${inputs.timeoutSeconds}s), before the chart goes`
    },
    releaseStep(release, namespace, installed === undefined ? undefined : (installed.main ?? null)),
    releaseStep(desired.names.crdRelease, namespace, installed === undefined ? undefined : (installed.crd ?? null))
  ]
}

function releaseStep(release: string, namespace: string, installed: NonNullable<Facts['releases']>['main'] | null | undefined): TeardownChange {
  const subject = `release ${namespace}/${release}`
  if (installed === null) return { kind: 'release', release, namespace, subject, action: 'none', destructive: false, reason: 'not installed' }
  return {
    kind: 'release',
    release,
    namespace,
    subject,
    action: 'delete',
    destructive: true,
    reason: installed ? `chart ${installed.chart} ${installed.version}, revision ${installed.revision} (${installed.status})` : 'not read: uninstalled if installed'
  }
}

/** apply's decision (node-access.ts); a combination apply refuses granted nothing, so it is reported as a string. */
function nodeAccessDecision(desired: DesiredState, cluster: ClusterInfo, windows: readonly string[]): NodeAccessDecision | { refused: string } {
  try {
    return resolveNodeAccess(desired.nodeAccess, cluster.authenticationMode, windows)
  } catch (err) {
    return { refused: errorMessage(err).split('. ')[0] ?? '' }
  }
}

/** With Windows nodes apply maps the role in aws-auth and deletes an access entry left from before them: delete removes both. */
function accessEntryLeftByWindows(decision: NodeAccessDecision, cluster: ClusterInfo): boolean {
  return decision.windows === true && includesApi(cluster.authenticationMode)
}

function nodeAccessSteps(desired: DesiredState, cluster: ClusterInfo, facts: Facts): TeardownChange[] {
  const decision = nodeAccessDecision(desired, cluster, facts.windows)
  if ('refused' in decision) {
    return [{ kind: 'node-access', refused: true, subject: 'node access', action: 'none', destructive: false, reason: `${decision.refused}; nothing to remove` }]
  }
  if (decision.method === 'none') {
    return [{ kind: 'node-access', refused: false, subject: 'node access', action: 'none', destructive: false, reason: `nothing to remove (${decision.reason})` }]
  }
  const role = desired.arns.nodeRole
  const entry = facts.nodeAccess?.accessEntryType
  const accessEntry = (why: string): TeardownChange => {
    const subject = `access entry for ${role}`
    if (entry === null) return { kind: 'access-entry', principalArn: role, subject, action: 'none', destructive: false, reason: `not found (${why})` }
    const found = entry === undefined ? 'not read: deleted if present' : `found, type ${entry}`
    return { kind: 'access-entry', principalArn: role, subject, action: 'delete', destructive: true, reason: `${found} (${why})` }
  }
  if (decision.method === 'access-entry') return [accessEntry(decision.reason)]
  const mapping = facts.nodeAccess?.awsAuthMapping
  const subject = `aws-auth mapping for ${role}`
  const awsAuth: TeardownChange =
    mapping === null
      ? { kind: 'aws-auth', roleArn: role, subject, action: 'none', destructive: false, reason: `not found (${decision.reason})` }
      : {
          kind: 'aws-auth',
          roleArn: role,
          subject,
          action: 'delete',
          destructive: true,
          reason: `${mapping ? `found, groups ${mapping.groups.join(', ')}` : 'not read: removed if present'} (${decision.reason})`
        }
  return accessEntryLeftByWindows(decision, cluster) ? [accessEntry('apply deletes an access entry left from before Windows nodes'), awsAuth] : [awsAuth]
}

/**
 * The association, on a cluster that exists: with Pod Identity; with IRSA only when this tool made one (a switch
 * from Pod Identity that did not finish). Then, with Pod Identity, the controller policies this tool attached to a
 * role that is not its stack's (an adopted role, or the role the config names): else the Karpenter stack's
 * policies could not be deleted. The role itself stays.
 */
function identitySteps(desired: DesiredState, facts: Facts): TeardownChange[] {
  const { namespace, serviceAccount } = desired.names
  const podIdentity = desired.controllerIdentity === 'pod-identity'
  const subject = `Pod Identity association for ${namespace}/${serviceAccount}`
  const base = { kind: 'association' as const, namespace, serviceAccount, subject }
  const a = facts.association ?? undefined
  const out: TeardownChange[] = []
  if (facts.cluster && facts.podIdentityApiMissing) {
    if (podIdentity) out.push({ ...base, podIdentityApiMissing: true, action: 'none', destructive: false, reason: 'the EKS endpoint does not serve the Pod Identity API: not checked' })
    return out
  }
  if (facts.cluster && (podIdentity || a?.ours)) {
    if (!a) out.push({ ...base, action: 'none', destructive: false, reason: facts.association === null ? 'none found' : 'not read' })
    else if (!a.ours) out.push({ ...base, association: a, action: 'none', destructive: false, reason: `${a.id} was not made by this tool (role ${a.roleArn}): kept` })
    else {
      const why = podIdentity ? `${a.id} made by this tool (role ${a.roleArn})` : `${a.id} made by this tool (role ${a.roleArn}), left from Pod Identity before the switch to IRSA`
      out.push({ ...base, association: a, action: 'delete', destructive: true, reason: why })
    }
  }
  const pod = desired.podIdentity
  if (podIdentity && pod) {
    const role = a?.roleArn || (pod.roleSource === 'roleARN' ? pod.roleArn : undefined)
    if (role && roleNameFromArn(role) !== desired.names.podIdentityRole) {
      out.push({
        kind: 'detach-policies',
        roleArn: role,
        policyArns: desired.arns.controllerPolicies,
        subject: `Pod Identity role ${role}`,
        action: 'update',
        destructive: true,
        reason: "the role is not this tool's and stays: the controller policies this tool attached to it are detached, else the Karpenter stack's policies could not be deleted"
      })
    }
  }
  return out
}

/**
 * The controller stack first (its role has the Karpenter stack's policies attached), and the other identity's
 * stack when a switch left it (identity.ts: the previous identity), then the Karpenter stack.
 */
function stackSteps(desired: DesiredState, facts: Facts): TeardownChange[] {
  const names = desired.names
  const previous = identityState(facts, names, desired.controllerIdentity).previous
  const previousStack = previous === 'irsa' ? names.irsaStack : previous === 'pod-identity' ? names.podIdentityStack : undefined
  const controller = [desired.controllerStack.name, ...(previousStack && previousStack !== desired.controllerStack.name && stackExists(facts, previousStack) ? [previousStack] : [])]
  const step = (stack: string, why: string): TeardownChange => {
    const status = facts.stacks[stack]?.status
    return stackExists(facts, stack)
      ? { kind: 'stack', stack, subject: `stack ${stack}`, action: 'delete', destructive: true, reason: `${status}; ${why}` }
      : { kind: 'stack', stack, subject: `stack ${stack}`, action: 'none', destructive: false, reason: 'not found' }
  }
  return [
    ...controller.map(stack =>
      step(stack, stack === desired.controllerStack.name ? "the controller's role, before the Karpenter stack whose policies it has attached" : `left by the ${previous === 'irsa' ? 'IRSA' : 'Pod Identity'} controller before the switch`)
    ),
    step(names.karpenterStack, 'last of the stacks: it holds the node role and the controller policies')
  ]
}

function instancesStep(desired: DesiredState): TeardownChange {
  const cluster = desired.names.cluster
  return {
    kind: 'instances',
    cluster,
    subject: `instances Karpenter launched for cluster ${cluster}`,
    action: 'delete',
    destructive: true,
    reason: 'looked for once the stacks are gone: any still tagged by Karpenter for this cluster is terminated'
  }
}
