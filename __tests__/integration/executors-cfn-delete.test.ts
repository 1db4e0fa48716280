// deleteStackFully (src/cfn/delete.ts) against moto's CloudFormation and IAM: the managed policies this tool
// attaches detached from the stack's roles before DeleteStack, a policy someone else attached refused before
// anything is deleted, and an absent stack. What moto cannot serve — termination protection turned off (moto
// stores the flag but does not implement UpdateTerminationProtection), a stack that ends DELETE_FAILED — is in
// __tests__/unit/cfn/delete.test.ts.
import { describe, it, expect, beforeAll, afterAll, beforeEach, jest } from '@jest/globals'
import { CloudFormationClient, CreateStackCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { IAMClient, AttachRolePolicyCommand, CreatePolicyCommand, GetRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam'
import { startMoto, type Moto } from '../../test/harness/moto.js'
import { deleteStackFully, type DeleteStackOptions } from '../../src/cfn/delete.js'

const REGION = 'us-west-2'
const ACCOUNT = '123456789012'
const NAME = 'eksctl-prod-addon-iamserviceaccount-karpenter-karpenter'
const ROLE = 'eksctl-prod-iamservice-role'
const template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    Role1: {
      Type: 'AWS::IAM::Role',
      Properties: { RoleName: ROLE, AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] } }
    }
  }
}
const policy = (name: string) => `arn:aws:iam::${ACCOUNT}:policy/${name}`
const OWN = policy('eksctl-KarpenterControllerPolicy-prod')
const FOREIGN = policy('someone-elses')

let moto: Moto
let cfn: CloudFormationClient
let iam: IAMClient

beforeAll(async () => {
  moto = await startMoto()
  const config = { region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' } }
  cfn = new CloudFormationClient(config)
  iam = new IAMClient(config)
}, 60_000)

afterAll(async () => {
  cfn?.destroy()
  iam?.destroy()
  await moto?.stop()
})

beforeEach(async () => {
  await moto.reset()
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

const opts = (): DeleteStackOptions => ({ poll: { deadline: Date.now() + 60_000 }, isOwnPolicy: arn => arn === OWN, print: () => undefined })
const params = (action: string) => moto.calls.filter(c => c.action === action).map(c => c.request.params)

/** The stack with its role, and these managed policies attached to the role. */
async function stackWithRole(attached: string[]): Promise<void> {
  await cfn.send(new CreateStackCommand({ StackName: NAME, TemplateBody: JSON.stringify(template), Capabilities: ['CAPABILITY_NAMED_IAM'] }))
  for (const arn of attached) {
    await iam.send(new CreatePolicyCommand({ PolicyName: arn.split('/').pop()!, PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' }] }) }))
    await iam.send(new AttachRolePolicyCommand({ RoleName: ROLE, PolicyArn: arn }))
  }
  moto.resetCalls()
}

async function stackGone(): Promise<boolean> {
  try {
    const s = await cfn.send(new DescribeStacksCommand({ StackName: NAME }))
    return (s.Stacks ?? []).every(x => x.StackStatus === 'DELETE_COMPLETE')
  } catch {
    return true
  }
}

describe('deleteStackFully', () => {
  it('detaches its own policy from the role, then deletes the stack and the role', async () => {
    await stackWithRole([OWN])
    const outcome = await deleteStackFully(cfn, iam, NAME, opts())
    expect(outcome).toMatchObject({ stack: NAME, action: 'deleted', status: 'DELETE_COMPLETE' })
    expect(moto.count('UpdateTerminationProtection')).toBe(0)
    expect(params('DetachRolePolicy')).toEqual([expect.objectContaining({ RoleName: ROLE, PolicyArn: OWN })])
    const order = moto.calls.map(c => c.action).filter(a => a === 'DetachRolePolicy' || a === 'DeleteStack')
    expect(order).toEqual(['DetachRolePolicy', 'DeleteStack'])
    expect(await stackGone()).toBe(true)
    await expect(iam.send(new GetRoleCommand({ RoleName: ROLE }))).rejects.toThrow()
  }, 60_000)

  it('refuses a managed policy someone else attached, naming it, before anything is deleted', async () => {
    await stackWithRole([OWN, FOREIGN])
    await expect(deleteStackFully(cfn, iam, NAME, opts())).rejects.toThrow(`managed policies this tool did not attach: ${FOREIGN} on role ${ROLE}`)
    expect(moto.count('DeleteStack')).toBe(0)
    expect(await stackGone()).toBe(false)
    const left = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: ROLE }))
    expect((left.AttachedPolicies ?? []).map(p => p.PolicyArn)).toContain(FOREIGN)
  }, 60_000)

  it('an absent stack: nothing to delete, no DeleteStack', async () => {
    moto.resetCalls()
    expect(await deleteStackFully(cfn, iam, NAME, opts())).toMatchObject({ action: 'absent', status: 'ABSENT' })
    expect(moto.count('DeleteStack')).toBe(0)
  }, 60_000)
})
