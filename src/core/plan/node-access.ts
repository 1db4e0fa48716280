// How Karpenter's nodes get into the cluster (README "Modes"; docs/design.md "Windows nodes"): an EKS access
// entry when the cluster's authentication mode includes API, else an aws-auth mapping; with Windows nodes, the
// aws-auth mapping (with eks:kube-proxy-windows) whenever the cluster has aws-auth, because one access entry
// cannot serve Linux and Windows nodes. Pure: decided from the input, the mode and the Windows reasons.
import type { NodeAccess } from '../inputs.js'
import { windowsNodeAccessRefusal } from '../karpenter/unsupported.js'
import { WINDOWS_NODE_GROUP } from '../karpenter/windows.js'

/** The access entry type that lets the node role's instances join as nodes. */
export const NODE_ACCESS_ENTRY_TYPE = 'EC2_LINUX'
/** The aws-auth mapping of the node role: its username and groups (eksctl's, for node groups). */
export const NODE_USERNAME = 'system:node:{{EC2PrivateDNSName}}'
export const NODE_GROUPS = ['system:bootstrappers', 'system:nodes'] as const
/** A node role that also launches Windows nodes: eksctl's groups for Windows node groups (Windows group first). */
export const WINDOWS_NODE_GROUPS = [WINDOWS_NODE_GROUP, ...NODE_GROUPS] as const

export type NodeAccessMethod = 'access-entry' | 'aws-auth' | 'none'

export interface NodeAccessDecision {
  method: NodeAccessMethod
  reason: string
  /** Windows nodes: the aws-auth mapping also has the group eks:kube-proxy-windows */
  windows?: boolean
}

/** Clusters that predate access entries report no accessConfig: they authenticate through aws-auth only. */
function modeOf(authenticationMode: string | undefined): string {
  return authenticationMode ?? 'CONFIG_MAP'
}

export function includesApi(authenticationMode: string | undefined): boolean {
  const mode = modeOf(authenticationMode)
  return mode === 'API' || mode === 'API_AND_CONFIG_MAP'
}

/** `windows`: why the run's nodes include Windows (windowsNodeReasons in src/core/karpenter/windows.ts); none by default. */
export function resolveNodeAccess(input: NodeAccess, authenticationMode: string | undefined, windows: readonly string[] = []): NodeAccessDecision {
  const decision = resolveMethod(input, authenticationMode, windows.length > 0)
  const refusal = windowsNodeAccessRefusal({ input, mode: modeOf(authenticationMode), method: decision.method, reasons: windows })
  if (refusal) throw new Error(refusal)
  if (windows.length > 0 && decision.method === 'aws-auth') {
    return { ...decision, windows: true, reason: `${decision.reason}; Windows nodes (${windows.join('; ')}): mapped with eks:kube-proxy-windows too` }
  }
  return decision
}

function resolveMethod(input: NodeAccess, authenticationMode: string | undefined, windows: boolean): NodeAccessDecision {
  const mode = modeOf(authenticationMode)
  const api = includesApi(authenticationMode)
  const configMap = mode === 'CONFIG_MAP' || mode === 'API_AND_CONFIG_MAP'
  switch (input) {
    case 'none':
      return { method: 'none', reason: 'node-access: none — node access is managed elsewhere' }
    case 'auto':
      if (windows && configMap) return { method: 'aws-auth', reason: `authentication mode ${mode} includes CONFIG_MAP, and one access entry cannot serve Linux and Windows nodes` }
      return api
        ? { method: 'access-entry', reason: `authentication mode ${mode} includes API` }
        : { method: 'aws-auth', reason: `authentication mode ${mode} does not include API` }
    case 'access-entry':
      if (!api) {
        throw new Error(
          `node-access: access-entry needs a cluster whose authentication mode includes API, but this one is ${mode}. ` +
            'Switch the cluster to API_AND_CONFIG_MAP (`aws eks update-cluster-config --access-config authenticationMode=API_AND_CONFIG_MAP`) or use node-access: aws-auth.'
        )
      }
      return { method: 'access-entry', reason: 'node-access: access-entry' }
    case 'aws-auth':
      if (!configMap) {
        throw new Error(`node-access: aws-auth has no effect on a cluster in authentication mode ${mode} (the aws-auth ConfigMap is ignored); use node-access: access-entry or auto.`)
      }
      return { method: 'aws-auth', reason: 'node-access: aws-auth' }
  }
}

/** The groups the node role's aws-auth mapping needs under this decision. */
export function nodeGroups(decision: Pick<NodeAccessDecision, 'windows'>): readonly string[] {
  return decision.windows ? WINDOWS_NODE_GROUPS : NODE_GROUPS
}
