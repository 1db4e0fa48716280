// The controller identity in plan, drift and delete (docs/design.md, "Modes": plan, drift and delete
// cover the association and the stack). plan and drift find the association the way apply does (lifecycle.ts's
// readIdentity: its role adopted when someone else made it) before the mode builds the desired state, and say what
// apply would do or what differs; delete removes what this tool made.
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import type { DriftItem } from '../report/types.js'
import type { AwsClients } from '../aws/clients.js'
import { info } from '../runner/log.js'
import { requirePodIdentityAgent } from '../aws/addons.js'
import { missingRolePolicies, requirePoliciesExist } from '../aws/pod-identity-role.js'
import type { IdentityState } from '../aws/identity-switch.js'
import { podIdentityRolePolicies } from '../core/plan/pod-identity-state.js'
import { errorMessage } from '../core/errors.js'

/**
 * plan, before anything else of the identity: the checks apply would refuse on, as warnings (plan shows, it does
 * not fail on them). They need the config alone (the offline desired state).
 */
export async function podIdentityChecks(ctx: RunContext, aws: AwsClients): Promise<void> {
  const desired = ctx.offline
  if (desired.controllerIdentity !== 'pod-identity') return
  try {
    await requirePodIdentityAgent(await aws.eks(), ctx.config.name)
  } catch (err) {
    ctx.report.warnings.push(`apply would refuse: ${errorMessage(err)}`)
  }
  try {
    await requirePoliciesExist(await aws.iam(), desired.podIdentity?.permissionPolicyArns ?? [])
  } catch (err) {
    ctx.report.warnings.push(`apply would refuse: ${errorMessage(err)}`)
  }
}

/** plan: the association and role changes apply would make (the identity read by readIdentity); returns whether there are any. */
export async function planIdentity(ctx: RunContext, aws: AwsClients, desired: DesiredState, state: IdentityState): Promise<boolean> {
  const { report } = ctx
  let changes = false
  const line = (s: string, change: boolean): void => {
    report.steps.push(s)
    info(`  ${s}`)
    if (change) changes = true
  }
  if (desired.controllerIdentity === 'pod-identity') {
    const pod = desired.podIdentity!
    const role = desired.arns.controllerRole
    const subject = `${pod.namespace}/${pod.serviceAccount}`
    const a = state.association
    if (!a) line(`Pod Identity association for ${subject}: would be created → ${role}`, true)
    else if (a.roleArn === role) line(`Pod Identity association ${a.id} for ${subject} → ${role}: no changes`, false)
    else if (a.ours) line(`Pod Identity association ${a.id} for ${subject}: would be updated from ${a.roleArn} to ${role}`, true)
    if (a && !a.ours) line(`Pod Identity association ${a.id} for ${subject} was not made by this tool: its role ${a.roleArn} is adopted as it is`, false)
    if ((pod.roleSource ?? 'stack') !== 'stack') {
      const missing = await missingRolePolicies(await aws.iam(), role, podIdentityRolePolicies(desired))
      line(missing.length ? `Pod Identity role ${role}: would attach ${missing.join(', ')}` : `Pod Identity role ${role}: policies attached, no changes`, missing.length > 0)
    }
  }
  if (state.previous === 'irsa') line(`identity switch IRSA → Pod Identity: after the chart upgrade apply would delete stack ${desired.names.irsaStack}${ctx.inputs.installChart ? '' : ' (not with install-chart: false: kept)'}`, true)
  if (state.previous === 'pod-identity') {
    line(
      `identity switch Pod Identity → IRSA: after the chart upgrade apply would delete ${state.association?.ours ? `association ${state.association.id} and ` : ''}stack ${desired.names.podIdentityStack}` +
        (ctx.inputs.installChart ? '' : ' (not with install-chart: false: kept)'),
      true
    )
  }
  return changes
}

/**
 * drift, for Pod Identity on a cluster that exists: the association missing, or pointing at another role than the
 * one this tool gave it; the role's policies.
 */
export async function driftIdentity(ctx: RunContext, aws: AwsClients, desired: DesiredState, state: IdentityState): Promise<void> {
  const { report } = ctx
  const pod = desired.podIdentity!
  const role = desired.arns.controllerRole
  const logicalId = `PodIdentityAssociation ${pod.namespace}/${pod.serviceAccount}`
  const items: DriftItem[] = []
  const a = state.association
  if (!a) {
    items.push({ source: 'eks', logicalId, resourceType: 'AWS::EKS::PodIdentityAssociation', status: 'DELETED', differences: [{ path: 'association', expected: role, actual: 'not found', type: 'REMOVE' }] })
  } else if (a.roleArn !== role) {
    items.push({ source: 'eks', logicalId: `${logicalId} (${a.id})`, resourceType: 'AWS::EKS::PodIdentityAssociation', status: 'MODIFIED', differences: [{ path: 'roleArn', expected: role, actual: a.roleArn, type: 'NOT_EQUAL' }] })
  }
  if ((pod.roleSource ?? 'stack') !== 'stack') {
    const missing = await missingRolePolicies(await aws.iam(), role, podIdentityRolePolicies(desired))
    if (missing.length) {
      items.push({ source: 'iam', logicalId: role, resourceType: 'AWS::IAM::Role', status: 'MODIFIED', differences: missing.map(p => ({ path: 'AttachedPolicies', expected: p, actual: 'not attached', type: 'REMOVE' })) })
    }
  }
  report.drift.push(...items)
  report.steps.push(
    items.length
      ? `Pod Identity: ${items.map(i => `${i.logicalId} ${i.status}`).join('; ')}`
      : `Pod Identity association ${a?.id} → ${role}: in sync${a && !a.ours ? ' (not made by this tool; its role adopted)' : ''}`
  )
}
