import { describe, it, expect } from '@jest/globals'
import { compareVersions, formatVersion, MIN_KARPENTER, parseVersion, type SemVer } from '../../../../src/core/karpenter/version.js'

const p = (s: string): SemVer => {
  const v = parseVersion(s)
  if (!v) throw new Error(`test setup: ${s} did not parse`)
  return v
}

describe('parseVersion', () => {
  it.each([
    ['1.2.1', { major: 1, minor: 2, patch: 1 }],
    ['v0.34.0', { major: 0, minor: 34, patch: 0 }],
    ['1.0.0-rc.1', { major: 1, minor: 0, patch: 0, prerelease: 'rc.1' }],
    [' 1.14.1 ', { major: 1, minor: 14, patch: 1 }],
    ['1.2.3+build.5', { major: 1, minor: 2, patch: 3 }]
  ])('parses %s', (s, want) => {
    expect(parseVersion(s)).toEqual(want)
  })

  it.each(['1.2', 'latest', '', 'v', '1.2.3.4', '01.2.3', '1.2.x', 'vv1.2.3', '1.2.3-'])('rejects %p', (s) => {
    expect(parseVersion(s)).toBeUndefined()
  })
})

describe('formatVersion', () => {
  it('prints without v, keeping the prerelease', () => {
    expect(formatVersion(p('v0.34.0'))).toBe('0.34.0')
    expect(formatVersion(p('1.0.0-rc.1'))).toBe('1.0.0-rc.1')
  })
})

describe('compareVersions', () => {
  const ordered = ['0.28.0-rc.1', '0.28.0-rc.2', '0.28.0', '0.28.1', '0.9.0', '0.34.13', '0.35.0', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta', '1.0.0-rc.1', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0', '1.0.5', '1.10.0', '1.14.1']
  it('orders by semver, prerelease before release, numeric identifiers numerically', () => {
    // 0.9.0 > 0.28.x is deliberately wrong in `ordered`: sort must move it.
    const sorted = [...ordered].sort((a, b) => compareVersions(p(a), p(b)))
    expect(sorted).toEqual(['0.9.0', '0.28.0-rc.1', '0.28.0-rc.2', '0.28.0', '0.28.1', '0.34.13', '0.35.0', '1.0.0-alpha', '1.0.0-alpha.1', '1.0.0-beta', '1.0.0-rc.1', '1.0.0-rc.2', '1.0.0-rc.10', '1.0.0', '1.0.5', '1.10.0', '1.14.1'])
  })
  it('treats v-prefixed and bare as equal', () => {
    expect(compareVersions(p('v1.2.3'), p('1.2.3'))).toBe(0)
  })
  it('is antisymmetric', () => {
    expect(Math.sign(compareVersions(p('1.0.0'), p('1.0.0-rc.1')))).toBe(1)
    expect(Math.sign(compareVersions(p('1.0.0-rc.1'), p('1.0.0')))).toBe(-1)
  })
})

describe('MIN_KARPENTER', () => {
  it('is 0.28.0', () => {
    expect(formatVersion(MIN_KARPENTER)).toBe('0.28.0')
  })
})
