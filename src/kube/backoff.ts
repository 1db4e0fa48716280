// Jittered exponential backoff for the Kubernetes side: API retries and polls. Sleeps end early when the
// job is cancelled, so a cancelled run stops waiting at once.

export interface BackoffOptions {
  /** first delay in ms */
  baseMs: number
  /** largest single delay in ms */
  maxMs: number
}

/** Delay before retry `attempt` (0-based): full jitter over base·2^attempt, capped. */
export function backoffDelay(attempt: number, opts: BackoffOptions): number {
  const ceiling = Math.min(opts.maxMs, opts.baseMs * 2 ** attempt)
  // half fixed, half random: never zero (no hot loop), and parallel runs spread out
  return Math.round(ceiling / 2 + Math.random() * (ceiling / 2))
}

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(abortError(signal))
      return
    }
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
}

/** The signal's reason as an Error (what a cancelled wait or request rejects with). */
export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason
  return reason instanceof Error ? reason : new Error('cancelled')
}
