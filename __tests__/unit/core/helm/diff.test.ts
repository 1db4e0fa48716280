// The chart half of plan and drift: installed release vs desired tag and values (src/core/helm/diff.ts).
import { describe, it, expect } from '@jest/globals'
import { chartDiff, describeChartDiff, hasChartChanges, valueDifferences } from '../../../../src/core/helm/diff.js'
import type { HelmReleaseSpec } from '../../../../src/core/types.js'
import type { InstalledRelease } from '../../../../src/core/helm/release.js'

const spec: HelmReleaseSpec = {
  release: 'karpenter',
  namespace: 'karpenter',
  chart: { chart: 'oci://public.ecr.aws/karpenter/karpenter', version: '1.2.1' },
  values: { settings: { clusterName: 'c', interruptionQueue: 'c' }, serviceAccount: { name: 'karpenter' } },
  timeoutSeconds: 600
}
const installed = (over: Partial<InstalledRelease> = {}): InstalledRelease => ({
  name: 'karpenter', namespace: 'karpenter', chart: 'karpenter', version: '1.2.1', revision: '3', status: 'deployed',
  values: { settings: { clusterName: 'c', interruptionQueue: 'c' }, serviceAccount: { name: 'karpenter' } },
  ...over
})

describe('chartDiff', () => {
  it('same version and values: no changes', () => {
    const d = chartDiff(installed(), spec)
    expect(hasChartChanges(d)).toBe(false)
  })
  it('another version and values: each listed', () => {
    const d = chartDiff(installed({ version: '1.1.0', values: { settings: { clusterName: 'c' }, serviceAccount: { name: 'karpenter' }, replicas: 1 } }), spec)
    expect(hasChartChanges(d)).toBe(true)
    expect(describeChartDiff(d, 'karpenter/karpenter')).toEqual(['chart version 1.1.0 → 1.2.1', 'values replicas: 1 → (unset)', 'values settings.interruptionQueue: (unset) → c'])
  })
  it('the values-file input is applied last, as helm does', () => {
    expect(chartDiff(installed({ values: { ...installed().values, replicas: 1 } }), spec, { replicas: 1 }).values).toEqual([])
  })
  it('v-prefixed pre-0.35 tags compare by version', () => {
    const old = { ...spec, chart: { ...spec.chart, version: 'v0.34.0' } }
    expect(chartDiff(installed({ version: 'v0.34.0' }), old).versionChanged).toBe(false)
  })
  it('not installed: install in full', () => {
    const d = chartDiff(undefined, spec)
    expect(describeChartDiff(d, 'karpenter/karpenter')).toEqual(['karpenter/karpenter is not installed: apply would install chart 1.2.1'])
  })
  it('a release that is not deployed is a change', () => {
    expect(hasChartChanges(chartDiff(installed({ status: 'failed' }), spec))).toBe(true)
  })
  it('paths escape dots in keys', () => {
    expect(valueDifferences({ a: { 'eks.amazonaws.com/role-arn': 'x' } }, { a: {} })).toEqual([{ path: 'a.eks\\.amazonaws\\.com/role-arn', expected: 'x', type: 'ADD' }])
  })
})
