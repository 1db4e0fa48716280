// The I/O half of CRD adoption: list the cluster's CRDs and merge-patch Helm's ownership metadata onto the
// Karpenter ones (the decisions are crdAdoptionPatches', which is pure). Works with src/kube's KubeClient.
import type { CrdMeta, CrdPatch } from '../core/helm/crd-adoption.js'

export interface CrdAdopter {
  listCrds(): Promise<CrdMeta[]>
  patchCrd(p: CrdPatch): Promise<void>
}

/** The two KubeClient methods this needs (structural, so tests can pass a fake and src/kube stays optional). */
export interface CrdApi {
  list<T>(path: string): Promise<T[]>
  patch<T>(path: string, body: unknown, type?: 'merge'): Promise<T>
}

const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions'

export function kubeCrdAdopter(client: CrdApi): CrdAdopter {
  return {
    async listCrds() {
      const items = await client.list<{ metadata?: { name?: string; labels?: Record<string, string>; annotations?: Record<string, string> } }>(CRDS)
      return items
        .filter((i) => i.metadata?.name)
        .map((i) => ({ name: i.metadata?.name as string, labels: i.metadata?.labels, annotations: i.metadata?.annotations }))
    },
    async patchCrd(p) {
      await client.patch(`${CRDS}/${encodeURIComponent(p.name)}`, p.patch, 'merge')
    }
  }
}
