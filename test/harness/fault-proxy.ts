// An HTTP proxy on 127.0.0.1 between the action (AWS_ENDPOINT_URL points at it) and moto, with a
// programmable fault plan: per AWS action, answer N times with throttling, a 5xx, an error of the test's
// choosing, a dropped connection, a delay, a rewritten response, or hold calls back (until several runs
// meet there, or until the test says) — and count every call by action.
// With an empty plan it is a pass-through counter (the bench's API-call counts come from it).
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { randomUUID } from 'node:crypto'
import { identifyRequest, isMutation, serverError, throttlingError, wireError, type Protocol } from './fault-proxy-protocol.js'

export type Fault =
  /** 400 Throttling (query), 400 ThrottlingException (JSON), 429 (REST), 503 RequestLimitExceeded (EC2) */
  | { kind: 'throttle' }
  | { kind: 'server-error'; status: 500 | 503 }
  /** any AWS error, e.g. `{ status: 403, code: 'AccessDenied', message: '…' }` */
  | { kind: 'error'; status: number; code: string; message: string }
  /** the request is read, then the socket is destroyed without an answer (ECONNRESET / socket hang up) */
  | { kind: 'reset' }
  /** forwarded after `ms` */
  | { kind: 'delay'; ms: number }
  /** forwarded, and the response body rewritten (e.g. report a stack as still *_IN_PROGRESS) */
  | { kind: 'rewrite'; replace: Array<[RegExp | string, string]> }
  /**
   * held until `parties` matching calls have arrived, then all forwarded together (give the rule
   * `times: parties`): makes concurrent runs meet at one call, whatever their start-up skew. Released
   * anyway after `timeoutMs` (default 60 s) so a run that never arrives fails the test, not hangs it.
   */
  | { kind: 'barrier'; parties: number; timeoutMs?: number }
  /** held until `until` settles (the test decides when), then forwarded; `onArrival` is told when it comes */
  | { kind: 'hold'; until: Promise<unknown>; onArrival?: () => void }

export interface FaultRule {
  /** AWS action, e.g. `CreateChangeSet`, `AssumeRoleWithWebIdentity`; `*` for every action */
  action: string
  /** signing name (`sts`, `iam`, `cloudformation`, `eks`…); any when absent */
  service?: string
  fault: Fault
  /** only requests whose body (or URL) matches, e.g. /StackName=my-stack(&|$)/ */
  bodyMatches?: RegExp
  /** how many matching calls get the fault (default 1; Infinity for all) */
  times?: number
  /** matching calls to let through untouched before the fault starts (default 0) */
  skip?: number
}

export interface CallRecord {
  seq: number
  service: string
  action: string
  protocol: Protocol
  method: string
  path: string
  /** the fault kind applied, if any */
  fault?: Fault['kind']
  /** status sent back to the client (undefined for a reset) */
  status?: number
  mutation: boolean
}

export interface FaultProxy {
  /** http://127.0.0.1:<port> — put this in AWS_ENDPOINT_URL */
  endpoint: string
  /** adds a rule; rules are tried in the order added, the first with faults left applies */
  plan(rule: FaultRule): void
  clearPlan(): void
  /** every call seen since start or the last resetCalls(), in arrival order */
  readonly calls: readonly CallRecord[]
  /** calls (attempts, faulted or not) of `action`, optionally of one service */
  count(action: string, service?: string): number
  /** `{ 'cloudformation:CreateChangeSet': 2, … }` */
  countsByAction(): Record<string, number>
  mutations(): CallRecord[]
  resetCalls(): void
  /** resolves with the next call matching `match` (counting calls already seen when `includeSeen`) */
  waitForCall(match: (c: CallRecord) => boolean, opts?: { timeoutMs?: number; includeSeen?: boolean }): Promise<CallRecord>
  close(): Promise<void>
}

interface LiveRule extends Required<Pick<FaultRule, 'action' | 'fault'>> {
  service?: string
  bodyMatches?: RegExp
  left: number
  skip: number
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export async function startFaultProxy(opts: { target: string }): Promise<FaultProxy> {
  const target = new URL(opts.target)
  const rules: LiveRule[] = []
  let calls: CallRecord[] = []
  let seq = 0
  const waiters: Array<{ match: (c: CallRecord) => boolean; resolve: (c: CallRecord) => void }> = []
  const sockets = new Set<Socket>()
  const timers = new Set<NodeJS.Timeout>()
  const barriers = new Map<Fault, { arrived: number; release: () => void; released: Promise<void> }>()
  const wait = (ms: number, until?: Promise<unknown>): Promise<void> =>
    new Promise<void>(resolve => {
      const t = setTimeout(() => {
        timers.delete(t)
        resolve()
      }, ms)
      timers.add(t)
      until?.then(
        () => (clearTimeout(t), timers.delete(t), resolve()),
        () => (clearTimeout(t), timers.delete(t), resolve())
      )
    })

  const record = (c: CallRecord): void => {
    calls.push(c)
    for (const w of waiters.splice(0)) {
      if (w.match(c)) w.resolve(c)
      else waiters.push(w)
    }
  }

  const pickFault = (service: string, action: string, text: string): Fault | undefined => {
    for (const r of rules) {
      if (r.action !== '*' && r.action !== action) continue
      if (r.service && r.service !== service) continue
      if (r.bodyMatches && !r.bodyMatches.test(text)) continue
      if (r.left <= 0) continue
      if (r.skip > 0) {
        r.skip--
        continue
      }
      r.left--
      return r.fault
    }
    return undefined
  }

  const forward = (req: IncomingMessage, body: Buffer, res: ServerResponse, rewrite?: Array<[RegExp | string, string]>): Promise<number> =>
    new Promise(resolve => {
      const headers = { ...req.headers, host: target.host }
      const upstream = request(
        { hostname: target.hostname, port: target.port, method: req.method, path: req.url, headers },
        up => {
          const status = up.statusCode ?? 502
          if (!rewrite) {
            res.writeHead(status, up.headers)
            up.pipe(res)
            up.on('end', () => resolve(status))
            return
          }
          readBody(up).then(buf => {
            let text = buf.toString('utf8')
            for (const [from, to] of rewrite) text = text.replace(from instanceof RegExp ? from : new RegExp(escapeRegExp(from), 'g'), to)
            const out = Buffer.from(text)
            const h = { ...up.headers, 'content-length': String(out.length) }
            delete h['transfer-encoding']
            res.writeHead(status, h)
            res.end(out)
            resolve(status)
          }, () => resolve(502))
        }
      )
      upstream.on('error', err => {
        if (!res.headersSent) {
          res.writeHead(502, { 'content-type': 'text/plain' })
          res.end(`fault proxy: upstream error ${err.message}`)
        } else res.destroy()
        resolve(502)
      })
      upstream.end(body)
    })

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req)
    const method = req.method ?? 'GET'
    const url = req.url ?? '/'
    const text = body.toString('utf8')
    const id = identifyRequest(method, url, req.headers, text)
    const fault = url.startsWith('/moto-api') ? undefined : pickFault(id.service, id.action, `${url}\n${text}`)
    const base = { seq: ++seq, ...id, method, path: url.split('?')[0] ?? '/', mutation: isMutation(id.action), fault: fault?.kind }
    const requestId = randomUUID()
    const answer = (e: { status: number; headers: Record<string, string>; body: string }): void => {
      res.writeHead(e.status, { ...e.headers, 'content-length': String(Buffer.byteLength(e.body)) })
      res.end(e.body)
      record({ ...base, status: e.status })
    }
    switch (fault?.kind) {
      case 'throttle':
        return answer(throttlingError(id.protocol, requestId))
      case 'server-error':
        return answer(serverError(id.protocol, fault.status, requestId))
      case 'error':
        return answer(wireError(id.protocol, fault.status, fault.code, fault.message, requestId))
      case 'reset':
        record(base)
        req.socket.destroy()
        return
      case 'delay':
        await wait(fault.ms)
        if (req.socket.destroyed) return record(base)
        break
      case 'barrier': {
        let b = barriers.get(fault)
        if (!b) {
          let release!: () => void
          const released = new Promise<void>(r => (release = r))
          b = { arrived: 0, release, released }
          barriers.set(fault, b)
        }
        if (++b.arrived >= fault.parties) b.release()
        await wait(fault.timeoutMs ?? 60_000, b.released)
        if (req.socket.destroyed) return record(base)
        break
      }
      case 'hold':
        fault.onArrival?.()
        await wait(2_147_483_647, fault.until)
        if (req.socket.destroyed) return record(base)
        break
    }
    const status = await forward(req, body, res, fault?.kind === 'rewrite' ? fault.replace : undefined)
    record({ ...base, status })
  }

  const countsByAction = (): Record<string, number> => {
    const out: Record<string, number> = {}
    for (const c of calls) out[`${c.service}:${c.action}`] = (out[`${c.service}:${c.action}`] ?? 0) + 1
    return out
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(err => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' })
      res.end(`fault proxy: ${(err as Error).message}`)
    })
  })
  server.on('connection', s => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  const { port } = server.address() as AddressInfo

  return {
    endpoint: `http://127.0.0.1:${port}`,
    plan(rule) {
      rules.push({ action: rule.action, service: rule.service, bodyMatches: rule.bodyMatches, fault: rule.fault, left: rule.times ?? 1, skip: rule.skip ?? 0 })
    },
    clearPlan() {
      rules.length = 0
      barriers.clear()
    },
    get calls() {
      return calls
    },
    count(action, service) {
      return calls.filter(c => c.action === action && (!service || c.service === service)).length
    },
    countsByAction,
    mutations() {
      return calls.filter(c => c.mutation)
    },
    resetCalls() {
      calls = []
    },
    waitForCall(match, o = {}) {
      if (o.includeSeen) {
        const seen = calls.find(match)
        if (seen) return Promise.resolve(seen)
      }
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (c: CallRecord) => (clearTimeout(t), resolve(c)) }
        const t = setTimeout(() => {
          const i = waiters.indexOf(waiter)
          if (i >= 0) waiters.splice(i, 1)
          reject(new Error(`fault proxy: no matching call within ${o.timeoutMs ?? 30_000} ms; seen: ${JSON.stringify(countsByAction())}`))
        }, o.timeoutMs ?? 30_000)
        waiters.push(waiter)
      })
    },
    close: () =>
      new Promise<void>(resolve => {
        for (const t of timers) clearTimeout(t)
        for (const s of sockets) s.destroy()
        server.close(() => resolve())
      })
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
