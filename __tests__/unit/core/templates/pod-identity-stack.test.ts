// src/core/templates/pod-identity-stack.ts: the Pod Identity controller stack (docs/design.md, "What it creates" and
// "Controller identity"): one role trusted by pods.eks.amazonaws.com for sts:AssumeRole and sts:TagSession, with the
// controller policies and the association's permissionPolicyARNs, boundary and tags.
import { describe, expect, it } from '@jest/globals'
import { POD_IDENTITY_ROLE_ID, podIdentityStack } from '../../../../src/core/templates/pod-identity-stack.js'
import { deriveNames } from '../../../../src/core/names.js'
import type { Names, PodIdentitySpec } from '../../../../src/core/types.js'
import { clusterConfig } from '../../../helpers/config.js'

const config = clusterConfig({ name: 'demo', tags: {} })
const names: Names = { ...deriveNames(config, 'karpenter'), controllerPolicies: ['eksctl-KarpenterControllerPolicy-demo'] }
const spec = (over: Partial<PodIdentitySpec> = {}): PodIdentitySpec => ({
  namespace: 'karpenter',
  serviceAccount: 'karpenter',
  roleName: 'demo-karpenter',
  permissionPolicyArns: [],
  tags: {},
  ...over
})

describe('podIdentityStack', () => {
  it('trusts the EKS Pod Identity service only, and carries the controller policies', () => {
    expect(podIdentityStack(config, names, spec()).template.Resources[POD_IDENTITY_ROLE_ID]).toEqual({
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: 'demo-karpenter',
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [{ Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }]
        },
        ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/eksctl-KarpenterControllerPolicy-demo' }]
      }
    })
  })

  it('adds the entry’s permission policies after the controller policies, its boundary, and its tags sorted', () => {
    const s = spec({
      roleName: 'team-karpenter',
      permissionPolicyArns: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'],
      permissionsBoundaryArn: 'arn:aws:iam::111122223333:policy/boundary',
      tags: { team: 'platform', env: 'prod' }
    })
    const props = podIdentityStack(config, names, s).template.Resources[POD_IDENTITY_ROLE_ID]!.Properties!
    expect(props.RoleName).toBe('team-karpenter')
    expect(props.ManagedPolicyArns).toEqual([
      { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/eksctl-KarpenterControllerPolicy-demo' },
      'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'
    ])
    expect(props.PermissionsBoundary).toBe('arn:aws:iam::111122223333:policy/boundary')
    expect(props.Tags).toEqual([{ Key: 'env', Value: 'prod' }, { Key: 'team', Value: 'platform' }])
  })

  it('leaves PermissionsBoundary and Tags out when the entry has none (no empty Tags list in the template)', () => {
    const props = podIdentityStack(config, names, spec()).template.Resources[POD_IDENTITY_ROLE_ID]!.Properties!
    expect(Object.keys(props).sort()).toEqual(['AssumeRolePolicyDocument', 'ManagedPolicyArns', 'RoleName'])
  })

  it('is eksctl’s podidentityrole stack: its name, tags and Role1 output', () => {
    const stack = podIdentityStack(config, names, spec())
    expect(stack.name).toBe('eksctl-demo-podidentityrole-karpenter-karpenter')
    expect(stack.tags).toEqual({
      'alpha.eksctl.io/cluster-name': 'demo',
      'eksctl.cluster.k8s.io/v1alpha1/cluster-name': 'demo',
      'alpha.eksctl.io/podidentityassociation-name': 'karpenter/karpenter'
    })
    expect(stack.template.Description).toBe('IAM role for pod identity association "karpenter/karpenter" [created and managed by karpenter-provision, eksctl-compatible]')
    expect(stack.template.Outputs).toEqual({ Role1: { Value: { 'Fn::GetAtt': [POD_IDENTITY_ROLE_ID, 'Arn'] } } })
    expect(stack.terminationProtection).toBe(true)
  })
})
