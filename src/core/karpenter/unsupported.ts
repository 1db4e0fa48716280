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

/**
 * Windows nodes and node access (docs/design.md "Windows nodes"): one aws-auth mapping serves Linux and Windows
 * nodes when it also has the group eks:kube-proxy-windows; an access entry cannot, because an IAM principal can be
 * in only one entry and its type is EC2_LINUX or EC2_WINDOWS. This action keeps one node role, so Windows nodes
 * are mapped through aws-auth only. The refusal for a node-access choice that would need an access entry, or
 * undefined when `method` can serve them.
 */
export function windowsNodeAccessRefusal(opts: { input: string; mode: string; method: 'access-entry' | 'aws-auth' | 'none'; reasons: readonly string[] }): string | undefined {
  if (opts.reasons.length === 0 || opts.method !== 'access-entry') return undefined
  const configMap = opts.mode === 'CONFIG_MAP' || opts.mode === 'API_AND_CONFIG_MAP'
  const head =
    `Windows nodes (${opts.reasons.join('; ')}) need Karpenter's node role mapped for Windows as well as Linux. ` +
    'One aws-auth mapping does both when its groups include eks:kube-proxy-windows (as eksctl maps Windows node groups), ' +
    'but access entries cannot: an IAM principal can be in only one access entry, of type EC2_LINUX or EC2_WINDOWS, so Linux and Windows nodes ' +
    'cannot share the node role there, and this action makes one node role. '
  const fix = configMap
    ? `Use node-access: auto or aws-auth on this cluster (authentication mode ${opts.mode}): the node role is then mapped through aws-auth for both.`
    : `This cluster's authentication mode is ${opts.mode}, which has no aws-auth (and cannot get it back), so this action does not support Windows nodes on it: ` +
      'leave Windows out of the EC2NodeClasses and node groups it manages, or set node-access: none and give the nodes access yourself.'
  return head + fix
}
