// config + inputs + what is known about the account → the whole desired state. Pure: no AWS, no
// process, no files. render calls it with no facts (offline); apply calls it again once the account,
// partition, OIDC issuer and endpoint are known.
import type { ClusterConfig, Position } from './config/types.js'
import type { Inputs } from './inputs.js'
import { ConfigError, type Diagnostic } from './config/diagnostics.js'
import { resolveControllerIdentity } from './config/identity.js'
import { parseVersion, type SemVer } from './karpenter/version.js'
import { chartTag, crdChartRef } from './karpenter/chart.js'
import { controllerPolicyParts } from './karpenter/policy.js'
import { helmValues } from './karpenter/values.js'
import { upgradeArgs } from './helm/args.js'
import { karpenterStack, NODE_ROLE_ID, QUEUE_ID } from './templates/karpenter-stack.js'
import { irsaStack } from './templates/irsa-stack.js'
import { podIdentityStack } from './templates/pod-identity-stack.js'
import { packControllerPolicies, PolicyTooLargeError, type PackedPolicy } from './templates/policy-pack.js'
import { getAtt } from './templates/common.js'
import { checkName, deriveNames, podIdentityRoleName, roleNameFromArn, SERVICE_ACCOUNT, type NameKind } from './names.js'
import { iamArn, partitionOf } from './partition.js'
import type { DesiredState, HelmReleaseSpec, Names, Partition, PodIdentitySpec } from './types.js'

/** What apply learns from AWS before it builds the desired state again. */
export interface ClusterFacts {
  accountId?: string
  partition?: Partition
  /** the cluster's OIDC issuer URL (https://oidc.eks.<region>.amazonaws.com/id/<id>) */
  oidcIssuer?: string
  clusterEndpoint?: string
  /** the role of an existing Pod Identity association, adopted as it is */
  podIdentityRoleArn?: string
}

/** Pod template annotation that marks a controller running on Pod Identity (see buildDesiredState). */
export const IDENTITY_POD_ANNOTATION = 'karpenter-provision/controller-identity'

/**
 * Which role Pod Identity uses (docs/design.md, "Controller identity"): an existing association's role as it is, else the entry's roleARN,
 * else the role of the Pod Identity stack. An adopted role that IS the stack's role (same name) is the stack's.
 */
function podIdentityRole(stackRoleName: string, roleARN: string | undefined, adopted: string | undefined): Pick<PodIdentitySpec, 'roleArn' | 'roleSource'> {
  if (adopted) return { roleArn: adopted, roleSource: roleNameFromArn(adopted) === stackRoleName && !roleARN ? 'stack' : 'adopted' }
  if (roleARN) return { roleArn: roleARN, roleSource: 'roleARN' }
  return { roleSource: 'stack' }
}

/** Where the generated values file goes in helm-args.json (render has no real path). */
export const VALUES_FILE_PLACEHOLDER = '<generated-values.yaml>'
/** Same length as a real account id, so offline size checks measure what IAM will. */
const ACCOUNT_STAND_IN = '123456789012'

export function buildDesiredState(config: ClusterConfig, inputs: Inputs, facts: ClusterFacts = {}): DesiredState {
  const version = parseVersion(config.karpenter.version)
  if (!version) throw new Error(`karpenter.version ${config.karpenter.version} is not a version (the config reader should have refused it)`)
  const partition = facts.partition ?? partitionOf(config.region)
  const account = facts.accountId
  const identity = resolveControllerIdentity(config, inputs.controllerIdentity, inputs.namespace)
  const podIdentity: PodIdentitySpec | undefined =
    identity.identity === 'pod-identity'
      ? {
          namespace: inputs.namespace,
          serviceAccount: SERVICE_ACCOUNT,
          roleName: identity.association?.roleName ?? podIdentityRoleName(config.name),
          permissionPolicyArns: identity.association?.permissionPolicyARNs ?? [],
          permissionsBoundaryArn: identity.association?.permissionsBoundaryARN,
          tags: identity.association?.tags ?? {},
          ...podIdentityRole(identity.association?.roleName ?? podIdentityRoleName(config.name), identity.association?.roleARN, facts.podIdentityRoleArn)
        }
      : undefined
  const base = deriveNames(config, inputs.namespace, podIdentity?.roleName)

  const policies = packPolicies(config, version, base, partition, account)
  const names: Names = { ...base, controllerPolicies: policies.map(p => p.name) }
  checkNames(config, names, identity.identity)

  const nodeRoleArn = iamArn(partition, account, `role/${names.nodeRole}`)
  const controllerRoleArn =
    identity.identity === 'irsa'
      ? iamArn(partition, account, `role/${names.irsaRole}`)
      : podIdentity?.roleArn ?? iamArn(partition, account, `role/${names.podIdentityRole}`)
  const queueArn = names.interruptionQueue ? `arn:${partition}:sqs:${config.region}:${account ?? '<account-id>'}:${names.interruptionQueue}` : undefined

  const values = helmValues(version, {
    clusterName: config.name,
    clusterEndpoint: facts.clusterEndpoint,
    interruptionQueue: names.interruptionQueue,
    defaultInstanceProfile: names.instanceProfile,
    serviceAccount: {
      create: config.karpenter.createServiceAccount,
      name: names.serviceAccount,
      roleArn: identity.identity === 'irsa' ? controllerRoleArn : undefined
    }
  })
  if (identity.identity === 'pod-identity') {
    // Pods get IRSA or Pod Identity credentials when they are created, never later: this pod annotation
    // changes with the identity, so the chart upgrade of a switch rolls the controller onto the new one
    // (and helm --wait waits for it) before the previous identity is retired.
    values.podAnnotations = { ...(values.podAnnotations as Record<string, string> | undefined), [IDENTITY_POD_ANNOTATION]: 'pod-identity' }
  }
  const tag = chartTag(version)
  const helm: HelmReleaseSpec = {
    release: names.release,
    namespace: names.namespace,
    chart: { chart: inputs.chart, version: tag },
    crdChart: { chart: crdChartRef(inputs.chart), version: tag },
    values,
    timeoutSeconds: inputs.timeoutSeconds,
    valuesFile: inputs.valuesFile
  }
  return {
    partition,
    region: config.region,
    accountId: account,
    names,
    arns: {
      nodeRole: nodeRoleArn,
      controllerRole: controllerRoleArn,
      controllerPolicies: names.controllerPolicies.map(n => iamArn(partition, account, `policy/${n}`)),
      interruptionQueue: queueArn
    },
    karpenterStack: karpenterStack(config, version, names, policies),
    controllerStack: podIdentity ? podIdentityStack(config, names, podIdentity) : irsaStack(config, names, facts.oidcIssuer),
    controllerIdentity: identity.identity,
    controllerIdentityReason: identity.reason,
    podIdentity,
    serviceAccount: {
      namespace: names.namespace,
      name: names.serviceAccount,
      createdBy: config.karpenter.createServiceAccount ? 'chart' : 'tool',
      roleArn: identity.identity === 'irsa' ? controllerRoleArn : undefined
    },
    helm,
    helmArgs: upgradeArgs(helm, VALUES_FILE_PLACEHOLDER),
    nodeAccess: inputs.nodeAccess,
    karpenterVersion: config.karpenter.version,
    warnings: []
  }
}

function packPolicies(config: ClusterConfig, version: SemVer, names: Omit<Names, 'controllerPolicies'>, partition: Partition, account?: string): PackedPolicy[] {
  const accountId = account ?? ACCOUNT_STAND_IN
  const parts = controllerPolicyParts(version, {
    clusterName: config.name,
    nodeRoleArn: getAtt(NODE_ROLE_ID),
    interruptionQueueArn: names.interruptionQueue ? getAtt(QUEUE_ID) : undefined
  })
  try {
    return packControllerPolicies(parts, config.name, {
      partition,
      region: config.region,
      accountId,
      stackName: names.karpenterStack,
      attributes: {
        [`${NODE_ROLE_ID}.Arn`]: `arn:${partition}:iam::${accountId}:role/${names.nodeRole}`,
        [`${QUEUE_ID}.Arn`]: `arn:${partition}:sqs:${config.region}:${accountId}:${names.interruptionQueue ?? ''}`
      }
    })
  } catch (e) {
    if (e instanceof PolicyTooLargeError) throw new ConfigError([diagnostic(config, 'metadata.name', e.message)])
    throw e
  }
}

/** AWS name limits, checked before anything is created (docs/design.md, "Names"). */
function checkNames(config: ClusterConfig, names: Names, identity: 'irsa' | 'pod-identity'): void {
  const checks: [NameKind, string, string][] = [
    ['stack', names.karpenterStack, 'metadata.name'],
    ['stack', identity === 'irsa' ? names.irsaStack : names.podIdentityStack, 'metadata.name'],
    ['role', names.nodeRole, 'metadata.name'],
    ['instanceProfile', names.instanceProfile, config.karpenter.defaultInstanceProfile ? 'karpenter.defaultInstanceProfile' : 'metadata.name'],
    ...names.controllerPolicies.map((p): [NameKind, string, string] => ['policy', p, 'metadata.name']),
    ['role', identity === 'irsa' ? names.irsaRole : names.podIdentityRole, 'metadata.name']
  ]
  if (names.interruptionQueue) checks.push(['queue', names.interruptionQueue, 'metadata.name'])
  const problems = checks.flatMap(([kind, name, path]) => {
    const problem = checkName(kind, name)
    return problem ? [diagnostic(config, path, problem.message, name)] : []
  })
  if (problems.length > 0) throw new ConfigError(problems)
}

function diagnostic(config: ClusterConfig, path: string, message: string, got?: string): Diagnostic {
  const at: Position = config.positions[path] ?? config.positions['metadata.name'] ?? { line: 1, col: 1 }
  return {
    severity: 'error',
    file: config.file,
    line: at.line,
    col: at.col,
    path,
    message: `derived name does not fit AWS limits: ${message}`,
    got,
    expected: 'a shorter cluster name'
  }
}
