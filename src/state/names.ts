// The one place that knows every name this tool derives from the cluster name. They match eksctl's
// (pkg/cfn/builder, pkg/actions/karpenter) so clusters made by eksctl are adopted and
// `eksctl delete cluster` still cleans up.
import type { ClusterConfig } from '../config/types.js'
import type { Names } from './types.js'

export const SERVICE_ACCOUNT = 'karpenter'
export const RELEASE = 'karpenter'
export const CRD_RELEASE = 'karpenter-crd'
export const MAIN_POLICY_LOGICAL_ID = 'KarpenterControllerPolicy'

/** eksctl's name for the first (and usually only) controller policy. */
export function mainControllerPolicyName(cluster: string): string {
  return `eksctl-KarpenterControllerPolicy-${cluster}`
}

/** Name of a further controller policy when the scoped policy must be split (SPEC §4). */
export function partControllerPolicyName(cluster: string, part: string): string {
  return `eksctl-KarpenterController${part}Policy-${cluster}`
}

export function partPolicyLogicalId(part: string): string {
  return `KarpenterController${part}Policy`
}

/** Whether a stack name has the form of a Karpenter stack (`eksctl-<cluster>-karpenter`), this tool's or eksctl's. */
export function isKarpenterStackName(name: string): boolean {
  return /^eksctl-.+-karpenter$/.test(name) && !/-(addon-iamserviceaccount|podidentityrole)-/.test(name)
}

/** Everything but the controller policy names, which depend on how the policy is packed. */
export function deriveNames(config: ClusterConfig, namespace: string, podIdentityRoleName?: string): Omit<Names, 'controllerPolicies'> {
  const c = config.name
  return {
    cluster: c,
    karpenterStack: `eksctl-${c}-karpenter`,
    irsaStack: `eksctl-${c}-addon-iamserviceaccount-${namespace}-${SERVICE_ACCOUNT}`,
    podIdentityStack: `eksctl-${c}-podidentityrole-${namespace}-${SERVICE_ACCOUNT}`,
    nodeRole: `eksctl-KarpenterNodeRole-${c}`,
    instanceProfile: config.karpenter.defaultInstanceProfile ?? `eksctl-KarpenterNodeInstanceProfile-${c}`,
    irsaRole: `eksctl-${c}-iamservice-role`,
    podIdentityRole: podIdentityRoleName ?? `${c}-karpenter`,
    // Upstream keeps the queue unprefixed: SQS names are capped at 80 characters (karpenter#5181).
    interruptionQueue: config.karpenter.withSpotInterruptionQueue ? c : undefined,
    namespace,
    serviceAccount: SERVICE_ACCOUNT,
    release: RELEASE,
    crdRelease: CRD_RELEASE
  }
}

/** AWS limits on the derived names, checked before anything is created. */
export const NAME_LIMITS = {
  role: { max: 64, pattern: /^[\w+=,.@-]+$/, what: 'IAM role name' },
  instanceProfile: { max: 128, pattern: /^[\w+=,.@-]+$/, what: 'IAM instance profile name' },
  policy: { max: 128, pattern: /^[\w+=,.@-]+$/, what: 'IAM managed policy name' },
  queue: { max: 80, pattern: /^[A-Za-z0-9_-]+$/, what: 'SQS queue name' },
  // CloudFormation stack names: letters, digits and hyphens, starting with a letter, ≤ 128.
  stack: { max: 128, pattern: /^[A-Za-z][A-Za-z0-9-]*$/, what: 'CloudFormation stack name' }
} as const

export type NameKind = keyof typeof NAME_LIMITS

export interface NameProblem {
  kind: NameKind
  name: string
  message: string
}

export function checkName(kind: NameKind, name: string): NameProblem | undefined {
  const limit = NAME_LIMITS[kind]
  if (name.length > limit.max) {
    return { kind, name, message: `${limit.what} "${name}" is ${name.length} characters; AWS allows at most ${limit.max}` }
  }
  if (!limit.pattern.test(name)) {
    return { kind, name, message: `${limit.what} "${name}" has characters AWS does not allow (allowed: ${limit.pattern.source})` }
  }
  return undefined
}
