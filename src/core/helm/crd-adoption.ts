// Handing CRDs that the controller chart created (from its crds/ folder, which Helm installs once and never
// owns) over to the karpenter-crd release. Helm refuses to take over objects without its ownership metadata
// ("invalid ownership metadata"); upstream's troubleshooting page adds the label and two annotations by hand.
// Pure: the kube client reads the CRDs and applies the patches (src/kube/).

import { CRD_RELEASE } from '../names.js'

export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by'
export const RELEASE_NAME_ANNOTATION = 'meta.helm.sh/release-name'
export const RELEASE_NAMESPACE_ANNOTATION = 'meta.helm.sh/release-namespace'

/** The metadata of one CustomResourceDefinition in the cluster. */
export interface CrdMeta {
  name: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
}

/** A JSON merge patch for one CRD. */
export interface CrdPatch {
  name: string
  patch: { metadata: { labels: Record<string, string>; annotations: Record<string, string> } }
}

export interface CrdAdoptionPlan {
  patches: CrdPatch[]
  /** Karpenter CRDs owned by another Helm release: adopting them would steal them; the caller should stop */
  conflicts: { name: string; owner: string }[]
}

// Every CRD Karpenter's charts have shipped: v1alpha5 (≤ 0.32), v1beta1/v1, and NodeOverlay.
const KARPENTER_GROUPS = ['.karpenter.sh', '.karpenter.k8s.aws']

export function isKarpenterCrd(name: string): boolean {
  return KARPENTER_GROUPS.some((g) => name.endsWith(g))
}

/**
 * Patches that make the karpenter-crd release (`release` in `namespace`) the owner of existing Karpenter CRDs.
 * CRDs already owned by that release are left alone; CRDs owned by a different release are reported as conflicts.
 */
export function crdAdoptionPatches(
  existing: CrdMeta[],
  opts: { namespace: string; release?: string }
): CrdAdoptionPlan {
  const release = opts.release ?? CRD_RELEASE
  const plan: CrdAdoptionPlan = { patches: [], conflicts: [] }
  for (const crd of [...existing].sort((a, b) => a.name.localeCompare(b.name))) {
    if (!isKarpenterCrd(crd.name)) continue
    const owner = crd.annotations?.[RELEASE_NAME_ANNOTATION]
    const ownerNs = crd.annotations?.[RELEASE_NAMESPACE_ANNOTATION]
    const managed = crd.labels?.[MANAGED_BY_LABEL] === 'Helm'
    if (owner === release && ownerNs === opts.namespace && managed) continue
    if (owner !== undefined && (owner !== release || (ownerNs !== undefined && ownerNs !== opts.namespace))) {
      plan.conflicts.push({ name: crd.name, owner: `${ownerNs ?? '?'}/${owner}` })
      continue
    }
    plan.patches.push({
      name: crd.name,
      patch: {
        metadata: {
          labels: { [MANAGED_BY_LABEL]: 'Helm' },
          annotations: { [RELEASE_NAME_ANNOTATION]: release, [RELEASE_NAMESPACE_ANNOTATION]: opts.namespace }
        }
      }
    })
  }
  return plan
}
