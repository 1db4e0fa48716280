// A small Kubernetes API client on node:https: the handful of verbs this tool needs, TLS with the
// cluster's CA, bearer token or client certificate, retries for what can succeed on retry and is safe to send
// twice, and errors that carry the API server's Status. (@kubernetes/client-node would add megabytes to the bundle.)
import * as http from 'node:http'
import * as https from 'node:https'
import type { KubeConnection } from './connection.js'
import { KubeApiError, isNotFound } from './errors.js'
import { backoffDelay, type Backoff } from '../core/backoff.js'
import { realSleep as sleep } from '../runner/wait.js'
import { Discovery, pathFor, type ApiResource } from './discovery.js'
import { errorMessage, errnoCode } from '../core/errors.js'

/** The field manager named on every server-side apply, so `managedFields` shows who set what. */
export const FIELD_MANAGER = 'karpenter-provision'

export type PatchType = 'merge' | 'json' | 'strategic'

const PATCH_CONTENT_TYPES: Record<PatchType | 'apply', string> = {
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml'
}

/** Network failures where the request may not have reached the server, or the server went away mid-answer. */
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN'])

export interface KubeClientOptions {
  /** attempts per request, including the first (default 5) */
  attempts?: number
  /** first retry delay in ms (default 250) */
  retryBaseMs?: number
  /** largest retry delay in ms (default 8000) */
  retryMaxMs?: number
  /** per-request timeout in ms (default 30000) */
  requestTimeoutMs?: number
  /** cancels waits between retries and requests in flight */
  signal?: AbortSignal
}

export interface RequestOptions {
  body?: unknown
  contentType?: string
  query?: Record<string, string | undefined>
}

export interface ObjectMeta {
  name?: string
  namespace?: string
  resourceVersion?: string
  uid?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  deletionTimestamp?: string
  finalizers?: string[]
  [key: string]: unknown
}

export interface KubeObject {
  apiVersion?: string
  kind?: string
  metadata?: ObjectMeta
  [key: string]: unknown
}

interface RawResponse {
  status: number
  headers: http.IncomingHttpHeaders
  body: Buffer
}

interface ListResponse<T> {
  items?: T[]
  metadata?: { continue?: string }
}

export class KubeClient {
  readonly server: URL
  private readonly agent: http.Agent
  private readonly discovery: Discovery
  private readonly attempts: number
  private readonly retryBaseMs: number
  private readonly retryMaxMs: number
  private readonly requestTimeoutMs: number
  private readonly signal: AbortSignal | undefined

  constructor(
    private readonly conn: KubeConnection,
    opts: KubeClientOptions = {}
  ) {
    this.server = new URL(conn.server)
    if (this.server.protocol !== 'https:' && this.server.protocol !== 'http:') {
      throw new Error(`Kubernetes server URL must be https:// (got ${conn.server})`)
    }
    this.agent =
      this.server.protocol === 'https:'
        ? new https.Agent({
            keepAlive: true,
            ca: conn.caPem,
            cert: conn.clientCertPem,
            key: conn.clientKeyPem,
            rejectUnauthorized: conn.insecureSkipTlsVerify !== true,
            servername: conn.tlsServerName
          })
        : new http.Agent({ keepAlive: true })
    this.attempts = Math.max(1, opts.attempts ?? 5)
    this.retryBaseMs = opts.retryBaseMs ?? 250
    this.retryMaxMs = opts.retryMaxMs ?? 8000
    this.requestTimeoutMs = opts.requestTimeoutMs ?? 30_000
    this.signal = opts.signal
    this.discovery = new Discovery((path) => this.getOptional(path))
  }

  /** Closes kept-alive connections. */
  close(): void {
    this.agent.destroy()
  }

  async get<T = KubeObject>(path: string): Promise<T> {
    return (await this.request('GET', path)) as T
  }

  /** GET that answers undefined for 404 instead of throwing. */
  async getOptional<T = KubeObject>(path: string): Promise<T | undefined> {
    try {
      return await this.get<T>(path)
    } catch (e) {
      if (isNotFound(e)) return undefined
      throw e
    }
  }

  /** Every item of a collection, following `continue` tokens. */
  async list<T = KubeObject>(path: string, selectors: { labelSelector?: string; fieldSelector?: string } = {}): Promise<T[]> {
    const items: T[] = []
    let cont: string | undefined
    do {
      const page = (await this.request('GET', path, {
        query: { ...selectors, limit: '500', continue: cont }
      })) as ListResponse<T>
      items.push(...(page.items ?? []))
      cont = page.metadata?.continue || undefined
    } while (cont)
    return items
  }

  /** POST to a collection path. */
  async create<T = KubeObject>(collectionPath: string, body: unknown): Promise<T> {
    return (await this.request('POST', collectionPath, { body })) as T
  }

  /** PUT: the server checks `metadata.resourceVersion` when the body has one (409 Conflict if stale). */
  async replace<T = KubeObject>(path: string, body: unknown): Promise<T> {
    return (await this.request('PUT', path, { body })) as T
  }

  /** merge: RFC 7386 (null deletes a key); json: RFC 6902 operations; strategic: Kubernetes' own merge. */
  async patch<T = KubeObject>(path: string, body: unknown, type: PatchType = 'merge'): Promise<T> {
    return (await this.request('PATCH', path, { body, contentType: PATCH_CONTENT_TYPES[type] })) as T
  }

  /**
   * Server-side apply: the object's fields named in `body` become owned by our field manager. `force`
   * takes over fields another manager (kubectl, a previous helm) set, as `kubectl apply --server-side --force-conflicts`.
   */
  async apply<T = KubeObject>(path: string, body: unknown, opts: { force?: boolean; fieldManager?: string } = {}): Promise<T> {
    return (await this.request('PATCH', path, {
      // JSON is YAML, so the apply-patch+yaml content type takes it as it is
      body,
      contentType: PATCH_CONTENT_TYPES.apply,
      query: { fieldManager: opts.fieldManager ?? FIELD_MANAGER, force: String(opts.force ?? true) }
    })) as T
  }

  /** DELETE; false when the object was already gone. */
  async delete(path: string, opts: { propagationPolicy?: 'Foreground' | 'Background' | 'Orphan' } = {}): Promise<boolean> {
    try {
      await this.request('DELETE', path, opts.propagationPolicy ? { body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: opts.propagationPolicy } } : {})
      return true
    } catch (e) {
      if (isNotFound(e)) return false
      throw e
    }
  }

  /** Discovery facts for a kind; undefined when the server does not serve it (CRD not installed). */
  async resource(apiVersion: string, kind: string): Promise<ApiResource | undefined> {
    return this.discovery.resource(apiVersion, kind)
  }

  /** Versions served for an API group, preferred first; empty when the group does not exist. */
  async groupVersions(group: string): Promise<string[]> {
    return this.discovery.groupVersions(group)
  }

  /**
   * The REST path of a kind's collection (no name) or of one object, e.g.
   * `resourcePath('karpenter.sh/v1', 'NodePool', undefined, 'default')` → `/apis/karpenter.sh/v1/nodepools/default`.
   */
  async resourcePath(apiVersion: string, kind: string, namespace?: string, name?: string): Promise<string> {
    const resource = await this.discovery.resource(apiVersion, kind)
    if (!resource) {
      throw new Error(`the cluster does not serve ${kind} in ${apiVersion} (is the CRD installed, and is that API version still served?)`)
    }
    if (resource.namespaced && name !== undefined && !namespace) {
      throw new Error(`${kind} ${name} is namespaced: a namespace is needed`)
    }
    return pathFor(apiVersion, resource, namespace, name)
  }

  /** Drops cached discovery (after CRDs were installed). */
  forgetDiscovery(): void {
    this.discovery.forget()
  }

  /** One API call with retries; the parsed JSON answer (undefined for an empty body). */
  async request(method: string, path: string, opts: RequestOptions = {}): Promise<unknown> {
    const url = this.url(path, opts.query)
    const body = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body), 'utf8')
    const headers: http.OutgoingHttpHeaders = { accept: 'application/json', 'user-agent': 'karpenter-provision' }
    if (body) {
      headers['content-type'] = opts.contentType ?? 'application/json'
      headers['content-length'] = body.length
    }
    if (this.conn.token) headers.authorization = `Bearer ${this.conn.token}`

    const idempotent = isIdempotent(method, opts)
    for (let attempt = 0; ; attempt++) {
      let response: RawResponse
      try {
        response = await this.send(method, url, headers, body)
      } catch (e) {
        const code = errnoCode(e)
        if (idempotent && code && RETRYABLE_NETWORK_CODES.has(code) && attempt + 1 < this.attempts) {
          await sleep(backoffDelay(attempt, this.backoff()), this.signal)
          continue
        }
        throw new Error(`Kubernetes API ${method} ${path}: cannot reach ${this.server.origin}: ${errorMessage(e)}`, { cause: e })
      }
      if (response.status >= 200 && response.status < 300) return parseJson(response.body)
      if (isRetryableStatus(response.status, idempotent) && attempt + 1 < this.attempts) {
        const delay = Math.max(backoffDelay(attempt, this.backoff()), retryAfterMs(response.headers))
        await sleep(Math.min(delay, 30_000), this.signal)
        continue
      }
      throw toApiError(response, method, path)
    }
  }

  /** Kubernetes requests: half jitter (core/backoff.ts); only idempotent requests are retried (above). */
  private backoff(): Backoff {
    return { baseMs: this.retryBaseMs, maxMs: this.retryMaxMs, jitter: 'half' }
  }

  private url(path: string, query: Record<string, string | undefined> = {}): URL {
    // keep a server path prefix (proxies such as Rancher serve the API under one)
    const prefix = this.server.pathname.replace(/\/+$/, '')
    const url = new URL(this.server.origin + prefix + path)
    for (const [k, v] of Object.entries(query)) if (v !== undefined) url.searchParams.set(k, v)
    return url
  }

  private send(method: string, url: URL, headers: http.OutgoingHttpHeaders, body: Buffer | undefined): Promise<RawResponse> {
    const transport = url.protocol === 'https:' ? https : http
    return new Promise((resolve, reject) => {
      const req = transport.request(url, { method, headers, agent: this.agent, signal: this.signal }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
        res.on('error', reject)
      })
      req.setTimeout(this.requestTimeoutMs, () => {
        req.destroy(Object.assign(new Error(`no answer within ${this.requestTimeoutMs} ms`), { code: 'ETIMEDOUT' }))
      })
      req.on('error', reject)
      req.end(body)
    })
  }
}

/**
 * Whether sending the request twice has the same effect as sending it once: reads, deletes, and server-side
 * apply (the same applied configuration from the same field manager gives the same object). A create (POST),
 * replace (PUT) or ordinary patch that failed with a 5xx or a dropped connection may already have acted, so it
 * is not sent again.
 */
function isIdempotent(method: string, opts: RequestOptions): boolean {
  if (method === 'GET' || method === 'HEAD' || method === 'DELETE') return true
  return method === 'PATCH' && opts.contentType === PATCH_CONTENT_TYPES.apply && Boolean(opts.query?.fieldManager)
}

function isRetryableStatus(status: number, idempotent: boolean): boolean {
  // 429 means the API server turned the request away before handling it (priority and fairness, or too
  // many requests in flight), so any request can be sent again.
  if (status === 429) return true
  // 501 Not Implemented will not change on retry
  return idempotent && status >= 500 && status !== 501
}

function retryAfterMs(headers: http.IncomingHttpHeaders): number {
  const value = headers['retry-after']
  const seconds = typeof value === 'string' ? Number(value) : NaN
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined
  const text = body.toString('utf8')
  try {
    return JSON.parse(text)
  } catch {
    throw new Error(`Kubernetes API answered with something that is not JSON: ${text.slice(0, 200)}`)
  }
}

function toApiError(response: RawResponse, method: string, path: string): KubeApiError {
  const text = response.body.toString('utf8')
  let reason = http.STATUS_CODES[response.status] ?? 'Unknown'
  let message = text.trim().slice(0, 500) || '(empty answer)'
  try {
    const status = JSON.parse(text) as { kind?: string; reason?: string; message?: string }
    if (status && typeof status === 'object') {
      if (typeof status.reason === 'string' && status.reason) reason = status.reason
      if (typeof status.message === 'string' && status.message) message = status.message
    }
  } catch {
    // not a Status object: keep the raw text
  }
  return new KubeApiError(response.status, reason, message, method, path)
}
