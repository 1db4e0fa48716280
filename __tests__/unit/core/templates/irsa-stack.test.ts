// src/core/templates/irsa-stack.ts: the IRSA controller stack (docs/design.md, "What it creates"): one role trusted
// through the cluster's IAM OIDC provider with sts:AssumeRoleWithWebIdentity, StringEquals on
// <issuer>:sub = system:serviceaccount:<namespace>:karpenter and <issuer>:aud = sts.amazonaws.com.
import { describe, expect, it } from '@jest/globals'
import { ISSUER_PLACEHOLDER, IRSA_ROLE_ID, irsaStack } from '../../../../src/core/templates/irsa-stack.js'
import { deriveNames } from '../../../../src/core/names.js'
import type { Names } from '../../../../src/core/types.js'
import { clusterConfig } from '../../../helpers/config.js'

const config = clusterConfig({ name: 'demo', tags: { team: 'platform' } })
const names = (namespace = 'karpenter', controllerPolicies = ['eksctl-KarpenterControllerPolicy-demo']): Names => ({
  ...deriveNames(config, namespace),
  controllerPolicies
})

describe('irsaStack', () => {
  it('trusts exactly the Karpenter service account of the namespace through the issuer’s OIDC provider', () => {
    const spec = irsaStack(config, names('kube-system'), 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC123/')
    const role = spec.template.Resources[IRSA_ROLE_ID]!
    expect(role.Type).toBe('AWS::IAM::Role')
    expect(role.Properties).toEqual({
      RoleName: 'eksctl-demo-iamservice-role',
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: ['sts:AssumeRoleWithWebIdentity'],
            Principal: { Federated: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC123' } },
            Condition: {
              StringEquals: {
                'oidc.eks.us-west-2.amazonaws.com/id/ABC123:aud': 'sts.amazonaws.com',
                'oidc.eks.us-west-2.amazonaws.com/id/ABC123:sub': 'system:serviceaccount:kube-system:karpenter'
              }
            }
          }
        ]
      },
      ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/eksctl-KarpenterControllerPolicy-demo' }]
    })
  })

  it('attaches every controller policy when the policy is split', () => {
    const split = ['eksctl-KarpenterControllerPolicy-demo', 'eksctl-KarpenterControllerResourceDiscoveryPolicy-demo']
    const role = irsaStack(config, names('karpenter', split), 'https://oidc.example/id/1').template.Resources[IRSA_ROLE_ID]!
    expect(role.Properties!.ManagedPolicyArns).toEqual(split.map(n => ({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:policy/${n}` })))
  })

  it('shows a placeholder issuer offline (render knows no cluster)', () => {
    const text = JSON.stringify(irsaStack(config, names(), undefined).template)
    expect(text).toContain(`oidc-provider/${ISSUER_PLACEHOLDER}"`)
    expect(text).toContain(`"${ISSUER_PLACEHOLDER}:sub":"system:serviceaccount:karpenter:karpenter"`)
  })

  it('is eksctl’s iamserviceaccount stack: its name, tags, description and Role1 output', () => {
    const spec = irsaStack(config, names(), 'https://oidc.example/id/1')
    expect(spec.name).toBe('eksctl-demo-addon-iamserviceaccount-karpenter-karpenter')
    expect(spec.tags).toEqual({
      team: 'platform',
      'alpha.eksctl.io/cluster-name': 'demo',
      'eksctl.cluster.k8s.io/v1alpha1/cluster-name': 'demo',
      'alpha.eksctl.io/iamserviceaccount-name': 'karpenter/karpenter'
    })
    expect(spec.template.Description).toBe('IAM role for serviceaccount "karpenter/karpenter" [created and managed by karpenter-provision, eksctl-compatible]')
    expect(Object.keys(spec.template.Resources)).toEqual([IRSA_ROLE_ID])
    expect(spec.template.Outputs).toEqual({ Role1: { Value: { 'Fn::GetAtt': [IRSA_ROLE_ID, 'Arn'] } } })
    expect(spec.capabilities).toEqual(['CAPABILITY_NAMED_IAM'])
  })
})
