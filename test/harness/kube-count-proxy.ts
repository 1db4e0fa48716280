// A counting TLS proxy in front of the test kube-apiserver (for `npm run bench`): it serves with the
// apiserver's own certificate (valid for 127.0.0.1), so a client that trusts the cluster CA trusts it too,
// and records each request as a Kubernetes verb and resource ("list secrets", "patch customresourcedefinitions"),
// with who made it (helm or the action, from the User-Agent) and when.
import { createServer, request, type Server } from 'node:https'
import type { AddressInfo } from 'node:net'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface KubeCall {
  /** e.g. "get secrets", "create namespaces", "discovery" */
  action: string
  /** "helm" or "action" (anything not helm) */
  by: string
  status: number
  start: number
  end: number
}

export interface KubeCountProxy {
  server: string
  calls: KubeCall[]
  resetCalls(): void
  close(): Promise<void>
}

/** The Kubernetes verb and resource of a request path, e.g. GET /api/v1/namespaces/x/secrets/y → "get secrets". */
export function kubeAction(method: string, url: string): string {
  const [path, query = ''] = url.split('?')
  const parts = path.split('/').filter(Boolean)
  let rest: string[]
  if (parts[0] === 'api' && parts.length >= 2) rest = parts.slice(2)
  else if (parts[0] === 'apis' && parts.length >= 3) rest = parts.slice(3)
  else return 'discovery'
  if (rest.length === 0) return 'discovery'
  if (rest[0] === 'namespaces' && rest.length >= 3) rest = rest.slice(2)
  const [resource, name, sub] = rest
  const named = name !== undefined
  const verb =
    method === 'GET' ? (/(^|&)watch=(1|true)/.test(query) ? 'watch' : named ? 'get' : 'list')
      : method === 'POST' ? 'create'
      : method === 'PUT' ? 'update'
      : method === 'PATCH' ? 'patch'
      : method === 'DELETE' ? (named ? 'delete' : 'deletecollection')
      : method.toLowerCase()
  return `${verb} ${resource}${sub ? `/${sub}` : ''}`
}

/** `kubeDir` is the harness folder (KubeHarness.dir) holding serving.crt and serving.key. */
export async function startKubeCountProxy(upstream: string, caPem: string, kubeDir: string): Promise<KubeCountProxy> {
  const target = new URL(upstream)
  const calls: KubeCall[] = []
  const server: Server = createServer(
    { cert: await readFile(join(kubeDir, 'serving.crt')), key: await readFile(join(kubeDir, 'serving.key')) },
    (req, res) => {
      const start = Date.now()
      const agent = String(req.headers['user-agent'] ?? '')
      const up = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers, ca: caPem },
        answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
          answer.on('end', () =>
            calls.push({ action: kubeAction(req.method ?? 'GET', req.url ?? '/'), by: /helm/i.test(agent) ? 'helm' : 'action', status: answer.statusCode ?? 0, start, end: Date.now() })
          )
        }
      )
      up.on('error', e => {
        if (!res.headersSent) res.writeHead(502)
        res.end(String(e))
      })
      req.pipe(up)
    }
  )
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  return {
    server: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    resetCalls: () => void calls.splice(0),
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections?.()
        server.close(() => r())
      })
  }
}
