// A minimal moto_server on a free loopback port for the Kubernetes API harness tests (a shared
// test/harness/moto.ts, when another helper provides one, supersedes this).
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { freePort, pollUntil, spawnSupervised } from './kube-process.js'

export interface MotoForKube {
  endpoint: string
  stop(): Promise<void>
}

export async function startMotoForKube(): Promise<MotoForKube> {
  const port = await freePort()
  const endpoint = `http://127.0.0.1:${port}`
  const logDir = await mkdtemp(join(tmpdir(), 'moto-kube-'))
  const proc = spawnSupervised('moto_server', ['-H', '127.0.0.1', '-p', String(port)], join(logDir, 'moto.log'))
  await pollUntil('moto_server', async () => (await fetch(`${endpoint}/moto-api/`)).ok, {
    timeoutMs: 30_000,
    abort: () => (proc.hasExited() ? `exited early:\n${proc.logTail()}` : undefined)
  })
  return { endpoint, stop: () => proc.stop() }
}
