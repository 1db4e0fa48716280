// render's offline view of Windows node access: with the file's accessConfig.authenticationMode (apply uses the
// cluster's), a node-access choice that cannot serve Windows node groups is refused at their amiFamily; else the
// plan for them is one step of the summary. Pure.
import type { ClusterConfig } from '../config/types.js'
import type { Diagnostic } from '../config/diagnostics.js'
import type { NodeAccess } from '../inputs.js'
import { resolveNodeAccess } from '../plan/node-access.js'
import { windowsNodeReasons } from './windows.js'
import { errorMessage } from '../errors.js'

/** eksctl creates clusters in this mode when the file does not say. */
const EKSCTL_DEFAULT_MODE = 'API_AND_CONFIG_MAP'

export interface WindowsRenderView {
  problems: Diagnostic[]
  step?: string
}

export function windowsRenderView(config: ClusterConfig, nodeAccess: NodeAccess): WindowsRenderView {
  const groups = config.windowsNodeGroups
  if (groups.length === 0) return { problems: [] }
  const reasons = windowsNodeReasons(groups, [])
  const mode = config.authenticationMode ?? EKSCTL_DEFAULT_MODE
  try {
    const decision = resolveNodeAccess(nodeAccess, mode, reasons)
    const how =
      decision.method === 'aws-auth'
        ? `the node role is mapped in aws-auth with groups eks:kube-proxy-windows, system:bootstrappers, system:nodes`
        : 'node access is left to you (node-access: none)'
    return { problems: [], step: `Windows nodes (${reasons.join('; ')}): ${how}; apply decides from the cluster's authentication mode (${mode} in the file${config.authenticationMode ? '' : ', eksctl\'s default'})` }
  } catch (err) {
    const first = groups[0]!
    const problem: Diagnostic = {
      severity: 'error',
      file: config.file,
      line: first.position.line,
      col: first.position.col,
      path: `${first.path}.amiFamily`,
      message: errorMessage(err),
      got: first.amiFamily,
      expected: `a node-access that can map Windows nodes (aws-auth) on a cluster whose authentication mode includes CONFIG_MAP`
    }
    return { problems: [problem] }
  }
}
