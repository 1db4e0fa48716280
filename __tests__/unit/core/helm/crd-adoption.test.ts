import { describe, it, expect } from '@jest/globals'
import { crdAdoptionPatches, isKarpenterCrd } from '../../../../src/core/helm/crd-adoption.js'

const owned = (ns: string, release = 'karpenter-crd') => ({
  labels: { 'app.kubernetes.io/managed-by': 'Helm' },
  annotations: { 'meta.helm.sh/release-name': release, 'meta.helm.sh/release-namespace': ns }
})

describe('crdAdoptionPatches', () => {
  it('patches unowned Karpenter CRDs with Helm ownership for karpenter-crd in the namespace', () => {
    const plan = crdAdoptionPatches(
      [{ name: 'nodepools.karpenter.sh' }, { name: 'ec2nodeclasses.karpenter.k8s.aws', labels: { other: 'x' } }, { name: 'certificates.cert-manager.io' }],
      { namespace: 'kube-system' }
    )
    expect(plan.conflicts).toEqual([])
    expect(plan.patches.map((p) => p.name)).toEqual(['ec2nodeclasses.karpenter.k8s.aws', 'nodepools.karpenter.sh'])
    expect(plan.patches[0]?.patch).toEqual({
      metadata: {
        labels: { 'app.kubernetes.io/managed-by': 'Helm' },
        annotations: { 'meta.helm.sh/release-name': 'karpenter-crd', 'meta.helm.sh/release-namespace': 'kube-system' }
      }
    })
  })

  it('leaves CRDs already owned by the CRD release alone', () => {
    const plan = crdAdoptionPatches([{ name: 'nodeclaims.karpenter.sh', ...owned('karpenter') }], { namespace: 'karpenter' })
    expect(plan).toEqual({ patches: [], conflicts: [] })
  })

  it('adds the missing label when only the annotations are there', () => {
    const plan = crdAdoptionPatches(
      [{ name: 'nodeclaims.karpenter.sh', annotations: owned('karpenter').annotations }],
      { namespace: 'karpenter' }
    )
    expect(plan.patches.map((p) => p.name)).toEqual(['nodeclaims.karpenter.sh'])
  })

  it('reports CRDs owned by another release or namespace as conflicts instead of stealing them', () => {
    const plan = crdAdoptionPatches(
      [{ name: 'nodepools.karpenter.sh', ...owned('karpenter', 'someone-else') }, { name: 'nodeclaims.karpenter.sh', ...owned('kube-system') }],
      { namespace: 'karpenter' }
    )
    expect(plan.patches).toEqual([])
    expect(plan.conflicts).toEqual([
      { name: 'nodeclaims.karpenter.sh', owner: 'kube-system/karpenter-crd' },
      { name: 'nodepools.karpenter.sh', owner: 'karpenter/someone-else' }
    ])
  })

  it('knows Karpenter CRDs of every era by group', () => {
    expect(['provisioners.karpenter.sh', 'awsnodetemplates.karpenter.k8s.aws', 'nodeoverlays.karpenter.sh'].every(isKarpenterCrd)).toBe(true)
    expect(isKarpenterCrd('karpenter.sh.example.com')).toBe(false)
  })
})
