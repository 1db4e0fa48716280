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

describe('node access with Windows nodes', () => {
  const WIN = ['EC2NodeClass win (amiFamily Windows2022)']

  it('auto maps through aws-auth with the Windows group wherever the cluster has aws-auth', () => {
    for (const mode of ['API_AND_CONFIG_MAP', 'CONFIG_MAP', undefined]) {
      const d = resolveNodeAccess('auto', mode, WIN)
      expect(d).toMatchObject({ method: 'aws-auth', windows: true })
      expect(d.reason).toContain('Windows nodes (EC2NodeClass win (amiFamily Windows2022)): mapped with eks:kube-proxy-windows too')
    }
    expect(resolveNodeAccess('aws-auth', 'API_AND_CONFIG_MAP', WIN)).toMatchObject({ method: 'aws-auth', windows: true })
  })

  it('refuses an access entry: one principal, one entry, EC2_LINUX or EC2_WINDOWS', () => {
    expect(() => resolveNodeAccess('auto', 'API', WIN)).toThrow(
      /^Windows nodes \(EC2NodeClass win \(amiFamily Windows2022\)\) need Karpenter's node role mapped for Windows as well as Linux\..*an IAM principal can be in only one access entry, of type EC2_LINUX or EC2_WINDOWS.*authentication mode is API, which has no aws-auth/
    )
    expect(() => resolveNodeAccess('access-entry', 'API_AND_CONFIG_MAP', WIN)).toThrow(/Use node-access: auto or aws-auth on this cluster \(authentication mode API_AND_CONFIG_MAP\)/)
  })

  it('node-access: none stays none; without Windows nothing changes', () => {
    expect(resolveNodeAccess('none', 'API', WIN)).toEqual({ method: 'none', reason: 'node-access: none — node access is managed elsewhere' })
    expect(resolveNodeAccess('auto', 'API_AND_CONFIG_MAP')).toEqual({ method: 'access-entry', reason: 'authentication mode API_AND_CONFIG_MAP includes API' })
    expect(resolveNodeAccess('auto', 'API_AND_CONFIG_MAP').windows).toBeUndefined()
  })
})
