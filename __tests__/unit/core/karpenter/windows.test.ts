import { describe, it, expect } from '@jest/globals'
import { isWindowsAmiFamily, nodeClassWindowsSelection, windowsNodeReasons } from '../../../../src/core/karpenter/windows.js'
import { resolveNodeAccess } from '../../../../src/core/plan/node-access.js'
import { windowsRenderView } from '../../../../src/core/karpenter/windows-render.js'
import { clusterConfig } from '../../../helpers/config.js'

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

describe('render with Windows node groups', () => {
  const groups = [{ path: 'nodeGroups[1]', name: 'windows-ng', amiFamily: 'WindowsServer2022CoreContainer', position: { line: 20, col: 5 } }]

  it('says how the node role is mapped', () => {
    const view = windowsRenderView(clusterConfig({ windowsNodeGroups: groups }), 'auto')
    expect(view.problems).toEqual([])
    expect(view.step).toBe(
      "Windows nodes (nodeGroups[1] (windows-ng) amiFamily WindowsServer2022CoreContainer): the node role is mapped in aws-auth with groups eks:kube-proxy-windows, system:bootstrappers, system:nodes; apply decides from the cluster's authentication mode (API_AND_CONFIG_MAP in the file, eksctl's default)"
    )
  })

  it('refuses at the amiFamily when the file says API, or node-access is access-entry', () => {
    const api = windowsRenderView(clusterConfig({ windowsNodeGroups: groups, authenticationMode: 'API' }), 'auto')
    expect(api.problems).toHaveLength(1)
    expect(api.problems[0]).toMatchObject({ severity: 'error', line: 20, col: 5, path: 'nodeGroups[1].amiFamily', got: 'WindowsServer2022CoreContainer' })
    expect(api.problems[0]?.message).toMatch(/authentication mode is API, which has no aws-auth/)
    expect(windowsRenderView(clusterConfig({ windowsNodeGroups: groups }), 'access-entry').problems).toHaveLength(1)
    expect(windowsRenderView(clusterConfig(), 'access-entry')).toEqual({ problems: [] })
  })
})
