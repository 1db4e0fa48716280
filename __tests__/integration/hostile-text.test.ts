// Issue 11 (items 2, 3, 10, 11, 12, 15, 19) through the bundled action (dist/index.js) as a runner runs it,
// against moto through the fault proxy: hostile text in tags is refused on the spot and never becomes a
// workflow command or Markdown structure; failures keep the summary and the outputs truthful.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { CloudFormationClient, UpdateStackCommand } from '@aws-sdk/client-cloudformation'
import { startFaultEnv, AWS_ONLY, TEST_REGION, type FaultEnv } from '../../test/harness/fault-proxy-env.js'
import { makeWorkspace, runAction, REPO_ROOT, type ActionResult } from '../../test/harness/run-action.js'
import { renderMarkdown, structure, visibleText } from '../../test/harness/markdown.js'

let env: FaultEnv

beforeAll(async () => {
  env = await startFaultEnv()
}, 90_000)

afterAll(async () => {
  await env?.stop()
})

/** A config for `cluster`; `metadataExtra` goes under metadata:, `extra` at the end (top-level keys). */
function config(cluster: string, opts: { metadataExtra?: string[]; extra?: string[]; queue?: boolean; karpenterExtra?: string[] } = {}): string {
  return [
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata:',
    `  name: ${cluster}`,
    `  region: ${TEST_REGION}`,
    "  version: '1.32'",
    ...(opts.metadataExtra ?? []),
    'iam:',
    '  withOIDC: true',
    ...(opts.extra ?? []),
    'karpenter:',
    "  version: '1.2.1'",
    `  withSpotInterruptionQueue: ${opts.queue ?? true}`,
    ...(opts.karpenterExtra ?? []),
    ''
  ].join('\n')
}

const karpenterStack = (c: string): string => `eksctl-${c}-karpenter`
const controllerStack = (c: string): string => `eksctl-${c}-addon-iamserviceaccount-karpenter-karpenter`

/** Lines a runner would take for workflow commands: `::` or `##[` after leading blanks. */
const commandLines = (r: ActionResult): string[] => r.stdout.split(/\r\n|\r|\n/).filter(l => /^\s*(::|##\[)/.test(l))

/** No line of the log is one of the commands the hostile text holds (`::error::pwned`, `::add-mask::hidden`). */
function expectNoInjectedCommand(r: ActionResult): void {
  expect(commandLines(r).filter(l => /^\s*(::(error|warning|notice|debug|add-mask)::(pwned|hidden)|##\[)/.test(l))).toEqual([])
}

describe('hostile tag values (plan and apply): refused at file:line:col, within seconds, nothing asked of AWS', () => {
  const hostile = config('hostile-tags', {
    metadataExtra: ['  tags:', '    team: |', '      ok', '      ::error::pwned', '    note: "x`\\n# Heading\\n![i](https://evil.example/a.png)"'],
    extra: ['  podIdentityAssociations:', '    - namespace: karpenter', '      serviceAccountName: karpenter', '      tags:', '        owner: "a\\n::add-mask::hidden"']
  })

  it.each(['plan', 'apply'])('%s', async mode => {
    const workspace = await makeWorkspace({ 'cluster.yaml': hostile })
    env.proxy.resetCalls()
    const tokens = env.oidc.requests.length
    const r = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY, mode }, workspace })
    expect(r.code).toBe(1)
    expect(r.elapsedMs).toBeLessThan(15_000)
    expect(env.proxy.calls.map(c => c.action)).toEqual([])
    expect(env.oidc.requests.length).toBe(tokens)
    const errors = r.annotations.filter(a => a.level === 'error' && a.properties.file === 'cluster.yaml')
    expect(errors.map(a => `${a.properties.line}:${a.properties.col} ${a.message.split(':')[0]}`)).toEqual([
      '8:11 metadata.tags.team',
      '11:11 metadata.tags.note',
      '18:16 iam.podIdentityAssociations[0].tags.owner'
    ])
    expect(errors.map(a => a.message)).toEqual([
      expect.stringContaining('tag value contains a line break (U+000A), which AWS does not allow in tags'),
      expect.stringContaining('tag value contains "`" (U+0060)'),
      expect.stringContaining('tag value contains a line break (U+000A)')
    ])
    // every command line is one of the run's own error annotations
    for (const line of commandLines(r)) expect(line).toMatch(/^::error( title=Invalid cluster config,file=cluster\.yaml,line=\d+,col=\d+)?::/)
    expectNoInjectedCommand(r)
    expect(r.summary).toBe('')
  })
})

describe('names and tags AWS accepts but Markdown would read (render): stay text in the summary', () => {
  const discovery = "_em_ https://evil.example/a.png www.evil.example a@b.example :+1: x=y"
  // an instance profile name may hold _ . @ (IAM): emphasis and an e-mail autolink if read as Markdown
  const profile = '_x_.a@evil.example'
  const render = async (value: string, instanceProfile: string): Promise<ActionResult> =>
    runAction({
      inputs: { 'cluster-config': 'cluster.yaml', mode: 'render' },
      workspace: await makeWorkspace({
        'cluster.yaml': config('md-text', { metadataExtra: ['  tags:', `    karpenter.sh/discovery: '${value}'`], karpenterExtra: [`  defaultInstanceProfile: '${instanceProfile}'`] })
      })
    })

  it('the summary has the structure of the same summary with plain values, and shows the values as written', async () => {
    const [hostile, plain] = await Promise.all([render(discovery, profile), render('plain', 'plain')])
    expect([hostile.code, plain.code]).toEqual([0, 0])
    const html = renderMarkdown(hostile.summary)
    expect(structure(html)).toEqual(structure(renderMarkdown(plain.summary)))
    expect(html).not.toMatch(/<a |<img|<em>/)
    expect(visibleText(html)).toContain(`karpenter.sh/discovery: ${discovery}`)
    expect(visibleText(html)).toMatch(/Instance profile\s*_x_\.a@evil\.example/)
  })
})

describe('text from AWS with a line break (a stack tag set outside the action): no workflow command in the apply log', () => {
  it('the tag difference is logged on one line', async () => {
    const cluster = 'aws-text'
    await env.cluster(cluster)
    const tags = (team: string): string[] => ['  tags:', `    team: ${team}`]
    const first = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY }, workspace: await makeWorkspace({ 'cluster.yaml': config(cluster, { metadataExtra: tags('one') }) }) })
    expect(first.code).toBe(0)
    const cfn = new CloudFormationClient({ region: TEST_REGION, endpoint: env.moto.directEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } })
    await cfn.send(
      new UpdateStackCommand({
        StackName: karpenterStack(cluster),
        UsePreviousTemplate: true,
        Capabilities: ['CAPABILITY_NAMED_IAM'],
        Tags: [{ Key: 'alpha.eksctl.io/cluster-name', Value: cluster }, { Key: 'alpha.eksctl.io/karpenter-version', Value: '1.2.1' }, { Key: 'team', Value: 'x\n::error::pwned\n::add-mask::hidden' }]
      })
    )
    cfn.destroy()
    const second = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY }, workspace: await makeWorkspace({ 'cluster.yaml': config(cluster, { metadataExtra: tags('two') }) }) })
    expect(second.code).toBe(0)
    expect(second.stdout).toContain('team: x%0A::error::pwned%0A::add-mask::hidden → two')
    expectNoInjectedCommand(second)
  }, 120_000)
})

describe('a failed apply: outputs and the summary say only what is true', () => {
  it('the controller stack fails: no controller role or controller stack in the outputs; the Karpenter names stay', async () => {
    const cluster = 'fail-controller'
    await env.cluster(cluster)
    env.proxy.clearPlan()
    env.proxy.plan({ action: 'CreateChangeSet', fault: { kind: 'error', status: 400, code: 'ValidationError', message: 'Template format error: refused by the test' }, bodyMatches: /iamserviceaccount/, times: Infinity })
    const r = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY }, workspace: await makeWorkspace({ 'cluster.yaml': config(cluster) }) })
    env.proxy.clearPlan()
    expect(r.code).toBe(1)
    expect(r.outputs['karpenter-stack-name']).toBe(karpenterStack(cluster))
    expect(r.outputs['node-role-arn']).toMatch(/^arn:aws:iam::\d{12}:role\/eksctl-KarpenterNodeRole-fail-controller$/)
    expect(Object.keys(r.outputs).filter(k => k.startsWith('controller-') && k !== 'controller-identity')).toEqual([])
    expect(r.summary).toContain(`| ${controllerStack(cluster)} | failed | ABSENT |`)
  }, 120_000)

  it('a change set that never gets ready: the stack is in the summary with its status and the timeout, and no output names it', async () => {
    const cluster = 'timeout-early'
    await env.cluster(cluster)
    env.proxy.clearPlan()
    env.proxy.plan({ action: 'DescribeChangeSet', fault: { kind: 'rewrite', replace: [[/(<Status>|"Status"\s*:\s*")CREATE_COMPLETE/g, '$1CREATE_PENDING']] }, times: Infinity })
    const r = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY, timeout: '4s' }, workspace: await makeWorkspace({ 'cluster.yaml': config(cluster) }) })
    env.proxy.clearPlan()
    expect(r.code).toBe(1)
    expect(r.summary).toContain(`| ${karpenterStack(cluster)} | failed | ABSENT |`)
    expect(r.summary).toMatch(/#### Failures in <code>eksctl-timeout-early-karpenter<\/code>[\s\S]*TIMED_OUT \| timed out waiting for change set .*\(the timeout input\); change set .* was not executed and has been deleted/)
    expect(r.outputs['karpenter-stack-name']).toBeUndefined()
    expect(r.outputs['node-role-name']).toBeUndefined()
  }, 120_000)

  it('persistent throttling: the error names the call, the stack and the tries', async () => {
    const cluster = 'throttled'
    await env.cluster(cluster)
    env.proxy.clearPlan()
    env.proxy.plan({ action: 'CreateChangeSet', fault: { kind: 'throttle' }, times: Infinity })
    const r = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY }, workspace: await makeWorkspace({ 'cluster.yaml': config(cluster) }) })
    env.proxy.clearPlan()
    expect(r.code).toBe(1)
    const error = r.annotations.filter(a => a.level === 'error').map(a => a.message).join('\n')
    expect(error).toContain(`CreateChangeSet on StackName ${karpenterStack(cluster)}: Throttling: Rate exceeded (throttled by AWS; gave up after 5 tries)`)
  }, 120_000)
})

describe('plan after turning the interruption queue off', () => {
  it('opens the summary with a warning listing the removals, and its last line does not claim changes were made', async () => {
    const cluster = 'queue-off'
    await env.cluster(cluster)
    const applied = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY }, workspace: await makeWorkspace({ 'cluster.yaml': config(cluster) }) })
    expect(applied.code).toBe(0)
    expect(applied.stdout.trimEnd().split('\n').pop()).toBe('done: changes made')

    const r = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY, mode: 'plan' }, workspace: await makeWorkspace({ 'cluster.yaml': config(cluster, { queue: false }) }) })
    expect(r.code).toBe(0)
    expect(r.outputs['has-changes']).toBe('true')
    expect(r.stdout.trimEnd().split('\n').pop()).toBe('done: changes to make (nothing was changed)')
    const blocks = r.summary.split('\n\n')
    expect(blocks[1]).toMatch(/^> \[!WARNING\]\n> \*\*Apply would remove or replace \d+ resource\(s\):\*\*/)
    const removed = [...blocks[1]!.matchAll(/^> - remove <code>([^<]+)<\/code> \(([^)]+)\)/gm)].map(m => m[2])
    expect(removed).toContain('AWS::SQS::Queue')
    expect(removed.filter(t => t === 'AWS::Events::Rule').length).toBeGreaterThanOrEqual(1)
    expect(r.annotations.some(a => a.level === 'warning' && a.message.startsWith('apply would remove or replace:'))).toBe(true)
  }, 180_000)
})

describe('the command line (dist/cli.js), as a workflow step would run it', () => {
  it('a key with a line break is reported without its second line becoming a workflow command', async () => {
    const workspace = await makeWorkspace({ 'cluster.yaml': config('cli-text', { karpenterExtra: ['  "a\\n::error::pwned": 1'] }) })
    const r = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), '--config', join(workspace, 'cluster.yaml'), '--mode', 'render'], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, GITHUB_ACTIONS: 'true' },
      timeout: 30_000
    })
    expect(r.status).toBe(1)
    expect(r.stderr).toContain('unknown key')
    const lines = `${r.stdout}\n${r.stderr}`.split(/\r\n|\r|\n/)
    expect(lines.filter(l => /^\s*::(error|add-mask)::pwned/.test(l))).toEqual([])
    expect(lines.some(l => l.startsWith('%3A:error::pwned'))).toBe(true)
  })
})
