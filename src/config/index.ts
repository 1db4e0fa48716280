// The config module's public surface: read a ClusterConfig file, report its problems, pick the
// controller identity.
export type { ClusterConfig, FargateProfile, KarpenterConfig, PodIdentityAssociation, Position, WindowsNodeGroup } from '../core/config/types.js'
export { ConfigError, formatDiagnostic, type Diagnostic } from '../core/config/diagnostics.js'
export { annotateDiagnostics } from './annotate.js'
export { API_VERSION, KIND, type LoadOptions, type LoadResult } from '../core/config/load.js'
export { loadClusterConfig } from './load.js'
export {
  resolveControllerIdentity,
  findKarpenterAssociation,
  defaultControllerRoleName,
  fargateSelectsNamespace,
  KARPENTER_SERVICE_ACCOUNT,
  type ControllerIdentity,
  type ControllerIdentityChoice,
  type IdentitySource
} from '../core/config/identity.js'
