// The IAM OIDC provider executor (src/aws/oidc-provider.ts) against moto's IAM: found / created / the fallback
// thumbprint / a provider another run created between our list and our create (made in moto from inside the
// thumbprint fetcher, which runs exactly in that window; moto answers EntityAlreadyExists as IAM does).
import { describe, it, expect, beforeAll, afterAll, beforeEach, jest } from '@jest/globals'
import { IAMClient, CreateOpenIDConnectProviderCommand, GetOpenIDConnectProviderCommand, ListOpenIDConnectProvidersCommand } from '@aws-sdk/client-iam'
import { startMoto, type Moto } from '../../test/harness/moto.js'
import { ensureOidcProvider, EKS_ROOT_CA_THUMBPRINT } from '../../src/aws/oidc-provider.js'

const issuer = 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC123'
const arn = 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC123'

let moto: Moto
let iam: IAMClient

beforeAll(async () => {
  moto = await startMoto()
  iam = new IAMClient({ region: 'us-west-2', endpoint: moto.endpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' } })
}, 60_000)

afterAll(async () => {
  iam?.destroy()
  await moto?.stop()
})

beforeEach(async () => {
  await moto.reset()
  moto.resetCalls()
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

const provide = (url: string, thumb = 'ff'.repeat(20)) =>
  iam.send(new CreateOpenIDConnectProviderCommand({ Url: url, ClientIDList: ['sts.amazonaws.com'], ThumbprintList: [thumb] }))
const providers = async () => ((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? []).map(p => p.Arn).sort()

describe('ensureOidcProvider', () => {
  it('leaves an existing provider untouched', async () => {
    await provide('https://oidc.eks.us-west-2.amazonaws.com/id/OTHER')
    await provide(issuer)
    moto.resetCalls()
    const thumbprint = jest.fn(async () => 'ff')
    expect(await ensureOidcProvider(iam, issuer, { cluster: 'prod', thumbprint })).toEqual({ arn, created: false })
    expect(moto.count('CreateOpenIDConnectProvider')).toBe(0)
    expect(thumbprint).not.toHaveBeenCalled()
    expect((await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))).ThumbprintList).toEqual(['ff'.repeat(20)])
  })

  it('creates a missing provider with the sts audience, the computed thumbprint and the cluster tag', async () => {
    const thumb = 'abcdef0123'.repeat(4)
    const r = await ensureOidcProvider(iam, issuer, { cluster: 'prod', thumbprint: async () => thumb })
    expect(r).toEqual({ arn, created: true })
    const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))
    expect(got.Url).toBe(issuer.replace(/^https:\/\//, ''))
    expect(got.ClientIDList).toEqual(['sts.amazonaws.com'])
    expect(got.ThumbprintList).toEqual([thumb])
    expect(got.Tags).toEqual([{ Key: 'alpha.eksctl.io/cluster-name', Value: 'prod' }])
    expect(moto.count('CreateOpenIDConnectProvider')).toBe(1)
  })

  it('falls back to the EKS root CA thumbprint when the issuer is unreachable', async () => {
    await ensureOidcProvider(iam, issuer, { cluster: 'prod', thumbprint: async () => undefined })
    expect((await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }))).ThumbprintList).toEqual([EKS_ROOT_CA_THUMBPRINT])
  })

  it('treats a provider created concurrently as present', async () => {
    // the thumbprint is fetched after the list and before the create: another run creates the provider then
    const thumbprint = async () => {
      await provide(issuer)
      return undefined
    }
    expect(await ensureOidcProvider(iam, issuer, { cluster: 'prod', thumbprint })).toEqual({ arn, created: false })
    expect(moto.calls.filter(c => c.action === 'CreateOpenIDConnectProvider').map(c => c.status)).toEqual([200, 409])
    expect(await providers()).toEqual([arn])
  })
})
