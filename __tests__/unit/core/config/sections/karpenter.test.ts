// src/core/config/sections/karpenter.ts: the karpenter block; version required, semver, 0.28.0 or newer, a leading v
// accepted; unknown keys are errors with a did-you-mean (docs/design.md, "Config rules").
import { describe, expect, it } from '@jest/globals'
import { BASE, load, messages, withLine } from '../helpers.js'

const PROFILE_EXPECTED = 'an IAM instance profile name: 1-128 of letters, digits and +=,.@_-'
const KARPENTER_KEYS = 'version, createServiceAccount, defaultInstanceProfile, withSpotInterruptionQueue'

describe('karpenter block', () => {
  const first8 = BASE.split('\n').slice(0, 8).join('\n') + '\n'

  it('requires the karpenter block', () => {
    expect(messages(first8)).toEqual([
      `cluster.yaml:1:1: karpenter: required key is missing: this action installs Karpenter from it (expected a mapping with version and optionally createServiceAccount, defaultInstanceProfile, withSpotInterruptionQueue)`
    ])
  })
  it('suggests `karpenter` for a near miss at the top level', () => {
    expect(messages(withLine(9, 'Karpenter:'))).toEqual([
      'cluster.yaml:9:1: karpenter: required key is missing: this action installs Karpenter from it. Did you mean `karpenter` instead of `Karpenter`? (expected a mapping with version and optionally createServiceAccount, defaultInstanceProfile, withSpotInterruptionQueue)'
    ])
  })
  it('requires the block to be a mapping', () => {
    expect(messages(first8 + 'karpenter: true\n')).toEqual([
      'cluster.yaml:9:12: karpenter: must be a mapping (got true, expected a mapping with version and optionally createServiceAccount, defaultInstanceProfile, withSpotInterruptionQueue)'
    ])
    expect(messages(first8 + 'karpenter:\n')).toEqual([
      'cluster.yaml:9:1: karpenter: must be a mapping (got an empty value, expected a mapping with version and optionally createServiceAccount, defaultInstanceProfile, withSpotInterruptionQueue)'
    ])
  })
  it('requires karpenter.version, pointing at the block', () => {
    expect(messages(withLine(10, '  createServiceAccount: true'))).toEqual([
      "cluster.yaml:10:3: karpenter.version: required key is missing (expected a semantic version like '1.2.1', 0.28.0 or newer)"
    ])
  })
  it('rejects a version that is not semver', () => {
    expect(messages(withLine(10, '  version: latest'))).toEqual([
      "cluster.yaml:10:12: karpenter.version: not a semantic version MAJOR.MINOR.PATCH (got latest, expected a semantic version like '1.2.1', 0.28.0 or newer)"
    ])
    expect(messages(withLine(10, '  version: 1.2'))).toEqual([
      "cluster.yaml:10:12: karpenter.version: not a semantic version MAJOR.MINOR.PATCH (got 1.2, expected a semantic version like '1.2.1', 0.28.0 or newer)"
    ])
  })
  it('rejects a version older than 0.28.0 and accepts 0.28.0', () => {
    expect(messages(withLine(10, "  version: '0.27.1'"))).toEqual([
      "cluster.yaml:10:12: karpenter.version: Karpenter 0.27.1 is older than this action supports (got '0.27.1', expected 0.28.0 or newer)"
    ])
    // metadata.version is dropped: this test is about the version floor, not the matrix
    expect(load(withLine(6).replace("'1.2.1'", "'0.28.0'")).config.karpenter.version).toBe('0.28.0')
  })
  it('accepts a leading v and stores the version without it', () => {
    const { config } = load(withLine(6).replace("'1.2.1'", 'v0.34.0'))
    expect(config.karpenter.version).toBe('0.34.0')
  })
  it('requires booleans for createServiceAccount and withSpotInterruptionQueue', () => {
    expect(messages(BASE + '  createServiceAccount: yes\n')).toEqual([
      'cluster.yaml:11:25: karpenter.createServiceAccount: must be a boolean: write true or false, not yes/no/on/off (got yes, expected true or false)'
    ])
    expect(messages(BASE + '  withSpotInterruptionQueue: "true"\n')).toEqual([
      'cluster.yaml:11:30: karpenter.withSpotInterruptionQueue: must be a boolean (got "true", expected true or false)'
    ])
    const { config } = load(BASE + '  createServiceAccount: true\n  withSpotInterruptionQueue: true\n')
    expect(config.karpenter).toMatchObject({ createServiceAccount: true, withSpotInterruptionQueue: true })
  })
  it('checks defaultInstanceProfile: non-empty, IAM characters, at most 128', () => {
    expect(messages(BASE + "  defaultInstanceProfile: ''\n")).toEqual([
      `cluster.yaml:11:27: karpenter.defaultInstanceProfile: must not be empty (got '', expected ${PROFILE_EXPECTED})`
    ])
    expect(messages(BASE + "  defaultInstanceProfile: 'bad name!'\n")).toEqual([
      `cluster.yaml:11:27: karpenter.defaultInstanceProfile: not a valid IAM instance profile name (got 'bad name!', expected ${PROFILE_EXPECTED})`
    ])
    expect(messages(BASE + `  defaultInstanceProfile: ${'p'.repeat(129)}\n`)).toEqual([
      `cluster.yaml:11:27: karpenter.defaultInstanceProfile: instance profile name is 129 characters long (got ${'p'.repeat(57)}..., expected ${PROFILE_EXPECTED})`
    ])
    expect(messages(BASE + '  defaultInstanceProfile: [a]\n')).toEqual([
      `cluster.yaml:11:27: karpenter.defaultInstanceProfile: must be a string (got a list, expected ${PROFILE_EXPECTED})`
    ])
    expect(load(BASE + `  defaultInstanceProfile: ${'p'.repeat(128)}\n`).config.karpenter.defaultInstanceProfile).toHaveLength(128)
  })
  it('rejects unknown keys with a did-you-mean where one is close', () => {
    expect(messages(BASE + '  withSpotInterruption: true\n  createServiceaccount: true\n  replicas: 3\n')).toEqual([
      `cluster.yaml:11:3: karpenter.withSpotInterruption: unknown key in \`karpenter:\`: did you mean \`withSpotInterruptionQueue\`? (expected one of ${KARPENTER_KEYS})`,
      `cluster.yaml:12:3: karpenter.createServiceaccount: unknown key in \`karpenter:\`: did you mean \`createServiceAccount\`? (expected one of ${KARPENTER_KEYS})`,
      `cluster.yaml:13:3: karpenter.replicas: unknown key in \`karpenter:\` (expected one of ${KARPENTER_KEYS})`
    ])
  })
})
