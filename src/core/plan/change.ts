// One intended change (docs/design.md, "The pipeline", step 5): what it touches, what would be done, why, and
// whether it removes or replaces something. A plan is an ordered list of these: `plan` renders it, `apply` and
// `delete` execute it step by step, in order.

/**
 * create/update/delete change something; replace deletes and creates; none: in place as desired (listed with its
 * reason); ensure: an idempotent write whose outcome only its executor learns (server-side apply, a change set on
 * a stack apply did not preview) — apply runs it, plan shows it without counting it as a change.
 */
export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'none' | 'ensure'

export interface ChangeBase {
  /** what it touches, as the summary names it: "stack eksctl-dev-karpenter", "IAM OIDC provider …" */
  subject: string
  action: ChangeAction
  /** why: the fact that decided it ("the stack does not exist", "the association points at role X") */
  reason: string
  /** it deletes or replaces something that exists (the summary and plan flag these) */
  destructive: boolean
}

/** The changes that certainly change something (not `none`, not `ensure`): what plan's has-changes counts. */
export function changes<T extends ChangeBase>(plan: readonly T[]): T[] {
  return plan.filter(c => c.action !== 'none' && c.action !== 'ensure')
}

/** The changes an executor runs (all but `none`). */
export function toExecute<T extends ChangeBase>(plan: readonly T[]): T[] {
  return plan.filter(c => c.action !== 'none')
}

/** "create stack eksctl-dev-karpenter — the stack does not exist" */
export function describeChange(c: ChangeBase): string {
  const verb = c.action === 'none' ? 'no change to' : c.action
  return `${verb} ${c.subject} — ${c.reason}${c.destructive ? ' (removes or replaces)' : ''}`
}
