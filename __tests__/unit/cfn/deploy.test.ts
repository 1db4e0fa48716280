// deployStack's cases that moto 5.2 cannot produce, on a mocked client; create / update / no-op / tags-only, an
// ExecuteChangeSet that fails, a CreateChangeSet refused by IAM and a cancellation before execution run against moto
// in __tests__/integration/executors-cfn.test.ts. What keeps each case here (moto/cloudformation/models.py, checked
// against a running moto 5.2.1):
//   creates … termination protection   — moto's change sets are CREATE_COMPLETE the moment they are made (never
//                                        CREATE_PENDING to poll), and UpdateTerminationProtection answers HTTP 500
//                                        "not implemented"
//   updates an adopted eksctl stack    — moto's changes carry Action, LogicalResourceId and ResourceType only: no
//                                        Replacement, no Details
//   ROLLBACK_COMPLETE … recreates it    — moto never sets ROLLBACK_COMPLETE (a failed create stays REVIEW_IN_PROGRESS)
//   waits for a stack another run…     — moto applies an update inside the request: no *_IN_PROGRESS to wait for
//   names the failed resources         — moto writes stack-level events only, never *_FAILED resource events, and
//                                        never ends in UPDATE_ROLLBACK_COMPLETE
//   refuses … UPDATE_ROLLBACK_FAILED    — a state moto never reaches
//   cancelled mid-update, the timeouts, one more DescribeStacks before a timeout, the 1 s event watch — all need a
//                                        stack (or change set) that stays in progress for a timed window; moto
//                                        settles at once
import { describe, it, expect, beforeEach, jest } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  CloudFormationClient,
  DescribeStacksCommand,
  GetTemplateCommand,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  ExecuteChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeStackEventsCommand,
  DeleteStackCommand,
  UpdateTerminationProtectionCommand,
  type Stack
} from '@aws-sdk/client-cloudformation'
import type { StackSpec } from '../../../src/core/types.js'
import { deployStack, StackDeployError, DeployCancelledError, type DeployOptions } from '../../../src/cfn/deploy.js'

const cfn = mockClient(CloudFormationClient)
const client = new CloudFormationClient({ region: 'us-west-2' })
const NAME = 'eksctl-prod-karpenter'
const spec: StackSpec = {
  name: NAME,
  template: {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Karpenter',
    Resources: { KarpenterNodeRole: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'eksctl-KarpenterNodeRole-prod' } } }
  },
  parameters: {},
  tags: { 'alpha.eksctl.io/cluster-name': 'prod', 'alpha.eksctl.io/karpenter-version': '1.2.1' },
  capabilities: ['CAPABILITY_NAMED_IAM'],
  terminationProtection: true
}
const tags = Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value }))
const stack = (StackStatus: string, over: Partial<Stack> = {}): { Stacks: Stack[] } => ({
  Stacks: [{ StackName: NAME, StackStatus: StackStatus as Stack['StackStatus'], CreationTime: new Date(), Tags: tags, Parameters: [], ...over }]
})
const missing = Object.assign(new Error(`Stack with id ${NAME} does not exist`), { name: 'ValidationError' })
const ev = (id: string, logicalId: string, status: string, reason?: string, type = 'AWS::IAM::Role') => ({
  EventId: id,
  StackName: NAME,
  StackId: 'sid',
  LogicalResourceId: logicalId,
  ResourceType: type,
  ResourceStatus: status as never,
  ResourceStatusReason: reason,
  Timestamp: new Date()
})

let sleeps: number[]
let printed: string[]
const opts = (over: Partial<DeployOptions> = {}): DeployOptions => ({
  region: 'us-west-2',
  timeoutMs: 600_000,
  sleep: async ms => void sleeps.push(ms),
  changeSetName: 'cs-1',
  print: line => void printed.push(line),
  ...over
})

beforeEach(() => {
  cfn.reset()
  sleeps = []
  printed = []
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
  cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
})

describe('deployStack', () => {
  // kept for what moto lacks: a pending change set polled, and UpdateTerminationProtection answered
  it('creates a new stack through a CREATE change set, with capabilities, tags and termination protection', async () => {
    cfn.on(DescribeStacksCommand).rejectsOnce(missing).resolves(stack('CREATE_COMPLETE'))
    cfn.on(CreateChangeSetCommand).resolves({ Id: 'cs' })
    cfn.on(DescribeChangeSetCommand).resolvesOnce({ Status: 'CREATE_PENDING' }).resolves({
      Status: 'CREATE_COMPLETE',
      Changes: [{ Type: 'Resource', ResourceChange: { Action: 'Add', LogicalResourceId: 'KarpenterNodeRole', ResourceType: 'AWS::IAM::Role' } }]
    })
    cfn.on(ExecuteChangeSetCommand).resolves({})
    cfn.on(UpdateTerminationProtectionCommand).resolves({})
    const o = await deployStack(client, spec, opts())
    expect(o).toMatchObject({ stack: NAME, action: 'created', status: 'CREATE_COMPLETE', changes: [{ action: 'Add', logicalId: 'KarpenterNodeRole', resourceType: 'AWS::IAM::Role' }] })
    const input = cfn.commandCalls(CreateChangeSetCommand)[0].args[0].input
    expect(input).toMatchObject({ StackName: NAME, ChangeSetType: 'CREATE', ChangeSetName: 'cs-1', Capabilities: ['CAPABILITY_NAMED_IAM'], Tags: tags })
    expect(JSON.parse(input.TemplateBody ?? '')).toEqual(spec.template)
    expect(cfn.commandCalls(UpdateTerminationProtectionCommand)[0].args[0].input).toEqual({ StackName: NAME, EnableTerminationProtection: true })
    expect(sleeps.length).toBeGreaterThan(0) // polled the pending change set with a (fake) wait
    // the poll that found it ready (asked with IncludePropertyValues) was also the description of its changes
    expect(cfn.commandCalls(DescribeChangeSetCommand)).toHaveLength(2)
    expect(cfn.commandCalls(DescribeChangeSetCommand).every(c => c.args[0].input.IncludePropertyValues === true)).toBe(true)
  })

  // kept for what moto lacks: a Modify change with Replacement and Details
  it('updates an adopted eksctl stack whose template differs', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('CREATE_COMPLETE'))
    cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify({ ...spec.template, Description: 'made by eksctl' }) })
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [{ ResourceChange: { Action: 'Modify', LogicalResourceId: 'KarpenterNodeRole', ResourceType: 'AWS::IAM::Role', Replacement: 'False', Details: [{ Target: { Attribute: 'Properties', Name: 'ManagedPolicyArns' } }] } }] })
    cfn.on(ExecuteChangeSetCommand).resolves({})
    cfn.on(DescribeStacksCommand).resolvesOnce(stack('CREATE_COMPLETE')).resolvesOnce(stack('UPDATE_IN_PROGRESS')).resolves(stack('UPDATE_COMPLETE'))
    const o = await deployStack(client, spec, opts())
    expect(o).toMatchObject({ action: 'updated', status: 'UPDATE_COMPLETE', changes: [{ action: 'Modify', replacement: 'False', details: ['Properties.ManagedPolicyArns'] }] })
    expect(cfn.commandCalls(UpdateTerminationProtectionCommand)).toHaveLength(0)
  })

  it('deletes a ROLLBACK_COMPLETE stack and recreates it', async () => {
    cfn.on(DescribeStacksCommand)
      .resolvesOnce(stack('ROLLBACK_COMPLETE', { StackStatusReason: 'first create failed' }))
      .resolvesOnce(stack('DELETE_IN_PROGRESS'))
      .rejectsOnce(missing)
      .resolves(stack('CREATE_COMPLETE'))
    cfn.on(DeleteStackCommand).resolves({})
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [] })
    cfn.on(ExecuteChangeSetCommand).resolves({})
    cfn.on(UpdateTerminationProtectionCommand).resolves({})
    const o = await deployStack(client, spec, opts())
    expect(o.action).toBe('recreated')
    expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(1)
    expect(cfn.commandCalls(CreateChangeSetCommand)[0].args[0].input.ChangeSetType).toBe('CREATE')
  })

  it('waits for a stack another run is updating, then continues', async () => {
    cfn.on(DescribeStacksCommand).resolvesOnce(stack('UPDATE_IN_PROGRESS')).resolvesOnce(stack('UPDATE_IN_PROGRESS')).resolvesOnce(stack('UPDATE_IN_PROGRESS')).resolves(stack('UPDATE_COMPLETE'))
    cfn.on(GetTemplateCommand).resolves({ TemplateBody: JSON.stringify(spec.template) })
    const o = await deployStack(client, spec, opts())
    expect(o.action).toBe('unchanged')
    expect(sleeps.length).toBeGreaterThanOrEqual(2)
    // backoff: the waits grow
    expect(sleeps[1]).toBeGreaterThan(sleeps[0])
    expect(cfn.commandCalls(GetTemplateCommand)).toHaveLength(1)
  })

  it('names the failed resources and their reasons', async () => {
    cfn.on(DescribeStacksCommand).resolvesOnce(stack('CREATE_COMPLETE')).resolvesOnce(stack('UPDATE_IN_PROGRESS')).resolves(stack('UPDATE_ROLLBACK_COMPLETE'))
    cfn.on(GetTemplateCommand).resolves({ TemplateBody: '{}' })
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [] })
    cfn.on(ExecuteChangeSetCommand).resolves({})
    cfn.on(DescribeStackEventsCommand)
      .resolvesOnce({ StackEvents: [ev('old', NAME, 'UPDATE_COMPLETE', undefined, 'AWS::CloudFormation::Stack')] })
      .resolves({
        StackEvents: [
          ev('e3', NAME, 'UPDATE_ROLLBACK_COMPLETE', undefined, 'AWS::CloudFormation::Stack'),
          ev('e2', 'KarpenterInterruptionQueue', 'UPDATE_FAILED', 'Resource update cancelled', 'AWS::SQS::Queue'),
          ev('e1', 'KarpenterNodeRole', 'UPDATE_FAILED', 'User is not authorized to perform iam:UpdateRole'),
          ev('old', NAME, 'UPDATE_COMPLETE', undefined, 'AWS::CloudFormation::Stack')
        ]
      })
    const err = (await deployStack(client, spec, opts()).catch(e => e)) as StackDeployError
    expect(err).toBeInstanceOf(StackDeployError)
    expect(err.message).toMatch(/UPDATE_ROLLBACK_COMPLETE.*KarpenterNodeRole \(AWS::IAM::Role\): User is not authorized to perform iam:UpdateRole/)
    expect(err.outcome).toMatchObject({ action: 'failed', status: 'UPDATE_ROLLBACK_COMPLETE', failures: [{ logicalId: 'KarpenterNodeRole', status: 'UPDATE_FAILED' }] })
    expect(err.outcome.failures).toHaveLength(1) // the cancelled follow-on is noise
    // each new event printed once, oldest first; the baseline event never
    expect(printed.filter(l => l.includes('KarpenterNodeRole'))).toHaveLength(1)
    expect(printed.some(l => l.includes('UPDATE_COMPLETE') && !l.includes('ROLLBACK'))).toBe(false)
    expect(printed.findIndex(l => l.includes('KarpenterNodeRole'))).toBeLessThan(printed.findIndex(l => l.includes('UPDATE_ROLLBACK_COMPLETE')))
  })

  it('refuses a stack stuck in UPDATE_ROLLBACK_FAILED, naming the fix', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('UPDATE_ROLLBACK_FAILED'))
    await expect(deployStack(client, spec, opts())).rejects.toThrow(/continue-update-rollback/)
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0)
  })

  it('cancelled mid-update: says which stack and how to check, leaves it to CloudFormation', async () => {
    const ac = new AbortController()
    cfn.on(DescribeStacksCommand).rejectsOnce(missing).resolves(stack('CREATE_IN_PROGRESS'))
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [] })
    cfn.on(ExecuteChangeSetCommand).resolves({})
    cfn.on(DeleteChangeSetCommand).resolves({})
    const sleep = async (_ms: number, signal?: AbortSignal): Promise<void> => {
      ac.abort(new Error('SIGINT'))
      if (signal?.aborted) throw signal.reason
    }
    const err = await deployStack(client, spec, opts({ signal: ac.signal, sleep })).catch(e => e)
    expect(err).toBeInstanceOf(DeployCancelledError)
    expect(String(err.message)).toMatch(/stack eksctl-prod-karpenter is mid-update.*describe-stacks --stack-name eksctl-prod-karpenter --region us-west-2/)
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(0)
    expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(0)
  })

  it('stops waiting at the timeout and says CloudFormation goes on', async () => {
    let t = 0
    cfn.on(DescribeStacksCommand).rejectsOnce(missing).resolves(stack('CREATE_IN_PROGRESS'))
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [] })
    cfn.on(ExecuteChangeSetCommand).resolves({})
    const err = await deployStack(client, spec, opts({ timeoutMs: 30_000, now: () => t, sleep: async ms => void (t += ms) })).catch(e => e)
    expect(err).toBeInstanceOf(StackDeployError)
    expect(String(err.message)).toMatch(/timed out waiting for stack eksctl-prod-karpenter \(still CREATE_IN_PROGRESS\)/)
    expect(t).toBeLessThanOrEqual(30_000)
  })

  it('a timeout before the change set is executed fails with the stack, its status and the reason (for the summary)', async () => {
    let t = 0
    cfn.on(DescribeStacksCommand).rejects(missing)
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_PENDING' })
    cfn.on(DeleteChangeSetCommand).resolves({})
    const err = await deployStack(client, spec, opts({ timeoutMs: 30_000, now: () => t, sleep: async ms => void (t += ms) })).catch(e => e)
    expect(err).toBeInstanceOf(StackDeployError)
    expect(err.outcome).toMatchObject({
      stack: NAME,
      action: 'failed',
      status: 'ABSENT',
      failures: [{ logicalId: NAME, status: 'TIMED_OUT', reason: expect.stringMatching(/timed out waiting for change set .*; change set cs-1 was not executed and has been deleted/) }]
    })
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0)
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(1)
  })

  it('a timeout waiting for another run\'s update fails with the stack and its status too', async () => {
    let t = 0
    cfn.on(DescribeStacksCommand).resolves(stack('UPDATE_IN_PROGRESS'))
    const err = await deployStack(client, spec, opts({ timeoutMs: 30_000, now: () => t, sleep: async ms => void (t += ms) })).catch(e => e)
    expect(err).toBeInstanceOf(StackDeployError)
    expect(err.outcome).toMatchObject({ stack: NAME, status: 'UPDATE_IN_PROGRESS', failures: [{ status: 'TIMED_OUT', reason: expect.stringMatching(/nothing was changed/) }] })
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0)
  })

  it('looks with DescribeStacks once more before declaring a timeout, even with no closing event seen', async () => {
    let t = 0
    let executedAt = Infinity
    cfn.on(DescribeStacksCommand).rejectsOnce(missing).callsFake(() => stack(t - executedAt >= 21_500 ? 'CREATE_COMPLETE' : 'CREATE_IN_PROGRESS'))
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [] })
    cfn.on(ExecuteChangeSetCommand).callsFake(() => {
      executedAt = t
      return {}
    })
    cfn.on(UpdateTerminationProtectionCommand).resolves({})
    // an endpoint that keeps no events: only DescribeStacks can tell
    const o = await deployStack(client, spec, opts({ timeoutMs: 28_000, now: () => t, sleep: async ms => void (t += ms) }))
    expect(o).toMatchObject({ action: 'created', status: 'CREATE_COMPLETE' })
  })

  it('watches a stack it changes every second, asking DescribeStacks on its closing event or every 10 s', async () => {
    // CloudFormation works on the stack for 25 s after ExecuteChangeSet; its closing event appears then.
    let t = 0
    let executedAt = Infinity
    const done = () => t - executedAt >= 25_000
    cfn.on(DescribeStacksCommand).rejectsOnce(missing).callsFake(() => stack(done() ? 'CREATE_COMPLETE' : 'CREATE_IN_PROGRESS'))
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [] })
    cfn.on(ExecuteChangeSetCommand).callsFake(() => {
      executedAt = t
      return {}
    })
    cfn.on(UpdateTerminationProtectionCommand).resolves({})
    cfn.on(DescribeStackEventsCommand).callsFake(() => ({
      StackEvents: [
        ...(done() ? [ev('e3', NAME, 'CREATE_COMPLETE', undefined, 'AWS::CloudFormation::Stack')] : []),
        ...(t - executedAt >= 5_000 ? [ev('e2', 'KarpenterNodeRole', 'CREATE_COMPLETE')] : []),
        ...(t >= executedAt ? [ev('e1', NAME, 'CREATE_IN_PROGRESS', 'User Initiated', 'AWS::CloudFormation::Stack')] : [])
      ]
    }))
    const o = await deployStack(client, spec, opts({ now: () => t, sleep: async ms => void (t += ms) }))
    expect(o).toMatchObject({ action: 'created', status: 'CREATE_COMPLETE' })
    // noticed on the first look after it finished: within a second
    expect(t - executedAt).toBeGreaterThanOrEqual(25_000)
    expect(t - executedAt).toBeLessThanOrEqual(26_000)
    const waits = sleeps.slice(-20)
    expect(waits.every(ms => ms === 1_000)).toBe(true)
    // DescribeStacks: before (absent), right after executing, at 10 s and 20 s, on the closing event — not once a second
    expect(cfn.commandCalls(DescribeStacksCommand)).toHaveLength(5)
    expect(cfn.commandCalls(DescribeStackEventsCommand).length).toBeLessThanOrEqual(28)
    expect(printed.some(l => l.includes('CREATE_COMPLETE'))).toBe(true)
  })
})

describe('isClosingEvent', () => {
  it("is the stack's own terminal event, by name or by stack id; not a resource's, not an *_IN_PROGRESS one", async () => {
    const { isClosingEvent } = await import('../../../src/cfn/deploy-wait.js')
    const id = `arn:aws:cloudformation:us-west-2:123456789012:stack/${NAME}/abc`
    const own = (status: string) => ({ ...ev('e', NAME, status, undefined, 'AWS::CloudFormation::Stack'), PhysicalResourceId: id })
    expect(isClosingEvent(own('UPDATE_ROLLBACK_COMPLETE'), NAME)).toBe(true)
    expect(isClosingEvent(own('DELETE_COMPLETE'), id)).toBe(true)
    expect(isClosingEvent(own('UPDATE_COMPLETE_CLEANUP_IN_PROGRESS'), NAME)).toBe(false)
    expect(isClosingEvent({ ...own('CREATE_COMPLETE'), LogicalResourceId: 'Nested', PhysicalResourceId: 'other' }, NAME)).toBe(false)
    expect(isClosingEvent({ ...own('CREATE_COMPLETE'), ResourceType: 'AWS::IAM::Role' }, NAME)).toBe(false)
  })
})
