// apply's controller-identity steps (docs/design.md, "Controller identity"): what the facts say about the identity,
// for the summary; the Pod Identity role's policies and the association (before the chart upgrade); the previous
// identity retired (after it). The plan (core/plan/apply-plan.ts) decides which run; the calls are in src/aws.
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import type { Done } from '../report/types.js'
import type { AwsClients } from '../aws/clients.js'
import type { ApplyChange } from '../core/plan/apply-plan.js'
import type { IdentityState } from '../core/plan/identity.js'
import { attachRolePolicies } from '../aws/pod-identity-role.js'
import { ensureAssociation } from '../aws/pod-identity.js'
import { podIdentityRoleNote } from '../core/plan/pod-identity-state.js'
import { detachFromAssociationRole, keepPrevious, retireAssociation, retireIrsa, retirePodIdentityStack } from '../aws/identity-switch.js'
import { pollOptions } from './lifecycle.js'

type Change<K extends ApplyChange['kind']> = Extract<ApplyChange, { kind: K }>

/** What the facts say about the identity: an adopted or kept association, a switch under way. */
export function identityNotes(ctx: RunContext, desired: DesiredState, state: IdentityState): Done {
  const done: Required<Done> = { steps: [], warnings: [], changed: false, stacks: [] }
  // the entry's roleARN is the config's: the offline state has it as given
  const given = ctx.offline.podIdentity?.roleArn
  const adopted = desired.podIdentity?.roleSource === 'adopted' ? desired.podIdentity.roleArn : undefined
  if (adopted && given && given !== adopted) {
    done.warnings.push(`iam.podIdentityAssociations roleARN ${given} is not used: the existing association ${state.association?.id} (not made by this tool) uses ${adopted}, which is adopted as it is.`)
  }
  if (desired.controllerIdentity === 'irsa' && state.association && !state.association.ours) {
    done.warnings.push(
      `A Pod Identity association for ${desired.names.namespace}/${desired.names.serviceAccount} (${state.association.id}, role ${state.association.roleArn}) exists and was not made by this tool; ` +
        'it is kept, and the controller uses IRSA, which takes precedence while both exist.'
    )
  }
  if (state.podIdentityApiMissing) done.steps.push('Pod Identity: the EKS endpoint does not serve the Pod Identity API; no association looked for')
  if (desired.controllerIdentity === 'pod-identity') done.steps.push(`controller identity: Pod Identity, ${podIdentityRoleNote(desired)}`)
  if (state.previous) {
    done.steps.push(
      `identity switch ${state.previous === 'irsa' ? 'IRSA → Pod Identity' : 'Pod Identity → IRSA'} detected: ` +
        (state.previous === 'irsa' ? `stack ${desired.names.irsaStack} exists` : state.association?.ours ? `association ${state.association.id} exists` : `stack ${desired.names.podIdentityStack} exists`) +
        '; the new identity is made before the chart upgrade, the previous one retired after it'
    )
  }
  return done
}

/** CloudFormation attaches the policies to the stack's own role; any other role gets them here. */
export async function applyRolePolicies(aws: AwsClients, change: Change<'role-policies'>): Promise<Done> {
  if (change.action === 'none') return { steps: [`Pod Identity role ${change.roleArn}: controller policies already attached`], changed: false }
  const attached = await attachRolePolicies(await aws.iam(), change.roleArn, change.policies)
  return attached.length
    ? { steps: [`Pod Identity role ${change.roleArn}: attached ${attached.join(', ')}`], changed: true }
    : { steps: [`Pod Identity role ${change.roleArn}: controller policies already attached`], changed: false }
}

/** The association for the controller's ServiceAccount, made or moved to the desired role. */
export async function applyAssociation(aws: AwsClients, desired: DesiredState, change: Change<'association'>, switching: boolean): Promise<Done> {
  const pod = desired.podIdentity!
  const subject = `${pod.namespace}/${pod.serviceAccount}`
  const role = change.roleArn
  const outcome =
    change.action === 'none' && change.existing
      ? change.existing.roleArn === role
        ? { action: 'unchanged' as const, id: change.existing.id }
        : { action: 'kept-foreign' as const, id: change.existing.id, roleArn: change.existing.roleArn }
      : await ensureAssociation(await aws.eks(), { cluster: desired.names.cluster, namespace: pod.namespace, serviceAccount: pod.serviceAccount, roleArn: role, tags: pod.tags }, change.existing)
  switch (outcome.action) {
    case 'created':
      return { changed: true, steps: [`Pod Identity association ${outcome.id} created for ${subject} → ${role}${switching ? ' (before the chart upgrade)' : ''}`] }
    case 'updated':
      return { changed: true, steps: [`Pod Identity association ${outcome.id} for ${subject} moved from ${outcome.previousRoleArn} to ${role}`] }
    case 'unchanged':
      return { changed: false, steps: [`Pod Identity association ${outcome.id} for ${subject} → ${role}: unchanged`] }
    case 'kept-foreign':
      return {
        changed: false,
        warnings: [`Pod Identity association ${outcome.id} for ${subject} uses ${outcome.roleArn} and was not made by this tool: it is kept as it is.`],
        steps: [`Pod Identity association ${outcome.id}: kept (not this tool's)`]
      }
  }
}

/** After the chart upgrade: the identity the cluster switched away from, deleted (or kept with install-chart: false). */
export async function retirePreviousIdentity(ctx: RunContext, aws: AwsClients, desired: DesiredState, state: IdentityState, change: Change<'retire-identity'>): Promise<Done[]> {
  if (change.keep) return [keepPrevious(desired, change.previous)]
  const sw = { poll: pollOptions(ctx), accountId: desired.accountId ?? '' }
  if (change.previous === 'irsa') return [await retireIrsa(aws, desired, sw)]
  // Pod Identity → IRSA: the association (only ours), policies this tool attached to a role not its own, the stack.
  return [await retireAssociation(aws, desired, state), await detachFromAssociationRole(aws, desired, state), await retirePodIdentityStack(aws, desired, sw)]
}
