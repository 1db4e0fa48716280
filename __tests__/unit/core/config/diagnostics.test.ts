// src/core/config/diagnostics.ts: a problem in the user's files as FILE:LINE:COL: key.path: message (got …, expected …),
// and the ConfigError that carries every one of them (README.md, "Security": a clear error with file:line:col, key,
// value, expected).
import { describe, expect, it } from '@jest/globals'
import * as mod from '../../../../src/core/config/diagnostics.js'
import { SAMPLE_ERROR, SAMPLE_WARNING } from './helpers.js'

const err = SAMPLE_ERROR
const warn = SAMPLE_WARNING

describe('formatDiagnostic', () => {
  it('writes FILE:LINE:COL: path: message (got …, expected …)', () => {
    expect(mod.formatDiagnostic(err)).toBe(
      "clusters/prod.yaml:10:12: karpenter.version: Karpenter 0.27.1 is older than this action supports (got '0.27.1', expected 0.28.0 or newer)"
    )
  })
  it('leaves out the parts a diagnostic does not have', () => {
    expect(mod.formatDiagnostic(warn)).toBe('clusters/prod.yaml:5:11: metadata.region: overridden')
    expect(mod.formatDiagnostic({ ...warn, expected: 'x' })).toBe('clusters/prod.yaml:5:11: metadata.region: overridden (expected x)')
    expect(mod.formatDiagnostic({ ...warn, got: 'y' })).toBe('clusters/prod.yaml:5:11: metadata.region: overridden (got y)')
    expect(mod.formatDiagnostic({ ...warn, path: '' })).toBe('clusters/prod.yaml:5:11: overridden')
  })
})

describe('ConfigError', () => {
  it('lists every diagnostic, one per line, under a count of the errors', () => {
    const e = new mod.ConfigError([warn, err, { ...err, line: 11 }])
    expect(e).toBeInstanceOf(Error)
    expect(e.name).toBe('ConfigError')
    expect(e.diagnostics).toHaveLength(3)
    expect(e.message.split('\n')).toEqual([
      'clusters/prod.yaml has 2 errors:',
      mod.formatDiagnostic(warn),
      mod.formatDiagnostic(err),
      mod.formatDiagnostic({ ...err, line: 11 })
    ])
    expect(new mod.ConfigError([err]).message.split('\n')[0]).toBe('clusters/prod.yaml has 1 error:')
  })
})

describe('describeWithoutLocation', () => {
  it('is the diagnostic less its FILE:LINE:COL (an annotation carries the position itself)', () => {
    expect(mod.describeWithoutLocation(err)).toBe("karpenter.version: Karpenter 0.27.1 is older than this action supports (got '0.27.1', expected 0.28.0 or newer)")
    expect(mod.describeWithoutLocation({ ...warn, path: '' })).toBe('overridden')
  })
})
