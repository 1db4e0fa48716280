// The action's outputs (SPEC §3), derived from the desired state and what the run added.
import type { RunReport } from './types.js'
import type { OutputName } from '../inputs/action-yml.js'

export function outputsOf(report: RunReport): Partial<Record<OutputName, string>> {
  const d = report.desired
  const known: Partial<Record<OutputName, string>> = {}
  if (d) {
    const withAccount = d.accountId !== undefined
    Object.assign(known, {
      'node-role-name': d.names.nodeRole,
      'instance-profile-name': d.names.instanceProfile,
      'controller-role-name': controllerRoleName(report),
      'interruption-queue-name': d.names.interruptionQueue ?? '',
      'karpenter-stack-name': d.names.karpenterStack,
      'controller-stack-name': d.controllerStack.name,
      'controller-identity': d.controllerIdentity
    })
    // ARNs need the account: render (offline) leaves them unset rather than print a placeholder.
    if (withAccount) {
      known['node-role-arn'] = d.arns.nodeRole
      known['controller-role-arn'] = d.arns.controllerRole
    }
  }
  return { ...known, ...report.outputs }
}

function controllerRoleName(report: RunReport): string {
  const d = report.desired!
  if (d.controllerIdentity === 'irsa') return d.names.irsaRole
  // An adopted or given role keeps its own name: the last segment of its ARN.
  return d.podIdentity?.roleArn ? d.podIdentity.roleArn.split('/').pop()! : d.names.podIdentityRole
}
