// The read phase (docs/design.md, "The pipeline", step 3): each function reads one kind of fact and returns it as
// data (src/core/facts.ts); a mode calls the ones it needs, at once where they do not depend on each other, and
// then decides everything from the Facts value. Nothing here changes anything or writes into the report.
import type { AwsClients } from '../aws/clients.js'
import type { ClusterInfo, ExistingAssociation, NodeAccessFacts, ReleaseFacts, StackFact } from '../core/facts.js'
import type { DesiredState } from '../core/types.js'
import type { ClusterSession } from './cluster-session.js'
import { ClusterNotFoundError, describeCluster, refuseAutoMode } from '../aws/preflight.js'
import { describeStack } from '../cfn/describe.js'
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
  const cfn = await aws.cfn()
  const wanted = [names.karpenterStack, names.irsaStack, names.podIdentityStack]
  const found = await Promise.all(wanted.map(name => describeStack(cfn, name)))
  const out: Record<string, StackFact> = {}
  wanted.forEach((name, i) => {
    const status = found[i]?.StackStatus
    out[name] = status && status !== 'DELETE_COMPLETE' ? { name, status } : { name }
  })
  return out
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

/** delete: the controller release and karpenter-crd whatever the chart version says (an earlier apply may have installed the CRD chart). */
export async function readReleasesToRemove(session: ClusterSession, helm: DesiredState['helm'], crdRelease: string): Promise<ReleaseFacts> {
  return readReleaseFacts(session.kube, { release: helm.release, namespace: helm.namespace, crdRelease })
}
