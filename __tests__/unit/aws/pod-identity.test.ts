// The Pod Identity executors over mocked EKS and IAM clients: association found / created / updated / kept,
// delete only of ours, the agent addon check and the permissionPolicyARNs check, policy attach idempotent.
import { describe, it, expect, beforeEach } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  EKSClient,
  ListPodIdentityAssociationsCommand,
  DescribePodIdentityAssociationCommand,
  CreatePodIdentityAssociationCommand,
  UpdatePodIdentityAssociationCommand,
  DeletePodIdentityAssociationCommand,
  DescribeAddonCommand
} from '@aws-sdk/client-eks'
import { IAMClient, GetPolicyCommand, ListAttachedRolePoliciesCommand, AttachRolePolicyCommand, DetachRolePolicyCommand } from '@aws-sdk/client-iam'
import { deleteOwnAssociation, ensureAssociation, findAssociation, OWNER_TAG, type ExistingAssociation } from '../../../src/aws/pod-identity.js'
import { requirePodIdentityAgent } from '../../../src/aws/addons.js'
import { attachRolePolicies, detachRolePolicies, missingRolePolicies, requirePoliciesExist } from '../../../src/aws/pod-identity-role.js'
import { PreflightError } from '../../../src/aws/preflight.js'

const eks = mockClient(EKSClient)
const iam = mockClient(IAMClient)
const C = 'demo'
const ROLE = 'arn:aws:iam::111122223333:role/demo-karpenter'
const OTHER = 'arn:aws:iam::111122223333:role/someone-elses'
const notFound = (name = 'ResourceNotFoundException') => Object.assign(new Error('not found'), { name })

beforeEach(() => {
  eks.reset()
  iam.reset()
})

function existing(over: Partial<ExistingAssociation> = {}): ExistingAssociation {
  return { id: 'a-1', roleArn: ROLE, tags: { [OWNER_TAG]: 'true' }, ours: true, ...over }
}

describe('findAssociation', () => {
  it('lists with the namespace and service account, describes the match for its role and tags', async () => {
    eks.on(ListPodIdentityAssociationsCommand).resolves({ associations: [{ associationId: 'a-9', namespace: 'karpenter', serviceAccount: 'karpenter' }] })
    eks.on(DescribePodIdentityAssociationCommand, { clusterName: C, associationId: 'a-9' }).resolves({ association: { roleArn: OTHER, tags: { team: 'x' } } })
    const a = await findAssociation(eks as unknown as EKSClient, C, 'karpenter', 'karpenter')
    expect(a).toEqual({ id: 'a-9', arn: undefined, roleArn: OTHER, tags: { team: 'x' }, ours: false })
    expect(eks.commandCalls(ListPodIdentityAssociationsCommand)[0].args[0].input).toMatchObject({ clusterName: C, namespace: 'karpenter', serviceAccount: 'karpenter' })
  })

  it('follows nextToken; none found is undefined', async () => {
    eks.on(ListPodIdentityAssociationsCommand).resolvesOnce({ associations: [], nextToken: 't' }).resolvesOnce({ associations: [] })
    expect(await findAssociation(eks as unknown as EKSClient, C, 'karpenter', 'karpenter')).toBeUndefined()
    expect(eks.commandCalls(ListPodIdentityAssociationsCommand)).toHaveLength(2)
  })

  it('marks an association tagged by this tool as ours', async () => {
    eks.on(ListPodIdentityAssociationsCommand).resolves({ associations: [{ associationId: 'a-1', namespace: 'karpenter', serviceAccount: 'karpenter' }] })
    eks.on(DescribePodIdentityAssociationCommand).resolves({ association: { roleArn: ROLE, tags: { [OWNER_TAG]: 'true' } } })
    expect((await findAssociation(eks as unknown as EKSClient, C, 'karpenter', 'karpenter'))?.ours).toBe(true)
  })
})

describe('ensureAssociation', () => {
  const target = { cluster: C, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: ROLE, tags: { team: 'x' } }

  it('creates one when none exists, tagged as this tool\'s', async () => {
    eks.on(CreatePodIdentityAssociationCommand).resolves({ association: { associationId: 'a-new' } })
    expect(await ensureAssociation(eks as unknown as EKSClient, target, undefined)).toEqual({ action: 'created', id: 'a-new' })
    expect(eks.commandCalls(CreatePodIdentityAssociationCommand)[0].args[0].input).toEqual({
      clusterName: C,
      namespace: 'karpenter',
      serviceAccount: 'karpenter',
      roleArn: ROLE,
      tags: { team: 'x', [OWNER_TAG]: 'true' }
    })
  })

  it('leaves one on the right role alone (idempotent)', async () => {
    expect(await ensureAssociation(eks as unknown as EKSClient, target, existing())).toEqual({ action: 'unchanged', id: 'a-1' })
    expect(eks.calls()).toHaveLength(0)
  })

  it('updates ours when it points at another role', async () => {
    eks.on(UpdatePodIdentityAssociationCommand).resolves({})
    expect(await ensureAssociation(eks as unknown as EKSClient, target, existing({ roleArn: OTHER }))).toEqual({ action: 'updated', id: 'a-1', previousRoleArn: OTHER })
    expect(eks.commandCalls(UpdatePodIdentityAssociationCommand)[0].args[0].input).toEqual({ clusterName: C, associationId: 'a-1', roleArn: ROLE })
  })

  it('refuses to update someone else\'s association on another role: kept as it is', async () => {
    const out = await ensureAssociation(eks as unknown as EKSClient, target, existing({ roleArn: OTHER, ours: false, tags: {} }))
    expect(out).toEqual({ action: 'kept-foreign', id: 'a-1', roleArn: OTHER })
    expect(eks.commandCalls(UpdatePodIdentityAssociationCommand)).toHaveLength(0)
    expect(eks.commandCalls(CreatePodIdentityAssociationCommand)).toHaveLength(0)
  })
})

describe('deleteOwnAssociation', () => {
  it('deletes ours, keeps someone else\'s, and a missing one is fine', async () => {
    eks.on(DeletePodIdentityAssociationCommand).resolves({})
    expect(await deleteOwnAssociation(eks as unknown as EKSClient, C, existing())).toBe('deleted')
    expect(await deleteOwnAssociation(eks as unknown as EKSClient, C, existing({ ours: false }))).toBe('kept-foreign')
    expect(await deleteOwnAssociation(eks as unknown as EKSClient, C, undefined)).toBe('absent')
    expect(eks.commandCalls(DeletePodIdentityAssociationCommand)).toHaveLength(1)
    eks.on(DeletePodIdentityAssociationCommand).rejects(notFound())
    expect(await deleteOwnAssociation(eks as unknown as EKSClient, C, existing())).toBe('absent')
  })
})

describe('requirePodIdentityAgent', () => {
  it('passes when the addon is ACTIVE', async () => {
    eks.on(DescribeAddonCommand, { clusterName: C, addonName: 'eks-pod-identity-agent' }).resolves({ addon: { status: 'ACTIVE', addonVersion: 'v1.3.4' } })
    await expect(requirePodIdentityAgent(eks as unknown as EKSClient, C)).resolves.toBe('v1.3.4')
  })

  it('a missing addon is an error that names the fix in the file and the eksctl command', async () => {
    eks.on(DescribeAddonCommand).rejects(notFound())
    const err = await requirePodIdentityAgent(eks as unknown as EKSClient, C).catch(e => e as Error)
    expect(err).toBeInstanceOf(PreflightError)
    expect((err as Error).message).toContain('addons: [{name: eks-pod-identity-agent}]')
    expect((err as Error).message).toContain(`eksctl create addon --cluster ${C} --name eks-pod-identity-agent`)
  })

  it('an addon that is not ACTIVE yet is an error too', async () => {
    eks.on(DescribeAddonCommand).resolves({ addon: { status: 'CREATING' } })
    await expect(requirePodIdentityAgent(eks as unknown as EKSClient, C)).rejects.toThrow(/is CREATING, not ACTIVE/)
  })

  it('other failures are not disguised as a missing addon', async () => {
    eks.on(DescribeAddonCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }))
    await expect(requirePodIdentityAgent(eks as unknown as EKSClient, C)).rejects.toThrow('denied')
  })
})

describe('permissionPolicyARNs and the role\'s policies', () => {
  const MANAGED = 'arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess'
  const MISSING = 'arn:aws:iam::111122223333:policy/nope'

  it('every ARN must exist (AWS-managed ones too); the error lists the missing ones', async () => {
    iam.on(GetPolicyCommand, { PolicyArn: MANAGED }).resolves({ Policy: { Arn: MANAGED } })
    iam.on(GetPolicyCommand, { PolicyArn: MISSING }).rejects(notFound('NoSuchEntityException'))
    await expect(requirePoliciesExist(iam as unknown as IAMClient, [MANAGED])).resolves.toBeUndefined()
    await expect(requirePoliciesExist(iam as unknown as IAMClient, [MANAGED, MISSING])).rejects.toThrow(`this policy does not exist: ${MISSING}`)
    expect(iam.commandCalls(GetPolicyCommand).map(c => c.args[0].input.PolicyArn)).toEqual([MANAGED, MANAGED, MISSING])
  })

  it('attaches only what is missing, so a re-run attaches nothing', async () => {
    iam.on(ListAttachedRolePoliciesCommand, { RoleName: 'someone-elses' }).resolves({ AttachedPolicies: [{ PolicyArn: MANAGED }] })
    iam.on(AttachRolePolicyCommand).resolves({})
    const P = 'arn:aws:iam::111122223333:policy/eksctl-KarpenterControllerPolicy-demo'
    expect(await attachRolePolicies(iam as unknown as IAMClient, OTHER, [P, MANAGED])).toEqual([P])
    expect(iam.commandCalls(AttachRolePolicyCommand).map(c => c.args[0].input)).toEqual([{ RoleName: 'someone-elses', PolicyArn: P }])
    expect(await missingRolePolicies(iam as unknown as IAMClient, OTHER, [P, MANAGED])).toEqual([P])
  })

  it('a role that does not exist is a clear error', async () => {
    iam.on(ListAttachedRolePoliciesCommand).rejects(notFound('NoSuchEntityException'))
    await expect(attachRolePolicies(iam as unknown as IAMClient, OTHER, ['x'])).rejects.toThrow(/the Pod Identity role .* does not exist/)
  })

  it('detaches only the given policies that are attached', async () => {
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [{ PolicyArn: 'a' }, { PolicyArn: 'b' }] })
    iam.on(DetachRolePolicyCommand).resolves({})
    expect(await detachRolePolicies(iam as unknown as IAMClient, OTHER, ['a', 'c'])).toEqual(['a'])
    expect(iam.commandCalls(DetachRolePolicyCommand)).toHaveLength(1)
  })
})
