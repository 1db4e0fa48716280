// src/core/helm/values-merge.ts: what `helm get values` reports after an install with several --values files, and
// whether a re-run would change the release.
import { describe, it, expect } from '@jest/globals'
import { mergeValues, sameValues } from '../../../../src/core/helm/values-merge.js'

describe('mergeValues / sameValues', () => {
  it('deep-merges maps and lets later files replace scalars and lists', () => {
    const merged = mergeValues(
      { settings: { clusterName: 'c1', interruptionQueue: 'q' }, replicas: 2, tolerations: [{ key: 'a' }] },
      { settings: { interruptionQueue: 'other' }, replicas: 1, tolerations: [] }
    )
    expect(merged).toEqual({ settings: { clusterName: 'c1', interruptionQueue: 'other' }, replicas: 1, tolerations: [] })
  })

  it('compares as documents, ignoring key order', () => {
    expect(sameValues({ a: 1, b: { c: 2, d: 3 } }, { b: { d: 3, c: 2 }, a: 1 })).toBe(true)
    expect(sameValues({ a: 1 }, { a: '1' })).toBe(false)
    expect(sameValues({ a: {} }, {})).toBe(false)
  })

  it('applies several files in order, recursing into nested maps, and keeps an explicit null', () => {
    // helm merges --values files left to right; a null in a later file stays null in `helm get values`
    expect(mergeValues({ a: { b: { c: 1, d: 2 } }, keep: 'x' }, { a: { b: { c: 3 } } }, { a: { b: { d: null } } })).toEqual({ a: { b: { c: 3, d: null } }, keep: 'x' })
    // a map replaces a scalar and a scalar replaces a map
    expect(mergeValues({ a: 1, b: { c: 1 } }, { a: { x: 1 }, b: 'flat' })).toEqual({ a: { x: 1 }, b: 'flat' })
  })

  it('leaves its inputs as they were', () => {
    const base = { settings: { clusterName: 'c1' } }
    const override = { settings: { interruptionQueue: 'q' } }
    mergeValues(base, override)
    expect(base).toEqual({ settings: { clusterName: 'c1' } })
    expect(override).toEqual({ settings: { interruptionQueue: 'q' } })
  })

  it('compares what reaches helm as JSON: an undefined entry is no entry, list order matters', () => {
    expect(sameValues({ a: 1, b: undefined }, { a: 1 })).toBe(true)
    expect(sameValues({ l: [1, 2] }, { l: [2, 1] })).toBe(false)
  })
})
