// The drift executor (src/cfn/drift.ts) against moto: moto 5.2 does not implement drift detection, so the
// harness's stand-in (test/harness/drift-standin.ts) serves DetectStackDrift, DescribeStackDriftDetectionStatus and
// DescribeStackResourceDrifts in front of moto, comparing each resource's template properties with the live one it
// reads back from moto; DescribeStacks and the resources themselves are moto's. Drift is made the way it happens:
// a queue changed and a queue deleted outside CloudFormation. moto's own answer to DetectStackDrift (HTTP 500, "not
// implemented") is asked for directly, past the stand-in.
// What neither produces (a detection still in progress to poll, pages of drifts, DETECTION_FAILED, an access
// denied) stays in the mock-based unit test __tests__/unit/cfn/drift.test.ts.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals'
import { CloudFormationClient, CreateStackCommand, CreateChangeSetCommand, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation'
import { SQSClient, SetQueueAttributesCommand, DeleteQueueCommand } from '@aws-sdk/client-sqs'
import { startMoto, type Moto } from '../../test/harness/moto.js'
import { startDriftStandin } from '../../test/harness/drift-standin.js'
import { detectStackDrift, DriftDetectionUnavailableError } from '../../src/cfn/drift.js'
import type { PollOptions } from '../../src/cfn/deploy-wait.js'

const REGION = 'us-west-2'
const NAME = 'eksctl-prod-karpenter'
const credentials = { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' }
const template = {
  AWSTemplateFormatVersion: '2010-09-09',
  Resources: {
    KarpenterInterruptionQueue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'prod', MessageRetentionPeriod: 300 } },
    SpareQueue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'prod-spare' } }
  }
}

let moto: Moto
let cfn: CloudFormationClient
let sqs: SQSClient
let sleeps: number[]

beforeAll(async () => {
  moto = await startMoto()
  startDriftStandin(moto)
  cfn = new CloudFormationClient({ region: REGION, endpoint: moto.endpoint, credentials })
  sqs = new SQSClient({ region: REGION, endpoint: moto.endpoint, credentials })
}, 60_000)

afterAll(async () => {
  cfn?.destroy()
  sqs?.destroy()
  await moto?.stop()
})

beforeEach(async () => {
  await moto.reset()
  sleeps = []
})

const poll = (): PollOptions => ({ deadline: Date.now() + 60_000, sleep: async ms => void sleeps.push(ms) })
const params = (action: string) => moto.calls.filter(c => c.action === action).map(c => c.request.params)
const deployed = async () => {
  await cfn.send(new CreateStackCommand({ StackName: NAME, TemplateBody: JSON.stringify(template) }))
  const resources = (await cfn.send(new DescribeStackResourcesCommand({ StackName: NAME }))).StackResources ?? []
  moto.resetCalls()
  return Object.fromEntries(resources.map(r => [r.LogicalResourceId!, r.PhysicalResourceId!]))
}

describe('detectStackDrift', () => {
  it('drift found: a MODIFIED resource with expected vs actual per property, a DELETED one with what was there', async () => {
    const queues = await deployed()
    await sqs.send(new SetQueueAttributesCommand({ QueueUrl: queues.KarpenterInterruptionQueue, Attributes: { MessageRetentionPeriod: '600' } }))
    await sqs.send(new DeleteQueueCommand({ QueueUrl: queues.SpareQueue }))
    const r = await detectStackDrift(cfn, NAME, poll(), moto.endpoint)
    expect(r.status).toBe('DRIFTED')
    expect(r.partialReason).toBeUndefined()
    expect([...r.items].sort((a, b) => String(a.logicalId).localeCompare(String(b.logicalId)))).toEqual([
      { source: NAME, logicalId: 'KarpenterInterruptionQueue', resourceType: 'AWS::SQS::Queue', status: 'MODIFIED', differences: [{ path: '/MessageRetentionPeriod', expected: '300', actual: '600', type: 'NOT_EQUAL' }] },
      { source: NAME, logicalId: 'SpareQueue', resourceType: 'AWS::SQS::Queue', status: 'DELETED', differences: [{ path: '(resource)', expected: queues.SpareQueue, actual: 'deleted', type: 'REMOVE' }] }
    ])
    expect(params('DescribeStackResourceDrifts')).toEqual([
      expect.objectContaining({ StackName: NAME, 'StackResourceDriftStatusFilters.member.1': 'MODIFIED', 'StackResourceDriftStatusFilters.member.2': 'DELETED' })
    ])
  })

  it('no drift: IN_SYNC with no items', async () => {
    await deployed()
    expect(await detectStackDrift(cfn, NAME, poll(), moto.endpoint)).toEqual({ stack: NAME, status: 'IN_SYNC', items: [] })
    expect(moto.count('DetectStackDrift')).toBe(1)
  })

  it('a missing stack is drift: DELETED, without calling DetectStackDrift', async () => {
    const r = await detectStackDrift(cfn, NAME, poll(), moto.endpoint)
    expect(r.status).toBe('DELETED')
    expect(r.items).toEqual([{ source: NAME, status: 'DELETED', differences: [{ path: '(stack)', expected: 'present', actual: 'absent', type: 'REMOVE' }] }])
    expect(moto.count('DescribeStacks')).toBe(1)
    expect(moto.count('DetectStackDrift')).toBe(0)
  })

  it('a stack that was never created (only a change set under review) is drift too', async () => {
    await cfn.send(new CreateChangeSetCommand({ StackName: NAME, ChangeSetName: 'review', ChangeSetType: 'CREATE', TemplateBody: JSON.stringify(template) }))
    moto.resetCalls()
    const r = await detectStackDrift(cfn, NAME, poll(), moto.endpoint)
    expect(r.status).toBe('DELETED')
    expect(r.items[0]?.differences).toEqual([{ path: '(stack)', expected: 'present', actual: 'REVIEW_IN_PROGRESS', type: 'REMOVE' }])
    expect(moto.count('DetectStackDrift')).toBe(0)
  })

  it('an endpoint without drift detection (moto itself: HTTP 500 "not implemented"): a clear error naming the endpoint', async () => {
    await deployed()
    const direct = new CloudFormationClient({ region: REGION, endpoint: moto.directEndpoint, credentials, maxAttempts: 1 })
    try {
      const err = await detectStackDrift(direct, NAME, poll(), moto.directEndpoint).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(DriftDetectionUnavailableError)
      expect((err as Error).message).toMatch(new RegExp(`^CloudFormation drift detection is not available at ${moto.directEndpoint.replace(/[.]/g, '\\.')} `))
    } finally {
      direct.destroy()
    }
  })
})
