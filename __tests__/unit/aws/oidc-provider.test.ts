import { describe, it, expect, beforeEach, jest } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { IAMClient, ListOpenIDConnectProvidersCommand, CreateOpenIDConnectProviderCommand } from '@aws-sdk/client-iam'
import { ensureOidcProvider, EKS_ROOT_CA_THUMBPRINT } from '../../../src/aws/oidc-provider.js'

const iam = mockClient(IAMClient)
const client = new IAMClient({ region: 'us-west-2' })
const issuer = 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC123'
const arn = 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC123'

beforeEach(() => {
  iam.reset()
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

describe('ensureOidcProvider', () => {
  it('leaves an existing provider untouched', async () => {
    iam.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [{ Arn: 'arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/OTHER' }, { Arn: arn }] })
    const thumbprint = jest.fn(async () => 'ff')
    expect(await ensureOidcProvider(client, issuer, { cluster: 'prod', thumbprint })).toEqual({ arn, created: false })
    expect(iam.commandCalls(CreateOpenIDConnectProviderCommand)).toHaveLength(0)
    expect(thumbprint).not.toHaveBeenCalled()
  })

  it('creates a missing provider with the sts audience and the computed thumbprint', async () => {
    iam.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [] })
    iam.on(CreateOpenIDConnectProviderCommand).resolves({ OpenIDConnectProviderArn: arn })
    const r = await ensureOidcProvider(client, issuer, { cluster: 'prod', thumbprint: async () => 'abcdef0123' })
    expect(r).toEqual({ arn, created: true })
    expect(iam.commandCalls(CreateOpenIDConnectProviderCommand)[0].args[0].input).toMatchObject({ Url: issuer, ClientIDList: ['sts.amazonaws.com'], ThumbprintList: ['abcdef0123'] })
  })

  it('falls back to the EKS root CA thumbprint when the issuer is unreachable', async () => {
    iam.on(ListOpenIDConnectProvidersCommand).resolves({})
    iam.on(CreateOpenIDConnectProviderCommand).resolves({ OpenIDConnectProviderArn: arn })
    await ensureOidcProvider(client, issuer, { cluster: 'prod', thumbprint: async () => undefined })
    expect(iam.commandCalls(CreateOpenIDConnectProviderCommand)[0].args[0].input.ThumbprintList).toEqual([EKS_ROOT_CA_THUMBPRINT])
  })

  it('treats a provider created concurrently as present', async () => {
    iam.on(ListOpenIDConnectProvidersCommand).resolvesOnce({}).resolves({ OpenIDConnectProviderList: [{ Arn: arn }] })
    iam.on(CreateOpenIDConnectProviderCommand).rejects(Object.assign(new Error('exists'), { name: 'EntityAlreadyExistsException' }))
    expect(await ensureOidcProvider(client, issuer, { cluster: 'prod', thumbprint: async () => undefined })).toEqual({ arn, created: false })
  })
})
