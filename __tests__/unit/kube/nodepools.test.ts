import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { KubeClient } from '../../../src/kube/client.js'
import { deleteNodePools } from '../../../src/kube/nodepools.js'
import { kubeCrdAdopter } from '../../../src/helm/crd-adopter.js'
import { crdAdoptionPatches } from '../../../src/core/helm/crd-adoption.js'
import { startFakeKube, type FakeKube } from '../../../test/harness/fake-kube.js'

let fake: FakeKube
let kube: KubeClient
beforeEach(async () => {
  fake = await startFakeKube()
  kube = new KubeClient({ server: fake.url }, { retryBaseMs: 1 })
})
afterEach(async () => {
  kube.close()
  await fake.close()
})

function serveKarpenter(version: string): void {
  fake.discovery.set('/apis/karpenter.sh', { versions: [{ version }], preferredVersion: { version } })
  fake.discovery.set(`/apis/karpenter.sh/${version}`, {
    resources: [
      { name: 'nodepools', kind: 'NodePool', namespaced: false },
      { name: 'nodeclaims', kind: 'NodeClaim', namespaced: false }
    ]
  })
}

describe('deleteNodePools', () => {
  it('deletes every NodePool and waits until Karpenter has removed its NodeClaims', async () => {
    serveKarpenter('v1beta1')
    fake.put('/apis/karpenter.sh/v1beta1/nodepools/default', { metadata: { name: 'default' } })
    fake.put('/apis/karpenter.sh/v1beta1/nodepools/gpu', { metadata: { name: 'gpu' } })
    fake.put('/apis/karpenter.sh/v1beta1/nodeclaims/default-abcde', { metadata: { name: 'default-abcde' } })
    let claimPolls = 0
    fake.intercept((r) => {
      // Karpenter terminates the node after the third look
      if (r.method === 'GET' && r.path.endsWith('/nodeclaims') && ++claimPolls === 3) fake.objects.delete('/apis/karpenter.sh/v1beta1/nodeclaims/default-abcde')
      return undefined
    })
    const progress: string[] = []
    const result = await deleteNodePools(kube, { timeoutSeconds: 30, pollBaseMs: 1, pollMaxMs: 2, onProgress: (m) => progress.push(m) })
    expect(result).toEqual({ karpenterApiFound: true, deleted: ['NodePool/default', 'NodePool/gpu'], claimsAtStart: 1 })
    expect(fake.requests.filter((r) => r.method === 'DELETE').map((r) => r.path)).toEqual([
      '/apis/karpenter.sh/v1beta1/nodepools/default',
      '/apis/karpenter.sh/v1beta1/nodepools/gpu'
    ])
    expect(claimPolls).toBe(3)
    expect(progress[0]).toMatch(/deleted NodePool\/default, NodePool\/gpu/)
  })

  it('gives up after the timeout, naming what is left', async () => {
    serveKarpenter('v1')
    fake.put('/apis/karpenter.sh/v1/nodeclaims/stuck', { metadata: { name: 'stuck' } })
    await expect(deleteNodePools(kube, { timeoutSeconds: 0.05, pollBaseMs: 1, pollMaxMs: 5 })).rejects.toThrow(/within 0.05s; still present: NodeClaim\/stuck/)
  })

  it('has nothing to do on a cluster without Karpenter', async () => {
    expect(await deleteNodePools(kube, { timeoutSeconds: 1 })).toEqual({ karpenterApiFound: false, deleted: [], claimsAtStart: 0 })
    expect(fake.requests.map((r) => r.path)).toEqual(['/apis/karpenter.sh'])
  })
})

describe('CRD adoption through the KubeClient (helm/crd-adopter + helm/crd-adoption)', () => {
  const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions'
  it('labels and annotates unowned Karpenter CRDs, leaving owned ones alone and reporting foreign owners', async () => {
    fake.put(`${CRDS}/nodepools.karpenter.sh`, { metadata: { name: 'nodepools.karpenter.sh', labels: { x: 'y' } } })
    fake.put(`${CRDS}/nodeclaims.karpenter.sh`, {
      metadata: { name: 'nodeclaims.karpenter.sh', labels: { 'app.kubernetes.io/managed-by': 'Helm' }, annotations: { 'meta.helm.sh/release-name': 'karpenter-crd', 'meta.helm.sh/release-namespace': 'kube-system' } }
    })
    fake.put(`${CRDS}/ec2nodeclasses.karpenter.k8s.aws`, {
      metadata: { name: 'ec2nodeclasses.karpenter.k8s.aws', annotations: { 'meta.helm.sh/release-name': 'someone-else', 'meta.helm.sh/release-namespace': 'infra' } }
    })
    fake.put(`${CRDS}/widgets.example.com`, { metadata: { name: 'widgets.example.com' } })
    const adopter = kubeCrdAdopter(kube)
    const plan = crdAdoptionPatches(await adopter.listCrds(), { namespace: 'kube-system', release: 'karpenter-crd' })
    expect(plan.patches.map((p) => p.name)).toEqual(['nodepools.karpenter.sh'])
    expect(plan.conflicts).toEqual([{ name: 'ec2nodeclasses.karpenter.k8s.aws', owner: 'infra/someone-else' }])
    for (const p of plan.patches) await adopter.patchCrd(p)
    const adopted = fake.objects.get(`${CRDS}/nodepools.karpenter.sh`)?.metadata as { labels: Record<string, string>; annotations: Record<string, string> }
    expect(adopted.labels).toEqual({ x: 'y', 'app.kubernetes.io/managed-by': 'Helm' })
    expect(adopted.annotations).toEqual({ 'meta.helm.sh/release-name': 'karpenter-crd', 'meta.helm.sh/release-namespace': 'kube-system' })
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1)
  })
})
