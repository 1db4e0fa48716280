// The CloudFormation executors (src/cfn/deploy.ts, plan.ts, prepare.ts) against moto's CloudFormation: create,
// update and no-op through change sets as moto serves them; every request is checked against botocore's model and
// counted by the proxy (test/harness/moto.ts), so "no change set" and "never executed" are what moto saw.
// What moto cannot produce (ROLLBACK_COMPLETE, stuck or in-progress stacks, FAILED change sets, event cadence,
// throttling, timeouts) stays in the mock-based unit tests under __tests__/unit/cfn/.
import { describe, it, expect, beforeAll, afterAll, beforeEach, jest } from '@jest/globals'
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  ListStacksCommand,
  ListChangeSetsCommand
} from '@aws-sdk/client-cloudformation'
import { startMoto, type Moto } from '../../test/harness/moto.js'
import type { StackSpec } from '../../src/core/types.js'
import { deployStack, type DeployOptions } from '../../src/cfn/deploy.js'
import { planStack, type PlanOptions } from '../../src/cfn/plan.js'
import { prepareChangeSet, pollFrom, type PrepareOptions } from '../../src/cfn/prepare.js'

const REGION = 'us-west-2'
const NAME = 'eksctl-prod-karpenter'
const spec: StackSpec = {
  name: NAME,
  template: {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: 'Karpenter',
    Resources: { KarpenterNodeRole: { Type: 'AWS::IAM::Role', Properties: { RoleName: 'eksctl-KarpenterNodeRole-prod', AssumeRolePolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] } } } }
  },
  parameters: {},
  tags: { 'alpha.eksctl.io/cluster-name': 'prod', 'alpha.eksctl.io/karpenter-version': '1.2.1' },
  capabilities: ['CAPABILITY_NAMED_IAM'],
  terminationProtection: true
}
const tags = Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value }))

let moto: Moto
let cfn: CloudFormationClient
let sleeps: number[]
let printed: string[]

beforeAll(async () => {
  moto = await startMoto()
  cfn = new CloudFormationClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' } })
}, 60_000)

afterAll(async () => {
  cfn?.destroy()
  await moto?.stop()
})

beforeEach(async () => {
  await moto.reset()
  moto.resetCalls()
  sleeps = []
  printed = []
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
})

/** a short real wait (moto settles at once), recorded */
const sleep = async (ms: number): Promise<void> => {
  sleeps.push(ms)
  await new Promise(r => setTimeout(r, 10))
}
const deployOpts = (over: Partial<DeployOptions> = {}): DeployOptions => ({ region: REGION, timeoutMs: 60_000, sleep, changeSetName: 'cs-1', print: line => void printed.push(line), ...over })
const params = (action: string) => moto.calls.filter(c => c.action === action).map(c => c.request.params)
/** a stack made outside the action (e.g. by eksctl) */
const existing = (template: object, stackTags = tags, body = JSON.stringify(template)) =>
  cfn.send(new CreateStackCommand({ StackName: NAME, TemplateBody: body, Tags: stackTags, Capabilities: ['CAPABILITY_NAMED_IAM'] })).then(() => moto.resetCalls())
const described = async () => (await cfn.send(new DescribeStacksCommand({ StackName: NAME }))).Stacks![0]

describe('deployStack', () => {
  it('creates a new stack through a CREATE change set, with capabilities, tags and termination protection', async () => {
    const o = await deployStack(cfn, spec, deployOpts())
    expect(o).toMatchObject({ stack: NAME, action: 'created', status: 'CREATE_COMPLETE', changes: [{ action: 'Add', logicalId: 'KarpenterNodeRole', resourceType: 'AWS::IAM::Role' }] })
    const [input] = params('CreateChangeSet')
    expect(input).toMatchObject({ StackName: NAME, ChangeSetType: 'CREATE', ChangeSetName: 'cs-1', 'Capabilities.member.1': 'CAPABILITY_NAMED_IAM' })
    expect(params('CreateChangeSet')).toHaveLength(1)
    expect(params('ExecuteChangeSet')).toHaveLength(1)
    expect(JSON.parse(input.TemplateBody)).toEqual(spec.template)
    // moto does not implement UpdateTerminationProtection (it answers 404): the request is checked here, the
    // protected stack in the unit test (__tests__/unit/cfn/deploy.test.ts)
    expect(params('UpdateTerminationProtection')[0]).toMatchObject({ StackName: NAME, EnableTerminationProtection: 'true' })
    // the poll that found it ready (asked with IncludePropertyValues) was also the description of its changes
    expect(params('DescribeChangeSet').length).toBeGreaterThan(0)
    expect(params('DescribeChangeSet').every(p => p.IncludePropertyValues === 'true')).toBe(true)
    const s = await described()
    expect(s.StackStatus).toBe('CREATE_COMPLETE')
    expect(s.Tags).toEqual(expect.arrayContaining(tags))
    expect(s.Tags).toHaveLength(tags.length)
    expect(JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: NAME }))).TemplateBody ?? '')).toEqual(spec.template)
  })

  it('makes no change set when template, parameters and tags match (no-op)', async () => {
    // the deployed body has other key order and white space: still equal
    await existing(spec.template, tags, JSON.stringify({ Resources: spec.template.Resources, Description: 'Karpenter', AWSTemplateFormatVersion: '2010-09-09' }, null, 2))
    const o = await deployStack(cfn, spec, deployOpts())
    expect(o).toMatchObject({ action: 'unchanged', status: 'CREATE_COMPLETE', changes: [] })
    expect(moto.count('CreateChangeSet')).toBe(0)
    expect(moto.count('ExecuteChangeSet')).toBe(0)
  })

  it('a second deploy of what the first made changes nothing', async () => {
    await deployStack(cfn, spec, deployOpts())
    moto.resetCalls()
    const o = await deployStack(cfn, spec, deployOpts({ changeSetName: 'cs-2' }))
    expect(o).toMatchObject({ action: 'unchanged', changes: [] })
    expect(moto.count('CreateChangeSet')).toBe(0)
    expect(moto.count('ExecuteChangeSet')).toBe(0)
  })

  it('updates an adopted eksctl stack whose template differs', async () => {
    const role = spec.template.Resources.KarpenterNodeRole
    await existing({ ...spec.template, Description: 'made by eksctl', Resources: { KarpenterNodeRole: { ...role, Properties: { ...role.Properties, Description: 'old' } } } })
    const o = await deployStack(cfn, spec, deployOpts())
    // moto reports the Modify without Replacement or Details; their mapping is a unit test (deploy.test.ts)
    expect(o).toMatchObject({ action: 'updated', status: 'UPDATE_COMPLETE', changes: [{ action: 'Modify', logicalId: 'KarpenterNodeRole', resourceType: 'AWS::IAM::Role' }] })
    expect(o.changes).toHaveLength(1)
    expect(params('CreateChangeSet')[0].ChangeSetType).toBe('UPDATE')
    expect(moto.count('ExecuteChangeSet')).toBe(1)
    expect(moto.count('UpdateTerminationProtection')).toBe(0)
    expect((await cfn.send(new GetTemplateCommand({ StackName: NAME }))).TemplateBody).toContain('"Description":"Karpenter"')
  })

  it('updates when only the tags differ; an empty change set then counts as unchanged and is deleted', async () => {
    await existing(spec.template, [{ Key: 'alpha.eksctl.io/cluster-name', Value: 'prod' }])
    const o = await deployStack(cfn, spec, deployOpts())
    expect(o.action).toBe('unchanged')
    expect(params('CreateChangeSet').map(p => p.ChangeSetType)).toEqual(['UPDATE'])
    expect(params('DeleteChangeSet')).toEqual([expect.objectContaining({ StackName: NAME, ChangeSetName: 'cs-1' })])
    expect(moto.count('ExecuteChangeSet')).toBe(0)
  })
})

describe('planStack', () => {
  const planSpec: StackSpec = {
    ...spec,
    template: {
      ...spec.template,
      Resources: { ...spec.template.Resources, KarpenterInterruptionQueue: { Type: 'AWS::SQS::Queue', Properties: { QueueName: 'prod' } } }
    }
  }
  const planOpts: PlanOptions = { timeoutMs: 60_000, sleep, changeSetName: 'plan-1' }
  const stacks = async () => ((await cfn.send(new ListStacksCommand({}))).StackSummaries ?? []).filter(s => s.StackStatus !== 'DELETE_COMPLETE').map(s => `${s.StackName} ${s.StackStatus}`)

  it('a missing stack: CREATE change set, every resource an Add, change set and empty review stack deleted, never executed', async () => {
    const r = await planStack(cfn, planSpec, planOpts)
    expect(r.hasChanges).toBe(true)
    expect(r.outcome).toMatchObject({ action: 'planned', status: 'ABSENT' })
    expect(r.outcome.changes.map(c => `${c.action} ${c.logicalId}`).sort()).toEqual(['Add KarpenterInterruptionQueue', 'Add KarpenterNodeRole'])
    expect(params('CreateChangeSet').map(p => p.ChangeSetType)).toEqual(['CREATE'])
    expect(moto.count('ExecuteChangeSet')).toBe(0)
    expect(params('DeleteChangeSet')).toEqual([expect.objectContaining({ StackName: NAME, ChangeSetName: 'plan-1' })])
    expect(moto.count('DeleteStack')).toBe(1)
    expect(await stacks()).toEqual([])
  })

  it('a changed stack: UPDATE change set, deleted afterwards; the existing stack is not deleted', async () => {
    await existing(spec.template)
    const r = await planStack(cfn, planSpec, planOpts)
    expect(r.hasChanges).toBe(true)
    expect(r.differences).toContain('template body differs')
    expect(params('CreateChangeSet').map(p => p.ChangeSetType)).toEqual(['UPDATE'])
    expect(params('DescribeChangeSet').some(p => p.IncludePropertyValues === 'true')).toBe(true)
    expect(r.outcome.changes.map(c => `${c.action} ${c.logicalId} ${c.resourceType}`)).toEqual(['Add KarpenterInterruptionQueue AWS::SQS::Queue'])
    expect(params('DeleteChangeSet')).toHaveLength(1)
    expect(moto.count('DeleteStack')).toBe(0)
    expect(moto.count('ExecuteChangeSet')).toBe(0)
    expect(await stacks()).toEqual([`${NAME} CREATE_COMPLETE`])
    expect(JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: NAME }))).TemplateBody ?? '')).toEqual(spec.template)
  })

  it('an equal stack: no change set at all, "unchanged"', async () => {
    await existing(planSpec.template)
    const r = await planStack(cfn, planSpec, planOpts)
    expect(r).toMatchObject({ hasChanges: false, outcome: { action: 'unchanged', status: 'CREATE_COMPLETE', changes: [] } })
    expect(moto.count('CreateChangeSet')).toBe(0)
  })
})

describe('prepareChangeSet', () => {
  let seen: { status: string }
  const options = (): PrepareOptions => ({
    poll: pollFrom({ timeoutMs: 60_000, sleep }),
    changeSetName: 'cs-1',
    busyNote: status => `busy ${status}`,
    waitFailed: err => {
      throw err
    },
    recreate: false,
    seen
  })
  beforeEach(() => {
    seen = { status: 'UNKNOWN' }
  })
  const changeSets = async () => ((await cfn.send(new ListChangeSetsCommand({ StackName: NAME }))).Summaries ?? []).map(c => c.ChangeSetName)

  it('no stack: a CREATE change set', async () => {
    const p = await prepareChangeSet(cfn, spec, options())
    expect(p).toMatchObject({ kind: 'change-set', type: 'CREATE', name: 'cs-1', exists: false, recreated: false })
    expect(seen.status).toBe('ABSENT')
    expect(params('CreateChangeSet').map(p => p.ChangeSetType)).toEqual(['CREATE'])
    expect(await changeSets()).toEqual(['cs-1'])
    expect(moto.count('ExecuteChangeSet')).toBe(0)
  })

  it('an equal stack: no change set at all', async () => {
    await existing(spec.template)
    expect((await prepareChangeSet(cfn, spec, options())).kind).toBe('unchanged')
    expect(moto.count('CreateChangeSet')).toBe(0)
    expect(await changeSets()).toEqual([])
  })

  it('a differing stack: an UPDATE change set, with what differs', async () => {
    await existing({ ...spec.template, Description: 'old' })
    const p = await prepareChangeSet(cfn, spec, options())
    expect(p).toMatchObject({ kind: 'change-set', type: 'UPDATE', exists: true })
    expect(p.kind === 'change-set' && p.differences).toEqual(['template body differs'])
    expect(params('CreateChangeSet').map(p => p.ChangeSetType)).toEqual(['UPDATE'])
    expect(moto.count('ExecuteChangeSet')).toBe(0)
  })
})
