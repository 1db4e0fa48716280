// Read-only CloudFormation look-ups shared by apply, plan and drift.
import type { CloudFormationClient, Stack, Change, DescribeChangeSetCommandOutput } from '@aws-sdk/client-cloudformation'
import type { ResourceChange } from '../report/types.js'
import { errorMessage, isAwsError } from '../core/errors.js'

/** The stack, or undefined when no stack of that name exists (deleted stacks are not returned by name). */
export async function describeStack(cfn: CloudFormationClient, name: string): Promise<Stack | undefined> {
  const { DescribeStacksCommand } = await import('@aws-sdk/client-cloudformation')
  try {
    const out = await cfn.send(new DescribeStacksCommand({ StackName: name }))
    return out.Stacks?.[0]
  } catch (err) {
    if (isMissingStack(err)) return undefined
    throw err
  }
}

export function isMissingStack(err: unknown): boolean {
  return isAwsError(err, 'ValidationError', 'ValidationException') && /does not exist/i.test(errorMessage(err))
}

/** The deployed template body (as CloudFormation stored it), or undefined for a stack without one. */
export async function deployedTemplate(cfn: CloudFormationClient, name: string): Promise<string | undefined> {
  const { GetTemplateCommand } = await import('@aws-sdk/client-cloudformation')
  const out = await cfn.send(new GetTemplateCommand({ StackName: name, TemplateStage: 'Original' }))
  return out.TemplateBody
}

export function toResourceChange(c: Change): ResourceChange | undefined {
  const rc = c.ResourceChange
  if (!rc) return undefined
  const details = (rc.Details ?? [])
    .map(d => [d.Target?.Attribute, d.Target?.Name].filter(Boolean).join('.'))
    .filter(s => s.length > 0)
  return {
    action: rc.Action ?? 'Unknown',
    logicalId: rc.LogicalResourceId ?? '',
    resourceType: rc.ResourceType ?? '',
    ...(rc.Replacement ? { replacement: rc.Replacement } : {}),
    ...(details.length ? { details: [...new Set(details)] } : {})
  }
}

/** One DescribeChangeSet answer and whether it was asked with IncludePropertyValues. */
export interface ChangesPage {
  page: DescribeChangeSetCommandOutput
  withValues: boolean
}

/** An endpoint that does not know `IncludePropertyValues` (2024) refuses the request as invalid. */
export function refusesPropertyValues(err: unknown): boolean {
  return isAwsError(err, 'ValidationError', 'ValidationException')
}

export async function describeChangeSetPage(
  cfn: CloudFormationClient,
  stackName: string,
  changeSetName: string,
  withValues: boolean,
  token?: string
): Promise<DescribeChangeSetCommandOutput> {
  const { DescribeChangeSetCommand } = await import('@aws-sdk/client-cloudformation')
  return cfn.send(new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName, NextToken: token, ...(withValues ? { IncludePropertyValues: true } : {}) }))
}

/**
 * Every resource change of a change set (all pages), with property values where the API gives them
 * (`IncludePropertyValues`, 2024); an endpoint that refuses the flag is asked again without it. `first`: the
 * page the wait for the change set already read (waitForChangeSet), not asked for again.
 */
export async function describeChanges(cfn: CloudFormationClient, stackName: string, changeSetName: string, first?: ChangesPage): Promise<ResourceChange[]> {
  if (first) return pages(cfn, stackName, changeSetName, first.withValues, first.page)
  try {
    return await pages(cfn, stackName, changeSetName, true)
  } catch (err) {
    if (!refusesPropertyValues(err)) throw err
    return pages(cfn, stackName, changeSetName, false)
  }
}

async function pages(cfn: CloudFormationClient, stackName: string, changeSetName: string, withValues: boolean, first?: DescribeChangeSetCommandOutput): Promise<ResourceChange[]> {
  const out: ResourceChange[] = []
  let page = first ?? (await describeChangeSetPage(cfn, stackName, changeSetName, withValues))
  for (;;) {
    for (const c of page.Changes ?? []) {
      const rc = withPropertyValues(c)
      if (rc) out.push(rc)
    }
    if (!page.NextToken) return out
    page = await describeChangeSetPage(cfn, stackName, changeSetName, withValues, page.NextToken)
  }
}

const MAX_VALUE = 120

function short(v: string | undefined): string {
  if (v === undefined) return '∅'
  return v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE)}…` : v
}

/** toResourceChange, with "path: before → after" in details when the change set carries values. */
export function withPropertyValues(c: Change): ResourceChange | undefined {
  const rc = toResourceChange(c)
  if (!rc) return undefined
  const valued = (c.ResourceChange?.Details ?? [])
    .filter(d => d.Target?.BeforeValue !== undefined || d.Target?.AfterValue !== undefined)
    .map(d => `${d.Target?.Path ?? d.Target?.Name ?? d.Target?.Attribute}: ${short(d.Target?.BeforeValue)} → ${short(d.Target?.AfterValue)}`)
  if (valued.length) rc.details = [...new Set(valued)]
  return rc
}

