// src/core/config/sections/cluster.ts: the little of fargateProfiles, addons and accessConfig this action reads.
import { describe, expect, it } from '@jest/globals'
import { BASE, load, messages, problems, rootView } from '../helpers.js'
import { readAddonNames, readAuthenticationMode, readFargateProfiles } from '../../../../../src/core/config/sections/cluster.js'

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

describe('the readers on their own', () => {
  it('readFargateProfiles keeps a profile without a name (as "") and skips selectors without a namespace', () => {
    const root = rootView('fargateProfiles:\n  - selectors:\n      - labels: {a: b}\n      - namespace: karpenter\n  - name: fp2\n')
    expect(readFargateProfiles(root)).toEqual([
      { name: '', namespaces: ['karpenter'], position: { line: 2, col: 5 } },
      { name: 'fp2', namespaces: [], position: { line: 5, col: 5 } }
    ])
    expect(problems(root)).toEqual([])
    expect(readFargateProfiles(rootView('a: 1\n'))).toEqual([])
  })

  it('readAddonNames requires a non-empty name in each addon', () => {
    const root = rootView("addons:\n  - version: latest\n  - name: ''\n  - name: vpc-cni\n")
    expect(readAddonNames(root)).toEqual(['vpc-cni'])
    expect(problems(root)).toEqual([
      'cluster.yaml:2:5: addons[0].name: required key is missing (expected an EKS addon name)',
      "cluster.yaml:3:11: addons[1].name: must not be empty (got '', expected an EKS addon name)"
    ])
  })

  it('readAuthenticationMode: absent without accessConfig; a mode that is not a string is reported', () => {
    expect(readAuthenticationMode(rootView('a: 1\n'))).toBeUndefined()
    expect(readAuthenticationMode(rootView('accessConfig:\n  authenticationMode: CONFIG_MAP\n'))).toBe('CONFIG_MAP')
    const root = rootView('accessConfig:\n  authenticationMode: [API]\n')
    expect(readAuthenticationMode(root)).toBeUndefined()
    expect(problems(root)).toEqual(['cluster.yaml:2:23: accessConfig.authenticationMode: must be a string (got a list, expected one of CONFIG_MAP, API, API_AND_CONFIG_MAP)'])
  })
})
