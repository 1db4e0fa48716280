// The validated, typed view of an eksctl ClusterConfig: only what this action reads.
// Positions are kept so later checks (preflight, policies) can point at the file too.

/** 1-based line and column of a node in the config file. */
export interface Position {
  line: number
  col: number
}

export interface PodIdentityAssociation {
  namespace: string
  serviceAccountName: string
  roleName?: string
  roleARN?: string
  permissionPolicyARNs: string[]
  permissionsBoundaryARN?: string
  tags: Record<string, string>
  position: Position
}

export interface FargateProfile {
  name: string
  /** namespaces selected by the profile's selectors */
  namespaces: string[]
  /** where the profile is written, for errors about it */
  position?: Position
}

/** A node group of the file that runs Windows (an amiFamily of WindowsServer…). */
export interface WindowsNodeGroup {
  /** `nodeGroups[1]` or `managedNodeGroups[0]` */
  path: string
  name: string
  amiFamily: string
  /** where its amiFamily is written */
  position: Position
}

export interface KarpenterConfig {
  /** the version as written, without a leading `v` (e.g. `1.2.1`) */
  version: string
  createServiceAccount: boolean
  /** undefined when not set: the default name is derived in core/names.ts */
  defaultInstanceProfile?: string
  withSpotInterruptionQueue: boolean
}

export interface ClusterConfig {
  /** path of the file it was read from (as given by the user, for messages and annotations) */
  file: string
  name: string
  region: string
  /** Kubernetes minor as written (e.g. `1.32`), if set */
  kubernetesVersion?: string
  tags: Record<string, string>
  withOIDC: boolean
  serviceRolePermissionsBoundary?: string
  podIdentityAssociations: PodIdentityAssociation[]
  fargateProfiles: FargateProfile[]
  /** addon names listed under `addons:` */
  addons: string[]
  /** accessConfig.authenticationMode as written, if set */
  authenticationMode?: string
  karpenter: KarpenterConfig
  /** node groups with a Windows amiFamily: Karpenter's node role is then mapped for Windows too */
  windowsNodeGroups: WindowsNodeGroup[]
  /** where each key path was found, for annotations on later errors (e.g. `karpenter.version`) */
  positions: Record<string, Position>
}
