import { describe, it, expect } from '@jest/globals'
import { resolveNodeAccess } from '../../../../src/core/plan/node-access.js'

describe('resolveNodeAccess', () => {
  it.each([
    ['auto', 'API', 'access-entry'],
    ['auto', 'API_AND_CONFIG_MAP', 'access-entry'],
    ['auto', 'CONFIG_MAP', 'aws-auth'],
    ['auto', undefined, 'aws-auth'],
    ['access-entry', 'API', 'access-entry'],
    ['access-entry', 'API_AND_CONFIG_MAP', 'access-entry'],
    ['aws-auth', 'CONFIG_MAP', 'aws-auth'],
    ['aws-auth', 'API_AND_CONFIG_MAP', 'aws-auth'],
    ['none', 'API', 'none'],
    ['none', 'CONFIG_MAP', 'none']
  ] as const)('%s on %s → %s', (input, mode, method) => {
    expect(resolveNodeAccess(input, mode).method).toBe(method)
  })

  it('refuses combinations that cannot work', () => {
    expect(() => resolveNodeAccess('access-entry', 'CONFIG_MAP')).toThrow(/includes API.*CONFIG_MAP/)
    expect(() => resolveNodeAccess('access-entry', undefined)).toThrow(/CONFIG_MAP/)
    expect(() => resolveNodeAccess('aws-auth', 'API')).toThrow(/ignored/)
  })
})
