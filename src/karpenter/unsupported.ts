// Clusters this action refuses, and why, in one place (README "Clusters this does not support";
// docs/design.md "Outposts, EKS Auto Mode, Windows nodes"). Pure: messages and the rules behind them.

/** AWS's guide for moving a cluster from a self-managed Karpenter to EKS Auto Mode. */
export const AUTO_MODE_MIGRATION_GUIDE = 'https://docs.aws.amazon.com/eks/latest/userguide/auto-migrate-karpenter.html'

/** eksctl's own words for a ClusterConfig with both `outpost:` and `karpenter:`. */
export const OUTPOSTS_REFUSAL =
  'Karpenter is not supported on Outposts: the control plane of this cluster runs on AWS Outposts, where eksctl refuses Karpenter too'

const AUTO_MODE_WHY =
  'EKS Auto Mode runs its own, AWS-managed Karpenter and shares the karpenter.sh CRDs (nodepools.karpenter.sh, nodeclaims.karpenter.sh) with it; ' +
  'a second Karpenter installed by this action would compete for the same NodePools, and its CRD chart would take over and later delete CRDs that EKS manages. ' +
  'This action does not install Karpenter on Auto Mode clusters, and has no switch to run both.'

/** The refusal when the file enables Auto Mode (autoModeConfig.enabled: true). */
export function autoModeFileRefusal(): string {
  return `${AUTO_MODE_WHY} To move from Karpenter to Auto Mode, follow ${AUTO_MODE_MIGRATION_GUIDE}`
}

/** The refusal when DescribeCluster reports computeConfig.enabled: true. */
export function autoModeClusterRefusal(cluster: string, region: string): string {
  return (
    `EKS cluster "${cluster}" in ${region} has EKS Auto Mode enabled (DescribeCluster: computeConfig.enabled is true). ${AUTO_MODE_WHY} ` +
    `Nothing was changed. To move from Karpenter to Auto Mode, follow ${AUTO_MODE_MIGRATION_GUIDE} ` +
    '(it keeps the Karpenter you installed running during the migration, and ends with `helm uninstall` of it).'
  )
}
