// Supervised child processes and polling helpers for the test Kubernetes API (etcd, kube-apiserver).
import { spawn, type ChildProcess } from 'node:child_process'
import { openSync, closeSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { dirname, join } from 'node:path'

const here = dirname(fileURLToPath(import.meta.url))
export const repoRoot = join(here, '..', '..')
export const kubeInfraDir = join(repoRoot, 'test', 'infra', 'kube')
const watchdog = join(kubeInfraDir, 'watchdog.sh')

export interface Supervised {
  readonly pid: number
  /** Resolves with the exit code (or signal name) once the process has ended. */
  readonly exited: Promise<number | string>
  /** True once the process has ended. */
  hasExited(): boolean
  /** The last `lines` lines of the process log, for error messages. */
  logTail(lines?: number): string
  /** Stops the process (TERM, then KILL) and waits for it. Safe to call twice. */
  stop(): Promise<void>
}

/**
 * Starts `command args` under test/infra/kube/watchdog.sh, stdout and stderr appended to `logFile`.
 * The watchdog reads our end of a pipe: when this Node process ends in any way the pipe closes and the
 * watchdog kills the server, so a failed or killed test run never leaves etcd or kube-apiserver behind.
 */
export function spawnSupervised(command: string, args: readonly string[], logFile: string, env?: NodeJS.ProcessEnv): Supervised {
  const fd = openSync(logFile, 'a', 0o600)
  let child: ChildProcess
  try {
    child = spawn('bash', [watchdog, command, ...args], { stdio: ['pipe', fd, fd], env: env ?? process.env })
  } finally {
    closeSync(fd)
  }
  let done = false
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      done = true
      resolve(code ?? signal ?? 'unknown')
    })
    child.once('error', (err) => {
      done = true
      resolve(`spawn error: ${err.message}`)
    })
  })
  // The pipe is the lifeline: never let it keep the event loop alive, and ignore EPIPE after exit.
  child.stdin?.on('error', () => undefined)
  ;(child.stdin as unknown as { unref?: () => void } | null)?.unref?.()
  child.unref()
  return {
    pid: child.pid ?? -1,
    exited,
    hasExited: () => done,
    logTail: (lines = 30) => tailOf(logFile, lines),
    async stop() {
      if (done) return
      child.stdin?.end()
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000)
      await exited
      clearTimeout(timer)
    }
  }
}

function tailOf(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
  } catch {
    return '(no log)'
  }
}

/** A currently free TCP port on 127.0.0.1 (the caller retries on the rare race with another process). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

export interface PollOptions {
  timeoutMs: number
  /** Gives up early, with this reason, e.g. when the process being waited for has exited. */
  abort?: () => string | undefined
}

/**
 * Polls `probe` with jittered exponential backoff (50 ms doubling to 1 s) until it returns true, the
 * timeout passes or `abort` gives a reason. Returns nothing; throws with the last probe error on failure.
 */
export async function pollUntil(what: string, probe: () => Promise<boolean>, opts: PollOptions): Promise<void> {
  const deadline = Date.now() + opts.timeoutMs
  let delay = 50
  let last = 'not ready'
  for (;;) {
    const reason = opts.abort?.()
    if (reason) throw new Error(`${what}: ${reason}`)
    try {
      if (await probe()) return
    } catch (err) {
      last = err instanceof Error ? err.message : String(err)
    }
    if (Date.now() >= deadline) throw new Error(`${what}: not ready after ${opts.timeoutMs} ms (last: ${last})`)
    await new Promise((r) => setTimeout(r, delay / 2 + Math.random() * delay))
    delay = Math.min(delay * 2, 1000)
  }
}
