// drift end to end, on the real kube-apiserver with real helm: one apply (Pod Identity, interruption queue, node access
// through an access entry), then each out-of-band edit on its own — made, checked with `mode: drift`, undone. CloudFormation
// drift detection is served by the drift stand-in (test/harness/drift-standin.ts: template properties against moto's live
// resources), Pod Identity and access entries by the EKS stand-in; both in front of moto. Every drift run must read only:
// no change set, no AWS write, no helm release change.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { rm } from 'node:fs/promises'
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { IAMClient, AddRoleToInstanceProfileCommand, CreateInstanceProfileCommand, DeleteInstanceProfileCommand, RemoveRoleFromInstanceProfileCommand, CreatePolicyVersionCommand, DeletePolicyVersionCommand, DetachRolePolicyCommand, AttachRolePolicyCommand, GetPolicyCommand, GetPolicyVersionCommand, SetDefaultPolicyVersionCommand } from '@aws-sdk/client-iam'
import { SQSClient, GetQueueUrlCommand, SetQueueAttributesCommand } from '@aws-sdk/client-sqs'
import { EKSClient, CreateAccessEntryCommand, CreatePodIdentityAssociationCommand, DeleteAccessEntryCommand, DeletePodIdentityAssociationCommand, ListPodIdentityAssociationsCommand } from '@aws-sdk/client-eks'
import { startE2eEnv, E2E_ACCOUNT, type E2eEnv } from '../../test/harness/e2e.js'
import { ensureHelmBinary, HELM_LAYERS } from '../../test/harness/helm-binaries.js'
import { makeWorkspace, type ActionResult } from '../../test/harness/run-action.js'
import { execArgv, helmRecords, readAwsAuth } from '../../test/harness/e2e-checks.js'
import { startDriftStandin, attachManagedPolicyArns } from '../../test/harness/drift-standin.js'
import { startEksStandin, type EksStandin } from '../../test/harness/eks-standin.js'
import { isMutation } from '../../test/harness/fault-proxy-protocol.js'

const CLUSTER = 'e2e-drift'
const REGION = 'us-west-2'
const NS = 'karpenter'
const VERSION = '1.2.0'
const OTHER = '1.2.1'
const karpenterStack = `eksctl-${CLUSTER}-karpenter`
const nodeRole = `eksctl-KarpenterNodeRole-${CLUSTER}`
const nodeRoleArn = `arn:aws:iam::${E2E_ACCOUNT}:role/${nodeRole}`
const podIdentityRole = `${CLUSTER}-karpenter`
const WORKER_POLICY = 'arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy'

const config = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ${CLUSTER}
  region: ${REGION}
  version: '1.32'
iam:
  podIdentityAssociations:
    - namespace: ${NS}
      serviceAccountName: karpenter
addons:
  - name: eks-pod-identity-agent
karpenter:
  version: '${VERSION}'
  withSpotInterruptionQueue: true
`

const explain = (r: ActionResult): string => `exit ${r.code}\n--- stdout ---\n${r.stdout.slice(-5000)}\n--- stderr ---\n${r.stderr.slice(-2000)}`
const driftLines = (r: ActionResult): string[] => r.stdout.split('\n').filter(l => /^drift: /.test(l))

describe('drift end to end', () => {
  let env: E2eEnv
  let standin: EksStandin
  let workspace: string
  const credentials = { accessKeyId: 'AKIAE2E', secretAccessKey: 'x' }
  const direct = () => ({ region: REGION, endpoint: env.moto.directEndpoint, credentials })
  const iam = () => new IAMClient(direct())
  const sqs = () => new SQSClient(direct())
  const eks = () => new EKSClient({ region: REGION, endpoint: standin.endpoint, credentials })
  const helm = (args: string[]) => execArgv(env.helm.helm, args, { ...process.env, ...env.helmHome, KUBECONFIG: env.kube.adminKubeconfig })
  const events = async (op: string, body: object) => {
    const r = await fetch(env.moto.directEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `AWSEvents.${op}`, authorization: `AWS4-HMAC-SHA256 Credential=AKIAE2E/20260101/${REGION}/events/aws4_request, SignedHeaders=host, Signature=0` },
      body: JSON.stringify(body)
    })
    if (!r.ok) throw new Error(`events ${op}: ${r.status} ${await r.text()}`)
    const text = await r.text()
    return (text ? JSON.parse(text) : {}) as Record<string, unknown>
  }
  const run = (inputs: Record<string, string>) =>
    env.run(workspace, { 'cluster-config': 'cluster.yaml', timeout: '90s', ...inputs }, { env: { AWS_ENDPOINT_URL_EKS: standin.endpoint } })

  /** A drift run, asserting it read only: no change set, no AWS write (moto or EKS stand-in), no helm release change. */
  const drift = async (extra: Record<string, string> = {}): Promise<ActionResult> => {
    env.moto.resetCalls()
    const standinCalls = standin.calls.length
    const before = (await helmRecords(env.api, NS, 'karpenter')).map(h => h.revision)
    const r = await run({ mode: 'drift', ...extra })
    const writes = env.moto.calls.filter(c => isMutation(c.action) && c.action !== 'AssumeRoleWithWebIdentity').map(c => c.action)
    expect(writes).toEqual([])
    expect(standin.calls.slice(standinCalls).filter(c => isMutation(c.action))).toEqual([])
    expect(env.moto.count('DetectStackDrift')).toBeGreaterThan(0)
    expect((await helmRecords(env.api, NS, 'karpenter')).map(h => h.revision)).toEqual(before)
    return r
  }
  const expectDrift = (r: ActionResult, lines: RegExp[]): void => {
    if (r.code === 0) throw new Error(`drift should fail the step: ${explain(r)}`)
    expect(r.outputs.drifted).toBe('true')
    expect(r.stdout).toMatch(/::error::.*Drift found in \d+ item\(s\)/)
    const found = driftLines(r)
    for (const l of lines) expect(found.filter(x => l.test(x))).toHaveLength(1)
    // that edit and nothing else: every other resource was restored by the case before
    expect(found).toHaveLength(lines.length)
  }
  const expectClean = async (): Promise<void> => {
    const r = await drift()
    if (r.code !== 0) throw new Error(`drift should pass: ${explain(r)}`)
    expect(r.outputs.drifted).toBe('false')
    expect(driftLines(r)).toEqual(['drift: none found.'])
  }

  beforeAll(async () => {
    const binary = ensureHelmBinary(HELM_LAYERS.find(l => l.helmVersion === 'v3.18.0')!)
    env = await startE2eEnv({ helm: binary, clusterName: CLUSTER, region: REGION, authenticationMode: 'API_AND_CONFIG_MAP', chartVersions: [VERSION, OTHER] })
    startDriftStandin(env.moto)
    standin = await startEksStandin(env.moto.endpoint)
    workspace = await makeWorkspace({ 'cluster.yaml': config })
    const r = await run({ mode: 'apply', 'node-access': 'auto' })
    if (r.code !== 0) throw new Error(`apply failed: ${explain(r)}`)
    // moto's AWS::IAM::Role ignores ManagedPolicyArns: attach them as CloudFormation would have
    const cfn = new CloudFormationClient(direct())
    for (const s of (await cfn.send(new DescribeStacksCommand({}))).Stacks ?? []) await attachManagedPolicyArns(env.moto, REGION, s.StackName!)
    cfn.destroy()
  }, 15 * 60_000)

  afterAll(async () => {
    await standin?.stop()
    await env?.stop()
    if (workspace) await rm(workspace, { recursive: true, force: true })
  }, 60_000)

  it('after a clean apply: drifted=false, read only (detection on each stack, no change set, no write)', async () => {
    await expectClean()
    expect(env.moto.count('CreateChangeSet')).toBe(0)
  }, 120_000)

  it('a statement removed from the controller policy: MODIFIED /PolicyDocument/Statement/N, the step fails', async () => {
    const c = iam()
    const arn = `arn:aws:iam::${E2E_ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-${CLUSTER}`
    const policy = (await c.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy!
    const original = policy.DefaultVersionId!
    const text = (await c.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: original }))).PolicyVersion!.Document!
    const doc = JSON.parse(text.startsWith('%') ? decodeURIComponent(text) : text) as { Statement: Array<{ Sid?: string }> }
    const removed = doc.Statement.pop()!
    const edited = (await c.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: JSON.stringify(doc), SetAsDefault: true }))).PolicyVersion!.VersionId!
    const r = await drift()
    expectDrift(r, [new RegExp(`^drift: ${karpenterStack} \\w+ AWS::IAM::ManagedPolicy MODIFIED: /PolicyDocument/Statement/${doc.Statement.length} expected .*${removed.Sid ?? ''}.* actual null$`)])
    await c.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: original }))
    await c.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: edited }))
    c.destroy()
  }, 120_000)

  it('a managed policy detached from the node role: MODIFIED /ManagedPolicyArns/N', async () => {
    const c = iam()
    await c.send(new DetachRolePolicyCommand({ RoleName: nodeRole, PolicyArn: WORKER_POLICY }))
    const r = await drift()
    expectDrift(r, [new RegExp(`^drift: ${karpenterStack} KarpenterNodeRole AWS::IAM::Role MODIFIED: /ManagedPolicyArns/\\d expected ${WORKER_POLICY} actual null$`)])
    await c.send(new AttachRolePolicyCommand({ RoleName: nodeRole, PolicyArn: WORKER_POLICY }))
    c.destroy()
  }, 120_000)

  it('the instance profile deleted: AWS::IAM::InstanceProfile DELETED', async () => {
    const c = iam()
    const profile = `eksctl-KarpenterNodeInstanceProfile-${CLUSTER}`
    await c.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: profile, RoleName: nodeRole }))
    await c.send(new DeleteInstanceProfileCommand({ InstanceProfileName: profile }))
    expectDrift(await drift(), [new RegExp(`^drift: ${karpenterStack} KarpenterNodeInstanceProfile AWS::IAM::InstanceProfile DELETED: \\(resource\\) expected ${profile} actual deleted$`)])
    await c.send(new CreateInstanceProfileCommand({ InstanceProfileName: profile, Path: '/' }))
    await c.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: profile, RoleName: nodeRole }))
    c.destroy()
  }, 120_000)

  it("the queue's retention changed: MODIFIED /MessageRetentionPeriod; with fail-on-drift: false the step passes", async () => {
    const c = sqs()
    const url = (await c.send(new GetQueueUrlCommand({ QueueName: CLUSTER }))).QueueUrl!
    await c.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { MessageRetentionPeriod: '1209600' } }))
    const line = new RegExp(`^drift: ${karpenterStack} KarpenterInterruptionQueue AWS::SQS::Queue MODIFIED: /MessageRetentionPeriod expected 300 actual 1209600$`)
    expectDrift(await drift(), [line])
    const soft = await drift({ 'fail-on-drift': 'false' })
    expect([soft.code, soft.outputs.drifted]).toEqual([0, 'true'])
    expect(soft.stdout).toMatch(/::warning::Drift found in 1 item\(s\); not failing \(fail-on-drift: false\)/)
    expect(driftLines(soft).filter(l => line.test(l))).toHaveLength(1)
    await c.send(new SetQueueAttributesCommand({ QueueUrl: url, Attributes: { MessageRetentionPeriod: '300' } }))
    c.destroy()
  }, 180_000)

  it('an interruption rule disabled: MODIFIED /State', async () => {
    const rules = ((await events('ListRules', {})).Rules as Array<{ Name: string }>).map(x => x.Name)
    const rule = rules.find(n => /Rebalance/i.test(n)) ?? rules[0]!
    await events('DisableRule', { Name: rule })
    expectDrift(await drift(), [new RegExp(`^drift: ${karpenterStack} \\w+ AWS::Events::Rule MODIFIED: /State expected ENABLED actual DISABLED$`)])
    await events('EnableRule', { Name: rule })
  }, 120_000)

  it('the chart upgraded by hand to another version: helm MODIFIED chart.version', async () => {
    const up = await helm(['upgrade', 'karpenter', env.chart, '--version', OTHER, '--plain-http', '--namespace', NS, '--reuse-values', '--wait', '--timeout', '60s'])
    if (up.code !== 0) throw new Error(up.stderr)
    expectDrift(await drift(), [new RegExp(`^drift: helm ${NS}/karpenter HelmRelease MODIFIED: chart\\.version expected ${VERSION} actual ${OTHER}$`)])
    expect((await helm(['rollback', 'karpenter', '--namespace', NS, '--wait', '--timeout', '60s'])).code).toBe(0)
  }, 180_000)

  it('a value changed by hand (helm upgrade --reuse-values --set): helm MODIFIED values.<path>', async () => {
    const up = await helm(['upgrade', 'karpenter', env.chart, '--version', VERSION, '--plain-http', '--namespace', NS, '--reuse-values', '--set', 'logLevel=debug', '--wait', '--timeout', '60s'])
    if (up.code !== 0) throw new Error(up.stderr)
    expectDrift(await drift(), [new RegExp(`^drift: helm ${NS}/karpenter HelmRelease MODIFIED: values\\.logLevel expected ∅ actual debug$`)])
    expect((await helm(['rollback', 'karpenter', '--namespace', NS, '--wait', '--timeout', '60s'])).code).toBe(0)
  }, 180_000)

  it('the access entry deleted: eks AccessEntry DELETED', async () => {
    const c = eks()
    await c.send(new DeleteAccessEntryCommand({ clusterName: CLUSTER, principalArn: nodeRoleArn }))
    expectDrift(await drift(), [new RegExp(`^drift: eks access-entry/${nodeRoleArn} AccessEntry DELETED: \\(resource\\) expected EC2_LINUX access entry actual deleted$`)])
    await c.send(new CreateAccessEntryCommand({ clusterName: CLUSTER, principalArn: nodeRoleArn, type: 'EC2_LINUX' }))
    c.destroy()
  }, 120_000)

  it('the Pod Identity association deleted: eks AWS::EKS::PodIdentityAssociation DELETED', async () => {
    const c = eks()
    const [a] = (await c.send(new ListPodIdentityAssociationsCommand({ clusterName: CLUSTER, namespace: NS, serviceAccount: 'karpenter' }))).associations ?? []
    const roleArn = standin.associations().find(x => x.associationId === a!.associationId)!.roleArn
    expect(roleArn).toBe(`arn:aws:iam::${E2E_ACCOUNT}:role/${podIdentityRole}`)
    await c.send(new DeletePodIdentityAssociationCommand({ clusterName: CLUSTER, associationId: a!.associationId! }))
    expectDrift(await drift(), [/^drift: eks .* AWS::EKS::PodIdentityAssociation DELETED: association expected .* actual not found$/])
    await c.send(new CreatePodIdentityAssociationCommand({ clusterName: CLUSTER, namespace: NS, serviceAccount: 'karpenter', roleArn, tags: { 'alpha.eksctl.io/cluster-name': CLUSTER } }))
    c.destroy()
  }, 120_000)

  it("the node's aws-auth mapping removed (node-access: aws-auth): kube-system/aws-auth mapRoles DELETED", async () => {
    const r = await run({ mode: 'apply', 'node-access': 'aws-auth' })
    if (r.code !== 0) throw new Error(`apply failed: ${explain(r)}`)
    expect((await readAwsAuth(env.api))?.mapRoles.map(m => m.rolearn)).toContain(nodeRoleArn)
    const clean = await drift({ 'node-access': 'aws-auth' })
    if (clean.code !== 0) throw new Error(`drift should pass: ${explain(clean)}`)
    expect(clean.outputs.drifted).toBe('false')
    await env.api.patch('/api/v1/namespaces/kube-system/configmaps/aws-auth', { data: { mapRoles: '' } })
    expectDrift(await drift({ 'node-access': 'aws-auth' }), [new RegExp(`^drift: kube-system/aws-auth mapRoles ConfigMap DELETED: mapRoles\\[rolearn=${nodeRoleArn}\\] expected system:node:\\{\\{EC2PrivateDNSName\\}\\} in system:bootstrappers, system:nodes actual absent$`)])
  }, 240_000)

  it('the last drift detections were all against restored resources: a final run is clean again', async () => {
    const r = await run({ mode: 'apply', 'node-access': 'aws-auth' })
    if (r.code !== 0) throw new Error(`apply failed: ${explain(r)}`)
    const again = await drift({ 'node-access': 'aws-auth' })
    if (again.code !== 0) throw new Error(`drift should pass: ${explain(again)}`)
    expect(again.outputs.drifted).toBe('false')
  }, 240_000)
})
