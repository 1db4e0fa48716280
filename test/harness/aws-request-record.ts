// What a recorded AWS request said, for mapping it to the IAM action and resource it needs
// (test/harness/iam-requests.ts): the signing service and region, the operation and its parameters.
import type { IncomingMessage } from 'node:http'

export interface RecordedRequest {
  /** signing name from the credential scope (`iam`, `eks`…); '' for unsigned requests */
  service: string
  region: string
  method: string
  /** URL path, decoded */
  path: string
  /** query parameters, then form-body parameters (query protocols) */
  params: Record<string, string>
  /** JSON body (JSON and REST-JSON protocols) */
  json?: Record<string, unknown>
  /** X-Amz-Target's operation (JSON protocols) */
  target?: string
}

export function recordRequest(req: IncomingMessage, body: Buffer): RecordedRequest {
  const url = new URL(req.url ?? '/', 'http://aws')
  const scope = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(String(req.headers.authorization ?? ''))
  const text = body.toString('utf8')
  const contentType = String(req.headers['content-type'] ?? '')
  const params: Record<string, string> = Object.fromEntries(url.searchParams)
  let json: Record<string, unknown> | undefined
  if (contentType.includes('x-www-form-urlencoded')) Object.assign(params, Object.fromEntries(new URLSearchParams(text)))
  else if (text.startsWith('{')) {
    try {
      json = JSON.parse(text) as Record<string, unknown>
    } catch {
      json = undefined
    }
  }
  const target = req.headers['x-amz-target']
  return {
    service: scope?.[2] ?? '',
    region: scope?.[1] ?? '',
    method: req.method ?? 'GET',
    path: decoded(url.pathname),
    params,
    json,
    target: typeof target === 'string' ? target.split('.').pop() : undefined
  }
}

function decoded(path: string): string {
  try {
    return decodeURIComponent(path)
  } catch {
    return path
  }
}
