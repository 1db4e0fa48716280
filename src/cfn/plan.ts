// plan for one stack: what deploying the StackSpec would change, learnt from a change set that is created,
// described and always deleted — never executed.
//
//   template, parameters, tags equal to the deployed ones → no change set, 'unchanged'
//   absent stack                                          → CREATE change set (every resource an Add)
//   ROLLBACK_COMPLETE (apply would delete and recreate)   → every resource of the template as an Add
//   otherwise                                             → UPDATE change set
// A CREATE change set leaves an empty REVIEW_IN_PROGRESS stack behind once it is deleted; plan removes that
// stack too (it holds no resources), so a plan of a new cluster leaves nothing in the account.
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { StackSpec } from '../core/types.js'
import type { ResourceChange, StackOutcome } from '../report/types.js'
import { info, warning } from '../runner/log.js'
import { describeStack, deployedTemplate, describeChanges } from './describe.js'
import { stackDifferences } from './deploy-compare.js'
import type { DeployOptions } from './deploy.js'
import { changeSetName, createChangeSet, deleteChangeSet, waitForChangeSet, type ChangeSetType } from './changeset.js'
import { isInProgress, waitForStackSettled, StackTimeoutError, type PollOptions } from './deploy-wait.js'
import { ProvisionError, errorMessage } from '../core/errors.js'

export type PlanOptions = Omit<DeployOptions, 'region' | 'print'>

export interface StackPlan {
  outcome: StackOutcome
  /** what differs before any change set (template / parameters / tags), for the log */
  differences: string[]
  /** true when deploying would change the stack */
  hasChanges: boolean
}

/** A plan of one stack that could not finish: the stack as far as it was seen, and the reason. */
export class StackPlanError extends ProvisionError {
  override readonly name: string = 'StackPlanError'
  constructor(message: string, readonly outcome: StackOutcome) {
    super(message)
  }
}

export async function planStack(cfn: CloudFormationClient, spec: StackSpec, opts: PlanOptions): Promise<StackPlan> {
  const seen = { status: 'UNKNOWN' }
  try {
    return await planOne(cfn, spec, opts, seen)
  } catch (err) {
    const reason = err instanceof StackTimeoutError ? `${errorMessage(err)} (the timeout input)` : errorMessage(err)
    throw new StackPlanError(reason.includes(spec.name) ? reason : `Stack ${spec.name}: ${reason}`, {
      stack: spec.name,
      action: 'failed',
      status: seen.status,
      changes: [],
      failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: err instanceof StackTimeoutError ? 'TIMED_OUT' : 'PLAN_FAILED', reason }]
    })
  }
}

async function planOne(cfn: CloudFormationClient, spec: StackSpec, opts: PlanOptions, seen: { status: string }): Promise<StackPlan> {
  const now = opts.now ?? Date.now
  const poll: PollOptions = { deadline: now() + opts.timeoutMs, signal: opts.signal, sleep: opts.sleep, now, pollStartMs: opts.pollStartMs, pollCapMs: opts.pollCapMs }
  const outcome = (status: string, changes: ResourceChange[], action: StackOutcome['action'] = 'planned'): StackOutcome => ({ stack: spec.name, action, status, changes, failures: [] })

  let stack = await describeStack(cfn, spec.name)
  seen.status = stack?.StackStatus ?? 'ABSENT'
  if (stack && isInProgress(stack.StackStatus) && stack.StackStatus !== 'REVIEW_IN_PROGRESS') {
    info(`Stack ${spec.name} is ${stack.StackStatus}; waiting for it to settle before planning.`)
    stack = (await waitForStackSettled(cfn, spec.name, poll)).stack
    seen.status = stack?.StackStatus ?? 'ABSENT'
  }
  if (stack?.StackStatus === 'ROLLBACK_COMPLETE') {
    // A change set cannot be made on it; apply deletes and recreates it, so every resource is an Add.
    const changes = templateAdds(spec)
    info(`Stack ${spec.name} is ROLLBACK_COMPLETE: apply would delete and recreate it (${changes.length} resource(s)).`)
    return { outcome: outcome('ROLLBACK_COMPLETE', changes), differences: ['stack would be deleted and recreated'], hasChanges: true }
  }

  const exists = !!stack && stack.StackStatus !== 'REVIEW_IN_PROGRESS'
  let differences: string[] = []
  if (stack && exists) {
    differences = stackDifferences(stack, await deployedTemplate(cfn, spec.name), spec).map(d => d.detail)
    if (differences.length === 0) {
      info(`Stack ${spec.name}: no changes (template, parameters and tags match); no change set made.`)
      return { outcome: outcome(stack.StackStatus ?? 'UNKNOWN', [], 'unchanged'), differences, hasChanges: false }
    }
    info(`Stack ${spec.name}: ${differences.join('; ')}.`)
  }

  const type: ChangeSetType = exists ? 'UPDATE' : 'CREATE'
  const name = opts.changeSetName ?? changeSetName()
  const status = stack?.StackStatus && exists ? stack.StackStatus : 'ABSENT'
  await createChangeSet(cfn, spec, name, type)
  try {
    const ready = await waitForChangeSet(cfn, spec.name, name, poll)
    if (ready.state === 'empty') {
      info(`Stack ${spec.name}: CloudFormation found no resource changes.`)
      return { outcome: outcome(status, [], 'unchanged'), differences, hasChanges: false }
    }
    if (ready.state === 'failed') throw new Error(`Change set for stack ${spec.name} failed: ${ready.reason}`)
    const changes = await describeChanges(cfn, spec.name, name, ready.first)
    info(`Stack ${spec.name}: ${type} change set ${name} lists ${changes.length} resource change(s); it will be deleted, not executed.`)
    return { outcome: outcome(status, changes), differences, hasChanges: true }
  } finally {
    // Always, whatever happened above: a plan never leaves a change set (or the empty stack a CREATE one makes).
    const deleted = await deleteChangeSet(cfn, spec.name, name)
    if (!deleted) warning(`Could not delete change set ${name} of stack ${spec.name}; it is harmless, delete it with: aws cloudformation delete-change-set --stack-name ${spec.name} --change-set-name ${name}`)
    if (type === 'CREATE') await removeReviewStack(cfn, spec.name)
  }
}

/** Every resource of the template as an Add (a stack that would be made from scratch). */
export function templateAdds(spec: StackSpec): ResourceChange[] {
  return Object.entries(spec.template.Resources).map(([logicalId, r]) => ({ action: 'Add', logicalId, resourceType: r.Type }))
}

/** After a CREATE change set is deleted the stack remains, empty, in REVIEW_IN_PROGRESS: remove it. */
async function removeReviewStack(cfn: CloudFormationClient, name: string): Promise<void> {
  const { DeleteStackCommand } = await import('@aws-sdk/client-cloudformation')
  try {
    const left = await describeStack(cfn, name)
    if (left?.StackStatus !== 'REVIEW_IN_PROGRESS') return
    await cfn.send(new DeleteStackCommand({ StackName: name }))
  } catch (err) {
    warning(`Could not remove the empty REVIEW_IN_PROGRESS stack ${name} that the plan's change set left: ${errorMessage(err)}`)
  }
}
