// planStack's cases that moto 5.2 cannot produce, on a mocked client; missing / changed / equal stacks run against
// moto in __tests__/integration/executors-cfn.test.ts. What keeps each case here (moto/cloudformation, checked
// against a running moto 5.2.1):
//   a changed stack … property values  — moto's changes carry Action, LogicalResourceId and ResourceType only: no
//                                        Replacement, no Details with BeforeValue / AfterValue
//   deleted even when describing fails — moto's DescribeChangeSet answers every change at once (no NextToken, so no
//                                        later page to fail) and never fails on a change set it made
//   a failed change set                — moto marks a change set FAILED only for "didn't contain changes", which
//                                        plan rightly counts as no change; never for a template error
//   refuses IncludePropertyValues      — moto accepts the parameter (and ignores it)
//   ROLLBACK_COMPLETE                  — moto never sets it (a failed create stays REVIEW_IN_PROGRESS)
//   a change set that never gets ready — moto's change sets are CREATE_COMPLETE the moment they are made
import { describe, it, expect, beforeEach } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  CloudFormationClient,
  DescribeStacksCommand,
  GetTemplateCommand,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  ExecuteChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  type Stack
} from '@aws-sdk/client-cloudformation'
import type { StackSpec } from '../../../src/core/types.js'
import { planStack, StackPlanError, type PlanOptions } from '../../../src/cfn/plan.js'
import { withPropertyValues } from '../../../src/cfn/describe.js'

const cfn = mockClient(CloudFormationClient)
const client = new CloudFormationClient({ region: 'us-west-2' })
const NAME = 'eksctl-prod-karpenter'
const spec: StackSpec = {
  name: NAME,
  template: {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Karpenter',
    Resources: {
      KarpenterNodeRole: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'r' } },
      KarpenterInterruptionQueue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'prod' } }
    }
  },
  parameters: {},
  tags: { 'alpha.eksctl.io/cluster-name': 'prod' },
  capabilities: ['CAPABILITY_NAMED_IAM'],
  terminationProtection: true
}
const tags = [{ Key: 'alpha.eksctl.io/cluster-name', Value: 'prod' }]
const stack = (StackStatus: string): { Stacks: Stack[] } => ({ Stacks: [{ StackName: NAME, StackStatus: StackStatus as Stack['StackStatus'], CreationTime: new Date(), Tags: tags, Parameters: [] }] })
const opts: PlanOptions = { timeoutMs: 60_000, sleep: async () => undefined, changeSetName: 'plan-1' }
const oldTemplate = { ...spec.template, Resources: { KarpenterNodeRole: spec.template.Resources.KarpenterNodeRole } }

beforeEach(() => {
  cfn.reset()
})

describe('planStack', () => {
  // kept for what moto lacks: a Modify change with BeforeValue / AfterValue details
  it('a changed stack: UPDATE change set with property values, deleted afterwards; the existing stack is not deleted', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('CREATE_COMPLETE'))
    cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(oldTemplate) })
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({
      Status: 'CREATE_COMPLETE',
      Changes: [
        { ResourceChange: { Action: 'Add', LogicalResourceId: 'KarpenterInterruptionQueue', ResourceType: 'AWS::SQS::Queue' } },
        {
          ResourceChange: {
            Action: 'Modify',
            LogicalResourceId: 'KarpenterNodeRole',
            ResourceType: 'AWS::IAM::Role',
            Replacement: 'False',
            Details: [{ Target: { Attribute: 'Properties', Name: 'Description', Path: '/Properties/Description', BeforeValue: 'a', AfterValue: 'b' } }]
          }
        }
      ]
    })
    cfn.on(DeleteChangeSetCommand).resolves({})
    const r = await planStack(client, spec, opts)
    expect(r.hasChanges).toBe(true)
    expect(r.differences).toContain('template body differs')
    expect(cfn.commandCalls(CreateChangeSetCommand)[0].args[0].input.ChangeSetType).toBe('UPDATE')
    expect(cfn.commandCalls(DescribeChangeSetCommand).some(c => c.args[0].input.IncludePropertyValues === true)).toBe(true)
    expect(r.outcome.changes[1]).toEqual({ action: 'Modify', logicalId: 'KarpenterNodeRole', resourceType: 'AWS::IAM::Role', replacement: 'False', details: ['/Properties/Description: a → b'] })
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1)
    expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(0)
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0)
  })

  it('the change set is deleted even when describing it fails', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('CREATE_COMPLETE'))
    cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(oldTemplate) })
    cfn.on(CreateChangeSetCommand).resolves({})
    // the ready answer is the first page of changes; the second page fails
    cfn.on(DescribeChangeSetCommand).resolvesOnce({ Status: 'CREATE_COMPLETE', NextToken: 'page-2' }).rejects(Object.assign(new Error('boom'), { name: 'InternalFailure' }))
    cfn.on(DeleteChangeSetCommand).resolves({})
    await expect(planStack(client, spec, opts)).rejects.toThrow('boom')
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1)
  })

  it('a failed change set is deleted and reported as an error', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('CREATE_COMPLETE'))
    cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(oldTemplate) })
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'FAILED', StatusReason: 'Template format error' })
    cfn.on(DeleteChangeSetCommand).resolves({})
    await expect(planStack(client, spec, opts)).rejects.toThrow(/Template format error/)
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1)
  })

  it('an endpoint that refuses IncludePropertyValues is asked again without it', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('CREATE_COMPLETE'))
    cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(oldTemplate) })
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand, { StackName: NAME, ChangeSetName: 'plan-1', IncludePropertyValues: true }).rejects(Object.assign(new Error('unknown parameter'), { name: 'ValidationError' }))
    cfn.on(DescribeChangeSetCommand, { StackName: NAME, ChangeSetName: 'plan-1' }).resolves({
      Status: 'CREATE_COMPLETE',
      Changes: [{ ResourceChange: { Action: 'Add', LogicalResourceId: 'KarpenterInterruptionQueue', ResourceType: 'AWS::SQS::Queue' } }]
    })
    cfn.on(DeleteChangeSetCommand).resolves({})
    const r = await planStack(client, spec, opts)
    expect(r.outcome.changes).toEqual([{ action: 'Add', logicalId: 'KarpenterInterruptionQueue', resourceType: 'AWS::SQS::Queue' }])
  })

  it('ROLLBACK_COMPLETE: shown as recreated in full, without a change set', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('ROLLBACK_COMPLETE'))
    const r = await planStack(client, spec, opts)
    expect(r.hasChanges).toBe(true)
    expect(r.outcome.changes.map(c => c.logicalId).sort()).toEqual(['KarpenterInterruptionQueue', 'KarpenterNodeRole'])
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0)
  })

  it('a change set that never gets ready: the plan stops at the timeout with the stack, its status and the reason', async () => {
    let t = 0
    cfn.on(DescribeStacksCommand).resolves(stack('UPDATE_COMPLETE'))
    cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(oldTemplate) })
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_PENDING' })
    cfn.on(DeleteChangeSetCommand).resolves({})
    const err = await planStack(client, spec, { ...opts, now: () => t, sleep: async ms => void (t += ms) }).catch(e => e)
    expect(err).toBeInstanceOf(StackPlanError)
    expect(err.outcome).toMatchObject({ stack: NAME, action: 'failed', status: 'UPDATE_COMPLETE', failures: [{ status: 'TIMED_OUT', reason: expect.stringMatching(/timed out waiting for change set .* \(the timeout input\)/) }] })
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1)
  })
})

describe('withPropertyValues', () => {
  it('keeps attribute names when no values are given', () => {
    expect(withPropertyValues({ ResourceChange: { Action: 'Modify', LogicalResourceId: 'X', ResourceType: 'T', Details: [{ Target: { Attribute: 'Properties', Name: 'Tags' } }] } })?.details).toEqual(['Properties.Tags'])
  })
})
