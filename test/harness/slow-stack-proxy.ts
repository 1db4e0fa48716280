// CloudFormation that takes time, in front of moto (for `npm run bench`): moto executes a change set at once,
// so the proxy holds each stack *_IN_PROGRESS for a set time after its ExecuteChangeSet, as CloudFormation does
// while it creates IAM roles and instance profiles. While a stack is held:
//   DescribeStacks       its CREATE_/UPDATE_COMPLETE (and _ROLLBACK_COMPLETE) reads *_IN_PROGRESS
//   DescribeStackEvents  the stack's own closing event is left out (resource events pass)
// It also answers UpdateTerminationProtection as CloudFormation does (moto answers 500 and the SDK retries),
// and shows the flag in DescribeStacks. Every request is recorded by action, with who made it (the AWS SDK, i.e.
// the action, or another client such as the test token webhook) and its start and end time.
import { createServer, request, type IncomingMessage, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomUUID } from 'node:crypto'

export interface TimedCall {
  action: string
  /** "sdk" for the AWS SDK (the action), "other" for anything else (the test token webhook, moto-api) */
  by: 'sdk' | 'other'
  status: number
  /** ms since the epoch */
  start: number
  end: number
}

export interface SlowStackProxy {
  endpoint: string
  calls: TimedCall[]
  /** the SDK's calls (the action's) by action */
  countsByAction(): Record<string, number>
  resetCalls(): void
  /** stack name → when its hold ended (ms since the epoch) and for how long it was held */
  holds: Map<string, { from: number; until: number }>
  close(): Promise<void>
}

export interface SlowStackOptions {
  /** the endpoint the requests go on to (moto) */
  target: string
  /** how long the n-th executed change set keeps its stack in progress, in ms; the last value repeats */
  holdMs: number[]
}

function param(body: string, url: string, name: string): string | undefined {
  const re = new RegExp(`(?:^|[&?])${name}=([^&]*)`)
  const m = re.exec(body) ?? re.exec(url)
  return m ? decodeURIComponent(m[1].replace(/\+/g, ' ')) : undefined
}

function actionOf(req: IncomingMessage, body: string): string {
  const target = req.headers['x-amz-target']
  if (typeof target === 'string') return target.split('.').pop() ?? target
  return param(body, req.url ?? '', 'Action') ?? `${req.method} ${(req.url ?? '').split('?')[0]}`
}

const SETTLED = /<StackStatus>((?:CREATE|UPDATE|UPDATE_ROLLBACK|ROLLBACK)_COMPLETE)<\/StackStatus>/

function inProgress(status: string): string {
  return status === 'UPDATE_ROLLBACK_COMPLETE' ? 'UPDATE_ROLLBACK_IN_PROGRESS' : status === 'ROLLBACK_COMPLETE' ? 'ROLLBACK_IN_PROGRESS' : status.replace(/_COMPLETE$/, '_IN_PROGRESS')
}

/**
 * Rewrites each stack of a DescribeStacks answer (from its <StackName> to the next one: Outputs and Tags nest
 * <member>s of their own): held stacks in progress, protected stacks protected.
 */
function rewriteStacks(xml: string, held: (name: string) => boolean, protectedStacks: Set<string>): string {
  const parts = xml.split(/(?=<StackName>)/)
  return parts
    .map(part => {
      const name = /^<StackName>([^<]+)<\/StackName>/.exec(part)?.[1]
      if (!name) return part
      let out = part
      if (held(name)) out = out.replace(SETTLED, (_s, status: string) => `<StackStatus>${inProgress(status)}</StackStatus>`)
      if (protectedStacks.has(name)) {
        out = /<EnableTerminationProtection>/.test(out)
          ? out.replace(/<EnableTerminationProtection>\w+<\/EnableTerminationProtection>/, '<EnableTerminationProtection>true</EnableTerminationProtection>')
          : out.replace('</StackName>', '</StackName><EnableTerminationProtection>true</EnableTerminationProtection>')
      }
      return out
    })
    .join('')
}

/** Leaves out the stack's own closing event (LogicalResourceId = stack name, status not *_IN_PROGRESS). */
function hideClosingEvents(xml: string, stack: string): string {
  return xml.replace(/<member>([\s\S]*?)<\/member>/g, (whole, inner: string) => {
    const logical = /<LogicalResourceId>([^<]*)<\/LogicalResourceId>/.exec(inner)?.[1]
    const status = /<ResourceStatus>([^<]*)<\/ResourceStatus>/.exec(inner)?.[1] ?? ''
    return logical === stack && !status.endsWith('_IN_PROGRESS') ? '' : whole
  })
}

/** The name a StackName parameter (name or stack id ARN) refers to. */
function stackNameOf(value: string | undefined): string | undefined {
  if (!value) return undefined
  const arn = /^arn:[^:]+:cloudformation:[^:]*:\d*:stack\/([^/]+)\//.exec(value)
  return arn ? arn[1] : value
}

export async function startSlowStackProxy(opts: SlowStackOptions): Promise<SlowStackProxy> {
  const target = new URL(opts.target)
  const calls: TimedCall[] = []
  const holds = new Map<string, { from: number; until: number }>()
  const protectedStacks = new Set<string>()
  let executed = 0
  const held = (name: string) => (holds.get(name)?.until ?? 0) > Date.now()

  const server: Server = createServer((req, res) => {
    const start = Date.now()
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c as Buffer))
    req.on('end', () => {
      const body = Buffer.concat(chunks)
      const text = body.toString('utf8')
      const action = actionOf(req, text)
      const stack = stackNameOf(param(text, req.url ?? '', 'StackName'))
      const by = /aws-sdk-js/.test(String(req.headers['user-agent'] ?? '')) ? 'sdk' : 'other'
      const record = (status: number) => calls.push({ action, by, status, start, end: Date.now() })

      if (action === 'UpdateTerminationProtection' && stack) {
        // CloudFormation's answer: the stack id. (An absent stack would be a ValidationError; apply only asks for its own.)
        if (param(text, req.url ?? '', 'EnableTerminationProtection') === 'true') protectedStacks.add(stack)
        else protectedStacks.delete(stack)
        const xml =
          '<UpdateTerminationProtectionResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">' +
          `<UpdateTerminationProtectionResult><StackId>arn:aws:cloudformation:us-west-2:123456789012:stack/${stack}/${randomUUID()}</StackId></UpdateTerminationProtectionResult>` +
          `<ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></UpdateTerminationProtectionResponse>`
        res.writeHead(200, { 'content-type': 'text/xml' })
        res.end(xml)
        record(200)
        return
      }

      const upstream = request(
        { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers },
        up => {
          const out: Buffer[] = []
          up.on('data', c => out.push(c as Buffer))
          up.on('end', () => {
            let answer = Buffer.concat(out)
            const status = up.statusCode ?? 502
            // a stack made anew (also after moto was reset, or the stack deleted) starts unprotected
            if (status === 200 && action === 'CreateChangeSet' && stack && param(text, req.url ?? '', 'ChangeSetType') === 'CREATE') protectedStacks.delete(stack)
            if (status === 200 && action === 'DeleteStack' && stack) protectedStacks.delete(stack)
            if (status === 200 && action === 'ExecuteChangeSet' && stack) {
              const ms = opts.holdMs[Math.min(executed, opts.holdMs.length - 1)] ?? 0
              executed++
              holds.set(stack, { from: Date.now(), until: Date.now() + ms })
            }
            if (status === 200 && action === 'DescribeStacks') {
              answer = Buffer.from(rewriteStacks(answer.toString('utf8'), held, protectedStacks))
            }
            if (status === 200 && action === 'DescribeStackEvents' && stack && held(stack)) {
              answer = Buffer.from(hideClosingEvents(answer.toString('utf8'), stack))
            }
            const headers = { ...up.headers }
            delete headers['content-length']
            delete headers['transfer-encoding']
            res.writeHead(status, { ...headers, 'content-length': String(answer.length) })
            res.end(answer)
            record(status)
          })
        }
      )
      upstream.on('error', e => {
        res.writeHead(502)
        res.end(String(e))
        record(502)
      })
      upstream.end(body)
    })
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    holds,
    countsByAction: () => {
      const counts: Record<string, number> = {}
      for (const c of calls.filter(c => c.by === 'sdk')) counts[c.action] = (counts[c.action] ?? 0) + 1
      return counts
    },
    resetCalls: () => void calls.splice(0),
    close: () =>
      new Promise<void>(r => {
        server.closeAllConnections?.()
        server.close(() => r())
      })
  }
}
