// Retrying what can succeed on a second try — throttling, 5xx, the IdP's hiccups, dropped connections —
// with jittered exponential backoff; never a local mistake (validation, access denied, missing input),
// which would only make the user wait for the same error (configure-aws-credentials retries those for ~48 s).

import { realSleep, retryLoop, type Sleep } from '../runner/wait.js'

export { realSleep, type Sleep }

const THROTTLING = new Set([
  'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
  'RequestLimitExceeded',
  'BandwidthLimitExceeded', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete',
  'EC2ThrottledException'
])
// The web-identity IdP (GitHub's token service as seen by STS) and transient AWS-side failures.
const TRANSIENT = new Set(['IDPCommunicationError', 'IDPCommunicationErrorException', 'RequestTimeout', 'RequestTimeoutException', 'InternalError', 'InternalFailure', 'ServiceUnavailable', 'ServiceUnavailableException'])
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'TimeoutError'])

interface ErrorLike {
  name?: string
  code?: string
  $metadata?: { httpStatusCode?: number }
  $retryable?: unknown
}

/** True only for failures that another attempt can fix. */
export function isRetryable(err: unknown): boolean {
  if (!err || typeof err !== 'object') return false
  const e = err as ErrorLike
  const name = e.name ?? ''
  if (THROTTLING.has(name) || TRANSIENT.has(name)) return true
  if (e.code && NETWORK.has(e.code)) return true
  if (NETWORK.has(name)) return true
  const status = e.$metadata?.httpStatusCode
  if (status === 429) return true
  if (status !== undefined && status >= 500 && status <= 599) return true
  // The SDK marks throttling responses it recognises with $retryable.
  if (e.$retryable) return true
  return false
}

interface ErrorWithAttempts extends ErrorLike {
  message: string
  $metadata?: { httpStatusCode?: number; attempts?: number }
}

const EXPLAINED = Symbol.for('karpenter-provision.retries-explained')

/**
 * A failure that was retried until the tries ran out says which call it was, on what, and after how many
 * tries — not a bare "Rate exceeded". The error keeps its name and fields (callers still test them).
 */
export function explainGaveUp<E>(err: E, call: string, target: string | undefined, tries: number | undefined): E {
  if (!err || typeof err !== 'object' || !isRetryable(err) || (err as Record<symbol, unknown>)[EXPLAINED]) return err
  const e = err as unknown as ErrorWithAttempts
  const what = `${call}${target ? ` on ${target}` : ''}`
  const after = tries && tries > 1 ? `gave up after ${tries} tries` : 'not retried'
  e.message = `${what}: ${e.name ?? 'Error'}: ${e.message || 'no message'} (${isThrottling(e) ? 'throttled by AWS; ' : ''}${after})`
  Object.defineProperty(err, EXPLAINED, { value: true })
  return err
}

function isThrottling(e: ErrorLike): boolean {
  return THROTTLING.has(e.name ?? '') || e.$metadata?.httpStatusCode === 429
}

// The request fields that name what a call acts on, in the order they are looked for.
const TARGET_FIELDS = [
  'StackName', 'RoleName', 'InstanceProfileName', 'PolicyArn', 'OpenIDConnectProviderArn', 'clusterName', 'name',
  'associationId', 'principalArn', 'RoleArn', 'QueueUrl', 'Url', 'InstanceIds'
]

/** What a request acts on, from its input (`StackName eksctl-x-karpenter`), if it names anything. */
export function callTarget(input: unknown): string | undefined {
  if (!input || typeof input !== 'object') return undefined
  const fields = input as Record<string, unknown>
  for (const key of TARGET_FIELDS) {
    const v = fields[key]
    if (typeof v === 'string' && v) return `${key} ${v}`
    if (Array.isArray(v) && v.length) return `${key} ${v.slice(0, 3).join(', ')}${v.length > 3 ? ', …' : ''}`
  }
  return undefined
}

/** The shape of an AWS SDK client's middleware stack that explainRetriedCalls needs. */
export interface WithMiddleware {
  middlewareStack: { add(middleware: never, options: { step: 'initialize'; name: string }): void }
}

type Next = (args: { input: unknown }) => Promise<unknown>

/**
 * Makes every call of `client` that fails after the SDK's own retries say which call, on what and after how
 * many tries (the outermost middleware step, so it sees the error the retries ended with).
 */
export function explainRetriedCalls<C extends WithMiddleware>(client: C): C {
  const middleware = (next: Next, context: { commandName?: string }) => async (args: { input: unknown }) => {
    try {
      return await next(args)
    } catch (err) {
      const call = (context.commandName ?? 'AWS call').replace(/Command$/, '')
      throw explainGaveUp(err, call, callTarget(args.input), (err as ErrorWithAttempts)?.$metadata?.attempts)
    }
  }
  client.middlewareStack.add(middleware as never, { step: 'initialize', name: 'explainRetriedCalls' })
  return client
}

export interface RetryOptions {
  /** attempts in total, including the first */
  attempts?: number
  baseMs?: number
  capMs?: number
  sleep?: Sleep
  /** 0 ≤ random() < 1; injectable for deterministic tests */
  random?: () => number
  signal?: AbortSignal
  /** called before each wait, e.g. to log "retrying in 2 s" */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void
  retryable?: (err: unknown) => boolean
  /** names the call in the error when the tries run out (`AssumeRoleWithWebIdentity on RoleArn …`) */
  what?: string
}

/** AWS calls: "full jitter" backoff from 500 ms, capped at 20 s, six tries (core/backoff.ts computes it). */
export async function withRetry<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = opts.attempts ?? 6
  return retryLoop(() => fn(), {
    attempts,
    backoff: { baseMs: opts.baseMs ?? 500, maxMs: opts.capMs ?? 20_000, jitter: 'full' },
    retryable: opts.retryable ?? isRetryable,
    sleep: opts.sleep,
    random: opts.random,
    signal: opts.signal,
    onRetry: opts.onRetry,
    gaveUp: opts.what ? err => explainGaveUp(err, opts.what as string, undefined, attempts) : undefined
  })
}

