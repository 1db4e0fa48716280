import { describe, it, expect, afterEach } from '@jest/globals'
import { eksToken, stsEndpoint } from '../../../src/kube/token.js'

const credentials = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', sessionToken: 'session/token+x=' }

function decode(token: string): URL {
  expect(token.startsWith('k8s-aws-v1.')).toBe(true)
  const body = token.slice('k8s-aws-v1.'.length)
  // base64url without padding: no '=', '+' or '/'
  expect(body).toMatch(/^[A-Za-z0-9_-]+$/)
  return new URL(Buffer.from(body, 'base64url').toString('utf8'))
}

describe('eksToken', () => {
  const saved = { sts: process.env.AWS_ENDPOINT_URL_STS, all: process.env.AWS_ENDPOINT_URL }
  afterEach(() => {
    if (saved.sts === undefined) delete process.env.AWS_ENDPOINT_URL_STS
    else process.env.AWS_ENDPOINT_URL_STS = saved.sts
    if (saved.all === undefined) delete process.env.AWS_ENDPOINT_URL
    else process.env.AWS_ENDPOINT_URL = saved.all
  })

  it('is a presigned regional STS GetCallerIdentity URL bound to the cluster', async () => {
    delete process.env.AWS_ENDPOINT_URL_STS
    delete process.env.AWS_ENDPOINT_URL
    const url = decode(await eksToken({ clusterName: 'prod', region: 'eu-west-1', credentials, signingDate: new Date('2025-01-02T03:04:05Z') }))
    expect(url.protocol).toBe('https:')
    expect(url.host).toBe('sts.eu-west-1.amazonaws.com')
    expect(url.searchParams.get('Action')).toBe('GetCallerIdentity')
    expect(url.searchParams.get('Version')).toBe('2011-06-15')
    expect(url.searchParams.get('X-Amz-Expires')).toBe('60')
    expect(url.searchParams.get('X-Amz-Algorithm')).toBe('AWS4-HMAC-SHA256')
    expect(url.searchParams.get('X-Amz-Date')).toBe('20250102T030405Z')
    expect(url.searchParams.get('X-Amz-Credential')).toBe('AKIDEXAMPLE/20250102/eu-west-1/sts/aws4_request')
    expect(url.searchParams.get('X-Amz-Security-Token')).toBe(credentials.sessionToken)
    expect(url.searchParams.get('X-Amz-SignedHeaders')?.split(';')).toEqual(['host', 'x-k8s-aws-id'])
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/)
    // the cluster name is a signed header, not a query parameter
    expect(url.searchParams.has('x-k8s-aws-id')).toBe(false)
  })

  it('masks the token', async () => {
    const writes: string[] = []
    const original = process.stdout.write.bind(process.stdout)
    process.stdout.write = ((chunk: string | Uint8Array) => {
      writes.push(String(chunk))
      return true
    }) as typeof process.stdout.write
    let token: string
    try {
      token = await eksToken({ clusterName: 'prod', region: 'us-east-1', credentials })
    } finally {
      process.stdout.write = original
    }
    expect(writes.join('')).toContain(`::add-mask::${token}`)
  })

  it('signs a different URL for another cluster name', async () => {
    const date = new Date('2025-01-02T03:04:05Z')
    const a = decode(await eksToken({ clusterName: 'a', region: 'us-east-1', credentials, signingDate: date }))
    const b = decode(await eksToken({ clusterName: 'b', region: 'us-east-1', credentials, signingDate: date }))
    expect(a.searchParams.get('X-Amz-Signature')).not.toBe(b.searchParams.get('X-Amz-Signature'))
  })

  it('uses the China DNS suffix for cn regions', () => {
    delete process.env.AWS_ENDPOINT_URL_STS
    delete process.env.AWS_ENDPOINT_URL
    expect(stsEndpoint('cn-north-1').host).toBe('sts.cn-north-1.amazonaws.com.cn')
    expect(stsEndpoint('us-gov-west-1').host).toBe('sts.us-gov-west-1.amazonaws.com')
  })

  it('follows AWS_ENDPOINT_URL_STS before AWS_ENDPOINT_URL (moto in tests)', async () => {
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:1111'
    process.env.AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:5000'
    const url = decode(await eksToken({ clusterName: 'c', region: 'us-west-2', credentials }))
    expect(url.protocol).toBe('http:')
    expect(url.host).toBe('127.0.0.1:5000')
    delete process.env.AWS_ENDPOINT_URL_STS
    expect(stsEndpoint('us-west-2').host).toBe('127.0.0.1:1111')
    expect(stsEndpoint('us-west-2', 'https://sts.example.test').host).toBe('sts.example.test')
  })
})
