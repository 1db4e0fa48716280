// A call that is still throttled when the SDK's retries run out says which call, on what, after how many
// tries. The SDK client is real (its retry strategy and its error parsing); only the HTTP answer is canned.
import { describe, expect, it } from '@jest/globals'
import { Readable } from 'node:stream'
import { CloudFormationClient, CreateChangeSetCommand, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { explainRetriedCalls, withRetry } from '../../../src/aws/retry.js'

const THROTTLED = '<ErrorResponse><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r</RequestId></ErrorResponse>'
const DENIED = '<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>not authorized</Message></Error><RequestId>r</RequestId></ErrorResponse>'

function client(body: string, status: number): { cfn: CloudFormationClient; calls: () => number } {
  let calls = 0
  const cfn = new CloudFormationClient({
    region: 'us-west-2',
    credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
    maxAttempts: 3,
    retryMode: 'standard',
    requestHandler: {
      handle: async () => {
        calls++
        return { response: { statusCode: status, headers: { 'content-type': 'text/xml' }, body: Readable.from([Buffer.from(body)]) } }
      }
    }
  })
  return { cfn: explainRetriedCalls(cfn), calls: () => calls }
}

describe('explainRetriedCalls', () => {
  it('persistent throttling: the call, its stack and the tries, with AWS words kept', async () => {
    const { cfn, calls } = client(THROTTLED, 400)
    const err = (await cfn.send(new CreateChangeSetCommand({ StackName: 'eksctl-demo-karpenter', ChangeSetName: 'cs' })).catch(e => e)) as Error
    expect(calls()).toBe(3)
    expect(err.name).toBe('Throttling')
    expect(err.message).toBe('CreateChangeSet on StackName eksctl-demo-karpenter: Throttling: Rate exceeded (throttled by AWS; gave up after 3 tries)')
  }, 20_000)

  it('a call with no target still names itself; a local mistake is left as AWS said it', async () => {
    const throttled = client(THROTTLED, 400)
    expect(((await throttled.cfn.send(new DescribeStacksCommand({})).catch(e => e)) as Error).message).toMatch(/^DescribeStacks: Throttling: Rate exceeded \(throttled by AWS; gave up after 3 tries\)$/)
    const denied = client(DENIED, 403)
    expect(((await denied.cfn.send(new DescribeStacksCommand({ StackName: 's' })).catch(e => e)) as Error).message).toBe('not authorized')
    expect(denied.calls()).toBe(1)
  }, 20_000)
})

describe('withRetry', () => {
  it('names the call and the tries when they run out', async () => {
    const throttled = (): Error => Object.assign(new Error('Rate exceeded'), { name: 'Throttling', $metadata: { httpStatusCode: 400 } })
    const err = (await withRetry(() => Promise.reject(throttled()), { attempts: 3, sleep: async () => undefined, what: 'AssumeRoleWithWebIdentity on RoleArn arn:aws:iam::1:role/r' }).catch(e => e)) as Error
    expect(err.message).toBe('AssumeRoleWithWebIdentity on RoleArn arn:aws:iam::1:role/r: Throttling: Rate exceeded (throttled by AWS; gave up after 3 tries)')
  })
})
