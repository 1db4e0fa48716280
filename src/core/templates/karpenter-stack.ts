// Stack eksctl-<cluster>-karpenter (docs/design.md, "What it creates"): node role, instance profile, the scoped controller
// policies and, when asked for, the interruption queue, its policy and the EventBridge rules.
import type { ClusterConfig } from '../config/types.js'
import type { SemVer } from '../karpenter/version.js'
import { formatVersion } from '../karpenter/version.js'
import { nodeRoleManagedPolicies } from '../karpenter/policy.js'
import { interruptionRules, queuePolicyStatements } from '../karpenter/interruption.js'
import type { CfnTemplate, Names, StackSpec } from '../types.js'
import { EC2_PRINCIPAL } from '../partition.js'
import type { PackedPolicy } from './policy-pack.js'
import { awsManagedPolicyArn, clusterStackTags, eksctlStackSpec, getAtt, ref, sub } from './common.js'

export const NODE_ROLE_ID = 'KarpenterNodeRole'
export const INSTANCE_PROFILE_ID = 'KarpenterNodeInstanceProfile'
export const QUEUE_ID = 'KarpenterInterruptionQueue'
export const QUEUE_POLICY_ID = 'KarpenterInterruptionQueuePolicy'

export function karpenterStack(config: ClusterConfig, version: SemVer, names: Names, policies: PackedPolicy[]): StackSpec {
  const resources: CfnTemplate['Resources'] = {
    [NODE_ROLE_ID]: {
      Type: 'AWS::IAM::Role',
      Properties: {
        RoleName: names.nodeRole,
        Path: '/',
        AssumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: [{ 'Fn::FindInMap': ['ServicePrincipalPartitionMap', { Ref: 'AWS::Partition' }, 'EC2'] }] },
              Action: ['sts:AssumeRole']
            }
          ]
        },
        ManagedPolicyArns: nodeRoleManagedPolicies().map(awsManagedPolicyArn),
        ...(config.serviceRolePermissionsBoundary ? { PermissionsBoundary: config.serviceRolePermissionsBoundary } : {}),
        Tags: [{ Key: 'Name', Value: sub(`\${AWS::StackName}/${NODE_ROLE_ID}`) }]
      }
    },
    [INSTANCE_PROFILE_ID]: {
      Type: 'AWS::IAM::InstanceProfile',
      Properties: { InstanceProfileName: names.instanceProfile, Path: '/', Roles: [ref(NODE_ROLE_ID)] }
    }
  }
  for (const policy of policies) {
    resources[policy.logicalId] = {
      Type: 'AWS::IAM::ManagedPolicy',
      Properties: { ManagedPolicyName: policy.name, Path: '/', PolicyDocument: policy.document }
    }
  }
  if (names.interruptionQueue) {
    resources[QUEUE_ID] = {
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: names.interruptionQueue,
        MessageRetentionPeriod: 300,
        // eksctl leaves the queue unencrypted; upstream's template (and ours) turn on SSE-SQS.
        SqsManagedSseEnabled: true,
        Tags: [{ Key: 'Name', Value: sub(`\${AWS::StackName}/${QUEUE_ID}`) }]
      }
    }
    resources[QUEUE_POLICY_ID] = {
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [ref(QUEUE_ID)],
        PolicyDocument: { Id: 'EC2InterruptionPolicy', Version: '2012-10-17', Statement: queuePolicyStatements(version, getAtt(QUEUE_ID)) }
      }
    }
    for (const rule of interruptionRules(version)) {
      resources[rule.logicalId] = {
        Type: 'AWS::Events::Rule',
        Properties: {
          EventPattern: { source: [rule.source], 'detail-type': [rule.detailType] },
          Targets: [{ Id: 'KarpenterInterruptionQueueTarget', Arn: getAtt(QUEUE_ID) }]
        }
      }
    }
  }
  const template: CfnTemplate = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Karpenter Stack [created and managed by karpenter-provision, eksctl-compatible]',
    Mappings: {
      ServicePrincipalPartitionMap: Object.fromEntries(Object.entries(EC2_PRINCIPAL).map(([p, ec2]) => [p, { EC2: ec2 }]))
    },
    Resources: resources
  }
  return eksctlStackSpec(names.karpenterStack, template, clusterStackTags(names.cluster, config.tags), {
    'alpha.eksctl.io/karpenter-name': names.karpenterStack,
    'alpha.eksctl.io/karpenter-version': formatVersion(version)
  })
}

