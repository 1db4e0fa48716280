// The fault suite (issue 6, part 3): the bundled action (dist/index.js) run as a runner runs it, against
// moto through the fault proxy, with `install-chart: false` and `node-access: none` so that only the AWS
// half runs. Every test uses its own cluster name, so the stacks of one never meet another's.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { IAMClient, CreateRoleCommand, DeleteRoleCommand, DeleteOpenIDConnectProviderCommand, ListOpenIDConnectProvidersCommand } from '@aws-sdk/client-iam'
import { startFaultEnv, clusterConfig, AWS_ONLY, TEST_REGION, type FaultEnv } from '../../test/harness/fault-proxy-env.js'
import { makeWorkspace, type ActionResult } from '../../test/harness/run-action.js'

let env: FaultEnv

beforeAll(async () => {
  env = await startFaultEnv()
}, 90_000)

afterAll(async () => {
  await env?.stop()
})

async function prepare(cluster: string): Promise<string> {
  await env.cluster(cluster)
  return makeWorkspace({ 'cluster.yaml': clusterConfig(cluster) })
}

const inputs = (extra: Record<string, string> = {}): Record<string, string> => ({ 'cluster-config': 'cluster.yaml', ...AWS_ONLY, ...extra })
const log = (r: ActionResult): string => `${r.stdout}\n${r.stderr}`
const karpenterStack = (c: string): string => `eksctl-${c}-karpenter`
const controllerStack = (c: string): string => `eksctl-${c}-addon-iamserviceaccount-karpenter-karpenter`

describe('transient AWS failures are retried', () => {
  it('throttling, 5xx and a dropped connection on STS, CloudFormation and IAM: the run still succeeds', async () => {
    const cluster = 'faults-transient'
    const workspace = await prepare(cluster)
    const { proxy } = env
    proxy.clearPlan()
    proxy.resetCalls()
    proxy.plan({ action: 'AssumeRoleWithWebIdentity', fault: { kind: 'throttle' }, times: 2 })
    proxy.plan({ action: 'AssumeRoleWithWebIdentity', fault: { kind: 'server-error', status: 503 }, times: 1 })
    proxy.plan({ action: 'GetCallerIdentity', fault: { kind: 'reset' }, times: 1 })
    proxy.plan({ action: 'ListOpenIDConnectProviders', fault: { kind: 'throttle' }, times: 1 })
    proxy.plan({ action: 'CreateOpenIDConnectProvider', fault: { kind: 'server-error', status: 500 }, times: 1 })
    proxy.plan({ action: 'CreateChangeSet', fault: { kind: 'throttle' }, times: 2 })
    proxy.plan({ action: 'DescribeStacks', fault: { kind: 'server-error', status: 500 }, times: 1 })
    proxy.plan({ action: 'DescribeStacks', fault: { kind: 'throttle' }, times: 1, skip: 2 })
    proxy.plan({ action: 'ExecuteChangeSet', fault: { kind: 'server-error', status: 503 }, times: 1 })

    const r = await env.run({ inputs: inputs(), workspace })

    expect({ code: r.code, log: r.code === 0 ? '' : log(r) }).toEqual({ code: 0, log: '' })
    expect(r.outputs['karpenter-stack-name']).toBe(karpenterStack(cluster))
    expect(r.outputs['node-role-name']).toBe(`eksctl-KarpenterNodeRole-${cluster}`)
    // every fault was served and then retried through: one more call than faults for each action
    const faulted = proxy.calls.filter(c => c.fault)
    expect(faulted.length).toBe(11)
    expect(proxy.count('AssumeRoleWithWebIdentity')).toBe(4)
    expect(proxy.count('GetCallerIdentity')).toBeGreaterThanOrEqual(2)
    expect(proxy.count('ListOpenIDConnectProviders')).toBeGreaterThanOrEqual(2)
    expect(proxy.count('CreateOpenIDConnectProvider')).toBe(2)
    // two stacks; the first one's CreateChangeSet was throttled twice
    expect(proxy.count('CreateChangeSet')).toBe(4)
    const state = await env.awsState()
    expect(state.stacks[karpenterStack(cluster)]).toBe('CREATE_COMPLETE')
    expect(state.stacks[controllerStack(cluster)]).toBe('CREATE_COMPLETE')
    // a retried ExecuteChangeSet must not have made a second stack or a duplicate provider
    expect(state.oidcProviders.filter(a => a.includes('oidc.eks')).length).toBeGreaterThanOrEqual(1)
  }, 180_000)
})

describe('a non-retryable error', () => {
  it('AccessDenied on CreateChangeSet fails at once with the AWS message and is not retried', async () => {
    const cluster = 'faults-denied'
    const workspace = await prepare(cluster)
    const { proxy } = env
    proxy.clearPlan()
    proxy.resetCalls()
    const message = `User: arn:aws:sts::123456789012:assumed-role/karpenter-deployer/karpenter-provision is not authorized to perform: cloudformation:CreateChangeSet on resource: ${karpenterStack(cluster)}`
    proxy.plan({ action: 'CreateChangeSet', fault: { kind: 'error', status: 403, code: 'AccessDenied', message }, times: 10 })

    const r = await env.run({ inputs: inputs(), workspace })

    expect(r.code).not.toBe(0)
    expect(log(r)).toContain(message)
    expect(r.annotations.filter(a => a.level === 'error').map(a => a.message).join('\n')).toContain('not authorized to perform: cloudformation:CreateChangeSet')
    expect(proxy.count('CreateChangeSet')).toBe(1)
    expect(proxy.count('ExecuteChangeSet')).toBe(0)
    const state = await env.awsState()
    expect(Object.keys(state.stacks).filter(s => s.includes(cluster))).toEqual([])
  }, 120_000)
})

describe('cancellation mid-apply', () => {
  it('SIGTERM while a stack is in progress: the log names that stack and the run exits non-zero', async () => {
    const cluster = 'faults-cancel'
    const workspace = await prepare(cluster)
    const { proxy } = env
    proxy.clearPlan()
    proxy.resetCalls()
    // moto finishes stacks at once; the proxy makes CloudFormation report the new stack as still creating
    proxy.plan({
      action: 'DescribeStacks',
      fault: { kind: 'rewrite', replace: [['<StackStatus>CREATE_COMPLETE</StackStatus>', '<StackStatus>CREATE_IN_PROGRESS</StackStatus>']] },
      times: Infinity
    })
    const running = env.start({ inputs: inputs(), workspace })
    const executed = await proxy.waitForCall(c => c.action === 'ExecuteChangeSet', { timeoutMs: 60_000 })
    // a second look at the stack after the execute: the action is now polling an in-progress stack
    await proxy.waitForCall(c => c.action === 'DescribeStacks' && c.seq > executed.seq + 1, { timeoutMs: 30_000, includeSeen: true })
    running.child.kill('SIGTERM')
    const r = await running.done
    proxy.clearPlan()

    expect(r.signal === null ? r.code : r.signal).not.toBe(0)
    expect(r.signal).toBeNull() // it handled the signal and exited by itself
    expect(log(r)).toMatch(new RegExp(`[Cc]ancelled while stack ${karpenterStack(cluster)} is mid-update`))
    expect(log(r)).toContain(`aws cloudformation describe-stacks --stack-name ${karpenterStack(cluster)} --region ${TEST_REGION}`)
    // it stopped: the controller stack was never started
    expect(proxy.calls.filter(c => c.action === 'CreateChangeSet').length).toBe(1)
  }, 120_000)
})

describe('a stack failure mid-apply', () => {
  it('a resource that cannot be created: a clear error naming it; after the cause is fixed the next apply recovers', async () => {
    const cluster = 'faults-stackfail'
    const workspace = await prepare(cluster)
    const { proxy, moto } = env
    proxy.clearPlan()
    proxy.resetCalls()
    const iam = new IAMClient({ region: TEST_REGION, endpoint: moto.directEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } })
    const nodeRole = `eksctl-KarpenterNodeRole-${cluster}`
    // someone already made a role with the node role's name: CloudFormation cannot create it
    await iam.send(new CreateRoleCommand({ RoleName: nodeRole, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }))

    const failed = await env.run({ inputs: inputs({ timeout: '60s' }), workspace })
    expect(failed.code).not.toBe(0)
    expect(log(failed)).toContain(karpenterStack(cluster))
    expect(log(failed)).toMatch(new RegExp(`${nodeRole}|KarpenterNodeRole`))
    expect(log(failed)).toMatch(/already exists/i)
    expect(failed.annotations.some(a => a.level === 'error')).toBe(true)
    expect(proxy.count('CreateChangeSet')).toBe(1) // the controller stack was not attempted

    await iam.send(new DeleteRoleCommand({ RoleName: nodeRole }))
    // moto leaves a stack whose change set failed to execute in REVIEW_IN_PROGRESS, where CloudFormation
    // leaves ROLLBACK_COMPLETE (and moto cannot create it again from there: a new change set executes as a
    // no-op). The proxy shows the recovery run the state AWS would show; the action must delete and recreate.
    proxy.plan({
      action: 'DescribeStacks',
      // only the Karpenter stack's describe (apply also looks for the other identity's stacks first)
      bodyMatches: new RegExp(`StackName=${karpenterStack(cluster)}(&|$)`),
      fault: { kind: 'rewrite', replace: [['<StackStatus>REVIEW_IN_PROGRESS</StackStatus>', '<StackStatus>ROLLBACK_COMPLETE</StackStatus>']] },
      times: 1
    })
    proxy.resetCalls()
    const recovered = await env.run({ inputs: inputs({ timeout: '60s' }), workspace })
    proxy.clearPlan()
    expect({ code: recovered.code, log: recovered.code === 0 ? '' : log(recovered) }).toEqual({ code: 0, log: '' })
    expect(recovered.stdout).toContain(`Stack ${karpenterStack(cluster)} is ROLLBACK_COMPLETE`)
    expect(proxy.count('DeleteStack')).toBe(1)
    const state = await env.awsState()
    expect(state.stacks[karpenterStack(cluster)]).toBe('CREATE_COMPLETE')
    expect(state.stacks[controllerStack(cluster)]).toBe('CREATE_COMPLETE')
    expect(state.roles).toContain(nodeRole)
    iam.destroy()
  }, 240_000)
})

describe('two applies at once on one cluster', () => {
  it('a run that starts while another is creating the stack waits for it, then finds nothing to change', async () => {
    const cluster = 'faults-overlap'
    const workspace = await prepare(cluster)
    const { proxy } = env
    proxy.clearPlan()
    proxy.resetCalls()
    // the first run's controller stack looks "creating" until the second run has seen it so: the second run
    // starts while the first is still waiting on CloudFormation
    proxy.plan({
      action: 'DescribeStacks',
      bodyMatches: new RegExp(`StackName=${controllerStack(cluster)}(&|$)`),
      fault: { kind: 'rewrite', replace: [['<StackStatus>CREATE_COMPLETE</StackStatus>', '<StackStatus>CREATE_IN_PROGRESS</StackStatus>']] },
      times: Infinity
    })
    const first = env.start({ inputs: inputs({ timeout: '90s' }), workspace })
    const executed = await proxy.waitForCall(c => c.action === 'ExecuteChangeSet', { timeoutMs: 60_000 })
    await proxy.waitForCall(c => c.action === 'ExecuteChangeSet' && c.seq > executed.seq, { timeoutMs: 60_000 })
    const second = env.start({ inputs: inputs({ timeout: '90s' }), workspace })
    await second.waitForOutput(`Stack ${controllerStack(cluster)} is CREATE_IN_PROGRESS (another run or a person is changing it); waiting`, 60_000)
    proxy.clearPlan()
    const [a, b] = await Promise.all([first.done, second.done])
    proxy.clearPlan()

    expect([a.code, b.code, a.code === 0 ? '' : log(a), b.code === 0 ? '' : log(b)]).toEqual([0, 0, '', ''])
    expect(b.stdout).toContain(`Stack ${karpenterStack(cluster)}: no changes`)
    expect(b.stdout).toContain(`Stack ${controllerStack(cluster)}: no changes`)
    const state = await env.awsState()
    expect(state.stacks[karpenterStack(cluster)]).toBe('CREATE_COMPLETE')
    expect(state.stacks[controllerStack(cluster)]).toBe('CREATE_COMPLETE')
    // the first run created both stacks; the second executed nothing
    expect(proxy.count('ExecuteChangeSet')).toBe(2)
  }, 240_000)

  it('two runs started together: the loser of the stack race fails with a clear error naming the stack; the OIDC provider race is handled', async () => {
    const cluster = 'faults-concurrent'
    const workspace = await prepare(cluster)
    const { proxy } = env
    proxy.clearPlan()
    proxy.resetCalls()
    // The runs are made to meet where the races are, whatever their start-up skew (under load one run can
    // start seconds after the other; the runs then met somewhere else, or in the middle of moto re-running a
    // stack's resources, and the outcome depended on when a status poll landed):
    //  - both list the OIDC providers before either creates one, so both create it and one gets EntityAlreadyExists;
    //  - both find no Karpenter stack: the first run's CreateChangeSet goes ahead only once the second run's has
    //    arrived too, and the second run's is sent only when the first run has finished.
    // the earlier tests' clusters share moto's OIDC issuer: remove its provider so that both runs create it
    const iam = new IAMClient({ region: TEST_REGION, endpoint: env.moto.directEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } })
    for (const p of (await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? []) {
      await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: p.Arn }))
    }
    iam.destroy()
    const karpenterOnly = new RegExp(`StackName=${karpenterStack(cluster)}(&|$)`)
    proxy.plan({ action: 'ListOpenIDConnectProviders', fault: { kind: 'barrier', parties: 2 }, times: 2 })
    let bothArrived!: () => void
    let firstDone!: () => void
    const secondArrived = new Promise<void>(r => (bothArrived = r))
    const firstFinished = new Promise<void>(r => (firstDone = r))
    proxy.plan({ action: 'CreateChangeSet', bodyMatches: karpenterOnly, fault: { kind: 'hold', until: secondArrived }, times: 1 })
    proxy.plan({ action: 'CreateChangeSet', bodyMatches: karpenterOnly, fault: { kind: 'hold', until: firstFinished, onArrival: bothArrived }, times: 1 })
    const runs = [env.start({ inputs: inputs({ timeout: '90s' }), workspace }), env.start({ inputs: inputs({ timeout: '90s' }), workspace })]
    const first = await Promise.race(runs.map(r => r.done))
    firstDone()
    const [a, b] = await Promise.all(runs.map(r => r.done))
    proxy.clearPlan()

    const errorsOf = (r: ActionResult): string => r.annotations.filter(x => x.level === 'error').map(x => x.message).join('\n')
    const second = first === a ? b : a
    expect({ code: first.code, log: first.code === 0 ? '' : log(first) }).toEqual({ code: 0, log: '' })
    expect(second.signal).toBeNull()
    expect(second.code).toBe(1)
    // a clear error about the stack both runs were creating — never about the IAM OIDC provider, whose
    // create race (EntityAlreadyExists for the loser) the action absorbs
    expect(errorsOf(second)).toContain(karpenterStack(cluster))
    expect(errorsOf(second)).not.toMatch(/OpenIDConnect|oidc-provider/i)
    expect(proxy.count('CreateOpenIDConnectProvider')).toBe(2)
    const state = await env.awsState()
    expect(state.oidcProviders.length).toBe(1)
    expect(state.stacks[controllerStack(cluster)]).toBe('CREATE_COMPLETE')
    // Known moto gap, asserted rather than hidden: CloudFormation refuses the second run's CREATE change set
    // (the stack exists by then) and the stack stays CREATE_COMPLETE; moto accepts and executes it, fails on the
    // role the first run made, and resets the stack to REVIEW_IN_PROGRESS.
    expect(state.stacks[karpenterStack(cluster)]).toBe('REVIEW_IN_PROGRESS')
  }, 240_000)
})
