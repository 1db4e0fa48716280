// The one backoff of this tool: the delay before the next try or look. Each caller keeps its own numbers
// (docs/design.md, "Retries"): AWS calls full jitter from 500 ms (the SDK's style), Kubernetes requests and waits
// half jitter (never zero, parallel runs spread out), CloudFormation waits no jitter growing by 1.6 from 1 s (the
// stack-event watch looks exactly once a second). Pure: the random source is a parameter; src/runner/wait.ts
// holds the one retry loop and the one poll loop that sleep between tries.

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
