// How Karpenter's nodes get into the cluster (SPEC §4): an EKS access entry when the cluster's
// authentication mode includes API, else an aws-auth mapping. Pure: decided from the input and the mode.
import type { NodeAccess } from '../inputs/types.js'

export type NodeAccessMethod = 'access-entry' | 'aws-auth' | 'none'

export interface NodeAccessDecision {
  method: NodeAccessMethod
  reason: string
}

/** Clusters that predate access entries report no accessConfig: they authenticate through aws-auth only. */
function modeOf(authenticationMode: string | undefined): string {
  return authenticationMode ?? 'CONFIG_MAP'
}

export function resolveNodeAccess(input: NodeAccess, authenticationMode: string | undefined): NodeAccessDecision {
  const mode = modeOf(authenticationMode)
  const api = mode === 'API' || mode === 'API_AND_CONFIG_MAP'
  const configMap = mode === 'CONFIG_MAP' || mode === 'API_AND_CONFIG_MAP'
  switch (input) {
    case 'none':
      return { method: 'none', reason: 'node-access: none — node access is managed elsewhere' }
    case 'auto':
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
