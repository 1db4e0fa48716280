// What a mode reads of the world before it decides anything (docs/design.md, "The pipeline", step 3): one read
// phase per mode fills a Facts value, and everything after it — the desired state, the plan, the drift
// comparison, the teardown — is derived from it purely. A field left undefined was not read in this mode (or
// could not be: the reason is in `unread`); `null` means read and absent.
import type { Partition } from './types.js'
import type { InstalledRelease } from './helm/release.js'
import type { DeployedStack } from './cfn/deploy-compare.js'

/** GetCallerIdentity: the account and partition every ARN is built from. */
export interface CallerIdentity {
  accountId: string
  partition: Partition
  arn: string
}

/** The cluster as DescribeCluster reports it. */
export interface ClusterInfo {
  name: string
  region: string
  arn?: string
  status: string
  /** Kubernetes minor, e.g. '1.32' */
  version: string
  endpoint?: string
  /** base64 of the API server's CA PEM (certificateAuthority.data), for the kubeconfig */
  certificateAuthority?: string
  /** full https URL of the cluster's OIDC issuer, if it has one */
  oidcIssuer?: string
  /** accessConfig.authenticationMode; undefined on clusters that predate access entries (= CONFIG_MAP) */
  authenticationMode?: string
  /** computeConfig.enabled: EKS Auto Mode runs its own Karpenter (README "Clusters this does not support") */
  autoMode?: boolean
}

/** A Pod Identity association for the controller's ServiceAccount. */
export interface ExistingAssociation {
  id: string
  arn?: string
  roleArn: string
  tags: Record<string, string>
  /** made by this tool (its owner tag) */
  ours: boolean
}

/** A stack as DescribeStacks reports it; undefined status (or a missing entry): there is no such stack. */
export interface StackFact {
  name: string
  /** StackStatus; a DELETE_COMPLETE stack is reported as absent */
  status?: string
}

/** The node role's grant as found: its access entry type and its aws-auth mapping. */
export interface NodeAccessFacts {
  /** the access entry's type (EC2_LINUX, …); null: none; undefined: not read */
  accessEntryType?: string | null
  /** the aws-auth mapRoles entry for the node role; null: none; undefined: not read */
  awsAuthMapping?: { rolearn: string; groups: string[] } | null
}

/** The controller and CRD releases as their Helm release records say. */
export interface ReleaseFacts {
  /** the controller release; undefined: not installed */
  main?: InstalledRelease
  /** karpenter-crd; undefined: not installed */
  crd?: InstalledRelease
}

/** A change set's verdict on an existing stack, as plan reads it. */
export interface StackPreview {
  /** deploying would change the stack (resources, or only its parameters or tags) */
  hasChanges: boolean
  /** resource changes the change set lists (0: CloudFormation found no changes) */
  resourceChanges: number
  /** some change removes a resource or replaces it */
  destructive: boolean
}

export interface Facts {
  caller: CallerIdentity
  region: string
  /** undefined: the cluster does not exist */
  cluster?: ClusterInfo
  /** the stacks this tool may own, by name: the Karpenter stack and both controller stacks */
  stacks: Record<string, StackFact>
  /** the Pod Identity association for <namespace>/<serviceAccount>; null: none; undefined: not read */
  association?: ExistingAssociation | null
  /** the EKS endpoint does not serve the Pod Identity API (no association could be looked for) */
  podIdentityApiMissing?: boolean
  /** the IAM OIDC provider for the cluster's issuer; null: none; undefined: not read (Pod Identity) */
  oidcProvider?: string | null
  nodeAccess?: NodeAccessFacts
  /** undefined: not read (install-chart: false, or the cluster could not be reached) */
  releases?: ReleaseFacts
  /** plan only: what CloudFormation says a change set would do to each existing stack (created, described, deleted) */
  stackPreviews?: Record<string, StackPreview>
  /** why the run's nodes include Windows (the file's node groups, the manifests' EC2NodeClasses) */
  windows: string[]
  /** CloudFormation's drift detection on each stack in use that exists, by name (drift); undefined: not read */
  stackDrift?: Record<string, StackDriftFact>
  /** each stack in use as last deployed, by name (drift: the config compared with it); undefined: not read */
  deployedStacks?: Record<string, DeployedStackFact>
  /** the policies attached to the Pod Identity role when it is not the stack's own (drift); undefined: not read */
  controllerRolePolicies?: RolePoliciesFact
  /** facts that could not be read, with why: the plan says what it could not compare */
  unread: Partial<Record<'cluster-api' | 'releases' | 'node-access' | 'stack-drift' | 'deployed-stacks', string>>
}

/** A stack exists (in any state but DELETE_COMPLETE). */
export function stackExists(facts: Pick<Facts, 'stacks'>, name: string): boolean {
  const s = facts.stacks[name]
  return s?.status !== undefined && s.status !== 'DELETE_COMPLETE'
}

/** One drifted resource as drift reports it: a stack's resource, the Helm release, an EKS or IAM object, aws-auth. */
export interface DriftItem {
  /** stack name, or `helm` for the release, `eks` for the association and access entry, `iam`, `kube-system/aws-auth` */
  source: string
  logicalId?: string
  resourceType?: string
  status: string
  /** property path: expected vs actual */
  differences: { path: string; expected?: string; actual?: string; type?: string }[]
}

/** CloudFormation drift detection on one stack (DetectStackDrift, then DescribeStackResourceDrifts): a read. */
export interface StackDriftFact {
  /** IN_SYNC | DRIFTED | UNKNOWN | NOT_CHECKED, or DELETED: the stack was gone when detection started */
  status: string
  /** the MODIFIED and DELETED resources, with expected vs actual per property */
  items: DriftItem[]
  /** detection finished with DETECTION_FAILED: some resources were not checked, and why */
  partialReason?: string
}

/** A stack as last deployed: its parameters and tags (DescribeStacks) and its template body (GetTemplate). */
export interface DeployedStackFact {
  stack: DeployedStack
  templateBody?: string
}

/** The policy ARNs attached to a role; `attached` null: the role does not exist. */
export interface RolePoliciesFact {
  roleArn: string
  attached: string[] | null
}
