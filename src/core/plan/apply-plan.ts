// apply's plan (docs/design.md, "Modes"): from the desired state and the facts, the ordered changes apply makes,
// each with its reason. `plan` renders it, `apply` executes it in this order. Pure.
//
// Order, and why:
//   1. the IAM OIDC provider (IRSA): the controller role's trust policy names it
//   2. karpenter-crd: needs nothing from the stacks, so apply runs it while 3–7 proceed ("Apply latency")
//   3. the Karpenter stack, 4. the controller stack (its role uses the Karpenter stack's policies)
//   5. the policies of a Pod Identity role that is not the stack's, 6. the Pod Identity association
//   7. node access: the access entry or the aws-auth mapping (an access entry that cannot serve Windows nodes removed)
//   8. the ServiceAccount (createServiceAccount: false), 9. the chart, 10. the manifests
//   11. the identity the cluster switched away from, retired after the chart upgrade ("Controller identity")
import type { ChangeBase } from './change.js'
import type { DesiredState, StackSpec } from '../types.js'
import type { ExistingAssociation, Facts } from '../facts.js'
import { identityState, type Identity, type IdentityState } from './identity.js'
import { includesApi, resolveNodeAccess, nodeGroups, type NodeAccessDecision } from './node-access.js'
import { controllerStackInUse, podIdentityRolePolicies, stacksInUse } from './pod-identity-state.js'
import { chartDiff, hasChartChanges, type ChartDiff } from '../helm/diff.js'
import { compareVersions, parseVersion } from '../karpenter/version.js'
import { guardUpgrade, UpgradeRefusedError, type UpgradeGuard } from '../karpenter/upgrade.js'

export type ApplyChange =
  | (ChangeBase & { kind: 'oidc-provider'; issuer: string; arn?: string })
  | (ChangeBase & { kind: 'crd-chart' })
  | (ChangeBase & { kind: 'stack'; spec: StackSpec })
  | (ChangeBase & { kind: 'role-policies'; roleArn: string; policies: string[] })
  | (ChangeBase & { kind: 'association'; roleArn: string; existing?: ExistingAssociation })
  | (ChangeBase & { kind: 'access-entry'; roleArn: string })
  | (ChangeBase & { kind: 'aws-auth'; roleArn: string; windows: boolean })
  | (ChangeBase & { kind: 'service-account' })
  | (ChangeBase & { kind: 'chart'; diff: ChartDiff })
  | (ChangeBase & { kind: 'manifests'; names: string })
  | (ChangeBase & { kind: 'retire-identity'; previous: Identity; keep: boolean })

export type ApplyChangeKind = ApplyChange['kind']

export interface ApplyPlanOptions {
  installChart: boolean
  /** the values-file input's document (applied last by helm) */
  extraValues: Record<string, unknown>
  /** the manifests input's objects, named ("NodePool/default, EC2NodeClass/default"); empty without it */
  manifests: string
}

export interface ApplyPlan {
  changes: ApplyChange[]
  identity: IdentityState
  /** how the node role gets into the cluster; undefined when the cluster does not exist */
  nodeAccess?: NodeAccessDecision
  /** the upgrade guard's notes and warnings on the installed release (docs/design.md, "Helm") */
  upgrade: UpgradeGuard
  /** the upgrade path does not allow this chart version: apply refuses (throws it), plan says so */
  refusal?: UpgradeRefusedError
}

/** The plan. `desired` is the state built from these facts (its adopted role included). */
export function applyPlan(desired: DesiredState, facts: Facts, opts: ApplyPlanOptions): ApplyPlan {
  const identity = identityState(facts, desired.names, desired.controllerIdentity)
  const nodeAccess = facts.cluster ? resolveNodeAccess(desired.nodeAccess, facts.cluster.authenticationMode, facts.windows) : undefined
  const out: ApplyChange[] = []
  const oidc = oidcProviderChange(desired, facts)
  if (oidc) out.push(oidc)
  const chart = opts.installChart ? chartChanges(desired, facts, opts) : undefined
  if (chart?.crd) out.push(chart.crd)
  for (const spec of stacksInUse(desired)) out.push(stackChange(spec, facts))
  out.push(...identityChanges(desired, facts, identity))
  if (nodeAccess) out.push(...nodeAccessChanges(desired, facts, nodeAccess))
  if (chart) out.push(...chart.rest)
  const retire = retireChange(desired, identity, opts.installChart)
  if (retire) out.push(retire)
  const plan: ApplyPlan = { changes: out, identity, nodeAccess, upgrade: { notes: [], warnings: [] } }
  // The upgrade guard: once, on the release as read, before the first change.
  if (opts.installChart && facts.releases?.main) {
    try {
      plan.upgrade = guardUpgrade(facts.releases.main, desired.helm.chart.version)
    } catch (err) {
      if (!(err instanceof UpgradeRefusedError)) throw err
      plan.refusal = err
    }
  }
  return plan
}

function oidcProviderChange(desired: DesiredState, facts: Facts): ApplyChange | undefined {
  if (desired.controllerIdentity !== 'irsa' || facts.oidcProvider === undefined) return undefined
  const issuer = facts.cluster?.oidcIssuer ?? ''
  const subject = `IAM OIDC provider for ${issuer}`
  if (facts.oidcProvider) return { kind: 'oidc-provider', issuer, arn: facts.oidcProvider, subject, action: 'none', reason: `${facts.oidcProvider} exists`, destructive: false }
  return { kind: 'oidc-provider', issuer, subject, action: 'create', reason: 'IRSA trusts the cluster through it, and the account has none for this issuer', destructive: false }
}

function stackChange(spec: StackSpec, facts: Facts): ApplyChange {
  const subject = `stack ${spec.name}`
  const status = facts.stacks[spec.name]?.status
  const base = { kind: 'stack' as const, spec, subject }
  if (status === undefined) return { ...base, action: 'create', reason: 'the stack does not exist', destructive: false }
  if (status === 'ROLLBACK_COMPLETE') {
    return { ...base, action: 'replace', reason: 'its first creation failed and rolled back (ROLLBACK_COMPLETE): CloudFormation cannot update it, so it is deleted and created again', destructive: true }
  }
  const preview = facts.stackPreviews?.[spec.name]
  if (!preview) return { ...base, action: 'ensure', reason: `it exists (${status}): updated through a change set where the template, parameters or tags differ`, destructive: false }
  if (!preview.hasChanges) return { ...base, action: 'none', reason: 'no changes', destructive: false }
  return { ...base, action: 'update', reason: `${preview.resourceChanges} resource change(s)`, destructive: preview.destructive }
}

function identityChanges(desired: DesiredState, facts: Facts, identity: IdentityState): ApplyChange[] {
  if (desired.controllerIdentity !== 'pod-identity' || !desired.podIdentity) return []
  const pod = desired.podIdentity
  const role = desired.arns.controllerRole
  const out: ApplyChange[] = []
  if (!controllerStackInUse(desired)) {
    const policies = podIdentityRolePolicies(desired)
    const read = facts.controllerRolePolicies
    const missing = read ? policies.filter(p => !read.attached?.includes(p)) : undefined
    const subject = `Pod Identity role ${role}`
    if (missing === undefined) out.push({ kind: 'role-policies', roleArn: role, policies, subject, action: 'ensure', reason: 'CloudFormation attaches policies to its own role only: the controller policies are attached to this one', destructive: false })
    else if (missing.length === 0) out.push({ kind: 'role-policies', roleArn: role, policies, subject, action: 'none', reason: 'the controller policies are attached', destructive: false })
    else out.push({ kind: 'role-policies', roleArn: role, policies: missing, subject, action: 'update', reason: `attach ${missing.join(', ')}`, destructive: false })
  }
  const a = identity.association
  const target = `${pod.namespace}/${pod.serviceAccount}`
  const base = { kind: 'association' as const, roleArn: role, destructive: false }
  if (!a) out.push({ ...base, subject: `Pod Identity association for ${target}`, action: 'create', reason: `none exists: created → ${role}` })
  else if (a.roleArn === role) {
    const reason = a.ours ? `→ ${role}` : `→ ${role}; not made by this tool: its role is adopted as it is`
    out.push({ ...base, existing: a, subject: `Pod Identity association ${a.id} for ${target}`, action: 'none', reason })
  }
  else if (a.ours) out.push({ ...base, existing: a, subject: `Pod Identity association ${a.id} for ${target}`, action: 'update', reason: `moved from ${a.roleArn} to ${role}` })
  else out.push({ ...base, existing: a, subject: `Pod Identity association ${a.id} for ${target}`, action: 'none', reason: `not made by this tool: its role ${a.roleArn} is adopted as it is` })
  return out
}

function nodeAccessChanges(desired: DesiredState, facts: Facts, decision: NodeAccessDecision): ApplyChange[] {
  const role = desired.arns.nodeRole
  const entry = facts.nodeAccess?.accessEntryType
  if (decision.method === 'none') return []
  if (decision.method === 'access-entry') {
    const base = { kind: 'access-entry' as const, roleArn: role, subject: `EC2_LINUX access entry for ${role}`, destructive: false }
    if (entry === undefined) return [{ ...base, action: 'ensure', reason: decision.reason }]
    if (entry === null) return [{ ...base, action: 'create', reason: decision.reason }]
    return [{ ...base, action: 'none', reason: `present (${entry}); ${decision.reason}` }]
  }
  const out: ApplyChange[] = []
  const mapping = facts.nodeAccess?.awsAuthMapping
  const groups = nodeGroups(decision)
  const base = { kind: 'aws-auth' as const, roleArn: role, windows: decision.windows === true, subject: `aws-auth mapping for ${role}`, destructive: false }
  if (mapping === undefined) out.push({ ...base, action: 'ensure', reason: decision.reason })
  else if (mapping === null) out.push({ ...base, action: 'create', reason: decision.reason })
  else if (groups.every(g => mapping.groups.includes(g))) out.push({ ...base, action: 'none', reason: `present; ${decision.reason}` })
  else out.push({ ...base, action: 'update', reason: `lacks ${groups.filter(g => !mapping.groups.includes(g)).join(', ')}; ${decision.reason}` })
  // An access entry for the same role takes precedence over aws-auth, so an EC2_LINUX entry from a run before
  // Windows nodes would keep them out: removed once the mapping that replaces it is in place.
  if (decision.windows && includesApi(facts.cluster?.authenticationMode) && entry !== null) {
    out.push({
      kind: 'access-entry',
      roleArn: role,
      subject: `access entry for ${role}`,
      action: 'delete',
      reason: 'it takes precedence over aws-auth and cannot serve Windows nodes',
      destructive: true
    })
  }
  return out
}

/** Whether the deployed release (and karpenter-crd) already run the desired chart version with the desired values. */
function upToDate(desired: DesiredState, facts: Facts, diff: ChartDiff): boolean {
  if (hasChartChanges(diff)) return false
  if (!desired.helm.crdChart) return true
  const crd = facts.releases?.crd
  const want = parseVersion(desired.helm.crdChart.version)
  const have = crd ? parseVersion(crd.version) : undefined
  return crd?.status === 'deployed' && !!want && !!have && compareVersions(have, want) === 0
}

function chartChanges(desired: DesiredState, facts: Facts, opts: ApplyPlanOptions): { crd?: ApplyChange; rest: ApplyChange[] } {
  const { helm } = desired
  const diff = chartDiff(facts.releases?.main, helm, opts.extraValues)
  const current = facts.releases !== undefined && upToDate(desired, facts, diff)
  const rest: ApplyChange[] = []
  let crd: ApplyChange | undefined
  if (helm.crdChart) {
    const subject = `release ${helm.namespace}/${desired.names.crdRelease} ${helm.crdChart.version}`
    const installed = facts.releases?.crd
    crd = current
      ? { kind: 'crd-chart', subject, action: 'none', reason: 'deployed at this version', destructive: false }
      : { kind: 'crd-chart', subject, action: installed ? 'update' : 'create', reason: 'CRDs first, so they are never older than the controller', destructive: false }
  }
  if (desired.serviceAccount.createdBy === 'tool') {
    const sa = desired.serviceAccount
    rest.push({ kind: 'service-account', subject: `ServiceAccount ${sa.namespace}/${sa.name}`, action: 'ensure', reason: 'createServiceAccount: false — this tool owns it, the chart does not', destructive: false })
  }
  const subject = `release ${helm.namespace}/${helm.release} ${helm.chart.version}`
  if (facts.releases === undefined) rest.push({ kind: 'chart', diff, subject, action: 'ensure', reason: 'the installed release was not read', destructive: false })
  else if (current) rest.push({ kind: 'chart', diff, subject, action: 'none', reason: 'deployed with the desired values', destructive: false })
  else rest.push({ kind: 'chart', diff, subject, action: diff.installed ? 'update' : 'create', reason: diff.installed ? `installed ${diff.installedVersion}` : 'not installed', destructive: false })
  if (opts.manifests) rest.push({ kind: 'manifests', names: opts.manifests, subject: `manifests ${opts.manifests}`, action: 'ensure', reason: 'server-side apply changes only what differs', destructive: false })
  return { crd, rest }
}

function retireChange(desired: DesiredState, identity: IdentityState, installChart: boolean): ApplyChange | undefined {
  const previous = identity.previous
  if (!previous) return undefined
  const what =
    previous === 'irsa'
      ? `stack ${desired.names.irsaStack}`
      : `${identity.association?.ours ? `association ${identity.association.id} and ` : ''}stack ${desired.names.podIdentityStack}`
  const subject = `${previous === 'irsa' ? 'IRSA' : 'Pod Identity'} (${what})`
  if (!installChart) {
    return { kind: 'retire-identity', previous, keep: true, subject, action: 'none', reason: 'kept: with install-chart: false the chart\'s owner moves the controller first', destructive: false }
  }
  return { kind: 'retire-identity', previous, keep: false, subject, action: 'delete', reason: 'the cluster switches identity: deleted after the chart upgrade, so the controller is never without credentials', destructive: true }
}
