import { describe, it, expect } from '@jest/globals'
import { kubernetesRange, kubernetesSupport, minimumKarpenterFor, NEWEST_KNOWN_KARPENTER_MINOR } from '../../../../src/core/karpenter/compatibility.js'
import { parseVersion, type SemVer } from '../../../../src/core/karpenter/version.js'

const p = (s: string): SemVer => parseVersion(s) as SemVer

describe('kubernetesRange', () => {
  // Every minor from 0.28 to the newest confirmed, with the band boundaries (upstream compatibility.yaml).
  it.each([
    ['0.28.0', '1.23', '1.25'], ['0.28.1', '1.23', '1.27'], ['0.29.2', '1.23', '1.27'], ['0.30.0', '1.23', '1.27'],
    ['0.31.0', '1.23', '1.28'], ['0.32.10', '1.23', '1.28'], ['0.33.12', '1.23', '1.28'],
    ['0.34.0', '1.23', '1.29'], ['0.35.12', '1.23', '1.29'], ['0.36.9', '1.23', '1.29'],
    ['0.37.0', '1.23', '1.30'], ['0.37.8', '1.23', '1.30'],
    ['1.0.0', '1.25', '1.30'], ['1.0.4', '1.25', '1.30'], ['1.0.5', '1.25', '1.31'], ['1.0.14', '1.25', '1.31'],
    ['1.1.0', '1.25', '1.31'], ['1.2.0', '1.25', '1.32'], ['1.3.3', '1.25', '1.32'], ['1.4.0', '1.25', '1.32'],
    ['1.5.0', '1.26', '1.33'], ['1.6.0', '1.26', '1.34'], ['1.7.1', '1.26', '1.34'], ['1.8.6', '1.26', '1.34'],
    ['1.9.0', '1.26', '1.35'], ['1.10.0', '1.26', '1.35'], ['1.11.1', '1.26', '1.35'], ['1.12.2', '1.26', '1.35'],
    ['1.13.0', '1.26', '1.36'], ['1.14.1', '1.26', '1.36']
  ])('%s supports %s–%s', (ver, min, max) => {
    expect(kubernetesRange(p(ver))).toEqual({ min, max })
  })

  it('puts release candidates in their minor band', () => {
    expect(kubernetesRange(p('1.0.0-rc.1'))).toEqual({ min: '1.25', max: '1.30' })
    expect(kubernetesRange(p('0.37.0-rc.1'))).toEqual({ min: '1.23', max: '1.30' })
  })

  it('is undefined past the newest known minor', () => {
    expect(NEWEST_KNOWN_KARPENTER_MINOR).toBe('1.14')
    expect(kubernetesRange(p('1.15.0'))).toBeUndefined()
    expect(kubernetesRange(p('2.0.0'))).toBeUndefined()
    expect(kubernetesRange(p('1.14.99'))).toBeDefined()
  })
})

describe('kubernetesSupport', () => {
  it.each([
    ['1.0.4', '1.31', 'unsupported'],
    ['1.0.5', '1.31', 'supported'],
    ['1.0.5', '1.24', 'unsupported'],
    ['1.0.5', '1.25', 'supported'],
    ['1.4.0', '1.33', 'unsupported'],
    ['1.5.0', '1.33', 'supported'],
    ['1.2.1', '1.32', 'supported'],
    ['0.34.0', '1.29', 'supported'],
    ['0.33.0', '1.29', 'unsupported'],
    ['1.14.1', '1.36', 'supported'],
    ['1.14.1', '1.37', 'unsupported'],
    ['1.14.1', '1.9', 'unsupported'], // '1.9' < '1.26' numerically, not lexically
    ['1.15.0', '1.32', 'unknown-karpenter'],
    ['0.20.0', '1.23', 'unsupported'],
    ['0.28.0', '1.26', 'unsupported'], // 0.28.0 breaks on 1.26+ (external cloud provider); 0.28.1 fixed it
    ['0.28.1', '1.26', 'supported'],
    ['1.2.1', 'latest', 'unsupported']
  ])('Karpenter %s on Kubernetes %s → %s', (ver, k8s, want) => {
    expect(kubernetesSupport(p(ver), k8s)).toBe(want)
  })
})

describe('minimumKarpenterFor', () => {
  it.each([
    ['1.24', '0.21'], ['1.25', '0.25'], ['1.26', '0.28.1'], ['1.27', '0.28.1'], ['1.28', '0.31'], ['1.29', '0.34'],
    ['1.30', '0.37'], ['1.31', '1.0.5'], ['1.32', '1.2'], ['1.33', '1.5'], ['1.34', '1.6'], ['1.35', '1.9'], ['1.36', '1.13']
  ])('Kubernetes %s needs Karpenter ≥ %s', (k8s, want) => {
    expect(minimumKarpenterFor(k8s)).toBe(want)
  })
  it('is undefined for unknown Kubernetes versions', () => {
    expect(minimumKarpenterFor('1.37')).toBeUndefined()
    expect(minimumKarpenterFor('1.20')).toBeUndefined()
    expect(minimumKarpenterFor('x')).toBeUndefined()
  })
})
