// The controller identity in plan, drift and delete (docs/design.md, "Modes": plan, drift and delete
// cover the association and the stack). plan and drift find the association the way apply does (lifecycle.ts's
// readIdentity: its role adopted when someone else made it) before the mode builds the desired state, and say what
// apply would do or what differs; delete removes what this tool made.
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import type { AwsClients } from '../aws/clients.js'
import { roleNameFromArn } from '../core/names.js'
import { info, warning } from '../runner/log.js'
import { requirePodIdentityAgent } from '../aws/addons.js'
import { detachRolePolicies, missingRolePolicies, requirePoliciesExist } from '../aws/pod-identity-role.js'
import { deleteOwnAssociation, findAssociation, isPodIdentityApiMissing } from '../aws/pod-identity.js'
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
 * delete: the association, only when this tool made it; and the controller policies this tool attached to a role
 * that is not its stack's (else the Karpenter stack's policies could not be deleted). Before the stacks go.
 */
export async function deleteIdentity(ctx: RunContext, aws: AwsClients, desired: DesiredState): Promise<void> {
  const { report } = ctx
  if (desired.controllerIdentity !== 'pod-identity') return
  const pod = desired.podIdentity!
  const subject = `${pod.namespace}/${pod.serviceAccount}`
  let association
  try {
    association = await findAssociation(await aws.eks(), ctx.config.name, pod.namespace, pod.serviceAccount)
  } catch (err) {
    if (!isPodIdentityApiMissing(err)) throw err
    warning('The EKS endpoint does not serve the Pod Identity API; association not checked.')
    return
  }
  const result = await deleteOwnAssociation(await aws.eks(), ctx.config.name, association)
  if (result === 'deleted') report.changed = true
  report.steps.push(
    result === 'deleted'
      ? `Pod Identity association ${association?.id} (${subject}) deleted`
      : result === 'absent'
        ? `Pod Identity association for ${subject}: none found`
        : `Pod Identity association ${association?.id} kept: it was not made by this tool (role ${association?.roleArn})`
  )
  const role = association?.roleArn ?? (pod.roleSource === 'roleARN' ? pod.roleArn : undefined)
  if (role && roleNameFromArn(role) !== desired.names.podIdentityRole) {
    const detached = await detachRolePolicies(await aws.iam(), role, desired.arns.controllerPolicies)
    if (detached.length) {
      report.changed = true
      report.steps.push(`Pod Identity role ${role}: detached ${detached.join(', ')} (the role itself is not this tool's and stays)`)
    }
  }
}
