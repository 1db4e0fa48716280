// The bad-input suite (issue 6, part 4): broken configs and inputs fed to the bundled action in apply mode,
// with moto, the OIDC endpoint and the fault proxy up and ready to be used. Each must stop with a clear
// error — `file:line:col: key.path: …` and an `::error file=…,line=…` annotation where the config is at
// fault — and touch nothing: no AWS call at all (so no stack, no role), not even the OIDC token request.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { mkdir, readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startFaultEnv, clusterConfig, AWS_ONLY, type FaultEnv } from '../../test/harness/fault-proxy-env.js'
import { makeWorkspace, type ActionResult } from '../../test/harness/run-action.js'
import { startFakeKube } from '../../test/harness/fake-kube.js'

const FIXTURES = fileURLToPath(new URL('../fixtures/bad/', import.meta.url))
const CLUSTER = 'bad-input'
let env: FaultEnv

beforeAll(async () => {
  env = await startFaultEnv()
  await env.cluster(CLUSTER)
  // the cluster exists, so only the name limits can stop the run
  await env.cluster('a-cluster-name-that-is-far-too-long-for-the-iam-role-names-derived-from-it-1234567890')
}, 90_000)

afterAll(async () => {
  await env?.stop()
})

const errorText = (r: ActionResult): string =>
  r.annotations
    .filter(a => a.level === 'error')
    .map(a => a.message)
    .join('\n')

/** Runs apply with `files` in the workspace and the config at `config`; asserts the run touched nothing. */
async function refused(
  files: Record<string, string | Buffer>,
  config: string,
  extraInputs: Record<string, string> = {},
  opts: { readsAllowed?: boolean } = {}
): Promise<ActionResult> {
  const workspace = await makeWorkspace(files)
  env.proxy.resetCalls()
  const tokenRequests = env.oidc.requests.length
  const r = await env.run({ inputs: { 'cluster-config': config, ...AWS_ONLY, ...extraInputs }, workspace })
  expect(r.code).not.toBe(0)
  expect(r.signal).toBeNull()
  expect(env.proxy.mutations().map(c => c.action)).toEqual([])
  if (!opts.readsAllowed) {
    // nothing was asked of AWS, nor of the token service
    expect(env.proxy.calls.map(c => c.action)).toEqual([])
    expect(env.oidc.requests.length).toBe(tokenRequests)
  }
  // the node's own crash output would mean an unhandled error, not a clear one
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/)
  return r
}

/** A config error: the file:line:col: key.path text in the failure and an annotation on that spot. */
function expectConfigError(r: ActionResult, file: string, at: { line: number; col?: number; path?: string }, message: RegExp): void {
  const location = `${file}:${at.line}:${at.col ?? ''}`
  const text = errorText(r)
  const lines = text.split('\n').filter(l => l.startsWith(location))
  expect({ text, found: lines.length > 0 }).toEqual({ text, found: true })
  if (at.path !== undefined) expect(lines.some(l => l.includes(`: ${at.path}: `))).toBe(true)
  expect(lines.join('\n')).toMatch(message)
  const annotation = r.annotations.find(a => a.level === 'error' && a.properties.file === file && a.properties.line === String(at.line))
  expect(annotation).toBeDefined()
  if (at.col !== undefined) expect(annotation?.properties.col).toBe(String(at.col))
}

async function fixture(name: string): Promise<Buffer> {
  return readFile(join(FIXTURES, name))
}

// Every config rule, the AWS name limits included (checked offline in run.ts), stops before any AWS call.
const READS_BEFORE_REFUSAL = new Set<string>()
// These parse, so the run has a config to summarise; the summary says why it stopped.
const LOADS_THEN_REFUSED = new Set(['name-too-long-for-iam.yaml'])

describe('broken cluster configs: a clear error on the spot, nothing created', () => {
  const cases: Array<[string, { line: number; col?: number; path?: string }, RegExp]> = [
    ['wrong-types.yaml', { line: 11, col: 25, path: 'karpenter.createServiceAccount' }, /must be a boolean/],
    ['unknown-keys.yaml', { line: 11, col: 3, path: 'karpenter.createServiceAcount' }, /did you mean `createServiceAccount`\?/],
    ['missing-version.yaml', { line: 10, path: 'karpenter.version' }, /required key is missing/],
    ['version-too-old.yaml', { line: 10, col: 12, path: 'karpenter.version' }, /0\.27\.3.*0\.28\.0 or newer/],
    ['version-not-semver.yaml', { line: 10, col: 12, path: 'karpenter.version' }, /not a semantic version/],
    ['kubernetes-unsupported.yaml', { line: 6, col: 12, path: 'metadata.version' }, /Kubernetes 1\.32 needs Karpenter 1\.2 or newer/],
    ['name-shell-semicolon.yaml', { line: 4, col: 9, path: 'metadata.name' }, /not a valid EKS cluster name \(got "x; rm -rf \/"/],
    ['name-command-substitution.yaml', { line: 4, col: 9, path: 'metadata.name' }, /not a valid EKS cluster name \(got "\$\(id\)"/],
    ['name-backticks.yaml', { line: 4, col: 9, path: 'metadata.name' }, /not a valid EKS cluster name/],
    ['name-newline.yaml', { line: 4, col: 9, path: 'metadata.name' }, /not a valid EKS cluster name \(got "evil\\nname"/],
    ['instance-profile-injection.yaml', { line: 11, col: 27, path: 'karpenter.defaultInstanceProfile' }, /not a valid IAM instance profile name/],
    ['name-too-long-for-iam.yaml', { line: 4, path: 'metadata.name' }, /IAM role name .* AWS allows at most 64/],
    ['wrong-kind.yaml', { line: 2, col: 7, path: 'kind' }, /must be ClusterConfig \(got NodeGroup/],
    // aliases are never expanded: a billion-laughs bomb is just a wrongly typed value, answered at once
    ['billion-laughs.yaml', { line: 11, path: 'metadata.tags' }, /must be a mapping/],
    ['alias-in-karpenter.yaml', { line: 4, path: 'karpenter.version' }, /must be a string/],
    ['multi-document.yaml', { line: 11, col: 1 }, /2 YAML documents/],
    ['broken.json', { line: 4, col: 15 }, /malformed YAML: this \{ is never closed/],
    // the parser gets lost at the end of line 5; the mistake (and what eksctl and kubectl report) is line 6
    ['indented-too-far.yaml', { line: 6, col: 5 }, /malformed YAML: `version` is indented further than `region` on line 5, which already has a value/],
    ['binary.yaml', { line: 1, col: 1 }, /top level must be a mapping/]
  ]
  it.each(cases)('%s', async (name, at, message) => {
    const file = `clusters/${name}`
    const r = await refused({ [file]: await fixture(name) }, file, {}, { readsAllowed: READS_BEFORE_REFUSAL.has(name) })
    expectConfigError(r, file, at, message)
    // no summary for a config that never loaded (the name-limit case loads it, and its summary says why it failed)
    if (LOADS_THEN_REFUSED.has(name)) expect(r.summary).toContain('derived name does not fit AWS limits')
    else expect(r.summary).toBe('')
  }, 60_000)

  it('malformed YAML is one error annotation, on the line of the mistake', async () => {
    const file = 'clusters/indented-too-far.yaml'
    const r = await refused({ [file]: await fixture('indented-too-far.yaml') }, file)
    const errors = r.annotations.filter(a => a.level === 'error' && a.properties.file === file)
    expect(errors.map(a => [a.properties.title, a.properties.line, a.properties.col])).toEqual([['Invalid cluster config', '6', '5']])
  }, 60_000)

  it('a file of nested [ (1 MiB) is refused at once, not parsed (the parser took 12 s and 1.4 GB on it)', async () => {
    const file = 'clusters/nested.yaml'
    const r = await refused({ [file]: `${clusterConfig(CLUSTER)}\n  tags: ${'['.repeat(1_000_000)}\n` }, file)
    expectConfigError(r, file, { line: 13, col: 73 }, /nested more than 64 levels deep/)
    expect(r.elapsedMs).toBeLessThan(5_000)
  }, 60_000)

  it('every fixture in the corpus is exercised', async () => {
    const names = (await readdir(FIXTURES)).filter(n => n !== 'valid.json' && !n.startsWith('manifests'))
    expect(names.sort()).toEqual(cases.map(c => c[0]).sort())
  })

  it('a file over 1 MiB is refused before it is read', async () => {
    const huge = clusterConfig(CLUSTER) + '\n' + `# ${'x'.repeat(1000)}\n`.repeat(1100)
    const r = await refused({ 'clusters/huge.yaml': huge }, 'clusters/huge.yaml')
    expectConfigError(r, 'clusters/huge.yaml', { line: 1, col: 1 }, /input cluster-config: is too large \(\d+ bytes; the limit for cluster-config is 1048576 bytes\)/)
  }, 60_000)

  it('a directory is refused', async () => {
    const workspace = await makeWorkspace({ 'clusters/prod/readme.txt': 'x' })
    await mkdir(join(workspace, 'clusters', 'prod.yaml'))
    env.proxy.resetCalls()
    const r = await env.run({ inputs: { 'cluster-config': 'clusters/prod.yaml', ...AWS_ONLY }, workspace })
    expect(r.code).not.toBe(0)
    expect(env.proxy.calls).toEqual([])
    expectConfigError(r, 'clusters/prod.yaml', { line: 1, col: 1 }, /is a directory/)
  }, 60_000)

  it('a missing file says where it looked and hints at actions/checkout', async () => {
    const r = await refused({ 'clusters/other.yaml': clusterConfig(CLUSTER) }, 'clusters/prod.yaml')
    expectConfigError(r, 'clusters/prod.yaml', { line: 1, col: 1 }, /not found.*actions\/checkout/)
  }, 60_000)

  it('valid JSON is valid YAML: a JSON ClusterConfig is accepted (render)', async () => {
    const workspace = await makeWorkspace({ 'clusters/c.json': await fixture('valid.json') })
    env.proxy.resetCalls()
    const r = await env.run({ inputs: { 'cluster-config': 'clusters/c.json', mode: 'render' }, workspace })
    expect({ code: r.code, errors: errorText(r) }).toEqual({ code: 0, errors: '' })
    expect(r.outputs['karpenter-stack-name']).toBe('eksctl-json-config-karpenter')
    expect(env.proxy.calls).toEqual([])
  }, 60_000)
})

describe('bad inputs: the input named, nothing called', () => {
  const cases: Array<[string, Record<string, string>, RegExp]> = [
    ['mode', { mode: 'destroy' }, /input mode: "destroy" is not one of apply, plan, drift, delete, render/],
    ['timeout', { timeout: '10 minutes' }, /input timeout: "10 minutes" is not a duration/],
    ['timeout zero', { timeout: '0' }, /input timeout: "0" is not a duration/],
    ['role-to-assume not an ARN', { 'role-to-assume': 'arn:aws:iam::123:role/deployer' }, /input role-to-assume: .* is not an IAM role ARN/],
    ['role-to-assume with a shell tail', { 'role-to-assume': 'arn:aws:iam::123456789012:role/x; curl evil' }, /input role-to-assume: .* is not an IAM role ARN/],
    ['role-duration-seconds', { 'role-duration-seconds': '60' }, /input role-duration-seconds: "60"/],
    ['aws-region', { 'aws-region': 'us-west-2 && id' }, /input aws-region: .* is not an AWS region/],
    ['node-access', { 'node-access': 'everything' }, /input node-access: "everything" is not one of/],
    ['install-chart', { 'install-chart': 'yes please' }, /input install-chart: "yes please" is not a boolean/],
    ['namespace', { namespace: 'Kube System' }, /input namespace: "Kube System" is not a Kubernetes namespace name/],
    ['cluster-config empty', { 'cluster-config': '' }, /input cluster-config is required/]
  ]
  it.each(cases)('%s', async (_name, inputs, message) => {
    const r = await refused({ 'cluster.yaml': clusterConfig(CLUSTER) }, 'cluster.yaml', inputs)
    expect(errorText(r)).toMatch(message)
    expect(r.summary).toBe('')
  }, 60_000)

  it('several bad inputs are reported together', async () => {
    const r = await refused({ 'cluster.yaml': clusterConfig(CLUSTER) }, 'cluster.yaml', { mode: 'destroy', timeout: 'soon' })
    expect(errorText(r)).toMatch(/invalid inputs:/)
    expect(errorText(r)).toMatch(/input mode: "destroy"/)
    expect(errorText(r)).toMatch(/input timeout: "soon"/)
  }, 60_000)
})

/** A kubeconfig for the fake API server, with a static token. */
function kubeconfigFor(server: string): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    `clusters: [{ name: c, cluster: { server: '${server}' } }]`,
    'users: [{ name: u, user: { token: test-token } }]',
    'contexts: [{ name: c, context: { cluster: c, user: u } }]',
    'current-context: c'
  ].join('\n')
}

describe('bad manifests', () => {
  it('malformed manifest YAML: one annotation per file, titled as a manifest error, at the line of the mistake', async () => {
    const kube = await startFakeKube()
    kube.intercept(req => (req.method === 'GET' && /\/(secrets|ec2nodeclasses|nodepools)$/.test(req.path) ? { status: 200, body: { apiVersion: 'v1', kind: 'List', metadata: {}, items: [] } } : undefined))
    try {
      const dir = join(FIXTURES, 'manifests-dangling-ref')
      const files: Record<string, string | Buffer> = { 'cluster.yaml': clusterConfig(CLUSTER), kubeconfig: kubeconfigFor(kube.url) }
      files['karpenter/nodeclass.yaml'] = await readFile(join(dir, 'nodeclass.yaml'))
      // two documents, each with a mistake: a key indented too far (line 6), a quote left open (line 12)
      files['karpenter/nodepool.yaml'] = [
        'apiVersion: karpenter.sh/v1',
        'kind: NodePool',
        'metadata:',
        '  name: general',
        '  labels: {}',
        '    team: infra',
        '---',
        'apiVersion: karpenter.sh/v1',
        'kind: NodePool',
        'metadata:',
        '  name: spot',
        '  annotations: { note: "open }',
        ''
      ].join('\n')
      const r = await refused(files, 'cluster.yaml', { 'install-chart': 'true', manifests: 'karpenter', kubeconfig: 'kubeconfig' }, { readsAllowed: true })
      const errors = r.annotations.filter(a => a.level === 'error' && a.properties.file?.startsWith('karpenter/'))
      expect({ all: errorText(r), found: errors.length }).toEqual({ all: errorText(r), found: 1 })
      expect(errors.map(a => [a.properties.title, a.properties.file, a.properties.line])).toEqual([['Invalid manifest', 'karpenter/nodepool.yaml', '6']])
      expect(errors[0]?.message).toMatch(/^malformed YAML: `team` is indented further than `labels` on line 5/)
      expect(kube.requests.filter(q => q.method !== 'GET')).toEqual([])
    } finally {
      await kube.close()
    }
  }, 120_000)

  it('a NodePool whose nodeClassRef names no EC2NodeClass: refused before any change, pointing at the key', async () => {
    // The check needs the cluster (an EC2NodeClass may already be there), so it runs after the read-only
    // preflight and before the first change. A small in-memory API server stands in for the cluster.
    const kube = await startFakeKube()
    // an empty cluster: lists of what does not exist yet answer empty, as a real API server's do
    kube.intercept(req => (req.method === 'GET' && /\/(secrets|ec2nodeclasses|nodepools)$/.test(req.path) ? { status: 200, body: { apiVersion: 'v1', kind: 'List', metadata: {}, items: [] } } : undefined))
    try {
      const dir = join(FIXTURES, 'manifests-dangling-ref')
      const files: Record<string, string | Buffer> = { 'cluster.yaml': clusterConfig(CLUSTER) }
      for (const f of await readdir(dir)) files[`karpenter/${f}`] = await readFile(join(dir, f))
      files['kubeconfig'] = kubeconfigFor(kube.url)
      const r = await refused(files, 'cluster.yaml', { 'install-chart': 'true', manifests: 'karpenter', kubeconfig: 'kubeconfig' }, { readsAllowed: true })
      // the message names the manifest as the input gave it (relative to the workspace), like config errors
      expect(errorText(r)).toMatch(/(^|\n)karpenter\/nodepool\.yaml:11:15: spec\.template\.spec\.nodeClassRef\.name: NodePool "general" refers to EC2NodeClass "does-not-exist"/)
      const annotation = r.annotations.find(a => a.level === 'error' && a.properties.file === 'karpenter/nodepool.yaml')
      expect(annotation?.properties).toMatchObject({ line: '11', col: '15' })
      // reads only: the cluster was looked at, nothing was written to it
      expect(kube.requests.filter(q => q.method !== 'GET').map(q => `${q.method} ${q.path}`)).toEqual([])
    } finally {
      await kube.close()
    }
  }, 120_000)
})

describe('nothing was created by the whole suite', () => {
  it('moto holds no stack, role, instance profile or OIDC provider', async () => {
    expect(await env.awsState()).toEqual({ stacks: {}, roles: [], instanceProfiles: [], oidcProviders: [] })
  })
})
