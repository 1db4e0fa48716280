// src/core/plan/pod-identity-state.ts: which controller stack a run deploys, and which policies and role the Pod
// Identity association ends up with (docs/design.md, "Controller identity": the adopted role, the entry's roleARN,
// else the Pod Identity stack's role).
import { describe, expect, it } from '@jest/globals'
import { controllerStackInUse, podIdentityRoleNote, podIdentityRolePolicies, stacksInUse } from '../../../../src/core/plan/pod-identity-state.js'
import { buildDesiredState } from '../../../../src/core/desired.js'
import type { ClusterConfig } from '../../../../src/core/config/types.js'
import { clusterConfig, inputs } from '../../../helpers/config.js'

const ACCOUNT = '111122223333'
const entry = (extra: Partial<ClusterConfig['podIdentityAssociations'][number]> = {}): Partial<ClusterConfig> => ({
  withOIDC: false,
  podIdentityAssociations: [{ namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: [], tags: {}, position: { line: 9, col: 7 }, ...extra }]
})
const irsa = buildDesiredState(clusterConfig({ name: 'demo' }), inputs(), { accountId: ACCOUNT })
const stackRole = buildDesiredState(clusterConfig({ name: 'demo', ...entry() }), inputs(), { accountId: ACCOUNT })
const givenRole = buildDesiredState(
  clusterConfig({ name: 'demo', ...entry({ roleARN: `arn:aws:iam::${ACCOUNT}:role/team/mine`, permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] }) }),
  inputs(),
  { accountId: ACCOUNT }
)
const adopted = buildDesiredState(clusterConfig({ name: 'demo', ...entry() }), inputs(), { accountId: ACCOUNT, podIdentityRoleArn: `arn:aws:iam::${ACCOUNT}:role/old-role` })
const adoptedStackRole = buildDesiredState(clusterConfig({ name: 'demo', ...entry() }), inputs(), { accountId: ACCOUNT, podIdentityRoleArn: `arn:aws:iam::${ACCOUNT}:role/demo-karpenter` })

describe('controllerStackInUse / stacksInUse', () => {
  it('IRSA deploys both stacks, the Karpenter stack first', () => {
    expect(controllerStackInUse(irsa)).toBe(true)
    expect(stacksInUse(irsa).map(s => s.name)).toEqual(['eksctl-demo-karpenter', 'eksctl-demo-addon-iamserviceaccount-karpenter-karpenter'])
  })

  it('Pod Identity deploys its stack only for the stack’s own role (also when an association already uses that role)', () => {
    expect(stacksInUse(stackRole).map(s => s.name)).toEqual(['eksctl-demo-karpenter', 'eksctl-demo-podidentityrole-karpenter-karpenter'])
    expect(controllerStackInUse(adoptedStackRole)).toBe(true)
    expect(controllerStackInUse(givenRole)).toBe(false)
    expect(controllerStackInUse(adopted)).toBe(false)
    expect(stacksInUse(givenRole).map(s => s.name)).toEqual(['eksctl-demo-karpenter'])
  })

  it('a Pod Identity spec without a roleSource is the stack’s', () => {
    const { roleSource: _ignored, ...withoutSource } = stackRole.podIdentity!
    expect(controllerStackInUse({ ...stackRole, podIdentity: withoutSource })).toBe(true)
  })
})

describe('podIdentityRolePolicies', () => {
  it('the controller policies, then the entry’s permission policies, each once', () => {
    expect(podIdentityRolePolicies(givenRole)).toEqual([`arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-demo`, 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'])
    const twice = { ...givenRole, podIdentity: { ...givenRole.podIdentity!, permissionPolicyArns: [givenRole.arns.controllerPolicies[0]!] } }
    expect(podIdentityRolePolicies(twice)).toEqual([`arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-demo`])
    expect(podIdentityRolePolicies(irsa)).toEqual(irsa.arns.controllerPolicies)
  })
})

describe('podIdentityRoleNote', () => {
  it('says where the role comes from', () => {
    expect(podIdentityRoleNote(adopted)).toBe(
      `role arn:aws:iam::${ACCOUNT}:role/old-role adopted from the existing Pod Identity association (kept as it is; the controller policies are attached to it)`
    )
    expect(podIdentityRoleNote(givenRole)).toBe(`role arn:aws:iam::${ACCOUNT}:role/team/mine given by iam.podIdentityAssociations roleARN (the controller policies are attached to it)`)
    expect(podIdentityRoleNote(stackRole)).toBe(`role arn:aws:iam::${ACCOUNT}:role/demo-karpenter from stack eksctl-demo-podidentityrole-karpenter-karpenter`)
    expect(podIdentityRoleNote(irsa)).toBe('')
  })
})
