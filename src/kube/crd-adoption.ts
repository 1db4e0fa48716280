// Lets the karpenter-crd chart take over CRDs that exist without Helm ownership (SPEC §5): made by the
// main chart's crds/ folder (which Helm never labels), by kubectl, or by eksctl's install. Without the
// label and annotations Helm refuses with "invalid ownership metadata" (upstream's troubleshooting page).
import type { KubeClient, KubeObject } from './client.js'

const CRD_COLLECTION = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions'

/** Every CRD a Karpenter release may have left: current ones and the v1alpha5-era ones. */
export const KARPENTER_CRDS = [
  'nodepools.karpenter.sh',
  'nodeclaims.karpenter.sh',
  'ec2nodeclasses.karpenter.k8s.aws',
  'nodeoverlays.karpenter.sh',
  'provisioners.karpenter.sh',
  'machines.karpenter.sh',
  'awsnodetemplates.karpenter.k8s.aws'
] as const

const MANAGED_BY = 'app.kubernetes.io/managed-by'
const RELEASE_NAME = 'meta.helm.sh/release-name'
const RELEASE_NAMESPACE = 'meta.helm.sh/release-namespace'

export interface CrdAdoptionResult {
  name: string
  action: 'adopted' | 'already-owned' | 'absent' | 'owned-by-other-release'
  /** for owned-by-other-release: `namespace/name` of that release */
  owner?: string
}

/**
 * Marks existing Karpenter CRDs as owned by `releaseName` in `releaseNamespace`. A CRD that another Helm
 * release owns is left alone and reported: taking it over would let that release's uninstall delete the
 * CRD, and with it every NodePool in the cluster.
 */
export async function adoptKarpenterCrds(kube: KubeClient, release: { releaseName: string; releaseNamespace: string }): Promise<CrdAdoptionResult[]> {
  const results: CrdAdoptionResult[] = []
  for (const name of KARPENTER_CRDS) {
    const path = `${CRD_COLLECTION}/${name}`
    const crd = await kube.getOptional<KubeObject>(path)
    if (!crd) {
      results.push({ name, action: 'absent' })
      continue
    }
    const labels = crd.metadata?.labels ?? {}
    const annotations = crd.metadata?.annotations ?? {}
    const ownerName = annotations[RELEASE_NAME]
    const ownerNamespace = annotations[RELEASE_NAMESPACE]
    const ours = ownerName === release.releaseName && ownerNamespace === release.releaseNamespace
    if (ours && labels[MANAGED_BY] === 'Helm') {
      results.push({ name, action: 'already-owned' })
      continue
    }
    if (ownerName !== undefined && !ours) {
      results.push({ name, action: 'owned-by-other-release', owner: `${ownerNamespace ?? '?'}/${ownerName}` })
      continue
    }
    await kube.patch(
      path,
      {
        metadata: {
          labels: { [MANAGED_BY]: 'Helm' },
          annotations: { [RELEASE_NAME]: release.releaseName, [RELEASE_NAMESPACE]: release.releaseNamespace }
        }
      },
      'merge'
    )
    results.push({ name, action: 'adopted' })
  }
  return results
}
