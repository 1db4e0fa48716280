// The desired state's controller identity (src/core/desired.ts): auto's choice, where the role comes from, and the
// Fargate refusal. What apply then does with it is apply-plan.test.ts's (pure) and integration/pod-identity.test.ts's.
import { describe, it, expect } from '@jest/globals'
import { clusterConfig, inputs } from '../../helpers/config.js'
import { buildDesiredState } from '../../../src/core/desired.js'
import { ConfigError } from '../../../src/core/config/diagnostics.js'
import { controllerStackInUse } from '../../../src/core/plan/pod-identity-state.js'

const CLUSTER = 'cluster-with-karpenter'
const ACCOUNT = '111122223333'
const STACK_ROLE = `arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-karpenter`
const FOREIGN = `arn:aws:iam::${ACCOUNT}:role/made-by-hand`
const entry = (over: Record<string, unknown> = {}) => ({ namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: [], tags: {}, position: { line: 9, col: 7 }, ...over })
const facts = { accountId: ACCOUNT, partition: 'aws' as const, oidcIssuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC' }

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

