import { describe, it, expect } from '@jest/globals'
import {
  controllerPolicyParts,
  nodeRoleManagedPolicies,
  POLICY_PART_ORDER,
  type CfnValue,
  type PolicyPart,
  type PolicyStatement
} from '../../../../src/core/karpenter/policy.js'
import { parseVersion, type SemVer } from '../../../../src/core/karpenter/version.js'

const p = (s: string): SemVer => parseVersion(s) as SemVer
const NODE_ROLE: CfnValue = { 'Fn::GetAtt': ['KarpenterNodeRole', 'Arn'] }
const QUEUE: CfnValue = { 'Fn::GetAtt': ['KarpenterInterruptionQueue', 'Arn'] }
const C = 'prod-east'

const parts = (ver: string, queue = true): PolicyPart[] =>
  controllerPolicyParts(p(ver), { clusterName: C, nodeRoleArn: NODE_ROLE, interruptionQueueArn: queue ? QUEUE : undefined })
const statements = (ver: string, queue = true): PolicyStatement[] => parts(ver, queue).flatMap((x) => x.statements)
const sid = (ver: string, s: string): PolicyStatement | undefined => statements(ver).find((x) => x.Sid === s)
const actions = (ver: string): string[] => statements(ver).flatMap((x) => x.Action)
const resources = (st: PolicyStatement): CfnValue[] => (Array.isArray(st.Resource) ? st.Resource : [st.Resource])
const subs = (st: PolicyStatement): string[] => resources(st).map((r) => (typeof r === 'object' && 'Fn::Sub' in r ? r['Fn::Sub'] : JSON.stringify(r)))

// One version per policy band the template history defines, plus boundaries and an unknown future one.
const BANDS = ['0.28.0', '0.31.5', '0.32.0', '0.32.10', '0.33.0', '0.34.0', '0.35.12', '0.36.0', '0.37.8', '1.0.0-rc.1', '1.0.0', '1.0.14', '1.1.0', '1.2.1', '1.3.0', '1.4.0', '1.6.2', '1.7.0', '1.8.6', '1.9.0', '1.10.0', '1.11.0', '1.12.0', '1.13.0', '1.14.1', '1.99.0']

// Read-only statements upstream also leaves on "*": regional reads (region-conditioned), pricing (global API),
// ListInstanceProfiles (cannot be scoped), zonal shift (conditioned on the cluster ARN), and 1.12's DescribeInstanceStatus.
const STAR_ALLOWED = new Set(['AllowRegionalReadActions', 'AllowPricingReadActions', 'AllowUnscopedInstanceProfileListAction', 'AllowZonalShiftStatusReadOnly', 'AllowUnscopedEC2DescribeInstanceStatus'])
const READ_ONLY = /^(ec2:Describe|pricing:Get|iam:List|iam:Get|arc-zonal-shift:Get|ssm:Get)/

describe.each(BANDS)('controller policy %s: invariants', (ver) => {
  it('has unique Sids (any packing of parts is a valid policy)', () => {
    const sids = statements(ver).map((s) => s.Sid)
    expect(new Set(sids).size).toBe(sids.length)
    for (const s of sids) expect(s).toMatch(/^[A-Za-z0-9]+$/)
  })
  it('scopes every write by resource; "*" only on read-only statements', () => {
    for (const st of statements(ver)) {
      if (resources(st).includes('*')) {
        expect(STAR_ALLOWED.has(st.Sid)).toBe(true)
        for (const a of st.Action) expect(a).toMatch(READ_ONLY)
      }
    }
  })
  it('allows only, in upstream part order, deterministically', () => {
    expect(statements(ver).every((s) => s.Effect === 'Allow')).toBe(true)
    const order = parts(ver).map((x) => x.part)
    expect(order).toEqual(POLICY_PART_ORDER.filter((x) => order.includes(x)))
    expect(JSON.stringify(parts(ver))).toBe(JSON.stringify(parts(ver)))
  })
  it('uses the literal cluster name in condition keys and passes only the node role', () => {
    const keys = statements(ver).flatMap((s) => Object.values(s.Condition ?? {}).flatMap((kv) => Object.keys(kv)))
    expect(keys).toContain(`aws:RequestTag/kubernetes.io/cluster/${C}`)
    expect(keys.some((k) => k.includes('${'))).toBe(false)
    const passRole = statements(ver).filter((s) => s.Action.includes('iam:PassRole'))
    expect(passRole).toHaveLength(1)
    expect(passRole[0]?.Resource).toEqual(NODE_ROLE)
  })
  it('has an Interruption part only with a queue', () => {
    expect(parts(ver, false).map((x) => x.part)).not.toContain('Interruption')
    expect(actions(ver)).toContain('sqs:ReceiveMessage')
    expect(statements(ver, false).flatMap((s) => s.Action).some((a) => a.startsWith('sqs:'))).toBe(false)
  })
})

describe('controller policy by band', () => {
  const has = (ver: string, action: string): boolean => actions(ver).includes(action)

  it('≤0.31 is the v1alpha5 policy: provisioner-name tags, machine migration, GetQueueAttributes, no instance profiles', () => {
    for (const ver of ['0.28.0', '0.31.5']) {
      const sids = statements(ver).map((s) => s.Sid)
      expect(sids).toEqual([
        'AllowScopedEC2InstanceActions', 'AllowScopedEC2InstanceActionsWithTags', 'AllowScopedResourceCreationTagging', 'AllowMachineMigrationTagging', 'AllowScopedDeletion',
        'AllowPassingInstanceRole', 'AllowAPIServerEndpointDiscovery', 'AllowInterruptionQueueActions',
        'AllowRegionalReadActions', 'AllowSSMReadActions', 'AllowPricingReadActions'
      ])
      expect(sid(ver, 'AllowScopedEC2InstanceActionsWithTags')?.Condition?.['StringLike']).toEqual({ 'aws:RequestTag/karpenter.sh/provisioner-name': '*' })
      expect(has(ver, 'sqs:GetQueueAttributes')).toBe(true)
      expect(has(ver, 'iam:CreateInstanceProfile')).toBe(false)
      expect(has(ver, 'ec2:DescribeAvailabilityZones')).toBe(true)
    }
  })

  it('0.32 has v1beta1 (nodepool) statements and keeps the v1alpha5 ones during the migration', () => {
    const st = statements('0.32.5')
    expect(sid('0.32.5', 'AllowScopedEC2InstanceActionsWithTags')?.Condition?.['StringLike']).toEqual({ 'aws:RequestTag/karpenter.sh/nodepool': '*' })
    expect(sid('0.32.5', 'AllowScopedEC2InstanceActionsWithTagsV1Alpha5')?.Condition?.['StringLike']).toEqual({ 'aws:RequestTag/karpenter.sh/provisioner-name': '*' })
    expect(st.map((s) => s.Sid)).toEqual(expect.arrayContaining(['AllowScopedResourceTagging', 'AllowMachineMigrationTaggingV1Alpha5', 'AllowScopedInstanceProfileCreationActions', 'AllowInstanceProfileReadActions']))
    expect(sid('0.32.5', 'AllowScopedEC2InstanceActions') && subs(sid('0.32.5', 'AllowScopedEC2InstanceActions') as PolicyStatement).some((r) => r.includes('spot-instances-request'))).toBe(true)
    expect(has('0.32.5', 'sqs:GetQueueAttributes')).toBe(true)
    // v1alpha5 statements are gone from 0.33
    expect(statements('0.33.0').some((s) => s.Sid.endsWith('V1Alpha5'))).toBe(false)
  })

  it('0.33 moves spot-instances-request under tag scoping and drops GetQueueAttributes', () => {
    const open = subs(sid('0.33.0', 'AllowScopedEC2InstanceActions') as PolicyStatement)
    expect(open.some((r) => r.includes('spot-instances-request'))).toBe(false)
    expect(subs(sid('0.33.0', 'AllowScopedResourceCreationTagging') as PolicyStatement).some((r) => r.includes('spot-instances-request'))).toBe(true)
    expect(has('0.33.0', 'sqs:GetQueueAttributes')).toBe(false)
    expect(sid('0.33.0', 'AllowInterruptionQueueActions')?.Action).toEqual(['sqs:DeleteMessage', 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'])
  })

  it('0.34 splits launch-template access into a ResourceTag-scoped statement', () => {
    expect(sid('0.33.12', 'AllowScopedEC2LaunchTemplateAccessActions')).toBeUndefined()
    expect(sid('0.34.0', 'AllowScopedEC2InstanceActions')).toBeUndefined()
    const lt = sid('0.34.0', 'AllowScopedEC2LaunchTemplateAccessActions') as PolicyStatement
    expect(subs(lt)).toEqual(['arn:${AWS::Partition}:ec2:${AWS::Region}:*:launch-template/*'])
    expect(lt.Condition).toEqual({ StringEquals: { [`aws:ResourceTag/kubernetes.io/cluster/${C}`]: 'owned' }, StringLike: { 'aws:ResourceTag/karpenter.sh/nodepool': '*' } })
    expect(subs(sid('0.34.0', 'AllowScopedEC2InstanceAccessActions') as PolicyStatement).some((r) => r.includes('launch-template'))).toBe(false)
  })

  it('scopes instance-profile statements to instance-profile ARNs on every version that has them', () => {
    for (const ver of ['0.32.0', '0.36.0', '1.0.0', '1.14.1']) {
      for (const s of ['AllowScopedInstanceProfileCreationActions', 'AllowScopedInstanceProfileTagActions', 'AllowScopedInstanceProfileActions', 'AllowInstanceProfileReadActions']) {
        expect(subs(sid(ver, s) as PolicyStatement)).toEqual(['arn:${AWS::Partition}:iam::${AWS::AccountId}:instance-profile/*'])
      }
    }
  })

  it('1.0 adds eks:eks-cluster-name conditions (not before)', () => {
    const eksKeyCount = (ver: string): number =>
      statements(ver).flatMap((s) => Object.values(s.Condition ?? {}).flatMap((kv) => Object.entries(kv))).filter(([k, v]) => k === 'aws:RequestTag/eks:eks-cluster-name' && v === C).length
    expect(eksKeyCount('0.37.8')).toBe(0)
    expect(eksKeyCount('1.0.0')).toBe(5) // WithTags, CreationTagging, ResourceTagging (IfExists), profile creation, profile tagging
    expect(eksKeyCount('1.0.0-rc.1')).toBe(5)
    expect(sid('1.0.0', 'AllowScopedResourceTagging')?.Condition?.['ForAllValues:StringEquals']).toEqual({ 'aws:TagKeys': ['eks:eks-cluster-name', 'karpenter.sh/nodeclaim', 'Name'] })
    expect(sid('0.37.8', 'AllowScopedResourceTagging')?.Condition?.['ForAllValues:StringEquals']).toEqual({ 'aws:TagKeys': ['karpenter.sh/nodeclaim', 'Name'] })
  })

  it('1.1 drops DescribeAvailabilityZones', () => {
    expect(has('1.0.14', 'ec2:DescribeAvailabilityZones')).toBe(true)
    expect(has('1.1.0', 'ec2:DescribeAvailabilityZones')).toBe(false)
  })

  // aws-cn's EC2 service principal is ec2.amazonaws.com.cn; upstream's v0.32-v1.0 docs templates were fixed to
  // list both (karpenter-provider-aws #6839), as every template from 1.1 does.
  it.each(['0.32.10', '0.37.8', '1.0.14', '1.1.0', '1.2.1'])('%s passes the node role to ec2.amazonaws.com and ec2.amazonaws.com.cn', (v) => {
    expect(sid(v, 'AllowPassingInstanceRole')?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'] } })
  })

  it('≤0.31 keeps its own template\'s condition (#6839 changed the v0.32-v1.0 templates)', () => {
    expect(sid('0.31.4', 'AllowPassingInstanceRole')?.Condition).toEqual({ StringEquals: { 'iam:PassedToService': 'ec2.amazonaws.com' } })
  })

  it('1.3+ has DescribeCapacityReservations and capacity-reservation/* (in …WithTags only until 1.9)', () => {
    expect(has('1.2.1', 'ec2:DescribeCapacityReservations')).toBe(false)
    expect(has('1.3.0', 'ec2:DescribeCapacityReservations')).toBe(true)
    const cr = (ver: string, s: string): boolean => subs(sid(ver, s) as PolicyStatement).some((r) => r.includes('capacity-reservation'))
    expect(cr('1.3.0', 'AllowScopedEC2InstanceAccessActions')).toBe(true)
    expect(cr('1.8.6', 'AllowScopedEC2InstanceActionsWithTags')).toBe(true)
    expect(cr('1.9.0', 'AllowScopedEC2InstanceActionsWithTags')).toBe(false)
    expect(cr('1.9.0', 'AllowScopedEC2InstanceAccessActions')).toBe(true)
  })

  it('1.7+ has ListInstanceProfiles', () => {
    expect(has('1.6.2', 'iam:ListInstanceProfiles')).toBe(false)
    expect(has('1.7.0', 'iam:ListInstanceProfiles')).toBe(true)
  })

  it('1.11+ has DescribePlacementGroups and placement-group/*', () => {
    expect(has('1.10.0', 'ec2:DescribePlacementGroups')).toBe(false)
    expect(has('1.11.0', 'ec2:DescribePlacementGroups')).toBe(true)
    expect(subs(sid('1.11.0', 'AllowScopedEC2InstanceAccessActions') as PolicyStatement)).toContain('arn:${AWS::Partition}:ec2:${AWS::Region}:*:placement-group/*')
  })

  it('1.12+ has DescribeInstanceStatus: a separate statement on 1.12, region-scoped from 1.13', () => {
    expect(has('1.11.0', 'ec2:DescribeInstanceStatus')).toBe(false)
    expect(sid('1.12.0', 'AllowUnscopedEC2DescribeInstanceStatus')?.Action).toEqual(['ec2:DescribeInstanceStatus'])
    expect(sid('1.12.0', 'AllowRegionalReadActions')?.Action).not.toContain('ec2:DescribeInstanceStatus')
    expect(sid('1.13.0', 'AllowUnscopedEC2DescribeInstanceStatus')).toBeUndefined()
    expect(sid('1.13.0', 'AllowRegionalReadActions')?.Action).toContain('ec2:DescribeInstanceStatus')
  })

  it('ZonalShift exists from 1.12, in the fixed 1.13 form for 1.12 too', () => {
    expect(parts('1.11.0').map((x) => x.part)).not.toContain('ZonalShift')
    for (const ver of ['1.12.0', '1.13.0', '1.99.0']) {
      const zs = parts(ver).find((x) => x.part === 'ZonalShift')
      expect(zs?.statements).toEqual([
        {
          Sid: 'AllowZonalShiftStatusReadOnly',
          Effect: 'Allow',
          Action: ['arc-zonal-shift:GetManagedResource'],
          Resource: '*',
          Condition: { StringEquals: { 'arc-zonal-shift:ResourceIdentifier': { 'Fn::Sub': `arn:\${AWS::Partition}:eks:\${AWS::Region}:\${AWS::AccountId}:cluster/${C}` } } }
        }
      ])
    }
  })

  it('the newest band (1.13+) is the full current statement set, used for unknown future versions', () => {
    expect(statements('1.14.1').map((s) => s.Sid)).toEqual([
      'AllowScopedEC2InstanceAccessActions', 'AllowScopedEC2LaunchTemplateAccessActions', 'AllowScopedEC2InstanceActionsWithTags', 'AllowScopedResourceCreationTagging', 'AllowScopedResourceTagging', 'AllowScopedDeletion',
      'AllowPassingInstanceRole', 'AllowScopedInstanceProfileCreationActions', 'AllowScopedInstanceProfileTagActions', 'AllowScopedInstanceProfileActions',
      'AllowAPIServerEndpointDiscovery',
      'AllowInterruptionQueueActions',
      'AllowZonalShiftStatusReadOnly',
      'AllowRegionalReadActions', 'AllowSSMReadActions', 'AllowPricingReadActions', 'AllowUnscopedInstanceProfileListAction', 'AllowInstanceProfileReadActions'
    ])
    expect(sid('1.14.1', 'AllowRegionalReadActions')?.Action).toEqual([
      'ec2:DescribeCapacityReservations', 'ec2:DescribeImages', 'ec2:DescribeInstances', 'ec2:DescribeInstanceStatus', 'ec2:DescribeInstanceTypeOfferings', 'ec2:DescribeInstanceTypes',
      'ec2:DescribeLaunchTemplates', 'ec2:DescribePlacementGroups', 'ec2:DescribeSecurityGroups', 'ec2:DescribeSpotPriceHistory', 'ec2:DescribeSubnets'
    ])
    expect(sid('1.14.1', 'AllowRegionalReadActions')?.Condition).toEqual({ StringEquals: { 'aws:RequestedRegion': { Ref: 'AWS::Region' } } })
    expect(JSON.stringify(parts('1.99.0'))).toBe(JSON.stringify(parts('1.14.1')))
  })

  it('classifies statements into upstream parts for every version', () => {
    const partOf = (ver: string, s: string): string | undefined => parts(ver).find((x) => x.statements.some((st) => st.Sid === s))?.part
    for (const ver of ['0.31.5', '0.37.8', '1.8.6', '1.14.1']) {
      expect(partOf(ver, 'AllowScopedDeletion')).toBe('NodeLifecycle')
      expect(partOf(ver, 'AllowPassingInstanceRole')).toBe('IAMIntegration')
      expect(partOf(ver, 'AllowAPIServerEndpointDiscovery')).toBe('EKSIntegration')
      expect(partOf(ver, 'AllowInterruptionQueueActions')).toBe('Interruption')
      expect(partOf(ver, 'AllowSSMReadActions')).toBe('ResourceDiscovery')
    }
    expect(partOf('0.31.5', 'AllowMachineMigrationTagging')).toBe('NodeLifecycle')
    expect(partOf('0.37.8', 'AllowInstanceProfileReadActions')).toBe('ResourceDiscovery')
    expect(partOf('0.37.8', 'AllowScopedInstanceProfileActions')).toBe('IAMIntegration')
  })

  it('uses CloudFormation pseudo parameters for ARNs and the queue ARN given', () => {
    expect(subs(sid('1.14.1', 'AllowScopedEC2InstanceAccessActions') as PolicyStatement)[0]).toBe('arn:${AWS::Partition}:ec2:${AWS::Region}::image/*')
    expect(sid('1.14.1', 'AllowAPIServerEndpointDiscovery')?.Resource).toEqual({ 'Fn::Sub': `arn:\${AWS::Partition}:eks:\${AWS::Region}:\${AWS::AccountId}:cluster/${C}` })
    expect(sid('1.14.1', 'AllowInterruptionQueueActions')?.Resource).toEqual(QUEUE)
    expect(sid('1.14.1', 'AllowSSMReadActions')?.Resource).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}::parameter/aws/service/*' })
  })
})

describe('nodeRoleManagedPolicies', () => {
  it('lists the four AWS managed policies, PullOnly for ECR', () => {
    expect(nodeRoleManagedPolicies()).toEqual(['AmazonEKSWorkerNodePolicy', 'AmazonEKS_CNI_Policy', 'AmazonEC2ContainerRegistryPullOnly', 'AmazonSSMManagedInstanceCore'])
  })
})
