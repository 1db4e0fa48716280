// What a run did, as data: modes fill it in, report/ turns it into outputs, log lines and the job summary.
import type { DesiredState } from '../core/types.js'
import type { Mode } from '../core/inputs.js'
import type { OutputName } from '../inputs/action-yml.js'
import type { DeployerPolicies } from '../core/deployer-variants.js'
import type { DriftItem } from '../core/facts.js'

export type { DriftItem }

export interface ResourceChange {
  /** Add | Modify | Remove | Dynamic | Import (CloudFormation's words) */
  action: string
  logicalId: string
  resourceType: string
  /** True | False | Conditional, for Modify */
  replacement?: string
  /** changed properties, where the API gives them */
  details?: string[]
}

export interface ResourceFailure {
  logicalId: string
  resourceType?: string
  status: string
  reason: string
}

export type StackAction = 'created' | 'updated' | 'unchanged' | 'recreated' | 'deleted' | 'absent' | 'planned' | 'failed'

export interface StackOutcome {
  stack: string
  action: StackAction
  /** final stack status as CloudFormation reports it (or ABSENT) */
  status: string
  changes: ResourceChange[]
  failures: ResourceFailure[]
}

export interface RunReport {
  mode: Mode
  desired?: DesiredState
  /** render: the role-to-assume's policies for this config */
  deployerPolicies?: DeployerPolicies
  /** render: the files `--out DIR` writes, by name (shown in the log too) */
  artefacts?: Record<string, string>
  stacks: StackOutcome[]
  /** ordered human-readable steps taken ("created access entry for …") */
  steps: string[]
  warnings: string[]
  drift: DriftItem[]
  /** true when anything was (or, in plan, would be) changed */
  changed: boolean
  /** the controller release's revision after apply (output `helm-release-revision`) */
  helmRevision?: string
  /** extra outputs beyond those derived from `desired` and the run (has-changes, drifted); only the
   * outputs action.yml declares */
  outputs: Partial<Record<OutputName, string>>
  /** free-form sections appended to the summary: title → markdown body */
  sections: { title: string; body: string }[]
}

export function emptyReport(mode: Mode): RunReport {
  return { mode, stacks: [], steps: [], warnings: [], drift: [], changed: false, outputs: {}, sections: [] }
}

/** What an executor did, as data; the mode adds it to the report with `record` (executors never write into it). */
export interface Done {
  /** summary lines, in order */
  steps: string[]
  /** true when it changed anything */
  changed: boolean
  warnings?: string[]
  stacks?: StackOutcome[]
}

export function record(report: RunReport, done: Done): void {
  report.stacks.push(...(done.stacks ?? []))
  report.steps.push(...done.steps)
  report.warnings.push(...(done.warnings ?? []))
  if (done.changed) report.changed = true
}
