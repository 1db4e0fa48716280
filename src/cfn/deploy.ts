// Deploys one StackSpec through a change set — or not at all when the deployed stack already matches. The chain up
// to the change set is prepare.ts's, shared with plan:
//
//   absent / REVIEW_IN_PROGRESS → CREATE change set          → created
//   ROLLBACK_COMPLETE (a failed first create) → delete, CREATE → recreated
//   *_IN_PROGRESS (another run)  → wait for it, then as below
//   template, parameters, tags equal → no change set           → unchanged
//   otherwise UPDATE change set; empty ("didn't contain changes") → deleted, unchanged
// Stacks of the same names made by eksctl are just stacks: they are updated like ours.
import type { CloudFormationClient, Stack } from '@aws-sdk/client-cloudformation'
import type { StackSpec } from '../core/types.js'
import type { ResourceChange, StackOutcome } from '../report/types.js'
import { info, warning, startGroup, endGroup } from '../runner/log.js'
import { describeStack, describeChanges } from './describe.js'
import { deleteChangeSet, executeChangeSet, waitForChangeSet } from './changeset.js'
import { prepareChangeSet, pollFrom, type ChainTiming } from './prepare.js'
import { StackEventLog } from './events.js'
import { waitForStackSettled, StackTimeoutError, type PollOptions } from './deploy-wait.js'
import { ProvisionError, awsErrorName, errorMessage } from '../core/errors.js'

/** What deploying and planning have in common (plan.ts's PlanOptions are these). */
export interface DeployOptions extends ChainTiming {
  region: string
  /** change-set name; unique per call by default */
  changeSetName?: string
  print?: (line: string) => void
}

export class StackDeployError extends ProvisionError {
  override readonly name: string = 'StackDeployError'
  constructor(message: string, readonly outcome: StackOutcome, options?: { cause?: unknown }) {
    super(message, options)
  }
}

export class DeployCancelledError extends ProvisionError {
  override readonly name: string = 'DeployCancelledError'
  constructor(message: string, readonly outcome: StackOutcome) {
    super(message)
  }
}

const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE'])
const STUCK: Record<string, string> = {
  UPDATE_ROLLBACK_FAILED: 'continue the rollback (`aws cloudformation continue-update-rollback`) and re-run',
  ROLLBACK_FAILED: 'delete the stack (resources it could not roll back may need deleting by hand) and re-run',
  DELETE_FAILED: 'finish deleting the stack (`aws cloudformation delete-stack`, retaining what blocks it) and re-run',
  IMPORT_ROLLBACK_FAILED: 'fix the import rollback in the console and re-run'
}

function checkCommand(stack: string, region: string): string {
  return `aws cloudformation describe-stacks --stack-name ${stack} --region ${region}`
}

export async function deployStack(cfn: CloudFormationClient, spec: StackSpec, opts: DeployOptions): Promise<StackOutcome> {
  const seen = { status: 'UNKNOWN' }
  try {
    return await deployOne(cfn, spec, opts, seen)
  } catch (err) {
    // Whatever stopped it (an API refusal, a timeout), the stack is reported with its status and the reason.
    if (err instanceof StackDeployError || err instanceof DeployCancelledError || opts.signal?.aborted) throw err
    const reason = errorMessage(err)
    throw new StackDeployError(reason, {
      stack: spec.name,
      action: 'failed',
      status: seen.status,
      changes: [],
      failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: 'FAILED', reason }]
    }, { cause: err })
  }
}

async function deployOne(cfn: CloudFormationClient, spec: StackSpec, opts: DeployOptions, seen: { status: string }): Promise<StackOutcome> {
  const poll = pollFrom(opts)
  const outcome = (action: StackOutcome['action'], status: string, changes: ResourceChange[] = []): StackOutcome => ({
    stack: spec.name,
    action,
    status,
    changes,
    failures: []
  })
  throwIfCancelled(opts.signal, spec.name, 'before any change', outcome('failed', 'UNCHANGED'))
  // A wait that runs out of time before a change set is executed fails with the stack's outcome (its status
  // and the reason), like every other failure, so that the summary lists it.
  const timedOut = (err: unknown, status: string, what = ''): never => {
    if (!(err instanceof StackTimeoutError)) throw err
    const reason = `${err.message} (the timeout input)${what}`
    throw new StackDeployError(`Stack ${spec.name}: ${reason}. Check it with: ${checkCommand(spec.name, opts.region)}`, {
      ...outcome('failed', status),
      failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: 'TIMED_OUT', reason }]
    })
  }

  const prepared = await prepareChangeSet(cfn, spec, {
    poll,
    described: opts.described,
    changeSetName: opts.changeSetName,
    busyNote: status => `Stack ${spec.name} is ${status} (another run or a person is changing it); waiting for it to settle.`,
    waitFailed: timedOut,
    recreate: true,
    refuse: stack => {
      const stuck = stack.StackStatus ? STUCK[stack.StackStatus] : undefined
      if (!stuck) return undefined
      const o = { ...outcome('failed', stack.StackStatus ?? 'UNKNOWN'), failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: stack.StackStatus ?? '', reason: stack.StackStatusReason ?? '' }] }
      return new StackDeployError(`Stack ${spec.name} is ${stack.StackStatus}: ${stuck}.`, o)
    },
    seen
  })
  if (prepared.kind === 'unchanged') return outcome('unchanged', prepared.stack.StackStatus ?? 'UNKNOWN')
  // recreate is on: a ROLLBACK_COMPLETE stack has been deleted and is made anew, so this cannot come back
  if (prepared.kind === 'rollback-complete') throw new Error(`Stack ${spec.name} is ROLLBACK_COMPLETE and was not recreated`)
  const { stack, type, name: csName, recreated } = prepared
  let executing = false
  try {
    const ready = await waitForChangeSet(cfn, spec.name, csName, poll)
    if (ready.state === 'empty') {
      await deleteChangeSet(cfn, spec.name, csName)
      info(`Stack ${spec.name}: CloudFormation found no changes; change set deleted.`)
      return outcome('unchanged', stack?.StackStatus ?? 'UNKNOWN')
    }
    if (ready.state === 'failed') {
      await deleteChangeSet(cfn, spec.name, csName)
      const o = { ...outcome('failed', stack?.StackStatus ?? 'ABSENT'), failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: 'CHANGE_SET_FAILED', reason: ready.reason }] }
      throw new StackDeployError(`Change set for stack ${spec.name} failed: ${ready.reason}`, o)
    }
    const changes = await describeChanges(cfn, spec.name, csName, ready.first)
    throwIfCancelled(opts.signal, spec.name, 'before its change set was executed', outcome('failed', stack?.StackStatus ?? 'ABSENT', changes))

    const events = new StackEventLog(cfn, spec.name, opts.print)
    await events.baseline()
    info(`Stack ${spec.name}: executing ${type} change set ${csName} (${changes.length} resource change(s)).`)
    executing = true
    const final = await runChangeSet(cfn, spec, csName, events, poll, opts, changes)
    const action = recreated ? 'recreated' : type === 'CREATE' ? 'created' : 'updated'
    if (type === 'CREATE') await ensureTerminationProtection(cfn, spec, final)
    return outcome(action, final.StackStatus ?? 'UNKNOWN', changes)
  } catch (err) {
    if (!executing && (isCancellation(err, opts.signal) || err instanceof StackTimeoutError)) {
      const deleted = await deleteChangeSet(cfn, spec.name, csName)
      if (err instanceof DeployCancelledError || isCancellation(err, opts.signal)) {
        throw new DeployCancelledError(
          `Cancelled while preparing stack ${spec.name}: change set ${csName} was not executed` + (deleted ? ' and has been deleted.' : ' (deleting it failed; it is harmless).'),
          outcome('failed', stack?.StackStatus ?? 'ABSENT')
        )
      }
      timedOut(err, stack?.StackStatus ?? 'ABSENT', `; change set ${csName} was not executed` + (deleted ? ' and has been deleted' : ' (deleting it failed; it is harmless)'))
    }
    throw err
  }
}

async function runChangeSet(
  cfn: CloudFormationClient,
  spec: StackSpec,
  csName: string,
  events: StackEventLog,
  poll: PollOptions,
  opts: DeployOptions,
  changes: ResourceChange[]
): Promise<Stack> {
  startGroup(`CloudFormation events: ${spec.name}`)
  let settled: Stack | undefined
  try {
    try {
      await executeChangeSet(cfn, spec.name, csName)
    } catch (err) {
      // An endpoint may fail ExecuteChangeSet itself when a resource fails (leaving the stack *_IN_PROGRESS):
      // the failure is explained from the events and the stack's status, as for a failed operation. Both reads are
      // best effort: when they fail too, the change set's own error is what is reported.
      const current = await describeStack(cfn, spec.name).catch(() => undefined)
      await events.poll().catch(() => [])
      const failures = events.failures(errorMessage(err))
      const reasons = failures.length ? failures : [{ logicalId: spec.name, status: 'EXECUTE_FAILED', reason: errorMessage(err) }]
      throw new StackDeployError(
        `Executing the change set of stack ${spec.name} failed: ${describeFailures(reasons)}`,
        { stack: spec.name, action: 'failed', status: current?.StackStatus ?? 'UNKNOWN', changes, failures: reasons }
      )
    }
    try {
      settled = (await waitForStackSettled(cfn, spec.name, poll, events)).stack
    } catch (err) {
      if (isCancellation(err, opts.signal)) {
        const msg =
          `Cancelled while stack ${spec.name} is mid-update. CloudFormation finishes or rolls back the update by itself; ` +
          `nothing is left half-done by stopping here. Check it with: ${checkCommand(spec.name, opts.region)}`
        warning(msg)
        throw new DeployCancelledError(msg, { stack: spec.name, action: 'failed', status: 'IN_PROGRESS', changes, failures: [] })
      }
      if (err instanceof StackTimeoutError) {
        throw new StackDeployError(
          `${err.message} (the timeout input). CloudFormation goes on by itself; check it with: ${checkCommand(spec.name, opts.region)}`,
          { stack: spec.name, action: 'failed', status: 'IN_PROGRESS', changes, failures: [] }
        )
      }
      throw err
    }
  } finally {
    endGroup()
  }
  const status = settled?.StackStatus ?? 'ABSENT'
  if (!settled || !SUCCESS.has(status)) {
    const failures = events.failures(settled?.StackStatusReason)
    throw new StackDeployError(`Stack ${spec.name} ended ${status}: ${describeFailures(failures)}`, {
      stack: spec.name,
      action: 'failed',
      status,
      changes,
      failures
    })
  }
  return settled
}

export function describeFailures(failures: { logicalId: string; resourceType?: string; reason: string }[]): string {
  if (!failures.length) return 'CloudFormation gave no reason'
  return failures.map(f => `${f.logicalId}${f.resourceType ? ` (${f.resourceType})` : ''}: ${f.reason}`).join('; ')
}

/**
 * Termination protection is set outside change sets, once, right after a create (docs/design.md, "What it creates");
 * an existing stack keeps whatever its owner chose. A failure is a warning: the stack itself is fine
 * (an endpoint that does not implement UpdateTerminationProtection answers with an error).
 */
async function ensureTerminationProtection(cfn: CloudFormationClient, spec: StackSpec, stack: Stack): Promise<void> {
  if (!spec.terminationProtection || stack.EnableTerminationProtection) return
  const { UpdateTerminationProtectionCommand } = await import('@aws-sdk/client-cloudformation')
  try {
    await cfn.send(new UpdateTerminationProtectionCommand({ StackName: spec.name, EnableTerminationProtection: true }))
    info(`Stack ${spec.name}: termination protection enabled.`)
  } catch (err) {
    warning(`Could not enable termination protection on stack ${spec.name}: ${awsErrorName(err)}: ${errorMessage(err)}`)
  }
}

function isCancellation(err: unknown, signal: AbortSignal | undefined): boolean {
  // once the signal has fired, whatever interrupted the wait is the cancellation
  return err instanceof DeployCancelledError || !!signal?.aborted
}

function throwIfCancelled(signal: AbortSignal | undefined, stack: string, when: string, o: StackOutcome): void {
  if (signal?.aborted) throw new DeployCancelledError(`Cancelled ${when} of stack ${stack}.`, o)
}
