// Locates (building or installing when missing) the binaries of the test Kubernetes API:
// kube-apiserver from test/infra/kube/build-apiserver.sh and etcd from test/infra/kube/ensure-etcd.sh.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { join } from 'node:path'
import { kubeInfraDir, repoRoot } from './kube-process.js'

const run = promisify(execFile)
export const KUBE_VERSION = 'v1.32.0'

/** Where build-apiserver.sh puts the binary (KUBE_APISERVER_BIN overrides the whole lookup). */
export function kubeApiserverPath(): string {
  return process.env.KUBE_APISERVER_BIN ?? join(repoRoot, '.cache', 'kube-apiserver', KUBE_VERSION, 'kube-apiserver')
}

/**
 * Runs the idempotent build script (seconds when cached, ~5 min cold) and returns the binary's path.
 * The script's output goes to the returned log so a failure message carries the Go error.
 */
export async function ensureKubeApiserver(): Promise<string> {
  if (process.env.KUBE_APISERVER_BIN) return process.env.KUBE_APISERVER_BIN
  await runScript('build-apiserver.sh', 30 * 60_000)
  return kubeApiserverPath()
}

/** Installs Debian's etcd-server when `etcd` is missing. */
export async function ensureEtcd(): Promise<string> {
  if (process.env.ETCD_BIN) return process.env.ETCD_BIN
  await runScript('ensure-etcd.sh', 10 * 60_000)
  return 'etcd'
}

async function runScript(name: string, timeout: number): Promise<void> {
  try {
    await run('bash', [join(kubeInfraDir, name)], { timeout, maxBuffer: 64 * 1024 * 1024 })
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string }
    const out = `${e.stdout ?? ''}\n${e.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n')
    throw new Error(`test/infra/kube/${name} failed: ${e.message}\n${out}`)
  }
}
