// Partition facts, derived from the region so that render (offline) knows them too.
import type { Partition } from './types.js'

export function partitionOf(region: string): Partition {
  if (region.startsWith('cn-')) return 'aws-cn'
  if (region.startsWith('us-gov-')) return 'aws-us-gov'
  return 'aws'
}

export function urlSuffix(partition: Partition): string {
  return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com'
}

/** The EC2 service principal per partition (eksctl's ServicePrincipalPartitionMap). */
export const EC2_PRINCIPAL: Record<Partition, string> = {
  aws: 'ec2.amazonaws.com',
  'aws-cn': 'ec2.amazonaws.com.cn',
  'aws-us-gov': 'ec2.amazonaws.com'
}

/** Shown in ARNs when the account is not known (render is offline). */
export const ACCOUNT_PLACEHOLDER = '<account-id>'

export function iamArn(partition: Partition, accountId: string | undefined, resource: string): string {
  return `arn:${partition}:iam::${accountId ?? ACCOUNT_PLACEHOLDER}:${resource}`
}
