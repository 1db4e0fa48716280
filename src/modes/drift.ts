// drift (README, Modes): CloudFormation drift detection on both stacks (a missing stack is drift too), the Pod
// Identity association, the node role's access entry or aws-auth mapping (whichever node access uses), and the
// installed chart version and values against the config. Reads only. Output `drifted`; the step fails when drifted
// unless `fail-on-drift: false`. An endpoint without drift detection is a clear error.
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { RunContext } from './context.js'
import type { DesiredState, StackSpec } from '../core/types.js'
import type { DriftItem } from '../report/types.js'
import { info, warning } from '../runner/log.js'
import { describeStack, deployedTemplate } from '../cfn/describe.js'
import { stackDifferences } from '../core/cfn/deploy-compare.js'
import { cloudFormationEndpoint, detectStackDrift } from '../cfn/drift.js'
import { chartDiff } from '../core/helm/diff.js'
import { desiredFor, findCluster, openSession, pollOptions, readIdentity, readInstalledChart, reportDesired, type Session } from './lifecycle.js'
import { openCluster } from './cluster-session.js'
import type { ClusterInfo } from '../aws/preflight.js'
import { driftIdentity } from './apply-identity-modes.js'
import { stacksInUse } from '../core/plan/pod-identity-state.js'
import { resolveNodeAccess } from '../core/plan/node-access.js'
import { describeNodeAccessEntry } from '../aws/access-entry.js'
import { findAwsAuthMapping, NODE_GROUPS, NODE_USERNAME } from '../kube/aws-auth.js'
import type { ClusterSession } from './cluster-session.js'
import { ProvisionError, errorMessage } from '../core/errors.js'

export class DriftFoundError extends ProvisionError {
  override readonly name: string = 'DriftFoundError'
}

export async function runDrift(ctx: RunContext): Promise<void> {
  const { config, report } = ctx
  const session = await openSession(ctx)
  const cluster = await findCluster(session.aws, config.name, session.region)
  if (!cluster) report.warnings.push(`EKS cluster "${config.name}" was not found in ${session.region}; only the stacks are checked.`)
  // Pod Identity on a cluster that exists: the association first (its role adopted when someone else made it), then
  // the desired state built once from the facts. Its drift (an association missing or on another role) is reported
  // even where stack drift detection is not.
  const identity = ctx.offline.controllerIdentity === 'pod-identity' && cluster ? await readIdentity(ctx, session.aws) : undefined
  const desired = desiredFor(ctx, session.identity, cluster, identity?.adopt)
  reportDesired(ctx, desired)
  if (identity) await driftIdentity(ctx, session.aws, desired, identity.state)
  const cfn = await session.aws.cfn()
  const endpoint = cloudFormationEndpoint(session.region)

  for (const spec of stacksInUse(desired)) {
    const result = await detectStackDrift(cfn, spec.name, pollOptions(ctx), endpoint)
    report.drift.push(...result.items)
    report.stacks.push({ stack: spec.name, action: result.status === 'DELETED' ? 'absent' : 'unchanged', status: result.status === 'DELETED' ? 'ABSENT' : `drift ${result.status}`, changes: [], failures: [] })
    if (result.partialReason) report.warnings.push(`drift detection on ${spec.name} did not check every resource: ${result.partialReason}`)
    report.steps.push(`stack ${spec.name}: ${result.status === 'DELETED' ? 'missing (drift)' : `drift status ${result.status}, ${result.items.length} drifted resource(s)`}`)
    if (result.status !== 'DELETED') await noteConfigChanges(ctx, cfn, spec)
  }

  if (cluster) await accessEntryDrift(ctx, session, desired, cluster)
  await clusterDrift(ctx, session, desired, cluster)

  const drifted = report.drift.length > 0
  report.outputs['drifted'] = String(drifted)
  for (const item of report.drift) {
    info(`drift: ${item.source} ${[item.logicalId, item.resourceType].filter(Boolean).join(' ')} ${item.status}: ${item.differences.map(d => `${d.path} expected ${d.expected ?? '∅'} actual ${d.actual ?? '∅'}`).join('; ')}`)
  }
  if (!drifted) {
    info('drift: none found.')
    return
  }
  if (ctx.inputs.failOnDrift) throw new DriftFoundError(`Drift found in ${report.drift.length} item(s) (see the summary); run apply to restore the configured state, or set fail-on-drift: false.`)
  warning(`Drift found in ${report.drift.length} item(s); not failing (fail-on-drift: false).`)
}

/** Not drift (CloudFormation's own view is), but worth a line: the config has moved on since the last apply. */
async function noteConfigChanges(ctx: RunContext, cfn: CloudFormationClient, spec: StackSpec): Promise<void> {
  try {
    const stack = await describeStack(cfn, spec.name)
    if (!stack) return
    const diffs = stackDifferences(stack, await deployedTemplate(cfn, spec.name), spec)
    if (diffs.length) ctx.report.steps.push(`stack ${spec.name}: the config differs from what was last applied (${diffs.map(d => d.detail).join('; ')}); run plan to see what apply would change`)
  } catch (err) {
    info(`could not compare stack ${spec.name} with the config: ${errorMessage(err)}`)
  }
}

/** The node role's EKS access entry (when node access goes through access entries): missing or of another type is drift. */
async function accessEntryDrift(ctx: RunContext, session: Session, desired: DesiredState, cluster: ClusterInfo): Promise<void> {
  const { report } = ctx
  if (nodeAccessMethod(desired, cluster) !== 'access-entry') return
  const type = await describeNodeAccessEntry(await session.aws.eks(), cluster.name, desired.arns.nodeRole)
  const resource = `access-entry/${desired.arns.nodeRole}`
  if (type === 'EC2_LINUX') {
    report.steps.push(`node access: access entry for ${desired.arns.nodeRole} present (EC2_LINUX)`)
    return
  }
  report.drift.push({
    source: 'eks',
    logicalId: resource,
    resourceType: 'AccessEntry',
    status: type ? 'MODIFIED' : 'DELETED',
    differences: [type ? { path: 'type', expected: 'EC2_LINUX', actual: type, type: 'NOT_EQUAL' } : { path: '(resource)', expected: 'EC2_LINUX access entry', actual: 'deleted', type: 'REMOVE' }]
  })
  report.steps.push(`node access: access entry for ${desired.arns.nodeRole} ${type ? `has type ${type}` : 'missing'} (drift)`)
}

function nodeAccessMethod(desired: DesiredState, cluster: ClusterInfo | undefined): string {
  if (!cluster) return 'none'
  try {
    return resolveNodeAccess(desired.nodeAccess, cluster.authenticationMode).method
  } catch {
    return 'none' // the input does not fit the cluster: apply says so; drift has nothing to compare
  }
}

/** The node role's aws-auth mapping (when node access goes through aws-auth): missing, or without the node groups, is drift. */
async function awsAuthDrift(ctx: RunContext, access: ClusterSession, desired: DesiredState): Promise<void> {
  const { report } = ctx
  const roleArn = desired.arns.nodeRole
  const found = await findAwsAuthMapping(access.kube, roleArn)
  const missingGroups = found ? NODE_GROUPS.filter(g => !found.groups.includes(g)) : []
  if (found && missingGroups.length === 0) {
    report.steps.push(`node access: aws-auth maps ${found.rolearn}`)
    return
  }
  report.drift.push({
    source: 'kube-system/aws-auth',
    logicalId: 'mapRoles',
    resourceType: 'ConfigMap',
    status: found ? 'MODIFIED' : 'DELETED',
    differences: found
      ? [{ path: `mapRoles[rolearn=${found.rolearn}].groups`, expected: NODE_GROUPS.join(','), actual: found.groups.join(','), type: 'NOT_EQUAL' }]
      : [{ path: `mapRoles[rolearn=${roleArn}]`, expected: `${NODE_USERNAME} in ${NODE_GROUPS.join(', ')}`, actual: 'absent', type: 'REMOVE' }]
  })
  report.steps.push(`node access: aws-auth mapping for ${roleArn} ${found ? 'lacks groups' : 'missing'} (drift)`)
}

/** The Kubernetes half: the node role's aws-auth mapping (when used) and the chart (release missing, another version, other values). */
async function clusterDrift(ctx: RunContext, session: Session, desired: DesiredState, cluster: ClusterInfo | undefined): Promise<void> {
  const { report } = ctx
  const checkAwsAuth = nodeAccessMethod(desired, cluster) === 'aws-auth'
  if (!ctx.inputs.installChart) report.steps.push('chart: not checked (install-chart: false — the chart is left to its owner)')
  if (!ctx.inputs.installChart && !checkAwsAuth) return
  if (!cluster && !ctx.inputs.kubeconfig) {
    report.steps.push('chart: not checked (no cluster to reach)')
    return
  }
  let access
  try {
    access = await openCluster(ctx, session.aws, cluster)
  } catch (err) {
    if (ctx.inputs.installChart) throw new Error(`drift: cannot reach cluster ${ctx.config.name} to check the chart: ${errorMessage(err)}. Set install-chart: false to check the stacks only.`)
    // only the aws-auth mapping was to be read: say it was not checked, and why
    report.warnings.push(`node access: the aws-auth mapping was not checked, the cluster could not be reached: ${errorMessage(err)}`)
    return
  }
  try {
    if (checkAwsAuth) await awsAuthDrift(ctx, access, desired)
    if (ctx.inputs.installChart) await chartDrift(ctx, access, desired)
  } finally {
    await access.dispose()
  }
}

async function chartDrift(ctx: RunContext, access: ClusterSession, desired: DesiredState): Promise<void> {
  const { report } = ctx
  const installed = await readInstalledChart(ctx, access, desired)
  const diff = chartDiff(installed.release, desired.helm, installed.extraValues)
  const source = 'helm'
  const resource = `${desired.helm.namespace}/${desired.helm.release}`
  const items: DriftItem[] = []
  if (!diff.installed) {
    items.push({ source, logicalId: resource, resourceType: 'HelmRelease', status: 'DELETED', differences: [{ path: 'release', expected: diff.wantedVersion, actual: 'not installed', type: 'REMOVE' }] })
  } else {
    const differences: DriftItem['differences'] = []
    if (diff.versionChanged) differences.push({ path: 'chart.version', expected: diff.wantedVersion, actual: diff.installedVersion, type: 'NOT_EQUAL' })
    if (diff.statusNote) differences.push({ path: 'status', expected: 'deployed', actual: installed.release?.status, type: 'NOT_EQUAL' })
    for (const v of diff.values) differences.push({ path: `values.${v.path}`, expected: v.expected, actual: v.actual, type: v.type })
    if (differences.length) items.push({ source, logicalId: resource, resourceType: 'HelmRelease', status: 'MODIFIED', differences })
  }
  report.drift.push(...items)
  report.steps.push(items.length ? `chart: ${resource} differs from the config` : `chart: ${resource} ${diff.installedVersion} matches the config`)
}
