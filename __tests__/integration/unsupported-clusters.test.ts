// Clusters this action does not support (README "Clusters this does not support"), run as a runner runs the action
// (dist/index.js; `npm run build` first): Outposts and EKS Auto Mode in the file refused offline at their key in
// every mode; Auto Mode detected from DescribeCluster (moto behind the EKS stand-in; moto never reports computeConfig,
// so the launcher sets it the way EKS reports it) refused before any change in apply, plan, drift and delete;
// Windows nodes on a cluster without aws-auth refused before any change. The configs are this repository's own
// (__tests__/fixtures/unsupported), covering the shapes of eksctl's examples 14, 32, 35-37, 42 and 46-48.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { cp, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation'
import { startMoto, type Moto } from '../../test/harness/moto.js'
import { startOidc, type OidcServer } from '../../test/harness/oidc.js'
import { startEksStandin, type EksStandin } from '../../test/harness/eks-standin.js'
import { runAction, makeWorkspace, REPO_ROOT, type ActionResult } from '../../test/harness/run-action.js'
import { renderMarkdown, visibleText } from '../../test/harness/markdown.js'

const FIXTURES = join(REPO_ROOT, '__tests__', 'fixtures', 'unsupported')
const ACCOUNT = '123456789012'
const FAKE_SECRET = 'fake-secret-access-key-for-tests'
const GUIDE = 'https://docs.aws.amazon.com/eks/latest/userguide/auto-migrate-karpenter.html'

let moto: Moto
let oidc: OidcServer
let standin: EksStandin

async function workspaceWith(...files: string[]): Promise<string> {
  const entries: Record<string, string> = {}
  for (const f of files) entries[f] = await readFile(join(FIXTURES, f), 'utf8')
  return makeWorkspace(entries)
}

function run(workspace: string, inputs: Record<string, string>): Promise<ActionResult> {
  return runAction({
    workspace,
    inputs: { 'role-to-assume': `arn:aws:iam::${ACCOUNT}:role/karpenter-deployer`, timeout: '1m', ...inputs },
    awsEndpoint: standin.endpoint,
    oidc: { url: oidc.url, token: oidc.requestToken },
    env: { AWS_ACCESS_KEY_ID: 'AKIAFAKE', AWS_SECRET_ACCESS_KEY: FAKE_SECRET, AWS_REGION: 'us-west-2' },
    timeoutMs: 120_000
  })
}

const said = (r: ActionResult): string => `${r.stdout}\n${r.stderr}`

async function stackStatus(name: string, region = 'us-west-2'): Promise<string> {
  const c = new CloudFormationClient({ region, endpoint: moto.directEndpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: FAKE_SECRET } })
  try {
    return (await c.send(new DescribeStacksCommand({ StackName: name }))).Stacks?.[0]?.StackStatus ?? 'NONE'
  } catch (err) {
    if (/does not exist/.test((err as Error).message)) return 'ABSENT'
    throw err
  } finally {
    c.destroy()
  }
}

/** No call that could change anything reached AWS: only the identity, DescribeCluster and reads. */
function onlyReads(): void {
  const writes = moto.calls.map(c => c.action).filter(a => /^(Create|Update|Delete|Execute|Put|Attach|Tag|Set)|^(POST|PUT|DELETE) /.test(a) && a !== 'POST /clusters')
  expect(writes).toEqual([])
  expect(standin.calls.filter(c => /^(Create|Delete|Update)/.test(c.action))).toEqual([])
}

beforeAll(async () => {
  moto = await startMoto()
  oidc = await startOidc()
  standin = await startEksStandin(moto.endpoint)
}, 120_000)

afterAll(async () => {
  await standin?.stop()
  await oidc?.stop()
  await moto?.stop()
})

describe('Outposts: refused at the outpost key in every mode, before any AWS call', () => {
  it.each([
    ['outposts.yaml', 13],
    ['outposts-existing-vpc.yaml', 18],
    ['outposts-fully-private.yaml', 10]
  ])('%s', async (file, line) => {
    const workspace = await workspaceWith(file)
    for (const mode of ['render', 'apply', 'plan', 'drift', 'delete']) {
      moto.resetCalls()
      const r = await run(workspace, { 'cluster-config': file, mode })
      expect(r.code).not.toBe(0)
      expect(said(r)).toContain(`${file}:${line}:1: outpost: Karpenter is not supported on Outposts`)
      expect(r.annotations.some(a => a.level === 'error' && a.properties.file === file && a.properties.line === String(line))).toBe(true)
      expect(moto.calls).toEqual([])
      expect(r.elapsedMs).toBeLessThan(10_000)
    }
  }, 240_000)
})

describe('EKS Auto Mode in the file: refused at autoModeConfig.enabled in every mode', () => {
  it.each([
    ['auto-mode.yaml', '8:12'],
    ['auto-mode-capabilities.yaml', '15:12']
  ])('%s', async (file, at) => {
    const workspace = await workspaceWith(file)
    for (const mode of ['render', 'apply', 'delete']) {
      moto.resetCalls()
      const r = await run(workspace, { 'cluster-config': file, mode })
      expect(r.code).not.toBe(0)
      expect(said(r)).toContain(`${file}:${at}: autoModeConfig.enabled: EKS Auto Mode runs its own, AWS-managed Karpenter`)
      expect(said(r)).toContain(GUIDE)
      expect(moto.calls).toEqual([])
    }
  }, 120_000)

  it('autoModeConfig.enabled: false renders as an ordinary cluster', async () => {
    const r = await run(await workspaceWith('auto-mode-disabled.yaml'), { 'cluster-config': 'auto-mode-disabled.yaml', mode: 'render' })
    expect(r.code).toBe(0)
    expect(r.outputs['node-role-name']).toBe('eksctl-KarpenterNodeRole-auto-off')
  })
})

describe('EKS Auto Mode found by DescribeCluster (computeConfig.enabled): refused before any change', () => {
  const CLUSTER = 'auto-mode-detected'
  const config = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ${CLUSTER}
  region: us-west-2
iam:
  withOIDC: true
karpenter:
  version: '1.2.1'
  withSpotInterruptionQueue: true
`
  let workspace: string
  beforeAll(async () => {
    await moto.reset()
    standin.reset()
    await moto.cluster({ name: CLUSTER, region: 'us-west-2', version: '1.32', authenticationMode: 'API_AND_CONFIG_MAP', autoMode: true })
    workspace = await makeWorkspace({ 'cluster.yaml': config })
  }, 60_000)

  it.each(['apply', 'plan', 'drift', 'delete'])('%s', async mode => {
    moto.resetCalls()
    standin.calls.length = 0
    // install-chart: false keeps helm out of it: the refusal is about the cluster, whatever is installed on it
    const r = await run(workspace, { 'cluster-config': 'cluster.yaml', mode, 'install-chart': 'false' })
    expect(r.code).not.toBe(0)
    expect(r.elapsedMs).toBeLessThan(15_000)
    expect(said(r)).toContain(`EKS cluster "${CLUSTER}" in us-west-2 has EKS Auto Mode enabled (DescribeCluster: computeConfig.enabled is true)`)
    expect(said(r)).toContain('nodepools.karpenter.sh, nodeclaims.karpenter.sh')
    expect(said(r)).toContain(GUIDE)
    expect(moto.calls.map(c => c.action)).toContain(`GET /clusters/${CLUSTER}`)
    onlyReads()
    expect(moto.count('CreateChangeSet')).toBe(0)
    expect(await stackStatus(`eksctl-${CLUSTER}-karpenter`)).toBe('ABSENT')
  }, 120_000)

  it('the same cluster without Auto Mode is applied (the refusal comes from computeConfig, nothing else)', async () => {
    await moto.cluster({ name: CLUSTER, region: 'us-west-2', autoMode: false })
    const r = await run(workspace, { 'cluster-config': 'cluster.yaml', mode: 'apply', 'install-chart': 'false', 'node-access': 'none' })
    if (r.code !== 0) throw new Error(said(r))
    expect(await stackStatus(`eksctl-${CLUSTER}-karpenter`)).toBe('CREATE_COMPLETE')
  }, 200_000)
})

describe('Windows nodes', () => {
  it('render: Windows node groups are mapped through aws-auth with eks:kube-proxy-windows (the summary says so)', async () => {
    const r = await run(await workspaceWith('windows-node-groups.yaml'), { 'cluster-config': 'windows-node-groups.yaml', mode: 'render' })
    expect(r.code).toBe(0)
    // as a reader sees it: the summary escapes config-derived text as character references
    expect(visibleText(renderMarkdown(r.summary))).toContain(
      'Windows nodes (nodeGroups[1] (windows-ng) amiFamily WindowsServer2019FullContainer; managedNodeGroups[0] (windows-core) amiFamily WindowsServer2022CoreContainer): ' +
        'the node role is mapped in aws-auth with groups eks:kube-proxy-windows, system:bootstrappers, system:nodes'
    )
  })

  it('render: a file in authentication mode API is refused at the Windows node group, and so is node-access: access-entry', async () => {
    const api = await run(await workspaceWith('windows-api-only.yaml'), { 'cluster-config': 'windows-api-only.yaml', mode: 'render' })
    expect(api.code).not.toBe(0)
    expect(said(api)).toContain("windows-api-only.yaml:15:5: managedNodeGroups[1].amiFamily: Windows nodes (managedNodeGroups[1] (windows) amiFamily WindowsServer2022FullContainer) need Karpenter's node role mapped for Windows as well as Linux.")
    expect(said(api)).toContain('an IAM principal can be in only one access entry, of type EC2_LINUX or EC2_WINDOWS')
    const entry = await run(await workspaceWith('windows-node-groups.yaml'), { 'cluster-config': 'windows-node-groups.yaml', mode: 'render', 'node-access': 'access-entry' })
    expect(entry.code).not.toBe(0)
    expect(said(entry)).toContain('windows-node-groups.yaml:16:5: nodeGroups[1].amiFamily: Windows nodes')
  })

  it('apply on an API cluster with a Windows EC2NodeClass in manifests: refused before any change; without it, an EC2_LINUX entry', async () => {
    const CLUSTER = 'windows-api-cluster'
    await moto.reset()
    standin.reset()
    await moto.cluster({ name: CLUSTER, region: 'us-west-2', version: '1.32', authenticationMode: 'API' })
    const workspace = await makeWorkspace({
      'cluster.yaml': `apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: ${CLUSTER}\n  region: us-west-2\niam:\n  withOIDC: true\nkarpenter:\n  version: '1.2.1'\n`
    })
    await cp(join(FIXTURES, 'windows-manifests'), join(workspace, 'manifests'), { recursive: true })
    // install-chart: false: the chart and manifests are someone else's to apply, but they still say Windows
    moto.resetCalls()
    const planned = await run(workspace, { 'cluster-config': 'cluster.yaml', mode: 'plan', 'install-chart': 'false', manifests: 'manifests' })
    expect(planned.code).not.toBe(0)
    expect(said(planned)).toContain('authentication mode is API, which has no aws-auth')
    expect(moto.count('CreateChangeSet')).toBe(0)
    const refused = await run(workspace, { 'cluster-config': 'cluster.yaml', mode: 'apply', 'install-chart': 'false', manifests: 'manifests' })
    expect(refused.code).not.toBe(0)
    expect(said(refused)).toContain('Windows nodes (EC2NodeClass windows (amiSelectorTerms alias windows2022@latest)) need Karpenter\'s node role mapped for Windows as well as Linux.')
    expect(said(refused)).toContain('authentication mode is API, which has no aws-auth')
    onlyReads()
    expect(standin.accessEntries()).toEqual([])
    expect(await stackStatus(`eksctl-${CLUSTER}-karpenter`)).toBe('ABSENT')

    const linux = await run(workspace, { 'cluster-config': 'cluster.yaml', mode: 'apply', 'install-chart': 'false' })
    if (linux.code !== 0) throw new Error(said(linux))
    expect(standin.accessEntries()).toEqual([
      { clusterName: CLUSTER, principalArn: `arn:aws:iam::${ACCOUNT}:role/eksctl-KarpenterNodeRole-${CLUSTER}`, type: 'EC2_LINUX' }
    ])
  }, 240_000)
})
