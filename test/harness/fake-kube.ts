// A minimal in-memory stand-in for the Kubernetes API server, for unit tests of src/kube: it keeps
// objects by path, answers with real API conventions (Status bodies, 404/409 reasons, resourceVersion
// checks on update, merge patch, server-side apply as a merge), serves the discovery documents a test
// registers, and records every request. The real kube-apiserver harness (test/harness/kube.ts) is the e2e truth.
import * as http from 'node:http'
import * as https from 'node:https'
import type { AddressInfo } from 'node:net'

export interface RecordedRequest {
  method: string
  path: string
  query: URLSearchParams
  headers: http.IncomingHttpHeaders
  body: unknown
}

export type Obj = { apiVersion?: string; kind?: string; metadata?: Record<string, unknown>; [k: string]: unknown }

/** Return a response to override the fake's normal answer, or undefined to let it answer. */
export type Interceptor = (req: RecordedRequest, count: number) => { status: number; body?: unknown; headers?: Record<string, string> } | 'reset' | undefined

export interface FakeKube {
  url: string
  requests: RecordedRequest[]
  /** object path → object */
  objects: Map<string, Obj>
  /** discovery path (`/apis/karpenter.sh`, `/apis/karpenter.sh/v1`) → document */
  discovery: Map<string, unknown>
  put(path: string, obj: Obj): void
  intercept(fn: Interceptor | undefined): void
  close(): Promise<void>
}

function status(code: number, reason: string, message: string): { status: number; body: unknown } {
  return { status: code, body: { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason, message, code } }
}

function mergePatch(target: unknown, patch: unknown): unknown {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch
  const out: Record<string, unknown> = target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {}
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k]
    else out[k] = mergePatch(out[k], v)
  }
  return out
}

const parentOf = (p: string): string => p.slice(0, p.lastIndexOf('/'))

export async function startFakeKube(opts: { tls?: { key: string; cert: string } } = {}): Promise<FakeKube> {
  const requests: RecordedRequest[] = []
  const objects = new Map<string, Obj>()
  const discovery = new Map<string, unknown>()
  let interceptor: Interceptor | undefined
  let rv = 100

  const stamp = (path: string, obj: Obj): Obj => {
    const stored = JSON.parse(JSON.stringify(obj)) as Obj
    stored.metadata = { ...(stored.metadata ?? {}), resourceVersion: String(++rv) }
    if (!stored.metadata.uid) stored.metadata.uid = `uid-${rv}`
    objects.set(path, stored)
    return stored
  }

  const answer = (r: RecordedRequest): { status: number; body?: unknown } => {
    const { method, path } = r
    const existing = objects.get(path)
    const contentType = String(r.headers['content-type'] ?? '')
    if (method === 'GET') {
      if (discovery.has(path)) return { status: 200, body: discovery.get(path) }
      if (existing) return { status: 200, body: existing }
      const items = [...objects.entries()].filter(([p]) => parentOf(p) === path).map(([, o]) => o)
      if (items.length > 0 || collections.has(path) || servedCollection(path)) return { status: 200, body: { kind: 'List', apiVersion: 'v1', metadata: {}, items } }
      return status(404, 'NotFound', `the server could not find the requested resource (get ${path})`)
    }
    if (method === 'POST') {
      const body = r.body as Obj
      const name = String(body.metadata?.name ?? '')
      const target = `${path}/${name}`
      if (objects.has(target)) return status(409, 'AlreadyExists', `"${name}" already exists`)
      collections.add(path)
      return { status: 201, body: stamp(target, body) }
    }
    if (method === 'PUT' || (method === 'PATCH' && contentType.startsWith('application/merge-patch+json'))) {
      if (!existing) return status(404, 'NotFound', `"${path}" not found`)
      const body = r.body as Obj
      const wanted = body.metadata?.resourceVersion
      if (wanted !== undefined && wanted !== existing.metadata?.resourceVersion) {
        return status(409, 'Conflict', 'Operation cannot be fulfilled: the object has been modified; please apply your changes to the latest version and try again')
      }
      const next = method === 'PUT' ? body : (mergePatch(existing, body) as Obj)
      return { status: 200, body: stamp(path, next) }
    }
    if (method === 'PATCH' && contentType.startsWith('application/apply-patch+yaml')) {
      if (!r.query.get('fieldManager')) return status(400, 'BadRequest', 'PATCH requests with apply content type must set fieldManager')
      const next = mergePatch(existing ?? {}, r.body) as Obj
      if (existing && JSON.stringify(next) === JSON.stringify(existing)) return { status: 200, body: existing }
      collections.add(parentOf(path))
      return { status: existing ? 200 : 201, body: stamp(path, next) }
    }
    if (method === 'PATCH') return status(415, 'UnsupportedMediaType', `the fake does not take ${contentType}`)
    if (method === 'DELETE') {
      if (!existing) return status(404, 'NotFound', `"${path}" not found`)
      objects.delete(path)
      collections.add(parentOf(path))
      return { status: 200, body: { kind: 'Status', status: 'Success' } }
    }
    return status(405, 'MethodNotAllowed', method)
  }
  const collections = new Set<string>()
  // a collection of a kind that discovery serves exists even when empty, as on a real API server
  const servedCollection = (path: string): boolean => {
    const plural = path.slice(path.lastIndexOf('/') + 1)
    for (const [prefix, doc] of discovery) {
      if (!path.startsWith(`${prefix}/`)) continue
      const resources = (doc as { resources?: Array<{ name?: string }> }).resources ?? []
      if (resources.some((r) => r.name === plural)) return true
    }
    return false
  }

  const handler: http.RequestListener = (req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake')
      const text = Buffer.concat(chunks).toString('utf8')
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: text ? (JSON.parse(text) as unknown) : undefined
      }
      requests.push(recorded)
      const override = interceptor?.(recorded, requests.length)
      if (override === 'reset') {
        req.socket.destroy()
        return
      }
      const out = override ?? answer(recorded)
      res.writeHead(out.status, { 'content-type': 'application/json', ...((override && override.headers) ?? {}) })
      res.end(out.body === undefined ? '' : JSON.stringify(out.body))
    })
  }

  const server = opts.tls ? https.createServer({ key: opts.tls.key, cert: opts.tls.cert }, handler) : http.createServer(handler)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as AddressInfo).port
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
    requests,
    objects,
    discovery,
    put: (path, obj) => {
      collections.add(parentOf(path))
      stamp(path, obj)
    },
    intercept: (fn) => {
      interceptor = fn
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      })
  }
}
