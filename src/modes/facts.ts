// The read phase (docs/design.md, "The pipeline", step 3): each function reads one kind of fact and returns it as
// data (src/core/facts.ts); a mode calls the ones it needs, at once where they do not depend on each other, and
// then decides everything from the Facts value. Nothing here changes anything or writes into the report.
import type { Stack } from '@aws-sdk/client-cloudformation'
import type { AwsClients } from '../aws/clients.js'
import type { ClusterInfo, DeployedStackFact, ExistingAssociation, NodeAccessFacts, ReleaseFacts, RolePoliciesFact, StackDriftFact, StackFact } from '../core/facts.js'
import type { DesiredState } from '../core/types.js'
import type { ClusterSession } from './cluster-session.js'
import { ClusterNotFoundError, describeCluster, refuseAutoMode } from '../aws/preflight.js'
import { describeStack, deployedTemplate } from '../cfn/describe.js'
import { detectStackDrift } from '../cfn/drift.js'
import type { PollOptions } from '../cfn/deploy-wait.js'
import { rolePolicyArns } from '../aws/pod-identity-role.js'
import { findAssociation, isPodIdentityApiMissing } from '../aws/pod-identity.js'
import { findOidcProvider } from '../aws/oidc-provider.js'
import { describeNodeAccessEntry } from '../aws/access-entry.js'
import { findAwsAuthMapping } from '../kube/aws-auth.js'
import { readReleaseFacts } from '../kube/helm-release.js'

/** DescribeCluster, or undefined when there is no such cluster. Refuses EKS Auto Mode. */
export async function readCluster(aws: AwsClients, name: string, region: string): Promise<ClusterInfo | undefined> {
  let cluster: ClusterInfo
  try {
    cluster = await describeCluster(await aws.eks(), name, region)
  } catch (err) {
    if (err instanceof ClusterNotFoundError) return undefined
    throw err
  }
  refuseAutoMode(cluster)
  return cluster
}

/** The stacks this tool may own (the Karpenter stack and both controller stacks), by name, read at once. */
export async function readStacks(aws: AwsClients, names: DesiredState['names']): Promise<Record<string, StackFact>> {
  return (await describeStacks(aws, names)).facts
}

/**
 * readStacks, with each stack as DescribeStacks returned it (undefined: none), for the executors that change them
 * (deploy, plan's change sets) so they do not describe them again.
 */
export async function describeStacks(aws: AwsClients, names: DesiredState['names']): Promise<{ facts: Record<string, StackFact>; described: Record<string, Stack | undefined> }> {
  const cfn = await aws.cfn()
  const wanted = [names.karpenterStack, names.irsaStack, names.podIdentityStack]
  const found = await Promise.all(wanted.map(name => describeStack(cfn, name)))
  const facts: Record<string, StackFact> = {}
  const described: Record<string, Stack | undefined> = {}
  wanted.forEach((name, i) => {
    const stack = found[i]
    const status = stack?.StackStatus
    const live = status !== undefined && status !== 'DELETE_COMPLETE'
    facts[name] = live ? { name, status } : { name }
    described[name] = live ? stack : undefined
  })
  return { facts, described }
}

export interface AssociationFacts {
  association: ExistingAssociation | null
  podIdentityApiMissing: boolean
}

/**
 * The Pod Identity association for the controller's ServiceAccount. `required`: the run uses Pod Identity, so
 * an endpoint without the Pod Identity API is an error; otherwise it simply has no association.
 */
export async function readAssociation(aws: AwsClients, cluster: string, names: DesiredState['names'], required: boolean): Promise<AssociationFacts> {
  try {
    const association = await findAssociation(await aws.eks(), cluster, names.namespace, names.serviceAccount)
    return { association: association ?? null, podIdentityApiMissing: false }
  } catch (err) {
    if (required || !isPodIdentityApiMissing(err)) throw err
    return { association: null, podIdentityApiMissing: true }
  }
}

/** The IAM OIDC provider for the cluster's issuer (its ARN), or null. */
export async function readOidcProvider(aws: AwsClients, issuer: string): Promise<string | null> {
  return (await findOidcProvider(await aws.iam(), issuer)) ?? null
}

/** The node role's EKS access entry type, or null when it has none. */
export async function readAccessEntry(aws: AwsClients, cluster: string, nodeRoleArn: string): Promise<NodeAccessFacts['accessEntryType']> {
  return (await describeNodeAccessEntry(await aws.eks(), cluster, nodeRoleArn)) ?? null
}

/** The node role's aws-auth mapping, or null when the ConfigMap or the mapping is missing. */
export async function readAwsAuthMapping(session: ClusterSession, nodeRoleArn: string): Promise<NodeAccessFacts['awsAuthMapping']> {
  const found = await findAwsAuthMapping(session.kube, nodeRoleArn)
  return found ? { rolearn: found.rolearn, groups: found.groups.filter((g): g is string => typeof g === 'string') } : null
}

/** The controller release and karpenter-crd (when the chart version has one), from their Helm release records. */
export async function readReleases(session: ClusterSession, helm: DesiredState['helm'], crdRelease: string): Promise<ReleaseFacts> {
  return readReleaseFacts(session.kube, { release: helm.release, namespace: helm.namespace, crdRelease: helm.crdChart ? crdRelease : undefined })
}

/** CloudFormation drift detection on each named stack, at once (drift); each polls until its detection finishes. */
export async function readStackDrift(aws: AwsClients, stacks: readonly string[], poll: PollOptions, endpoint: string): Promise<Record<string, StackDriftFact>> {
  const cfn = await aws.cfn()
  const found = await Promise.all(stacks.map(name => detectStackDrift(cfn, name, poll, endpoint)))
  const out: Record<string, StackDriftFact> = {}
  for (const d of found) out[d.stack] = d.partialReason ? { status: d.status, items: d.items, partialReason: d.partialReason } : { status: d.status, items: d.items }
  return out
}

/**
 * Each stack as last deployed: its parameters and tags as the read phase described it (describeStacks), and its
 * template body (GetTemplate), read at once.
 */
export async function readDeployedStacks(aws: AwsClients, described: readonly Stack[]): Promise<Record<string, DeployedStackFact>> {
  const cfn = await aws.cfn()
  const found = await Promise.all(
    described.map(async stack => {
      const name = stack.StackName ?? ''
      return { name, fact: { stack: { Parameters: stack.Parameters, Tags: stack.Tags }, templateBody: await deployedTemplate(cfn, name) } }
    })
  )
  const out: Record<string, DeployedStackFact> = {}
  for (const f of found) out[f.name] = f.fact
  return out
}

/** The policies attached to a role (null: the role does not exist). */
export async function readRolePolicies(aws: AwsClients, roleArn: string): Promise<RolePoliciesFact> {
  return { roleArn, attached: await rolePolicyArns(await aws.iam(), roleArn) }
}

/** delete: the controller release and karpenter-crd whatever the chart version says (an earlier apply may have installed the CRD chart). */
export async function readReleasesToRemove(session: ClusterSession, helm: DesiredState['helm'], crdRelease: string): Promise<ReleaseFacts> {
  return readReleaseFacts(session.kube, { release: helm.release, namespace: helm.namespace, crdRelease })
}
