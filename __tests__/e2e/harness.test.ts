// The test Kubernetes API itself: kube-apiserver v1.32.0 (built from the Go module proxy) on etcd, with EKS
// authentication reproduced by the local TokenReview webhook against moto. Tokens come from the product's own
// generator (src/kube/token.ts), so this also proves that generator against a real apiserver.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { IAMClient, CreateRoleCommand } from '@aws-sdk/client-iam'
import { STSClient, AssumeRoleCommand } from '@aws-sdk/client-sts'
import type { AwsCredentialIdentity } from '@smithy/types'
import { startKube, type KubeHarness } from '../../test/harness/kube.js'
import { startMotoForKube, type MotoForKube } from '../../test/harness/kube-moto.js'
import { repoRoot } from '../../test/harness/kube-process.js'
import { eksToken } from '../../src/kube/token.js'

const CLUSTER = 'harness-cluster'
const REGION = 'us-east-1'
const staticCreds = { accessKeyId: 'testing', secretAccessKey: 'testing' }

interface Run { code: number; stdout: string; stderr: string }
function kubectl(kubeconfig: string, args: string[], input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile('kubectl', ['--kubeconfig', kubeconfig, ...args], { timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0
      resolve({ code, stdout, stderr })
    })
    if (input !== undefined) child.stdin?.end(input)
  })
}

let moto: MotoForKube
let kube: KubeHarness
let deployerArn: string
let viewerArn: string
let deployerCreds: AwsCredentialIdentity
let viewerCreds: AwsCredentialIdentity

async function roleWithCredentials(name: string, path: string): Promise<{ arn: string; creds: AwsCredentialIdentity }> {
  const iam = new IAMClient({ endpoint: moto.endpoint, region: REGION, credentials: staticCreds })
  const sts = new STSClient({ endpoint: moto.endpoint, region: REGION, credentials: staticCreds })
  const role = await iam.send(new CreateRoleCommand({ RoleName: name, Path: path, AssumeRolePolicyDocument: '{"Version":"2012-10-17","Statement":[]}' }))
  const arn = role.Role!.Arn!
  const { Credentials: c } = await sts.send(new AssumeRoleCommand({ RoleArn: arn, RoleSessionName: `${name}-session` }))
  return { arn, creds: { accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! } }
}

function tokenFor(credentials: AwsCredentialIdentity, clusterName = CLUSTER, signingDate?: Date): Promise<string> {
  return eksToken({ clusterName, region: REGION, credentials, endpoint: moto.endpoint, ...(signingDate ? { signingDate } : {}) })
}

const workDir = join(repoRoot, '.test-work', 'kube-harness')

beforeAll(async () => {
  moto = await startMotoForKube()
  const deployer = await roleWithCredentials('karpenter-deployer', '/ci/')
  const viewer = await roleWithCredentials('viewer', '/')
  ;[deployerArn, deployerCreds, viewerArn, viewerCreds] = [deployer.arn, deployer.creds, viewer.arn, viewer.creds]
  await mkdir(workDir, { recursive: true })
  kube = await startKube({
    awsEndpoint: moto.endpoint,
    workDir,
    clusterName: CLUSTER,
    mappings: { [deployerArn]: { username: 'deployer:{{SessionName}}', groups: ['system:masters'] } }
  })
}, 40 * 60_000) // a cold machine builds kube-apiserver first (~5 min), etcd may need apt-get

afterAll(async () => {
  await kube?.stop()
  await moto?.stop()
})

describe('test Kubernetes API (admin kubeconfig)', () => {
  it('reports v1.32.0 to kubectl, served over TLS by the CA in caData', async () => {
    const r = await kubectl(kube.adminKubeconfig, ['version', '-o', 'json'])
    expect(r.stderr).toBe('')
    const v = JSON.parse(r.stdout) as { serverVersion: { gitVersion: string; major: string; minor: string } }
    expect(v.serverVersion).toMatchObject({ gitVersion: 'v1.32.0', major: '1', minor: '32' })
    expect(Buffer.from(kube.caData, 'base64').toString()).toMatch(/^-----BEGIN CERTIFICATE-----/)
    expect(kube.server).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
    expect((await stat(kube.adminKubeconfig)).mode & 0o777).toBe(0o600)
  })

  it('creates namespaces and ConfigMaps', async () => {
    expect((await kubectl(kube.adminKubeconfig, ['create', 'namespace', 'harness-ns'])).code).toBe(0)
    const cm = await kubectl(kube.adminKubeconfig, ['-n', 'harness-ns', 'create', 'configmap', 'c1', '--from-literal=k=v'])
    expect(cm.code).toBe(0)
    const got = await kubectl(kube.adminKubeconfig, ['-n', 'harness-ns', 'get', 'configmap', 'c1', '-o', 'jsonpath={.data.k}'])
    expect(got.stdout).toBe('v')
  })

  it('serves CRDs and validates custom resources against their schema', async () => {
    const crd = {
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'widgets.harness.example.com' },
      spec: {
        group: 'harness.example.com',
        scope: 'Cluster',
        names: { plural: 'widgets', singular: 'widget', kind: 'Widget' },
        versions: [{
          name: 'v1', served: true, storage: true,
          schema: { openAPIV3Schema: { type: 'object', properties: { spec: { type: 'object', properties: { size: { type: 'integer' } } } } } }
        }]
      }
    }
    expect((await kubectl(kube.adminKubeconfig, ['apply', '-f', '-'], JSON.stringify(crd))).code).toBe(0)
    const established = await kubectl(kube.adminKubeconfig, ['wait', '--for=condition=Established', '--timeout=60s', 'crd/widgets.harness.example.com'])
    expect(established.code).toBe(0)
    const ok = { apiVersion: 'harness.example.com/v1', kind: 'Widget', metadata: { name: 'w1' }, spec: { size: 3 } }
    expect((await kubectl(kube.adminKubeconfig, ['apply', '-f', '-'], JSON.stringify(ok))).code).toBe(0)
    const bad = { ...ok, metadata: { name: 'w2' }, spec: { size: 'three' } }
    const rejected = await kubectl(kube.adminKubeconfig, ['apply', '-f', '-'], JSON.stringify(bad))
    expect(rejected.code).not.toBe(0)
    expect(rejected.stderr).toMatch(/spec\.size/)
  })
})

describe('EKS authentication through the TokenReview webhook', () => {
  interface Whoami { status: { userInfo: { username: string; groups: string[]; extra?: Record<string, string[]> } } }

  it('authenticates a token of the product generator as the mapped user', async () => {
    const token = await tokenFor(deployerCreds)
    const r = await kubectl(kube.adminKubeconfig, ['--token', token, 'auth', 'whoami', '-o', 'json'])
    expect(r.stderr).toBe('')
    const who = (JSON.parse(r.stdout) as Whoami).status.userInfo
    expect(who.username).toBe('deployer:karpenter-deployer-session')
    expect(who.groups).toContain('system:masters')
    expect(who.extra?.arn).toEqual(['arn:aws:sts::123456789012:assumed-role/karpenter-deployer/karpenter-deployer-session'])
    const ns = await kubectl(kube.adminKubeconfig, ['--token', token, 'create', 'namespace', 'made-by-deployer'])
    expect(ns.code).toBe(0)
  })

  it('rejects a token signed for another cluster name', async () => {
    const before = kube.webhook.decisions.length
    const token = await tokenFor(deployerCreds, 'some-other-cluster')
    const r = await kubectl(kube.adminKubeconfig, ['--token', token, 'get', 'namespaces'])
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/Unauthorized|must be logged in/)
    const reasons = kube.webhook.decisions.slice(before).map((d) => d.reason)
    expect(reasons.some((m) => /SignatureDoesNotMatch/.test(m ?? ''))).toBe(true)
  })

  it('rejects an unmapped role, credentials STS never issued, an expired and a tampered token', async () => {
    const unmapped = await kube.webhook.review(await tokenFor(viewerCreds))
    expect(unmapped).toMatchObject({ authenticated: false })
    expect(unmapped.reason).toMatch(/not mapped: arn:aws:iam::123456789012:role\/viewer/)

    const unknown = await kube.webhook.review(await tokenFor({ accessKeyId: 'AKIAFAKEFAKEFAKEFAKE', secretAccessKey: 'x' }))
    expect(unknown.reason).toMatch(/InvalidClientTokenId/)

    const expired = await kube.webhook.review(await tokenFor(deployerCreds, CLUSTER, new Date(Date.now() - 20 * 60_000)))
    expect(expired.reason).toMatch(/expired/)

    const good = await tokenFor(deployerCreds)
    const url = Buffer.from(good.slice('k8s-aws-v1.'.length), 'base64url').toString()
    const tampered = 'k8s-aws-v1.' + Buffer.from(url.replace('Version=2011-06-15', 'Version=2011-06-16')).toString('base64url')
    expect((await kube.webhook.review(tampered)).reason).toMatch(/SignatureDoesNotMatch/)
    expect((await kube.webhook.review('k8s-aws-v1.' + Buffer.from(url.replace('GetCallerIdentity', 'GetSessionToken')).toString('base64url'))).reason)
      .toMatch(/not a GetCallerIdentity/)
    expect((await kube.webhook.review(good)).authenticated).toBe(true)
  })

  it('applies RBAC to webhook users: a mapped non-admin group is authenticated but forbidden', async () => {
    kube.webhook.setMappings({
      [deployerArn]: { username: 'deployer:{{SessionName}}', groups: ['system:masters'] },
      [viewerArn]: { username: 'viewer', groups: ['harness:viewers'] }
    })
    const token = await tokenFor(viewerCreds)
    const who = await kubectl(kube.adminKubeconfig, ['--token', token, 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username}'])
    expect(who.stdout).toBe('viewer')
    const list = await kubectl(kube.adminKubeconfig, ['--token', token, 'get', 'namespaces'])
    expect(list.code).not.toBe(0)
    expect(list.stderr).toMatch(/forbidden/)
  })
})

describe('aws-auth ConfigMap as a mapping source (EKS API_AND_CONFIG_MAP mode)', () => {
  function awsAuth(mapRoles: string) {
    return JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aws-auth', namespace: 'kube-system' }, data: { mapRoles } })
  }

  it('maps a role listed in kube-system/aws-auth, read live; a rolearn with a path never matches', async () => {
    const { arn, creds } = await roleWithCredentials('node-role', '/nodes/')
    const token = await tokenFor(creds)
    expect((await kube.webhook.review(token)).reason).toMatch(/not mapped/)

    const withPath = `- rolearn: ${arn}\n  username: from-aws-auth\n  groups: [harness:aws-auth]\n`
    expect((await kubectl(kube.adminKubeconfig, ['apply', '-f', '-'], awsAuth(withPath))).code).toBe(0)
    expect((await kube.webhook.review(token)).reason).toMatch(/not mapped: arn:aws:iam::123456789012:role\/node-role/)

    const pathless = `- rolearn: arn:aws:iam::123456789012:role/node-role\n  username: from-aws-auth\n  groups: [harness:aws-auth]\n`
    expect((await kubectl(kube.adminKubeconfig, ['apply', '-f', '-'], awsAuth(pathless))).code).toBe(0)
    const who = await kubectl(kube.adminKubeconfig, ['--token', token, 'auth', 'whoami', '-o', 'jsonpath={.status.userInfo.username} {.status.userInfo.groups}'])
    expect(who.stdout).toBe('from-aws-auth ["harness:aws-auth","system:authenticated"]')
  })
})

describe('harness lifecycle', () => {
  it('stop() ends etcd and kube-apiserver and removes the temp dir', async () => {
    const second = await startKube({ awsEndpoint: moto.endpoint, workDir, clusterName: 'lifecycle' })
    expect((await kubectl(second.adminKubeconfig, ['get', '--raw', '/readyz'])).stdout).toBe('ok')
    await second.stop()
    expect(existsSync(second.dir)).toBe(false)
    await expect(fetch(`${second.etcdUrl}/health`)).rejects.toThrow()
    const after = await kubectl(kube.adminKubeconfig, ['--server', second.server, 'get', '--raw', '/readyz'])
    expect(after.code).not.toBe(0)
  }, 120_000)
})
