// Credentials for the run (src/aws/credentials.ts) against moto's STS: the OIDC token exchanged by
// AssumeRoleWithWebIdentity (as the SDK sends it, checked against botocore's model and counted by the proxy), what
// is masked, and the cases that must call nothing at all. moto's STS accepts any web identity token and role, so
// the refusals (AccessDenied, not retried) and the retried throttling / IDPCommunicationError stay in the mock-based
// unit test __tests__/unit/aws/credentials.test.ts.
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach, jest } from '@jest/globals'
import { startMoto, type Moto } from '../../test/harness/moto.js'
import { resolveCredentials, MissingIdTokenPermissionError } from '../../src/aws/credentials.js'

const inputs = { roleToAssume: 'arn:aws:iam::123456789012:role/deployer', audience: 'sts.amazonaws.com', roleSessionName: 'karpenter-provision', roleDurationSeconds: 1800 }
const env = { ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/token?api-version=2.0', ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'req' }

let moto: Moto
let stdout: string[]
let saved: string | undefined

beforeAll(async () => {
  moto = await startMoto()
}, 60_000)

afterAll(async () => {
  await moto?.stop()
})

beforeEach(() => {
  moto.resetCalls()
  // the STS client is made inside resolveCredentials: it finds moto the way the action finds any endpoint override
  saved = process.env.AWS_ENDPOINT_URL_STS
  process.env.AWS_ENDPOINT_URL_STS = moto.endpoint
  stdout = []
  jest.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    stdout.push(String(s))
    return true
  })
})

afterEach(() => {
  if (saved === undefined) delete process.env.AWS_ENDPOINT_URL_STS
  else process.env.AWS_ENDPOINT_URL_STS = saved
  jest.restoreAllMocks()
})

describe('resolveCredentials', () => {
  it('exchanges the OIDC token for credentials and masks token and secrets', async () => {
    const getIdToken = jest.fn(async (_aud: string) => 'header.payload.signature')
    const c = await resolveCredentials(inputs, 'us-west-2', { getIdToken, env })
    expect(getIdToken).toHaveBeenCalledWith('sts.amazonaws.com')
    expect(moto.calls.filter(x => x.action === 'AssumeRoleWithWebIdentity').map(x => x.request.params)).toEqual([
      expect.objectContaining({ RoleArn: inputs.roleToAssume, RoleSessionName: 'karpenter-provision', DurationSeconds: '1800', WebIdentityToken: 'header.payload.signature' })
    ])
    expect(c?.accessKeyId).toMatch(/^ASIA/)
    expect(c?.secretAccessKey).toBeTruthy()
    expect(c?.sessionToken).toBeTruthy()
    expect(c?.expiration).toBeInstanceOf(Date)
    const out = stdout.join('')
    for (const secret of ['header.payload.signature', c!.accessKeyId, c!.secretAccessKey, c!.sessionToken!]) {
      expect(out).toContain(`::add-mask::${secret}`)
    }
    expect(out).toContain('Assumed arn:aws:sts::123456789012:assumed-role/deployer/karpenter-provision (session karpenter-provision).')
  })

  it('without role-to-assume uses the default chain (undefined) and calls nothing', async () => {
    const getIdToken = jest.fn(async () => 'jwt')
    expect(await resolveCredentials({ ...inputs, roleToAssume: undefined }, 'us-west-2', { getIdToken, env })).toBeUndefined()
    expect(getIdToken).not.toHaveBeenCalled()
    expect(moto.calls).toEqual([])
  })

  it('names the missing id-token permission before calling anything', async () => {
    const getIdToken = jest.fn(async () => 't')
    const err = await resolveCredentials(inputs, 'us-west-2', { getIdToken, env: {} }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(MissingIdTokenPermissionError)
    expect((err as Error).message).toContain('permissions: id-token: write')
    expect(getIdToken).not.toHaveBeenCalled()
    expect(moto.calls).toEqual([])
  })
})
