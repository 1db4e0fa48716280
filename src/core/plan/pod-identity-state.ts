// Pure questions about the desired state's controller identity that several modes ask.
import type { DesiredState, StackSpec } from '../types.js'

/** Whether the controller stack is this run's to deploy: IRSA always; Pod Identity only with the stack's own role. */
export function controllerStackInUse(desired: DesiredState): boolean {
  return desired.controllerIdentity === 'irsa' || (desired.podIdentity?.roleSource ?? 'stack') === 'stack'
}

/** The stacks apply deploys, plan previews and drift checks, in order. */
export function stacksInUse(desired: DesiredState): StackSpec[] {
  return controllerStackInUse(desired) ? [desired.karpenterStack, desired.controllerStack] : [desired.karpenterStack]
}

/** Policies the Pod Identity role must carry: the controller policies and the entry's permissionPolicyARNs. */
export function podIdentityRolePolicies(desired: DesiredState): string[] {
  return [...new Set([...desired.arns.controllerPolicies, ...(desired.podIdentity?.permissionPolicyArns ?? [])])]
}

/** Why the Pod Identity role is the one it is, for the summary. */
export function podIdentityRoleNote(desired: DesiredState): string {
  const p = desired.podIdentity
  if (!p) return ''
  switch (p.roleSource) {
    case 'adopted':
      return `role ${p.roleArn} adopted from the existing Pod Identity association (kept as it is; the controller policies are attached to it)`
    case 'roleARN':
      return `role ${p.roleArn} given by iam.podIdentityAssociations roleARN (the controller policies are attached to it)`
    default:
      return `role ${desired.arns.controllerRole} from stack ${desired.controllerStack.name}`
  }
}
