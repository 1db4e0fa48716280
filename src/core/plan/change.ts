// One intended change (docs/design.md, "The pipeline", step 5): what it touches, what would be done, why, and
// whether it removes or replaces something. A plan is an ordered list of these: `plan` renders it, `apply` and
// `delete` execute it step by step, in order.

/** create/update/delete change something; replace deletes and creates; none: in place as desired (listed with its reason). */
export type ChangeAction = 'create' | 'update' | 'replace' | 'delete' | 'none'

export interface ChangeBase {
  /** what it touches, as the summary names it: "stack eksctl-dev-karpenter", "IAM OIDC provider …" */
  subject: string
  action: ChangeAction
  /** why: the fact that decided it ("the stack does not exist", "the association points at role X") */
  reason: string
  /** it deletes or replaces something that exists (the summary and plan flag these) */
  destructive: boolean
}

/** A change that does something (not `none`). */
export function changes<T extends ChangeBase>(plan: readonly T[]): T[] {
  return plan.filter(c => c.action !== 'none')
}

/** "create stack eksctl-dev-karpenter — the stack does not exist" */
export function describeChange(c: ChangeBase): string {
  const verb = c.action === 'none' ? 'no change to' : c.action
  return `${verb} ${c.subject} — ${c.reason}${c.destructive ? ' (removes or replaces)' : ''}`
}
