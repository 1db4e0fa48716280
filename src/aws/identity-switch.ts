// The switch between IRSA and Pod Identity (which one the cluster moves away from is core/plan/identity.ts's, from
// the facts), in the order of docs/design.md ("Controller identity"), so that the controller is never without credentials. IRSA wins while both
// are present, so:
//   IRSA → Pod Identity: association (apply's plan, before the chart), chart upgrade (annotation removed), IRSA stack deleted
//   Pod Identity → IRSA: IRSA stack (the normal controller-stack deploy), chart upgrade (annotation added), then
//                        the association and the Pod Identity stack deleted
// (retirePreviousIdentity in src/modes/apply-identity.ts runs the last step of each, from the functions here). The chart upgrade also changes a pod annotation with
// the identity (core/desired.ts), so the controller pods are recreated and pick up the new credentials.
import type { AwsClients } from './clients.js'
import type { DesiredState } from '../core/types.js'
import type { Done } from '../report/types.js'
import { deployedTemplate } from '../cfn/describe.js'
import { deleteStackFully } from '../cfn/delete.js'
import { ownPolicyMatcher } from '../core/plan/delete-policies.js'
import type { PollOptions } from '../cfn/deploy-wait.js'
import { roleNameFromArn } from '../core/names.js'
import { deleteOwnAssociation } from './pod-identity.js'
import { detachRolePolicies } from './pod-identity-role.js'
import type { Identity, IdentityState } from '../core/plan/identity.js'

export type { Identity, IdentityState } from '../core/plan/identity.js'

export interface SwitchContext {
  poll: PollOptions
  accountId: string
}

const label = (identity: Identity): string => (identity === 'irsa' ? 'IRSA' : 'Pod Identity')

/**
 * With install-chart: false the chart's owner must move the controller first, so the previous identity is left in
 * place with a warning (nothing to call: what to say).
 */
export function keepPrevious(desired: DesiredState, previous: Identity): Done {
  const from = label(previous)
  const to = label(desired.controllerIdentity)
  const keep = previous === 'irsa' ? `stack ${desired.names.irsaStack}` : `the Pod Identity association and stack ${desired.names.podIdentityStack}`
  return {
    changed: false,
    warnings: [
      `Switching the controller from ${from} to ${to}, but install-chart is false: ${from} (${keep}) is left in place. ` +
        `The chart's owner must ${desired.controllerIdentity === 'irsa' ? 'add' : 'remove'} the eks.amazonaws.com/role-arn ServiceAccount annotation and restart the controller first; ` +
        `then delete ${keep} (or run this action with install-chart: true).`
    ],
    steps: [`identity switch ${from} → ${to}: ${to} is ready; ${from} kept (install-chart: false)`]
  }
}

/** IRSA → Pod Identity, after the chart upgrade: the IRSA stack deleted. */
export async function retireIrsa(aws: AwsClients, desired: DesiredState, ctx: SwitchContext): Promise<Done> {
  const outcome = await deleteStackFully(await aws.cfn(), await aws.iam(), desired.names.irsaStack, { poll: ctx.poll, isOwnPolicy: ownPolicyMatcher(desired, ctx.accountId) })
  return {
    stacks: [outcome],
    steps: [`identity switch IRSA → Pod Identity: stack ${desired.names.irsaStack} ${outcome.action === 'absent' ? 'already gone' : 'deleted'} after the chart upgrade`],
    changed: outcome.action === 'deleted'
  }
}

/** Pod Identity → IRSA, after the chart upgrade, first: the association, only when this tool made it. */
export async function retireAssociation(aws: AwsClients, desired: DesiredState, state: IdentityState): Promise<Done> {
  const assoc = state.association
  const result = await deleteOwnAssociation(await aws.eks(), desired.names.cluster, assoc)
  return {
    changed: result === 'deleted',
    steps: [
      result === 'deleted'
        ? `identity switch Pod Identity → IRSA: association ${assoc?.id} deleted after the chart upgrade`
        : result === 'kept-foreign'
          ? `identity switch Pod Identity → IRSA: association ${assoc?.id} (role ${assoc?.roleArn}) was not made by this tool and is kept; IRSA takes precedence over it`
          : 'identity switch Pod Identity → IRSA: no association to delete'
    ]
  }
}

/** Pod Identity → IRSA, second: the controller policies this tool attached to a role not its own, detached. */
export async function detachFromAssociationRole(aws: AwsClients, desired: DesiredState, state: IdentityState): Promise<Done> {
  const assoc = state.association
  if (!assoc || roleNameFromArn(assoc.roleArn) === desired.names.podIdentityRole) return { steps: [], changed: false }
  const detached = await detachRolePolicies(await aws.iam(), assoc.roleArn, desired.arns.controllerPolicies)
  if (!detached.length) return { steps: [], changed: false }
  return { changed: true, steps: [`identity switch Pod Identity → IRSA: controller policies detached from ${assoc.roleArn}`] }
}

/** Pod Identity → IRSA, last: the Pod Identity stack deleted (with the policies its roles list). */
export async function retirePodIdentityStack(aws: AwsClients, desired: DesiredState, ctx: SwitchContext): Promise<Done> {
  const cfn = await aws.cfn()
  const isOwn = ownPolicyMatcher(desired, ctx.accountId)
  const listed = await stackPolicyArns(cfn, desired.names.podIdentityStack)
  const outcome = await deleteStackFully(cfn, await aws.iam(), desired.names.podIdentityStack, { poll: ctx.poll, isOwnPolicy: arn => isOwn(arn) || listed.has(arn) })
  return {
    stacks: [outcome],
    steps: [`identity switch Pod Identity → IRSA: stack ${desired.names.podIdentityStack} ${outcome.action === 'absent' ? 'not found' : 'deleted'}`],
    changed: outcome.action === 'deleted'
  }
}

/** The literal policy ARNs a deployed stack's roles list (the entry's permissionPolicyARNs the stack attached). */
async function stackPolicyArns(cfn: Awaited<ReturnType<AwsClients['cfn']>>, stack: string): Promise<Set<string>> {
  const out = new Set<string>()
  // no readable template: only the controller policies count as this tool's
  const body = await deployedTemplate(cfn, stack).catch(() => undefined)
  if (!body) return out
  try {
    const template = JSON.parse(body) as { Resources?: Record<string, { Type?: string; Properties?: { ManagedPolicyArns?: unknown[] } }> }
    for (const r of Object.values(template.Resources ?? {})) {
      for (const arn of r.Type === 'AWS::IAM::Role' ? (r.Properties?.ManagedPolicyArns ?? []) : []) if (typeof arn === 'string') out.add(arn)
    }
  } catch {
    // not JSON (a stack this tool did not write): nothing beyond the controller policies is ours
  }
  return out
}
