// src/core/partition.ts: partition facts derived from the region, so render (offline) knows them too (docs/design.md,
// "What it creates": the node role is trusted by the partition's EC2 service principal, eksctl's ServicePrincipalPartitionMap).
import { describe, expect, it } from '@jest/globals'
import { ACCOUNT_PLACEHOLDER, EC2_PRINCIPAL, iamArn, partitionOf, urlSuffix } from '../../../src/core/partition.js'

describe('partitionOf', () => {
  it.each([
    ['us-west-2', 'aws'],
    ['eu-central-1', 'aws'],
    ['cn-north-1', 'aws-cn'],
    ['cn-northwest-1', 'aws-cn'],
    ['us-gov-west-1', 'aws-us-gov'],
    ['us-gov-east-1', 'aws-us-gov'],
    ['us-east-1', 'aws']
  ])('%s is in %s', (region, partition) => {
    expect(partitionOf(region)).toBe(partition)
  })
})

describe('per-partition facts', () => {
  it('China has its own URL suffix and EC2 principal; GovCloud shares the commercial ones', () => {
    expect(urlSuffix('aws')).toBe('amazonaws.com')
    expect(urlSuffix('aws-us-gov')).toBe('amazonaws.com')
    expect(urlSuffix('aws-cn')).toBe('amazonaws.com.cn')
    expect(EC2_PRINCIPAL).toEqual({ aws: 'ec2.amazonaws.com', 'aws-cn': 'ec2.amazonaws.com.cn', 'aws-us-gov': 'ec2.amazonaws.com' })
  })
})

describe('iamArn', () => {
  it('is an IAM ARN in the partition and account, with a placeholder account offline', () => {
    expect(iamArn('aws-us-gov', '111122223333', 'role/r')).toBe('arn:aws-us-gov:iam::111122223333:role/r')
    expect(iamArn('aws', undefined, 'policy/p')).toBe('arn:aws:iam::<account-id>:policy/p')
    expect(ACCOUNT_PLACEHOLDER).toBe('<account-id>')
  })
})
