// The desired state: everything the executors need, computed purely from the config, the inputs
// and what is known about the account (nothing here does I/O).
import type { NodeAccess } from './inputs.js'

export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov'
export type ControllerIdentity = 'irsa' | 'pod-identity'

/** A CloudFormation template as a plain object (serialised with JSON.stringify). */
export interface CfnTemplate {
  AWSTemplateFormatVersion: '2010-09-09'
  Description: string
  Mappings?: Record<string, unknown>
  Parameters?: Record<string, unknown>
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown>; DependsOn?: string[] }>
  Outputs?: Record<string, unknown>
}

export interface StackSpec {
  name: string
  template: CfnTemplate
  parameters: Record<string, string>
  tags: Record<string, string>
  capabilities: string[]
  terminationProtection: boolean
}

/** Every name this tool derives; core/names.ts is the one place that knows them. */
export interface Names {
  cluster: string
  karpenterStack: string
  irsaStack: string
  podIdentityStack: string
  nodeRole: string
  instanceProfile: string
  /** the first is always eksctl-KarpenterControllerPolicy-<cluster>; more when the policy is split */
  controllerPolicies: string[]
  irsaRole: string
  podIdentityRole: string
  /** set only with withSpotInterruptionQueue */
  interruptionQueue?: string
  namespace: string
  serviceAccount: string
  release: string
  crdRelease: string
}

export interface HelmChartRef {
  /** e.g. oci://public.ecr.aws/karpenter/karpenter */
  chart: string
  /** the tag to pass to --version (v-prefixed before 0.35.0) */
  version: string
}

export interface HelmReleaseSpec {
  release: string
  namespace: string
  chart: HelmChartRef
  /** the CRD chart installed first (karpenter-crd at the same version), when this version has one */
  crdChart?: HelmChartRef
  values: Record<string, unknown>
  timeoutSeconds: number
  /** extra values file applied last (--values), as given */
  valuesFile?: string
}

export interface ServiceAccountSpec {
  namespace: string
  name: string
  /** who creates it: `tool` (createServiceAccount=false, eksctl's meaning) or `chart` */
  createdBy: 'tool' | 'chart'
  /** annotation eks.amazonaws.com/role-arn, absent with Pod Identity */
  roleArn?: string
}

export interface PodIdentitySpec {
  namespace: string
  serviceAccount: string
  /** role to create in the Pod Identity stack, unless roleARN is given or one is adopted */
  roleName: string
  roleArn?: string
  permissionPolicyArns: string[]
  permissionsBoundaryArn?: string
  tags: Record<string, string>
  /**
   * Where the role comes from: `stack` (this tool's Pod Identity stack — also when an existing association
   * already points at that stack's role), `roleARN` (the entry's), `adopted` (an existing association's role,
   * kept as it is). Only with `stack` is the controller stack deployed; otherwise the controller policies are
   * attached to the role directly. Absent means `stack`.
   */
  roleSource?: 'stack' | 'roleARN' | 'adopted'
}

export interface DesiredState {
  partition: Partition
  region: string
  accountId?: string
  names: Names
  /** ARNs known once the account is known (placeholders offline) */
  arns: {
    nodeRole: string
    controllerRole: string
    controllerPolicies: string[]
    interruptionQueue?: string
  }
  karpenterStack: StackSpec
  /**
   * the IRSA stack or the Pod Identity stack, per controllerIdentity. With Pod Identity and a role that is not
   * the stack's (podIdentity.roleSource `roleARN`/`adopted`) it is not deployed (see controllerStackInUse in
   * src/core/plan/pod-identity-state.ts); its name still serves delete, outputs and render.
   */
  controllerStack: StackSpec
  controllerIdentity: ControllerIdentity
  /** why controllerIdentity was chosen, for the summary */
  controllerIdentityReason: string
  podIdentity?: PodIdentitySpec
  serviceAccount: ServiceAccountSpec
  helm: HelmReleaseSpec
  /** the helm argv of apply (without the binary), as written by render to helm-args.json */
  helmArgs: string[]
  nodeAccess: NodeAccess
  karpenterVersion: string
  warnings: string[]
}
