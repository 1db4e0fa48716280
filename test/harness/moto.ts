// moto for integration tests: moto_launcher.py (ThreadedMotoServer on 127.0.0.1, a free port, AWS-managed
// policies loaded) behind a counting proxy, so a test can ask how many AWS calls of each kind a run made
// (e.g. "no CreateChangeSet on a no-op re-run") and shape the EKS cluster the way moto's API cannot
// (accessConfig, computeConfig, status, version, issuer).
import { spawn, type ChildProcess } from 'node:child_process'
import { createServer, request, type Server, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { recordRequest, type RecordedRequest } from './aws-request-record.js'
import { checkAwsRequest } from './api-model-check.js'

const LAUNCHER = join(dirname(fileURLToPath(import.meta.url)), 'moto_launcher.py')

export interface AwsCall {
  /** Query-protocol Action (CloudFormation, IAM, STS, SQS…), JSON X-Amz-Target, or METHOD /path for REST (EKS) */
  action: string
  status: number
  /** the request's service, operation and parameters (test/harness/aws-request-record.ts) */
  request: RecordedRequest
}

export interface ClusterShape {
  name: string
  region: string
  version?: string
  status?: string
  authenticationMode?: string
  /** '' removes the issuer */
  issuer?: string
  /** the API server URL DescribeCluster reports (e.g. the test kube-apiserver's) instead of moto's fake one */
  endpoint?: string
  /** certificateAuthority.data (base64 PEM) DescribeCluster reports instead of moto's random string */
  certificateAuthority?: string
  /** computeConfig.enabled (EKS Auto Mode) as DescribeCluster reports it; moto itself never reports computeConfig */
  autoMode?: boolean
}

/** Serves a request in place of moto (e.g. the drift stand-in), or passes it on (undefined). */
export type MotoInterceptor = (req: { method: string; url: string; headers: IncomingMessage['headers']; body: string }) =>
  Promise<{ status: number; headers: Record<string, string>; body: string } | undefined>

export interface Moto {
  /** the proxy's URL: give it to AWS_ENDPOINT_URL */
  endpoint: string
  /** moto itself, bypassing the counting */
  directEndpoint: string
  calls: AwsCall[]
  count(action: string): number
  resetCalls(): void
  /** POST /moto-api/reset: every backend emptied */
  reset(): Promise<void>
  cluster(shape: ClusterShape): Promise<{ issuer?: string; endpoint: string; arn: string }>
  /** requests `serve` answers never reach moto (they are still checked against the API models and counted) */
  intercept(serve: MotoInterceptor): void
  stop(): Promise<void>
}

function actionOf(req: IncomingMessage, body: string): string {
  const target = req.headers['x-amz-target']
  if (typeof target === 'string') return target.split('.').pop() ?? target
  const m = /(?:^|&)Action=([^&]+)/.exec(body) ?? /[?&]Action=([^&]+)/.exec(req.url ?? '')
  if (m) return decodeURIComponent(m[1])
  return `${req.method} ${(req.url ?? '').split('?')[0]}`
}

export async function startMoto(): Promise<Moto> {
  const python = process.env.MOTO_PYTHON ?? 'python3'
  const child: ChildProcess = spawn(python, [LAUNCHER], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, MOTO_IAM_LOAD_MANAGED_POLICIES: 'true' } })
  let stderr = ''
  child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr = (stderr + d).slice(-4000)))
  const lines = createInterface({ input: child.stdout! })
  const pending: Array<(line: string) => void> = []
  lines.on('line', l => pending.shift()?.(l))
  const next = (timeoutMs = 60_000): Promise<string> =>
    new Promise((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`moto launcher did not answer within ${timeoutMs} ms; stderr:\n${stderr}`)), timeoutMs)
      pending.push(l => {
        clearTimeout(t)
        resolve(l)
      })
      child.once('exit', code => reject(new Error(`moto launcher exited (${code}); stderr:\n${stderr}`)))
    })
  const { port } = JSON.parse(await next()) as { port: number }
  const direct = `http://127.0.0.1:${port}`

  const calls: AwsCall[] = []
  const interceptors: MotoInterceptor[] = []
  const proxy: Server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c as Buffer))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const refusal = checkAwsRequest(req.method ?? 'GET', req.url ?? '/', req.headers, body.toString('utf8'))
      if (refusal) {
        calls.push({ action: actionOf(req, body.toString('utf8')), status: refusal.status, request: recordRequest(req, body) })
        res.writeHead(refusal.status, refusal.headers)
        res.end(refusal.body)
        return
      }
      const text = body.toString('utf8')
      void (async () => {
        for (const serve of interceptors) {
          const answer = await serve({ method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, body: text })
          if (answer) return answer
        }
        return undefined
      })().then(answer => {
        if (!answer) return forwardTo(req, res, body)
        calls.push({ action: actionOf(req, text), status: answer.status, request: recordRequest(req, body) })
        res.writeHead(answer.status, answer.headers)
        res.end(answer.body)
      }, (e: unknown) => {
        res.writeHead(500, { 'content-type': 'text/plain' })
        res.end(`moto proxy interceptor: ${(e as Error).stack ?? String(e)}`)
      })
    })
  })
  function forwardTo(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
    const upstream = request({ host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers }, up => {
      if (!(req.url ?? '').startsWith('/moto-api')) calls.push({ action: actionOf(req, body.toString('utf8')), status: up.statusCode ?? 0, request: recordRequest(req, body) })
      res.writeHead(up.statusCode ?? 502, up.headers)
      up.pipe(res)
    })
    upstream.on('error', e => {
      res.writeHead(502)
      res.end(String(e))
    })
    upstream.end(body)
  }
  await new Promise<void>(r => proxy.listen(0, '127.0.0.1', r))
  const endpoint = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`

  let queue = Promise.resolve('')
  const command = (msg: object): Promise<Record<string, unknown>> => {
    queue = queue.then(async () => {
      const answer = next()
      child.stdin!.write(JSON.stringify(msg) + '\n')
      return answer
    })
    return queue.then(l => {
      const a = JSON.parse(l) as Record<string, unknown>
      if (!a.ok) throw new Error(`moto launcher: ${String(a.error)}`)
      return a
    })
  }

  return {
    endpoint,
    directEndpoint: direct,
    calls,
    count: action => calls.filter(c => c.action === action).length,
    resetCalls: () => void calls.splice(0),
    reset: async () => {
      const r = await fetch(`${direct}/moto-api/reset`, { method: 'POST' })
      if (!r.ok) throw new Error(`moto reset failed: ${r.status}`)
      calls.splice(0)
    },
    intercept: serve => void interceptors.push(serve),
    cluster: async shape => (await command({ cmd: 'cluster', ...shape })) as { issuer?: string; endpoint: string; arn: string },
    stop: async () => {
      await new Promise<void>(r => proxy.close(() => r()))
      child.stdin?.end()
      if (child.exitCode === null) {
        // the grace timer is cleared (unref'd) so that it never keeps the test process alive after moto exits
        let grace: NodeJS.Timeout | undefined
        await Promise.race([new Promise(r => child.once('exit', r)), new Promise(r => (grace = setTimeout(r, 3000)).unref())])
        clearTimeout(grace)
        if (child.exitCode === null) child.kill('SIGKILL')
      }
    }
  }
}
