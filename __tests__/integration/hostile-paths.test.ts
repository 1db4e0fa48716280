// Hostile and careless path inputs (issue 11 items 1, 4–7), fed to the bundled action as a runner would,
// with moto, the OIDC endpoint and the counting proxy up: each is refused with a clear error naming the
// input, within seconds and bounded memory, before any AWS call (so nothing is created). Files the inputs
// name are checked offline in every mode: a pull request learns of a bad values file or NodePool from
// `render`, without credentials.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { mkdtemp, realpath, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { startFaultEnv, clusterConfig, AWS_ONLY, type FaultEnv } from '../../test/harness/fault-proxy-env.js'
import { makeWorkspace, REPO_ROOT, type ActionResult } from '../../test/harness/run-action.js'

const CLUSTER = 'hostile-paths'
const MEASURED_ENTRY = join(REPO_ROOT, 'test/harness/measured-entry.mjs')
/** Refusals are instant; a run that hangs on a read is killed here and fails the time assertion. */
const KILL_AFTER_MS = 20_000
const WITHIN_MS = 10_000
/** Node itself takes ~50 MB; reading /dev/zero into memory took gigabytes. */
const MAX_RSS_KB = 200 * 1024
const NODE_POOL = [
  'apiVersion: karpenter.sh/v1',
  'kind: NodePool',
  'metadata:',
  '  name: general',
  'spec:',
  '  template:',
  '    spec:',
  '      nodeClassRef:',
  '        group: karpenter.k8s.aws',
  '        kind: EC2NodeClass',
  '        name: default',
  ''
].join('\n')

let env: FaultEnv
let outside: string

beforeAll(async () => {
  env = await startFaultEnv()
  await env.cluster(CLUSTER)
  outside = await realpath(await mkdtemp(join(tmpdir(), 'outside-workspace-')))
  await writeFile(join(outside, 'cluster.yaml'), clusterConfig(CLUSTER))
  await writeFile(join(outside, 'values.yaml'), 'replicas: 1\n')
  await writeFile(join(outside, 'client.key'), 'KEY\n')
}, 90_000)

afterAll(async () => {
  await env?.stop()
  if (outside) await rm(outside, { recursive: true, force: true })
})

const errorText = (r: ActionResult): string =>
  r.annotations
    .filter(a => a.level === 'error')
    .map(a => a.message)
    .join('\n')

type Setup = (workspace: string) => Promise<void>

/**
 * Runs the action with `inputs` in a workspace holding the config (and whatever `setup` adds), measured;
 * asserts a failure within seconds and bounded memory, no AWS call (not even for the OIDC token), no
 * crash trace, and no summary; returns the result for the message checks.
 */
async function refused(inputs: Record<string, string> | ((workspace: string) => Record<string, string>), setup: Setup = async () => undefined): Promise<ActionResult> {
  const workspace = await makeWorkspace({ 'cluster.yaml': clusterConfig(CLUSTER) })
  await setup(workspace)
  if (typeof inputs === 'function') inputs = inputs(workspace)
  env.proxy.resetCalls()
  const tokenRequests = env.oidc.requests.length
  const r = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY, ...inputs }, workspace, entry: MEASURED_ENTRY, timeoutMs: KILL_AFTER_MS })
  const maxRss = Number(/max-rss-kb=(\d+)/.exec(r.stderr)?.[1] ?? NaN)
  expect({ signal: r.signal, failed: r.code !== 0 && r.code !== null, fast: r.elapsedMs < WITHIN_MS, errors: errorText(r) }).toEqual({ signal: null, failed: true, fast: true, errors: expect.any(String) })
  expect(maxRss).toBeLessThan(MAX_RSS_KB)
  expect(env.proxy.calls.map(c => c.action)).toEqual([])
  expect(env.oidc.requests.length).toBe(tokenRequests)
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
  expect(r.summary).toBe('')
  await rm(workspace, { recursive: true, force: true })
  return r
}

const fifo = (file: string): Setup => async ws => void execFileSync('mkfifo', [join(ws, file)])
const link = (file: string, target: string | ((ws: string) => string)): Setup => async ws => symlink(typeof target === 'string' ? target : target(ws), join(ws, file))

describe('item 1: every path input is resolved, a regular file within the workspace or RUNNER_TEMP, size-capped, before it is read', () => {
  // Each case names the input, where the path leads and the folders allowed.
  const outsideCases: Array<[string, Record<string, string>, Setup | undefined, RegExp]> = [
    ['cluster-config ../x.yaml', { 'cluster-config': 'OUTSIDE/cluster.yaml' }, undefined, /input cluster-config: .*resolves to OUTSIDE\/cluster\.yaml, outside the workspace \(WS\) or RUNNER_TEMP/],
    ['cluster-config /etc/passwd', { 'cluster-config': '/etc/passwd' }, undefined, /input cluster-config: .*resolves to \/etc\/passwd, outside the workspace \(WS\)/],
    ['cluster-config symlink out of the workspace', { 'cluster-config': 'link.yaml' }, link('link.yaml', () => join(outside, 'cluster.yaml')), /link\.yaml:1:1: input cluster-config: resolves to OUTSIDE\/cluster\.yaml, outside the workspace \(WS\)/],
    ['values-file ../x.yaml', { 'values-file': 'OUTSIDE/values.yaml' }, undefined, /input values-file: .*resolves to OUTSIDE\/values\.yaml, outside the workspace \(WS\)/],
    ['manifests symlink to /etc', { manifests: 'karpenter' }, link('karpenter', '/etc'), /input manifests: .*karpenter.*resolves to \/etc, outside the workspace \(WS\)/],
    ['kubeconfig /etc/passwd', { kubeconfig: '/etc/passwd' }, undefined, /input kubeconfig: \/etc\/passwd: resolves to \/etc\/passwd, outside the workspace \(WS\)/],
    [
      'a file the kubeconfig names outside',
      { kubeconfig: 'kubeconfig' },
      async ws =>
        writeFile(
          join(ws, 'kubeconfig'),
          `apiVersion: v1\nkind: Config\ncurrent-context: c\ncontexts: [{ name: c, context: { cluster: c, user: u } }]\nclusters: [{ name: c, cluster: { server: 'https://127.0.0.1:1' } }]\nusers: [{ name: u, user: { client-certificate-data: Q0VSVA==, client-key: ${join(outside, 'client.key')} } }]\n`
        ),
      /input kubeconfig \(its client-key\): .*resolves to OUTSIDE\/client\.key, outside the workspace \(WS\)/
    ]
  ]
  it.each(outsideCases)('%s is refused, naming the input and the workspace', async (_name, inputs, setup, message) => {
    let ws = ''
    // OUTSIDE: the outside folder as a relative path from the workspace (../../tmp/outside-…)
    const given = (w: string) => Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v.replace('OUTSIDE', relative(w, outside))]))
    const r = await refused(given, async w => {
      ws = await realpath(w)
      await setup?.(w)
    })
    const text = errorText(r).split(outside).join('OUTSIDE').split(ws).join('WS')
    expect(text).toMatch(message)
  }, 60_000)

  // A device reports size 0 and a FIFO blocks its reader: before, the sync read grew to gigabytes or hung
  // (ignoring SIGTERM). Now each is refused on sight.
  const deviceCases: Array<[string, Record<string, string>, Setup, RegExp]> = [
    ['cluster-config symlink to /dev/zero', { 'cluster-config': 'zero.yaml' }, link('zero.yaml', '/dev/zero'), /zero\.yaml:1:1: input cluster-config: resolves to \/dev\/zero, outside the workspace/],
    ['cluster-config FIFO', { 'cluster-config': 'pipe.yaml' }, fifo('pipe.yaml'), /pipe\.yaml:1:1: input cluster-config: resolves to .*pipe\.yaml, which is a named pipe \(FIFO\); expected a regular file/],
    ['values-file FIFO', { 'values-file': 'values.yaml' }, fifo('values.yaml'), /input values-file: values\.yaml: .*named pipe/],
    ['values-file symlink to /dev/zero', { 'values-file': 'values.yaml' }, link('values.yaml', '/dev/zero'), /input values-file: values\.yaml: resolves to \/dev\/zero/],
    ['a manifest in the folder that is a FIFO', { manifests: 'karpenter', 'install-chart': 'true' }, async ws => {
      execFileSync('mkdir', [join(ws, 'karpenter')])
      await writeFile(join(ws, 'karpenter', 'a-pool.yaml'), NODE_POOL)
      execFileSync('mkfifo', [join(ws, 'karpenter', 'b.yaml')])
    }, /input manifests: karpenter\/b\.yaml: .*named pipe/],
    ['kubeconfig FIFO', { kubeconfig: 'kubeconfig' }, fifo('kubeconfig'), /input kubeconfig: kubeconfig: .*named pipe/]
  ]
  it.each(deviceCases)('%s: refused within seconds and bounded memory', async (_name, inputs, setup, message) => {
    const r = await refused(inputs, setup)
    expect(errorText(r)).toMatch(message)
  }, 60_000)

  it('a path with a line break in it cannot become a workflow command in the log', async () => {
    const r = await refused({ 'values-file': 'nope.yaml\n::error title=injected::injected\n::add-mask::x' })
    expect(errorText(r)).toMatch(/input values-file: nope\.yaml\n::error title=injected::injected\n::add-mask::x: not found/)
    expect(r.stdout.split(/\r?\n/).filter(l => /^::(error title=injected|add-mask)/.test(l))).toEqual([])
  }, 60_000)

  it('a values file over 1 MiB is refused by its size', async () => {
    const r = await refused({ 'values-file': 'values.yaml' }, async ws => writeFile(join(ws, 'values.yaml'), `# ${'x'.repeat(1100 * 1024)}\n`))
    expect(errorText(r)).toMatch(/input values-file: values\.yaml: is too large \(\d+ bytes; the limit for values-file is 1048576 bytes\)/)
  }, 60_000)
})

describe('item 4: the chart input is never a helm flag', () => {
  it.each(['--post-renderer=/tmp/evil', '-f', 'file:///etc'])('chart %j is refused', async chart => {
    const r = await refused({ chart })
    expect(errorText(r)).toMatch(/input chart: .* is not an oci:\/\/ or https:\/\/ chart reference or a path/)
  }, 60_000)
})

describe('item 5: numeric inputs are whole decimal numbers, bounded', () => {
  it.each([
    [{ 'role-duration-seconds': '0x1000' }, /input role-duration-seconds: "0x1000" is not a whole number/],
    [{ 'role-duration-seconds': '1e3' }, /input role-duration-seconds: "1e3" is not a whole number/],
    [{ 'role-duration-seconds': '3600.0' }, /input role-duration-seconds: "3600\.0" is not a whole number/],
    [{ timeout: '99999999999999999999h' }, /input timeout: "99999999999999999999h" is not a duration/],
    [{ timeout: '25h' }, /input timeout: "25h" is longer than 24h/]
  ])('%j is refused', async (inputs, message) => {
    const r = await refused(inputs)
    expect(errorText(r)).toMatch(message)
  }, 60_000)
})

describe('item 6: the values-file is read and checked with the other inputs, before any AWS call, in every mode', () => {
  it.each([
    ['missing', async () => undefined, /input values-file: values\.yaml: not found/],
    ['malformed', async (ws: string) => writeFile(join(ws, 'values.yaml'), 'replicas: 1\nsettings:\n  clusterName: [unclosed\n'), /values\.yaml:\d+:\d+: values-file: malformed YAML/],
    ['a list', async (ws: string) => writeFile(join(ws, 'values.yaml'), '- replicas: 1\n'), /values\.yaml:1:1: values-file must be a mapping of Helm values \(got a list, expected a mapping of Helm values\)/]
  ] as Array<[string, Setup, RegExp]>)('a values file that is %s stops apply before any AWS call', async (_name, setup, message) => {
    const r = await refused({ 'values-file': 'values.yaml' }, setup)
    expect(errorText(r)).toMatch(message)
  }, 60_000)

  it('render shows the generated values with the values-file applied last', async () => {
    // a value and a key that YAML would print as lines starting with `::` (the runner trims leading spaces)
    const hostile = 'podAnnotations:\n  note: "x\\n::error title=injected::from values"\n  "::warning::injected": y\n'
    const workspace = await makeWorkspace({ 'cluster.yaml': clusterConfig(CLUSTER), 'ops/values.yaml': 'replicas: 1\nsettings:\n  featureGates:\n    spotToSpotConsolidation: true\n' + hostile })
    const r = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', mode: 'render', 'values-file': 'ops/values.yaml' }, workspace })
    expect({ code: r.code, errors: errorText(r) }).toEqual({ code: 0, errors: '' })
    expect(r.summary).toContain('values.yaml with ops/values.yaml applied last')
    // merged: the file's keys next to (and over) the generated settings
    const group = /::group::values\.yaml with ops\/values\.yaml applied last \(as JSON\)\n([\s\S]*?)::endgroup::/.exec(r.stdout)?.[1]
    expect(JSON.parse(group ?? '')).toMatchObject({ replicas: 1, settings: { clusterName: CLUSTER, interruptionQueue: CLUSTER, featureGates: { spotToSpotConsolidation: true } } })
    expect(r.stdout.split(/\r?\n/).filter(l => l.includes('injected') && l.trimStart().startsWith('::'))).toEqual([])
    expect(r.annotations.filter(a => a.message.includes('injected'))).toEqual([])
    await rm(workspace, { recursive: true, force: true })
  }, 60_000)
})

describe('item 7: manifests are checked offline in every mode, and never silently ignored', () => {
  it('render refuses a bad NodePool without credentials, at the key', async () => {
    const workspace = await makeWorkspace({ 'cluster.yaml': clusterConfig(CLUSTER), 'karpenter/pool.yaml': NODE_POOL.replace('kind: EC2NodeClass', 'kind: NodeClass') })
    env.proxy.resetCalls()
    const r = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', mode: 'render', manifests: 'karpenter' }, workspace, timeoutMs: KILL_AFTER_MS })
    expect(r.code).not.toBe(0)
    expect(errorText(r)).toMatch(/(^|\n)karpenter\/pool\.yaml:10:15: spec\.template\.spec\.nodeClassRef\.kind: NodePool "general" nodeClassRef must point at an EC2NodeClass/)
    expect(r.annotations.find(a => a.level === 'error' && a.properties.file === 'karpenter/pool.yaml')?.properties).toMatchObject({ line: '10', col: '15' })
    expect(env.proxy.calls).toEqual([])
    await rm(workspace, { recursive: true, force: true })
  }, 60_000)

  it('with install-chart: false, apply says (log and summary) why the manifests were not applied', async () => {
    const workspace = await makeWorkspace({ 'cluster.yaml': clusterConfig(CLUSTER), 'karpenter/pool.yaml': NODE_POOL })
    const r = await env.run({ inputs: { 'cluster-config': 'cluster.yaml', ...AWS_ONLY, manifests: 'karpenter' }, workspace })
    expect({ code: r.code, errors: errorText(r) }).toEqual({ code: 0, errors: '' })
    const why = /manifests were not applied \(NodePool\/general\): install-chart is false/
    expect(r.annotations.filter(a => a.level === 'warning').map(a => a.message).join('\n')).toMatch(why)
    expect(r.summary).toMatch(why)
    expect(r.summary).toContain('manifests checked offline: NodePool/general')
    await rm(workspace, { recursive: true, force: true })
  }, 120_000)
})

describe('the command line: any path the user gives, still only regular files of bounded size', () => {
  const cli = (args: string[], cwd: string) => {
    try {
      return { code: 0, out: execFileSync(process.execPath, [join(REPO_ROOT, 'dist/cli.js'), ...args], { cwd, encoding: 'utf8', stdio: 'pipe', timeout: KILL_AFTER_MS }) }
    } catch (e) {
      const err = e as { status: number | null; stdout: string; stderr: string }
      return { code: err.status, out: `${err.stdout}${err.stderr}` }
    }
  }
  it('renders a config and values file outside the current folder', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'cli-cwd-'))
    const r = cli(['--config', resolve(outside, 'cluster.yaml'), '--values-file', join(outside, 'values.yaml')], cwd)
    expect(r).toEqual({ code: 0, out: expect.stringContaining(`karpenter-stack-name=eksctl-${CLUSTER}-karpenter`) })
    await rm(cwd, { recursive: true, force: true })
  }, 30_000)

  it('refuses /dev/zero and a FIFO at once', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'cli-cwd-'))
    execFileSync('mkfifo', [join(cwd, 'pipe.yaml')])
    const started = Date.now()
    expect(cli(['--config', '/dev/zero'], cwd)).toEqual({ code: 1, out: expect.stringMatching(/input cluster-config: resolves to \/dev\/zero, which is a character device; expected a regular file/) })
    expect(cli(['--config', join(outside, 'cluster.yaml'), '--values-file', 'pipe.yaml'], cwd)).toEqual({ code: 1, out: expect.stringMatching(/input values-file: pipe\.yaml: .*named pipe/) })
    expect(Date.now() - started).toBeLessThan(WITHIN_MS)
    await rm(cwd, { recursive: true, force: true })
  }, 30_000)
})
