// Preflight: everything that must hold before anything is created, with errors that name the fix.
// The cluster exists in this region and is ACTIVE, its Kubernetes version is one the requested
// Karpenter supports, (for IRSA) it has an OIDC issuer, and the node instance profile's name (IAM names are
// account-wide) is not taken by another stack.
import type { EKSClient } from '@aws-sdk/client-eks'
import type { CloudFormationClient, StackResource } from '@aws-sdk/client-cloudformation'
import type { IAMClient } from '@aws-sdk/client-iam'
import { defaultInstanceProfileName, isKarpenterStackName } from '../core/names.js'
import { kubernetesRange, kubernetesSupport, minimumKarpenterFor } from '../core/karpenter/compatibility.js'
import { parseVersion } from '../core/karpenter/version.js'
import { autoModeClusterRefusal } from '../core/karpenter/unsupported.js'
import { ProvisionError, isAwsError } from '../core/errors.js'

import type { ClusterInfo } from '../core/facts.js'
export type { ClusterInfo }

export interface PreflightResult {
  cluster: ClusterInfo
  warnings: string[]
}

export class PreflightError extends ProvisionError {
  override readonly name: string = 'PreflightError'
}
/** DescribeCluster said ResourceNotFound: fatal for apply, a normal state for delete. */
export class ClusterNotFoundError extends PreflightError {
  override readonly name: string = 'ClusterNotFoundError'
}

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
    if (isAwsError(err, 'ResourceNotFoundException')) {
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

/** Karpenter stacks looked through for the owner of an instance profile when AWS's lookup by physical id answers nothing. */
const MAX_OWNER_CANDIDATES = 50
const LIVE_STACK_STATUSES = [
  'CREATE_IN_PROGRESS', 'CREATE_FAILED', 'CREATE_COMPLETE', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_FAILED', 'ROLLBACK_COMPLETE',
  'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_COMPLETE',
  'UPDATE_FAILED', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_FAILED', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE', 'REVIEW_IN_PROGRESS', 'IMPORT_IN_PROGRESS', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_IN_PROGRESS',
  'IMPORT_ROLLBACK_FAILED', 'IMPORT_ROLLBACK_COMPLETE'
] as const

const ownsProfile = (profile: string) => (r: StackResource): boolean => r.ResourceType === 'AWS::IAM::InstanceProfile' && r.PhysicalResourceId === profile

/** The stack in this region whose resources include instance profile `profile`, if any. */
async function instanceProfileOwner(cfn: CloudFormationClient, profile: string, ownStack: string): Promise<string | undefined> {
  const { DescribeStackResourcesCommand, ListStacksCommand } = await import('@aws-sdk/client-cloudformation')
  const resourcesOf = async (input: { StackName?: string; PhysicalResourceId?: string }): Promise<StackResource[]> => {
    try {
      return (await cfn.send(new DescribeStackResourcesCommand(input))).StackResources ?? []
    } catch (err) {
      // ValidationError: no such stack, or no stack owns that resource; AccessDenied: a stack we may not read
      if (isAwsError(err, 'ValidationError', 'AccessDenied', 'AccessDeniedException')) return []
      throw err
    }
  }
  // a re-apply: this cluster's own stack owns it (one call)
  if ((await resourcesOf({ StackName: ownStack })).some(ownsProfile(profile))) return ownStack
  const byId = (await resourcesOf({ PhysicalResourceId: profile })).find(ownsProfile(profile))?.StackName
  if (byId) return byId
  // Look through this region's Karpenter stacks: the usual owner is another cluster's.
  const candidates: string[] = []
  let token: string | undefined
  do {
    const page = await cfn.send(new ListStacksCommand({ StackStatusFilter: [...LIVE_STACK_STATUSES], NextToken: token }))
    for (const s of page.StackSummaries ?? []) if (s.StackName && s.StackName !== ownStack && isKarpenterStackName(s.StackName)) candidates.push(s.StackName)
    token = page.NextToken
  } while (token && candidates.length < MAX_OWNER_CANDIDATES)
  for (const stack of candidates.slice(0, MAX_OWNER_CANDIDATES)) {
    if ((await resourcesOf({ StackName: stack })).some(ownsProfile(profile))) return stack
  }
  return undefined
}

/**
 * Instance profile names are account-wide: a second cluster whose config copies another's
 * `defaultInstanceProfile` would fail in CloudFormation with "already exists" after changing other things.
 * Refuses (PreflightError) when the profile exists and this cluster's Karpenter stack does not own it.
 */
export async function checkInstanceProfileFree(
  iam: IAMClient,
  cfn: CloudFormationClient,
  opts: { profile: string; stack: string; region: string; configKey: string; cluster: string }
): Promise<void> {
  const { GetInstanceProfileCommand } = await import('@aws-sdk/client-iam')
  try {
    await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: opts.profile }))
  } catch (err) {
    if (isAwsError(err, 'NoSuchEntityException', 'NoSuchEntity')) return
    throw err
  }
  const owner = await instanceProfileOwner(cfn, opts.profile, opts.stack)
  if (owner === opts.stack) return
  const whose = owner
    ? `belongs to CloudFormation stack ${owner}`
    : `is not part of stack ${opts.stack}, and no CloudFormation stack in ${opts.region} owns it (a stack in another region, or made by hand)`
  throw new PreflightError(
    `IAM instance profile "${opts.profile}" (${opts.configKey}) already exists and ${whose}. Instance profile names are ` +
      `account-wide, so each cluster needs its own: set karpenter.defaultInstanceProfile to a name for this cluster ` +
      `(e.g. KarpenterNodeInstanceProfile-${opts.cluster}), or leave it out to get ${defaultInstanceProfileName(opts.cluster)}.`
  )
}
