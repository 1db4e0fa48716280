// The chain deploy and plan share up to the change set (src/cfn/prepare.ts), with each caller's choices.
// Mock-based only for stack states moto 5.2 never reaches (checked against a running moto 5.2.1): ROLLBACK_COMPLETE
// (both cases: moto never sets it; a failed create stays REVIEW_IN_PROGRESS) and a stack busy in UPDATE_IN_PROGRESS
// past the timeout (moto applies an update inside the request). No / equal / differing stacks and a stack the caller
// refuses run against moto in __tests__/integration/executors-cfn.test.ts.
import { describe, it, expect, beforeEach, jest } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  CloudFormationClient,
  DescribeStacksCommand,
  CreateChangeSetCommand,
  DeleteStackCommand,
  type Stack
} from '@aws-sdk/client-cloudformation'
import type { StackSpec } from '../../../src/core/types.js'
import { prepareChangeSet, pollFrom, type PrepareOptions } from '../../../src/cfn/prepare.js'
import { StackTimeoutError } from '../../../src/cfn/deploy-wait.js'

const cfn = mockClient(CloudFormationClient)
const client = new CloudFormationClient({ region: 'us-west-2' })
const NAME = 'eksctl-prod-karpenter'
const spec: StackSpec = {
  name: NAME,
  template: { AWSTemplateFormatVersion: '2010-09-09', Description: 'Karpenter', Resources: { Queue: { Type: 'AWS::SQS::Queue', Properties: {} } } },
  parameters: {},
  tags: { 'alpha.eksctl.io/cluster-name': 'prod' },
  capabilities: ['CAPABILITY_NAMED_IAM'],
  terminationProtection: true
}
const tags = [{ Key: 'alpha.eksctl.io/cluster-name', Value: 'prod' }]
const stack = (StackStatus: string): { Stacks: Stack[] } => ({ Stacks: [{ StackName: NAME, StackStatus: StackStatus as Stack['StackStatus'], CreationTime: new Date(), Tags: tags, Parameters: [] }] })
const missing = Object.assign(new Error(`Stack with id ${NAME} does not exist`), { name: 'ValidationError' })

let seen: { status: string }
const options = (over: Partial<PrepareOptions> = {}): PrepareOptions => ({
  poll: pollFrom({ timeoutMs: 60_000, sleep: async () => undefined }),
  changeSetName: 'cs-1',
  busyNote: status => `busy ${status}`,
  waitFailed: err => {
    throw err
  },
  recreate: false,
  seen,
  ...over
})

beforeEach(() => {
  cfn.reset()
  seen = { status: 'UNKNOWN' }
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

describe('prepareChangeSet', () => {
  it('ROLLBACK_COMPLETE without recreate (plan): stops there, deletes nothing, makes no change set', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('ROLLBACK_COMPLETE'))
    expect((await prepareChangeSet(client, spec, options())).kind).toBe('rollback-complete')
    expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(0)
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0)
  })

  it('ROLLBACK_COMPLETE with recreate (deploy): deleted, then a CREATE change set', async () => {
    cfn.on(DescribeStacksCommand).resolvesOnce(stack('ROLLBACK_COMPLETE')).rejects(missing)
    cfn.on(DeleteStackCommand).resolves({})
    cfn.on(CreateChangeSetCommand).resolves({})
    const p = await prepareChangeSet(client, spec, options({ recreate: true }))
    expect(p).toMatchObject({ kind: 'change-set', type: 'CREATE', recreated: true })
    expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(1)
  })

  it('a stack busy past the timeout: the caller\'s waitFailed gets the status it was in', async () => {
    cfn.on(DescribeStacksCommand).resolves(stack('UPDATE_IN_PROGRESS'))
    let now = 0
    const poll = pollFrom({ timeoutMs: 1_000, sleep: async ms => void (now += ms), now: () => now })
    const failed: string[] = []
    const err = await prepareChangeSet(client, spec, options({
      poll,
      waitFailed: (e, status, what) => {
        failed.push(`${status}${what}`)
        throw e
      }
    })).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(StackTimeoutError)
    expect(failed).toEqual(['UPDATE_IN_PROGRESS; nothing was changed'])
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0)
  })
})
