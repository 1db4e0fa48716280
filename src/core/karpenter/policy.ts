// The Karpenter controller's IAM permissions for one Karpenter version, statement for statement as in
// Karpenter's own getting-started CloudFormation at that version's git tag
// (website/content/en/preview/getting-started/getting-started-with-karpenter/cloudformation.yaml), NOT eksctl's
// unscoped 29-action list. Statements are classified into the parts upstream uses since 1.9 (even for older
// versions) so the caller can pack them into ≤ 6,144-character managed policies.
//
// Template history (checked against the tags; every patch of a minor carries the same template):
//   ≤0.31   single policy, v1alpha5 tags (karpenter.sh/provisioner-name), AllowMachineMigrationTagging,
//           sqs:GetQueueAttributes, ec2:DescribeAvailabilityZones. (0.28's own template was still unscoped
//           Resource "*"; scoping arrived in 0.29. 0.28 already stamps the same restricted tags on what it creates
//           — kubernetes.io/cluster/<c>=owned, karpenter.sh/provisioner-name, karpenter.sh/managed-by — so the
//           0.31 form works for 0.28 and we use it rather than "*".)
//   0.32    v1beta1: nodepool tags, AllowScopedResourceTagging, instance-profile statements.
//   0.33    spot-instances-request moves to the tag-scoped statements; sqs:GetQueueAttributes dropped.
//   0.34    launch-template access split into a ResourceTag-scoped statement.
//   0.36    PassRole on the node role's ARN (we always use the caller's node role ARN: our role name differs).
//   1.0     eks:eks-cluster-name conditions; instance-profile ARN scoping.
//   1.1     DescribeAvailabilityZones dropped; PassedToService adds ec2.amazonaws.com.cn (aws-cn's EC2 principal).
//           Upstream fixed the v0.32–v1.0 templates the same way later (karpenter-provider-aws #6839), so ≥0.32 lists both.
//   1.3     capacity-reservation/* and DescribeCapacityReservations.   1.7  iam:ListInstanceProfiles.
//   1.9     split into 5 policies; capacity-reservation/* leaves the …WithTags statement.
//   1.11    placement-group/* and DescribePlacementGroups.
//   1.12    ZonalShift policy; separate AllowUnscopedEC2DescribeInstanceStatus on "*".
//   1.13+   zonal shift fixed (Resource "*" + arc-zonal-shift:ResourceIdentifier); DescribeInstanceStatus folded
//           into the region-scoped read statement.
import { atLeastMinor, type SemVer } from './version.js'

export type CfnValue = string | { 'Fn::Sub': string } | { 'Fn::GetAtt': [string, string] } | { Ref: string }

/**
 * Condition values may be CloudFormation intrinsics too (the region in `aws:RequestedRegion`, the cluster ARN in
 * `arc-zonal-shift:ResourceIdentifier`): CloudFormation resolves intrinsics in policy-document values, so the
 * document can stay a native object. Condition KEYS are always plain strings (the cluster name is literal).
 */
export type ConditionValue = CfnValue | CfnValue[]

export interface PolicyStatement {
  Sid: string
  Effect: 'Allow' | 'Deny'
  Action: string[]
  Resource: CfnValue | CfnValue[]
  Condition?: Record<string, Record<string, ConditionValue>>
}

export type PolicyPartName =
  | 'NodeLifecycle'
  | 'IAMIntegration'
  | 'EKSIntegration'
  | 'Interruption'
  | 'ZonalShift'
  | 'ResourceDiscovery'

export interface PolicyPart {
  part: PolicyPartName
  statements: PolicyStatement[]
}

export interface ControllerPolicyParams {
  clusterName: string
  nodeRoleArn: CfnValue
  /** Only when the interruption queue exists; without it there is no Interruption part. */
  interruptionQueueArn?: CfnValue
}

/** Part order, as upstream's template lists the policies (1.12+). */
export const POLICY_PART_ORDER: readonly PolicyPartName[] = [
  'NodeLifecycle',
  'IAMIntegration',
  'EKSIntegration',
  'Interruption',
  'ZonalShift',
  'ResourceDiscovery'
]

const sub = (s: string): CfnValue => ({ 'Fn::Sub': s })
const REGION: CfnValue = { Ref: 'AWS::Region' }
// image and snapshot ARNs have no account; everything else is any account ('*') in the stack's region.
const ec2Global = (type: string): CfnValue => sub(`arn:\${AWS::Partition}:ec2:\${AWS::Region}::${type}/*`)
const ec2 = (type: string): CfnValue => sub(`arn:\${AWS::Partition}:ec2:\${AWS::Region}:*:${type}/*`)
const INSTANCE_PROFILES: CfnValue = sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:instance-profile/*')
const clusterArn = (c: string): CfnValue => sub(`arn:\${AWS::Partition}:eks:\${AWS::Region}:\${AWS::AccountId}:cluster/${c}`)

const when = <T>(cond: boolean, ...items: T[]): T[] => (cond ? items : [])

/** What differs between versions, derived once so the statement builders read like the template. */
interface Era {
  /** v1alpha5 tag key scoping ec2 resources (≤0.31) vs v1beta1+ */
  poolTag: 'karpenter.sh/provisioner-name' | 'karpenter.sh/nodepool'
  beta: boolean // ≥0.32
  v033: boolean
  v034: boolean
  v1: boolean // ≥1.0: eks:eks-cluster-name conditions
  v1_1: boolean
  v1_3: boolean
  v1_7: boolean
  v1_9: boolean
  v1_11: boolean
  v1_12: boolean
  v1_13: boolean
}

function eraOf(v: SemVer): Era {
  const at = (major: number, minor: number): boolean => atLeastMinor(v, major, minor)
  return {
    poolTag: at(0, 32) ? 'karpenter.sh/nodepool' : 'karpenter.sh/provisioner-name',
    beta: at(0, 32),
    v033: at(0, 33),
    v034: at(0, 34),
    v1: at(1, 0),
    v1_1: at(1, 1),
    v1_3: at(1, 3),
    v1_7: at(1, 7),
    v1_9: at(1, 9),
    v1_11: at(1, 11),
    v1_12: at(1, 12),
    v1_13: at(1, 13)
  }
}

function nodeLifecycle(e: Era, c: string, alphaSuffix = ''): PolicyStatement[] {
  const owned = { [`aws:RequestTag/kubernetes.io/cluster/${c}`]: 'owned' }
  const eksName: Record<string, ConditionValue> = e.v1 ? { 'aws:RequestTag/eks:eks-cluster-name': c } : {}
  const resourceOwned = {
    StringEquals: { [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: 'owned' },
    StringLike: { [`aws:ResourceTag/${e.poolTag}`]: '*' }
  }
  const taggedTypes = [
    ec2('fleet'),
    ec2('instance'),
    ec2('volume'),
    ec2('network-interface'),
    ec2('launch-template'),
    ...when(e.v033, ec2('spot-instances-request'))
  ]
  const out: PolicyStatement[] = []
  if (!alphaSuffix) {
    if (e.v034) {
      out.push({
        Sid: 'AllowScopedEC2InstanceAccessActions',
        Effect: 'Allow',
        Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
        Resource: [
          ec2Global('image'),
          ec2Global('snapshot'),
          ec2('security-group'),
          ec2('subnet'),
          ...when(e.v1_3, ec2('capacity-reservation')),
          ...when(e.v1_11, ec2('placement-group'))
        ]
      })
      out.push({
        Sid: 'AllowScopedEC2LaunchTemplateAccessActions',
        Effect: 'Allow',
        Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
        Resource: ec2('launch-template'),
        Condition: resourceOwned
      })
    } else {
      out.push({
        Sid: 'AllowScopedEC2InstanceActions',
        Effect: 'Allow',
        Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
        Resource: [
          ec2Global('image'),
          ec2Global('snapshot'),
          ...when(!e.v033, ec2('spot-instances-request')),
          ec2('security-group'),
          ec2('subnet'),
          ec2('launch-template')
        ]
      })
    }
  }
  out.push({
    Sid: `AllowScopedEC2InstanceActionsWithTags${alphaSuffix}`,
    Effect: 'Allow',
    Action: ['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'],
    // 1.3–1.8 also listed capacity-reservation here; the 1.9 split dropped it (AccessActions covers it).
    Resource: [...taggedTypes, ...when(e.v1_3 && !e.v1_9, ec2('capacity-reservation'))],
    Condition: {
      StringEquals: { ...owned, ...eksName },
      StringLike: { [`aws:RequestTag/${e.poolTag}`]: '*' }
    }
  })
  out.push({
    Sid: `AllowScopedResourceCreationTagging${alphaSuffix}`,
    Effect: 'Allow',
    Action: ['ec2:CreateTags'],
    Resource: taggedTypes,
    Condition: {
      StringEquals: { ...owned, ...eksName, 'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'] },
      StringLike: { [`aws:RequestTag/${e.poolTag}`]: '*' }
    }
  })
  if (e.poolTag === 'karpenter.sh/provisioner-name') {
    out.push({
      Sid: `AllowMachineMigrationTagging${alphaSuffix}`,
      Effect: 'Allow',
      Action: ['ec2:CreateTags'],
      Resource: ec2('instance'),
      Condition: {
        StringEquals: {
          [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: 'owned',
          'aws:RequestTag/karpenter.sh/managed-by': c
        },
        StringLike: { 'aws:RequestTag/karpenter.sh/provisioner-name': '*' },
        'ForAllValues:StringEquals': { 'aws:TagKeys': ['karpenter.sh/provisioner-name', 'karpenter.sh/managed-by'] }
      }
    })
  } else {
    out.push({
      Sid: 'AllowScopedResourceTagging',
      Effect: 'Allow',
      Action: ['ec2:CreateTags'],
      Resource: ec2('instance'),
      Condition: {
        ...resourceOwned,
        ...(e.v1 ? { StringEqualsIfExists: { 'aws:RequestTag/eks:eks-cluster-name': c } } : {}),
        'ForAllValues:StringEquals': {
          'aws:TagKeys': [...when(e.v1, 'eks:eks-cluster-name'), 'karpenter.sh/nodeclaim', 'Name']
        }
      }
    })
  }
  out.push({
    Sid: `AllowScopedDeletion${alphaSuffix}`,
    Effect: 'Allow',
    Action: ['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'],
    Resource: [ec2('instance'), ec2('launch-template')],
    Condition: resourceOwned
  })
  return out
}

function iamIntegration(e: Era, c: string, nodeRoleArn: CfnValue): PolicyStatement[] {
  const out: PolicyStatement[] = [
    {
      Sid: 'AllowPassingInstanceRole',
      Effect: 'Allow',
      Action: ['iam:PassRole'],
      Resource: nodeRoleArn,
      Condition: {
        StringEquals: { 'iam:PassedToService': e.beta ? ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'] : 'ec2.amazonaws.com' }
      }
    }
  ]
  if (!e.beta) return out
  // 0.32–0.37 templates put these on Resource "*" (ABAC conditions only); 1.0 scoped them to instance profiles.
  // Upstream later backported that scoping into its v0.32 docs; the actions only ever touch instance profiles,
  // so we scope every version.
  const eksName: Record<string, ConditionValue> = e.v1 ? { 'aws:RequestTag/eks:eks-cluster-name': c } : {}
  const ownedHere = {
    [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: 'owned',
    'aws:ResourceTag/topology.kubernetes.io/region': REGION
  }
  out.push(
    {
      Sid: 'AllowScopedInstanceProfileCreationActions',
      Effect: 'Allow',
      Action: ['iam:CreateInstanceProfile'],
      Resource: INSTANCE_PROFILES,
      Condition: {
        StringEquals: {
          [`aws:RequestTag/kubernetes.io/cluster/${c}`]: 'owned',
          ...eksName,
          'aws:RequestTag/topology.kubernetes.io/region': REGION
        },
        StringLike: { 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' }
      }
    },
    {
      Sid: 'AllowScopedInstanceProfileTagActions',
      Effect: 'Allow',
      Action: ['iam:TagInstanceProfile'],
      Resource: INSTANCE_PROFILES,
      Condition: {
        StringEquals: {
          ...ownedHere,
          [`aws:RequestTag/kubernetes.io/cluster/${c}`]: 'owned',
          ...eksName,
          'aws:RequestTag/topology.kubernetes.io/region': REGION
        },
        StringLike: {
          'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*',
          'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*'
        }
      }
    },
    {
      Sid: 'AllowScopedInstanceProfileActions',
      Effect: 'Allow',
      Action: ['iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile'],
      Resource: INSTANCE_PROFILES,
      Condition: {
        StringEquals: ownedHere,
        StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*' }
      }
    }
  )
  return out
}

function eksIntegration(c: string): PolicyStatement[] {
  return [
    {
      Sid: 'AllowAPIServerEndpointDiscovery',
      Effect: 'Allow',
      Action: ['eks:DescribeCluster'],
      Resource: clusterArn(c)
    }
  ]
}

function interruption(e: Era, queueArn: CfnValue): PolicyStatement[] {
  return [
    {
      Sid: 'AllowInterruptionQueueActions',
      Effect: 'Allow',
      Action: ['sqs:DeleteMessage', ...when(!e.v033, 'sqs:GetQueueAttributes'), 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
      Resource: queueArn
    }
  ]
}

// The 1.12.0 template granted GetManagedResource on the cluster ARN, which does not work (upstream issue #9118,
// fixed by PR #9123 in 1.13.0). 1.12 gets the fixed 1.13 form.
function zonalShift(c: string): PolicyStatement[] {
  return [
    {
      Sid: 'AllowZonalShiftStatusReadOnly',
      Effect: 'Allow',
      Action: ['arc-zonal-shift:GetManagedResource'],
      Resource: '*',
      Condition: { StringEquals: { 'arc-zonal-shift:ResourceIdentifier': clusterArn(c) } }
    }
  ]
}

function resourceDiscovery(e: Era): PolicyStatement[] {
  const out: PolicyStatement[] = [
    {
      Sid: 'AllowRegionalReadActions',
      Effect: 'Allow',
      Action: [
        ...when(!e.v1_1, 'ec2:DescribeAvailabilityZones'),
        ...when(e.v1_3, 'ec2:DescribeCapacityReservations'),
        'ec2:DescribeImages',
        'ec2:DescribeInstances',
        ...when(e.v1_13, 'ec2:DescribeInstanceStatus'),
        'ec2:DescribeInstanceTypeOfferings',
        'ec2:DescribeInstanceTypes',
        'ec2:DescribeLaunchTemplates',
        ...when(e.v1_11, 'ec2:DescribePlacementGroups'),
        'ec2:DescribeSecurityGroups',
        'ec2:DescribeSpotPriceHistory',
        'ec2:DescribeSubnets'
      ],
      Resource: '*',
      Condition: { StringEquals: { 'aws:RequestedRegion': REGION } }
    },
    {
      Sid: 'AllowSSMReadActions',
      Effect: 'Allow',
      Action: ['ssm:GetParameter'],
      Resource: sub('arn:${AWS::Partition}:ssm:${AWS::Region}::parameter/aws/service/*')
    },
    { Sid: 'AllowPricingReadActions', Effect: 'Allow', Action: ['pricing:GetProducts'], Resource: '*' }
  ]
  if (e.v1_7) {
    out.push({
      Sid: 'AllowUnscopedInstanceProfileListAction',
      Effect: 'Allow',
      Action: ['iam:ListInstanceProfiles'],
      Resource: '*'
    })
  }
  if (e.beta) {
    out.push({
      Sid: 'AllowInstanceProfileReadActions',
      Effect: 'Allow',
      Action: ['iam:GetInstanceProfile'],
      Resource: INSTANCE_PROFILES
    })
  }
  // Only the 1.12 template has this separate unscoped statement; 1.13 folded the action into the regional one.
  if (e.v1_12 && !e.v1_13) {
    out.push({
      Sid: 'AllowUnscopedEC2DescribeInstanceStatus',
      Effect: 'Allow',
      Action: ['ec2:DescribeInstanceStatus'],
      Resource: '*'
    })
  }
  return out
}

/**
 * The controller's statements for Karpenter `v`, grouped by upstream part in POLICY_PART_ORDER. Parts with no
 * statements are left out (Interruption without a queue, ZonalShift before 1.12). A version newer than any known
 * gets the newest permissions. Sids are unique across all parts, so any packing of parts is a valid policy.
 */
export function controllerPolicyParts(v: SemVer, p: ControllerPolicyParams): PolicyPart[] {
  const e = eraOf(v)
  const c = p.clusterName
  const lifecycle = nodeLifecycle(e, c)
  // 0.32 serves v1alpha5 and v1beta1 side by side; its migration guide keeps the ≤0.31 policy attached next to the
  // v1beta1 one until every Provisioner is migrated. Launches for still-alpha Provisioners carry
  // karpenter.sh/provisioner-name tags, so 0.32 also gets the alpha tag-scoped statements (Sids suffixed).
  if (e.beta && !e.v033) {
    lifecycle.push(...nodeLifecycle({ ...e, poolTag: 'karpenter.sh/provisioner-name' }, c, 'V1Alpha5'))
  }
  const parts: PolicyPart[] = [
    { part: 'NodeLifecycle', statements: lifecycle },
    { part: 'IAMIntegration', statements: iamIntegration(e, c, p.nodeRoleArn) },
    { part: 'EKSIntegration', statements: eksIntegration(c) },
    { part: 'Interruption', statements: p.interruptionQueueArn !== undefined ? interruption(e, p.interruptionQueueArn) : [] },
    { part: 'ZonalShift', statements: e.v1_12 ? zonalShift(c) : [] },
    { part: 'ResourceDiscovery', statements: resourceDiscovery(e) }
  ]
  return parts.filter((x) => x.statements.length > 0)
}

/**
 * AWS managed policies for the node role (names; the caller builds `arn:${AWS::Partition}:iam::aws:policy/<name>`).
 * AmazonEC2ContainerRegistryPullOnly for every Karpenter version, like eksctl (docs/design.md, "What it creates"); upstream switched from
 * ReadOnly at 1.4 and PullOnly grants a subset of what ReadOnly did that nodes need (pull + pull-through cache).
 */
export function nodeRoleManagedPolicies(): string[] {
  return [
    'AmazonEKSWorkerNodePolicy',
    'AmazonEKS_CNI_Policy',
    'AmazonEC2ContainerRegistryPullOnly',
    'AmazonSSMManagedInstanceCore'
  ]
}
