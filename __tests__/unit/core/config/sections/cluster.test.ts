// src/core/config/sections/cluster.ts: the little of fargateProfiles, addons and accessConfig this action reads.
import { describe, expect, it } from '@jest/globals'
import { BASE, load, messages } from '../helpers.js'

describe('fargateProfiles, addons, accessConfig', () => {
  it('checks accessConfig.authenticationMode', () => {
    expect(load(BASE + 'accessConfig:\n  authenticationMode: API\n').config.authenticationMode).toBe('API')
    expect(messages(BASE + 'accessConfig:\n  authenticationMode: APY\n')).toEqual([
      'cluster.yaml:12:23: accessConfig.authenticationMode: not an EKS authentication mode (got APY, expected one of CONFIG_MAP, API, API_AND_CONFIG_MAP)'
    ])
  })
  it('reads addon names and rejects addons that are not mappings', () => {
    expect(load(BASE + 'addons:\n  - name: vpc-cni\n  - name: coredns\n').config.addons).toEqual(['vpc-cni', 'coredns'])
    expect(messages(BASE + 'addons:\n  - name: vpc-cni\n  - coredns\n')).toEqual([
      'cluster.yaml:13:5: addons[1]: must be a mapping (got coredns, expected a mapping with name)'
    ])
  })
  it('reads Fargate selectors and treats empty optional sections as absent', () => {
    const text = BASE + 'fargateProfiles:\n  - name: fp\n    selectors:\n      - namespace: default\n      - namespace: kube-system\naddons:\nvpc:\n'
    expect(load(text).config.fargateProfiles).toEqual([{ name: 'fp', namespaces: ['default', 'kube-system'], position: { line: 12, col: 5 } }])
  })
})
