// Parsing and SigV4 verification of EKS bearer tokens (`k8s-aws-v1.<base64url presigned STS URL>`), following
// what aws-iam-authenticator's verifier checks before it calls STS, and what STS itself checks on the call:
// the signature, computed with the x-k8s-aws-id header set to the cluster the verifier serves. That
// signature is what binds a token to one cluster; moto does not check signatures, so we do it here.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'

export const TOKEN_PREFIX = 'k8s-aws-v1.'
const MAX_TOKEN_BYTES = 4096 // aws-iam-authenticator's limit
const PRESIGN_MAX_AGE_MS = 15 * 60 * 1000 // aws-iam-authenticator treats tokens older than 15 min as expired
const ALLOWED_PARAMS = new Set([
  'action', 'version', 'x-amz-algorithm', 'x-amz-credential', 'x-amz-date', 'x-amz-expires',
  'x-amz-security-token', 'x-amz-signature', 'x-amz-signedheaders'
])
const AWS_STS_HOST = /^sts(\.[a-z0-9-]+)?\.amazonaws\.com(\.cn)?$/

export interface PresignedCallerIdentity {
  url: URL
  accessKeyId: string
  /** `<yyyymmdd>/<region>/<service>/aws4_request` */
  scope: string
  region: string
  amzDate: string
  signedHeaders: string[]
  signature: string
  securityToken?: string
}

export class TokenRejected extends Error {}

/**
 * Decodes the token and checks it is a presigned STS GetCallerIdentity URL for an allowed host, signing
 * x-k8s-aws-id and not expired. `extraHosts` are `host[:port]` values allowed besides AWS's STS hosts
 * (the moto endpoint the generator may have presigned against), with http allowed for them.
 */
export function parseEksToken(token: string, extraHosts: readonly string[], now = new Date()): PresignedCallerIdentity {
  if (!token.startsWith(TOKEN_PREFIX)) throw new TokenRejected(`token does not start with ${TOKEN_PREFIX}`)
  if (token.length > MAX_TOKEN_BYTES) throw new TokenRejected('token is longer than 4096 bytes')
  const encoded = token.slice(TOKEN_PREFIX.length)
  if (!/^[A-Za-z0-9_-]+$/.test(encoded)) throw new TokenRejected('token payload is not unpadded base64url')
  let url: URL
  try {
    url = new URL(Buffer.from(encoded, 'base64url').toString('utf8'))
  } catch {
    throw new TokenRejected('token payload is not a URL')
  }
  const local = extraHosts.includes(url.host)
  if (!local && !AWS_STS_HOST.test(url.hostname)) throw new TokenRejected(`unexpected STS host ${url.host}`)
  if (url.protocol !== 'https:' && !(local && url.protocol === 'http:')) throw new TokenRejected(`unexpected scheme ${url.protocol}`)
  if (url.pathname !== '/') throw new TokenRejected(`unexpected path ${url.pathname}`)

  const params = new Map<string, string>()
  for (const [key, value] of url.searchParams) {
    const k = key.toLowerCase()
    if (!ALLOWED_PARAMS.has(k)) throw new TokenRejected(`unexpected query parameter ${key}`)
    if (params.has(k)) throw new TokenRejected(`duplicate query parameter ${key}`)
    params.set(k, value)
  }
  if (params.get('action') !== 'GetCallerIdentity') throw new TokenRejected('not a GetCallerIdentity request')
  if (params.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') throw new TokenRejected('not an AWS4-HMAC-SHA256 presigned URL')
  const signedHeaders = (params.get('x-amz-signedheaders') ?? '').split(';').filter(Boolean)
  if (!signedHeaders.includes('x-k8s-aws-id')) throw new TokenRejected('x-k8s-aws-id is not a signed header')
  const credential = params.get('x-amz-credential') ?? ''
  const [accessKeyId, ...scopeParts] = credential.split('/')
  if (!accessKeyId || scopeParts.length !== 4 || scopeParts[2] !== 'sts' || scopeParts[3] !== 'aws4_request') {
    throw new TokenRejected('malformed X-Amz-Credential')
  }
  const amzDate = params.get('x-amz-date') ?? ''
  const signedAt = parseAmzDate(amzDate)
  if (signedAt === undefined) throw new TokenRejected('malformed X-Amz-Date')
  const expiresSec = Number(params.get('x-amz-expires') ?? '900')
  const age = now.getTime() - signedAt
  if (age > PRESIGN_MAX_AGE_MS || age > expiresSec * 1000) throw new TokenRejected('token expired')
  if (age < -5 * 60 * 1000) throw new TokenRejected('token is dated in the future')
  const signature = params.get('x-amz-signature') ?? ''
  if (!/^[0-9a-f]{64}$/.test(signature)) throw new TokenRejected('malformed X-Amz-Signature')
  return {
    url,
    accessKeyId,
    scope: scopeParts.join('/'),
    region: scopeParts[1] ?? '',
    amzDate,
    signedHeaders,
    signature,
    securityToken: params.get('x-amz-security-token')
  }
}

function parseAmzDate(s: string): number | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(s)
  if (!m) return undefined
  const [, y, mo, d, h, mi, se] = m.map(Number)
  return Date.UTC(y!, mo! - 1, d!, h!, mi!, se!)
}

/**
 * True when the URL's signature is valid for `secretAccessKey` with header x-k8s-aws-id = `clusterId` —
 * the check STS makes when aws-iam-authenticator forwards the request with its own cluster id.
 */
export function signatureMatches(p: PresignedCallerIdentity, secretAccessKey: string, clusterId: string): boolean {
  const headerValues: Record<string, string> = { host: p.url.host, 'x-k8s-aws-id': clusterId }
  if (p.signedHeaders.some((h) => !(h in headerValues))) return false
  const canonicalQuery = [...p.url.searchParams]
    .filter(([k]) => k.toLowerCase() !== 'x-amz-signature')
    .map(([k, v]) => [uriEncode(k), uriEncode(v)] as const)
    .sort(([ak, av], [bk, bv]) => (ak < bk ? -1 : ak > bk ? 1 : av < bv ? -1 : av > bv ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&')
  const canonicalHeaders = p.signedHeaders.map((h) => `${h}:${headerValues[h]!.trim()}\n`).join('')
  const [date, region, service] = p.scope.split('/') as [string, string, string]
  let key = hmac(`AWS4${secretAccessKey}`, date)
  for (const part of [region, service, 'aws4_request']) key = hmac(key, part)
  const expected = Buffer.from(p.signature, 'hex')
  // Presigners hash an empty body for STS; some sign UNSIGNED-PAYLOAD. Either is a valid presign.
  return [sha256Hex(''), 'UNSIGNED-PAYLOAD'].some((payloadHash) => {
    const canonicalRequest = ['GET', '/', canonicalQuery, canonicalHeaders, p.signedHeaders.join(';'), payloadHash].join('\n')
    const stringToSign = ['AWS4-HMAC-SHA256', p.amzDate, p.scope, sha256Hex(canonicalRequest)].join('\n')
    const actual = hmac(key, stringToSign)
    return actual.length === expected.length && timingSafeEqual(actual, expected)
  })
}

function uriEncode(s: string): string {
  return encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}
function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest()
}
function sha256Hex(s: string): string {
  return createHash('sha256').update(s, 'utf8').digest('hex')
}
