// src/core/karpenter/windows-render.ts: render's offline view of Windows node access (docs/design.md, "Outposts, EKS
// Auto Mode, Windows nodes"): judged with the file's accessConfig.authenticationMode, eksctl's default when unset.
import { describe, it, expect } from '@jest/globals'
import { windowsRenderView } from '../../../../src/core/karpenter/windows-render.js'
import { clusterConfig } from '../../../helpers/config.js'

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

  it("names the file's own authentication mode, and node-access: none leaves access to the user", () => {
    expect(windowsRenderView(clusterConfig({ windowsNodeGroups: groups, authenticationMode: 'CONFIG_MAP' }), 'aws-auth').step).toBe(
      "Windows nodes (nodeGroups[1] (windows-ng) amiFamily WindowsServer2022CoreContainer): the node role is mapped in aws-auth with groups eks:kube-proxy-windows, system:bootstrappers, system:nodes; apply decides from the cluster's authentication mode (CONFIG_MAP in the file)"
    )
    expect(windowsRenderView(clusterConfig({ windowsNodeGroups: groups, authenticationMode: 'API' }), 'none')).toEqual({
      problems: [],
      step: "Windows nodes (nodeGroups[1] (windows-ng) amiFamily WindowsServer2022CoreContainer): node access is left to you (node-access: none); apply decides from the cluster's authentication mode (API in the file)"
    })
  })

  it('puts the refusal at the first Windows node group, naming all of them in the message', () => {
    const two = [...groups, { path: 'managedNodeGroups[0]', name: 'win2', amiFamily: 'WindowsServer2019FullContainer', position: { line: 31, col: 7 } }]
    const view = windowsRenderView(clusterConfig({ windowsNodeGroups: two, authenticationMode: 'API' }), 'auto')
    expect(view.problems.map(p => [p.file, p.line, p.col, p.path, p.got])).toEqual([['clusters/test.yaml', 20, 5, 'nodeGroups[1].amiFamily', 'WindowsServer2022CoreContainer']])
    expect(view.problems[0]?.message).toContain('Windows nodes (nodeGroups[1] (windows-ng) amiFamily WindowsServer2022CoreContainer; managedNodeGroups[0] (win2) amiFamily WindowsServer2019FullContainer)')
    expect(view.problems[0]?.expected).toBe('a node-access that can map Windows nodes (aws-auth) on a cluster whose authentication mode includes CONFIG_MAP')
  })
})
