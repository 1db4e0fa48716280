// A single-member etcd (Debian's etcd-server 3.4, see test/infra/kube/ensure-etcd.sh) on free loopback ports
// with its own data dir, as the storage of the test Kubernetes API.
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { freePort, pollUntil, spawnSupervised, type Supervised } from './kube-process.js'

export interface EtcdHarness {
  /** Client URL, http://127.0.0.1:<port>. */
  url: string
  process: Supervised
  stop(): Promise<void>
}

const PORT_RETRIES = 3

/** Starts etcd in `dir` (created), waits until /health reports healthy. Retries on a port taken meanwhile. */
export async function startEtcd(dir: string, etcdBin = process.env.ETCD_BIN ?? 'etcd'): Promise<EtcdHarness> {
  let lastError: unknown
  for (let attempt = 1; attempt <= PORT_RETRIES; attempt++) {
    const [clientPort, peerPort] = [await freePort(), await freePort()]
    const url = `http://127.0.0.1:${clientPort}`
    const peer = `http://127.0.0.1:${peerPort}`
    // A fresh data dir per attempt: a member dir remembers its peer URL.
    const dataDir = join(dir, `data-${attempt}`)
    await mkdir(dataDir, { recursive: true, mode: 0o700 })
    const proc = spawnSupervised(etcdBin, [
      '--name', 'test',
      '--data-dir', dataDir,
      '--listen-client-urls', url,
      '--advertise-client-urls', url,
      '--listen-peer-urls', peer,
      '--initial-advertise-peer-urls', peer,
      '--initial-cluster', `test=${peer}`,
      '--initial-cluster-state', 'new',
      '--logger', 'zap',
      '--log-level', 'warn'
    ], join(dir, 'etcd.log'))
    try {
      await pollUntil('etcd', async () => {
        const res = await fetch(`${url}/health`)
        const body = (await res.json()) as { health?: string }
        return res.ok && body.health === 'true'
      }, { timeoutMs: 30_000, abort: () => (proc.hasExited() ? `exited early:\n${proc.logTail()}` : undefined) })
      return { url, process: proc, stop: () => proc.stop() }
    } catch (err) {
      lastError = err
      await proc.stop()
      if (!/address already in use/.test(proc.logTail(50))) break
    }
  }
  throw lastError instanceof Error ? lastError : new Error(String(lastError))
}
