// Every action input (action.yml; docs/design.md, "action.yml, the runner contract"), parsed once into one typed object.

export type Mode = 'apply' | 'plan' | 'drift' | 'delete' | 'render'
export type NodeAccess = 'auto' | 'access-entry' | 'aws-auth' | 'none'
export type ControllerIdentityChoice = 'auto' | 'irsa' | 'pod-identity'

export interface Inputs {
  clusterConfig: string
  mode: Mode
  roleToAssume?: string
  audience: string
  roleSessionName: string
  roleDurationSeconds: number
  awsRegion?: string
  kubeconfig?: string
  /** `auto` or an explicit helm version like `3.17.3` (no `v`) */
  helmVersion: string
  chart: string
  namespace: string
  valuesFile?: string
  manifests?: string
  /** timeout in seconds */
  timeoutSeconds: number
  failOnDrift: boolean
  installChart: boolean
  nodeAccess: NodeAccess
  controllerIdentity: ControllerIdentityChoice
  /** render: the 12-digit account in the deployer policy's ARNs (else role-to-assume's account, else a placeholder) */
  account?: string
}
