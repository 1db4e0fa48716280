// Generated from action.yml by `node scripts/action-metadata.mjs`: the action's inputs and outputs as the runner
// reads them. Do not edit; edit action.yml and regenerate (a unit test fails while the two differ).

export interface DeclaredInput {
  readonly name: string
  readonly description: string
  readonly required: boolean
  readonly default?: string
}

export const ACTION_INPUTS = [
  {"name":"cluster-config","description":"Path of the eksctl ClusterConfig (apiVersion eksctl.io/v1alpha5) with a `karpenter:` block, relative to the workspace.","required":true},
  {"name":"mode","description":"apply, plan, drift, delete, or render (offline: no credentials, no AWS).","required":false,"default":"apply"},
  {"name":"role-to-assume","description":"Role ARN to assume with the workflow's OIDC token (needs `permissions: id-token: write`). Without it, the ambient AWS credentials are used.","required":false},
  {"name":"audience","description":"Audience of the OIDC token.","required":false,"default":"sts.amazonaws.com"},
  {"name":"role-session-name","description":"Session name for the assumed role.","required":false,"default":"karpenter-provision"},
  {"name":"role-duration-seconds","description":"Duration of the assumed-role session, in seconds (900–43200).","required":false,"default":"3600"},
  {"name":"aws-region","description":"AWS region; overrides metadata.region of the config.","required":false},
  {"name":"kubeconfig","description":"Path of a kubeconfig to use instead of one derived from EKS DescribeCluster with an EKS bearer token.","required":false},
  {"name":"helm-version","description":"`auto` (helm on PATH if v3.8+, else a pinned release fetched and SHA-256 verified) or a helm version such as 3.18.4.","required":false,"default":"auto"},
  {"name":"chart","description":"Karpenter chart reference (for mirrors and pull-through caches). The CRD chart is the same reference with `-crd` appended.","required":false,"default":"oci://public.ecr.aws/karpenter/karpenter"},
  {"name":"namespace","description":"Namespace of the Karpenter release and its ServiceAccount.","required":false,"default":"karpenter"},
  {"name":"values-file","description":"Extra Helm values file, applied last.","required":false},
  {"name":"manifests","description":"A file or folder of NodePool / EC2NodeClass manifests, checked before anything changes and applied after the chart (server-side apply). `${CLUSTER_NAME}` is substituted.","required":false},
  {"name":"timeout","description":"Timeout for stack waits and `helm --wait` (e.g. 600, 90s, 10m, 1h30m).","required":false,"default":"10m"},
  {"name":"fail-on-drift","description":"In drift mode, fail the step when drift is found.","required":false,"default":"true"},
  {"name":"install-chart","description":"`false`: AWS prerequisites and node access only (chart managed by Argo CD, Flux…).","required":false,"default":"true"},
  {"name":"node-access","description":"auto (access entry when the cluster's authentication mode includes API, else aws-auth), access-entry, aws-auth or none.","required":false,"default":"auto"},
  {"name":"controller-identity","description":"auto (Pod Identity when iam.podIdentityAssociations has an entry for <namespace>/karpenter, else IRSA), irsa or pod-identity.","required":false,"default":"auto"},
  {"name":"account","description":"render: the 12-digit AWS account in the deployer policy's ARNs (default: role-to-assume's account, else a placeholder).","required":false}
] as const satisfies readonly DeclaredInput[]

export const ACTION_OUTPUTS = [
  {"name":"node-role-name","description":"Name of the Karpenter node role (eksctl-KarpenterNodeRole-<cluster>)."},
  {"name":"node-role-arn","description":"ARN of the node role (not set by render, which does not know the account)."},
  {"name":"instance-profile-name","description":"Name of the node instance profile."},
  {"name":"controller-role-name","description":"Name of the controller role (IRSA or Pod Identity)."},
  {"name":"controller-role-arn","description":"ARN of the controller role (not set by render)."},
  {"name":"interruption-queue-name","description":"Name of the interruption queue; empty without withSpotInterruptionQueue."},
  {"name":"karpenter-stack-name","description":"Name of the Karpenter prerequisites stack (eksctl-<cluster>-karpenter)."},
  {"name":"controller-stack-name","description":"Name of the controller role stack."},
  {"name":"controller-identity","description":"How the controller gets AWS credentials: irsa or pod-identity."},
  {"name":"helm-release-revision","description":"Revision of the Karpenter Helm release after apply."},
  {"name":"has-changes","description":"plan: true when apply would change anything."},
  {"name":"drifted","description":"drift: true when the stacks or the release differ from the config."}
] as const satisfies ReadonlyArray<{ readonly name: string; readonly description: string }>

export type InputName = (typeof ACTION_INPUTS)[number]['name']
export type OutputName = (typeof ACTION_OUTPUTS)[number]['name']
