// apply's controller-identity half (docs/design.md, "Controller identity"): before any change, the Pod Identity checks (agent addon ACTIVE,
// permissionPolicyARNs exist), the existing association found and its role adopted, and the previous identity
// detected; before the chart upgrade, the role's policies and the association (prepareIdentity); after it, the
// previous identity retired (retirePreviousIdentity). apply.ts calls these three; the logic is in src/aws.
import type { RunContext } from './context.js'
import type { DesiredState } from '../state/types.js'
import { buildDesiredState, type ClusterFacts } from '../state/desired.js'
import type { AwsClients } from '../aws/clients.js'
import { requirePodIdentityAgent } from '../aws/addons.js'
import { attachRolePolicies, requirePoliciesExist } from '../aws/pod-identity-role.js'
import { ensureAssociation } from '../aws/pod-identity.js'
import { podIdentityRoleNote, podIdentityRolePolicies } from '../aws/pod-identity-state.js'
import { detachFromAssociationRole, detectIdentityState, keepPrevious, retireAssociation, retireIrsa, retirePodIdentityStack, roleToAdopt, type IdentityState } from '../aws/identity-switch.js'
import { record } from '../report/types.js'
import { pollOptions } from './lifecycle.js'

export interface IdentityPlan {
  desired: DesiredState
  state: IdentityState
}

/** The desired state with what AWS says about the controller identity; refuses Pod Identity that cannot work. */
export async function desiredWithIdentity(ctx: RunContext, aws: AwsClients, facts: ClusterFacts): Promise<IdentityPlan> {
  const { config, inputs, report } = ctx
  const first = buildDesiredState(config, inputs, facts)
  if (first.controllerIdentity === 'pod-identity') {
    const agent = await requirePodIdentityAgent(await aws.eks(), config.name)
    await requirePoliciesExist(await aws.iam(), first.podIdentity?.permissionPolicyArns ?? [])
    report.steps.push(`preflight: eks-pod-identity-agent addon ACTIVE${agent ? ` (${agent})` : ''}${first.podIdentity?.permissionPolicyArns.length ? `; permissionPolicyARNs exist` : ''}`)
  }
  const state = await detectIdentityState(aws, first, config.name)
  const adopt = first.controllerIdentity === 'pod-identity' ? roleToAdopt(state) : undefined
  const desired = adopt ? buildDesiredState(config, inputs, { ...facts, podIdentityRoleArn: adopt }) : first
  if (adopt && first.podIdentity?.roleArn && first.podIdentity.roleArn !== adopt) {
    report.warnings.push(`iam.podIdentityAssociations roleARN ${first.podIdentity.roleArn} is not used: the existing association ${state.association?.id} (not made by this tool) uses ${adopt}, which is adopted as it is.`)
  }
  if (desired.controllerIdentity === 'irsa' && state.association && !state.association.ours) {
    report.warnings.push(
      `A Pod Identity association for ${desired.names.namespace}/${desired.names.serviceAccount} (${state.association.id}, role ${state.association.roleArn}) exists and was not made by this tool; ` +
        'it is kept, and the controller uses IRSA, which takes precedence while both exist.'
    )
  }
  if (state.podIdentityApiMissing) report.steps.push('Pod Identity: the EKS endpoint does not serve the Pod Identity API; no association looked for')
  if (desired.controllerIdentity === 'pod-identity') report.steps.push(`controller identity: Pod Identity, ${podIdentityRoleNote(desired)}`)
  if (state.previous) {
    report.steps.push(
      `identity switch ${state.previous === 'irsa' ? 'IRSA → Pod Identity' : 'Pod Identity → IRSA'} detected: ` +
        (state.previous === 'irsa' ? `stack ${desired.names.irsaStack} exists` : state.association?.ours ? `association ${state.association.id} exists` : `stack ${desired.names.podIdentityStack} exists`) +
        '; the new identity is made before the chart upgrade, the previous one retired after it'
    )
  }
  return { desired, state }
}

/** Before the chart upgrade (after the stacks): the Pod Identity role's policies and the association. */
export async function prepareIdentity(ctx: RunContext, aws: AwsClients, plan: IdentityPlan): Promise<void> {
  const { desired, state } = plan
  const { report } = ctx
  if (desired.controllerIdentity === 'irsa') {
    if (state.previous) report.steps.push(`identity switch Pod Identity → IRSA: IRSA role ${desired.arns.controllerRole} in place before the chart upgrade`)
    return
  }
  const pod = desired.podIdentity!
  if ((pod.roleSource ?? 'stack') !== 'stack') {
    // CloudFormation attaches the policies to the stack's own role; any other role gets them here.
    const attached = await attachRolePolicies(await aws.iam(), desired.arns.controllerRole, podIdentityRolePolicies(desired))
    if (attached.length) {
      report.changed = true
      report.steps.push(`Pod Identity role ${desired.arns.controllerRole}: attached ${attached.join(', ')}`)
    } else {
      report.steps.push(`Pod Identity role ${desired.arns.controllerRole}: controller policies already attached`)
    }
  }
  const outcome = await ensureAssociation(
    await aws.eks(),
    { cluster: desired.names.cluster, namespace: pod.namespace, serviceAccount: pod.serviceAccount, roleArn: desired.arns.controllerRole, tags: pod.tags },
    state.association
  )
  const subject = `${pod.namespace}/${pod.serviceAccount}`
  switch (outcome.action) {
    case 'created':
      report.changed = true
      report.steps.push(`Pod Identity association ${outcome.id} created for ${subject} → ${desired.arns.controllerRole}${state.previous ? ' (before the chart upgrade)' : ''}`)
      break
    case 'updated':
      report.changed = true
      report.steps.push(`Pod Identity association ${outcome.id} for ${subject} moved from ${outcome.previousRoleArn} to ${desired.arns.controllerRole}`)
      break
    case 'unchanged':
      report.steps.push(`Pod Identity association ${outcome.id} for ${subject} → ${desired.arns.controllerRole}: unchanged`)
      break
    case 'kept-foreign':
      report.warnings.push(`Pod Identity association ${outcome.id} for ${subject} uses ${outcome.roleArn} and was not made by this tool: it is kept as it is.`)
      report.steps.push(`Pod Identity association ${outcome.id}: kept (not this tool's)`)
  }
}

/** After the chart upgrade: the identity the cluster switched away from, deleted (or kept with install-chart: false). */
export async function retirePreviousIdentity(ctx: RunContext, aws: AwsClients, plan: IdentityPlan): Promise<void> {
  const { desired, state } = plan
  const { report } = ctx
  if (!state.previous) return
  if (!ctx.inputs.installChart) return record(report, keepPrevious(desired, state.previous))
  const sw = { poll: pollOptions(ctx), accountId: desired.accountId ?? '' }
  if (state.previous === 'irsa') return record(report, await retireIrsa(aws, desired, sw))
  // Pod Identity → IRSA: the association (only ours), policies this tool attached to a role not its own, the stack.
  record(report, await retireAssociation(aws, desired, state))
  record(report, await detachFromAssociationRole(aws, desired, state))
  record(report, await retirePodIdentityStack(aws, desired, sw))
}
