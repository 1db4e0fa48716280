import { describe, expect, it } from '@jest/globals'
import { closestMatch, editDistance } from '../../../../src/core/config/did-you-mean.js'

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('', '')).toBe(0)
    expect(editDistance('abc', 'abc')).toBe(0)
    expect(editDistance('kitten', 'sitting')).toBe(3)
    expect(editDistance('', 'abc')).toBe(3)
    expect(editDistance('version', 'verison')).toBe(2)
  })
})

describe('closestMatch', () => {
  const keys = ['version', 'createServiceAccount', 'defaultInstanceProfile', 'withSpotInterruptionQueue']
  it('suggests the nearest key for typos, case slips and truncations', () => {
    expect(closestMatch('verison', keys)).toBe('version')
    expect(closestMatch('Version', keys)).toBe('version')
    expect(closestMatch('createServiceAcount', keys)).toBe('createServiceAccount')
    expect(closestMatch('defaultInstanceProfileName', keys)).toBe('defaultInstanceProfile')
    expect(closestMatch('withSpotInterruptionQeue', keys)).toBe('withSpotInterruptionQueue')
  })
  it('suggests nothing for unrelated words', () => {
    expect(closestMatch('replicas', keys)).toBeUndefined()
    expect(closestMatch('x', keys)).toBeUndefined()
    expect(closestMatch('anything', [])).toBeUndefined()
  })
})
