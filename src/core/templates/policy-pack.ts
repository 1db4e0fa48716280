// Packs the controller policy's parts into IAM managed policies of at most 6,144 characters.
// eksctl's name stays for the first policy; parts that no longer fit go into further policies
// named after their part (docs/design.md, "Names"), so a long cluster name never fails in CloudFormation.
import type { PolicyPart, PolicyStatement } from '../karpenter/policy.js'
import { mainControllerPolicyName, MAIN_POLICY_LOGICAL_ID, partControllerPolicyName, partPolicyLogicalId } from '../names.js'
import { policySize, resolveIntrinsics, type ResolveContext } from './resolve.js'
import { ProvisionError } from '../errors.js'

export const IAM_MANAGED_POLICY_MAX_CHARS = 6144

/** A policy part that cannot be made to fit: a config problem (the cluster name is too long), not a bug. */
export class PolicyTooLargeError extends ProvisionError {
  override readonly name: string = 'PolicyTooLargeError'
  constructor(message: string) {
    super(message)
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

/** The longest head of `items` whose `size` is at most `max`, and the rest (order kept). */
export function fillWhileFits<T>(items: readonly T[], size: (head: T[]) => number, max: number): { fitted: T[]; rest: T[] } {
  const fitted: T[] = []
  let rest = [...items]
  while (rest.length > 0 && size([...fitted, rest[0]]) <= max) {
    fitted.push(rest[0])
    rest = rest.slice(1)
  }
  return { fitted, rest }
}

export function packControllerPolicies(parts: PolicyPart[], cluster: string, ctx: ResolveContext): PackedPolicy[] {
  // Fill the main policy in upstream's part order while it fits.
  const filled = fillWhileFits(parts, head => measured(head, ctx).size, IAM_MANAGED_POLICY_MAX_CHARS)
  const main = filled.fitted
  let rest = filled.rest
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
