// Stack events: each new one printed once, in order, while we wait; the failed ones turned into
// ResourceFailure[] for the error and the summary. CloudFormation may report only stack-level events (or
// none yet), so a failure may have to be explained by the stack's own event or status reason.
import type { CloudFormationClient, StackEvent } from '@aws-sdk/client-cloudformation'
import type { ResourceFailure } from '../report/types.js'
import { info } from '../runner/log.js'
import { isMissingStack } from './describe.js'

const MAX_PAGES = 5
// Follow-on noise: the resources CloudFormation stopped because another one failed.
const CANCELLED = /^Resource (creation|update) cancelled$/i

export function formatEvent(e: StackEvent): string {
  const time = e.Timestamp ? new Date(e.Timestamp).toISOString().slice(11, 19) : '--:--:--'
  const reason = e.ResourceStatusReason ? ` — ${e.ResourceStatusReason}` : ''
  return `${time} ${e.LogicalResourceId ?? '?'} (${e.ResourceType ?? '?'}) ${e.ResourceStatus ?? '?'}${reason}`
}

export class StackEventLog {
  private readonly seen = new Set<string>()
  private readonly events: StackEvent[] = []

  constructor(
    private readonly cfn: CloudFormationClient,
    private readonly stackName: string,
    private readonly print: (line: string) => void = info
  ) {}

  /** Marks every event that exists now as old: only later ones are printed and counted. */
  async baseline(): Promise<void> {
    for (const e of await this.fetchUnseen()) this.seen.add(e.EventId ?? '')
  }

  /** Prints the events that appeared since the last call, oldest first. */
  async poll(): Promise<StackEvent[]> {
    const fresh = (await this.fetchUnseen()).reverse()
    for (const e of fresh) {
      this.seen.add(e.EventId ?? '')
      this.events.push(e)
      this.print(formatEvent(e))
    }
    return fresh
  }

  // Events come newest first; stop at the first page that reaches an event we have seen.
  private async fetchUnseen(): Promise<StackEvent[]> {
    const { DescribeStackEventsCommand } = await import('@aws-sdk/client-cloudformation')
    const out: StackEvent[] = []
    let token: string | undefined
    for (let page = 0; page < MAX_PAGES; page++) {
      let res
      try {
        res = await this.cfn.send(new DescribeStackEventsCommand({ StackName: this.stackName, NextToken: token }))
      } catch (err) {
        if (isMissingStack(err)) return out
        throw err
      }
      for (const e of res.StackEvents ?? []) {
        if (this.seen.has(e.EventId ?? '')) return out
        out.push(e)
      }
      token = res.NextToken
      if (!token) break
    }
    return out
  }

  /** The failures among the events seen since the baseline, most telling first. */
  failures(stackStatusReason?: string): ResourceFailure[] {
    return failuresFrom(this.events, this.stackName, stackStatusReason)
  }
}

export function failuresFrom(events: StackEvent[], stackName: string, stackStatusReason?: string): ResourceFailure[] {
  const failed = events.filter(e => (e.ResourceStatus ?? '').endsWith('_FAILED'))
  const toFailure = (e: StackEvent): ResourceFailure => ({
    logicalId: e.LogicalResourceId ?? '?',
    resourceType: e.ResourceType,
    status: e.ResourceStatus ?? '?',
    reason: e.ResourceStatusReason ?? '(no reason given)'
  })
  const resources = failed.filter(e => e.LogicalResourceId !== stackName)
  const real = resources.filter(e => !CANCELLED.test(e.ResourceStatusReason ?? ''))
  const chosen = real.length ? real : resources
  if (chosen.length) return dedupe(chosen.map(toFailure))
  // Only stack-level events, or none: the stack's own reason is the best we have.
  const stackLevel = failed.filter(e => e.LogicalResourceId === stackName).map(toFailure)
  if (stackLevel.length) return dedupe(stackLevel)
  return stackStatusReason ? [{ logicalId: stackName, resourceType: 'AWS::CloudFormation::Stack', status: 'FAILED', reason: stackStatusReason }] : []
}

function dedupe(fs: ResourceFailure[]): ResourceFailure[] {
  const keyed = new Map(fs.map(f => [`${f.logicalId}|${f.status}|${f.reason}`, f]))
  return [...keyed.values()]
}
