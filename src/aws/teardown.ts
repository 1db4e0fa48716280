// delete's EKS side beyond access entries: the Pod Identity association of the controller, removed only when
// it points at the role this tool's stack made (an association someone else made is theirs to keep).
import type { EKSClient } from '@aws-sdk/client-eks'

export type AssociationTeardown = { result: 'deleted'; id: string } | { result: 'absent' } | { result: 'kept'; id: string; roleArn: string }

export async function deletePodIdentityAssociation(eks: EKSClient, cluster: string, namespace: string, serviceAccount: string, ownRoleArn: string): Promise<AssociationTeardown> {
  const { ListPodIdentityAssociationsCommand, DescribePodIdentityAssociationCommand, DeletePodIdentityAssociationCommand } = await import('@aws-sdk/client-eks')
  const list = await eks.send(new ListPodIdentityAssociationsCommand({ clusterName: cluster, namespace, serviceAccount }))
  const found = list.associations?.find(a => a.namespace === namespace && a.serviceAccount === serviceAccount && a.associationId)
  if (!found?.associationId) return { result: 'absent' }
  const { association } = await eks.send(new DescribePodIdentityAssociationCommand({ clusterName: cluster, associationId: found.associationId }))
  const roleArn = association?.roleArn ?? ''
  if (roleArn !== ownRoleArn) return { result: 'kept', id: found.associationId, roleArn }
  try {
    await eks.send(new DeletePodIdentityAssociationCommand({ clusterName: cluster, associationId: found.associationId }))
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') return { result: 'absent' }
    throw err
  }
  return { result: 'deleted', id: found.associationId }
}
