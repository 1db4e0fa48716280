// src/core/config/compatibility-rule.ts: metadata.version must be inside Karpenter's compatibility matrix for
// karpenter.version; a Karpenter newer than the matrix is only a warning (docs/design.md, "Config rules").
import { describe, expect, it } from '@jest/globals'
import { BASE, load, messages, warnings, withLine } from './helpers.js'
import { NEWEST_KNOWN_KARPENTER_MINOR, kubernetesRange, minimumKarpenterFor } from '../../../../src/core/karpenter/compatibility.js'
import { parseVersion } from '../../../../src/core/karpenter/version.js'

describe('Kubernetes / Karpenter compatibility', () => {
  // The matrix data belongs to src/core/karpenter/compatibility.ts; these tests take ranges from it and check
  // that the rule applies them and words the message (position, path, got, expected) as it should.
  const rangeOf = (v: string) => {
    const range = kubernetesRange(parseVersion(v)!)
    if (!range) throw new Error(`no range for ${v}`)
    return range
  }
  const minorAbove = (k: string) => `1.${Number(k.split('.')[1]) + 1}`
  const minorBelow = (k: string) => `1.${Number(k.split('.')[1]) - 1}`

  it('rejects a Kubernetes version newer than the Karpenter version supports, naming the minimum Karpenter', () => {
    const { min, max } = rangeOf('1.2.1')
    const k = minorAbove(max)
    const needed = minimumKarpenterFor(k)
    expect(needed).toBeDefined()
    expect(messages(withLine(6, `  version: '${k}'`))).toEqual([
      `cluster.yaml:6:12: metadata.version: Kubernetes ${k} needs Karpenter ${needed} or newer (got '${k}', expected Kubernetes ${min} to ${max} with Karpenter 1.2.1)`
    ])
  })
  it('accepts every Kubernetes minor inside the range', () => {
    const { min, max } = rangeOf('1.2.1')
    for (let minor = Number(min.split('.')[1]); minor <= Number(max.split('.')[1]); minor++) {
      expect(load(withLine(6, `  version: '1.${minor}'`)).config.kubernetesVersion).toBe(`1.${minor}`)
    }
  })
  it('rejects a Kubernetes version older than the Karpenter version supports', () => {
    const { min, max } = rangeOf('1.2.1')
    const k = minorBelow(min)
    expect(messages(withLine(6, `  version: ${k}`))).toEqual([
      `cluster.yaml:6:12: metadata.version: Kubernetes ${k} is older than Karpenter 1.2.1 supports: upgrade the cluster or use an older Karpenter (got ${k}, expected Kubernetes ${min} to ${max} with Karpenter 1.2.1)`
    ])
  })
  it('says when no known Karpenter supports the Kubernetes version', () => {
    const { min, max } = rangeOf('1.2.1')
    expect(minimumKarpenterFor('1.99')).toBeUndefined()
    expect(messages(withLine(6, "  version: '1.99'"))).toEqual([
      `cluster.yaml:6:12: metadata.version: no Karpenter release known to this action supports Kubernetes 1.99 (got '1.99', expected Kubernetes ${min} to ${max} with Karpenter 1.2.1)`
    ])
  })
  it('only warns for a Karpenter newer than the matrix', () => {
    const text = BASE.replace("'1.2.1'", "'9.0.0'")
    expect(warnings(text)).toEqual([
      `cluster.yaml:10:12: karpenter.version: Karpenter 9.0.0 is newer than the compatibility matrix this action knows (up to ${NEWEST_KNOWN_KARPENTER_MINOR}.x): Kubernetes 1.32 compatibility cannot be checked`
    ])
    expect(load(text).config.karpenter.version).toBe('9.0.0')
    expect(warnings(withLine(6).replace("'1.2.1'", "'9.0.0'"))).toEqual([
      `cluster.yaml:9:12: karpenter.version: Karpenter 9.0.0 is newer than the compatibility matrix this action knows (up to ${NEWEST_KNOWN_KARPENTER_MINOR}.x): its Kubernetes compatibility cannot be checked`
    ])
  })
  it('skips the check without metadata.version', () => {
    expect(load(withLine(6).replace("'1.2.1'", "'0.28.0'")).warnings).toEqual([])
  })
})
