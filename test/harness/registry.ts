// A real OCI registry for the tests (SPEC §7): Debian's `docker-registry` (distribution 2.8) on loopback,
// with a config of our own — storage in a temp folder, no auth (the packaged config asks for passwords).
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface LocalRegistry {
  /** 127.0.0.1:<port>, the host part of oci:// references */
  host: string
  port: number
  stop(): Promise<void>
}

const BINARY = 'docker-registry'

function onPath(cmd: string): boolean {
  return spawnSync('sh', ['-c', 'command -v "$1"', 'sh', cmd], { stdio: 'ignore' }).status === 0
}

/** Installs Debian's docker-registry when it is missing and we may (root with apt-get); else explains. */
export function ensureRegistryBinary(): void {
  if (onPath(BINARY)) return
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  if (root && onPath('apt-get')) {
    const r = spawnSync('apt-get', ['install', '-y', '-qq', BINARY], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    })
    if (r.status === 0 && onPath(BINARY)) return
  }
  throw new Error(`${BINARY} is not installed: run \`apt-get install -y ${BINARY}\` (Debian's OCI registry)`)
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolvePort(port))
    })
  })
}

async function waitReady(url: string, child: ChildProcess, log: () => string): Promise<void> {
  let delay = 25
  const deadline = Date.now() + 20_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${BINARY} exited with ${child.exitCode}: ${log()}`)
    try {
      const res = await fetch(url)
      if (res.status === 200) return
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, delay))
    delay = Math.min(delay * 2, 500)
  }
  throw new Error(`${BINARY} did not answer ${url} within 20s: ${log()}`)
}

/** Starts a registry on 127.0.0.1:<free port>; stop() ends that process and removes its storage. */
export async function startRegistry(): Promise<LocalRegistry> {
  ensureRegistryBinary()
  const dir = mkdtempSync(join(tmpdir(), 'kp-registry-'))
  const port = await freePort()
  const config = join(dir, 'config.yml')
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log:',
      '  level: warn',
      'storage:',
      '  filesystem:',
      `    rootdirectory: ${join(dir, 'data')}`,
      '  delete:',
      '    enabled: true',
      'http:',
      `  addr: 127.0.0.1:${port}`,
      ''
    ].join('\n')
  )
  const child = spawn(BINARY, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] })
  let stderr = ''
  child.stderr?.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-4000)
  })
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitReady(`http://127.0.0.1:${port}/v2/`, child, () => stderr)
  } catch (e) {
    await stop()
    throw e
  }
  return { host: `127.0.0.1:${port}`, port, stop }
}
