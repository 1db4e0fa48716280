// Stack eksctl-<cluster>-addon-iamserviceaccount-<namespace>-karpenter (docs/design.md, "What it creates"): the controller
// role for IRSA, trusted by the cluster's IAM OIDC provider for exactly one ServiceAccount.
import type { Names, StackSpec } from '../types.js'
import type { ClusterConfig } from '../config/types.js'
import { issuerHostPath } from '../names.js'
import { accountPolicyArn, clusterStackTags, eksctlStackSpec, singleRoleTemplate, sub } from './common.js'

export const IRSA_ROLE_ID = 'Role1'

/** Shown in the trust policy when the issuer is not known (render is offline). */
export const ISSUER_PLACEHOLDER = 'oidc.eks.<region>.amazonaws.com/id/<cluster-oidc-id>'

export function irsaStack(config: ClusterConfig, names: Names, issuer: string | undefined): StackSpec {
  const hostPath = issuer ? issuerHostPath(issuer) : ISSUER_PLACEHOLDER
  const subject = `system:serviceaccount:${names.namespace}:${names.serviceAccount}`
  const sa = `${names.namespace}/${names.serviceAccount}`
  const template = singleRoleTemplate(`IAM role for serviceaccount "${sa}" [created and managed by karpenter-provision, eksctl-compatible]`, IRSA_ROLE_ID, {
    RoleName: names.irsaRole,
    AssumeRolePolicyDocument: {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['sts:AssumeRoleWithWebIdentity'],
          Principal: { Federated: sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/${hostPath}`) },
          Condition: { StringEquals: { [`${hostPath}:aud`]: 'sts.amazonaws.com', [`${hostPath}:sub`]: subject } }
        }
      ]
    },
    ManagedPolicyArns: names.controllerPolicies.map(accountPolicyArn)
  })
  return eksctlStackSpec(names.irsaStack, template, clusterStackTags(names.cluster, config.tags), { 'alpha.eksctl.io/iamserviceaccount-name': sa })
}
