// src/core/plan/delete-policies.ts: the managed policies delete detaches from this tool's roles before DeleteStack
// (docs/design.md, "Modes"): what the desired templates attach, resolved as CloudFormation resolves them, and any
// controller policy of the cluster however it was split.
import { describe, expect, it } from '@jest/globals'
import { ownPolicyArns, ownPolicyMatcher } from '../../../../src/core/plan/delete-policies.js'
import { buildDesiredState } from '../../../../src/core/desired.js'
import { clusterConfig, inputs } from '../../../helpers/config.js'

const ACCOUNT = '111122223333'

describe('ownPolicyArns', () => {
  it('IRSA: the node role’s AWS managed policies in the partition, and the controller policies in the account', () => {
    const d = buildDesiredState(clusterConfig({ name: 'demo', region: 'cn-north-1' }), inputs(), { accountId: ACCOUNT })
    expect(ownPolicyArns(d, ACCOUNT).sort()).toEqual(
      [
        `arn:aws-cn:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-demo`,
        'arn:aws-cn:iam::aws:policy/AmazonEKSWorkerNodePolicy',
        'arn:aws-cn:iam::aws:policy/AmazonEKS_CNI_Policy',
        'arn:aws-cn:iam::aws:policy/AmazonEC2ContainerRegistryPullOnly',
        'arn:aws-cn:iam::aws:policy/AmazonSSMManagedInstanceCore'
      ].sort()
    )
  })

  it('Pod Identity: the entry’s permission policies on the stack role too, each ARN once', () => {
    const config = clusterConfig({
      name: 'demo',
      withOIDC: false,
      podIdentityAssociations: [
        { namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'], tags: {}, position: { line: 1, col: 1 } }
      ]
    })
    const arns = ownPolicyArns(buildDesiredState(config, inputs(), { accountId: ACCOUNT }), ACCOUNT)
    expect(arns).toContain('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')
    expect(arns).toContain(`arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-demo`)
    expect(new Set(arns).size).toBe(arns.length)
    expect(arns).toHaveLength(6)
  })
})

describe('ownPolicyMatcher', () => {
  const d = buildDesiredState(clusterConfig({ name: 'demo' }), inputs(), { accountId: ACCOUNT })
  const own = ownPolicyMatcher(d, ACCOUNT)

  it('matches the policies the templates attach and any split controller policy of this cluster, under any path', () => {
    expect(own('arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy')).toBe(true)
    expect(own(`arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-demo`)).toBe(true)
    expect(own(`arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerResourceDiscoveryPolicy-demo`)).toBe(true)
    expect(own(`arn:aws:iam::${ACCOUNT}:policy/some/path/eksctl-KarpenterControllerNodeLifecyclePolicy-demo`)).toBe(true)
  })

  it('leaves alone policies that are not this tool’s: another cluster’s, another account’s, the user’s', () => {
    expect(own(`arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-demo2`)).toBe(false)
    expect(own(`arn:aws:iam::999999999999:policy/eksctl-KarpenterControllerPolicy-demo`)).toBe(false)
    expect(own('arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess')).toBe(false)
    expect(own(`arn:aws:iam::${ACCOUNT}:policy/team-policy`)).toBe(false)
  })
})
