// Steps that do not depend on each other, run at once but answered as if they had run one after the other.
// Pure: no I/O of its own.

/**
 * Waits for every promise, then returns their values in order — or throws the error of the first one, in
 * the order given, that failed. So a refusal reads the same as when the steps ran in sequence, and nothing is
 * still running behind the error.
 */
export async function together<T extends readonly unknown[]>(...steps: { [K in keyof T]: Promise<T[K]> }): Promise<T> {
  const settled = await Promise.allSettled(steps)
  for (const s of settled) if (s.status === 'rejected') throw s.reason
  return settled.map(s => (s as PromiseFulfilledResult<unknown>).value) as unknown as T
}

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown }

/** A promise that never rejects (so it can wait unobserved while other work goes on), with its outcome. */
export function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    value => ({ ok: true as const, value }),
    error => ({ ok: false as const, error })
  )
}
