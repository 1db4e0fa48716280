// The CloudFormation executors (src/cfn/deploy.ts, plan.ts, prepare.ts) against moto's CloudFormation: create,
// update and no-op through change sets as moto serves them; every request is checked against botocore's model and
// counted by the proxy (test/harness/moto.ts), so "no change set" and "never executed" are what moto saw.
// Also against moto: a resource that fails makes ExecuteChangeSet itself fail (moto answers NoSuchEntity and leaves
// the stack REVIEW_IN_PROGRESS with stack-level events only), a CreateChangeSet refused by moto's IAM policy
// evaluation (its /moto-api/reset-auth switch), and a cancellation that arrives while the change set is described
// (signalled from the proxy as moto serves that request).
// What moto cannot produce (ROLLBACK_COMPLETE, stuck or in-progress stacks, pending or FAILED change sets, Modify
// details, resource events, event cadence, timeouts) stays in the mock-based unit tests under __tests__/unit/cfn/,
// whose headers list each case and the moto behaviour that keeps it there.
import { describe, it, expect, beforeAll, afterAll, beforeEach, jest } from '@jest/globals'
import {
  CloudFormationClient,
  CreateStackCommand,
  DescribeStacksCommand,
  GetTemplateCommand,
  ListStacksCommand,
  ListChangeSetsCommand
} from '@aws-sdk/client-cloudformation'
import { IAMClient, CreateUserCommand, PutUserPolicyCommand, CreateAccessKeyCommand } from '@aws-sdk/client-iam'
import { startMoto, type Moto } from '../../test/harness/moto.js'
import type { StackSpec } from '../../src/core/types.js'
import { deployStack, StackDeployError, DeployCancelledError, type DeployOptions } from '../../src/cfn/deploy.js'
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
/** told of each CloudFormation request (its Action) before moto serves it */
let onRequest: ((action: string) => void) | undefined

beforeAll(async () => {
  moto = await startMoto()
  cfn = new CloudFormationClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' } })
  moto.intercept(async req => {
    const action = new URLSearchParams(req.body).get('Action')
    if (action) onRequest?.(action)
    return undefined // moto serves it
  })
}, 60_000)

afterAll(async () => {
  cfn?.destroy()
  await moto?.stop()
})

beforeEach(async () => {
  await moto.reset()
  moto.resetCalls()
  onRequest = undefined
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
const liveStacks = async () => ((await cfn.send(new ListStacksCommand({}))).StackSummaries ?? []).filter(s => s.StackStatus !== 'DELETE_COMPLETE').map(s => `${s.StackName} ${s.StackStatus}`)

/** moto's IAM policy evaluation: off (moto's default) or on, for every request after the switch */
async function enforceIam(on: boolean): Promise<void> {
  const r = await fetch(`${moto.directEndpoint}/moto-api/reset-auth`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: on ? '0' : 'inf' })
  if (!r.ok) throw new Error(`moto reset-auth: ${r.status}`)
}

describe('deployStack', () => {
  it('creates a new stack through a CREATE change set, with capabilities, tags and termination protection', async () => {
    const o = await deployStack(cfn, spec, deployOpts())
    expect(o).toMatchObject({ stack: NAME, action: 'created', status: 'CREATE_COMPLETE', changes: [{ action: 'Add', logicalId: 'KarpenterNodeRole', resourceType: 'AWS::IAM::Role' }] })
    const [input] = params('CreateChangeSet')
    expect(input).toMatchObject({ StackName: NAME, ChangeSetType: 'CREATE', ChangeSetName: 'cs-1', 'Capabilities.member.1': 'CAPABILITY_NAMED_IAM' })
    expect(params('CreateChangeSet')).toHaveLength(1)
    expect(params('ExecuteChangeSet')).toHaveLength(1)
    expect(JSON.parse(input.TemplateBody)).toEqual(spec.template)
    // moto does not implement UpdateTerminationProtection (it answers HTTP 500): the request is checked here, the
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

  it('a resource that fails makes ExecuteChangeSet fail: the error is explained with the stack-level events and AWS\'s words', async () => {
    // moto creates the resources inside ExecuteChangeSet: an inline policy on a role that does not exist makes it
    // answer NoSuchEntity, and the stack stays REVIEW_IN_PROGRESS with only its own (stack-level) events
    const failing: StackSpec = {
      ...spec,
      template: {
        ...spec.template,
        Resources: {
          ...spec.template.Resources,
          NodePolicy: { Type: 'AWS::IAM::Policy', Properties: { PolicyName: 'nodes', Roles: ['no-such-role'], PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ec2:DescribeInstances', Resource: '*' }] } } }
        }
      }
    }
    const err = (await deployStack(cfn, failing, deployOpts()).catch(e => e)) as StackDeployError
    expect(err).toBeInstanceOf(StackDeployError)
    expect(err.message).toMatch(/^Executing the change set of stack eksctl-prod-karpenter failed: .*no-such-role not found/)
    expect(err.outcome).toMatchObject({ stack: NAME, action: 'failed', status: 'REVIEW_IN_PROGRESS' })
    expect(err.outcome.failures).toEqual([expect.objectContaining({ logicalId: NAME, reason: expect.stringContaining('no-such-role not found') })])
    expect(moto.calls.filter(c => c.action === 'ExecuteChangeSet').map(c => c.status)).toEqual([404])
    // the stack's own event, printed while explaining (moto sends no resource events)
    expect(printed.some(l => l.includes(`${NAME} (AWS::CloudFormation::Stack) CREATE_IN_PROGRESS`))).toBe(true)
    expect(moto.count('UpdateTerminationProtection')).toBe(0)
  })

  it('an API refusal (CreateChangeSet denied by an IAM policy) fails with the stack, its status and AWS\'s words; nothing is made', async () => {
    const iam = new IAMClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' } })
    await iam.send(new CreateUserCommand({ UserName: 'deployer' }))
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'cloudformation:*', Resource: '*' }, { Effect: 'Deny', Action: 'cloudformation:CreateChangeSet', Resource: '*' }] }
    await iam.send(new PutUserPolicyCommand({ UserName: 'deployer', PolicyName: 'no-change-sets', PolicyDocument: JSON.stringify(policy) }))
    const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'deployer' }))).AccessKey!
    iam.destroy()
    const denied = new CloudFormationClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } })
    moto.resetCalls()
    await enforceIam(true)
    let err: StackDeployError & { cause: Error }
    try {
      err = await deployStack(denied, spec, deployOpts()).catch(e => e)
    } finally {
      await enforceIam(false)
      denied.destroy()
    }
    const words = 'User: arn:aws:iam::123456789012:user/deployer is not authorized to perform: cloudformation:CreateChangeSet'
    expect(err).toBeInstanceOf(StackDeployError)
    expect(err.message).toContain(words)
    expect(err.outcome).toMatchObject({ stack: NAME, action: 'failed', status: 'ABSENT', failures: [{ status: 'FAILED', reason: expect.stringContaining(words) }] })
    expect(err.cause.name).toBe('AccessDenied')
    expect(moto.calls.filter(c => c.action === 'CreateChangeSet').map(c => c.status)).toEqual([403])
    expect(await liveStacks()).toEqual([])
  })

  it('cancelled while the change set is described: it is deleted and never executed', async () => {
    const ac = new AbortController()
    onRequest = action => {
      if (action === 'DescribeChangeSet') ac.abort(new Error('SIGTERM'))
    }
    const err = (await deployStack(cfn, spec, deployOpts({ signal: ac.signal })).catch(e => e)) as Error
    expect(err).toBeInstanceOf(DeployCancelledError)
    expect(err.message).toMatch(/eksctl-prod-karpenter.*not executed.*deleted/)
    expect(moto.count('ExecuteChangeSet')).toBe(0)
    expect(params('DeleteChangeSet')).toEqual([expect.objectContaining({ StackName: NAME, ChangeSetName: 'cs-1' })])
    expect((await cfn.send(new ListChangeSetsCommand({ StackName: NAME }))).Summaries ?? []).toEqual([])
    // what a never-executed CREATE change set leaves: an empty stack under review, no resources
    expect(await liveStacks()).toEqual([`${NAME} REVIEW_IN_PROGRESS`])
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

  it('a missing stack: CREATE change set, every resource an Add, change set and empty review stack deleted, never executed', async () => {
    const r = await planStack(cfn, planSpec, planOpts)
    expect(r.hasChanges).toBe(true)
    expect(r.outcome).toMatchObject({ action: 'planned', status: 'ABSENT' })
    expect(r.outcome.changes.map(c => `${c.action} ${c.logicalId}`).sort()).toEqual(['Add KarpenterInterruptionQueue', 'Add KarpenterNodeRole'])
    expect(params('CreateChangeSet').map(p => p.ChangeSetType)).toEqual(['CREATE'])
    expect(moto.count('ExecuteChangeSet')).toBe(0)
    expect(params('DeleteChangeSet')).toEqual([expect.objectContaining({ StackName: NAME, ChangeSetName: 'plan-1' })])
    expect(moto.count('DeleteStack')).toBe(1)
    expect(await liveStacks()).toEqual([])
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
    expect(await liveStacks()).toEqual([`${NAME} CREATE_COMPLETE`])
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

  it('a stack the caller refuses (deploy: stuck states): the caller\'s error before anything is read or changed', async () => {
    await existing(spec.template)
    const refusal = new Error('refused')
    await expect(prepareChangeSet(cfn, spec, { ...options(), refuse: s => (s.StackStatus === 'CREATE_COMPLETE' ? refusal : undefined) })).rejects.toBe(refusal)
    expect(seen.status).toBe('CREATE_COMPLETE')
    expect(moto.count('GetTemplate')).toBe(0)
    expect(moto.count('CreateChangeSet')).toBe(0)
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
