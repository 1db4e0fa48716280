// Helm values this tool owns for a Karpenter version (docs/design.md, "Helm").
//
// ≥ 0.33   settings.clusterName, settings.clusterEndpoint, settings.interruptionQueue (the queue NAME).
// 0.32.x   the same new names, plus settings.aws.defaultInstanceProfile: 0.32 still serves v1alpha5
//          AWSNodeTemplates, which fall back to the global default instance profile, and the v1beta1 migration
//          guide's 0.32 install sets exactly that alongside settings.clusterName / settings.interruptionQueue.
//          The other old names are not duplicated: 0.32's deployment reads `or settings.aws.X settings.X`, so one
//          spelling is enough, and the new one is what 0.33 keeps.
// < 0.32   settings.aws.clusterName, settings.aws.clusterEndpoint, settings.aws.defaultInstanceProfile,
//          settings.aws.interruptionQueueName.
// `settings.interruptionQueueName` is never produced: no chart reads it (eksctl sets it on ≥ 0.33 and its
// interruption handling therefore never turns on).
import { atLeastMinor, type SemVer } from './version.js'

export interface HelmValueParams {
  clusterName: string
  /** Optional on EKS: Karpenter discovers it with eks:DescribeCluster. */
  clusterEndpoint?: string
  /** Queue name; only when the queue exists. */
  interruptionQueue?: string
  /** Used only by < 0.33 (global default for v1alpha5 AWSNodeTemplates). */
  defaultInstanceProfile?: string
  serviceAccount: { create: boolean; name: string; roleArn?: string }
}

export const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn'

function compact(o: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [k, val] of Object.entries(o)) if (val !== undefined && val !== '') out[k] = val
  return out
}

/**
 * Values for `helm upgrade --install`. Without roleArn the service account's annotations map is empty: no
 * eks.amazonaws.com/role-arn annotation (Pod Identity), and an explicit {} replaces one an earlier IRSA install set.
 */
export function helmValues(v: SemVer, p: HelmValueParams): Record<string, unknown> {
  const serviceAccount = {
    create: p.serviceAccount.create,
    name: p.serviceAccount.name,
    annotations: p.serviceAccount.roleArn ? { [IRSA_ANNOTATION]: p.serviceAccount.roleArn } : {}
  }
  if (!atLeastMinor(v, 0, 32)) {
    return {
      settings: {
        aws: compact({
          clusterName: p.clusterName,
          clusterEndpoint: p.clusterEndpoint,
          defaultInstanceProfile: p.defaultInstanceProfile,
          interruptionQueueName: p.interruptionQueue
        })
      },
      serviceAccount
    }
  }
  const settings: Record<string, unknown> = compact({
    clusterName: p.clusterName,
    clusterEndpoint: p.clusterEndpoint,
    interruptionQueue: p.interruptionQueue
  })
  if (!atLeastMinor(v, 0, 33) && p.defaultInstanceProfile) {
    settings['aws'] = { defaultInstanceProfile: p.defaultInstanceProfile }
  }
  return { settings, serviceAccount }
}

/**
 * Dotted value paths this tool sets for version `v` (every path helmValues can produce for it, present or not), for
 * drift comparison against the installed release's values. Keys containing dots are quoted like helm's --set:
 * serviceAccount.annotations."eks.amazonaws.com/role-arn".
 */
export function managedValuePaths(v: SemVer): string[] {
  const sa = ['serviceAccount.create', 'serviceAccount.name', `serviceAccount.annotations."${IRSA_ANNOTATION}"`]
  if (!atLeastMinor(v, 0, 32)) {
    return [
      'settings.aws.clusterName',
      'settings.aws.clusterEndpoint',
      'settings.aws.defaultInstanceProfile',
      'settings.aws.interruptionQueueName',
      ...sa
    ]
  }
  return [
    'settings.clusterName',
    'settings.clusterEndpoint',
    'settings.interruptionQueue',
    ...(atLeastMinor(v, 0, 33) ? [] : ['settings.aws.defaultInstanceProfile']),
    ...sa
  ]
}
