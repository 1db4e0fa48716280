// The one place that knows every name this tool derives from the cluster name. They match eksctl's
// (pkg/cfn/builder, pkg/actions/karpenter) so clusters made by eksctl are adopted and
// `eksctl delete cluster` still cleans up.
import type { ClusterConfig } from './config/types.js'
import type { Names } from './types.js'

export const SERVICE_ACCOUNT = 'karpenter'
export const RELEASE = 'karpenter'
export const CRD_RELEASE = 'karpenter-crd'
export const MAIN_POLICY_LOGICAL_ID = 'KarpenterControllerPolicy'
/** Every change set this tool makes is named `karpenter-provision…` (the deployer policy's condition relies on it). */
export const CHANGE_SET_PREFIX = 'karpenter-provision'
/** Tags that mark an instance as launched by Karpenter (`karpenter.sh/provisioner-name` before v0.32). */
export const KARPENTER_INSTANCE_TAGS = ['karpenter.sh/nodepool', 'karpenter.sh/provisioner-name'] as const

/** The tags by which an instance belongs to the cluster (either one): Karpenter's, and EKS's. */
export function clusterInstanceTags(cluster: string): Record<string, string>[] {
  return [{ [`kubernetes.io/cluster/${cluster}`]: 'owned' }, { 'eks:eks-cluster-name': cluster }]
}

/** The EKS addon Pod Identity needs on the cluster. */
export const POD_IDENTITY_AGENT_ADDON = 'eks-pod-identity-agent'

/** eksctl's name for the first (and usually only) controller policy. */
export function mainControllerPolicyName(cluster: string): string {
  return `eksctl-KarpenterControllerPolicy-${cluster}`
}

/** Name of a further controller policy when the scoped policy must be split (docs/design.md, "Names"). */
export function partControllerPolicyName(cluster: string, part: string): string {
  return `eksctl-KarpenterController${part}Policy-${cluster}`
}

export function partPolicyLogicalId(part: string): string {
  return `KarpenterController${part}Policy`
}

/**
 * Matches the ARN of any controller policy of the cluster in the account, however the policy was split
 * (`eksctl-KarpenterController…Policy-<cluster>`, under any IAM path).
 */
export function controllerPolicyArnPattern(accountId: string, cluster: string): RegExp {
  const c = cluster.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^arn:[^:]+:iam::${accountId}:policy/(.*/)?eksctl-KarpenterController[A-Za-z0-9]*Policy-${c}$`)
}

/** The node instance profile when karpenter.defaultInstanceProfile names none (eksctl's name). */
export function defaultInstanceProfileName(cluster: string): string {
  return `eksctl-KarpenterNodeInstanceProfile-${cluster}`
}

/** The controller role of the IRSA stack (eksctl's name). */
export function irsaRoleName(cluster: string): string {
  return `eksctl-${cluster}-iamservice-role`
}

/** The controller role Pod Identity uses when the config names none (eksctl's default `<cluster>-karpenter`). */
export function podIdentityRoleName(cluster: string): string {
  return `${cluster}-karpenter`
}

/** A role's name: the last segment of its ARN (`arn:aws:iam::1:role/path/name` → `name`). */
export function roleNameFromArn(roleArn: string): string {
  return roleArn.split('/').pop() ?? roleArn
}

/**
 * The OIDC issuer's host and path, as IAM names the OIDC provider and the IRSA trust conditions:
 * `https://oidc.eks.us-west-2.amazonaws.com/id/ABC/` → `oidc.eks.us-west-2.amazonaws.com/id/ABC`.
 */
export function issuerHostPath(issuerUrl: string): string {
  return issuerUrl.replace(/^https:\/\//, '').replace(/\/+$/, '')
}

/** Whether a stack name has the form of a Karpenter stack (`eksctl-<cluster>-karpenter`), this tool's or eksctl's. */
export function isKarpenterStackName(name: string): boolean {
  return /^eksctl-.+-karpenter$/.test(name) && !/-(addon-iamserviceaccount|podidentityrole)-/.test(name)
}

/** Everything but the controller policy names, which depend on how the policy is packed. */
export function deriveNames(config: ClusterConfig, namespace: string, podIdentityRole?: string): Omit<Names, 'controllerPolicies'> {
  const c = config.name
  return {
    cluster: c,
    karpenterStack: `eksctl-${c}-karpenter`,
    irsaStack: `eksctl-${c}-addon-iamserviceaccount-${namespace}-${SERVICE_ACCOUNT}`,
    podIdentityStack: `eksctl-${c}-podidentityrole-${namespace}-${SERVICE_ACCOUNT}`,
    nodeRole: `eksctl-KarpenterNodeRole-${c}`,
    instanceProfile: config.karpenter.defaultInstanceProfile ?? defaultInstanceProfileName(c),
    irsaRole: irsaRoleName(c),
    podIdentityRole: podIdentityRole ?? podIdentityRoleName(c),
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

/**
 * What is certain of the name CloudFormation generates for an unnamed resource: `<stack>-<logical id>-<12 random>`,
 * the stack and logical id parts cut to share `maxLength - 13 - 1` characters fairly (the resource provider
 * plug-in's IdentifierUtils.generateResourceIdentifier). Returns the stack part as kept and the logical-id part,
 * each followed by `*` (so the pattern also matches the uncut names some endpoints generate).
 */
export function generatedNamePrefix(stackName: string, logicalId: string, maxLength: number): string {
  const stack = stackName.replace(/^-+/, '').replace(/-{2,}/g, '-')
  const [forStack, forId] = fairSplit(maxLength - 13 - 1, [stack.length, logicalId.length])
  return `${stack.slice(0, forStack)}*-${logicalId.slice(0, forId)}*`
}

function fairSplit(cap: number, wanted: [number, number]): [number, number] {
  const got: [number, number] = [0, 0]
  let left = cap
  while (left > 0 && (got[0] < wanted[0] || got[1] < wanted[1])) {
    const share = left < 2 ? 1 : Math.floor(left / 2)
    for (const i of [0, 1] as const) {
      const more = Math.min(share, wanted[i] - got[i], left)
      got[i] += more
      left -= more
    }
  }
  return got
}
