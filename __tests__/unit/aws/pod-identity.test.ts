// The Pod Identity executors' cases that neither moto 5.2 nor the EKS stand-in produce, on a mocked EKS client.
// moto answers HTTP 404 for the Pod Identity association and addon APIs (checked against a running moto 5.2.1); the
// stand-in (test/harness/eks-standin.ts) serves them in front of moto, and association found / created / updated /
// kept / deleted, the agent addon's states and the role's policies (moto's IAM) run in
// __tests__/integration/executors-pod-identity.test.ts. What keeps each case here:
//   follows nextToken           — the stand-in answers every association on one page (no nextToken)
//   other failures…             — the stand-in never refuses DescribeAddon (no AccessDeniedException)
import { describe, it, expect, beforeEach } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { EKSClient, ListPodIdentityAssociationsCommand, DescribeAddonCommand } from '@aws-sdk/client-eks'
import { findAssociation } from '../../../src/aws/pod-identity.js'
import { requirePodIdentityAgent } from '../../../src/aws/addons.js'

const eks = mockClient(EKSClient)
const C = 'demo'

beforeEach(() => {
  eks.reset()
})

describe('findAssociation', () => {
  it('follows nextToken; none found is undefined', async () => {
    eks.on(ListPodIdentityAssociationsCommand).resolvesOnce({ associations: [], nextToken: 't' }).resolvesOnce({ associations: [] })
    expect(await findAssociation(eks as unknown as EKSClient, C, 'karpenter', 'karpenter')).toBeUndefined()
    expect(eks.commandCalls(ListPodIdentityAssociationsCommand).map(c => c.args[0].input.nextToken)).toEqual([undefined, 't'])
  })
})

describe('requirePodIdentityAgent', () => {
  it('other failures are not disguised as a missing addon', async () => {
    eks.on(DescribeAddonCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }))
    await expect(requirePodIdentityAgent(eks as unknown as EKSClient, C)).rejects.toThrow('denied')
  })
})
