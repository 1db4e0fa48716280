// Waiting on CloudFormation by polling with backoff (first look after ~1 s, then slower up to a cap),
// bounded by the run's timeout and cut short by cancellation. No fixed sleeps.
// A stack this run is changing is watched through its events instead: one DescribeStackEvents a second, and a
// DescribeStacks only when the stack's own closing event shows up (or every 10 s as a backstop), so the end is
// noticed within about a second at about one call a second (README.md / docs/design.md, "Noticing a finished stack").
import type { CloudFormationClient, Stack, StackEvent } from '@aws-sdk/client-cloudformation'
import { pollLoop, type Sleep } from '../runner/wait.js'
import { describeStack } from './describe.js'
import type { StackEventLog } from './events.js'
import { ProvisionError } from '../core/errors.js'

export interface PollOptions {
  /** absolute deadline, in now() milliseconds */
  deadline: number
  signal?: AbortSignal
  sleep?: Sleep
  now?: () => number
  pollStartMs?: number
  pollCapMs?: number
}

export class StackTimeoutError extends ProvisionError {
  override readonly name: string = 'StackTimeoutError'
}

export function isInProgress(status: string | undefined): boolean {
  return !!status && status.endsWith('_IN_PROGRESS')
}

/** How often a stack this run changes is looked at (one DescribeStackEvents call each time). */
export const STACK_EVENTS_POLL_MS = 1_000
/** DescribeStacks at least this often while watching events, in case a closing event is missed. */
export const STACK_DESCRIBE_BACKSTOP_MS = 10_000

/**
 * The stack's own event for the end of its operation: `CREATE_COMPLETE`, `UPDATE_ROLLBACK_COMPLETE`, `*_FAILED`…
 * `stack` is its name or its id (the stack's own events carry the name as logical id, the id as physical id).
 */
export function isClosingEvent(e: StackEvent, stack: string): boolean {
  return e.ResourceType === 'AWS::CloudFormation::Stack' && (e.LogicalResourceId === stack || e.PhysicalResourceId === stack) && !isInProgress(e.ResourceStatus)
}

/**
 * Polls `check` until it returns a value, sleeping in between: no jitter, from 1 s growing by 1.6 up to 10 s
 * unless the caller sets the cadence (runner/wait.ts's one poll loop).
 */
export async function pollUntil<T>(check: () => Promise<T | undefined>, opts: PollOptions, what: () => string): Promise<T> {
  const backoff = { baseMs: opts.pollStartMs ?? 1_000, maxMs: opts.pollCapMs ?? 10_000, factor: 1.6, jitter: 'none' } as const
  return pollLoop(() => check(), { ...opts, backoff }, () => new StackTimeoutError(`timed out waiting for ${what()}`))
}

/**
 * Waits until the stack is no longer *_IN_PROGRESS (REVIEW_IN_PROGRESS counts as settled: nothing is
 * running there). Prints new events as they come. Returns the settled stack, or undefined once deleted.
 * With an event log, looks every second and asks DescribeStacks only on a closing event or after 10 s;
 * without one, DescribeStacks with backoff.
 */
export async function waitForStackSettled(
  cfn: CloudFormationClient,
  name: string,
  opts: PollOptions,
  events?: StackEventLog
): Promise<{ stack?: Stack }> {
  let last: Stack | undefined
  // Looks are counted rather than timed, so the backstop holds whatever the clock and sleep are.
  let looks = 0
  const cadence: PollOptions = events
    ? { ...opts, pollStartMs: opts.pollStartMs ?? STACK_EVENTS_POLL_MS, pollCapMs: opts.pollCapMs ?? STACK_EVENTS_POLL_MS }
    : opts
  return pollUntil(
    async () => {
      if (events) {
        const fresh = await events.poll()
        // DescribeStacks on the first look (an operation may have ended before its events could be read, or an
        // endpoint may keep no events), on the closing event, every 10th look as a backstop, and on the last
        // look before the timeout (so a timeout is never declared on an old status).
        const backstop = looks++ % Math.round(STACK_DESCRIBE_BACKSTOP_MS / STACK_EVENTS_POLL_MS) === 0
        const lastLook = opts.deadline - (opts.now ?? Date.now)() <= (cadence.pollCapMs ?? STACK_EVENTS_POLL_MS)
        if (!backstop && !lastLook && !fresh.some(e => isClosingEvent(e, name))) return undefined
      }
      last = await describeStack(cfn, name)
      if (!last) return { stack: undefined }
      if (last.StackStatus === 'DELETE_COMPLETE') return { stack: undefined }
      if (!isInProgress(last.StackStatus) || last.StackStatus === 'REVIEW_IN_PROGRESS') {
        await events?.poll()
        return { stack: last }
      }
      return undefined
    },
    cadence,
    () => `stack ${name} (still ${last?.StackStatus ?? 'unknown'})`
  )
}
