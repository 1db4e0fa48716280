// Read-only CloudFormation look-ups shared by apply, plan and drift.
import type { CloudFormationClient, Stack, Change } from '@aws-sdk/client-cloudformation'
import type { ResourceChange } from '../report/types.js'

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
  const e = err as Error
  return (e?.name === 'ValidationError' || e?.name === 'ValidationException') && /does not exist/i.test(e.message ?? '')
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

/** Every resource change of a change set (all pages). */
export async function changeSetChanges(cfn: CloudFormationClient, stackName: string, changeSetName: string): Promise<ResourceChange[]> {
  const { DescribeChangeSetCommand } = await import('@aws-sdk/client-cloudformation')
  const changes: ResourceChange[] = []
  let token: string | undefined
  do {
    const out = await cfn.send(new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName, NextToken: token }))
    for (const c of out.Changes ?? []) {
      const rc = toResourceChange(c)
      if (rc) changes.push(rc)
    }
    token = out.NextToken
  } while (token)
  return changes
}
