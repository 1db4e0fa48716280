// resolveCredentials' refusals and retries, on a mocked STS client; the exchange itself, what is masked and the
// cases that call nothing run against moto's STS in __tests__/integration/executors-credentials.test.ts. What keeps
// each case here (checked against a running moto 5.2.1): moto's AssumeRoleWithWebIdentity accepts any role ARN and
// any token and never throttles, so it never answers Throttling / IDPCommunicationError (retried) nor AccessDenied
// (not retried) — with moto's IAM policy evaluation switched on it fails the unsigned request with an HTTP 500 instead.
import { describe, it, expect, beforeEach, jest } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts'
import { resolveCredentials } from '../../../src/aws/credentials.js'

const sts = mockClient(STSClient)
const inputs = { roleToAssume: 'arn:aws:iam::123456789012:role/deployer', audience: 'sts.amazonaws.com', roleSessionName: 'karpenter-provision', roleDurationSeconds: 1800 }
const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/token?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'req' }
const creds = { AccessKeyId: 'ASIAEXAMPLEKEY', SecretAccessKey: 'secret-value', SessionToken: 'session-token', Expiration: new Date() }
const err = (name: string, status = 400): Error => Object.assign(new Error(`${name} happened`), { name, $metadata: { httpStatusCode: status } })

let stdout: string[] = []
beforeEach(() => {
  sts.reset()
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    stdout.push(String(s))
    return true
  })
})

describe('resolveCredentials', () => {
  it('retries throttling and IDPCommunicationError, then succeeds', async () => {
    sts.on(AssumeRoleWithWebIdentityCommand).rejectsOnce(err('Throttling')).rejectsOnce(err('IDPCommunicationError')).resolves({ Credentials: creds })
    const sleeps: number[] = []
    const c = await resolveCredentials(inputs, 'us-west-2', { getIdToken: async () => 't', env, sleep: async ms => void sleeps.push(ms) })
    expect(c?.accessKeyId).toBe('ASIAEXAMPLEKEY')
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(3)
    expect(sleeps).toHaveLength(2)
  })

  it('does not retry AccessDenied', async () => {
    sts.on(AssumeRoleWithWebIdentityCommand).rejects(err('AccessDenied', 403))
    const sleeps: number[] = []
    await expect(resolveCredentials(inputs, 'us-west-2', { getIdToken: async () => 't', env, sleep: async ms => void sleeps.push(ms) })).rejects.toThrow('AccessDenied')
    expect(sts.commandCalls(AssumeRoleWithWebIdentityCommand)).toHaveLength(1)
    expect(sleeps).toEqual([])
  })

})
