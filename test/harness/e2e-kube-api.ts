// A small admin client for the test kube-apiserver, for the e2e tests and the Deployment-ready marker:
// JSON requests with the admin token over the harness CA, and a watch stream. Kept apart from the product's
// KubeClient on purpose: the tests check the product's effects with their own eyes.
import type { ClientRequest } from 'node:http'
import { request } from 'node:https'

export interface KubeApiAccess {
  /** https://127.0.0.1:<port> */
  server: string
  /** base64 of the CA PEM (KubeHarness.caData) */
  caData: string
  adminToken: string
}

export class KubeApiError extends Error {
  constructor(readonly status: number, readonly method: string, readonly path: string, readonly body: string) {
    super(`${method} ${path}: HTTP ${status}: ${body.slice(0, 400)}`)
  }
}

export interface KubeApi {
  /** the object, or undefined on 404 */
  get<T = Record<string, unknown>>(path: string): Promise<T | undefined>
  /** items of a collection (optionally with a labelSelector) */
  list<T = Record<string, unknown>>(path: string, labelSelector?: string): Promise<T[]>
  create<T = Record<string, unknown>>(path: string, body: object): Promise<T>
  /** merge patch (application/merge-patch+json) */
  patch<T = Record<string, unknown>>(path: string, body: object): Promise<T>
  /** true when deleted, false when it was not there */
  remove(path: string): Promise<boolean>
  /**
   * Watches `path` from `resourceVersion`; `onEvent` gets each event; resolves when the server ends the
   * stream (the caller re-lists and re-watches), rejects on a connection error. `abort()` ends it.
   */
  watch(path: string, resourceVersion: string, onEvent: (e: WatchEvent) => void): { done: Promise<void>; abort(): void }
}

export interface WatchEvent {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR'
  object: Record<string, unknown> & { metadata?: { name?: string; namespace?: string; resourceVersion?: string } }
}

export function kubeApi(access: KubeApiAccess): KubeApi {
  const ca = Buffer.from(access.caData, 'base64').toString('utf8')
  const headers = { Authorization: `Bearer ${access.adminToken}`, Accept: 'application/json' }

  const send = (method: string, path: string, body?: object, contentType = 'application/json'): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body)
      const req = request(
        `${access.server}${path}`,
        { method, ca, timeout: 30_000, headers: { ...headers, ...(payload ? { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(payload) } : {}) } },
        (res) => {
          let text = ''
          res.setEncoding('utf8')
          res.on('data', (c: string) => (text += c))
          res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
        }
      )
      req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timeout`)))
      req.on('error', reject)
      req.end(payload)
    })

  const json = async <T>(method: string, path: string, body?: object, contentType?: string): Promise<T> => {
    const r = await send(method, path, body, contentType)
    if (r.status < 200 || r.status >= 300) throw new KubeApiError(r.status, method, path, r.text)
    return JSON.parse(r.text) as T
  }

  return {
    async get<T>(path: string) {
      const r = await send('GET', path)
      if (r.status === 404) return undefined
      if (r.status !== 200) throw new KubeApiError(r.status, 'GET', path, r.text)
      return JSON.parse(r.text) as T
    },
    async list<T>(path: string, labelSelector?: string) {
      const q = labelSelector ? `?labelSelector=${encodeURIComponent(labelSelector)}` : ''
      return (await json<{ items: T[] }>('GET', `${path}${q}`)).items
    },
    create: <T>(path: string, body: object) => json<T>('POST', path, body),
    patch: <T>(path: string, body: object) => json<T>('PATCH', path, body, 'application/merge-patch+json'),
    async remove(path: string) {
      const r = await send('DELETE', path)
      if (r.status === 404) return false
      if (r.status < 200 || r.status >= 300) throw new KubeApiError(r.status, 'DELETE', path, r.text)
      return true
    },
    watch(path, resourceVersion, onEvent) {
      let req: ClientRequest | undefined
      let aborted = false
      const done = new Promise<void>((resolve, reject) => {
        const sep = path.includes('?') ? '&' : '?'
        req = request(`${access.server}${path}${sep}watch=true&resourceVersion=${encodeURIComponent(resourceVersion)}`, { ca, headers }, (res) => {
          if (res.statusCode !== 200) {
            res.resume()
            return reject(new KubeApiError(res.statusCode ?? 0, 'WATCH', path, ''))
          }
          let buffered = ''
          res.setEncoding('utf8')
          res.on('data', (chunk: string) => {
            buffered += chunk
            let nl: number
            while ((nl = buffered.indexOf('\n')) >= 0) {
              const line = buffered.slice(0, nl).trim()
              buffered = buffered.slice(nl + 1)
              if (line) onEvent(JSON.parse(line) as WatchEvent)
            }
          })
          res.on('end', () => resolve())
          res.on('error', (e) => (aborted ? resolve() : reject(e)))
        })
        req!.on('error', (e: Error) => (aborted ? resolve() : reject(e)))
        req.end()
      })
      return {
        done,
        abort: () => {
          aborted = true
          req?.destroy()
        }
      }
    }
  }
}
