// apply's controller-identity half over mocked AWS: auto's choice and where the role comes from (desired state),
// the checks before any change, adoption of someone else's association, and both switch directions in the order
// of SPEC §4 — the new identity before the chart upgrade, the previous one retired after it.
import { describe, it, expect, beforeEach, jest } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import {
  EKSClient,
  ListPodIdentityAssociationsCommand,
  DescribePodIdentityAssociationCommand,
  CreatePodIdentityAssociationCommand,
  UpdatePodIdentityAssociationCommand,
  DeletePodIdentityAssociationCommand,
  DescribeAddonCommand
} from '@aws-sdk/client-eks'
import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation'
import { IAMClient, GetPolicyCommand, ListAttachedRolePoliciesCommand, AttachRolePolicyCommand } from '@aws-sdk/client-iam'
import type { StackOutcome } from '../../../src/report/types.js'
import type { ClusterInfo } from '../../../src/aws/preflight.js'
import { NO_FILES } from '../../../src/modes/run-files.js'

// deleteStackFully is covered by its own tests; here only when it is called matters.
const log: string[] = []
jest.unstable_mockModule('../../../src/cfn/delete.js', () => ({
  deleteStackFully: jest.fn(async (_cfn: unknown, _iam: unknown, name: string): Promise<StackOutcome> => {
    log.push(`DeleteStack ${name}`)
    return { stack: name, action: 'deleted', status: 'DELETE_COMPLETE', changes: [], failures: [] }
  })
}))

const { clusterConfig, inputs } = await import('../../helpers/config.js')
const { emptyReport } = await import('../../../src/report/types.js')
const { outputsOf } = await import('../../../src/report/outputs.js')
const { buildDesiredState } = await import('../../../src/core/desired.js')
const { ConfigError } = await import('../../../src/core/config/diagnostics.js')
const { controllerStackInUse } = await import('../../../src/core/plan/pod-identity-state.js')
const { desiredWithIdentity, prepareIdentity, retirePreviousIdentity } = await import('../../../src/modes/apply-identity.js')
type RunContext = import('../../../src/modes/context.js').RunContext
type AwsClients = import('../../../src/aws/clients.js').AwsClients

const eks = mockClient(EKSClient)
const cfn = mockClient(CloudFormationClient)
const iam = mockClient(IAMClient)

const CLUSTER = 'cluster-with-karpenter'
const ACCOUNT = '111122223333'
const STACK_ROLE = `arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-karpenter`
const IRSA_STACK = `eksctl-${CLUSTER}-addon-iamserviceaccount-karpenter-karpenter`
const POD_STACK = `eksctl-${CLUSTER}-podidentityrole-karpenter-karpenter`
const FOREIGN = `arn:aws:iam::${ACCOUNT}:role/made-by-hand`
const entry = (over: Record<string, unknown> = {}) => ({ namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: [], tags: {}, position: { line: 9, col: 7 }, ...over })
const missingStack = (name: string) => Object.assign(new Error(`Stack with id ${name} does not exist`), { name: 'ValidationError' })
const facts = { accountId: ACCOUNT, partition: 'aws' as const, oidcIssuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC' }
// the same facts as apply reads them: the caller (GetCallerIdentity) and the cluster (DescribeCluster)
const caller = { accountId: ACCOUNT, partition: 'aws' as const, arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/run` }
const clusterInfo = { name: CLUSTER, region: 'us-west-2', status: 'ACTIVE', version: '1.32', oidcIssuer: facts.oidcIssuer } as ClusterInfo

const aws: AwsClients = {
  region: 'us-west-2',
  cfn: async () => cfn as unknown as CloudFormationClient,
  iam: async () => iam as unknown as IAMClient,
  eks: async () => eks as unknown as EKSClient,
  sts: async () => { throw new Error('not used') },
  ec2: async () => { throw new Error('not used') }
}

function context(podIdentity: boolean, installChart = true, over: Record<string, unknown> = {}): RunContext {
  const given = inputs({ mode: 'apply', 'install-chart': installChart ? 'true' : 'false', timeout: '1m' })
  const config = clusterConfig({ podIdentityAssociations: podIdentity ? [entry(over)] : [] })
  return {
    inputs: given,
    config,
    files: NO_FILES, tempDir: '/tmp',
    offline: buildDesiredState(config, given),
    report: emptyReport('apply'),
    signal: new AbortController().signal
  }
}

/** The cluster as found: which stacks exist, which association (if any). */
function cluster(opts: { stacks?: string[]; association?: { roleArn: string; ours: boolean }; agent?: 'ACTIVE' | 'missing' } = {}): void {
  cfn.on(DescribeStacksCommand).callsFake(({ StackName }: { StackName: string }) => {
    if (opts.stacks?.includes(StackName)) return { Stacks: [{ StackName, StackStatus: 'CREATE_COMPLETE', CreationTime: new Date() }] }
    throw missingStack(StackName)
  })
  cfn.on(GetTemplateCommand).resolves({ TemplateBody: '{"Resources":{}}' })
  eks.on(ListPodIdentityAssociationsCommand).resolves({ associations: opts.association ? [{ associationId: 'a-1', namespace: 'karpenter', serviceAccount: 'karpenter' }] : [] })
  if (opts.association) {
    eks.on(DescribePodIdentityAssociationCommand).resolves({ association: { roleArn: opts.association.roleArn, tags: opts.association.ours ? { 'karpenter-provision/managed': 'true' } : {} } })
  }
  if (opts.agent === 'missing') eks.on(DescribeAddonCommand).rejects(Object.assign(new Error('no addon'), { name: 'ResourceNotFoundException' }))
  else eks.on(DescribeAddonCommand).resolves({ addon: { status: 'ACTIVE', addonVersion: 'v1.3.4' } })
  eks.on(CreatePodIdentityAssociationCommand).callsFake(input => {
    log.push(`CreatePodIdentityAssociation ${input.roleArn}`)
    return { association: { associationId: 'a-new' } }
  })
  eks.on(UpdatePodIdentityAssociationCommand).callsFake(input => {
    log.push(`UpdatePodIdentityAssociation ${input.roleArn}`)
    return {}
  })
  eks.on(DeletePodIdentityAssociationCommand).callsFake(input => {
    log.push(`DeletePodIdentityAssociation ${input.associationId}`)
    return {}
  })
  iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] })
  iam.on(AttachRolePolicyCommand).callsFake(input => {
    log.push(`AttachRolePolicy ${input.RoleName} ${input.PolicyArn}`)
    return {}
  })
}

/** apply's order: identity plan → stacks → prepareIdentity → chart upgrade → retirePreviousIdentity. */
async function applyIdentity(ctx: RunContext) {
  const plan = await desiredWithIdentity(ctx, aws, caller, clusterInfo)
  if (controllerStackInUse(plan.desired)) log.push(`deploy ${plan.desired.controllerStack.name}`)
  await prepareIdentity(ctx, aws, plan)
  log.push('chart upgrade')
  await retirePreviousIdentity(ctx, aws, plan)
  return plan
}

beforeEach(() => {
  eks.reset()
  cfn.reset()
  iam.reset()
  log.splice(0)
})

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

describe('before any change', () => {
  it('a missing agent addon refuses the run: no stack, no association', async () => {
    cluster({ agent: 'missing' })
    await expect(desiredWithIdentity(context(true), aws, caller, clusterInfo)).rejects.toThrow(/eksctl create addon --cluster cluster-with-karpenter --name eks-pod-identity-agent/)
    expect(log).toEqual([])
  })

  it('a missing permissionPolicyARNs entry refuses the run', async () => {
    cluster()
    iam.on(GetPolicyCommand).rejects(Object.assign(new Error('no'), { name: 'NoSuchEntityException' }))
    const ctx = context(true, true, { permissionPolicyARNs: ['arn:aws:iam::aws:policy/Nope'] })
    await expect(desiredWithIdentity(ctx, aws, caller, clusterInfo)).rejects.toThrow(/does not exist: arn:aws:iam::aws:policy\/Nope/)
    expect(log).toEqual([])
  })

  it('IRSA never needs the addon, and an endpoint without the Pod Identity API means no association', async () => {
    cluster()
    eks.on(ListPodIdentityAssociationsCommand).rejects(Object.assign(new Error('Not Found'), { name: 'UnknownError', $metadata: { httpStatusCode: 404 } }))
    const plan = await desiredWithIdentity(context(false), aws, caller, clusterInfo)
    expect(plan.state.podIdentityApiMissing).toBe(true)
    expect(plan.state.previous).toBeUndefined()
    expect(eks.commandCalls(DescribeAddonCommand)).toHaveLength(0)
  })
})

describe('the role and the association', () => {
  it('first install: the stack\'s role, one association tagged as ours', async () => {
    cluster()
    const ctx = context(true)
    await applyIdentity(ctx)
    expect(log).toEqual([`deploy ${POD_STACK}`, `CreatePodIdentityAssociation ${STACK_ROLE}`, 'chart upgrade'])
    expect(eks.commandCalls(CreatePodIdentityAssociationCommand)[0].args[0].input.tags).toEqual({ 'karpenter-provision/managed': 'true' })
    expect(ctx.report.changed).toBe(true)
  })

  it('re-run: nothing created, updated or attached', async () => {
    cluster({ association: { roleArn: STACK_ROLE, ours: true } })
    const ctx = context(true)
    await applyIdentity(ctx)
    expect(log).toEqual([`deploy ${POD_STACK}`, 'chart upgrade'])
    expect(ctx.report.changed).toBe(false)
  })

  it('someone else\'s association: its role adopted as it is — no stack, policies attached to it, association untouched', async () => {
    cluster({ association: { roleArn: FOREIGN, ours: false } })
    const ctx = context(true)
    const plan = await applyIdentity(ctx)
    expect(plan.desired.arns.controllerRole).toBe(FOREIGN)
    expect(log).toEqual([`AttachRolePolicy made-by-hand arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-${CLUSTER}`, 'chart upgrade'])
    expect(eks.commandCalls(UpdatePodIdentityAssociationCommand)).toHaveLength(0)
  })

  it('roleARN: no stack, policies attached to the given role, association created for it', async () => {
    cluster()
    const ctx = context(true, true, { roleARN: FOREIGN, roleName: undefined })
    ctx.report.desired = (await applyIdentity(ctx)).desired
    expect(log).toEqual([`AttachRolePolicy made-by-hand arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-${CLUSTER}`, `CreatePodIdentityAssociation ${FOREIGN}`, 'chart upgrade'])
    // no stack: the role is not this tool's to make, and apply names no controller stack
    expect(outputsOf(ctx.report)['controller-stack-name']).toBe('')
  })

  it('our association on another role (roleARN changed): updated to the desired role', async () => {
    cluster({ association: { roleArn: STACK_ROLE, ours: true } })
    const ctx = context(true, true, { roleARN: FOREIGN, roleName: undefined })
    await applyIdentity(ctx)
    expect(log).toContain(`UpdatePodIdentityAssociation ${FOREIGN}`)
  })
})

describe('switching an installed cluster (SPEC §4 order)', () => {
  it('IRSA → Pod Identity: association before the chart upgrade, IRSA stack deleted after it', async () => {
    cluster({ stacks: [IRSA_STACK] })
    const ctx = context(true)
    const plan = await applyIdentity(ctx)
    expect(plan.state.previous).toBe('irsa')
    expect(log).toEqual([`deploy ${POD_STACK}`, `CreatePodIdentityAssociation ${STACK_ROLE}`, 'chart upgrade', `DeleteStack ${IRSA_STACK}`])
    expect(ctx.report.steps.join('\n')).toMatch(/identity switch IRSA → Pod Identity detected[\s\S]*deleted after the chart upgrade/)
  })

  it('Pod Identity → IRSA: IRSA stack before the chart upgrade, association and Pod Identity stack deleted after it', async () => {
    cluster({ stacks: [POD_STACK], association: { roleArn: STACK_ROLE, ours: true } })
    const ctx = context(false)
    const plan = await applyIdentity(ctx)
    expect(plan.state.previous).toBe('pod-identity')
    expect(log).toEqual([`deploy ${IRSA_STACK}`, 'chart upgrade', 'DeletePodIdentityAssociation a-1', `DeleteStack ${POD_STACK}`])
  })

  it('Pod Identity → IRSA with someone else\'s association: it is kept (IRSA takes precedence), nothing retired', async () => {
    cluster({ stacks: [POD_STACK], association: { roleArn: STACK_ROLE, ours: false } })
    const ctx = context(false)
    const plan = await applyIdentity(ctx)
    expect(plan.state.previous).toBeUndefined()
    expect(log).toEqual([`deploy ${IRSA_STACK}`, 'chart upgrade'])
    expect(ctx.report.warnings.join('\n')).toContain('IRSA, which takes precedence')
  })

  it('install-chart: false: the new identity is made, the previous one kept, with a warning for the chart owner', async () => {
    cluster({ stacks: [IRSA_STACK] })
    const ctx = context(true, false)
    await applyIdentity(ctx)
    expect(log).toEqual([`deploy ${POD_STACK}`, `CreatePodIdentityAssociation ${STACK_ROLE}`, 'chart upgrade'])
    expect(ctx.report.warnings.join('\n')).toMatch(/install-chart is false: IRSA \(stack .*\) is left in place/)
  })
})
