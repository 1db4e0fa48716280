// EKS access entry of type EC2_LINUX for the node role: EKS then maps the role to
// system:node:{{EC2PrivateDNSName}} in system:nodes itself. Idempotent: an existing entry is kept as it is.
import type { EKSClient } from '@aws-sdk/client-eks'
import { isAwsError } from '../core/errors.js'

export interface AccessEntryResult {
  created: boolean
  /** set when an existing entry has another type than EC2_LINUX (nodes may not join) */
  warning?: string
}

export async function ensureNodeAccessEntry(eks: EKSClient, cluster: string, roleArn: string, tags: Record<string, string> = {}): Promise<AccessEntryResult> {
  const { CreateAccessEntryCommand, DescribeAccessEntryCommand } = await import('@aws-sdk/client-eks')
  try {
    // EKS's tag map takes at least one entry when present: none is sent rather than an empty one
    await eks.send(new CreateAccessEntryCommand({ clusterName: cluster, principalArn: roleArn, type: 'EC2_LINUX', ...(Object.keys(tags).length > 0 ? { tags } : {}) }))
    return { created: true }
  } catch (err) {
    if (!isAwsError(err, 'ResourceInUseException')) throw err
  }
  // It exists. Its type cannot be changed in place; a STANDARD entry would not let nodes join, so say so.
  const { accessEntry } = await eks.send(new DescribeAccessEntryCommand({ clusterName: cluster, principalArn: roleArn }))
  if (accessEntry?.type && accessEntry.type !== 'EC2_LINUX') {
    return {
      created: false,
      warning: `the access entry for ${roleArn} on cluster ${cluster} has type ${accessEntry.type}, not EC2_LINUX; Karpenter's nodes may not join. Delete it and re-run.`
    }
  }
  return { created: false }
}

/** For delete: removes the entry; a missing one is fine (running delete twice is fine). */
export async function deleteNodeAccessEntry(eks: EKSClient, cluster: string, roleArn: string): Promise<boolean> {
  const { DeleteAccessEntryCommand } = await import('@aws-sdk/client-eks')
  try {
    await eks.send(new DeleteAccessEntryCommand({ clusterName: cluster, principalArn: roleArn }))
    return true
  } catch (err) {
    if (isAwsError(err, 'ResourceNotFoundException')) return false
    throw err
  }
}

/** The node role's access entry type (read only, for drift); undefined when there is no entry. */
export async function describeNodeAccessEntry(eks: EKSClient, cluster: string, roleArn: string): Promise<string | undefined> {
  const { DescribeAccessEntryCommand } = await import('@aws-sdk/client-eks')
  try {
    const { accessEntry } = await eks.send(new DescribeAccessEntryCommand({ clusterName: cluster, principalArn: roleArn }))
    return accessEntry?.type ?? 'STANDARD'
  } catch (err) {
    if (isAwsError(err, 'ResourceNotFoundException')) return undefined
    throw err
  }
}
