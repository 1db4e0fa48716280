// What deploying (deploy.ts) and planning (plan.ts) a stack have in common, up to the change set:
//   describe → *_IN_PROGRESS (another run): wait for it → ROLLBACK_COMPLETE (a failed first create): deploy deletes it
//   to make it anew, plan stops there → template, parameters, tags equal: no change set → CREATE change set for a
//   stack that does not exist (or is only REVIEW_IN_PROGRESS), UPDATE otherwise.
// Each caller waits for the change set itself: deploy executes it, plan describes it and deletes it.
import type { CloudFormationClient, Stack } from '@aws-sdk/client-cloudformation'
import type { StackSpec } from '../core/types.js'
import { info } from '../runner/log.js'
import { describeStack, deployedTemplate } from './describe.js'
import { stackDifferences } from '../core/cfn/deploy-compare.js'
import { changeSetName, createChangeSet, type ChangeSetType } from './changeset.js'
import { isInProgress, waitForStackSettled, type PollOptions } from './deploy-wait.js'
import type { Sleep } from '../aws/retry.js'

/** The timing both take from their options. */
export interface ChainTiming {
  /**
   * The stack as the mode's read phase described it (null: it did not exist): used instead of describing it
   * again. Any wait for another operation on it still describes it as it goes.
   */
  described?: Stack | null
  timeoutMs: number
  signal?: AbortSignal
  sleep?: Sleep
  now?: () => number
  pollStartMs?: number
  pollCapMs?: number
}

export function pollFrom(opts: ChainTiming): PollOptions {
  const now = opts.now ?? Date.now
  return { deadline: now() + opts.timeoutMs, signal: opts.signal, sleep: opts.sleep, now, pollStartMs: opts.pollStartMs, pollCapMs: opts.pollCapMs }
}

export interface PrepareOptions {
  poll: PollOptions
  /** ChainTiming.described */
  described?: Stack | null
  /** change-set name; unique per call by default */
  changeSetName?: string
  /** the line logged before waiting for another operation on the stack to end */
  busyNote: (status: string) => string
  /**
   * A wait that failed (a timeout): what it becomes. `status` is the stack's as last seen, `what` says what it
   * means for the stack. Plan lets the error through as it is; deploy turns it into its error with the outcome.
   */
  waitFailed: (err: unknown, status: string, what: string) => never
  /** ROLLBACK_COMPLETE: delete the stack and make it anew (deploy), or stop there (plan) */
  recreate: boolean
  /** the error for a stack that cannot be changed as it is (deploy refuses stacks stuck in a failed state) */
  refuse?: (stack: Stack) => Error | undefined
  /** the status last seen, kept up to date for the error of a chain that stops */
  seen: { status: string }
}

export type Prepared =
  /** the stack is ROLLBACK_COMPLETE and `recreate` is off */
  | { kind: 'rollback-complete'; stack: Stack }
  /** template, parameters and tags equal the deployed ones: no change set made */
  | { kind: 'unchanged'; stack: Stack }
  /** a change set was created (not yet ready) */
  | {
      kind: 'change-set'
      type: ChangeSetType
      name: string
      /** the stack as found (undefined: none, or deleted for recreation) */
      stack?: Stack
      /** false for a stack to be created (none, or only REVIEW_IN_PROGRESS) */
      exists: boolean
      /** the stack was ROLLBACK_COMPLETE and has been deleted to be made anew */
      recreated: boolean
      /** what differs from the deployed stack (template / parameters / tags), for the log */
      differences: string[]
    }

export async function prepareChangeSet(cfn: CloudFormationClient, spec: StackSpec, o: PrepareOptions): Promise<Prepared> {
  let stack = o.described !== undefined ? (o.described ?? undefined) : await describeStack(cfn, spec.name)
  o.seen.status = stack?.StackStatus ?? 'ABSENT'
  if (stack && isInProgress(stack.StackStatus) && stack.StackStatus !== 'REVIEW_IN_PROGRESS') {
    const busy = stack.StackStatus ?? 'UNKNOWN'
    info(o.busyNote(busy))
    stack = (await waitForStackSettled(cfn, spec.name, o.poll).catch(err => o.waitFailed(err, busy, '; nothing was changed'))).stack
    o.seen.status = stack?.StackStatus ?? 'ABSENT'
  }

  let recreated = false
  if (stack?.StackStatus === 'ROLLBACK_COMPLETE') {
    if (!o.recreate) return { kind: 'rollback-complete', stack }
    info(`Stack ${spec.name} is ROLLBACK_COMPLETE (its first create failed: ${stack.StackStatusReason ?? 'no reason given'}); deleting and recreating it.`)
    await deleteFailedStack(cfn, stack, o.poll).catch(err => o.waitFailed(err, 'DELETE_IN_PROGRESS', '; deleting the failed stack goes on'))
    stack = undefined
    o.seen.status = 'ABSENT'
    recreated = true
  }
  const refusal = stack ? o.refuse?.(stack) : undefined
  if (refusal) throw refusal

  const exists = !!stack && stack.StackStatus !== 'REVIEW_IN_PROGRESS'
  let differences: string[] = []
  if (stack && exists) {
    differences = stackDifferences(stack, await deployedTemplate(cfn, spec.name), spec).map(d => d.detail)
    if (differences.length === 0) {
      info(`Stack ${spec.name}: no changes (template, parameters and tags match); no change set made.`)
      return { kind: 'unchanged', stack }
    }
    info(`Stack ${spec.name}: ${differences.join('; ')}.`)
  }

  const type: ChangeSetType = exists ? 'UPDATE' : 'CREATE'
  const name = o.changeSetName ?? changeSetName()
  await createChangeSet(cfn, spec, name, type)
  return { kind: 'change-set', type, name, stack, exists, recreated, differences }
}

async function deleteFailedStack(cfn: CloudFormationClient, stack: Stack, poll: PollOptions): Promise<void> {
  const { DeleteStackCommand, UpdateTerminationProtectionCommand } = await import('@aws-sdk/client-cloudformation')
  const name = stack.StackName ?? ''
  if (stack.EnableTerminationProtection) {
    await cfn.send(new UpdateTerminationProtectionCommand({ StackName: name, EnableTerminationProtection: false }))
  }
  await cfn.send(new DeleteStackCommand({ StackName: name }))
  const { stack: left } = await waitForStackSettled(cfn, name, poll)
  if (left) throw new Error(`Stack ${name} could not be deleted for recreation: it is ${left.StackStatus} (${left.StackStatusReason ?? 'no reason given'}).`)
}
