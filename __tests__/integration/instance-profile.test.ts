// Instance profile names are account-wide. A second cluster whose config copies the README example's
// `defaultInstanceProfile: KarpenterNodeInstanceProfile` must be refused by preflight, before any change, naming
// the stack that owns the profile — not fail half-way in CloudFormation with "already exists". Two clusters in
// one moto, the bundled action run as a runner runs it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { startFaultEnv, clusterConfig, AWS_ONLY, type FaultEnv } from '../../test/harness/fault-proxy-env.js'
import { makeWorkspace, type ActionResult } from '../../test/harness/run-action.js'

let env: FaultEnv

beforeAll(async () => {
  env = await startFaultEnv()
}, 90_000)

afterAll(async () => {
  await env?.stop()
})

const SHARED = 'KarpenterNodeInstanceProfile'
const errorsOf = (r: ActionResult): string => r.annotations.filter(a => a.level === 'error').map(a => a.message).join('\n')

async function apply(cluster: string, profile?: string, mode = 'apply'): Promise<ActionResult> {
  await env.cluster(cluster)
  const extra = profile ? `  defaultInstanceProfile: ${profile}` : ''
  const workspace = await makeWorkspace({ 'cluster.yaml': clusterConfig(cluster, { extra }) })
  env.proxy.resetCalls()
  return env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY, mode }, workspace })
}

describe('defaultInstanceProfile shared by two clusters', () => {
  it('the first cluster gets it; the second is refused before any change, naming the first cluster\'s stack', async () => {
    const first = await apply('profile-a', SHARED)
    expect({ code: first.code, errors: errorsOf(first) }).toEqual({ code: 0, errors: '' })
    expect(first.outputs['instance-profile-name']).toBe(SHARED)

    const second = await apply('profile-b', SHARED)
    expect(second.code).toBe(1)
    expect(errorsOf(second)).toMatch(
      /IAM instance profile "KarpenterNodeInstanceProfile" \(karpenter\.defaultInstanceProfile\) already exists and belongs to CloudFormation stack eksctl-profile-a-karpenter\. Instance profile names are account-wide/
    )
    expect(errorsOf(second)).toContain('KarpenterNodeInstanceProfile-profile-b')
    // nothing was changed for the second cluster: no OIDC provider, change set or stack
    expect(env.proxy.mutations().map(c => c.action)).toEqual([])
    const state = await env.awsState()
    expect(Object.keys(state.stacks).filter(s => s.includes('profile-b'))).toEqual([])
    expect(state.roles.filter(r => r.includes('profile-b'))).toEqual([])
  }, 180_000)

  it('plan of the second cluster says apply would refuse, and why, and still shows the plan', async () => {
    const planned = await apply('profile-b', SHARED, 'plan')
    expect({ code: planned.code, errors: errorsOf(planned) }).toEqual({ code: 0, errors: '' })
    expect(planned.annotations.filter(a => a.level === 'warning').map(a => a.message).join('\n')).toMatch(/apply would refuse: IAM instance profile "KarpenterNodeInstanceProfile" \(karpenter\.defaultInstanceProfile\) already exists and belongs to CloudFormation stack eksctl-profile-a-karpenter/)
    expect(planned.outputs['has-changes']).toBe('true')
    expect(env.proxy.mutations().map(c => c.action).filter(a => !/ChangeSet$/.test(a) && a !== 'DeleteStack')).toEqual([])
  }, 120_000)

  it('a re-apply of the cluster that owns it goes through', async () => {
    const again = await apply('profile-a', SHARED)
    expect({ code: again.code, errors: errorsOf(again) }).toEqual({ code: 0, errors: '' })
  }, 120_000)

  it('a profile of that name made outside CloudFormation is refused too', async () => {
    const { IAMClient, CreateInstanceProfileCommand } = await import('@aws-sdk/client-iam')
    const iam = new IAMClient({ region: 'us-west-2', endpoint: env.moto.directEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } })
    await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'hand-made-profile' }))
    iam.destroy()
    const r = await apply('profile-c', 'hand-made-profile')
    expect(r.code).toBe(1)
    expect(errorsOf(r)).toMatch(/"hand-made-profile" \(karpenter\.defaultInstanceProfile\) already exists and is not part of stack eksctl-profile-c-karpenter, and no CloudFormation stack in us-west-2 owns it/)
    expect(env.proxy.mutations().map(c => c.action)).toEqual([])
  }, 120_000)
})
