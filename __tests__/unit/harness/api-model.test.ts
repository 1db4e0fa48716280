// The API model check (test/harness/api-model.ts) against requests the real SDK clients put on the wire — query
// (IAM, CloudFormation, EC2), JSON (SQS) and REST-JSON (EKS) — captured before they leave: a valid request passes,
// and an unknown member, a missing required member, an out-of-range value and a bad enum each fail, named.
import { describe, expect, it } from '@jest/globals'
import { IAMClient, CreateRoleCommand, ListRolesCommand } from '@aws-sdk/client-iam'
import { CloudFormationClient, CreateChangeSetCommand } from '@aws-sdk/client-cloudformation'
import { EC2Client, DescribeInstancesCommand } from '@aws-sdk/client-ec2'
import { SQSClient, SetQueueAttributesCommand, ListQueuesCommand } from '@aws-sdk/client-sqs'
import { EKSClient, CreatePodIdentityAssociationCommand, ListPodIdentityAssociationsCommand } from '@aws-sdk/client-eks'
import { checkJsonResponse, checkRequest, loadModel, type ModelRequest, type Violation } from '../../../test/harness/api-model.js'

type Client = { send(c: unknown): Promise<unknown> }
const config = (captured: ModelRequest[]) => ({
  region: 'us-west-2',
  endpoint: 'http://127.0.0.1:1',
  credentials: { accessKeyId: 'AKIAUNIT', secretAccessKey: 'unit' },
  maxAttempts: 1,
  requestHandler: {
    handle: async (r: { method: string; path: string; query?: Record<string, string | string[] | null>; headers: Record<string, string>; body?: unknown }) => {
      const q = new URLSearchParams()
      for (const [k, v] of Object.entries(r.query ?? {})) for (const x of Array.isArray(v) ? v : [v ?? '']) q.append(k, x)
      captured.push({ method: r.method, url: r.path + (q.size ? `?${q}` : ''), headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k.toLowerCase(), v])), body: typeof r.body === 'string' ? r.body : r.body ? new TextDecoder().decode(r.body as Uint8Array) : '' })
      throw new Error('captured')
    }
  }
})

/** What the real SDK sends for `command`, checked against the service's model. */
async function wire(service: string, make: (cfg: ReturnType<typeof config>) => Client, command: unknown, tamper?: (r: ModelRequest) => ModelRequest): Promise<{ operation: string; violations: Violation[] }> {
  const captured: ModelRequest[] = []
  await expect(make(config(captured)).send(command)).rejects.toThrow('captured')
  return checkRequest(loadModel(service), (tamper ?? (r => r))(captured[0]!))
}
// The SDK's serializers drop members the model does not have, so an unknown member is added to what they sent.
const addForm = (extra: string) => (r: ModelRequest): ModelRequest => ({ ...r, body: `${r.body}&${extra}` })
const addJson = (extra: Record<string, unknown>) => (r: ModelRequest): ModelRequest => ({ ...r, body: JSON.stringify({ ...JSON.parse(r.body || '{}'), ...extra }) })
const rules = (r: { violations: Violation[] }) => r.violations.map(v => `${v.operation} ${v.member} ${v.rule}`)

const iam = (c: ReturnType<typeof config>) => new IAMClient(c)
const cfn = (c: ReturnType<typeof config>) => new CloudFormationClient(c)
const sqs = (c: ReturnType<typeof config>) => new SQSClient(c)
const eks = (c: ReturnType<typeof config>) => new EKSClient(c)
const ec2 = (c: ReturnType<typeof config>) => new EC2Client(c)
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [] })

describe('query protocol (IAM, CloudFormation, EC2)', () => {
  it('passes valid requests, with list members, tags and EC2 flattening', async () => {
    expect(rules(await wire('iam', iam, new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trust, Tags: [{ Key: 'a', Value: 'b' }] })))).toEqual([])
    expect(rules(await wire('cloudformation', cfn, new CreateChangeSetCommand({ StackName: 's', ChangeSetName: 'c1', TemplateBody: '{}', Capabilities: ['CAPABILITY_NAMED_IAM'], ChangeSetType: 'CREATE', Tags: [{ Key: 'k', Value: 'v' }] })))).toEqual([])
    expect(rules(await wire('ec2', ec2, new DescribeInstancesCommand({ Filters: [{ Name: 'tag:a', Values: ['x', 'y'] }], InstanceIds: ['i-1'] })))).toEqual([])
  })

  it('an unknown member fails, at the top and inside a list item', async () => {
    expect(rules(await wire('iam', iam, new ListRolesCommand({ PathPrefix: '/' }), addForm('Colour=red')))).toEqual(['ListRoles Colour unknown-member'])
    expect(rules(await wire('iam', iam, new CreateRoleCommand({ RoleName: 'r', AssumeRolePolicyDocument: trust, Tags: [{ Key: 'a', Value: 'b' }] }), addForm('Tags.member.1.Colour=red')))).toEqual(['CreateRole Tags.member.1.Colour unknown-member'])
  })

  it('a missing required member fails', async () => {
    expect(rules(await wire('iam', iam, new CreateRoleCommand({ RoleName: 'r' } as never)))).toEqual(['CreateRole AssumeRolePolicyDocument required'])
  })

  it('an out-of-range value, a too-long string and a pattern mismatch fail', async () => {
    expect(rules(await wire('iam', iam, new ListRolesCommand({ MaxItems: 5000 })))).toEqual(['ListRoles MaxItems range'])
    expect(rules(await wire('iam', iam, new CreateRoleCommand({ RoleName: 'r'.repeat(65), AssumeRolePolicyDocument: trust })))).toEqual(['CreateRole RoleName length'])
    expect(rules(await wire('iam', iam, new CreateRoleCommand({ RoleName: 'a b', AssumeRolePolicyDocument: trust })))).toEqual(['CreateRole RoleName pattern'])
  })

  it('a bad enum fails, inside a list too', async () => {
    expect(rules(await wire('cloudformation', cfn, new CreateChangeSetCommand({ StackName: 's', ChangeSetName: 'c1', ChangeSetType: 'MAKE' as never })))).toEqual(['CreateChangeSet ChangeSetType enum'])
    expect(rules(await wire('cloudformation', cfn, new CreateChangeSetCommand({ StackName: 's', ChangeSetName: 'c1', Capabilities: ['CAPABILITY_ALL' as never] })))).toEqual(['CreateChangeSet Capabilities[0] enum'])
  })

  it('an operation the service does not have, or another API version, fails', () => {
    const req = (body: string): ModelRequest => ({ method: 'POST', url: '/', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
    expect(rules(checkRequest(loadModel('cloudformation'), req('Action=DescribeStackz&Version=2010-05-15')))).toEqual(['DescribeStackz  operation'])
    expect(rules(checkRequest(loadModel('cloudformation'), req('Action=DescribeStacks&Version=2011-01-01')))).toEqual(['DescribeStacks Version version'])
  })

  it('a presigned GetCallerIdentity URL (the EKS token) passes with its signing parameters', () => {
    const url = '/?Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a%2F20260101%2Fus-west-2%2Fsts%2Faws4_request&X-Amz-Date=20260101T000000Z&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bx-k8s-aws-id&X-Amz-Signature=ab'
    expect(rules(checkRequest(loadModel('sts'), { method: 'GET', url, headers: {}, body: '' }))).toEqual([])
  })
})

describe('JSON protocol (SQS)', () => {
  it('passes a valid request; an unknown member, a missing required member and a bad enum fail', async () => {
    expect(rules(await wire('sqs', sqs, new SetQueueAttributesCommand({ QueueUrl: 'http://q', Attributes: { MessageRetentionPeriod: '300' } })))).toEqual([])
    expect(rules(await wire('sqs', sqs, new ListQueuesCommand({ QueueNamePrefix: 'k' }), addJson({ Extra: 1 })))).toEqual(['ListQueues Extra unknown-member'])
    expect(rules(await wire('sqs', sqs, new SetQueueAttributesCommand({ QueueUrl: 'http://q' } as never)))).toEqual(['SetQueueAttributes Attributes required'])
    expect(rules(await wire('sqs', sqs, new SetQueueAttributesCommand({ QueueUrl: 'http://q', Attributes: { Colour: 'red' } as never })))).toEqual(['SetQueueAttributes Attributes{key "Colour"} enum'])
  })
})

describe('REST-JSON protocol (EKS)', () => {
  const roleArn = 'arn:aws:iam::123456789012:role/r'
  it('passes a valid request (path label, query string, body)', async () => {
    expect(rules(await wire('eks', eks, new CreatePodIdentityAssociationCommand({ clusterName: 'c', namespace: 'karpenter', serviceAccount: 'karpenter', roleArn, tags: { a: 'b' } })))).toEqual([])
    expect(rules(await wire('eks', eks, new ListPodIdentityAssociationsCommand({ clusterName: 'c', namespace: 'karpenter', maxResults: 10 })))).toEqual([])
  })

  it('an unknown member, a missing required member and an out-of-range value fail', async () => {
    expect(rules(await wire('eks', eks, new CreatePodIdentityAssociationCommand({ clusterName: 'c', namespace: 'karpenter', serviceAccount: 'karpenter', roleArn }), addJson({ colour: 'red' })))).toEqual(['CreatePodIdentityAssociation colour unknown-member'])
    expect(rules(await wire('eks', eks, new CreatePodIdentityAssociationCommand({ clusterName: 'c', namespace: 'karpenter', roleArn } as never)))).toEqual(['CreatePodIdentityAssociation serviceAccount required'])
    expect(rules(await wire('eks', eks, new ListPodIdentityAssociationsCommand({ clusterName: 'c', maxResults: 500 })))).toEqual(['ListPodIdentityAssociations maxResults range'])
  })

  it('checks responses against the output shape', () => {
    const model = loadModel('eks')
    expect(checkJsonResponse(model, 'DescribeAddon', { addon: { addonName: 'a', status: 'ACTIVE' } })).toEqual([])
    expect(checkJsonResponse(model, 'DescribeAddon', { addon: { addonName: 'a', status: 'FINE' } }).map(v => `${v.member} ${v.rule}`)).toEqual(['(response) addon.status enum'])
    expect(checkJsonResponse(model, 'DescribeAccessEntry', { accessEntry: { clusterName: 'c', principalArn: roleArn, createdAt: 'x' }, extra: 1 }).map(v => `${v.member} ${v.rule}`)).toEqual(['(response) extra unknown-member', '(response) accessEntry.createdAt type'])
  })

  it('a path no operation has fails', () => {
    expect(rules(checkRequest(loadModel('eks'), { method: 'GET', url: '/clusters/c/nothing-here', headers: {}, body: '' }))).toEqual(['GET /clusters/c/nothing-here  operation'])
  })
})
