// Waiting on CloudFormation by polling with backoff (first look after ~1 s, then slower up to a cap),
// bounded by the run's timeout and cut short by cancellation. No fixed sleeps.
import type { CloudFormationClient, Stack } from '@aws-sdk/client-cloudformation'
import { realSleep, type Sleep } from '../aws/retry.js'
import { describeStack } from './describe.js'
import type { StackEventLog } from './events.js'

export interface PollOptions {
  /** absolute deadline, in now() milliseconds */
  deadline: number
  signal?: AbortSignal
  sleep?: Sleep
  now?: () => number
  pollStartMs?: number
  pollCapMs?: number
}

export class StackTimeoutError extends Error {}

export function isInProgress(status: string | undefined): boolean {
  return !!status && status.endsWith('_IN_PROGRESS')
}

/** Polls `check` until it returns a value, sleeping with backoff in between. */
export async function pollUntil<T>(check: () => Promise<T | undefined>, opts: PollOptions, what: () => string): Promise<T> {
  const sleep = opts.sleep ?? realSleep
  const now = opts.now ?? Date.now
  const cap = opts.pollCapMs ?? 10_000
  let delay = opts.pollStartMs ?? 1_000
  for (;;) {
    const done = await check()
    if (done !== undefined) return done
    const left = opts.deadline - now()
    if (left <= 0) throw new StackTimeoutError(`timed out waiting for ${what()}`)
    await sleep(Math.min(delay, left), opts.signal)
    delay = Math.min(cap, Math.ceil(delay * 1.6))
  }
}

/**
 * Waits until the stack is no longer *_IN_PROGRESS (REVIEW_IN_PROGRESS counts as settled: nothing is
 * running there). Prints new events as they come. Returns the settled stack, or undefined once deleted.
 */
export async function waitForStackSettled(
  cfn: CloudFormationClient,
  name: string,
  opts: PollOptions,
  events?: StackEventLog
): Promise<{ stack?: Stack }> {
  let last: Stack | undefined
  return pollUntil(
    async () => {
      await events?.poll()
      last = await describeStack(cfn, name)
      if (!last) return { stack: undefined }
      if (last.StackStatus === 'DELETE_COMPLETE') return { stack: undefined }
      if (!isInProgress(last.StackStatus) || last.StackStatus === 'REVIEW_IN_PROGRESS') {
        await events?.poll()
        return { stack: last }
      }
      return undefined
    },
    opts,
    () => `stack ${name} (still ${last?.StackStatus ?? 'unknown'})`
  )
}
