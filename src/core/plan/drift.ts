// drift's comparison (docs/design.md, "Modes": drift): the facts drift read against the desired state, as drift
// items and summary lines. Pure: what is compared is decided here; src/modes/drift.ts reads the facts and reports.
// In order: the Pod Identity association and its role's policies, each stack in use (missing, CloudFormation's own
// drift detection, and whether the config moved on since the last apply), node access (the access entry or the
// aws-auth mapping, whichever node access uses), and the chart (release missing, other version, status, values).
import type { DesiredState } from '../types.js'
import type { DriftItem, Facts } from '../facts.js'
import { stacksInUse, podIdentityRolePolicies } from './pod-identity-state.js'
import { NODE_ACCESS_ENTRY_TYPE, NODE_USERNAME, nodeGroups, resolveNodeAccess, type NodeAccessDecision } from './node-access.js'
import { stackDifferences } from '../cfn/deploy-compare.js'
import { chartDiff } from '../helm/diff.js'
import { errorMessage } from '../errors.js'

export interface DriftInputs {
  /** install-chart: the chart is compared only when this tool installs it */
  installChart: boolean
  /** the values-file input's document (helm applies it last) */
  extraValues?: Record<string, unknown>
}

/** A stack as drift found it, for the summary's stack table. */
export interface DriftStack {
  stack: string
  action: 'absent' | 'unchanged'
  /** ABSENT, `drift <status>`, or the stack's status when its drift was not read */
  status: string
}

export interface DriftResult {
  items: DriftItem[]
  /** summary lines, in order */
  steps: string[]
  warnings: string[]
  stacks: DriftStack[]
}

/** Stack statuses in which the stack has no resources to compare: it is missing (a change set never executed). */
const NO_STACK = new Set(['DELETE_COMPLETE', 'REVIEW_IN_PROGRESS'])

/** A stack in use is missing: not found, deleted, or only a change set that was never executed. */
export function stackMissing(facts: Pick<Facts, 'stacks'>, name: string): boolean {
  const status = facts.stacks[name]?.status
  return status === undefined || NO_STACK.has(status)
}

/** Which node access to compare: the node-access decision for this cluster, none without a cluster; a refusal apply would make is said, not thrown. */
export function nodeAccessToCompare(desired: Pick<DesiredState, 'nodeAccess'>, facts: Pick<Facts, 'cluster' | 'windows'>): { decision?: NodeAccessDecision; refusal?: string } {
  if (!facts.cluster) return {}
  try {
    return { decision: resolveNodeAccess(desired.nodeAccess, facts.cluster.authenticationMode, facts.windows) }
  } catch (err) {
    // the input does not fit the cluster: apply refuses with this message; drift has nothing to compare and says why
    return { refusal: errorMessage(err) }
  }
}

/** The facts drift read, compared with the desired state. */
export function compareDrift(desired: DesiredState, facts: Facts, inputs: DriftInputs): DriftResult {
  const out: DriftResult = { items: [], steps: [], warnings: [], stacks: [] }
  if (!facts.cluster) out.warnings.push(`EKS cluster "${desired.names.cluster}" was not found in ${facts.region}; only the stacks are checked.`)
  identityDrift(desired, facts, out)
  for (const spec of stacksInUse(desired)) stackDrift(spec, facts, out)
  nodeAccessDrift(desired, facts, out)
  chartDrift(desired, facts, inputs, out)
  return out
}

/** One line per item, for the log: "drift: <source> <logicalId> <type> <status>: <path> expected … actual …". */
export function driftLine(item: DriftItem): string {
  const what = [item.logicalId, item.resourceType].filter(Boolean).join(' ')
  return `drift: ${item.source} ${what} ${item.status}: ${item.differences.map(d => `${d.path} expected ${d.expected ?? '∅'} actual ${d.actual ?? '∅'}`).join('; ')}`
}

/** Pod Identity on a cluster that exists: the association missing or on another role; the role's policies when the role is not the stack's. */
function identityDrift(desired: DesiredState, facts: Facts, out: DriftResult): void {
  if (desired.controllerIdentity !== 'pod-identity' || facts.association === undefined) return
  const pod = desired.podIdentity!
  const role = desired.arns.controllerRole
  const logicalId = `PodIdentityAssociation ${pod.namespace}/${pod.serviceAccount}`
  const resourceType = 'AWS::EKS::PodIdentityAssociation'
  const items: DriftItem[] = []
  const a = facts.association
  if (!a) {
    items.push({ source: 'eks', logicalId, resourceType, status: 'DELETED', differences: [{ path: 'association', expected: role, actual: 'not found', type: 'REMOVE' }] })
  } else if (a.roleArn !== role) {
    items.push({ source: 'eks', logicalId: `${logicalId} (${a.id})`, resourceType, status: 'MODIFIED', differences: [{ path: 'roleArn', expected: role, actual: a.roleArn, type: 'NOT_EQUAL' }] })
  }
  const policies = facts.controllerRolePolicies
  if ((pod.roleSource ?? 'stack') !== 'stack' && policies) {
    const missing = podIdentityRolePolicies(desired).filter(p => !policies.attached?.includes(p))
    if (missing.length) {
      items.push({ source: 'iam', logicalId: role, resourceType: 'AWS::IAM::Role', status: 'MODIFIED', differences: missing.map(p => ({ path: 'AttachedPolicies', expected: p, actual: 'not attached', type: 'REMOVE' })) })
    }
  }
  out.items.push(...items)
  out.steps.push(
    items.length
      ? `Pod Identity: ${items.map(i => `${i.logicalId} ${i.status}`).join('; ')}`
      : `Pod Identity association ${a?.id} → ${role}: in sync${a && !a.ours ? ' (not made by this tool; its role adopted)' : ''}`
  )
}

/** A stack in use: missing is drift; else CloudFormation's drift detection, and a note when the config moved on since the last apply. */
function stackDrift(spec: DesiredState['karpenterStack'], facts: Facts, out: DriftResult): void {
  const name = spec.name
  const detected = facts.stackDrift?.[name]
  if (stackMissing(facts, name) || detected?.status === 'DELETED') {
    // gone before detection, or between the look-up and detection (then detection's own item says so)
    out.items.push(...(detected?.status === 'DELETED' ? detected.items : [{ source: name, status: 'DELETED', differences: [{ path: '(stack)', expected: 'present', actual: facts.stacks[name]?.status ?? 'absent', type: 'REMOVE' }] }]))
    out.stacks.push({ stack: name, action: 'absent', status: 'ABSENT' })
    out.steps.push(`stack ${name}: missing (drift)`)
    return
  }
  if (!detected) {
    out.stacks.push({ stack: name, action: 'unchanged', status: facts.stacks[name]?.status ?? 'UNKNOWN' })
    out.steps.push(`stack ${name}: drift not checked (${facts.unread['stack-drift'] ?? 'not read'})`)
    return
  }
  out.items.push(...detected.items)
  out.stacks.push({ stack: name, action: 'unchanged', status: `drift ${detected.status}` })
  if (detected.partialReason) out.warnings.push(`drift detection on ${name} did not check every resource: ${detected.partialReason}`)
  out.steps.push(`stack ${name}: drift status ${detected.status}, ${detected.items.length} drifted resource(s)`)
  // Not drift (CloudFormation's own view is), but worth a line: the config has moved on since the last apply.
  const deployed = facts.deployedStacks?.[name]
  const diffs = deployed ? stackDifferences(deployed.stack, deployed.templateBody, spec) : []
  if (diffs.length) out.steps.push(`stack ${name}: the config differs from what was last applied (${diffs.map(d => d.detail).join('; ')}); run plan to see what apply would change`)
}

/** The node role's access entry (missing or of another type) or aws-auth mapping (missing or lacking groups), by the node-access decision. */
function nodeAccessDrift(desired: DesiredState, facts: Facts, out: DriftResult): void {
  const { decision, refusal } = nodeAccessToCompare(desired, facts)
  if (refusal) out.steps.push(`node access: not compared (${refusal})`)
  if (!decision || decision.method === 'none') return
  const roleArn = desired.arns.nodeRole
  if (decision.method === 'access-entry') {
    const type = facts.nodeAccess?.accessEntryType
    if (type === undefined) {
      out.steps.push(`node access: access entry for ${roleArn} not checked (${facts.unread['node-access'] ?? 'not read'})`)
      return
    }
    if (type === NODE_ACCESS_ENTRY_TYPE) {
      out.steps.push(`node access: access entry for ${roleArn} present (${type})`)
      return
    }
    out.items.push({
      source: 'eks',
      logicalId: `access-entry/${roleArn}`,
      resourceType: 'AccessEntry',
      status: type ? 'MODIFIED' : 'DELETED',
      differences: [type ? { path: 'type', expected: NODE_ACCESS_ENTRY_TYPE, actual: type, type: 'NOT_EQUAL' } : { path: '(resource)', expected: `${NODE_ACCESS_ENTRY_TYPE} access entry`, actual: 'deleted', type: 'REMOVE' }]
    })
    out.steps.push(`node access: access entry for ${roleArn} ${type ? `has type ${type}` : 'missing'} (drift)`)
    return
  }
  const found = facts.nodeAccess?.awsAuthMapping
  if (found === undefined) {
    out.warnings.push(`node access: the aws-auth mapping was not checked, ${facts.unread['node-access'] ?? 'it was not read'}`)
    return
  }
  const groups = nodeGroups(decision)
  const missingGroups = found ? groups.filter(g => !found.groups.includes(g)) : []
  if (found && missingGroups.length === 0) {
    out.steps.push(`node access: aws-auth maps ${found.rolearn}`)
    return
  }
  out.items.push({
    source: 'kube-system/aws-auth',
    logicalId: 'mapRoles',
    resourceType: 'ConfigMap',
    status: found ? 'MODIFIED' : 'DELETED',
    differences: found
      ? [{ path: `mapRoles[rolearn=${found.rolearn}].groups`, expected: groups.join(','), actual: found.groups.join(','), type: 'NOT_EQUAL' }]
      : [{ path: `mapRoles[rolearn=${roleArn}]`, expected: `${NODE_USERNAME} in ${groups.join(', ')}`, actual: 'absent', type: 'REMOVE' }]
  })
  out.steps.push(`node access: aws-auth mapping for ${roleArn} ${found ? 'lacks groups' : 'missing'} (drift)`)
}

/** The controller release against the config: missing, another chart version, not deployed, other values. */
function chartDrift(desired: DesiredState, facts: Facts, inputs: DriftInputs, out: DriftResult): void {
  if (!inputs.installChart) {
    out.steps.push('chart: not checked (install-chart: false — the chart is left to its owner)')
    return
  }
  if (!facts.releases) {
    out.steps.push(`chart: not checked (${facts.unread.releases ?? 'not read'})`)
    return
  }
  const installed = facts.releases.main
  const diff = chartDiff(installed, desired.helm, inputs.extraValues ?? {})
  const source = 'helm'
  const resource = `${desired.helm.namespace}/${desired.helm.release}`
  const items: DriftItem[] = []
  if (!diff.installed) {
    items.push({ source, logicalId: resource, resourceType: 'HelmRelease', status: 'DELETED', differences: [{ path: 'release', expected: diff.wantedVersion, actual: 'not installed', type: 'REMOVE' }] })
  } else {
    const differences: DriftItem['differences'] = []
    if (diff.versionChanged) differences.push({ path: 'chart.version', expected: diff.wantedVersion, actual: diff.installedVersion, type: 'NOT_EQUAL' })
    if (diff.statusNote) differences.push({ path: 'status', expected: 'deployed', actual: installed?.status, type: 'NOT_EQUAL' })
    for (const v of diff.values) differences.push({ path: `values.${v.path}`, expected: v.expected, actual: v.actual, type: v.type })
    if (differences.length) items.push({ source, logicalId: resource, resourceType: 'HelmRelease', status: 'MODIFIED', differences })
  }
  out.items.push(...items)
  out.steps.push(items.length ? `chart: ${resource} differs from the config` : `chart: ${resource} ${diff.installedVersion} matches the config`)
}
