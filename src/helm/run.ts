// Runs helm: always an argv array through @actions/exec (spawn, no shell), output captured, and on failure an
// error that carries helm's own message rather than "exit code 1".
import { getExecOutput } from '@actions/exec'
import { info, infoBlock } from '../runner/log.js'
import { ProvisionError } from '../core/errors.js'

export interface HelmRunOptions {
  /** KUBECONFIG for this call; other environment variables are passed through unchanged */
  kubeconfig?: string
  /** true: a non-zero exit is returned, not thrown (the caller judges it) */
  allowFailure?: boolean
  /** false: echo the command and stream helm's output to the log (mutating calls); default true */
  silent?: boolean
}

export interface HelmResult {
  exitCode: number
  stdout: string
  stderr: string
}

export class HelmError extends ProvisionError {
  override readonly name: string = 'HelmError'
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number,
    readonly stdout: string,
    readonly stderr: string
  ) {
    super(`helm ${args[0] ?? ''} failed (exit ${exitCode}): ${helmMessage(stderr, stdout)}`)
  }

  /** helm's own words, without the exit code prefix */
  get helmMessage(): string {
    return helmMessage(this.stderr, this.stdout)
  }
}

/** The useful part of helm's output: its `Error: …` line(s) when present, else the last stderr lines. */
export function helmMessage(stderr: string, stdout = ''): string {
  const text = stderr.trim() || stdout.trim()
  if (!text) return '(helm printed nothing)'
  const lines = text.split(/\r?\n/)
  const at = lines.findIndex((l) => l.startsWith('Error:'))
  const picked = at >= 0 ? lines.slice(at) : lines.slice(-5)
  return picked.join('\n').replace(/^Error:\s*/, '')
}

/** The environment of the child: ours, with KUBECONFIG set when given (exec's env REPLACES process.env). */
export function helmEnv(kubeconfig?: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined) env[k] = v
  if (kubeconfig) env['KUBECONFIG'] = kubeconfig
  return env
}

// @actions/exec splits its first argument like a command line; quoting keeps a path with spaces whole.
function quoteTool(path: string): string {
  return `"${path.replace(/"/g, '\\"')}"`
}

export async function runHelm(helm: string, args: string[], opts: HelmRunOptions = {}): Promise<HelmResult> {
  // Echoed output goes through the log module line by line (never straight to stdout), so that nothing helm
  // prints — it echoes names and values from the config — can become a workflow command.
  const echo = opts.silent === false
  if (echo) info(`[command]${helm} ${args.join(' ')}`)
  const out = await getExecOutput(quoteTool(helm), args, {
    env: helmEnv(opts.kubeconfig),
    ignoreReturnCode: true,
    silent: true,
    ...(echo ? { listeners: { stdline: (line: string) => infoBlock(line), errline: (line: string) => infoBlock(line) } } : {})
  })
  const result: HelmResult = { exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr }
  if (result.exitCode !== 0 && !opts.allowFailure) {
    throw new HelmError(args, result.exitCode, result.stdout, result.stderr)
  }
  return result
}
