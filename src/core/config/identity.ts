// Which identity the Karpenter controller runs with (input `controller-identity`; docs/design.md, "Controller identity").
import type { ClusterConfig, FargateProfile, PodIdentityAssociation, Position } from './types.js'
import { ConfigError, type Diagnostic } from './diagnostics.js'

import type { ControllerIdentityChoice } from '../inputs.js'
import { irsaRoleName, podIdentityRoleName, SERVICE_ACCOUNT } from '../names.js'

export type { ControllerIdentityChoice }

/** The service account the Karpenter chart runs the controller as (named in core/names.ts). */
export const KARPENTER_SERVICE_ACCOUNT = SERVICE_ACCOUNT

/** What the decision needs; a whole ClusterConfig fits, so does a config still being read. */
export type IdentitySource = Pick<ClusterConfig, 'name' | 'podIdentityAssociations' | 'fargateProfiles'> &
  Partial<Pick<ClusterConfig, 'file' | 'positions'>>

export interface ControllerIdentity {
  identity: 'irsa' | 'pod-identity'
  /** one sentence for the log and the job summary */
  reason: string
  /**
   * Pod Identity only: the association to make. The file's entry when there is one, else eksctl's default
   * entry; `roleName` is filled with `<cluster>-karpenter` whenever neither roleName nor roleARN is given.
   */
  association?: PodIdentityAssociation
  /** Pod Identity only: whether the association comes from the file */
  associationDeclared?: boolean
}

export function defaultControllerRoleName(cluster: string): string {
  return podIdentityRoleName(cluster)
}

export function findKarpenterAssociation(
  associations: readonly PodIdentityAssociation[],
  namespace: string
): PodIdentityAssociation | undefined {
  return associations.find((a) => a.namespace === namespace && a.serviceAccountName === KARPENTER_SERVICE_ACCOUNT)
}

/** Fargate selectors may use `*` and `?` wildcards in the namespace. */
export function fargateSelectsNamespace(profile: FargateProfile, namespace: string): boolean {
  return profile.namespaces.some((pattern) => {
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`)
    return regex.test(namespace)
  })
}

function where(source: IdentitySource, position: Position | undefined): string {
  return source.file && position ? ` (${source.file}:${position.line}:${position.col})` : ''
}

export function resolveControllerIdentityUnchecked(
  source: IdentitySource,
  choice: ControllerIdentityChoice,
  namespace: string
): ControllerIdentity {
  const entry = findKarpenterAssociation(source.podIdentityAssociations, namespace)
  const subject = `${namespace}/${KARPENTER_SERVICE_ACCOUNT}`

  if (choice === 'irsa' || (choice === 'auto' && !entry)) {
    const why =
      choice === 'irsa'
        ? 'controller-identity is irsa'
        : `controller-identity is auto and iam.podIdentityAssociations has no entry for ${subject}`
    const unused = entry
      ? ` The iam.podIdentityAssociations entry for ${subject}${where(source, entry.position)} is not used: IRSA takes precedence while both exist.`
      : ''
    return { identity: 'irsa', reason: `${why}: the controller uses IRSA (role ${irsaRoleName(source.name)}).${unused}` }
  }

  const association: PodIdentityAssociation = entry
    ? { ...entry, permissionPolicyARNs: [...entry.permissionPolicyARNs], tags: { ...entry.tags } }
    : {
        namespace,
        serviceAccountName: KARPENTER_SERVICE_ACCOUNT,
        permissionPolicyARNs: [],
        tags: {},
        position: source.positions?.['karpenter'] ?? { line: 1, col: 1 }
      }
  if (association.roleName === undefined && association.roleARN === undefined) {
    association.roleName = defaultControllerRoleName(source.name)
  }
  const role = association.roleARN ? `role ${association.roleARN}` : `role ${association.roleName}`
  const why = entry
    ? `controller-identity is ${choice} and iam.podIdentityAssociations has an entry for ${subject}${where(source, entry.position)}`
    : `controller-identity is pod-identity and iam.podIdentityAssociations has no entry for ${subject}, so eksctl's default entry is used`
  return {
    identity: 'pod-identity',
    reason: `${why}: the controller uses EKS Pod Identity (${role}).`,
    association,
    associationDeclared: entry !== undefined
  }
}

/** Config errors that depend on the chosen identity: Pod Identity cannot serve pods on Fargate. */
export function identityConflicts(source: IdentitySource, resolved: ControllerIdentity, namespace: string): Diagnostic[] {
  if (resolved.identity !== 'pod-identity') return []
  const out: Diagnostic[] = []
  source.fargateProfiles.forEach((profile, i) => {
    if (!fargateSelectsNamespace(profile, namespace)) return
    const pos = profile.position ?? { line: 1, col: 1 }
    out.push({
      severity: 'error',
      file: source.file ?? 'cluster config',
      line: pos.line,
      col: pos.col,
      path: `fargateProfiles[${i}]`,
      message:
        `Fargate profile ${profile.name ? `\`${profile.name}\` ` : ''}selects namespace ${namespace}, and EKS Pod Identity does not work on Fargate: ` +
        `use IRSA for the Karpenter controller (controller-identity: irsa and iam.withOIDC: true, without an iam.podIdentityAssociations entry for ${namespace}/karpenter)`,
      got: 'pod-identity',
      expected: 'irsa'
    })
  })
  return out
}

/**
 * auto: Pod Identity when `iam.podIdentityAssociations` has an entry for `<namespace>`/karpenter, else IRSA.
 * Throws ConfigError when the result cannot work (Pod Identity with a Fargate profile for the namespace).
 */
export function resolveControllerIdentity(
  source: IdentitySource,
  choice: ControllerIdentityChoice,
  namespace: string
): ControllerIdentity {
  const resolved = resolveControllerIdentityUnchecked(source, choice, namespace)
  const conflicts = identityConflicts(source, resolved, namespace)
  if (conflicts.length > 0) throw new ConfigError(conflicts)
  return resolved
}
