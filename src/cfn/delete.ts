// delete for one stack: termination protection off, the stack's roles freed of the managed policies this
// tool attaches, DeleteStack, and a wait with backoff until it is gone. An absent stack is fine (delete twice).
//
// Why the policies are detached first: IAM refuses DeleteRole with DeleteConflict ("must detach all
// policies first") while a managed policy is attached, and a CloudFormation endpoint that does not detach
// them itself fails DeleteStack that way, possibly forgetting the stack while the role stays, so a retry
// cannot help. Detaching exactly what CloudFormation would detach one step earlier costs nothing (the role is
// about to go) and makes the delete independent of which detaches first. Policies attached by someone else
// are left alone: the delete stops before DeleteStack and names them (they would leave the stack
// DELETE_FAILED anyway).
// A stack that ends DELETE_FAILED (or already is) is retried once after the same detach step.
import type { CloudFormationClient, Stack } from '@aws-sdk/client-cloudformation'
import type { IAMClient } from '@aws-sdk/client-iam'
import type { StackOutcome } from '../report/types.js'
import { info, warning } from '../runner/log.js'
import { describeStack } from './describe.js'
import { isInProgress, waitForStackSettled, StackTimeoutError, type PollOptions } from './deploy-wait.js'
import { StackEventLog } from './events.js'
import { isNotImplemented } from './drift.js'
import { ProvisionError, isAwsError } from '../core/errors.js'

export interface DeleteStackOptions {
  poll: PollOptions
  /** true for a managed policy ARN this tool attaches to the stack's roles (detached before DeleteStack) */
  isOwnPolicy: (arn: string) => boolean
  print?: (line: string) => void
}

export class StackDeleteError extends ProvisionError {
  override readonly name: string = 'StackDeleteError'
  constructor(message: string, readonly outcome: StackOutcome) {
    super(message)
  }
}

export async function deleteStackFully(cfn: CloudFormationClient, iam: IAMClient, name: string, opts: DeleteStackOptions): Promise<StackOutcome> {
  const outcome = (action: StackOutcome['action'], status: string): StackOutcome => ({ stack: name, action, status, changes: [], failures: [] })
  let stack = await describeStack(cfn, name)
  if (!stack || stack.StackStatus === 'DELETE_COMPLETE') {
    info(`Stack ${name} does not exist; nothing to delete.`)
    return outcome('absent', 'ABSENT')
  }
  if (isInProgress(stack.StackStatus) && stack.StackStatus !== 'REVIEW_IN_PROGRESS' && stack.StackStatus !== 'DELETE_IN_PROGRESS') {
    info(`Stack ${name} is ${stack.StackStatus}; waiting for it to settle before deleting it.`)
    stack = (await waitForStackSettled(cfn, name, opts.poll)).stack
    if (!stack) return outcome('deleted', 'DELETE_COMPLETE')
  }

  await turnOffTerminationProtection(cfn, stack)
  const events = new StackEventLog(cfn, name, opts.print)
  // best effort: without a baseline older events are printed too; the delete does not depend on them
  await events.baseline().catch(() => undefined)

  for (let attempt = 1; ; attempt++) {
    if (stack.StackStatus !== 'DELETE_IN_PROGRESS') {
      await detachOwnPolicies(cfn, iam, name, opts.isOwnPolicy)
      const { DeleteStackCommand } = await import('@aws-sdk/client-cloudformation')
      info(`Stack ${name}: deleting${attempt > 1 ? ' (again, after DELETE_FAILED)' : ''}.`)
      await cfn.send(new DeleteStackCommand({ StackName: stack.StackId ?? name }))
    }
    let left: Stack | undefined
    try {
      left = (await waitForStackSettled(cfn, stack.StackId ?? name, opts.poll, events)).stack
    } catch (err) {
      if (err instanceof StackTimeoutError) {
        throw new StackDeleteError(`${err.message} (the timeout input); CloudFormation goes on deleting it by itself.`, outcome('failed', 'DELETE_IN_PROGRESS'))
      }
      throw err
    }
    if (!left || left.StackStatus === 'DELETE_COMPLETE') return outcome('deleted', 'DELETE_COMPLETE')
    if (left.StackStatus === 'DELETE_FAILED' && attempt < 2) {
      warning(`Stack ${name} is DELETE_FAILED (${left.StackStatusReason ?? 'no reason given'}); retrying once.`)
      stack = left
      continue
    }
    const failures = events.failures(left.StackStatusReason)
    throw new StackDeleteError(
      `Stack ${name} could not be deleted: it is ${left.StackStatus}` +
        (failures.length ? ` — ${failures.map(f => `${f.logicalId}: ${f.reason}`).join('; ')}` : left.StackStatusReason ? ` — ${left.StackStatusReason}` : '') +
        `. Fix what blocks it and run delete again (aws cloudformation describe-stack-events --stack-name ${name}).`,
      { ...outcome('failed', left.StackStatus ?? 'UNKNOWN'), failures }
    )
  }
}

/**
 * Termination protection must be off before DeleteStack. An endpoint that does not implement
 * UpdateTerminationProtection cannot have turned it on either: that is logged, and the delete goes on.
 */
async function turnOffTerminationProtection(cfn: CloudFormationClient, stack: Stack): Promise<void> {
  if (!stack.EnableTerminationProtection) return
  const { UpdateTerminationProtectionCommand } = await import('@aws-sdk/client-cloudformation')
  try {
    await cfn.send(new UpdateTerminationProtectionCommand({ StackName: stack.StackName, EnableTerminationProtection: false }))
    info(`Stack ${stack.StackName}: termination protection turned off.`)
  } catch (err) {
    if (!isNotImplemented(err)) throw err
    warning(`UpdateTerminationProtection is not implemented by this CloudFormation endpoint; deleting stack ${stack.StackName} anyway.`)
  }
}

/** The physical names of the stack's AWS::IAM::Role resources. */
async function stackRoles(cfn: CloudFormationClient, name: string): Promise<string[]> {
  const { ListStackResourcesCommand } = await import('@aws-sdk/client-cloudformation')
  const roles: string[] = []
  let token: string | undefined
  do {
    const page = await cfn.send(new ListStackResourcesCommand({ StackName: name, NextToken: token }))
    for (const r of page.StackResourceSummaries ?? []) {
      if (r.ResourceType === 'AWS::IAM::Role' && r.PhysicalResourceId && r.ResourceStatus !== 'DELETE_COMPLETE') roles.push(r.PhysicalResourceId)
    }
    token = page.NextToken
  } while (token)
  return roles
}

export async function detachOwnPolicies(cfn: CloudFormationClient, iam: IAMClient, stackName: string, isOwnPolicy: (arn: string) => boolean): Promise<string[]> {
  const { ListAttachedRolePoliciesCommand, DetachRolePolicyCommand } = await import('@aws-sdk/client-iam')
  const detached: string[] = []
  const foreign: string[] = []
  for (const role of await stackRoles(cfn, stackName)) {
    let marker: string | undefined
    const attached: string[] = []
    try {
      do {
        const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role, Marker: marker }))
        attached.push(...(page.AttachedPolicies ?? []).map(p => p.PolicyArn ?? '').filter(Boolean))
        marker = page.IsTruncated ? page.Marker : undefined
      } while (marker)
    } catch (err) {
      if (isAwsError(err, 'NoSuchEntityException', 'NoSuchEntity')) continue
      throw err
    }
    for (const arn of attached) {
      if (!isOwnPolicy(arn)) {
        foreign.push(`${arn} on role ${role}`)
        continue
      }
      await iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: arn }))
      detached.push(`${arn} from ${role}`)
    }
  }
  if (detached.length) info(`Stack ${stackName}: detached ${detached.join(', ')} before deleting the stack.`)
  if (foreign.length) {
    throw new Error(
      `Stack ${stackName} cannot be deleted cleanly: its role(s) have managed policies this tool did not attach: ${foreign.join(', ')}. ` +
        'Detach them (aws iam detach-role-policy --role-name <role> --policy-arn <arn>) and run delete again; nothing of this stack was deleted.'
    )
  }
  return detached
}
