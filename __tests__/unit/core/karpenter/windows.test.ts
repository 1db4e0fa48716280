import { describe, it, expect } from '@jest/globals'
import { isWindowsAmiFamily, nodeClassWindowsSelection, windowsNodeReasons } from '../../../../src/core/karpenter/windows.js'

const nodeClass = (spec: Record<string, unknown>, kind = 'EC2NodeClass') => ({ apiVersion: 'karpenter.k8s.aws/v1', kind, metadata: { name: 'win' }, spec })

describe('Windows detection', () => {
  it.each([
    ['WindowsServer2019FullContainer', true],
    ['WindowsServer2022CoreContainer', true],
    ['AmazonLinux2023', false],
    ['Bottlerocket', false],
    ['Ubuntu2204', false]
  ])('eksctl amiFamily %s → %s', (family, windows) => {
    expect(isWindowsAmiFamily(family)).toBe(windows)
  })

  it('an EC2NodeClass selects Windows by amiFamily or by an amiSelectorTerms alias', () => {
    expect(nodeClassWindowsSelection(nodeClass({ amiFamily: 'Windows2022' }))).toBe('EC2NodeClass win (amiFamily Windows2022)')
    expect(nodeClassWindowsSelection(nodeClass({ amiFamily: 'Windows2019' }))).toBe('EC2NodeClass win (amiFamily Windows2019)')
    expect(nodeClassWindowsSelection(nodeClass({ amiSelectorTerms: [{ id: 'ami-1' }, { alias: 'windows2022@latest' }] }))).toBe(
      'EC2NodeClass win (amiSelectorTerms alias windows2022@latest)'
    )
    expect(nodeClassWindowsSelection(nodeClass({ amiSelectorTerms: [{ alias: 'al2023@latest' }] }))).toBeUndefined()
    expect(nodeClassWindowsSelection(nodeClass({ amiFamily: 'AL2023' }))).toBeUndefined()
    expect(nodeClassWindowsSelection(nodeClass({ amiFamily: 'Windows2022' }, 'NodePool'))).toBeUndefined()
    expect(nodeClassWindowsSelection(null)).toBeUndefined()
  })

  it('names and values from the file come out on one printable line', () => {
    const groups = [{ path: 'nodeGroups[0]', name: 'win\n::set-output name=x::y', amiFamily: 'WindowsServer2019\r\n## injected' }]
    const [reason] = windowsNodeReasons(groups, [])
    expect(reason).toBe('nodeGroups[0] (win?::set-output name=x::y) amiFamily WindowsServer2019??## injected')
    expect(nodeClassWindowsSelection({ kind: 'EC2NodeClass', metadata: { name: 'a'.repeat(200) }, spec: { amiFamily: 'Windows2022' } })).toBe(`EC2NodeClass ${'a'.repeat(77)}... (amiFamily Windows2022)`)
  })

  it('reasons list node groups first, then node classes', () => {
    const groups = [{ path: 'nodeGroups[0]', name: 'win', amiFamily: 'WindowsServer2019FullContainer' }]
    expect(windowsNodeReasons(groups, [nodeClass({ amiFamily: 'Windows2022' }), nodeClass({ amiFamily: 'AL2023' })])).toEqual([
      'nodeGroups[0] (win) amiFamily WindowsServer2019FullContainer',
      'EC2NodeClass win (amiFamily Windows2022)'
    ])
  })
})
