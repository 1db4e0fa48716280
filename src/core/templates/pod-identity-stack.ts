// Stack eksctl-<cluster>-podidentityrole-<namespace>-karpenter (docs/design.md, "Controller identity"): the
// controller role for EKS Pod Identity, trusted by pods.eks.amazonaws.com.
import type { Names, PodIdentitySpec, StackSpec } from '../types.js'
import type { ClusterConfig } from '../config/types.js'
import { accountPolicyArn, cfnTags, clusterStackTags, eksctlStackSpec, singleRoleTemplate } from './common.js'

export const POD_IDENTITY_ROLE_ID = 'Role1'

export function podIdentityStack(config: ClusterConfig, names: Names, spec: PodIdentitySpec): StackSpec {
  const sa = `${names.namespace}/${names.serviceAccount}`
  const template = singleRoleTemplate(`IAM role for pod identity association "${sa}" [created and managed by karpenter-provision, eksctl-compatible]`, POD_IDENTITY_ROLE_ID, {
    RoleName: spec.roleName,
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }]
    },
    ManagedPolicyArns: [...names.controllerPolicies.map(accountPolicyArn), ...spec.permissionPolicyArns],
    ...(spec.permissionsBoundaryArn ? { PermissionsBoundary: spec.permissionsBoundaryArn } : {}),
    ...(Object.keys(spec.tags).length > 0 ? { Tags: cfnTags(spec.tags) } : {})
  })
  return eksctlStackSpec(names.podIdentityStack, template, clusterStackTags(names.cluster, config.tags), { 'alpha.eksctl.io/podidentityassociation-name': sa })
}
