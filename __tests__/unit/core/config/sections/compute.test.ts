// Outposts and EKS Auto Mode refused at their key; Windows node groups found (eksctl's examples 14, 32, 35-37,
// 42, 46-48 are the shapes covered, written here as our own configs).
import { describe, expect, it } from '@jest/globals'
import { BASE, load, messages } from '../helpers.js'
import { AUTO_MODE_MIGRATION_GUIDE } from '../../../../../src/core/karpenter/unsupported.js'

const OUTPOST = [
  'outpost:',
  '  controlPlaneOutpostARN: "arn:aws:outposts:us-west-2:111122223333:outpost/op-0abc"',
  '  controlPlaneInstanceType: m5d.large'
]

describe('Outposts', () => {
  it('refuses a control plane on Outposts at the outpost key, as eksctl does', () => {
    expect(messages(BASE + OUTPOST.join('\n') + '\n')).toEqual([
      'cluster.yaml:11:1: outpost: Karpenter is not supported on Outposts: the control plane of this cluster runs on AWS Outposts, where eksctl refuses Karpenter too ' +
        '(got a mapping, expected no outpost: section (a cluster whose control plane runs in an AWS Region))'
    ])
  })

  it('reports it with the other errors of the file, in file order', () => {
    const text = BASE.replace("version: '1.2.1'", "version: 'latest'") + OUTPOST.join('\n') + '\n'
    const all = messages(text)
    expect(all).toHaveLength(2)
    expect(all[0]).toMatch(/^cluster\.yaml:10:12: karpenter\.version/)
    expect(all[1]).toMatch(/^cluster\.yaml:11:1: outpost: Karpenter is not supported on Outposts/)
  })

  it('an empty outpost: is no Outpost (eksctl reads it as unset)', () => {
    expect(load(BASE + 'outpost:\n').config.name).toBe('demo')
  })
})

describe('EKS Auto Mode', () => {
  it('refuses autoModeConfig.enabled: true at the value, saying why and pointing at the migration guide', () => {
    const text = BASE + ['autoModeConfig:', '  enabled: true', '  nodePools: [general-purpose, system]'].join('\n') + '\n'
    const [only, ...rest] = messages(text)
    expect(rest).toEqual([])
    expect(only).toMatch(/^cluster\.yaml:12:12: autoModeConfig\.enabled: EKS Auto Mode runs its own, AWS-managed Karpenter/)
    expect(only).toContain('nodepools.karpenter.sh, nodeclaims.karpenter.sh')
    expect(only).toContain(`To move from Karpenter to Auto Mode, follow ${AUTO_MODE_MIGRATION_GUIDE}`)
    expect(only).toMatch(/\(got true, expected false, or no autoModeConfig \(a cluster without EKS Auto Mode\)\)$/)
  })

  it('refuses Auto Mode with capabilities too (eksctl examples 46-48 shape)', () => {
    const text = BASE + ['autoModeConfig:', '  enabled: true', '  nodeRoleARN: arn:aws:iam::111122223333:role/auto', 'capabilities:', '  - name: argocd'].join('\n') + '\n'
    expect(messages(text).join('\n')).toMatch(/cluster\.yaml:12:12: autoModeConfig\.enabled: EKS Auto Mode/)
  })

  it('accepts autoModeConfig.enabled: false and an autoModeConfig without enabled', () => {
    expect(load(BASE + 'autoModeConfig:\n  enabled: false\n').config.name).toBe('demo')
    expect(load(BASE + 'autoModeConfig:\n  nodePools: []\n').config.name).toBe('demo')
  })

  it('a malformed enabled is a type error, not a silent pass', () => {
    expect(messages(BASE + 'autoModeConfig:\n  enabled: yes\n')).toEqual([
      'cluster.yaml:12:12: autoModeConfig.enabled: must be a boolean: write true or false, not yes/no/on/off (got yes, expected true or false)'
    ])
  })
})

describe('Windows node groups', () => {
  it('finds WindowsServer* node groups and managed node groups, with where their amiFamily is written', () => {
    const text =
      BASE +
      [
        'nodeGroups:',
        '  - name: windows-ng',
        '    amiFamily: WindowsServer2019FullContainer',
        '  - name: linux-ng',
        '    instanceType: t3.large',
        'managedNodeGroups:',
        '  - name: win-managed',
        '    amiFamily: WindowsServer2022CoreContainer',
        '  - name: al2023',
        '    amiFamily: AmazonLinux2023'
      ].join('\n') +
      '\n'
    expect(load(text).config.windowsNodeGroups).toEqual([
      { path: 'nodeGroups[0]', name: 'windows-ng', amiFamily: 'WindowsServer2019FullContainer', position: { line: 13, col: 5 } },
      { path: 'managedNodeGroups[0]', name: 'win-managed', amiFamily: 'WindowsServer2022CoreContainer', position: { line: 18, col: 5 } }
    ])
  })

  it('a Linux-only file has none, and odd node group shapes stay eksctl\'s to report', () => {
    expect(load(BASE).config.windowsNodeGroups).toEqual([])
    expect(load(BASE + 'nodeGroups:\n  - just-a-string\n  - amiFamily: 7\n').config.windowsNodeGroups).toEqual([])
  })
})
