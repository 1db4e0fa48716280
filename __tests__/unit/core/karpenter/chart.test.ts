import { describe, it, expect } from '@jest/globals'
import { chartTag, crdChartAvailable, crdChartRef, CRD_CHART_SUFFIX } from '../../../../src/core/karpenter/chart.js'
import { MIN_KARPENTER, parseVersion, type SemVer } from '../../../../src/core/karpenter/version.js'

const p = (s: string): SemVer => parseVersion(s) as SemVer

describe('chartTag', () => {
  it.each([
    ['0.16.3', '0.16.3'],
    ['0.17.0', 'v0.17.0'],
    ['0.28.0-rc.1', 'v0.28.0-rc.1'],
    ['0.32.10', 'v0.32.10'],
    ['0.34.0', 'v0.34.0'],
    ['v0.34.13', 'v0.34.13'],
    ['0.35.0', '0.35.0'],
    ['0.37.7', '0.37.7'],
    ['1.0.0-rc.1', '1.0.0-rc.1'],
    ['v1.14.1', '1.14.1']
  ])('%s → %s', (ver, tag) => {
    expect(chartTag(p(ver))).toBe(tag)
  })
})

describe('crdChartRef', () => {
  it('appends -crd to the chart reference', () => {
    expect(CRD_CHART_SUFFIX).toBe('-crd')
    expect(crdChartRef('oci://public.ecr.aws/karpenter/karpenter')).toBe('oci://public.ecr.aws/karpenter/karpenter-crd')
    expect(crdChartRef('oci://mirror.example.com/charts/karpenter/')).toBe('oci://mirror.example.com/charts/karpenter-crd')
    expect(crdChartRef('oci://x/karpenter-crd')).toBe('oci://x/karpenter-crd')
  })
})

describe('crdChartAvailable', () => {
  it('exists from 0.26.1, so for every supported version', () => {
    expect(crdChartAvailable(p('0.26.0'))).toBe(false)
    expect(crdChartAvailable(p('0.26.1'))).toBe(true)
    expect(crdChartAvailable(MIN_KARPENTER)).toBe(true)
  })
})
