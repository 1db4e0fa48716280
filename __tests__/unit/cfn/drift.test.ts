// detectStackDrift's cases that neither moto 5.2 nor the harness's drift stand-in produce, on a mocked client.
// moto does not implement drift detection at all (DetectStackDrift answers HTTP 500 "not implemented", checked
// against a running moto 5.2.1); the stand-in (test/harness/drift-standin.ts) serves it in front of moto, and
// drift found / in sync / a missing or never-created stack / moto's own 500 run against both in
// __tests__/integration/executors-cfn-drift.test.ts. What keeps each case here:
//   polled with backoff, every page  — the stand-in finishes each detection at once (DETECTION_COMPLETE on the first
//                                      DescribeStackDriftDetectionStatus) and answers all drifts on one page
//   detection failed part-way        — the stand-in never answers DETECTION_FAILED
//   other errors pass through        — neither refuses DetectStackDrift (the stand-in answers it before moto's IAM
//                                      policy evaluation could)
import { describe, it, expect, beforeEach } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  CloudFormationClient,
  DescribeStacksCommand,
  DetectStackDriftCommand,
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand
} from '@aws-sdk/client-cloudformation'
import { detectStackDrift, isNotImplemented, cloudFormationEndpoint } from '../../../src/cfn/drift.js'
import type { PollOptions } from '../../../src/cfn/deploy-wait.js'

const cfn = mockClient(CloudFormationClient)
const client = new CloudFormationClient({ region: 'us-west-2' })
const NAME = 'eksctl-prod-karpenter'
let sleeps: number[]
const poll = (): PollOptions => ({ deadline: Date.now() + 60_000, sleep: async ms => void sleeps.push(ms) })
const present = { Stacks: [{ StackName: NAME, StackStatus: 'UPDATE_COMPLETE' as const, CreationTime: new Date() }] }

beforeEach(() => {
  cfn.reset()
  sleeps = []
})

describe('detectStackDrift', () => {
  it('a detection in progress is polled with backoff until complete; every page of drifts is read', async () => {
    cfn.on(DescribeStacksCommand).resolves(present)
    cfn.on(DetectStackDriftCommand).resolves({ StackDriftDetectionId: 'd-1' })
    cfn
      .on(DescribeStackDriftDetectionStatusCommand)
      .resolvesOnce({ StackId: 's', StackDriftDetectionId: 'd-1', DetectionStatus: 'DETECTION_IN_PROGRESS', Timestamp: new Date() })
      .resolvesOnce({ StackId: 's', StackDriftDetectionId: 'd-1', DetectionStatus: 'DETECTION_IN_PROGRESS', Timestamp: new Date() })
      .resolves({ StackId: 's', StackDriftDetectionId: 'd-1', DetectionStatus: 'DETECTION_COMPLETE', StackDriftStatus: 'DRIFTED', Timestamp: new Date() })
    cfn
      .on(DescribeStackResourceDriftsCommand)
      .resolvesOnce({
        StackResourceDrifts: [
          {
            StackId: 's', LogicalResourceId: 'KarpenterInterruptionQueue', ResourceType: 'AWS::SQS::Queue', StackResourceDriftStatus: 'MODIFIED', Timestamp: new Date(),
            PropertyDifferences: [{ PropertyPath: '/MessageRetentionPeriod', ExpectedValue: '300', ActualValue: '600', DifferenceType: 'NOT_EQUAL' }]
          }
        ],
        NextToken: 'p2'
      })
      .resolves({
        StackResourceDrifts: [
          { StackId: 's', LogicalResourceId: 'RebalanceRule', ResourceType: 'AWS::Events::Rule', PhysicalResourceId: 'rule-1', StackResourceDriftStatus: 'DELETED', Timestamp: new Date() }
        ]
      })
    const r = await detectStackDrift(client, NAME, poll(), 'https://cloudformation.us-west-2.amazonaws.com')
    expect(r.status).toBe('DRIFTED')
    expect(sleeps).toHaveLength(2)
    expect(sleeps[1]).toBeGreaterThan(sleeps[0])
    expect(r.items.map(i => `${i.logicalId} ${i.status}`)).toEqual(['KarpenterInterruptionQueue MODIFIED', 'RebalanceRule DELETED'])
    expect(cfn.commandCalls(DescribeStackResourceDriftsCommand).map(c => c.args[0].input.NextToken)).toEqual([undefined, 'p2'])
  })

  it('detection failed part-way: the reason is kept and what was found is still reported', async () => {
    cfn.on(DescribeStacksCommand).resolves(present)
    cfn.on(DetectStackDriftCommand).resolves({ StackDriftDetectionId: 'd-1' })
    cfn.on(DescribeStackDriftDetectionStatusCommand).resolves({ StackId: 's', StackDriftDetectionId: 'd-1', DetectionStatus: 'DETECTION_FAILED', DetectionStatusReason: 'Failed to detect drift on resource X', StackDriftStatus: 'IN_SYNC', Timestamp: new Date() })
    cfn.on(DescribeStackResourceDriftsCommand).resolves({ StackResourceDrifts: [] })
    const r = await detectStackDrift(client, NAME, poll(), 'x')
    expect(r.partialReason).toBe('Failed to detect drift on resource X')
  })

  it('other errors (access denied) pass through unchanged', async () => {
    cfn.on(DescribeStacksCommand).resolves(present)
    cfn.on(DetectStackDriftCommand).rejects(Object.assign(new Error('not authorized to perform cloudformation:DetectStackDrift'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }))
    await expect(detectStackDrift(client, NAME, poll(), 'x')).rejects.toThrow(/not authorized/)
  })

})

describe('helpers', () => {
  it('isNotImplemented recognises the emulator answers and nothing else', () => {
    expect(isNotImplemented({ name: 'NotImplemented' })).toBe(true)
    expect(isNotImplemented({ name: 'InternalFailure', message: 'The update_termination_protection action has not been implemented' })).toBe(true)
    expect(isNotImplemented({ name: 'ValidationError', message: 'Stack does not exist' })).toBe(false)
  })
  it('cloudFormationEndpoint prefers the service override, then the global one, then AWS', () => {
    expect(cloudFormationEndpoint('eu-west-1', {})).toBe('https://cloudformation.eu-west-1.amazonaws.com')
    expect(cloudFormationEndpoint('eu-west-1', { AWS_ENDPOINT_URL: 'http://a' })).toBe('http://a')
    expect(cloudFormationEndpoint('eu-west-1', { AWS_ENDPOINT_URL: 'http://a', AWS_ENDPOINT_URL_CLOUDFORMATION: 'http://b' })).toBe('http://b')
  })
})
