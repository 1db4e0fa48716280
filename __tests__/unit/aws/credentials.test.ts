import { describe, it, expect, beforeEach, jest } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { STSClient, AssumeRoleWithWebIdentityCommand } from '@aws-sdk/client-sts'
import { resolveCredentials, MissingIdTokenPermissionError } from '../../../src/aws/credentials.js'

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
  it('without role-to-assume uses the default chain (undefined) and calls nothing', async () => {
    const getIdToken = jest.fn(async () => 'jwt')
    expect(await resolveCredentials({ ...inputs, roleToAssume: undefined }, 'us-west-2', { getIdToken, env })).toBeUndefined()
    expect(getIdToken).not.toHaveBeenCalled()
    expect(sts.calls()).toHaveLength(0)
  })

  it('exchanges the OIDC token for credentials and masks token and secrets', async () => {
    sts.on(AssumeRoleWithWebIdentityCommand).resolves({ Credentials: creds, AssumedRoleUser: { Arn: 'arn:aws:sts::123456789012:assumed-role/deployer/s', AssumedRoleId: 'x' } })
    const getIdToken = jest.fn(async (_aud: string) => 'header.payload.signature')
    const c = await resolveCredentials(inputs, 'us-west-2', { getIdToken, env })
    expect(c).toMatchObject({ accessKeyId: 'ASIAEXAMPLEKEY', secretAccessKey: 'secret-value', sessionToken: 'session-token' })
    expect(getIdToken).toHaveBeenCalledWith('sts.amazonaws.com')
    const input = sts.commandCalls(AssumeRoleWithWebIdentityCommand)[0].args[0].input
    expect(input).toEqual({ RoleArn: inputs.roleToAssume, RoleSessionName: 'karpenter-provision', DurationSeconds: 1800, WebIdentityToken: 'header.payload.signature' })
    const out = stdout.join('')
    for (const secret of ['header.payload.signature', 'ASIAEXAMPLEKEY', 'secret-value', 'session-token']) {
      expect(out).toContain(`::add-mask::${secret}`)
    }
  })

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

  it('names the missing id-token permission before calling anything', async () => {
    const getIdToken = jest.fn(async () => 't')
    const p = resolveCredentials(inputs, 'us-west-2', { getIdToken, env: {} })
    await expect(p).rejects.toBeInstanceOf(MissingIdTokenPermissionError)
    await expect(resolveCredentials(inputs, 'us-west-2', { getIdToken, env: {} })).rejects.toThrow('permissions: id-token: write')
    expect(getIdToken).not.toHaveBeenCalled()
    expect(sts.calls()).toHaveLength(0)
  })
})
