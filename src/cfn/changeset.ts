// Change sets: named uniquely per run so concurrent runs never collide (the anchor action's #122),
// created, waited for, described, and deleted when they are not to be executed.
import type { CloudFormationClient, Capability } from '@aws-sdk/client-cloudformation'
import { randomBytes } from 'node:crypto'
import type { StackSpec } from '../core/types.js'
import { CHANGE_SET_PREFIX } from '../core/names.js'
import { pollUntil, type PollOptions } from './deploy-wait.js'
import { templateBody } from '../core/cfn/deploy-compare.js'
import { describeChangeSetPage, refusesPropertyValues, type ChangesPage } from './describe.js'

export type ChangeSetType = 'CREATE' | 'UPDATE'

/** [a-zA-Z][-a-zA-Z0-9]*, ≤ 128: run id and attempt when on Actions, a time and random suffix always. */
export function changeSetName(env: NodeJS.ProcessEnv = process.env, now = Date.now()): string {
  const run = env.GITHUB_RUN_ID ? `-r${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}` : ''
  return `${CHANGE_SET_PREFIX}${run}-${now.toString(36)}-${randomBytes(4).toString('hex')}`.replace(/[^-a-zA-Z0-9]/g, '')
}

export async function createChangeSet(cfn: CloudFormationClient, spec: StackSpec, name: string, type: ChangeSetType): Promise<void> {
  const { CreateChangeSetCommand } = await import('@aws-sdk/client-cloudformation')
  const capabilities = new Set([...spec.capabilities, 'CAPABILITY_NAMED_IAM'])
  await cfn.send(
    new CreateChangeSetCommand({
      StackName: spec.name,
      ChangeSetName: name,
      ChangeSetType: type,
      TemplateBody: templateBody(spec),
      Parameters: Object.entries(spec.parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
      Tags: Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value })),
      Capabilities: [...capabilities] as Capability[],
      Description: 'karpenter-provision'
    })
  )
}

/** `ready` carries the first page of changes, so describeChanges need not ask for it again. */
export type ChangeSetReady = { state: 'ready'; first: ChangesPage } | { state: 'empty'; reason: string } | { state: 'failed'; reason: string }

// CloudFormation's words for "nothing to change" (both have been seen over the years).
const NO_CHANGES = /didn't contain changes|No updates are to be performed|submitted information didn't contain changes/i

export function isNoChangeReason(reason: string | undefined): boolean {
  return NO_CHANGES.test(reason ?? '')
}

export async function waitForChangeSet(cfn: CloudFormationClient, stack: string, name: string, opts: PollOptions): Promise<ChangeSetReady> {
  let status = 'unknown'
  let withValues = true
  return pollUntil<ChangeSetReady>(
    async () => {
      // Asked the way describeChanges asks, so the last answer is also the first page of changes.
      const out = await describeChangeSetPage(cfn, stack, name, withValues).catch(err => {
        if (!withValues || !refusesPropertyValues(err)) throw err
        withValues = false
        return describeChangeSetPage(cfn, stack, name, false)
      })
      status = out.Status ?? 'unknown'
      if (out.Status === 'CREATE_COMPLETE') return { state: 'ready', first: { page: out, withValues } }
      if (out.Status === 'FAILED') {
        const reason = out.StatusReason ?? 'no reason given'
        return isNoChangeReason(reason) ? { state: 'empty', reason } : { state: 'failed', reason }
      }
      return undefined
    },
    opts,
    () => `change set ${name} of stack ${stack} (still ${status})`
  )
}

/** Best effort: a change set left behind is harmless, so a failure to delete it is not the run's failure. */
export async function deleteChangeSet(cfn: CloudFormationClient, stack: string, name: string): Promise<boolean> {
  const { DeleteChangeSetCommand } = await import('@aws-sdk/client-cloudformation')
  try {
    await cfn.send(new DeleteChangeSetCommand({ StackName: stack, ChangeSetName: name }))
    return true
  } catch {
    return false // harmless (see above); the caller says when a change set was left behind
  }
}

export async function executeChangeSet(cfn: CloudFormationClient, stack: string, name: string): Promise<void> {
  const { ExecuteChangeSetCommand } = await import('@aws-sdk/client-cloudformation')
  await cfn.send(new ExecuteChangeSetCommand({ StackName: stack, ChangeSetName: name }))
}
