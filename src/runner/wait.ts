// The one retry loop and the one poll loop, sleeping between tries with the delays of src/core/backoff.ts. The
// sleep, the clock and the random source are parameters; the default sleep is a timer that ends early when the
// job is cancelled.
import { backoffDelay, type Backoff } from '../core/backoff.js'

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
