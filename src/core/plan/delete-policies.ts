// The managed policies this tool attaches to its roles, as concrete ARNs: what every AWS::IAM::Role of the
// desired stacks lists in ManagedPolicyArns (resolved the way CloudFormation resolves them), plus the
// controller policies. delete detaches exactly these before DeleteStack (see delete.ts for why).
import type { DesiredState, StackSpec } from '../types.js'
import { controllerPolicyArnPattern } from '../names.js'
import { resolveIntrinsics } from '../templates/resolve.js'

export function ownPolicyArns(desired: DesiredState, accountId: string): string[] {
  const arns = new Set<string>(desired.arns.controllerPolicies)
  for (const spec of [desired.karpenterStack, desired.controllerStack]) {
    for (const arn of rolePolicyArns(spec, desired, accountId)) arns.add(arn)
  }
  return [...arns]
}

function rolePolicyArns(spec: StackSpec, desired: DesiredState, accountId: string): string[] {
  const out: string[] = []
  for (const resource of Object.values(spec.template.Resources)) {
    if (resource.Type !== 'AWS::IAM::Role') continue
    const listed = resource.Properties?.ManagedPolicyArns
    if (!Array.isArray(listed)) continue
    for (const value of listed) {
      try {
        const resolved = resolveIntrinsics(value, { partition: desired.partition, region: desired.region, accountId, stackName: spec.name, attributes: {} })
        if (typeof resolved === 'string') out.push(resolved)
      } catch {
        // an ARN that depends on another resource (GetAtt) is one of the controller policies, already listed
      }
    }
  }
  return out
}

/**
 * ownPolicyArns, plus any eksctl-KarpenterController…Policy-<cluster> of the account: a config changed since the
 * last apply may have split the controller policy differently, and those parts are still this tool's.
 */
export function ownPolicyMatcher(desired: DesiredState, accountId: string): (arn: string) => boolean {
  const own = new Set(ownPolicyArns(desired, accountId))
  const part = controllerPolicyArnPattern(accountId, desired.names.cluster)
  return arn => own.has(arn) || part.test(arn)
}
