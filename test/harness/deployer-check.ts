// The deployer policy as the command renders it (dist/cli.js --mode render --account … --out DIR), and the
// recorded AWS calls of a run evaluated against it (test/harness/iam-requests.ts).
import { execFile } from 'node:child_process'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { REPO_ROOT } from './run-action.js'
import type { RecordedRequest } from './aws-request-record.js'
import { iamRequestsOf, type Env, type IamRequest } from './iam-requests.js'
import { isMutation } from './fault-proxy-protocol.js'

export interface RenderedPolicies {
  apply: unknown[]
  readOnly: unknown[]
  /** the rendered templates, for the handler permissions */
  karpenterTemplate: never
  controllerTemplate: never
}

/** Renders the config in `workspace` with the command line and reads back every deployer-policy*.json. */
export async function renderDeployerPolicies(workspace: string, config: string, account: string, flags: Record<string, string> = {}): Promise<RenderedPolicies> {
  const out = await mkdtemp(join(tmpdir(), 'deployer-policy-'))
  try {
    const args = [join(REPO_ROOT, 'dist', 'cli.js'), '--mode', 'render', '--config', config, '--account', account, '--out', out, ...Object.entries(flags).flatMap(([k, v]) => [`--${k}`, v])]
    await promisify(execFile)(process.execPath, args, { cwd: workspace, timeout: 60_000 })
    const files = (await readdir(out)).filter(f => f.startsWith('deployer-policy')).sort()
    const read = async (f: string): Promise<unknown> => JSON.parse(await readFile(join(out, f), 'utf8')) as unknown
    return {
      apply: await Promise.all(files.filter(f => !f.includes('read-only')).map(read)),
      readOnly: await Promise.all(files.filter(f => f.includes('read-only')).map(read)),
      karpenterTemplate: (await read('karpenter-stack.json')) as never,
      controllerTemplate: (await read('controller-stack.json')) as never
    }
  } finally {
    await rm(out, { recursive: true, force: true })
  }
}

export interface Call {
  action: string
  request?: RecordedRequest
}

/** The IAM requests of recorded calls (each call's own operation name), with the call's operation kept. */
export function requestsOf(calls: readonly Call[], env: Env): (IamRequest & { operation: string })[] {
  return calls.flatMap(c => {
    if (!c.request) throw new Error(`call ${c.action} was recorded without its request`)
    return iamRequestsOf(c.request, c.action, env).map(r => ({ ...r, operation: c.action }))
  })
}

/** Calls that change something, except creating and deleting plan's own change sets. */
export function changesSomething(operation: string): boolean {
  return isMutation(operation) && operation !== 'CreateChangeSet' && operation !== 'DeleteChangeSet'
}
