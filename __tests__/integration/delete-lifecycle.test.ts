// plan, drift and delete against moto, run as a runner runs the action (dist/index.js; `npm run build` first —
// KARPENTER_PROVISION_ENTRY may point at another bundle). install-chart: false and node-access: none: moto has
// no Kubernetes API. moto gaps met here (SPEC §7) are asserted as known limits, not hidden.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { IAMClient, GetRoleCommand, AttachRolePolicyCommand } from '@aws-sdk/client-iam'
import { SQSClient, GetQueueUrlCommand } from '@aws-sdk/client-sqs'
import { CloudFormationClient, DescribeStacksCommand, ListChangeSetsCommand } from '@aws-sdk/client-cloudformation'
import { EC2Client, DescribeImagesCommand, RunInstancesCommand, DescribeInstancesCommand } from '@aws-sdk/client-ec2'
import { EKSClient, DescribeClusterCommand, DeleteClusterCommand } from '@aws-sdk/client-eks'
import { createServer } from 'node:net'
import { startMoto, type Moto } from '../../test/harness/moto.js'
import { startOidc, type OidcServer } from '../../test/harness/oidc.js'
import { runAction, makeWorkspace, type ActionResult } from '../../test/harness/run-action.js'
import { renderDeployerPolicies, requestsOf, changesSomething, type Call } from '../../test/harness/deployer-check.js'
import { evaluate, explainRequest as said } from '../../test/harness/iam-requests.js'

const CLUSTER = 'preview-pr-42'
const REGION = 'us-west-2'
const ACCOUNT = '123456789012'
const config = (queue: boolean, cluster = CLUSTER): string => `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ${cluster}
  region: ${REGION}
  version: '1.32'
iam:
  withOIDC: true
karpenter:
  version: '1.2.1'
  withSpotInterruptionQueue: ${queue}
`
const SECRET = 'fake-secret-access-key-for-tests'
/** a cluster deleted before its preview environment is */
const GONE = 'preview-pr-43'
const names = {
  karpenterStack: `eksctl-${CLUSTER}-karpenter`,
  irsaStack: `eksctl-${CLUSTER}-addon-iamserviceaccount-karpenter-karpenter`,
  nodeRole: `eksctl-KarpenterNodeRole-${CLUSTER}`,
  irsaRole: `eksctl-${CLUSTER}-iamservice-role`,
  policyArn: `arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-${CLUSTER}`
}

let moto: Moto
let oidc: OidcServer
let workspace: string
/** every AWS call of each run, with its request (for the deployer policy) */
const runCalls: Record<string, Call[]> = {}
const clientConfig = () => ({ region: REGION, endpoint: moto.directEndpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: SECRET } })

function run(mode: string, file: string, extra: Record<string, string> = {}): Promise<ActionResult> {
  return runAction({
    workspace,
    entry: process.env.KARPENTER_PROVISION_ENTRY || undefined,
    inputs: { 'cluster-config': file, mode, 'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/deployer`, 'install-chart': 'false', 'node-access': 'none', timeout: '2m', ...extra },
    awsEndpoint: moto.endpoint,
    oidc: { url: oidc.url, token: oidc.requestToken },
    env: { AWS_ACCESS_KEY_ID: 'AKIAFAKE', AWS_SECRET_ACCESS_KEY: SECRET, AWS_REGION: REGION },
    timeoutMs: 150_000
  })
}

/** A port on 127.0.0.1 that nothing listens on: connecting to it is refused at once. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>(resolve => server.close(() => resolve()))
  return port
}

function ok(r: ActionResult, what: string): void {
  if (r.code !== 0) throw new Error(`${what} failed (${r.code}):\n${r.stdout}\n${r.stderr}`)
}

async function stackExists(name: string): Promise<boolean> {
  const cfn = new CloudFormationClient(clientConfig())
  try {
    const s = await cfn.send(new DescribeStacksCommand({ StackName: name }))
    return (s.Stacks ?? []).some(x => x.StackStatus !== 'DELETE_COMPLETE')
  } catch {
    return false
  } finally {
    cfn.destroy()
  }
}

async function roleExists(name: string): Promise<boolean> {
  const iam = new IAMClient(clientConfig())
  try {
    await iam.send(new GetRoleCommand({ RoleName: name }))
    return true
  } catch {
    return false
  } finally {
    iam.destroy()
  }
}

async function launch(ec2: EC2Client, tags: Record<string, string>): Promise<string> {
  const images = await ec2.send(new DescribeImagesCommand({}))
  const out = await ec2.send(
    new RunInstancesCommand({
      ImageId: images.Images?.[0]?.ImageId ?? 'ami-12c6146b',
      MinCount: 1,
      MaxCount: 1,
      InstanceType: 't3.micro',
      TagSpecifications: [{ ResourceType: 'instance', Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) }]
    })
  )
  return out.Instances?.[0]?.InstanceId ?? ''
}

async function stateOf(ec2: EC2Client, id: string): Promise<string | undefined> {
  const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [id] }))
  return out.Reservations?.[0]?.Instances?.[0]?.State?.Name
}

beforeAll(async () => {
  moto = await startMoto()
  oidc = await startOidc()
  await moto.reset()
  await moto.cluster({ name: CLUSTER, region: REGION, version: '1.32', authenticationMode: 'API_AND_CONFIG_MAP' })
  workspace = await makeWorkspace({ 'without-queue.yaml': config(false), 'with-queue.yaml': config(true), 'gone.yaml': config(false, GONE) })
  ok(await run('apply', 'without-queue.yaml'), 'apply')
}, 300_000)

afterAll(async () => {
  await oidc?.stop()
  await moto?.stop()
})

describe('plan against moto', () => {
  let plan: ActionResult
  beforeAll(async () => {
    moto.resetCalls()
    plan = await run('plan', 'with-queue.yaml')
    runCalls.plan = [...moto.calls]
  }, 200_000)

  it('lists the added queue, its policy and the four rules', () => {
    ok(plan, 'plan')
    expect(plan.outputs['has-changes']).toBe('true')
    for (const id of ['KarpenterInterruptionQueue', 'KarpenterInterruptionQueuePolicy', 'ScheduledChangeRule', 'SpotInterruptionRule', 'RebalanceRule', 'InstanceStateChangeRule']) {
      expect(plan.summary).toContain(id)
      expect(plan.stdout).toMatch(new RegExp(`Add ${id} `))
    }
    expect(plan.summary).toContain('AWS::Events::Rule')
    expect(plan.summary).toMatch(/\| planned \|/)
  })

  it('creates nothing: no change set executed, every change set deleted, no queue', async () => {
    expect(moto.count('CreateChangeSet')).toBeGreaterThanOrEqual(1)
    expect(moto.count('ExecuteChangeSet')).toBe(0)
    expect(moto.count('DeleteChangeSet')).toBe(moto.count('CreateChangeSet'))
    const cfn = new CloudFormationClient(clientConfig())
    const sets = await cfn.send(new ListChangeSetsCommand({ StackName: names.karpenterStack }))
    expect((sets.Summaries ?? []).filter(s => s.ExecutionStatus === 'AVAILABLE')).toEqual([])
    cfn.destroy()
    const sqs = new SQSClient(clientConfig())
    await expect(sqs.send(new GetQueueUrlCommand({ QueueName: CLUSTER }))).rejects.toThrow()
    sqs.destroy()
  })

  it('a plan of the applied config has no changes and makes no change set', async () => {
    moto.resetCalls()
    const same = await run('plan', 'without-queue.yaml')
    ok(same, 'plan (no change)')
    expect(same.outputs['has-changes']).toBe('false')
    expect(moto.count('CreateChangeSet')).toBe(0)
  }, 200_000)
})

describe('drift against moto', () => {
  it('known moto gap: drift detection is not implemented — a clear error, not a crash', async () => {
    moto.resetCalls()
    const r = await run('drift', 'without-queue.yaml')
    runCalls.drift = [...moto.calls]
    expect(r.code).not.toBe(0)
    expect(r.stdout).toMatch(/CloudFormation drift detection is not available at http:\/\/127\.0\.0\.1:\d+/)
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at .*\.js:\d+/) // no stack trace
    expect(r.summary).toContain('drift detection is not available')
  }, 200_000)

  it("node access through aws-auth on a cluster whose API cannot be reached (install-chart: false): a warning that it was not checked, the run's error is still drift detection's", async () => {
    const eks = new EKSClient(clientConfig())
    const before = (await eks.send(new DescribeClusterCommand({ name: CLUSTER }))).cluster!
    eks.destroy()
    const shape = { name: CLUSTER, region: REGION, version: '1.32', authenticationMode: 'API_AND_CONFIG_MAP' }
    await moto.cluster({ ...shape, endpoint: `https://127.0.0.1:${await closedPort()}` })
    try {
      const r = await run('drift', 'without-queue.yaml', { 'node-access': 'aws-auth' })
      expect(r.code).not.toBe(0)
      expect(r.stdout).toMatch(/CloudFormation drift detection is not available at http:\/\/127\.0\.0\.1:\d+/)
      expect(r.summary).toMatch(/node access: the aws-auth mapping was not checked, the cluster could not be reached: .*ECONNREFUSED/)
    } finally {
      await moto.cluster({ ...shape, endpoint: before.endpoint!, certificateAuthority: before.certificateAuthority!.data! })
    }
  }, 200_000)
})

describe('delete against moto', () => {
  let first: ActionResult
  let second: ActionResult
  const ids: Record<string, string> = {}
  beforeAll(async () => {
    // What AWS would have done with the role's ManagedPolicyArns (moto ignores them): the controller policy is
    // attached to the controller role, which makes moto's DeleteStack fail with DeleteConflict unless detached.
    const iam = new IAMClient(clientConfig())
    await iam.send(new AttachRolePolicyCommand({ RoleName: names.irsaRole, PolicyArn: names.policyArn }))
    iam.destroy()
    const ec2 = new EC2Client(clientConfig())
    ids.karpenter = await launch(ec2, { 'karpenter.sh/nodepool': 'default', [`kubernetes.io/cluster/${CLUSTER}`]: 'owned' })
    ids.karpenterEks = await launch(ec2, { 'karpenter.sh/nodepool': 'spot', 'eks:eks-cluster-name': CLUSTER })
    ids.otherCluster = await launch(ec2, { 'karpenter.sh/nodepool': 'default', 'kubernetes.io/cluster/someone-else': 'owned' })
    ids.managedNode = await launch(ec2, { [`kubernetes.io/cluster/${CLUSTER}`]: 'owned', 'eks:nodegroup-name': 'ng-1' })
    ec2.destroy()
    moto.resetCalls()
    first = await run('delete', 'without-queue.yaml')
    runCalls.delete = [...moto.calls]
    moto.resetCalls()
    second = await run('delete', 'without-queue.yaml')
    runCalls['second delete'] = [...moto.calls]
  }, 300_000)

  it('removes both stacks and the roles', async () => {
    ok(first, 'delete')
    expect(await stackExists(names.irsaStack)).toBe(false)
    expect(await stackExists(names.karpenterStack)).toBe(false)
    expect(await roleExists(names.irsaRole)).toBe(false)
    expect(await roleExists(names.nodeRole)).toBe(false)
    expect(first.stdout).toMatch(new RegExp(`detached ${names.policyArn} from ${names.irsaRole}`))
    expect(first.summary).toMatch(/\| deleted \|/)
  })

  it('deletes the controller stack before the Karpenter stack', () => {
    const a = first.stdout.indexOf(`Stack ${names.irsaStack}: deleting`)
    const b = first.stdout.indexOf(`Stack ${names.karpenterStack}: deleting`)
    expect(a).toBeGreaterThanOrEqual(0)
    expect(b).toBeGreaterThan(a)
  })

  it('terminates only instances Karpenter launched for this cluster', async () => {
    const ec2 = new EC2Client(clientConfig())
    expect(await stateOf(ec2, ids.karpenter)).toMatch(/shutting-down|terminated/)
    expect(await stateOf(ec2, ids.karpenterEks)).toMatch(/shutting-down|terminated/)
    expect(await stateOf(ec2, ids.otherCluster)).toBe('running')
    expect(await stateOf(ec2, ids.managedNode)).toBe('running')
    ec2.destroy()
    expect(first.summary).toContain('terminated 2 left by Karpenter')
  })

  it('a second delete passes and says what it found', () => {
    ok(second, 'second delete')
    expect(second.summary).toContain(`stack ${names.irsaStack}: not found, nothing to delete`)
    expect(second.summary).toContain(`stack ${names.karpenterStack}: not found, nothing to delete`)
    expect(second.summary).toContain('instances: none left tagged for this cluster by Karpenter')
    expect(second.summary).toMatch(/\| absent \|/)
  })
})

describe('delete of a cluster that is already gone', () => {
  let del: ActionResult
  beforeAll(async () => {
    await moto.cluster({ name: GONE, region: REGION, version: '1.32', authenticationMode: 'API_AND_CONFIG_MAP' })
    ok(await run('apply', 'gone.yaml'), 'apply (gone)')
    const eks = new EKSClient(clientConfig())
    await eks.send(new DeleteClusterCommand({ name: GONE }))
    eks.destroy()
    del = await run('delete', 'gone.yaml')
  }, 300_000)

  it('skips NodePools, chart and node access, and still deletes both stacks', async () => {
    ok(del, 'delete (gone)')
    expect(del.summary).toContain(`cluster ${GONE} not found in ${REGION}: NodePools, chart and node access skipped; deleting the stacks`)
    expect(await stackExists(`eksctl-${GONE}-karpenter`)).toBe(false)
    expect(await stackExists(`eksctl-${GONE}-addon-iamserviceaccount-karpenter-karpenter`)).toBe(false)
    expect(del.summary).toContain(`stack eksctl-${GONE}-karpenter: deleted`)
  })
})

describe('the deployer policy (render --account) against every AWS call plan, drift and delete made', () => {
  const instanceTags = new Map<string, Record<string, string>>()
  const env = { partition: 'aws', region: REGION, account: ACCOUNT, instanceTags: (id: string) => instanceTags.get(id) ?? {} }
  const flags = { 'node-access': 'none', 'install-chart': 'false' }
  beforeAll(async () => {
    // TerminateInstances is authorised on the instances' tags: read them back from the endpoint
    const ec2 = new EC2Client(clientConfig())
    const out = await ec2.send(new DescribeInstancesCommand({}))
    for (const i of (out.Reservations ?? []).flatMap(r => r.Instances ?? [])) instanceTags.set(i.InstanceId ?? '', Object.fromEntries((i.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? ''])))
    ec2.destroy()
  })

  it('read-only allows every call of plan and drift (both configs), apply allows them too', async () => {
    const withQueue = await renderDeployerPolicies(workspace, 'with-queue.yaml', ACCOUNT, flags)
    const withoutQueue = await renderDeployerPolicies(workspace, 'without-queue.yaml', ACCOUNT, flags)
    const plan = requestsOf(runCalls.plan, env)
    const drift = requestsOf(runCalls.drift, env)
    expect(plan.map(r => r.action)).toEqual(expect.arrayContaining(['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet']))
    expect(drift.map(r => r.action)).toContain('cloudformation:DetectStackDrift')
    for (const [policies, requests] of [[withQueue, plan], [withoutQueue, drift]] as const) {
      expect((await evaluate(policies.readOnly, requests, ACCOUNT)).filter(e => e.verdict !== 'Allowed').map(said)).toEqual([])
      expect((await evaluate(policies.apply, requests, ACCOUNT)).filter(e => e.verdict !== 'Allowed').map(said)).toEqual([])
    }
  }, 120_000)

  it('apply allows every call of both deletes; read-only denies every one that changes something', async () => {
    const policies = await renderDeployerPolicies(workspace, 'without-queue.yaml', ACCOUNT, flags)
    const requests = requestsOf([...runCalls.delete, ...runCalls['second delete']], env)
    expect(requests.map(r => r.action)).toEqual(expect.arrayContaining(['cloudformation:DeleteStack', 'ec2:TerminateInstances', 'iam:DetachRolePolicy']))
    expect((await evaluate(policies.apply, requests, ACCOUNT)).filter(e => e.verdict !== 'Allowed').map(said)).toEqual([])
    const changing = requests.filter(r => changesSomething(r.operation))
    expect((await evaluate(policies.readOnly, changing, ACCOUNT)).filter(e => e.verdict === 'Allowed').map(said)).toEqual([])
  }, 120_000)

  it("the apply policy denies terminating an instance of another cluster or one Karpenter did not launch", async () => {
    const policies = await renderDeployerPolicies(workspace, 'without-queue.yaml', ACCOUNT, flags)
    const terminate = (tags: Record<string, string>) => ({
      action: 'ec2:TerminateInstances', resource: `arn:aws:ec2:${REGION}:${ACCOUNT}:instance/i-0123456789abcdef0`, from: 'test',
      context: Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v]))
    })
    const verdicts = await evaluate(policies.apply, [
      terminate({ 'karpenter.sh/nodepool': 'default', 'kubernetes.io/cluster/someone-else': 'owned' }),
      terminate({ [`kubernetes.io/cluster/${CLUSTER}`]: 'owned', 'eks:nodegroup-name': 'ng-1' }),
      terminate({ 'karpenter.sh/nodepool': 'default', [`kubernetes.io/cluster/${CLUSTER}`]: 'owned' })
    ], ACCOUNT)
    expect(verdicts.map(v => v.verdict)).toEqual(['ImplicitlyDenied', 'ImplicitlyDenied', 'Allowed'])
  }, 60_000)
})
