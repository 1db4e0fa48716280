// The EKS bearer token (docs/design.md, "Helm"): what `aws eks get-token` prints. EKS (through aws-iam-authenticator)
// replays the presigned STS GetCallerIdentity URL inside it and maps the caller's ARN to a Kubernetes user,
// so the token is only as powerful as the credentials that signed it, and only for 60 seconds of signing
// validity (EKS accepts it for ~15 minutes from X-Amz-Date).
import { HttpRequest } from '@smithy/protocol-http'
import { SignatureV4 } from '@smithy/signature-v4'
import { Sha256 } from '@aws-crypto/sha256-js'
import type { AwsCredentialIdentity } from '@smithy/types'
import { setSecret } from '../runner/log.js'

export const EKS_TOKEN_PREFIX = 'k8s-aws-v1.'
/** aws-iam-authenticator refuses URLs presigned for longer than this; the CLI uses the same value. */
const PRESIGN_EXPIRES_SECONDS = 60
/** The header that binds the token to one cluster: the authenticator checks it is signed and matches. */
export const CLUSTER_ID_HEADER = 'x-k8s-aws-id'

export interface EksTokenOptions {
  clusterName: string
  region: string
  credentials: AwsCredentialIdentity
  /** STS endpoint URL; defaults to AWS_ENDPOINT_URL_STS, then AWS_ENDPOINT_URL, then the regional endpoint */
  endpoint?: string
  /** for tests: the signing time */
  signingDate?: Date
}

/** The STS endpoint the token is presigned for: explicit, environment override (AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL), or regional. */
export function stsEndpoint(region: string, explicit?: string): URL {
  const configured = explicit ?? process.env.AWS_ENDPOINT_URL_STS ?? process.env.AWS_ENDPOINT_URL
  if (configured) return new URL(configured)
  // China regions live under their own DNS suffix; every other partition uses amazonaws.com.
  const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com'
  return new URL(`https://sts.${region}.${suffix}/`)
}

export async function eksToken(opts: EksTokenOptions): Promise<string> {
  const endpoint = stsEndpoint(opts.region, opts.endpoint)
  const signer = new SignatureV4({ credentials: opts.credentials, region: opts.region, service: 'sts', sha256: Sha256 })
  const request = new HttpRequest({
    method: 'GET',
    protocol: endpoint.protocol,
    hostname: endpoint.hostname,
    port: endpoint.port ? Number(endpoint.port) : undefined,
    path: endpoint.pathname || '/',
    query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
    // `host` carries the port when there is one, as the verifier's HTTP client will send it.
    headers: { host: endpoint.host, [CLUSTER_ID_HEADER]: opts.clusterName }
  })
  const presigned = await signer.presign(request, {
    expiresIn: PRESIGN_EXPIRES_SECONDS,
    ...(opts.signingDate ? { signingDate: opts.signingDate } : {})
  })
  const url = `${endpoint.protocol}//${endpoint.host}${presigned.path}?${queryString(presigned.query ?? {})}`
  const token = EKS_TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url')
  // a bearer credential for the cluster: masked before anything can print it
  setSecret(token)
  return token
}

/** RFC 3986 encoding, the same the signer used when it computed the canonical query string. */
function rfc3986(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
}

function queryString(query: NonNullable<HttpRequest['query']>): string {
  const parts: string[] = []
  for (const key of Object.keys(query).sort()) {
    const value = query[key]
    if (value === null || value === undefined) continue
    const values = Array.isArray(value) ? value : [value]
    for (const v of values) parts.push(`${rfc3986(key)}=${rfc3986(v)}`)
  }
  return parts.join('&')
}
