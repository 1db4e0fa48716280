// Preflight: everything that must hold before anything is created, with errors that name the fix.
// The cluster exists in this region and is ACTIVE, its Kubernetes version is one the requested
// Karpenter supports, and (for IRSA) it has an OIDC issuer.
import type { EKSClient } from '@aws-sdk/client-eks'
import { kubernetesRange, kubernetesSupport, minimumKarpenterFor } from '../karpenter/compatibility.js'
import { parseVersion } from '../karpenter/version.js'
import { autoModeClusterRefusal } from '../karpenter/unsupported.js'

export interface ClusterInfo {
  name: string
  region: string
  arn?: string
  status: string
  /** Kubernetes minor, e.g. '1.32' */
  version: string
  endpoint?: string
  /** base64 of the API server's CA PEM (certificateAuthority.data), for the kubeconfig */
  certificateAuthority?: string
  /** full https URL of the cluster's OIDC issuer, if it has one */
  oidcIssuer?: string
  /** accessConfig.authenticationMode; undefined on clusters that predate access entries (= CONFIG_MAP) */
  authenticationMode?: string
  /** computeConfig.enabled: EKS Auto Mode runs its own Karpenter (README "Clusters this does not support") */
  autoMode?: boolean
}

export interface PreflightResult {
  cluster: ClusterInfo
  warnings: string[]
}

export class PreflightError extends Error {}
/** DescribeCluster said ResourceNotFound: fatal for apply, a normal state for delete. */
export class ClusterNotFoundError extends PreflightError {}

export async function describeCluster(eks: EKSClient, name: string, region: string): Promise<ClusterInfo> {
  const { DescribeClusterCommand } = await import('@aws-sdk/client-eks')
  try {
    const { cluster } = await eks.send(new DescribeClusterCommand({ name }))
    if (!cluster) throw new PreflightError(`EKS DescribeCluster returned nothing for cluster "${name}" in ${region}`)
    return {
      name,
      region,
      arn: cluster.arn,
      status: cluster.status ?? 'UNKNOWN',
      version: cluster.version ?? '',
      endpoint: cluster.endpoint,
      certificateAuthority: cluster.certificateAuthority?.data,
      oidcIssuer: cluster.identity?.oidc?.issuer || undefined,
      authenticationMode: cluster.accessConfig?.authenticationMode,
      autoMode: cluster.computeConfig?.enabled === true
    }
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') {
      throw new ClusterNotFoundError(
        `EKS cluster "${name}" was not found in region ${region}. This action gives an existing cluster Karpenter: ` +
          'create the cluster first (`eksctl create cluster -f <file>`), or check metadata.name, metadata.region and the aws-region input.'
      )
    }
    throw err
  }
}

/** Checks the cluster against the config's Karpenter version; returns warnings, throws PreflightError. */
export function checkCluster(cluster: ClusterInfo, karpenterVersion: string, configK8sVersion?: string): string[] {
  const warnings: string[] = []
  if (cluster.status !== 'ACTIVE') {
    throw new PreflightError(
      `EKS cluster "${cluster.name}" in ${cluster.region} is ${cluster.status}, not ACTIVE; ` +
        'wait for it to become ACTIVE (`aws eks wait cluster-active --name ' + cluster.name + '`) and re-run.'
    )
  }
  const kv = parseVersion(karpenterVersion)
  if (!kv) throw new PreflightError(`karpenter.version "${karpenterVersion}" is not a semantic version`)
  const support = kubernetesSupport(kv, cluster.version)
  if (support === 'unsupported') {
    const range = kubernetesRange(kv)
    const minimum = minimumKarpenterFor(cluster.version)
    throw new PreflightError(
      `EKS cluster "${cluster.name}" runs Kubernetes ${cluster.version}, which Karpenter ${karpenterVersion} does not support` +
        (range ? ` (it supports ${range.min}–${range.max})` : '') +
        (minimum ? `; use karpenter.version ${minimum} or newer.` : '.')
    )
  }
  if (support === 'unknown-karpenter') {
    warnings.push(`Karpenter ${karpenterVersion} is newer than the known compatibility matrix; not checking Kubernetes ${cluster.version} against it.`)
  }
  if (configK8sVersion && configK8sVersion !== cluster.version) {
    warnings.push(`metadata.version is ${configK8sVersion} but cluster "${cluster.name}" runs Kubernetes ${cluster.version}; the cluster's version was checked.`)
  }
  return warnings
}

/** Every mode that reaches the cluster stops on an EKS Auto Mode cluster, before any change. */
export function refuseAutoMode(cluster: ClusterInfo): void {
  if (cluster.autoMode) throw new PreflightError(autoModeClusterRefusal(cluster.name, cluster.region))
}

/** IRSA needs the cluster's OIDC issuer; Pod Identity does not. */
export function requireIssuer(cluster: ClusterInfo): string {
  if (!cluster.oidcIssuer) {
    throw new PreflightError(
      `EKS cluster "${cluster.name}" has no OIDC issuer, which IRSA needs. Use Pod Identity (controller-identity: pod-identity) ` +
        'or give the cluster an issuer.'
    )
  }
  return cluster.oidcIssuer
}

export async function preflight(eks: EKSClient, opts: { cluster: string; region: string; karpenterVersion: string; configK8sVersion?: string }): Promise<PreflightResult> {
  const cluster = await describeCluster(eks, opts.cluster, opts.region)
  refuseAutoMode(cluster)
  return { cluster, warnings: checkCluster(cluster, opts.karpenterVersion, opts.configK8sVersion) }
}
