// plan for one stack: what deploying the StackSpec would change, learnt from a change set that is created,
// described and always deleted — never executed. The chain up to the change set is prepare.ts's, shared with deploy.
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
import { describeStack, describeChanges } from './describe.js'
import type { DeployOptions } from './deploy.js'
import { deleteChangeSet, waitForChangeSet } from './changeset.js'
import { StackTimeoutError } from './deploy-wait.js'
import { prepareChangeSet, pollFrom } from './prepare.js'
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
  const poll = pollFrom(opts)
  const outcome = (status: string, changes: ResourceChange[], action: StackOutcome['action'] = 'planned'): StackOutcome => ({ stack: spec.name, action, status, changes, failures: [] })

  const prepared = await prepareChangeSet(cfn, spec, {
    poll,
    described: opts.described,
    changeSetName: opts.changeSetName,
    busyNote: status => `Stack ${spec.name} is ${status}; waiting for it to settle before planning.`,
    // planStack turns a timeout into its StackPlanError
    waitFailed: err => {
      throw err
    },
    recreate: false,
    seen
  })
  if (prepared.kind === 'rollback-complete') {
    // A change set cannot be made on it; apply deletes and recreates it, so every resource is an Add.
    const changes = templateAdds(spec)
    info(`Stack ${spec.name} is ROLLBACK_COMPLETE: apply would delete and recreate it (${changes.length} resource(s)).`)
    return { outcome: outcome('ROLLBACK_COMPLETE', changes), differences: ['stack would be deleted and recreated'], hasChanges: true }
  }
  if (prepared.kind === 'unchanged') return { outcome: outcome(prepared.stack.StackStatus ?? 'UNKNOWN', [], 'unchanged'), differences: [], hasChanges: false }

  const { type, name, stack, exists, differences } = prepared
  const status = stack?.StackStatus && exists ? stack.StackStatus : 'ABSENT'
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
