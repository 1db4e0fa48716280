// A tiny static HTTP server on loopback: serves fixed bodies by path (a helm archive and its .sha256sum for
// the tool-cache tests) and records what was asked for, so tests can tell what a download really fetched.
import { createServer, type Server } from 'node:http'

export interface StaticServer {
  /** http://127.0.0.1:<port> (no trailing slash) */
  baseUrl: string
  /** request paths in arrival order */
  requests: string[]
  /** replaces or adds a body while running */
  set(path: string, body: Buffer | string): void
  close(): Promise<void>
}

export async function serveStatic(files: Record<string, Buffer | string>): Promise<StaticServer> {
  const bodies = new Map<string, Buffer>(Object.entries(files).map(([p, b]) => [p, Buffer.from(b)]))
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname
    requests.push(path)
    const body = bodies.get(path)
    if (!body) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found')
      return
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    set: (p, b) => void bodies.set(p, Buffer.from(b)),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}
