import { describe, it, expect, beforeEach } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  CloudFormationClient,
  DescribeStacksCommand,
  DetectStackDriftCommand,
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand
} from '@aws-sdk/client-cloudformation'
import { detectStackDrift, DriftDetectionUnavailableError, isNotImplemented, cloudFormationEndpoint } from '../../../src/cfn/drift.js'
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
  it('drift found: polls with backoff until complete, then lists MODIFIED and DELETED resources with expected vs actual', async () => {
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
    expect(r.items).toEqual([
      { source: NAME, logicalId: 'KarpenterInterruptionQueue', resourceType: 'AWS::SQS::Queue', status: 'MODIFIED', differences: [{ path: '/MessageRetentionPeriod', expected: '300', actual: '600', type: 'NOT_EQUAL' }] },
      { source: NAME, logicalId: 'RebalanceRule', resourceType: 'AWS::Events::Rule', status: 'DELETED', differences: [{ path: '(resource)', expected: 'rule-1', actual: 'deleted', type: 'REMOVE' }] }
    ])
    expect(cfn.commandCalls(DescribeStackResourceDriftsCommand)[0].args[0].input.StackResourceDriftStatusFilters).toEqual(['MODIFIED', 'DELETED'])
  })

  it('no drift: IN_SYNC with no items', async () => {
    cfn.on(DescribeStacksCommand).resolves(present)
    cfn.on(DetectStackDriftCommand).resolves({ StackDriftDetectionId: 'd-1' })
    cfn.on(DescribeStackDriftDetectionStatusCommand).resolves({ StackId: 's', StackDriftDetectionId: 'd-1', DetectionStatus: 'DETECTION_COMPLETE', StackDriftStatus: 'IN_SYNC', Timestamp: new Date() })
    cfn.on(DescribeStackResourceDriftsCommand).resolves({ StackResourceDrifts: [] })
    const r = await detectStackDrift(client, NAME, poll(), 'x')
    expect(r).toEqual({ stack: NAME, status: 'IN_SYNC', items: [] })
  })

  it('detection failed part-way: the reason is kept and what was found is still reported', async () => {
    cfn.on(DescribeStacksCommand).resolves(present)
    cfn.on(DetectStackDriftCommand).resolves({ StackDriftDetectionId: 'd-1' })
    cfn.on(DescribeStackDriftDetectionStatusCommand).resolves({ StackId: 's', StackDriftDetectionId: 'd-1', DetectionStatus: 'DETECTION_FAILED', DetectionStatusReason: 'Failed to detect drift on resource X', StackDriftStatus: 'IN_SYNC', Timestamp: new Date() })
    cfn.on(DescribeStackResourceDriftsCommand).resolves({ StackResourceDrifts: [] })
    const r = await detectStackDrift(client, NAME, poll(), 'x')
    expect(r.partialReason).toBe('Failed to detect drift on resource X')
  })

  it('not implemented (moto: HTTP 500): a clear error naming the endpoint', async () => {
    cfn.on(DescribeStacksCommand).resolves(present)
    const notImpl = Object.assign(new Error('The detect_stack_drift action has not been implemented'), { name: 'NotImplementedError', $metadata: { httpStatusCode: 500 } })
    cfn.on(DetectStackDriftCommand).rejects(notImpl)
    const err = (await detectStackDrift(client, NAME, poll(), 'http://127.0.0.1:5000').catch((e: unknown) => e)) as Error
    expect(err).toBeInstanceOf(DriftDetectionUnavailableError)
    expect(err.message).toMatch(/^CloudFormation drift detection is not available at http:\/\/127\.0\.0\.1:5000/)
  })

  it('other errors (access denied) pass through unchanged', async () => {
    cfn.on(DescribeStacksCommand).resolves(present)
    cfn.on(DetectStackDriftCommand).rejects(Object.assign(new Error('not authorized to perform cloudformation:DetectStackDrift'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }))
    await expect(detectStackDrift(client, NAME, poll(), 'x')).rejects.toThrow(/not authorized/)
  })

  it('a missing stack is drift: DELETED, without calling DetectStackDrift', async () => {
    cfn.on(DescribeStacksCommand).rejects(Object.assign(new Error(`Stack with id ${NAME} does not exist`), { name: 'ValidationError' }))
    const r = await detectStackDrift(client, NAME, poll(), 'x')
    expect(r.status).toBe('DELETED')
    expect(r.items[0]).toMatchObject({ source: NAME, status: 'DELETED' })
    expect(cfn.commandCalls(DetectStackDriftCommand)).toHaveLength(0)
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
