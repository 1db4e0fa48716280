// src/core/templates/karpenter-stack.ts: stack eksctl-<cluster>-karpenter (docs/design.md, "What it creates"): the node
// role trusted by the partition's EC2 principal with the four AWS managed policies and the permissions boundary, the
// instance profile holding it, the packed controller policies, and with withSpotInterruptionQueue the queue (300 s
// retention, SQS-managed encryption), its policy and the EventBridge rules targeting it.
import { describe, expect, it } from '@jest/globals'
import { INSTANCE_PROFILE_ID, NODE_ROLE_ID, QUEUE_ID, QUEUE_POLICY_ID, karpenterStack } from '../../../../src/core/templates/karpenter-stack.js'
import type { PackedPolicy } from '../../../../src/core/templates/policy-pack.js'
import { deriveNames } from '../../../../src/core/names.js'
import { parseVersion } from '../../../../src/core/karpenter/version.js'
import type { Names } from '../../../../src/core/types.js'
import type { ClusterConfig } from '../../../../src/core/config/types.js'
import { clusterConfig } from '../../../helpers/config.js'

const policy = (logicalId: string, name: string): PackedPolicy => ({
  logicalId,
  name,
  parts: ['NodeLifecycle'],
  document: { Version: '2012-10-17', Statement: [{ Sid: logicalId, Effect: 'Allow', Action: ['ec2:DescribeImages'], Resource: '*' }] },
  size: 0
})
const POLICIES = [
  policy('KarpenterControllerPolicy', 'eksctl-KarpenterControllerPolicy-demo'),
  policy('KarpenterControllerResourceDiscoveryPolicy', 'eksctl-KarpenterControllerResourceDiscoveryPolicy-demo')
]

function build(config: ClusterConfig, version = '1.2.1') {
  const names: Names = { ...deriveNames(config, 'karpenter'), controllerPolicies: POLICIES.map(p => p.name) }
  return karpenterStack(config, parseVersion(version)!, names, POLICIES)
}

const withQueue = clusterConfig({ name: 'demo', tags: { team: 'platform' } }, { withSpotInterruptionQueue: true, defaultInstanceProfile: undefined })
const withoutQueue = clusterConfig({ name: 'demo', tags: {} }, { withSpotInterruptionQueue: false, defaultInstanceProfile: 'Custom.Profile' })

describe('karpenterStack', () => {
  it('without the queue: the node role, the instance profile and one AWS::IAM::ManagedPolicy per packed policy, nothing else', () => {
    const r = build(withoutQueue).template.Resources
    expect(Object.fromEntries(Object.entries(r).map(([id, x]) => [id, x.Type]))).toEqual({
      [NODE_ROLE_ID]: 'AWS::IAM::Role',
      [INSTANCE_PROFILE_ID]: 'AWS::IAM::InstanceProfile',
      KarpenterControllerPolicy: 'AWS::IAM::ManagedPolicy',
      KarpenterControllerResourceDiscoveryPolicy: 'AWS::IAM::ManagedPolicy'
    })
    expect(r.KarpenterControllerResourceDiscoveryPolicy!.Properties).toEqual({
      ManagedPolicyName: 'eksctl-KarpenterControllerResourceDiscoveryPolicy-demo',
      Path: '/',
      PolicyDocument: POLICIES[1]!.document
    })
    expect(r[INSTANCE_PROFILE_ID]!.Properties).toEqual({ InstanceProfileName: 'Custom.Profile', Path: '/', Roles: [{ Ref: NODE_ROLE_ID }] })
  })

  it('the node role: eksctl’s name, trusted by the partition’s EC2 principal, the four AWS managed policies', () => {
    const spec = build(withoutQueue)
    expect(spec.template.Resources[NODE_ROLE_ID]!.Properties).toEqual({
      RoleName: 'eksctl-KarpenterNodeRole-demo',
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
      ManagedPolicyArns: ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryPullOnly', 'AmazonSSMManagedInstanceCore'].map(n => ({
        'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${n}`
      })),
      Tags: [{ Key: 'Name', Value: { 'Fn::Sub': `\${AWS::StackName}/${NODE_ROLE_ID}` } }]
    })
    expect(spec.template.Mappings).toEqual({
      ServicePrincipalPartitionMap: { aws: { EC2: 'ec2.amazonaws.com' }, 'aws-cn': { EC2: 'ec2.amazonaws.com.cn' }, 'aws-us-gov': { EC2: 'ec2.amazonaws.com' } }
    })
  })

  it('puts iam.serviceRolePermissionsBoundary on the node role', () => {
    const b = 'arn:aws:iam::111122223333:policy/boundary'
    expect(build({ ...withoutQueue, serviceRolePermissionsBoundary: b }).template.Resources[NODE_ROLE_ID]!.Properties!.PermissionsBoundary).toBe(b)
  })

  it('with the queue: named after the cluster, 300 s retention, SSE-SQS, its policy and the rules targeting it', () => {
    const r = build(withQueue).template.Resources
    expect(r[QUEUE_ID]).toEqual({
      Type: 'AWS::SQS::Queue',
      Properties: {
        QueueName: 'demo',
        MessageRetentionPeriod: 300,
        SqsManagedSseEnabled: true,
        Tags: [{ Key: 'Name', Value: { 'Fn::Sub': `\${AWS::StackName}/${QUEUE_ID}` } }]
      }
    })
    const queueArn = { 'Fn::GetAtt': [QUEUE_ID, 'Arn'] }
    expect(r[QUEUE_POLICY_ID]).toEqual({
      Type: 'AWS::SQS::QueuePolicy',
      Properties: {
        Queues: [{ Ref: QUEUE_ID }],
        PolicyDocument: {
          Id: 'EC2InterruptionPolicy',
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] }, Action: 'sqs:SendMessage', Resource: queueArn },
            { Sid: 'DenyHTTP', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: queueArn, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }
          ]
        }
      }
    })
    const rules = Object.entries(r).filter(([, x]) => x.Type === 'AWS::Events::Rule')
    expect(Object.fromEntries(rules.map(([id, x]) => [id, x.Properties]))).toEqual({
      ScheduledChangeRule: { EventPattern: { source: ['aws.health'], 'detail-type': ['AWS Health Event'] }, Targets: [{ Id: 'KarpenterInterruptionQueueTarget', Arn: queueArn }] },
      SpotInterruptionRule: {
        EventPattern: { source: ['aws.ec2'], 'detail-type': ['EC2 Spot Instance Interruption Warning'] },
        Targets: [{ Id: 'KarpenterInterruptionQueueTarget', Arn: queueArn }]
      },
      RebalanceRule: {
        EventPattern: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance Rebalance Recommendation'] },
        Targets: [{ Id: 'KarpenterInterruptionQueueTarget', Arn: queueArn }]
      },
      InstanceStateChangeRule: {
        EventPattern: { source: ['aws.ec2'], 'detail-type': ['EC2 Instance State-change Notification'] },
        Targets: [{ Id: 'KarpenterInterruptionQueueTarget', Arn: queueArn }]
      }
    })
    expect(r[INSTANCE_PROFILE_ID]!.Properties!.InstanceProfileName).toBe('eksctl-KarpenterNodeInstanceProfile-demo')
  })

  it('follows the version: no DenyHTTP before 1.0, the capacity-reservation rule from 1.10', () => {
    const old = build(withQueue, '0.37.0').template.Resources
    expect(((old[QUEUE_POLICY_ID]!.Properties!.PolicyDocument as { Statement: { Sid?: string }[] }).Statement).map(s => s.Sid)).toEqual([undefined])
    const ruleIds = (v: string) => Object.entries(build(withQueue, v).template.Resources).filter(([, x]) => x.Type === 'AWS::Events::Rule').map(([id]) => id)
    expect(ruleIds('1.9.0')).not.toContain('CapacityReservationInterruptionRule')
    expect(ruleIds('1.10.0')).toContain('CapacityReservationInterruptionRule')
  })

  it('is eksctl’s karpenter stack: its name, description, and tags naming it and the Karpenter version', () => {
    const spec = build(withQueue, 'v0.34.0')
    expect(spec.name).toBe('eksctl-demo-karpenter')
    expect(spec.template.Description).toBe('Karpenter Stack [created and managed by karpenter-provision, eksctl-compatible]')
    expect(spec.template.AWSTemplateFormatVersion).toBe('2010-09-09')
    expect(spec.tags).toEqual({
      team: 'platform',
      'alpha.eksctl.io/cluster-name': 'demo',
      'eksctl.cluster.k8s.io/v1alpha1/cluster-name': 'demo',
      'alpha.eksctl.io/karpenter-name': 'eksctl-demo-karpenter',
      'alpha.eksctl.io/karpenter-version': '0.34.0'
    })
    expect(spec.capabilities).toEqual(['CAPABILITY_NAMED_IAM'])
    expect(spec.terminationProtection).toBe(true)
  })
})
