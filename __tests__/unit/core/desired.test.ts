import { describe, expect, it } from '@jest/globals'
import { buildDesiredState } from '../../../src/core/desired.js'
import { ConfigError } from '../../../src/core/config/diagnostics.js'
import { resolveIntrinsics, policySize } from '../../../src/core/templates/resolve.js'
import { IAM_MANAGED_POLICY_MAX_CHARS } from '../../../src/core/templates/policy-pack.js'
import { clusterConfig, inputs } from '../../helpers/config.js'
import { controllerStackInUse } from '../../../src/core/plan/pod-identity-state.js'

// How the whole desired state is put together from the config, the inputs and the facts; each builder's own output
// (templates, names, values, policies) is asserted in the builder's mirrored test file.
describe('buildDesiredState for the settings of examples/cluster-with-karpenter.yaml', () => {
  const d = buildDesiredState(clusterConfig(), inputs())

  it('derives the eksctl names', () => {
    expect(d.names).toMatchObject({
      karpenterStack: 'eksctl-cluster-with-karpenter-karpenter',
      irsaStack: 'eksctl-cluster-with-karpenter-addon-iamserviceaccount-karpenter-karpenter',
      nodeRole: 'eksctl-KarpenterNodeRole-cluster-with-karpenter',
      instanceProfile: 'KarpenterNodeInstanceProfile',
      irsaRole: 'eksctl-cluster-with-karpenter-iamservice-role',
      interruptionQueue: 'cluster-with-karpenter',
      controllerPolicies: ['eksctl-KarpenterControllerPolicy-cluster-with-karpenter']
    })
    expect(d.controllerStack.name).toBe('eksctl-cluster-with-karpenter-addon-iamserviceaccount-karpenter-karpenter')
  })

  it('gives the chart settings.interruptionQueue (never interruptionQueueName), the role annotation, and the bare tag', () => {
    const settings = d.helm.values.settings as Record<string, unknown>
    expect(settings.clusterName).toBe('cluster-with-karpenter')
    expect(settings.interruptionQueue).toBe('cluster-with-karpenter')
    expect(JSON.stringify(d.helm.values)).not.toContain('interruptionQueueName')
    expect(d.helm.values.serviceAccount).toMatchObject({
      create: true,
      name: 'karpenter',
      annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::<account-id>:role/eksctl-cluster-with-karpenter-iamservice-role' }
    })
    expect(d.helm.chart).toEqual({ chart: 'oci://public.ecr.aws/karpenter/karpenter', version: '1.2.1' })
    expect(d.helm.crdChart).toEqual({ chart: 'oci://public.ecr.aws/karpenter/karpenter-crd', version: '1.2.1' })
  })

  it('gives the IRSA stack the cluster’s OIDC issuer and names the controller role in the account (the trust policy: templates/irsa-stack.test.ts)', () => {
    const withIssuer = buildDesiredState(clusterConfig(), inputs({ mode: 'apply' }), { accountId: '111122223333', oidcIssuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC123' })
    const trust = JSON.stringify(withIssuer.controllerStack.template.Resources.Role1!.Properties!.AssumeRolePolicyDocument)
    expect(trust).toContain('"oidc.eks.us-west-2.amazonaws.com/id/ABC123:sub":"system:serviceaccount:karpenter:karpenter"')
    expect(withIssuer.arns.controllerRole).toBe('arn:aws:iam::111122223333:role/eksctl-cluster-with-karpenter-iamservice-role')
  })
  it('leaves the queue out entirely without withSpotInterruptionQueue', () => {
    const noQueue = buildDesiredState(clusterConfig({}, { withSpotInterruptionQueue: false }), inputs())
    expect(noQueue.names.interruptionQueue).toBeUndefined()
    expect(JSON.stringify(noQueue.karpenterStack.template)).not.toMatch(/SQS|Events::Rule|sqs:/)
    expect((noQueue.helm.values.settings as Record<string, unknown>).interruptionQueue).toBeUndefined()
  })

  it('uses the eksctl default instance profile name when none is given', () => {
    expect(buildDesiredState(clusterConfig({}, { defaultInstanceProfile: undefined }), inputs()).names.instanceProfile).toBe(
      'eksctl-KarpenterNodeInstanceProfile-cluster-with-karpenter'
    )
  })

  it('uses partition-aware ARNs in China and GovCloud', () => {
    const cn = buildDesiredState(clusterConfig({ region: 'cn-north-1' }), inputs(), { accountId: '111122223333' })
    expect(cn.partition).toBe('aws-cn')
    expect(cn.arns.nodeRole).toBe('arn:aws-cn:iam::111122223333:role/eksctl-KarpenterNodeRole-cluster-with-karpenter')
    expect(buildDesiredState(clusterConfig({ region: 'us-gov-west-1' }), inputs()).partition).toBe('aws-us-gov')
  })
})

describe('version bands', () => {
  it('0.31.x uses the settings.aws.* layout', () => {
    const d = buildDesiredState(clusterConfig({ kubernetesVersion: '1.27' }, { version: '0.31.4' }), inputs())
    const aws = (d.helm.values.settings as Record<string, Record<string, unknown>>).aws
    expect(aws).toMatchObject({ clusterName: 'cluster-with-karpenter', defaultInstanceProfile: 'KarpenterNodeInstanceProfile', interruptionQueueName: 'cluster-with-karpenter' })
    expect(d.helm.chart.version).toBe('v0.31.4')
  })
  it('0.34.x gets the v-prefixed tag, 0.35 and 1.x the bare one', () => {
    expect(buildDesiredState(clusterConfig({ kubernetesVersion: '1.29' }, { version: '0.34.5' }), inputs()).helm.chart.version).toBe('v0.34.5')
    expect(buildDesiredState(clusterConfig({ kubernetesVersion: '1.29' }, { version: 'v0.35.0' }), inputs()).helm.chart.version).toBe('0.35.0')
    expect(buildDesiredState(clusterConfig(), inputs()).helm.chart.version).toBe('1.2.1')
  })
})

describe('controller policy size', () => {
  const longName = 'a-39-character-cluster-name-for-testing' // the longest that keeps the node role ≤ 64
  it.each(['0.28.1', '0.32.10', '0.37.7', '1.0.8', '1.8.0', '1.12.0', '1.14.1'])(
    'Karpenter %s: every managed policy stays under 6,144 characters for a 39-character name in GovCloud',
    version => {
      expect(longName).toHaveLength(39)
      const d = buildDesiredState(clusterConfig({ name: longName, region: 'us-gov-west-1', kubernetesVersion: '1.28' }, { version, defaultInstanceProfile: undefined }), inputs(), { accountId: '111122223333' })
      const policies = Object.values(d.karpenterStack.template.Resources).filter(r => r.Type === 'AWS::IAM::ManagedPolicy')
      expect(policies.length).toBe(d.names.controllerPolicies.length)
      expect(d.names.controllerPolicies[0]).toBe(`eksctl-KarpenterControllerPolicy-${longName}`)
      for (const p of policies) {
        const resolved = resolveIntrinsics(p.Properties!.PolicyDocument, {
          partition: 'aws-us-gov', region: 'us-gov-west-1', accountId: '111122223333', stackName: d.names.karpenterStack,
          attributes: { 'KarpenterNodeRole.Arn': d.arns.nodeRole, 'KarpenterInterruptionQueue.Arn': d.arns.interruptionQueue! }
        })
        expect(policySize(resolved)).toBeLessThanOrEqual(IAM_MANAGED_POLICY_MAX_CHARS)
      }
      // every split policy is attached to the controller role
      expect(d.controllerStack.template.Resources.Role1.Properties!.ManagedPolicyArns).toHaveLength(d.names.controllerPolicies.length)
    }
  )
})

describe('derived names that do not fit AWS', () => {
  it('refuses a 40-character cluster name: the node role would pass 64 characters', () => {
    const name = 'x'.repeat(40)
    expect(() => buildDesiredState(clusterConfig({ name }), inputs())).toThrow(ConfigError)
    try {
      buildDesiredState(clusterConfig({ name }), inputs())
    } catch (e) {
      const ds = (e as ConfigError).diagnostics
      expect(ds.map(x => x.path)).toContain('metadata.name')
      expect(ds.find(x => x.got === `eksctl-KarpenterNodeRole-${name}`)?.message).toContain('is 65 characters; AWS allows at most 64')
      expect(ds[0]).toMatchObject({ file: 'clusters/test.yaml', line: 4, col: 9 })
    }
  })
  it('refuses an underscore: CloudFormation stack names allow only letters, digits and hyphens', () => {
    expect(() => buildDesiredState(clusterConfig({ name: 'my_cluster' }), inputs())).toThrow(/CloudFormation stack name "eksctl-my_cluster-karpenter" has characters AWS does not allow/)
  })
})

// The controller identity: auto's choice, where the role comes from, and the Fargate refusal. What apply then does
// with it is apply-plan.test.ts's (pure) and integration/pod-identity.test.ts's.
const ID_CLUSTER = 'cluster-with-karpenter'
const ID_ACCOUNT = '111122223333'
const STACK_ROLE = `arn:aws:iam::${ID_ACCOUNT}:role/${ID_CLUSTER}-karpenter`
const FOREIGN = `arn:aws:iam::${ID_ACCOUNT}:role/made-by-hand`
const entry = (over: Record<string, unknown> = {}) => ({ namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: [], tags: {}, position: { line: 9, col: 7 }, ...over })
const facts = { accountId: ID_ACCOUNT, partition: 'aws' as const, oidcIssuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC' }

function context(podIdentity: boolean, installChart = true, over: Record<string, unknown> = {}) {
  const given = inputs({ mode: 'apply', 'install-chart': installChart ? 'true' : 'false', timeout: '1m' })
  return { inputs: given, config: clusterConfig({ podIdentityAssociations: podIdentity ? [entry(over)] : [] }) }
}

describe('desired state: which identity, which role', () => {
  it('auto: Pod Identity with an entry for <namespace>/karpenter, else IRSA; the reason says so', () => {
    const pod = buildDesiredState(context(true).config, context(true).inputs, facts)
    expect(pod.controllerIdentity).toBe('pod-identity')
    expect(pod.controllerIdentityReason).toContain('iam.podIdentityAssociations has an entry for karpenter/karpenter')
    const irsa = buildDesiredState(context(false).config, context(false).inputs, facts)
    expect(irsa.controllerIdentity).toBe('irsa')
    expect(irsa.controllerIdentityReason).toContain('has no entry for karpenter/karpenter')
    expect(irsa.helm.values.podAnnotations).toBeUndefined()
    expect(pod.helm.values.podAnnotations).toEqual({ 'karpenter-provision/controller-identity': 'pod-identity' })
  })

  it('role: the stack\'s by default, the entry\'s roleARN, or an adopted one (the stack\'s own role is still the stack\'s)', () => {
    const ctx = context(true)
    const stack = buildDesiredState(ctx.config, ctx.inputs, facts)
    expect(stack.podIdentity?.roleSource).toBe('stack')
    expect(stack.arns.controllerRole).toBe(STACK_ROLE)
    const withArn = context(true, true, { roleARN: FOREIGN, roleName: undefined })
    const given = buildDesiredState(withArn.config, withArn.inputs, facts)
    expect(given.podIdentity?.roleSource).toBe('roleARN')
    expect(given.arns.controllerRole).toBe(FOREIGN)
    expect(controllerStackInUse(given)).toBe(false)
    expect(buildDesiredState(ctx.config, ctx.inputs, { ...facts, podIdentityRoleArn: FOREIGN }).podIdentity?.roleSource).toBe('adopted')
    expect(buildDesiredState(ctx.config, ctx.inputs, { ...facts, podIdentityRoleArn: STACK_ROLE }).podIdentity?.roleSource).toBe('stack')
  })

  it('a Fargate profile selecting the namespace is a config error that says to use IRSA', () => {
    const ctx = context(true)
    ctx.config.fargateProfiles = [{ name: 'fp', namespaces: ['karp*'], position: { line: 20, col: 5 } }] as typeof ctx.config.fargateProfiles
    expect(() => buildDesiredState(ctx.config, ctx.inputs, facts)).toThrow(ConfigError)
    expect(() => buildDesiredState(ctx.config, ctx.inputs, facts)).toThrow(/use IRSA/)
  })
})

