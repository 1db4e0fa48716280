// src/core/templates/common.ts: the CloudFormation building blocks every stack of this tool is made of, and what
// makes a stack eksctl's (docs/design.md, "What it creates": CAPABILITY_NAMED_IAM, termination protection, the
// stack tags alpha.eksctl.io/cluster-name and the config's metadata.tags).
import { describe, expect, it } from '@jest/globals'
import {
  accountPolicyArn,
  awsManagedPolicyArn,
  cfnTags,
  clusterStackTags,
  eksctlStackSpec,
  getAtt,
  ref,
  singleRoleTemplate,
  sub
} from '../../../../src/core/templates/common.js'
import { resolveIntrinsics, type ResolveContext } from '../../../../src/core/templates/resolve.js'

const ctx = (partition: ResolveContext['partition']): ResolveContext => ({ partition, region: 'x-1', accountId: '111122223333', stackName: 's', attributes: {} })

describe('intrinsics', () => {
  it('are CloudFormation’s own shapes; GetAtt defaults to Arn', () => {
    expect(sub('a-${AWS::Region}')).toEqual({ 'Fn::Sub': 'a-${AWS::Region}' })
    expect(getAtt('Queue')).toEqual({ 'Fn::GetAtt': ['Queue', 'Arn'] })
    expect(getAtt('Queue', 'QueueName')).toEqual({ 'Fn::GetAtt': ['Queue', 'QueueName'] })
    expect(ref('Role')).toEqual({ Ref: 'Role' })
  })
})

describe('policy ARNs', () => {
  it('an AWS managed policy is in account `aws` of the stack’s partition', () => {
    expect(awsManagedPolicyArn('AmazonEKS_CNI_Policy')).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/AmazonEKS_CNI_Policy' })
    expect(resolveIntrinsics(awsManagedPolicyArn('AmazonEKS_CNI_Policy'), ctx('aws-cn'))).toBe('arn:aws-cn:iam::aws:policy/AmazonEKS_CNI_Policy')
  })

  it('a customer managed policy is in the stack’s own account and partition', () => {
    expect(resolveIntrinsics(accountPolicyArn('eksctl-KarpenterControllerPolicy-c'), ctx('aws-us-gov'))).toBe(
      'arn:aws-us-gov:iam::111122223333:policy/eksctl-KarpenterControllerPolicy-c'
    )
  })
})

describe('tags', () => {
  it('become CloudFormation Key/Value pairs sorted by key (a stable template, so re-runs compare equal)', () => {
    expect(cfnTags({ team: 'a', Env: 'b', 'cost-center': 'c' })).toEqual([
      { Key: 'Env', Value: 'b' },
      { Key: 'cost-center', Value: 'c' },
      { Key: 'team', Value: 'a' }
    ])
    expect(cfnTags({})).toEqual([])
  })

  it('every stack carries eksctl’s cluster tags, which metadata.tags cannot override', () => {
    expect(clusterStackTags('demo', { team: 'platform', 'alpha.eksctl.io/cluster-name': 'other' })).toEqual({
      team: 'platform',
      'alpha.eksctl.io/cluster-name': 'demo',
      'eksctl.cluster.k8s.io/v1alpha1/cluster-name': 'demo'
    })
  })
})

describe('eksctlStackSpec', () => {
  const template = singleRoleTemplate('d', 'Role1', { RoleName: 'r' })

  it('is named IAM, termination-protected, without parameters, tagged with the cluster tags and its own', () => {
    expect(eksctlStackSpec('eksctl-demo-karpenter', template, { a: '1', shared: 'cluster' }, { b: '2', shared: 'own' })).toEqual({
      name: 'eksctl-demo-karpenter',
      template,
      parameters: {},
      tags: { a: '1', b: '2', shared: 'own' },
      capabilities: ['CAPABILITY_NAMED_IAM'],
      terminationProtection: true
    })
  })
})

describe('singleRoleTemplate', () => {
  it('is one AWS::IAM::Role with the properties given and its ARN as output Role1, as eksctl lays it out', () => {
    expect(singleRoleTemplate('IAM role for x', 'Role1', { RoleName: 'r', Path: '/' })).toEqual({
      AWSTemplateFormatVersion: '2010-09-09',
      Description: 'IAM role for x',
      Resources: { Role1: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r', Path: '/' } } },
      Outputs: { Role1: { Value: { 'Fn::GetAtt': ['Role1', 'Arn'] } } }
    })
    expect(singleRoleTemplate('d', 'ControllerRole', {}).Outputs).toEqual({ Role1: { Value: { 'Fn::GetAtt': ['ControllerRole', 'Arn'] } } })
  })
})
