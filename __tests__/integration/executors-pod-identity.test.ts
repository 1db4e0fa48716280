// The Pod Identity executors (src/aws/pod-identity.ts, addons.ts, pod-identity-role.ts) called directly:
// - IAM against moto's IAM (AWS-managed policies loaded): permissionPolicyARNs that must exist, the controller
//   policies attached to and detached from a role, a role that does not exist.
// - EKS against the EKS stand-in in front of moto (test/harness/eks-standin.ts): moto 5.2 answers HTTP 404 for the
//   Pod Identity association and addon APIs, so association found / created / updated / kept / deleted and the
//   agent addon's states are verified against the stand-in only (every request and answer checked against
//   botocore's EKS model).
// A list of associations that comes in pages and an addon lookup refused by IAM are produced by neither: those stay
// in the mock-based unit test __tests__/unit/aws/pod-identity.test.ts.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals'
import type { EKSClient } from '@aws-sdk/client-eks'
import { IAMClient, CreateRoleCommand, CreatePolicyCommand, AttachRolePolicyCommand, ListAttachedRolePoliciesCommand } from '@aws-sdk/client-iam'
import type { Moto } from '../../test/harness/moto.js'
import { startEksOverMoto, type EksOverMoto, type EksStandin } from '../../test/harness/eks-standin.js'
import { deleteOwnAssociation, ensureAssociation, findAssociation, OWNER_TAG } from '../../src/aws/pod-identity.js'
import { requirePodIdentityAgent } from '../../src/aws/addons.js'
import { attachRolePolicies, detachRolePolicies, rolePolicyArns, requirePoliciesExist } from '../../src/aws/pod-identity-role.js'
import { PreflightError } from '../../src/aws/preflight.js'

const C = 'demo'
const ACCOUNT = '123456789012'
const ROLE = `arn:aws:iam::${ACCOUNT}:role/demo-karpenter`
const OTHER = `arn:aws:iam::${ACCOUNT}:role/someone-elses`

let backends: EksOverMoto
let moto: Moto
let standin: EksStandin
let eks: EKSClient
let iam: IAMClient

beforeAll(async () => {
  backends = await startEksOverMoto()
  ;({ moto, standin, eks } = backends)
  iam = new IAMClient({ region: 'us-west-2', endpoint: moto.endpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' } })
}, 60_000)

afterAll(async () => {
  iam?.destroy()
  await backends?.stop()
})

beforeEach(async () => {
  standin.reset()
  await moto.reset()
})

const changes = () => standin.calls.filter(c => /^(Create|Update|Delete)PodIdentityAssociation$/.test(c.action)).map(c => `${c.action} ${c.status}`)

describe('findAssociation', () => {
  it('lists with the namespace and service account, describes the match for its role and tags', async () => {
    standin.seedAssociation({ clusterName: C, namespace: 'kube-system', serviceAccount: 'karpenter', roleArn: ROLE })
    const seeded = standin.seedAssociation({ clusterName: C, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: OTHER, tags: { team: 'x' } })
    const a = await findAssociation(eks, C, 'karpenter', 'karpenter')
    expect(a).toEqual({ id: seeded.associationId, arn: seeded.associationArn, roleArn: OTHER, tags: { team: 'x' }, ours: false })
    const list = standin.calls.find(c => c.action === 'ListPodIdentityAssociations')
    expect(list?.request).toMatchObject({ path: `/clusters/${C}/pod-identity-associations`, params: { namespace: 'karpenter', serviceAccount: 'karpenter' } })
    expect(standin.calls.filter(c => c.action === 'DescribePodIdentityAssociation').map(c => c.request?.path)).toEqual([`/clusters/${C}/pod-identity-associations/${seeded.associationId}`])
  })

  it('marks an association tagged by this tool as ours; none found is undefined', async () => {
    expect(await findAssociation(eks, C, 'karpenter', 'karpenter')).toBeUndefined()
    standin.seedAssociation({ clusterName: C, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: ROLE, tags: { [OWNER_TAG]: 'true' } })
    expect((await findAssociation(eks, C, 'karpenter', 'karpenter'))?.ours).toBe(true)
  })
})

describe('ensureAssociation', () => {
  const target = { cluster: C, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: ROLE, tags: { team: 'x' } }

  it("creates one when none exists, tagged as this tool's", async () => {
    const out = await ensureAssociation(eks, target, await findAssociation(eks, C, 'karpenter', 'karpenter'))
    const [made] = standin.associations()
    expect(out).toEqual({ action: 'created', id: made?.associationId })
    expect(made).toMatchObject({ clusterName: C, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: ROLE, tags: { team: 'x', [OWNER_TAG]: 'true' } })
    expect(standin.associations()).toHaveLength(1)
  })

  it('leaves one on the right role alone (idempotent)', async () => {
    const seeded = standin.seedAssociation({ clusterName: C, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: ROLE, tags: { [OWNER_TAG]: 'true' } })
    expect(await ensureAssociation(eks, target, await findAssociation(eks, C, 'karpenter', 'karpenter'))).toEqual({ action: 'unchanged', id: seeded.associationId })
    expect(changes()).toEqual([])
  })

  it('updates ours when it points at another role', async () => {
    const seeded = standin.seedAssociation({ clusterName: C, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: OTHER, tags: { [OWNER_TAG]: 'true' } })
    const out = await ensureAssociation(eks, target, await findAssociation(eks, C, 'karpenter', 'karpenter'))
    expect(out).toEqual({ action: 'updated', id: seeded.associationId, previousRoleArn: OTHER })
    expect(standin.associations()).toEqual([expect.objectContaining({ associationId: seeded.associationId, roleArn: ROLE })])
    expect(standin.calls.find(c => c.action === 'UpdatePodIdentityAssociation')?.request?.json).toEqual({ roleArn: ROLE, clientRequestToken: expect.any(String) })
  })

  it("refuses to update someone else's association on another role: kept as it is", async () => {
    const seeded = standin.seedAssociation({ clusterName: C, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: OTHER })
    const out = await ensureAssociation(eks, target, await findAssociation(eks, C, 'karpenter', 'karpenter'))
    expect(out).toEqual({ action: 'kept-foreign', id: seeded.associationId, roleArn: OTHER })
    expect(changes()).toEqual([])
    expect(standin.associations()).toEqual([expect.objectContaining({ associationId: seeded.associationId, roleArn: OTHER })])
  })
})

describe('deleteOwnAssociation', () => {
  it("deletes ours, keeps someone else's, and a missing one is fine", async () => {
    standin.seedAssociation({ clusterName: C, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: ROLE, tags: { [OWNER_TAG]: 'true' } })
    const ours = await findAssociation(eks, C, 'karpenter', 'karpenter')
    expect(await deleteOwnAssociation(eks, C, ours)).toBe('deleted')
    expect(standin.associations()).toEqual([])
    // deleted meanwhile (by another run or by hand): EKS answers ResourceNotFoundException
    expect(await deleteOwnAssociation(eks, C, ours)).toBe('absent')
    expect(await deleteOwnAssociation(eks, C, undefined)).toBe('absent')
    const foreign = standin.seedAssociation({ clusterName: C, namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: OTHER })
    expect(await deleteOwnAssociation(eks, C, await findAssociation(eks, C, 'karpenter', 'karpenter'))).toBe('kept-foreign')
    expect(standin.associations().map(a => a.associationId)).toEqual([foreign.associationId])
    expect(changes()).toEqual(['DeletePodIdentityAssociation 200', 'DeletePodIdentityAssociation 404'])
  })
})

describe('requirePodIdentityAgent', () => {
  it('passes when the addon is ACTIVE, with its version', async () => {
    await expect(requirePodIdentityAgent(eks, C)).resolves.toBe('v1.3.4-eksbuild.1')
    expect(standin.calls.map(c => c.request?.path)).toEqual([`/clusters/${C}/addons/eks-pod-identity-agent`])
  })

  it('a missing addon is an error that names the fix in the file and the eksctl command', async () => {
    standin.setAgent('missing')
    const err = await requirePodIdentityAgent(eks, C).catch((e: unknown) => e as Error)
    expect(err).toBeInstanceOf(PreflightError)
    expect((err as Error).message).toContain('addons: [{name: eks-pod-identity-agent}]')
    expect((err as Error).message).toContain(`eksctl create addon --cluster ${C} --name eks-pod-identity-agent`)
  })

  it('an addon that is not ACTIVE yet is an error too', async () => {
    standin.setAgent('CREATING')
    await expect(requirePodIdentityAgent(eks, C)).rejects.toThrow(/is CREATING, not ACTIVE/)
  })
})

describe("permissionPolicyARNs and the role's policies (moto's IAM)", () => {
  const MANAGED = 'arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess'
  const MISSING = `arn:aws:iam::${ACCOUNT}:policy/nope`
  const document = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' }] })
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'pods.eks.amazonaws.com' }, Action: ['sts:AssumeRole', 'sts:TagSession'] }] })
  const attached = async (role: string) => ((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role }))).AttachedPolicies ?? []).map(p => p.PolicyArn).sort()
  const policy = async (name: string) => (await iam.send(new CreatePolicyCommand({ PolicyName: name, PolicyDocument: document }))).Policy!.Arn!

  it('every ARN must exist (AWS-managed ones too); the error lists the missing ones', async () => {
    const own = await policy('eksctl-KarpenterControllerPolicy-demo')
    moto.resetCalls()
    await expect(requirePoliciesExist(iam, [MANAGED, own])).resolves.toBeUndefined()
    await expect(requirePoliciesExist(iam, [MANAGED, MISSING])).rejects.toThrow(`this policy does not exist: ${MISSING}`)
    expect(moto.calls.filter(c => c.action === 'GetPolicy').map(c => `${c.request.params.PolicyArn} ${c.status}`)).toEqual([`${MANAGED} 200`, `${own} 200`, `${MANAGED} 200`, `${MISSING} 404`])
  })

  it('attaches only what is missing, so a re-run attaches nothing', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'someone-elses', AssumeRolePolicyDocument: trust }))
    await iam.send(new AttachRolePolicyCommand({ RoleName: 'someone-elses', PolicyArn: MANAGED }))
    const P = await policy('eksctl-KarpenterControllerPolicy-demo')
    expect(await rolePolicyArns(iam, OTHER)).toEqual([MANAGED])
    moto.resetCalls()
    expect(await attachRolePolicies(iam, OTHER, [P, MANAGED])).toEqual([P])
    expect(moto.calls.filter(c => c.action === 'AttachRolePolicy').map(c => c.request.params)).toEqual([expect.objectContaining({ RoleName: 'someone-elses', PolicyArn: P })])
    expect(await attached('someone-elses')).toEqual([MANAGED, P].sort())
    expect(await attachRolePolicies(iam, OTHER, [P, MANAGED])).toEqual([])
    expect((await rolePolicyArns(iam, OTHER))?.sort()).toEqual([MANAGED, P].sort())
    expect(moto.count('AttachRolePolicy')).toBe(1)
  })

  it('a role that does not exist is a clear error; read-only, it has no policies to read (null)', async () => {
    await expect(attachRolePolicies(iam, OTHER, [MANAGED])).rejects.toThrow(/the Pod Identity role .* does not exist/)
    expect(await rolePolicyArns(iam, OTHER)).toBeNull()
    expect(await detachRolePolicies(iam, OTHER, [MANAGED])).toEqual([])
  })

  it('detaches only the given policies that are attached', async () => {
    await iam.send(new CreateRoleCommand({ RoleName: 'someone-elses', AssumeRolePolicyDocument: trust }))
    const [a, b, c] = [await policy('a'), await policy('b'), await policy('c')]
    for (const arn of [a, b]) await iam.send(new AttachRolePolicyCommand({ RoleName: 'someone-elses', PolicyArn: arn }))
    moto.resetCalls()
    expect(await detachRolePolicies(iam, OTHER, [a, c])).toEqual([a])
    expect(moto.count('DetachRolePolicy')).toBe(1)
    expect(await attached('someone-elses')).toEqual([b])
  })
})
