import { describe, expect, it } from '@jest/globals'
import { buildDesiredState } from '../../../src/core/desired.js'
import { ConfigError } from '../../../src/core/config/diagnostics.js'
import { resolveIntrinsics, policySize } from '../../../src/core/templates/resolve.js'
import { IAM_MANAGED_POLICY_MAX_CHARS } from '../../../src/core/templates/policy-pack.js'
import { clusterConfig, inputs } from '../../helpers/config.js'

const resourcesOfType = (template: { Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }> }, type: string) =>
  Object.entries(template.Resources).filter(([, r]) => r.Type === type)

describe('buildDesiredState for the SPEC §2 config', () => {
  const d = buildDesiredState(clusterConfig(), inputs())
  const resources = d.karpenterStack.template.Resources

  it('derives the eksctl names', () => {
    expect(d.names).toMatchObject({
      karpenterStack: 'eksctl-cluster-with-karpenter-karpenter',
      irsaStack: 'eksctl-cluster-with-karpenter-addon-iamserviceaccount-karpenter-karpenter',
      nodeRole: 'eksctl-KarpenterNodeRole-cluster-with-karpenter',
      instanceProfile: 'KarpenterNodeInstanceProfile',
      irsaRole: 'eksctl-cluster-with-karpenter-iamservice-role',
      interruptionQueue: 'cluster-with-karpenter',
      controllerPolicies: ['eksctl-KarpenterControllerPolicy-cluster-with-karpenter']
    })
    expect(d.controllerStack.name).toBe('eksctl-cluster-with-karpenter-addon-iamserviceaccount-karpenter-karpenter')
  })

  it('builds the node role, trusted by EC2 per partition, with the four managed policies', () => {
    const role = resources.KarpenterNodeRole
    expect(role.Type).toBe('AWS::IAM::Role')
    expect(role.Properties).toMatchObject({ RoleName: 'eksctl-KarpenterNodeRole-cluster-with-karpenter' })
    expect(JSON.stringify(role.Properties!.AssumeRolePolicyDocument)).toContain('ServicePrincipalPartitionMap')
    expect(role.Properties!.ManagedPolicyArns).toEqual(
      ['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryPullOnly', 'AmazonSSMManagedInstanceCore'].map(n =>
        expect.objectContaining({ 'Fn::Sub': `arn:\${AWS::Partition}:iam::aws:policy/${n}` })
      )
    )
    expect(d.karpenterStack.template.Mappings).toEqual({
      ServicePrincipalPartitionMap: { aws: { EC2: 'ec2.amazonaws.com' }, 'aws-cn': { EC2: 'ec2.amazonaws.com.cn' }, 'aws-us-gov': { EC2: 'ec2.amazonaws.com' } }
    })
  })

  it('names the instance profile from defaultInstanceProfile', () => {
    expect(resources.KarpenterNodeInstanceProfile.Properties).toEqual({ InstanceProfileName: 'KarpenterNodeInstanceProfile', Path: '/', Roles: [{ Ref: 'KarpenterNodeRole' }] })
  })

  it('makes the queue with SSE and 300 s retention, its policy, and four rules targeting it', () => {
    expect(resources.KarpenterInterruptionQueue.Properties).toMatchObject({ QueueName: 'cluster-with-karpenter', MessageRetentionPeriod: 300, SqsManagedSseEnabled: true })
    expect(resources.KarpenterInterruptionQueuePolicy.Type).toBe('AWS::SQS::QueuePolicy')
    const rules = resourcesOfType(d.karpenterStack.template, 'AWS::Events::Rule')
    expect(rules.map(([, r]) => (r.Properties!.EventPattern as Record<string, string[]>)['detail-type'][0]).sort()).toEqual(
      ['AWS Health Event', 'EC2 Instance Rebalance Recommendation', 'EC2 Instance State-change Notification', 'EC2 Spot Instance Interruption Warning'].sort()
    )
    for (const [, r] of rules) expect(r.Properties!.Targets).toEqual([{ Id: 'KarpenterInterruptionQueueTarget', Arn: { 'Fn::GetAtt': ['KarpenterInterruptionQueue', 'Arn'] } }])
  })

  it('sets the stack up as eksctl does: named IAM, termination protection, eksctl tags plus metadata.tags', () => {
    expect(d.karpenterStack.capabilities).toEqual(['CAPABILITY_NAMED_IAM'])
    expect(d.karpenterStack.terminationProtection).toBe(true)
    expect(d.karpenterStack.tags).toEqual({
      'karpenter.sh/discovery': 'cluster-with-karpenter',
      'alpha.eksctl.io/cluster-name': 'cluster-with-karpenter',
      'eksctl.cluster.k8s.io/v1alpha1/cluster-name': 'cluster-with-karpenter',
      'alpha.eksctl.io/karpenter-name': 'eksctl-cluster-with-karpenter-karpenter',
      'alpha.eksctl.io/karpenter-version': '1.2.1'
    })
  })

  it('gives the chart settings.interruptionQueue (never interruptionQueueName), the role annotation, and the bare tag', () => {
    const settings = d.helm.values.settings as Record<string, unknown>
    expect(settings.clusterName).toBe('cluster-with-karpenter')
    expect(settings.interruptionQueue).toBe('cluster-with-karpenter')
    expect(JSON.stringify(d.helm.values)).not.toContain('interruptionQueueName')
    expect(d.helm.values.serviceAccount).toMatchObject({
      create: true,
      name: 'karpenter',
      annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::<account-id>:role/eksctl-cluster-with-karpenter-iamservice-role' }
    })
    expect(d.helm.chart).toEqual({ chart: 'oci://public.ecr.aws/karpenter/karpenter', version: '1.2.1' })
    expect(d.helm.crdChart).toEqual({ chart: 'oci://public.ecr.aws/karpenter/karpenter-crd', version: '1.2.1' })
  })

  it('builds the IRSA role trusted by the cluster OIDC provider for karpenter/karpenter only', () => {
    const withIssuer = buildDesiredState(clusterConfig(), inputs({ mode: 'apply' }), { accountId: '111122223333', oidcIssuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC123' })
    const role = withIssuer.controllerStack.template.Resources.Role1
    expect(role.Properties).toMatchObject({
      RoleName: 'eksctl-cluster-with-karpenter-iamservice-role',
      AssumeRolePolicyDocument: {
        Statement: [
          {
            Effect: 'Allow',
            Action: ['sts:AssumeRoleWithWebIdentity'],
            Principal: { Federated: { 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC123' } },
            Condition: {
              StringEquals: {
                'oidc.eks.us-west-2.amazonaws.com/id/ABC123:sub': 'system:serviceaccount:karpenter:karpenter',
                'oidc.eks.us-west-2.amazonaws.com/id/ABC123:aud': 'sts.amazonaws.com'
              }
            }
          }
        ]
      },
      ManagedPolicyArns: [{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::${AWS::AccountId}:policy/eksctl-KarpenterControllerPolicy-cluster-with-karpenter' }]
    })
    expect(withIssuer.arns.controllerRole).toBe('arn:aws:iam::111122223333:role/eksctl-cluster-with-karpenter-iamservice-role')
  })

  it('leaves the queue out entirely without withSpotInterruptionQueue', () => {
    const noQueue = buildDesiredState(clusterConfig({}, { withSpotInterruptionQueue: false }), inputs())
    expect(noQueue.names.interruptionQueue).toBeUndefined()
    expect(JSON.stringify(noQueue.karpenterStack.template)).not.toMatch(/SQS|Events::Rule|sqs:/)
    expect((noQueue.helm.values.settings as Record<string, unknown>).interruptionQueue).toBeUndefined()
  })

  it('uses the eksctl default instance profile name when none is given', () => {
    expect(buildDesiredState(clusterConfig({}, { defaultInstanceProfile: undefined }), inputs()).names.instanceProfile).toBe(
      'eksctl-KarpenterNodeInstanceProfile-cluster-with-karpenter'
    )
  })

  it('honours iam.serviceRolePermissionsBoundary on the node role', () => {
    const b = 'arn:aws:iam::111122223333:policy/boundary'
    expect(buildDesiredState(clusterConfig({ serviceRolePermissionsBoundary: b }), inputs()).karpenterStack.template.Resources.KarpenterNodeRole.Properties!.PermissionsBoundary).toBe(b)
  })

  it('uses partition-aware ARNs in China and GovCloud', () => {
    const cn = buildDesiredState(clusterConfig({ region: 'cn-north-1' }), inputs(), { accountId: '111122223333' })
    expect(cn.partition).toBe('aws-cn')
    expect(cn.arns.nodeRole).toBe('arn:aws-cn:iam::111122223333:role/eksctl-KarpenterNodeRole-cluster-with-karpenter')
    expect(buildDesiredState(clusterConfig({ region: 'us-gov-west-1' }), inputs()).partition).toBe('aws-us-gov')
  })
})

describe('version bands', () => {
  it('0.31.x uses the settings.aws.* layout', () => {
    const d = buildDesiredState(clusterConfig({ kubernetesVersion: '1.27' }, { version: '0.31.4' }), inputs())
    const aws = (d.helm.values.settings as Record<string, Record<string, unknown>>).aws
    expect(aws).toMatchObject({ clusterName: 'cluster-with-karpenter', defaultInstanceProfile: 'KarpenterNodeInstanceProfile', interruptionQueueName: 'cluster-with-karpenter' })
    expect(d.helm.chart.version).toBe('v0.31.4')
  })
  it('0.34.x gets the v-prefixed tag, 0.35 and 1.x the bare one', () => {
    expect(buildDesiredState(clusterConfig({ kubernetesVersion: '1.29' }, { version: '0.34.5' }), inputs()).helm.chart.version).toBe('v0.34.5')
    expect(buildDesiredState(clusterConfig({ kubernetesVersion: '1.29' }, { version: 'v0.35.0' }), inputs()).helm.chart.version).toBe('0.35.0')
    expect(buildDesiredState(clusterConfig(), inputs()).helm.chart.version).toBe('1.2.1')
  })
  it('adds the fifth EventBridge rule from Karpenter 1.10', () => {
    const rules = (v: string) => Object.values(buildDesiredState(clusterConfig({ kubernetesVersion: '1.33' }, { version: v }), inputs()).karpenterStack.template.Resources).filter(r => r.Type === 'AWS::Events::Rule').length
    expect(rules('1.9.0')).toBe(4)
    expect(rules('1.10.0')).toBe(5)
    expect(JSON.stringify(buildDesiredState(clusterConfig({ kubernetesVersion: '1.33' }, { version: '1.10.0' }), inputs()).karpenterStack.template)).toContain('EC2 Capacity Reservation Instance Interruption Warning')
  })
})

describe('controller policy size', () => {
  const longName = 'a-39-character-cluster-name-for-testing' // the longest that keeps the node role ≤ 64
  it.each(['0.28.1', '0.32.10', '0.37.7', '1.0.8', '1.8.0', '1.12.0', '1.14.1'])(
    'Karpenter %s: every managed policy stays under 6,144 characters for a 39-character name in GovCloud',
    version => {
      expect(longName).toHaveLength(39)
      const d = buildDesiredState(clusterConfig({ name: longName, region: 'us-gov-west-1', kubernetesVersion: '1.28' }, { version, defaultInstanceProfile: undefined }), inputs(), { accountId: '111122223333' })
      const policies = Object.values(d.karpenterStack.template.Resources).filter(r => r.Type === 'AWS::IAM::ManagedPolicy')
      expect(policies.length).toBe(d.names.controllerPolicies.length)
      expect(d.names.controllerPolicies[0]).toBe(`eksctl-KarpenterControllerPolicy-${longName}`)
      for (const p of policies) {
        const resolved = resolveIntrinsics(p.Properties!.PolicyDocument, {
          partition: 'aws-us-gov', region: 'us-gov-west-1', accountId: '111122223333', stackName: d.names.karpenterStack,
          attributes: { 'KarpenterNodeRole.Arn': d.arns.nodeRole, 'KarpenterInterruptionQueue.Arn': d.arns.interruptionQueue! }
        })
        expect(policySize(resolved)).toBeLessThanOrEqual(IAM_MANAGED_POLICY_MAX_CHARS)
      }
      // every split policy is attached to the controller role
      expect(d.controllerStack.template.Resources.Role1.Properties!.ManagedPolicyArns).toHaveLength(d.names.controllerPolicies.length)
    }
  )
})

describe('derived names that do not fit AWS', () => {
  it('refuses a 40-character cluster name: the node role would pass 64 characters', () => {
    const name = 'x'.repeat(40)
    expect(() => buildDesiredState(clusterConfig({ name }), inputs())).toThrow(ConfigError)
    try {
      buildDesiredState(clusterConfig({ name }), inputs())
    } catch (e) {
      const ds = (e as ConfigError).diagnostics
      expect(ds.map(x => x.path)).toContain('metadata.name')
      expect(ds.find(x => x.got === `eksctl-KarpenterNodeRole-${name}`)?.message).toContain('is 65 characters; AWS allows at most 64')
      expect(ds[0]).toMatchObject({ file: 'clusters/test.yaml', line: 4, col: 9 })
    }
  })
  it('refuses an underscore: CloudFormation stack names allow only letters, digits and hyphens', () => {
    expect(() => buildDesiredState(clusterConfig({ name: 'my_cluster' }), inputs())).toThrow(/CloudFormation stack name "eksctl-my_cluster-karpenter" has characters AWS does not allow/)
  })
})
