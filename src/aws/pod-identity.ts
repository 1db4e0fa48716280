// EKS Pod Identity for the Karpenter controller (docs/design.md, "Controller identity"): the association
// of <namespace>/karpenter with a role, found, created, pointed at another role, or deleted — but only changed
// or deleted when this tool made it (the tag below), since an association someone else made is adopted as it is.
import type { EKSClient } from '@aws-sdk/client-eks'
import { httpStatus, isAwsError } from '../core/errors.js'

/** Tag this tool puts on the associations it creates; update and delete check it first. */
export const OWNER_TAG = 'karpenter-provision/managed'
export const OWNER_TAG_VALUE = 'true'

import type { ExistingAssociation } from '../core/facts.js'
export type { ExistingAssociation }

export interface AssociationTarget {
  cluster: string
  namespace: string
  serviceAccount: string
  roleArn: string
  /** tags for a new association (OWNER_TAG is added) */
  tags?: Record<string, string>
}

export type AssociationOutcome =
  | { action: 'created'; id: string }
  | { action: 'updated'; id: string; previousRoleArn: string }
  | { action: 'unchanged'; id: string }
  /** someone else's association pointing at another role: kept as it is (its role is adopted: docs/design.md, "Controller identity") */
  | { action: 'kept-foreign'; id: string; roleArn: string }

/** ListPodIdentityAssociations (filtered by namespace and service account) + Describe for the role and tags. */
export async function findAssociation(eks: EKSClient, cluster: string, namespace: string, serviceAccount: string): Promise<ExistingAssociation | undefined> {
  const { ListPodIdentityAssociationsCommand, DescribePodIdentityAssociationCommand } = await import('@aws-sdk/client-eks')
  let nextToken: string | undefined
  do {
    const page = await eks.send(new ListPodIdentityAssociationsCommand({ clusterName: cluster, namespace, serviceAccount, nextToken }))
    const found = page?.associations?.find(a => a.namespace === namespace && a.serviceAccount === serviceAccount && a.associationId)
    if (found?.associationId) {
      const association = (await eks.send(new DescribePodIdentityAssociationCommand({ clusterName: cluster, associationId: found.associationId })))?.association
      const tags = association?.tags ?? {}
      return {
        id: found.associationId,
        arn: association?.associationArn ?? found.associationArn,
        roleArn: association?.roleArn ?? '',
        tags,
        ours: tags[OWNER_TAG] === OWNER_TAG_VALUE
      }
    }
    nextToken = page?.nextToken
  } while (nextToken)
  return undefined
}

/**
 * Idempotent: none → create (tagged as ours); ours on another role → update; someone else's on another role →
 * kept (the desired state should already have adopted its role, so this only happens when it did not).
 */
export async function ensureAssociation(eks: EKSClient, target: AssociationTarget, existing: ExistingAssociation | undefined): Promise<AssociationOutcome> {
  const { CreatePodIdentityAssociationCommand, UpdatePodIdentityAssociationCommand } = await import('@aws-sdk/client-eks')
  if (!existing) {
    const r = await eks.send(
      new CreatePodIdentityAssociationCommand({
        clusterName: target.cluster,
        namespace: target.namespace,
        serviceAccount: target.serviceAccount,
        roleArn: target.roleArn,
        tags: { ...target.tags, [OWNER_TAG]: OWNER_TAG_VALUE }
      })
    )
    return { action: 'created', id: r.association?.associationId ?? '' }
  }
  if (existing.roleArn === target.roleArn) return { action: 'unchanged', id: existing.id }
  if (!existing.ours) return { action: 'kept-foreign', id: existing.id, roleArn: existing.roleArn }
  await eks.send(new UpdatePodIdentityAssociationCommand({ clusterName: target.cluster, associationId: existing.id, roleArn: target.roleArn }))
  return { action: 'updated', id: existing.id, previousRoleArn: existing.roleArn }
}

/** delete: only an association this tool made; a missing one is fine (delete runs twice). */
export async function deleteOwnAssociation(eks: EKSClient, cluster: string, existing: ExistingAssociation | undefined): Promise<'deleted' | 'absent' | 'kept-foreign'> {
  if (!existing) return 'absent'
  if (!existing.ours) return 'kept-foreign'
  const { DeletePodIdentityAssociationCommand } = await import('@aws-sdk/client-eks')
  try {
    await eks.send(new DeletePodIdentityAssociationCommand({ clusterName: cluster, associationId: existing.id }))
  } catch (err) {
    if (isAwsError(err, 'ResourceNotFoundException')) return 'absent'
    throw err
  }
  return 'deleted'
}

/** True when the EKS endpoint does not serve the Pod Identity API at all (HTTP 404 without an EKS error code). */
export function isPodIdentityApiMissing(err: unknown): boolean {
  return httpStatus(err) === 404 && !isAwsError(err, 'ResourceNotFoundException')
}
