// Packs the controller policy's parts into IAM managed policies of at most 6,144 characters.
// eksctl's name stays for the first policy; parts that no longer fit go into further policies
// named after their part (SPEC §4), so a long cluster name never fails in CloudFormation.
import type { PolicyPart, PolicyStatement } from '../../karpenter/policy.js'
import { mainControllerPolicyName, MAIN_POLICY_LOGICAL_ID, partControllerPolicyName, partPolicyLogicalId } from '../../state/names.js'
import { policySize, resolveIntrinsics, type ResolveContext } from './resolve.js'

export const IAM_MANAGED_POLICY_MAX_CHARS = 6144

/** A policy part that cannot be made to fit: a config problem (the cluster name is too long), not a bug. */
export class PolicyTooLargeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PolicyTooLargeError'
  }
}

export interface PolicyDocument {
  Version: '2012-10-17'
  Statement: PolicyStatement[]
}

export interface PackedPolicy {
  logicalId: string
  name: string
  parts: string[]
  document: PolicyDocument
  /** size of the document as IAM will count it, intrinsics resolved */
  size: number
}

function documentOf(parts: PolicyPart[]): PolicyDocument {
  return { Version: '2012-10-17', Statement: parts.flatMap(p => p.statements) }
}

function measured(parts: PolicyPart[], ctx: ResolveContext): { document: PolicyDocument; size: number } {
  const document = documentOf(parts)
  return { document, size: policySize(resolveIntrinsics(document, ctx)) }
}

export function packControllerPolicies(parts: PolicyPart[], cluster: string, ctx: ResolveContext): PackedPolicy[] {
  const main: PolicyPart[] = []
  let rest = [...parts]
  // Fill the main policy in upstream's part order while it fits.
  while (rest.length > 0 && measured([...main, rest[0]], ctx).size <= IAM_MANAGED_POLICY_MAX_CHARS) {
    main.push(rest[0])
    rest = rest.slice(1)
  }
  if (main.length === 0) {
    // The first part alone is too large: it still gets the main name, and the size check below fails.
    main.push(rest[0])
    rest = rest.slice(1)
  }
  const packed: PackedPolicy[] = [
    { logicalId: MAIN_POLICY_LOGICAL_ID, name: mainControllerPolicyName(cluster), parts: main.map(p => p.part), ...measured(main, ctx) }
  ]
  for (const part of rest) {
    packed.push({
      logicalId: partPolicyLogicalId(part.part),
      name: partControllerPolicyName(cluster, part.part),
      parts: [part.part],
      ...measured([part], ctx)
    })
  }
  const tooBig = packed.find(p => p.size > IAM_MANAGED_POLICY_MAX_CHARS)
  if (tooBig) {
    throw new PolicyTooLargeError(
      `controller policy ${tooBig.name} would be ${tooBig.size} characters; IAM allows ${IAM_MANAGED_POLICY_MAX_CHARS} ` +
        `(part ${tooBig.parts.join(', ')} cannot be split further)`
    )
  }
  return packed
}
