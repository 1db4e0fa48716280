// The controller on EKS Pod Identity, run as a runner runs the action (dist/index.js; `npm run build` first), against
// moto behind the EKS stand-in (test/harness/eks-standin.ts): moto answers 404 for the Pod Identity and addon APIs
// (SPEC §7), so the association and the agent addon are verified against the stand-in only; IAM and
// CloudFormation are moto's. moto gaps met here are asserted as known limits, not hidden.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { IAMClient, GetRoleCommand, CreateRoleCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam'
import { CloudFormationClient, DescribeStacksCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation'
import { EKSClient, DeleteClusterCommand } from '@aws-sdk/client-eks'
import { startMoto, type Moto } from '../../test/harness/moto.js'
import { startOidc, type OidcServer } from '../../test/harness/oidc.js'
import { startEksStandin, type EksStandin } from '../../test/harness/eks-standin.js'
import { runAction, makeWorkspace, REPO_ROOT, type ActionResult } from '../../test/harness/run-action.js'
import { renderDeployerPolicies, requestsOf, changesSomething, type Call } from '../../test/harness/deployer-check.js'
import { evaluate, explainRequest as said } from '../../test/harness/iam-requests.js'

const CLUSTER = 'pod-identity-cluster'
const REGION = 'us-west-2'
const ACCOUNT = '123456789012'
const FAKE_SECRET = 'fake-secret-access-key-for-tests'
const ROLE = `${CLUSTER}-karpenter`
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/${ROLE}`
const POLICY_ARN = `arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-${CLUSTER}`
const stacks = {
  karpenter: `eksctl-${CLUSTER}-karpenter`,
  podIdentity: `eksctl-${CLUSTER}-podidentityrole-karpenter-karpenter`,
  irsa: `eksctl-${CLUSTER}-addon-iamserviceaccount-karpenter-karpenter`
}

let moto: Moto
let oidc: OidcServer
let standin: EksStandin
let example: string

const clientConfig = () => ({ region: REGION, endpoint: moto.directEndpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: FAKE_SECRET } })
const iam = () => new IAMClient(clientConfig())

/** every run with the AWS calls it made (moto's and the stand-in's), for the deployer policy */
const runLog: { mode: string; workspace: string; calls: Call[] }[] = []

async function run(mode: string, workspace: string, extra: Record<string, string> = {}): Promise<ActionResult> {
  const [m0, s0] = [moto.calls.length, standin.calls.length]
  const r = await runOnce(mode, workspace, extra)
  runLog.push({ mode, workspace, calls: [...moto.calls.slice(m0), ...standin.calls.slice(s0)] })
  return r
}

async function runOnce(mode: string, workspace: string, extra: Record<string, string> = {}): Promise<ActionResult> {
  return runAction({
    workspace,
    inputs: {
      'cluster-config': 'cluster.yaml',
      mode,
      'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/karpenter-deployer`,
      'install-chart': 'false',
      'node-access': 'none',
      timeout: '2m',
      ...extra
    },
    awsEndpoint: standin.endpoint,
    oidc: { url: oidc.url, token: oidc.requestToken },
    env: { AWS_ACCESS_KEY_ID: 'AKIAFAKE', AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_REGION: REGION },
    timeoutMs: 150_000
  })
}

function ok(r: ActionResult, what: string): void {
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}):\n${r.stdout}\n${r.stderr}`)
}

async function stackStatus(name: string): Promise<string> {
  try {
    const r = await new CloudFormationClient(clientConfig()).send(new DescribeStacksCommand({ StackName: name }))
    return r.Stacks?.[0]?.StackStatus ?? 'ABSENT'
  } catch (err) {
    if (/does not exist/.test((err as Error).message)) return 'ABSENT'
    throw err
  }
}

async function attached(role: string): Promise<string[]> {
  const r = await iam().send(new ListAttachedRolePoliciesCommand({ RoleName: role }))
  return (r.AttachedPolicies ?? []).map(p => p.PolicyArn ?? '')
}

async function fresh(): Promise<void> {
  await moto.reset()
  standin.reset()
  await moto.cluster({ name: CLUSTER, region: REGION, version: '1.32' })
  moto.resetCalls()
}

beforeAll(async () => {
  moto = await startMoto()
  oidc = await startOidc()
  standin = await startEksStandin(moto.endpoint)
  example = await readFile(join(REPO_ROOT, 'examples', 'pod-identity.yaml'), 'utf8')
}, 120_000)

afterAll(async () => {
  await standin?.stop()
  await oidc?.stop()
  await moto?.stop()
})

let mainWorkspace = ''
const switchWorkspaces: string[] = []

describe('Pod Identity with examples/pod-identity.yaml: apply, re-apply, plan, drift, delete', () => {
  let workspace: string
  let first: ActionResult
  let second: ActionResult
  beforeAll(async () => {
    await fresh()
    workspace = mainWorkspace = await makeWorkspace({ 'cluster.yaml': example })
    first = await run('apply', workspace)
    moto.resetCalls()
    second = await run('apply', workspace)
  }, 400_000)

  it('apply succeeds and says which identity and why', () => {
    ok(first, 'apply')
    expect(first.outputs['controller-identity']).toBe('pod-identity')
    expect(first.outputs['controller-role-name']).toBe(ROLE)
    expect(first.outputs['controller-role-arn']).toBe(ROLE_ARN)
    expect(first.outputs['controller-stack-name']).toBe(stacks.podIdentity)
    expect(first.summary).toContain('iam.podIdentityAssociations has an entry for karpenter/karpenter')
    expect(first.summary).toMatch(/Pod Identity association a-[0-9a-f]+ created for karpenter\/karpenter/)
  })

  it('the role exists in moto, trusted by pods.eks.amazonaws.com for sts:AssumeRole and sts:TagSession, with the controller policy', async () => {
    const role = await iam().send(new GetRoleCommand({ RoleName: ROLE }))
    const trust = JSON.parse(decodeURIComponent(role.Role?.AssumeRolePolicyDocument ?? '{}')) as { Statement: { Principal: { Service: string | string[] }; Action: string | string[] }[] }
    expect(trust.Statement).toHaveLength(1)
    expect([trust.Statement[0].Principal.Service].flat()).toEqual(['pods.eks.amazonaws.com'])
    expect([trust.Statement[0].Action].flat().sort()).toEqual(['sts:AssumeRole', 'sts:TagSession'])
    expect(await stackStatus(stacks.podIdentity)).toBe('CREATE_COMPLETE')
    expect(await stackStatus(stacks.irsa)).toBe('ABSENT')
    // The stack's role lists the controller policy; moto's AWS::IAM::Role ignores ManagedPolicyArns (SPEC §7),
    // so the template is the evidence, and the gap is asserted rather than papered over.
    const template = await new CloudFormationClient(clientConfig()).send(new GetTemplateCommand({ StackName: stacks.podIdentity }))
    expect(template.TemplateBody).toContain(`eksctl-KarpenterControllerPolicy-${CLUSTER}`)
    expect(await attached(ROLE)).toEqual([])
  })

  it('the stand-in saw exactly one association, tagged as this tool\'s, for karpenter/karpenter → the role', () => {
    expect(standin.count('CreatePodIdentityAssociation')).toBe(1)
    const all = standin.associations()
    expect(all).toHaveLength(1)
    expect(all[0]).toMatchObject({ clusterName: CLUSTER, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: ROLE_ARN })
    expect(all[0].tags['karpenter-provision/managed']).toBe('true')
  })

  it('a re-run changes nothing: no change set executed, no second association, no update', () => {
    ok(second, 're-apply')
    expect(moto.count('CreateChangeSet')).toBe(0)
    expect(moto.count('ExecuteChangeSet')).toBe(0)
    expect(standin.count('CreatePodIdentityAssociation')).toBe(1)
    expect(standin.count('UpdatePodIdentityAssociation')).toBe(0)
    expect(second.stdout).toContain('apply: done, nothing to change.')
    expect(second.summary).toMatch(/Pod Identity association a-[0-9a-f]+ for karpenter\/karpenter → .*: unchanged/)
  })

  it('plan: no changes, the association shown as it is', async () => {
    const plan = await run('plan', workspace)
    ok(plan, 'plan')
    expect(plan.outputs['has-changes']).toBe('false')
    expect(plan.summary).toMatch(/Pod Identity association a-[0-9a-f]+ for karpenter\/karpenter → .*: no changes/)
    expect(standin.count('CreatePodIdentityAssociation')).toBe(1)
  }, 200_000)

  it('plan after the association was removed by hand: would create it; drift reports it missing (before the known moto drift gap)', async () => {
    const id = standin.associations()[0].associationId
    await fetch(`${standin.endpoint}/clusters/${CLUSTER}/pod-identity-associations/${id}`, { method: 'DELETE' })
    const plan = await run('plan', workspace)
    ok(plan, 'plan')
    expect(plan.outputs['has-changes']).toBe('true')
    expect(plan.summary).toContain('Pod Identity association for karpenter/karpenter: would be created')
    const drift = await run('drift', workspace)
    // moto has no CloudFormation drift detection (SPEC §7): the run fails with that clear error, and the
    // association part, checked first, is in the summary.
    expect(drift.code).not.toBe(0)
    expect(drift.summary).toContain('PodIdentityAssociation karpenter/karpenter DELETED')
    expect(drift.summary).toContain('drift detection is not available')
    // put it back for delete
    ok(await run('apply', workspace), 'apply again')
    expect(standin.associations()).toHaveLength(1)
  }, 400_000)

  it('delete leaves neither the association nor the stacks', async () => {
    const before = standin.count('DeletePodIdentityAssociation')
    const del = await run('delete', workspace)
    ok(del, 'delete')
    expect(standin.associations()).toHaveLength(0)
    expect(standin.count('DeletePodIdentityAssociation') - before).toBe(1)
    expect(await stackStatus(stacks.podIdentity)).toBe('ABSENT')
    expect(await stackStatus(stacks.karpenter)).toBe('ABSENT')
    const again = await run('delete', workspace)
    ok(again, 'second delete')
    expect(again.summary).toContain('Pod Identity association for karpenter/karpenter: none found')
  }, 400_000)
})

describe('Pod Identity: an association someone else made is adopted as it is', () => {
  const FOREIGN = 'team-made-karpenter-role'
  const FOREIGN_ARN = `arn:aws:iam::${ACCOUNT}:role/${FOREIGN}`
  let workspace: string
  let apply: ActionResult
  beforeAll(async () => {
    await fresh()
    await iam().send(
      new CreateRoleCommand({
        RoleName: FOREIGN,
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] })
      })
    )
    standin.seedAssociation({ clusterName: CLUSTER, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: FOREIGN_ARN })
    workspace = await makeWorkspace({ 'cluster.yaml': example })
    apply = await run('apply', workspace)
  }, 300_000)

  it('uses its role: no Pod Identity stack, the controller policy attached to that role, the association untouched', async () => {
    ok(apply, 'apply')
    expect(apply.outputs['controller-role-arn']).toBe(FOREIGN_ARN)
    expect(apply.outputs['controller-role-name']).toBe(FOREIGN)
    expect(apply.outputs['controller-stack-name']).toBe('')
    expect(await stackStatus(stacks.podIdentity)).toBe('ABSENT')
    expect(await attached(FOREIGN)).toContain(POLICY_ARN)
    expect(standin.count('CreatePodIdentityAssociation')).toBe(0)
    expect(standin.count('UpdatePodIdentityAssociation')).toBe(0)
    expect(standin.associations()[0].roleArn).toBe(FOREIGN_ARN)
  })

  it('delete keeps the association and the role, detaching only the controller policy', async () => {
    const del = await run('delete', workspace)
    ok(del, 'delete')
    expect(standin.associations()).toHaveLength(1)
    expect(await attached(FOREIGN)).not.toContain(POLICY_ARN)
    await expect(iam().send(new GetRoleCommand({ RoleName: FOREIGN }))).resolves.toBeDefined()
    expect(await stackStatus(stacks.karpenter)).toBe('ABSENT')
  }, 300_000)
})

describe('Pod Identity refused before any change', () => {
  it('without the eks-pod-identity-agent addon: the error names the fix, and nothing is created', async () => {
    await fresh()
    standin.setAgent('missing')
    const workspace = await makeWorkspace({ 'cluster.yaml': example })
    const r = await run('apply', workspace)
    expect(r.code).not.toBe(0)
    expect(r.stdout).toContain('addons: [{name: eks-pod-identity-agent}]')
    expect(r.stdout).toContain(`eksctl create addon --cluster ${CLUSTER} --name eks-pod-identity-agent`)
    expect(moto.count('CreateChangeSet')).toBe(0)
    expect(standin.count('CreatePodIdentityAssociation')).toBe(0)
  }, 200_000)

  it('with a permissionPolicyARNs entry that does not exist', async () => {
    await fresh()
    const missing = `arn:aws:iam::${ACCOUNT}:policy/does-not-exist`
    const config = example.replace('roleName: pod-identity-cluster-karpenter', `roleName: pod-identity-cluster-karpenter\n      permissionPolicyARNs: ["arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess", "${missing}"]`)
    expect(config).toContain(missing)
    const r = await run('apply', await makeWorkspace({ 'cluster.yaml': config }))
    expect(r.code).not.toBe(0)
    expect(r.stdout).toContain(`this policy does not exist: ${missing}`)
    expect(moto.count('CreateChangeSet')).toBe(0)
  }, 200_000)
})

describe('switching IRSA → Pod Identity with install-chart: false', () => {
  it('makes the association, keeps the IRSA stack and warns that the chart owner must switch first', async () => {
    await fresh()
    await moto.cluster({ name: CLUSTER, region: REGION, issuer: `https://oidc.eks.${REGION}.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF` })
    const irsaConfig = example.replace(/iam:\n  podIdentityAssociations:[\s\S]*?\n\n/, 'iam:\n  withOIDC: true\n\n')
    expect(irsaConfig).not.toMatch(/^\s+podIdentityAssociations:/m)
    const workspace = await makeWorkspace({ 'cluster.yaml': irsaConfig })
    switchWorkspaces.push(workspace)
    const irsa = await run('apply', workspace)
    ok(irsa, 'IRSA apply')
    expect(irsa.outputs['controller-identity']).toBe('irsa')
    expect(await stackStatus(stacks.irsa)).toBe('CREATE_COMPLETE')

    const piWorkspace = await makeWorkspace({ 'cluster.yaml': example })
    switchWorkspaces.push(piWorkspace)
    const pi = await run('apply', piWorkspace)
    ok(pi, 'Pod Identity apply')
    expect(pi.outputs['controller-identity']).toBe('pod-identity')
    expect(pi.summary).toContain('identity switch IRSA → Pod Identity detected')
    expect(standin.associations()).toHaveLength(1)
    expect(await stackStatus(stacks.irsa)).toBe('CREATE_COMPLETE')
    expect(pi.stdout).toMatch(/install-chart is false: IRSA \(stack eksctl-pod-identity-cluster-addon-iamserviceaccount-karpenter-karpenter\) is left in place/)
  }, 400_000)

  it('delete before the switch finished removes what both identities left: the association, both controller stacks, the Karpenter stack', async () => {
    const del = await run('delete', switchWorkspaces[1])
    ok(del, 'delete')
    expect(standin.associations()).toHaveLength(0)
    expect(await stackStatus(stacks.podIdentity)).toBe('ABSENT')
    expect(await stackStatus(stacks.irsa)).toBe('ABSENT')
    expect(await stackStatus(stacks.karpenter)).toBe('ABSENT')
    expect(del.summary).toContain(`stack ${stacks.irsa}: deleted`)
  }, 400_000)
})

describe('Pod Identity with roleARN, on a cluster deleted before its Karpenter', () => {
  const GIVEN = 'team-given-karpenter-role'
  it('delete still detaches the controller policies from the given role (else the Karpenter stack could not delete them)', async () => {
    await fresh()
    await iam().send(
      new CreateRoleCommand({
        RoleName: GIVEN,
        AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] })
      })
    )
    const config = example.replace('roleName: pod-identity-cluster-karpenter', `roleARN: arn:aws:iam::${ACCOUNT}:role/${GIVEN}`)
    expect(config).toContain(`roleARN: arn:aws:iam::${ACCOUNT}:role/${GIVEN}`)
    const workspace = await makeWorkspace({ 'cluster.yaml': config })
    ok(await run('apply', workspace), 'apply')
    expect(await attached(GIVEN)).toContain(POLICY_ARN)
    await new EKSClient(clientConfig()).send(new DeleteClusterCommand({ name: CLUSTER }))

    const del = await run('delete', workspace)
    ok(del, 'delete')
    expect(del.summary).toContain(`cluster ${CLUSTER} not found in ${REGION}`)
    expect(await attached(GIVEN)).not.toContain(POLICY_ARN)
    expect(del.summary).toContain(`Pod Identity role arn:aws:iam::${ACCOUNT}:role/${GIVEN}: detached ${POLICY_ARN}`)
    await expect(iam().send(new GetRoleCommand({ RoleName: GIVEN }))).resolves.toBeDefined()
    expect(await stackStatus(stacks.karpenter)).toBe('ABSENT')
  }, 400_000)
})

describe('the deployer policy (render --account) against every AWS call of these runs (moto and the stand-in)', () => {
  const env = { partition: 'aws', region: REGION, account: ACCOUNT }
  const flags = { 'node-access': 'none', 'install-chart': 'false' }
  const allowedBy = async (policies: unknown[], calls: Call[]) => (await evaluate(policies, requestsOf(calls, env), ACCOUNT)).filter(e => e.verdict !== 'Allowed').map(said)

  it('examples/pod-identity.yaml: apply allows apply and delete, read-only allows plan and drift and denies what changes', async () => {
    const policies = await renderDeployerPolicies(mainWorkspace, 'cluster.yaml', ACCOUNT, flags)
    const runs = runLog.filter(r => r.workspace === mainWorkspace)
    const changing = runs.filter(r => r.mode === 'apply' || r.mode === 'delete').flatMap(r => r.calls)
    const reading = runs.filter(r => r.mode === 'plan' || r.mode === 'drift').flatMap(r => r.calls)
    expect(requestsOf(changing, env).map(r => r.action)).toEqual(
      expect.arrayContaining(['eks:CreatePodIdentityAssociation', 'iam:PassRole', 'eks:DeletePodIdentityAssociation', 'eks:DescribeAddon'])
    )
    expect(await allowedBy(policies.apply, [...changing, ...reading])).toEqual([])
    expect(await allowedBy(policies.readOnly, reading)).toEqual([])
    const mutations = requestsOf(changing, env).filter(r => changesSomething(r.operation))
    expect(mutations.length).toBeGreaterThan(5)
    expect((await evaluate(policies.readOnly, mutations, ACCOUNT)).filter(e => e.verdict === 'Allowed').map(said)).toEqual([])
  }, 120_000)

  it('the IRSA → Pod Identity switch: each apply is allowed by the policy of its own file', async () => {
    expect(switchWorkspaces).toHaveLength(2)
    for (const workspace of switchWorkspaces) {
      const policies = await renderDeployerPolicies(workspace, 'cluster.yaml', ACCOUNT, flags)
      const calls = runLog.filter(r => r.workspace === workspace).flatMap(r => r.calls)
      expect(calls.length).toBeGreaterThan(5)
      expect(await allowedBy(policies.apply, calls)).toEqual([])
    }
  }, 120_000)
})

describe('the deployer policy with node access by access entry (the stand-in serves access entries)', () => {
  it('apply and delete with node-access: access-entry are allowed by apply; read-only denies their changes', async () => {
    await fresh()
    await moto.cluster({ name: CLUSTER, region: REGION, version: '1.32', authenticationMode: 'API' })
    const workspace = await makeWorkspace({ 'cluster.yaml': example })
    ok(await run('apply', workspace, { 'node-access': 'access-entry' }), 'apply')
    expect(standin.accessEntries()).toEqual([expect.objectContaining({ clusterName: CLUSTER, principalArn: `arn:aws:iam::${ACCOUNT}:role/eksctl-KarpenterNodeRole-${CLUSTER}` })])
    ok(await run('delete', workspace, { 'node-access': 'access-entry' }), 'delete')
    const env = { partition: 'aws', region: REGION, account: ACCOUNT }
    const requests = requestsOf(runLog.filter(r => r.workspace === workspace).flatMap(r => r.calls), env)
    expect(requests.map(r => r.action)).toEqual(expect.arrayContaining(['eks:CreateAccessEntry', 'eks:DeleteAccessEntry']))
    const policies = await renderDeployerPolicies(workspace, 'cluster.yaml', ACCOUNT, { 'node-access': 'access-entry', 'install-chart': 'false' })
    expect((await evaluate(policies.apply, requests, ACCOUNT)).filter(e => e.verdict !== 'Allowed').map(said)).toEqual([])
    const changing = requests.filter(r => changesSomething(r.operation))
    expect((await evaluate(policies.readOnly, changing, ACCOUNT)).filter(e => e.verdict === 'Allowed').map(said)).toEqual([])
    // the node role's entry only: another principal's entry is denied
    const other = { action: 'eks:CreateAccessEntry', resource: `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${CLUSTER}`, context: { 'eks:principalArn': `arn:aws:iam::${ACCOUNT}:role/admin` }, from: 'test' }
    expect((await evaluate(policies.apply, [other], ACCOUNT))[0].verdict).toBe('ImplicitlyDenied')
  }, 300_000)
})
