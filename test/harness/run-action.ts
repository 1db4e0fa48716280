// Runs the bundled action (action.yml's runs.main, dist/index.js) as a GitHub runner would: inputs as INPUT_<NAME>
// variables built like the runner builds them (every input action.yml declares, its default overlaid with the step's
// `with:` value), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, RUNNER_TEMP, GITHUB_WORKSPACE (also the working
// directory), and (optionally) the OIDC token endpoint and an AWS endpoint. The child gets a clean environment — nothing of the machine's AWS
// or GitHub variables leaks in — so a test sees only what it set.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseGithubOutput, parseAnnotations, type Annotation } from './run-action-parse.js'
import { loadActionMetadata } from '../../scripts/action-metadata.mjs'

export type { Annotation } from './run-action-parse.js'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const ACTION = loadActionMetadata()
if (ACTION.problems.length > 0) throw new Error(`action.yml breaks the action metadata rules:\n  ${ACTION.problems.join('\n  ')}`)
export const ACTION_ENTRY = join(REPO_ROOT, String(ACTION.runs.main))

/**
 * The INPUT_ variables the runner gives the action for a step's `with:` (actions/runner ActionRunner and
 * Handler.AddInputsToEnvironment): every input action.yml declares — its default ('' without one) unless `with:`
 * sets it — named INPUT_ + the name with spaces as '_', upper-cased (dashes kept). An input action.yml does not
 * declare only earns a warning from the runner and never reaches the action, so here it is a mistake in the test.
 */
export function inputEnvironment(withInputs: Record<string, string>): Record<string, string> {
  const declared = new Set(ACTION.inputs.map(i => i.name))
  const unknown = Object.keys(withInputs).filter(name => !declared.has(name))
  if (unknown.length > 0) throw new Error(`input(s) ${unknown.join(', ')} not declared in action.yml (declared: ${[...declared].join(', ')})`)
  const env: Record<string, string> = {}
  for (const input of ACTION.inputs) env[`INPUT_${input.name.replace(/ /g, '_').toUpperCase()}`] = withInputs[input.name] ?? input.default ?? ''
  return env
}

export interface RunActionOptions {
  /** the step's `with:` by action.yml's input names, e.g. `{ 'cluster-config': 'cluster.yaml', mode: 'apply' }`;
   * inputs left out get action.yml's default, as on the runner */
  inputs: Record<string, string>
  /** GITHUB_WORKSPACE (and the child's cwd); a fresh temp dir when absent */
  workspace?: string
  /** AWS_ENDPOINT_URL (moto or the fault proxy) */
  awsEndpoint?: string
  /** ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN (the OIDC harness) */
  oidc?: { url: string; token: string }
  /** extra variables, applied last (e.g. AWS_ACCESS_KEY_ID for ambient credentials) */
  env?: Record<string, string | undefined>
  /** script to run instead of dist/index.js */
  entry?: string
  /** kill the child after this long (default 120 s) — a hung run fails the test rather than jest */
  timeoutMs?: number
}

export interface ActionResult {
  /** exit code, or null when killed by a signal */
  code: number | null
  signal: NodeJS.Signals | null
  stdout: string
  stderr: string
  /** GITHUB_OUTPUT parsed: `{ 'node-role-name': '…' }` */
  outputs: Record<string, string>
  /** GITHUB_STEP_SUMMARY contents ('' when none written) */
  summary: string
  /** `::error file=…,line=…::message` and friends found on stdout */
  annotations: Annotation[]
  /** the workspace used */
  workspace: string
  /** wall time in ms */
  elapsedMs: number
}

export interface RunningAction {
  child: ChildProcess
  /** stdout seen so far */
  stdout(): string
  /** resolves once `text` (or a match of the regexp) appears on stdout */
  waitForOutput(pattern: string | RegExp, timeoutMs?: number): Promise<void>
  done: Promise<ActionResult>
}

/** Variables the child inherits from the test process: only what node itself needs. */
const PASS_THROUGH = ['PATH', 'HOME', 'LANG', 'TZ', 'SYSTEMROOT', 'NODE_OPTIONS']

export function startAction(opts: RunActionOptions): RunningAction {
  let out = ''
  let err = ''
  const listeners: Array<() => void> = []
  let child!: ChildProcess
  const done = (async (): Promise<ActionResult> => {
    const runDir = await mkdtemp(join(tmpdir(), 'run-action-'))
    const workspace = opts.workspace ?? join(runDir, 'workspace')
    const outputFile = join(runDir, 'github_output')
    const summaryFile = join(runDir, 'step_summary')
    const runnerTemp = join(runDir, 'runner_temp')
    await Promise.all([writeFile(outputFile, ''), writeFile(summaryFile, '')])
    await mkdir(runnerTemp, { recursive: true })
    await mkdir(workspace, { recursive: true })

    const env: Record<string, string> = {}
    for (const k of PASS_THROUGH) if (process.env[k] !== undefined) env[k] = process.env[k] as string
    Object.assign(env, {
      GITHUB_ACTIONS: 'true',
      CI: 'true',
      GITHUB_WORKSPACE: workspace,
      GITHUB_OUTPUT: outputFile,
      GITHUB_STEP_SUMMARY: summaryFile,
      RUNNER_TEMP: runnerTemp,
      GITHUB_REPOSITORY: 'example/infra',
      GITHUB_RUN_ID: '1',
      // no shared config files or IMDS lookups from the machine
      AWS_CONFIG_FILE: join(runDir, 'no-aws-config'),
      AWS_SHARED_CREDENTIALS_FILE: join(runDir, 'no-aws-credentials'),
      AWS_EC2_METADATA_DISABLED: 'true',
      // `app/kp-test-<mode>` in the SDK's user agent: the API model check counts requests per mode (api-model-check.ts)
      AWS_SDK_UA_APP_ID: `kp-test-${opts.inputs.mode ?? 'unset'}`
    })
    Object.assign(env, inputEnvironment(opts.inputs))
    if (opts.awsEndpoint) env.AWS_ENDPOINT_URL = opts.awsEndpoint
    if (opts.oidc) {
      env.ACTIONS_ID_TOKEN_REQUEST_URL = opts.oidc.url
      env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = opts.oidc.token
    }
    for (const [k, v] of Object.entries(opts.env ?? {})) {
      if (v === undefined) delete env[k]
      else env[k] = v
    }

    const entry = opts.entry ?? ACTION_ENTRY
    if (!existsSync(entry)) throw new Error(`${entry} does not exist: run \`npm run build\` first`)
    const started = Date.now()
    child = spawn(process.execPath, [entry], { cwd: workspace, env, stdio: ['ignore', 'pipe', 'pipe'] })
    child.stdout?.setEncoding('utf8').on('data', (d: string) => {
      out += d
      for (const l of listeners.slice()) l()
    })
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (err += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000)
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>(res => child.on('close', (c, s) => res([c, s])))
    clearTimeout(timer)
    const elapsedMs = Date.now() - started
    const result: ActionResult = {
      code,
      signal,
      stdout: out,
      stderr: err,
      outputs: parseGithubOutput(await readFile(outputFile, 'utf8')),
      summary: await readFile(summaryFile, 'utf8'),
      annotations: parseAnnotations(out),
      workspace,
      elapsedMs
    }
    // keep a caller-provided workspace; remove our own files
    await rm(runDir, { recursive: true, force: true })
    return result
  })()
  const started = new Promise<void>(res => {
    const check = (): void => (child ? res() : void setTimeout(check, 5))
    check()
  })
  return {
    get child() {
      return child
    },
    stdout: () => out,
    waitForOutput: async (pattern, timeoutMs = 60_000) => {
      await started
      const hit = (): boolean => (typeof pattern === 'string' ? out.includes(pattern) : pattern.test(out))
      if (hit()) return
      await new Promise<void>((res, rej) => {
        const t = setTimeout(() => rej(new Error(`no ${String(pattern)} on stdout within ${timeoutMs} ms:\n${out.slice(-2000)}`)), timeoutMs)
        const l = (): void => {
          if (!hit()) return
          clearTimeout(t)
          listeners.splice(listeners.indexOf(l), 1)
          res()
        }
        listeners.push(l)
        done.finally(() => {
          clearTimeout(t)
          if (!hit()) rej(new Error(`the action ended without printing ${String(pattern)}:\n${out.slice(-2000)}`))
        }).catch(() => undefined)
      })
    },
    done
  }
}

export function runAction(opts: RunActionOptions): Promise<ActionResult> {
  return startAction(opts).done
}

/** Writes `files` (relative path → content) into a fresh workspace folder and returns its path. */
export async function makeWorkspace(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'action-ws-'))
  for (const [rel, content] of Object.entries(files)) {
    const file = join(dir, rel)
    await mkdir(dirname(file), { recursive: true })
    await writeFile(file, content)
  }
  return dir
}
