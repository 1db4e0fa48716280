// CloudFormation drift detection for one stack: DetectStackDrift, polled with backoff until it finishes,
// then DescribeStackResourceDrifts for the MODIFIED and DELETED resources with each property's expected
// and actual value. A missing stack is drift too. An endpoint that does not implement drift detection
// (it answers NotImplemented, HTTP 501, or a 500 saying "not yet implemented") gets a clear error, not a stack trace.
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { DriftItem } from '../report/types.js'
import { describeStack } from './describe.js'
import { pollUntil, type PollOptions } from './deploy-wait.js'
import { ProvisionError, awsErrorName, errorMessage, httpStatus, isAwsError } from '../core/errors.js'

export class DriftDetectionUnavailableError extends ProvisionError {
  override readonly name: string = 'DriftDetectionUnavailableError'
  constructor(readonly endpoint: string, readonly cause: unknown) {
    super(
      `CloudFormation drift detection is not available at ${endpoint} (${awsErrorName(cause) ?? 'error'}: ${errorMessage(cause)}). ` +
        'Run drift against an AWS CloudFormation endpoint that implements DetectStackDrift.'
    )
  }
}

export interface StackDrift {
  stack: string
  /** IN_SYNC | DRIFTED | UNKNOWN | NOT_CHECKED | DELETED (the stack itself is gone) */
  status: string
  items: DriftItem[]
  /** set when detection finished with DETECTION_FAILED (some resources could not be checked) */
  partialReason?: string
}

/** Where the CloudFormation client sends requests, for the message: the configured override or AWS's own. */
export function cloudFormationEndpoint(region: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_ENDPOINT_URL_CLOUDFORMATION ?? env.AWS_ENDPOINT_URL ?? `https://cloudformation.${region}.amazonaws.com`
}

/** An endpoint without the action: NotImplemented / UnknownOperation / InvalidAction, HTTP 501, or a message saying it is not implemented. */
export function isNotImplemented(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false
  if (isAwsError(err, 'NotImplemented', 'NotImplementedError', 'UnknownOperation', 'UnknownOperationException', 'InvalidAction')) return true
  if (/not (yet )?(been )?implemented/i.test(errorMessage(err))) return true
  return httpStatus(err) === 501
}

export async function detectStackDrift(cfn: CloudFormationClient, stackName: string, poll: PollOptions, endpoint: string): Promise<StackDrift> {
  const { DetectStackDriftCommand, DescribeStackDriftDetectionStatusCommand } = await import('@aws-sdk/client-cloudformation')
  const stack = await describeStack(cfn, stackName)
  if (!stack || stack.StackStatus === 'DELETE_COMPLETE' || stack.StackStatus === 'REVIEW_IN_PROGRESS') {
    return {
      stack: stackName,
      status: 'DELETED',
      items: [{ source: stackName, status: 'DELETED', differences: [{ path: '(stack)', expected: 'present', actual: stack ? stack.StackStatus : 'absent', type: 'REMOVE' }] }]
    }
  }

  let detectionId: string | undefined
  try {
    detectionId = (await cfn.send(new DetectStackDriftCommand({ StackName: stackName }))).StackDriftDetectionId
  } catch (err) {
    if (isNotImplemented(err) || httpStatus(err) === 500) {
      throw new DriftDetectionUnavailableError(endpoint, err)
    }
    throw err
  }
  if (!detectionId) throw new Error(`DetectStackDrift on ${stackName} returned no detection id`)

  const done = await pollUntil(
    async () => {
      const s = await cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: detectionId }))
      return s.DetectionStatus === 'DETECTION_IN_PROGRESS' ? undefined : s
    },
    poll,
    () => `drift detection ${detectionId} on stack ${stackName}`
  )
  const items = await resourceDrifts(cfn, stackName)
  const result: StackDrift = { stack: stackName, status: done.StackDriftStatus ?? 'UNKNOWN', items }
  if (done.DetectionStatus === 'DETECTION_FAILED') result.partialReason = done.DetectionStatusReason ?? 'no reason given'
  // a resource list that says drift wins over a status that does not (and vice versa is impossible)
  if (items.length > 0) result.status = 'DRIFTED'
  return result
}

/** The MODIFIED and DELETED resources of the last detection, with expected vs actual per property. */
export async function resourceDrifts(cfn: CloudFormationClient, stackName: string): Promise<DriftItem[]> {
  const { DescribeStackResourceDriftsCommand } = await import('@aws-sdk/client-cloudformation')
  const items: DriftItem[] = []
  let token: string | undefined
  do {
    const page = await cfn.send(
      new DescribeStackResourceDriftsCommand({ StackName: stackName, StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'], NextToken: token })
    )
    for (const d of page.StackResourceDrifts ?? []) {
      const status = d.StackResourceDriftStatus ?? 'UNKNOWN'
      if (status !== 'MODIFIED' && status !== 'DELETED') continue
      items.push({
        source: stackName,
        logicalId: d.LogicalResourceId,
        resourceType: d.ResourceType,
        status,
        differences:
          status === 'DELETED'
            ? [{ path: '(resource)', expected: d.PhysicalResourceId ?? 'present', actual: 'deleted', type: 'REMOVE' }]
            : (d.PropertyDifferences ?? []).map(p => ({ path: p.PropertyPath ?? '', expected: p.ExpectedValue, actual: p.ActualValue, type: p.DifferenceType }))
      })
    }
    token = page.NextToken
  } while (token)
  return items
}
