// The fault proxy itself, driven by the real SDK clients against moto: each fault arrives in the shape
// the SDK parses for that protocol (so its retry decisions are the real ones), and calls are counted.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam'
import { STSClient, GetCallerIdentityCommand, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts'
import { EKSClient, DescribeClusterCommand } from '@aws-sdk/client-eks'
import { startFaultProxy, type FaultProxy } from '../../test/harness/fault-proxy.js'
import { startMoto, type Moto } from '../../test/harness/moto.js'

const credentials = { accessKeyId: 'testing', secretAccessKey: 'testing' }
let moto: Moto
let proxy: FaultProxy

const client = <T>(Make: new (c: object) => T, maxAttempts = 3): T =>
  new Make({ region: 'us-west-2', endpoint: proxy.endpoint, credentials, maxAttempts, retryMode: 'standard' })

beforeAll(async () => {
  moto = await startMoto()
  proxy = await startFaultProxy({ target: moto.endpoint })
}, 60_000)

afterAll(async () => {
  await proxy?.close()
  await moto?.stop()
})

describe('fault proxy', () => {
  it('identifies query, unsigned STS and REST-JSON calls and counts them', async () => {
    proxy.resetCalls()
    await client(CloudFormationClient).send(new DescribeStacksCommand({}))
    await client(IAMClient).send(new ListRolesCommand({}))
    await client(STSClient).send(new GetCallerIdentityCommand({}))
    await new STSClient({ region: 'us-west-2', endpoint: proxy.endpoint, credentials }).send(
      new AssumeRoleWithWebIdentityCommand({ RoleArn: 'arn:aws:iam::123456789012:role/x', RoleSessionName: 'session', WebIdentityToken: 'token' })
    )
    await expect(client(EKSClient, 1).send(new DescribeClusterCommand({ name: 'nope' }))).rejects.toThrow()
    expect(proxy.countsByAction()).toEqual({
      'cloudformation:DescribeStacks': 1,
      'iam:ListRoles': 1,
      'sts:GetCallerIdentity': 1,
      'sts:AssumeRoleWithWebIdentity': 1,
      'eks:DescribeCluster': 1
    })
    expect(proxy.mutations()).toEqual([])
  }, 20_000)

  it('throttles a query-protocol action N times; the SDK sees Throttling and retries through', async () => {
    proxy.resetCalls()
    proxy.plan({ action: 'DescribeStacks', fault: { kind: 'throttle' }, times: 2 })
    const out = await client(CloudFormationClient).send(new DescribeStacksCommand({}))
    expect(out.Stacks).toEqual([])
    expect(proxy.count('DescribeStacks')).toBe(3)
    expect(proxy.calls.map(c => c.status)).toEqual([400, 400, 200])
  })

  it('the throttling error parses as the SDK error named Throttling', async () => {
    proxy.clearPlan()
    proxy.plan({ action: 'ListRoles', fault: { kind: 'throttle' }, times: 1 })
    const err = await client(IAMClient, 1).send(new ListRolesCommand({})).catch((e: unknown) => e as Error & { $metadata: { httpStatusCode: number } })
    expect(err).toBeInstanceOf(Error)
    expect((err as Error).name).toBe('Throttling')
    expect((err as { $metadata: { httpStatusCode: number } }).$metadata.httpStatusCode).toBe(400)
  })

  it('answers 500 and 503 in the service protocol, then passes through', async () => {
    proxy.clearPlan()
    proxy.resetCalls()
    proxy.plan({ action: 'GetCallerIdentity', fault: { kind: 'server-error', status: 503 }, times: 1 })
    proxy.plan({ action: 'GetCallerIdentity', fault: { kind: 'server-error', status: 500 }, times: 1 })
    const id = await client(STSClient).send(new GetCallerIdentityCommand({}))
    expect(id.Account).toMatch(/^\d{12}$/)
    expect(proxy.calls.map(c => [c.fault, c.status])).toEqual([
      ['server-error', 503],
      ['server-error', 500],
      [undefined, 200]
    ])
  })

  it('REST-JSON throttling is a 429 ThrottlingException', async () => {
    proxy.clearPlan()
    proxy.plan({ action: 'DescribeCluster', service: 'eks', fault: { kind: 'throttle' }, times: 1 })
    const err = (await client(EKSClient, 1).send(new DescribeClusterCommand({ name: 'c' })).catch((e: unknown) => e)) as Error & { $metadata: { httpStatusCode: number } }
    expect(err.name).toBe('ThrottlingException')
    expect(err.$metadata.httpStatusCode).toBe(429)
  })

  it('a custom error is not retried by the SDK (AccessDenied), and is counted once', async () => {
    proxy.clearPlan()
    proxy.resetCalls()
    proxy.plan({ action: 'ListRoles', fault: { kind: 'error', status: 403, code: 'AccessDenied', message: 'not allowed here' }, times: 5 })
    const err = (await client(IAMClient, 5).send(new ListRolesCommand({})).catch((e: unknown) => e)) as Error
    expect(err.name).toBe('AccessDenied')
    expect(err.message).toBe('not allowed here')
    expect(proxy.count('ListRoles')).toBe(1)
    proxy.clearPlan()
  })

  it('a connection reset is retried by the SDK as a transient error', async () => {
    proxy.clearPlan()
    proxy.resetCalls()
    proxy.plan({ action: 'ListRoles', fault: { kind: 'reset' }, times: 1 })
    await client(IAMClient).send(new ListRolesCommand({}))
    expect(proxy.calls.map(c => c.fault)).toEqual(['reset', undefined])
  })

  it('skip lets the first calls through; rewrite edits the answer; waitForCall sees calls', async () => {
    proxy.clearPlan()
    proxy.resetCalls()
    proxy.plan({ action: 'GetCallerIdentity', skip: 1, fault: { kind: 'rewrite', replace: [[/\d{12}/g, '999999999999']] }, times: 1 })
    const seen = proxy.waitForCall(c => c.action === 'GetCallerIdentity' && c.fault === 'rewrite', { timeoutMs: 10_000 })
    const first = await client(STSClient).send(new GetCallerIdentityCommand({}))
    const second = await client(STSClient).send(new GetCallerIdentityCommand({}))
    expect(first.Account).not.toBe('999999999999')
    expect(second.Account).toBe('999999999999')
    expect((await seen).status).toBe(200)
  })
})
