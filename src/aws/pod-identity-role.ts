// IAM for the Pod Identity role when it is not the Pod Identity stack's (the entry's roleARN, or an existing
// association's role): the entry's permissionPolicyARNs must exist before any change, and the controller
// policies are attached to the role directly (CloudFormation does it for the stack's own role).
import type { IAMClient } from '@aws-sdk/client-iam'
import { roleNameFromArn } from '../core/names.js'
import { PreflightError } from './preflight.js'
import { isAwsError } from '../core/errors.js'

/** GetPolicy for each ARN (AWS-managed ones too); throws one PreflightError naming every missing one. */
export async function requirePoliciesExist(iam: IAMClient, arns: readonly string[]): Promise<void> {
  const { GetPolicyCommand } = await import('@aws-sdk/client-iam')
  const missing: string[] = []
  for (const arn of arns) {
    try {
      await iam.send(new GetPolicyCommand({ PolicyArn: arn }))
    } catch (err) {
      if (!isAwsError(err, 'NoSuchEntityException')) throw err
      missing.push(arn)
    }
  }
  if (missing.length > 0) {
    throw new PreflightError(
      `iam.podIdentityAssociations permissionPolicyARNs: ${missing.length === 1 ? 'this policy does' : 'these policies do'} not exist: ${missing.join(', ')}. ` +
        'Create them first or fix the ARNs (AWS-managed policies are arn:aws:iam::aws:policy/<name>). Nothing was changed.'
    )
  }
}

async function attachedPolicies(iam: IAMClient, roleName: string): Promise<Set<string>> {
  const { ListAttachedRolePoliciesCommand } = await import('@aws-sdk/client-iam')
  const out = new Set<string>()
  let marker: string | undefined
  do {
    const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }))
    for (const p of page.AttachedPolicies ?? []) if (p.PolicyArn) out.add(p.PolicyArn)
    marker = page.IsTruncated ? page.Marker : undefined
  } while (marker)
  return out
}

/** The role's attached policy ARNs, or undefined when the role does not exist. */
async function attachedIfRoleExists(iam: IAMClient, roleName: string): Promise<Set<string> | undefined> {
  try {
    return await attachedPolicies(iam, roleName)
  } catch (err) {
    if (isAwsError(err, 'NoSuchEntityException')) return undefined
    throw err
  }
}

/** Attaches what is not attached yet; returns what it attached (empty on a re-run). */
export async function attachRolePolicies(iam: IAMClient, roleArn: string, policyArns: readonly string[]): Promise<string[]> {
  const { AttachRolePolicyCommand } = await import('@aws-sdk/client-iam')
  const roleName = roleNameFromArn(roleArn)
  const have = await attachedIfRoleExists(iam, roleName)
  if (!have) {
    throw new PreflightError(`the Pod Identity role ${roleArn} does not exist: create it, or fix iam.podIdentityAssociations roleARN (without roleARN this tool creates the role in its Pod Identity stack).`)
  }
  const attached: string[] = []
  for (const arn of policyArns) {
    if (have.has(arn)) continue
    await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn }))
    attached.push(arn)
  }
  return attached
}

/** Detaches these policies where attached (the role may be gone already); returns what it detached. */
export async function detachRolePolicies(iam: IAMClient, roleArn: string, policyArns: readonly string[]): Promise<string[]> {
  const { DetachRolePolicyCommand } = await import('@aws-sdk/client-iam')
  const roleName = roleNameFromArn(roleArn)
  const have = await attachedIfRoleExists(iam, roleName)
  if (!have) return []
  const detached: string[] = []
  for (const arn of policyArns) {
    if (!have.has(arn)) continue
    try {
      await iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn }))
      detached.push(arn)
    } catch (err) {
      if (!isAwsError(err, 'NoSuchEntityException')) throw err
    }
  }
  return detached
}

/** Read-only (plan, drift): the policy ARNs attached to the role, or null when the role does not exist. */
export async function rolePolicyArns(iam: IAMClient, roleArn: string): Promise<string[] | null> {
  const have = await attachedIfRoleExists(iam, roleNameFromArn(roleArn))
  return have ? [...have] : null
}
