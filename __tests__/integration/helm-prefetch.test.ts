// apply starts fetching helm while the stacks deploy. A run refused before it needs helm must not wait for that
// download: whether the request hangs or the server fails and the download waits to try again, the bundled
// action exits within seconds of the refusal.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { existsSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import { startFaultEnv, clusterConfig, type FaultEnv } from '../../test/harness/fault-proxy-env.js'
import { makeWorkspace } from '../../test/harness/run-action.js'

let env: FaultEnv

beforeAll(async () => {
  env = await startFaultEnv()
}, 90_000)

afterAll(async () => {
  await env?.stop()
})

/** A helm mirror on loopback that never answers, or answers every request with `status`. */
async function mirror(status: number | 'hang'): Promise<{ url: string; requests: string[]; close(): Promise<void> }> {
  const requests: string[] = []
  const server: Server = createServer((req, res) => {
    requests.push(req.url ?? '')
    if (status !== 'hang') res.writeHead(status, { 'content-type': 'text/plain' }).end('unavailable')
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const addr = server.address()
  const port = typeof addr === 'object' && addr ? addr.port : 0
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections()
        server.close(() => r())
      })
  }
}

/** PATH without any helm, so apply has to download one. */
function pathWithoutHelm(): string {
  return (process.env['PATH'] ?? '/usr/bin:/bin')
    .split(':')
    .filter(p => !existsSync(join(p, 'helm')))
    .join(':')
}

describe('apply refused before it needs helm', () => {
  it.each([
    ['the download hangs', 'hang' as const],
    ['the download fails and would be tried again', 503]
  ])('exits at once when %s', async (_case, status) => {
    const server = await mirror(status)
    try {
      // the cluster does not exist: preflight refuses after the prefetch has started
      const workspace = await makeWorkspace({ 'cluster.yaml': clusterConfig('no-such-cluster') })
      const running = env.start({
        inputs: { 'cluster-config': 'cluster.yaml', mode: 'apply', 'node-access': 'none' },
        workspace,
        env: { PATH: pathWithoutHelm(), KARPENTER_PROVISION_HELM_MIRROR: server.url },
        timeoutMs: 60_000
      })
      const r = await running.done
      expect(r.code).toBe(1)
      expect(r.stdout).toMatch(/no-such-cluster/)
      // the prefetch did start (so there was a download to stop) ...
      expect(server.requests.length).toBeGreaterThanOrEqual(1)
      expect(server.requests[0]).toMatch(/^\/helm-v[\d.]+-linux-\w+\.tar\.gz\.sha256sum$/)
      // ... and the run did not wait for it (a retried download waits 10-20 s between tries; a hung one, minutes)
      expect(r.elapsedMs).toBeLessThan(15_000)
    } finally {
      await server.close()
    }
  }, 90_000)
})
