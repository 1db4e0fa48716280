// apply's controller-identity half (docs/design.md, "Controller identity"): before any change, the Pod Identity checks (agent addon ACTIVE,
// permissionPolicyARNs exist), the existing association found and its role adopted, and the previous identity
// detected; before the chart upgrade, the role's policies and the association (prepareIdentity); after it, the
// previous identity retired (retirePreviousIdentity). apply.ts calls these three; the logic is in src/aws.
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import type { AwsClients } from '../aws/clients.js'
import { requirePodIdentityAgent } from '../aws/addons.js'
import { attachRolePolicies, requirePoliciesExist } from '../aws/pod-identity-role.js'
import { ensureAssociation } from '../aws/pod-identity.js'
import { podIdentityRoleNote, podIdentityRolePolicies } from '../core/plan/pod-identity-state.js'
import { detachFromAssociationRole, keepPrevious, retireAssociation, retireIrsa, retirePodIdentityStack, type IdentityState } from '../aws/identity-switch.js'
import type { CallerIdentity } from '../aws/identity.js'
import type { ClusterInfo } from '../aws/preflight.js'
import { record } from '../report/types.js'
import { desiredFor, pollOptions, readIdentity } from './lifecycle.js'

export interface IdentityPlan {
  desired: DesiredState
  state: IdentityState
}

/**
 * The identity facts first (refusing Pod Identity that cannot work; the existing association, its role adopted),
 * then the desired state, built once from them and the caller's and the cluster's facts.
 */
export async function desiredWithIdentity(ctx: RunContext, aws: AwsClients, caller: CallerIdentity, cluster: ClusterInfo): Promise<IdentityPlan> {
  const { config, report, offline } = ctx
  if (offline.controllerIdentity === 'pod-identity') {
    const agent = await requirePodIdentityAgent(await aws.eks(), config.name)
    await requirePoliciesExist(await aws.iam(), offline.podIdentity?.permissionPolicyArns ?? [])
    report.steps.push(`preflight: eks-pod-identity-agent addon ACTIVE${agent ? ` (${agent})` : ''}${offline.podIdentity?.permissionPolicyArns.length ? `; permissionPolicyARNs exist` : ''}`)
  }
  const { state, adopt } = await readIdentity(ctx, aws)
  const desired = desiredFor(ctx, caller, cluster, adopt)
  // the entry's roleARN is the config's: the offline state has it as given
  const given = offline.podIdentity?.roleArn
  if (adopt && given && given !== adopt) {
    report.warnings.push(`iam.podIdentityAssociations roleARN ${given} is not used: the existing association ${state.association?.id} (not made by this tool) uses ${adopt}, which is adopted as it is.`)
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
