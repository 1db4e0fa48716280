// Which instances delete's last step may terminate (src/aws/instances.ts): pure, no SDK. The step itself runs
// against moto in __tests__/integration/delete-lifecycle.test.ts.
import { describe, it, expect } from '@jest/globals'
import { isKarpenterInstanceOf, leftoverFilters } from '../../../src/aws/instances.js'

describe('instance selection', () => {
  it('needs a Karpenter tag and the cluster tag', () => {
    expect(isKarpenterInstanceOf([{ Key: 'karpenter.sh/nodepool', Value: 'a' }, { Key: 'eks:eks-cluster-name', Value: 'c' }], 'c')).toBe(true)
    expect(isKarpenterInstanceOf([{ Key: 'karpenter.sh/provisioner-name', Value: 'a' }, { Key: 'kubernetes.io/cluster/c', Value: 'owned' }], 'c')).toBe(true)
    expect(isKarpenterInstanceOf([{ Key: 'karpenter.sh/nodepool', Value: 'a' }, { Key: 'kubernetes.io/cluster/c', Value: 'shared' }], 'c')).toBe(false)
    expect(isKarpenterInstanceOf([{ Key: 'karpenter.sh/nodepool', Value: 'a' }, { Key: 'kubernetes.io/cluster/other', Value: 'owned' }], 'c')).toBe(false)
    expect(isKarpenterInstanceOf([{ Key: 'kubernetes.io/cluster/c', Value: 'owned' }], 'c')).toBe(false)
  })

  it('one query per Karpenter tag × cluster tag, each asking for the Karpenter tag and live instances', () => {
    const filters = leftoverFilters('c')
    expect(filters.length).toBeGreaterThanOrEqual(4)
    for (const f of filters) {
      expect(f.some(x => x.Name === 'tag-key')).toBe(true)
      expect(f.find(x => x.Name === 'instance-state-name')?.Values).not.toContain('terminated')
    }
  })
})
