// Stack eksctl-<cluster>-podidentityrole-<namespace>-karpenter (docs/design.md, "Controller identity"): the
// controller role for EKS Pod Identity, trusted by pods.eks.amazonaws.com.
import type { CfnTemplate, Names, PodIdentitySpec, StackSpec } from '../../state/types.js'
import type { ClusterConfig } from '../../config/types.js'
import { accountPolicyArn, cfnTags, clusterStackTags, getAtt } from './common.js'

export const POD_IDENTITY_ROLE_ID = 'Role1'

export function podIdentityStack(config: ClusterConfig, names: Names, spec: PodIdentitySpec): StackSpec {
  const template: CfnTemplate = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `IAM role for pod identity association "${names.namespace}/${names.serviceAccount}" [created and managed by karpenter-provision, eksctl-compatible]`,
    Resources: {
      [POD_IDENTITY_ROLE_ID]: {
        Type: 'AWS::IAM::Role',
        Properties: {
          RoleName: spec.roleName,
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }]
          },
          ManagedPolicyArns: [...names.controllerPolicies.map(accountPolicyArn), ...spec.permissionPolicyArns],
          ...(spec.permissionsBoundaryArn ? { PermissionsBoundary: spec.permissionsBoundaryArn } : {}),
          ...(Object.keys(spec.tags).length > 0 ? { Tags: cfnTags(spec.tags) } : {})
        }
      }
    },
    Outputs: { Role1: { Value: getAtt(POD_IDENTITY_ROLE_ID) } }
  }
  return {
    name: names.podIdentityStack,
    template,
    parameters: {},
    tags: {
      ...clusterStackTags(names.cluster, config.tags),
      'alpha.eksctl.io/podidentityassociation-name': `${names.namespace}/${names.serviceAccount}`
    },
    capabilities: ['CAPABILITY_NAMED_IAM'],
    terminationProtection: true
  }
}
