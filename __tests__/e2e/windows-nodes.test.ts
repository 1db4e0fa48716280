// Windows nodes end to end (docs/design.md "Windows nodes"): dist/index.js run as a runner runs it against moto,
// the OCI registry, real helm and kube-apiserver v1.32.0 behind EKS-style token authentication (test/harness/e2e.ts).
// On a CONFIG_MAP cluster: a Linux-only apply maps the node role with eksctl's node groups; an apply whose manifests
// hold a Windows EC2NodeClass rewrites that one mapping with eks:kube-proxy-windows (others' entries kept); the
// node role's own token then authenticates with that group; a re-apply changes nothing; delete removes the mapping.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { cp, mkdir, rm } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts'
import { startE2eEnv, E2E_ACCOUNT, type E2eEnv } from '../../test/harness/e2e.js'
import { ensureHelmBinary, HELM_LAYERS } from '../../test/harness/helm-binaries.js'
import { makeWorkspace, REPO_ROOT, type ActionResult } from '../../test/harness/run-action.js'
import { readAwsAuth } from '../../test/harness/e2e-checks.js'
import { renderMarkdown, visibleText } from '../../test/harness/markdown.js'
import { eksToken } from '../../src/kube/token.js'

const CLUSTER = 'e2e-windows'
const REGION = 'us-west-2'
const VERSION = '1.2.1'
const NODE_ROLE_ARN = `arn:aws:iam::${E2E_ACCOUNT}:role/eksctl-KarpenterNodeRole-${CLUSTER}`
const LINUX_GROUPS = ['system:bootstrappers', 'system:nodes']
const WINDOWS_GROUPS = ['eks:kube-proxy-windows', 'system:bootstrappers', 'system:nodes']
const OTHER_ROLE = {
  rolearn: `arn:aws:iam::${E2E_ACCOUNT}:role/eksctl-${CLUSTER}-nodegroup-windows-ng-NodeInstanceRole-XYZ`,
  username: 'system:node:{{EC2PrivateDNSName}}',
  groups: WINDOWS_GROUPS
}

const OTHER_TEXT = `- rolearn: ${OTHER_ROLE.rolearn}\n  username: ${OTHER_ROLE.username}\n  groups:\n${WINDOWS_GROUPS.map(g => `    - ${g}`).join('\n')}\n`

const CONFIG = `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ${CLUSTER}
  region: ${REGION}
  version: '1.32'
iam:
  withOIDC: true
karpenter:
  version: '${VERSION}'
`

function explain(r: ActionResult): string {
  return `exit ${r.code}\n--- stdout ---\n${r.stdout.slice(-6000)}\n--- stderr ---\n${r.stderr.slice(-3000)}`
}
function expectSuccess(r: ActionResult): void {
  if (r.code !== 0) throw new Error(`the action failed: ${explain(r)}`)
}

/**
 * One cluster for a describe block: the e2e environment, a workspace with the config and two manifest folders
 * (`linux`: the e2e EC2NodeClass and NodePool; `mixed`: those plus a Windows EC2NodeClass and NodePool).
 */
function windowsCluster(opts: { authenticationMode: string; eksStandin?: boolean; awsAuth?: string }) {
  const c = {
    env: undefined as unknown as E2eEnv,
    workspace: '',
    run: (mode: string, manifests: string) =>
      c.env.run(c.workspace, { 'cluster-config': 'cluster.yaml', mode, manifests, 'node-access': 'auto', timeout: '90s' }),
    ours: async () => (await readAwsAuth(c.env.api))?.mapRoles.filter(r => r.rolearn === NODE_ROLE_ARN) ?? []
  }
  beforeAll(async () => {
    const binary = ensureHelmBinary(HELM_LAYERS.find(l => l.helmVersion === 'v3.18.0')!)
    c.env = await startE2eEnv({ helm: binary, clusterName: CLUSTER, region: REGION, authenticationMode: opts.authenticationMode, chartVersions: [VERSION], eksStandin: opts.eksStandin })
    c.workspace = await makeWorkspace({ 'cluster.yaml': CONFIG })
    const linux = resolve(REPO_ROOT, '__tests__', 'fixtures', 'e2e', 'manifests')
    await cp(linux, join(c.workspace, 'linux'), { recursive: true })
    await mkdir(join(c.workspace, 'mixed'))
    await cp(linux, join(c.workspace, 'mixed'), { recursive: true })
    await cp(resolve(REPO_ROOT, '__tests__', 'fixtures', 'unsupported', 'windows-manifests'), join(c.workspace, 'mixed'), { recursive: true })
    if (opts.awsAuth !== undefined) {
      await c.env.api.create('/api/v1/namespaces/kube-system/configmaps', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'aws-auth', namespace: 'kube-system' },
        data: { mapRoles: opts.awsAuth }
      })
    }
  }, 15 * 60_000)
  afterAll(async () => {
    await c.env?.stop()
    if (c.workspace) await rm(c.workspace, { recursive: true, force: true })
  }, 60_000)
  return c
}

describe('Windows nodes on a CONFIG_MAP cluster, end to end', () => {
  const c = windowsCluster({ authenticationMode: 'CONFIG_MAP', awsAuth: OTHER_TEXT })
  const { run, ours } = c

  it('a Linux-only apply maps the node role with system:bootstrappers and system:nodes', async () => {
    const r = await run('apply', 'linux')
    expectSuccess(r)
    expect(await ours()).toEqual([{ rolearn: NODE_ROLE_ARN, username: 'system:node:{{EC2PrivateDNSName}}', groups: LINUX_GROUPS }])
  }, 240_000)

  it('with a Windows EC2NodeClass the same mapping gets eks:kube-proxy-windows; the other entry is kept byte for byte', async () => {
    const r = await run('apply', 'mixed')
    expectSuccess(r)
    expect(r.summary).toContain(`node access: aws-auth mapping for ${NODE_ROLE_ARN} updated`)
    // as a reader sees it: config-derived text in the summary is escaped (`@` as a character reference)
    expect(visibleText(renderMarkdown(r.summary))).toContain('Windows nodes (EC2NodeClass windows (amiSelectorTerms alias windows2022@latest)): mapped with eks:kube-proxy-windows too')
    const auth = (await readAwsAuth(c.env.api))!
    expect(auth.mapRoles.filter(m => m.rolearn === NODE_ROLE_ARN)).toEqual([{ rolearn: NODE_ROLE_ARN, username: 'system:node:{{EC2PrivateDNSName}}', groups: WINDOWS_GROUPS }])
    expect(auth.raw.mapRoles.startsWith(OTHER_TEXT)).toBe(true)
    expect(auth.mapRoles.find(m => m.rolearn === OTHER_ROLE.rolearn)).toEqual(OTHER_ROLE)
    // the Windows EC2NodeClass went through the CRD's schema
    const nodeClass = await c.env.api.get<{ spec: { amiSelectorTerms: unknown[] } }>('/apis/karpenter.k8s.aws/v1/ec2nodeclasses/windows')
    expect(nodeClass?.spec.amiSelectorTerms).toEqual([{ alias: 'windows2022@latest' }])
  }, 240_000)

  it("the node role's own EKS token authenticates through that mapping, with the Windows group", async () => {
    const sts = new STSClient({ region: REGION, endpoint: c.env.moto.directEndpoint, credentials: { accessKeyId: 'AKIAE2E', secretAccessKey: 'x' } })
    const { Credentials: role } = await sts.send(new AssumeRoleCommand({ RoleArn: NODE_ROLE_ARN, RoleSessionName: 'i-0123456789abcdef0' }))
    sts.destroy()
    const token = await eksToken({
      clusterName: CLUSTER,
      region: REGION,
      endpoint: c.env.awsEndpoint,
      credentials: { accessKeyId: role!.AccessKeyId!, secretAccessKey: role!.SecretAccessKey!, sessionToken: role!.SessionToken! }
    })
    const decision = await c.env.kube.webhook.review(token)
    expect(decision.authenticated).toBe(true)
    expect(decision.user?.groups).toEqual(expect.arrayContaining(WINDOWS_GROUPS))
  }, 60_000)

  it('a re-apply changes nothing in aws-auth', async () => {
    const before = (await readAwsAuth(c.env.api))!.raw.mapRoles
    const r = await run('apply', 'mixed')
    expectSuccess(r)
    expect(r.summary).toContain(`node access: aws-auth mapping for ${NODE_ROLE_ARN} unchanged`)
    expect((await readAwsAuth(c.env.api))!.raw.mapRoles).toBe(before)
  }, 240_000)

  it('delete removes the mapping it granted and keeps the other entry', async () => {
    const r = await run('delete', 'mixed')
    expectSuccess(r)
    expect(r.summary).toContain(`node access: aws-auth mapping for ${NODE_ROLE_ARN} removed`)
    expect(await ours()).toEqual([])
    expect((await readAwsAuth(c.env.api))!.mapRoles).toEqual([OTHER_ROLE])
  }, 300_000)
})

// On API_AND_CONFIG_MAP, behind the EKS stand-in (moto answers 404 for access entries, so the entries are verified
// against the stand-in only): Linux-only nodes get an EC2_LINUX access entry; once a Windows EC2NodeClass appears,
// the node role is mapped in aws-auth with eks:kube-proxy-windows and the EC2_LINUX entry is deleted (an access entry
// takes precedence over aws-auth for the same role, and one entry cannot serve both); delete removes the mapping.
describe('Windows nodes on an API_AND_CONFIG_MAP cluster: from an EC2_LINUX access entry to one aws-auth mapping', () => {
  const c = windowsCluster({ authenticationMode: 'API_AND_CONFIG_MAP', eksStandin: true })
  const { run, ours } = c

  it('Linux only: an EC2_LINUX access entry, no aws-auth mapping', async () => {
    expectSuccess(await run('apply', 'linux'))
    expect(c.env.standin!.accessEntries()).toEqual([{ clusterName: CLUSTER, principalArn: NODE_ROLE_ARN, type: 'EC2_LINUX' }])
    expect(await ours()).toEqual([])
  }, 240_000)

  it('with a Windows EC2NodeClass: the aws-auth mapping with eks:kube-proxy-windows, then the EC2_LINUX entry deleted', async () => {
    const r = await run('apply', 'mixed')
    expectSuccess(r)
    expect(await ours()).toEqual([{ rolearn: NODE_ROLE_ARN, username: 'system:node:{{EC2PrivateDNSName}}', groups: WINDOWS_GROUPS }])
    expect(c.env.standin!.accessEntries()).toEqual([])
    const steps = r.summary.split('\n')
    const mapped = steps.findIndex(l => l.includes(`node access: aws-auth mapping for ${NODE_ROLE_ARN} created-configmap`))
    const deleted = steps.findIndex(l => l.includes(`node access: access entry for ${NODE_ROLE_ARN} deleted`))
    expect(mapped).toBeGreaterThan(-1)
    expect(deleted).toBeGreaterThan(mapped)
  }, 240_000)

  it('a re-apply changes nothing; delete removes the mapping and leaves no access entry', async () => {
    const again = await run('apply', 'mixed')
    expectSuccess(again)
    expect(again.summary).toContain(`node access: aws-auth mapping for ${NODE_ROLE_ARN} unchanged`)
    expect(again.summary).not.toContain('access entry for')
    const gone = await run('delete', 'mixed')
    expectSuccess(gone)
    expect(await ours()).toEqual([])
    expect(c.env.standin!.accessEntries()).toEqual([])
  }, 400_000)
})
