// The action's outputs (README "Outputs"), derived from the desired state and what the run added.
// A failed or cancelled apply publishes only the names of what exists: a later `if: always()` step must not
// be handed a role or a stack the run never created.
import type { RunReport, StackOutcome } from './types.js'
import { controllerStackInUse } from '../core/plan/pod-identity-state.js'
import type { OutputName } from '../inputs/action-yml.js'
import { roleNameFromArn } from '../core/names.js'
import type { DesiredState } from '../core/types.js'

/** Stack statuses whose resources are in place (a rolled-back update keeps the previous ones). */
const IN_PLACE = new Set([
  'CREATE_COMPLETE', 'UPDATE_COMPLETE', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_ROLLBACK_COMPLETE',
  'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_COMPLETE'
])

export function outputsOf(report: RunReport, run: { ok: boolean } = { ok: true }): Partial<Record<OutputName, string>> {
  const d = report.desired
  const known: Partial<Record<OutputName, string>> = {}
  if (d) {
    const withAccount = d.accountId !== undefined
    Object.assign(known, {
      'node-role-name': d.names.nodeRole,
      'instance-profile-name': d.names.instanceProfile,
      'controller-role-name': controllerRoleName(d),
      'interruption-queue-name': d.names.interruptionQueue ?? '',
      'karpenter-stack-name': d.names.karpenterStack,
      // apply: a role given in the config or adopted needs no controller stack, so it names none
      'controller-stack-name': report.mode === 'apply' && !controllerStackInUse(d) ? '' : d.controllerStack.name,
      'controller-identity': d.controllerIdentity
    })
    // ARNs need the account: render (offline) leaves them unset rather than print a placeholder.
    if (withAccount) {
      known['node-role-arn'] = d.arns.nodeRole
      known['controller-role-arn'] = d.arns.controllerRole
    }
    if (report.mode === 'apply' && !run.ok) {
      const exists = (name: string): boolean => inPlace(report.stacks.find(s => s.stack === name))
      const karpenter = exists(d.karpenterStack.name)
      const controllerStack = exists(d.controllerStack.name)
      // a role given in the config or adopted from an existing association exists outside the stacks
      const controllerRole = controllerStackInUse(d) ? controllerStack : true
      const drop: OutputName[] = [
        ...(karpenter ? [] : (['node-role-name', 'node-role-arn', 'instance-profile-name', 'interruption-queue-name', 'karpenter-stack-name'] as const)),
        ...(controllerStack || !controllerStackInUse(d) ? [] : (['controller-stack-name'] as const)),
        ...(controllerRole ? [] : (['controller-role-name', 'controller-role-arn'] as const))
      ]
      for (const name of drop) delete known[name]
    }
  }
  // apply: the controller release's revision, as the install returned it
  if (report.helmRevision !== undefined) {
    known['helm-release-revision'] = report.helmRevision
  }
  return { ...known, ...report.outputs }
}

function inPlace(outcome: StackOutcome | undefined): boolean {
  return outcome !== undefined && IN_PLACE.has(outcome.status)
}

function controllerRoleName(d: DesiredState): string {
  if (d.controllerIdentity === 'irsa') return d.names.irsaRole
  // An adopted or given role keeps its own name: the last segment of its ARN.
  return d.podIdentity?.roleArn ? roleNameFromArn(d.podIdentity.roleArn) : d.names.podIdentityRole
}

/** What a run changed, in the words of its summary and its last log line. */
export function changeWords(report: RunReport): string {
  if (!report.changed) return 'no changes'
  return report.mode === 'plan' ? 'changes to make (nothing was changed)' : 'changes made'
}
