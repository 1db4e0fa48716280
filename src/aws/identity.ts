// Who we are in AWS: the account (for ARNs) and the partition (aws, aws-cn, aws-us-gov), read from the
// caller ARN rather than guessed from the region.
import type { STSClient } from '@aws-sdk/client-sts'
import type { Partition } from '../core/types.js'

import type { CallerIdentity } from '../core/facts.js'
export type { CallerIdentity }

const PARTITIONS: readonly Partition[] = ['aws', 'aws-cn', 'aws-us-gov']

export function partitionFromArn(arn: string): Partition {
  const p = arn.split(':')[1]
  if (!PARTITIONS.includes(p as Partition)) throw new Error(`unexpected partition "${p}" in caller ARN ${arn}`)
  return p as Partition
}

export async function callerIdentity(sts: STSClient): Promise<CallerIdentity> {
  const { GetCallerIdentityCommand } = await import('@aws-sdk/client-sts')
  const out = await sts.send(new GetCallerIdentityCommand({}))
  if (!out.Account || !out.Arn) throw new Error('STS GetCallerIdentity returned no account or ARN')
  return { accountId: out.Account, partition: partitionFromArn(out.Arn), arn: out.Arn }
}
