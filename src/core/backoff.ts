// The one backoff of this tool: the delay before the next try or look, one retry loop and one poll loop. Each
// caller keeps its own numbers (docs/design.md, "Retries"): AWS calls full jitter from 500 ms (the SDK's
// style), Kubernetes requests and waits half jitter (never zero, parallel runs spread out), CloudFormation
// waits no jitter growing by 1.6 from 1 s (the stack-event watch looks exactly once a second). Pure: the
// sleep, the clock and the random source are parameters; the default sleep is a timer that ends early when
// the job is cancelled.

/** Sleeps `ms`, or rejects as soon as `signal` fires. Injectable so tests never wait real seconds. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal))
    const onAbort = (): void => {
      clearTimeout(timer)
      reject(abortError(signal))
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })

/** The signal's reason as an Error (what a cancelled wait or request rejects with). */
export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason
  return reason instanceof Error ? reason : new Error('cancelled')
}

export interface Backoff {
  /** first delay (ceiling) in ms */
  baseMs: number
  /** largest single delay in ms */
  maxMs: number
  /** growth per attempt (default 2); each step rounds up to a whole millisecond */
  factor?: number
  /**
   * 'full': uniform in [1, ceiling); 'half': ceiling/2 fixed plus up to ceiling/2 random (never near zero);
   * 'none': the ceiling itself (default 'half')
   */
  jitter?: 'full' | 'half' | 'none'
}

/** The ceiling before try `attempt` (0-based): base·factor^attempt, rounded up at each step, capped at maxMs. */
export function backoffCeiling(attempt: number, b: Backoff): number {
  const factor = b.factor ?? 2
  let d = b.baseMs
  for (let i = 0; i < attempt && d < b.maxMs; i++) d = Math.ceil(d * factor)
  return Math.min(d, b.maxMs)
}

/** Delay before try `attempt` (0-based). `random` returns 0 ≤ r < 1. */
export function backoffDelay(attempt: number, b: Backoff, random: () => number = Math.random): number {
  const ceiling = backoffCeiling(attempt, b)
  switch (b.jitter ?? 'half') {
    case 'full':
      return Math.max(1, Math.floor(random() * ceiling))
    case 'none':
      return ceiling
    case 'half':
      return Math.round(ceiling / 2 + random() * (ceiling / 2))
  }
}

export interface RetryLoopOptions {
  /** tries in total, including the first */
  attempts: number
  backoff: Backoff
  /** whether another try can fix this failure */
  retryable: (err: unknown) => boolean
  sleep?: Sleep
  random?: () => number
  signal?: AbortSignal
  /** called before each wait, e.g. to log "retrying in 2 s" */
  onRetry?: (err: unknown, attempt: number, delayMs: number) => void
  /** the failure that ends the tries, as thrown (default: unchanged) */
  gaveUp?: (err: unknown) => unknown
}

/** Runs `fn` until it succeeds, fails with what `retryable` refuses, the tries run out or `signal` fires. */
export async function retryLoop<T>(fn: (attempt: number) => Promise<T>, opts: RetryLoopOptions): Promise<T> {
  const sleep = opts.sleep ?? realSleep
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt)
    } catch (err) {
      const retryable = opts.retryable(err)
      if (attempt + 1 >= opts.attempts && retryable && opts.gaveUp) throw opts.gaveUp(err)
      if (attempt + 1 >= opts.attempts || !retryable || opts.signal?.aborted) throw err
      const delay = backoffDelay(attempt, opts.backoff, opts.random)
      opts.onRetry?.(err, attempt + 1, delay)
      await sleep(delay, opts.signal)
    }
  }
}

export interface PollLoopOptions {
  /** absolute deadline, in now() milliseconds */
  deadline: number
  backoff: Backoff
  signal?: AbortSignal
  sleep?: Sleep
  now?: () => number
  random?: () => number
}

/**
 * Calls `check` until it returns a value, sleeping with backoff in between (never past the deadline). When the
 * deadline has passed after a look that found nothing, throws what `timedOut` returns.
 */
export async function pollLoop<T>(check: (look: number) => Promise<T | undefined>, opts: PollLoopOptions, timedOut: () => Error): Promise<T> {
  const sleep = opts.sleep ?? realSleep
  const now = opts.now ?? Date.now
  for (let look = 0; ; look++) {
    const done = await check(look)
    if (done !== undefined) return done
    const left = opts.deadline - now()
    if (left <= 0) throw timedOut()
    await sleep(Math.min(backoffDelay(look, opts.backoff, opts.random), left), opts.signal)
  }
}
