// Evidence for what test/harness/deployment-ready.ts claims: no controller runs in the test apiserver, so
// `helm --wait` on the Karpenter chart never finishes by itself; Deployment status alone satisfies helm v4's
// kstatus wait, while helm v3 also needs the Deployment's newest ReplicaSet to report ready replicas.
// Plain helm against the test apiserver (admin kubeconfig), the test chart from the local registry.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startKube, type KubeHarness } from '../../test/harness/kube.js'
import { repoRoot } from '../../test/harness/kube-process.js'
import { startRegistry, type LocalRegistry } from '../../test/harness/registry.js'
import { publishTestCharts } from '../../test/harness/registry-charts.js'
import { ensureHelmBinary, HELM_LAYERS, type HelmBinary } from '../../test/harness/helm-binaries.js'
import { markDeploymentsReady, type DeploymentReadyMarker } from '../../test/harness/deployment-ready.js'
import { execArgv, helmRecords } from '../../test/harness/e2e-checks.js'
import { kubeApi } from '../../test/harness/e2e-kube-api.js'

const helms = Object.fromEntries(['v3.18.0', 'v4.1.4'].map(v => [v, ensureHelmBinary(HELM_LAYERS.find(l => l.helmVersion === v)!)])) as Record<string, HelmBinary>
let kube: KubeHarness
let registry: LocalRegistry
let helmDir: string

beforeAll(async () => {
  registry = await startRegistry()
  publishTestCharts(helms['v3.18.0'].helm, registry.host, ['1.2.1'])
  const workDir = join(repoRoot, '.test-work', 'e2e-ready')
  await mkdir(workDir, { recursive: true })
  // no EKS authentication needed here: helm uses the admin token; the webhook has nothing to verify against
  kube = await startKube({ awsEndpoint: 'http://127.0.0.1:9', workDir, readAwsAuth: false })
  helmDir = await mkdtemp(join(tmpdir(), 'e2e-ready-helm-'))
}, 15 * 60_000)

afterAll(async () => {
  await kube?.stop()
  await registry?.stop()
  if (helmDir) await rm(helmDir, { recursive: true, force: true })
})

async function install(helm: HelmBinary, namespace: string, timeout: string) {
  const env = { ...process.env, KUBECONFIG: kube.adminKubeconfig, HELM_CONFIG_HOME: join(helmDir, 'c'), HELM_CACHE_HOME: join(helmDir, 'k'), HELM_DATA_HOME: join(helmDir, 'd') }
  return execArgv(helm.helm, ['upgrade', '--install', 'karpenter', `oci://${registry.host}/karpenter/karpenter`, '--version', '1.2.1', '--plain-http',
    '--namespace', namespace, '--create-namespace', '--set', 'settings.clusterName=c', '--wait', '--timeout', timeout], env)
}

async function withMarker<T>(opts: { replicaSets: boolean; namespaces: string[] }, fn: (m: DeploymentReadyMarker) => Promise<T>): Promise<T> {
  const marker = await markDeploymentsReady({ server: kube.server, caData: kube.caData, adminToken: kube.adminToken }, opts)
  try {
    return await fn(marker)
  } finally {
    await marker.stop()
  }
}

describe('helm --wait on the test apiserver', () => {
  it('with nothing marking it ready, helm v3 times out: Deployments never become ready here', async () => {
    const r = await install(helms['v3.18.0'], 'no-marker', '8s')
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/context deadline exceeded|timed out waiting/)
  }, 60_000)

  it('helm v3 needs the ReplicaSet: Deployment status alone is not enough', async () => {
    const r = await withMarker({ replicaSets: false, namespaces: ['status-only-v3'] }, async (m) => {
      const out = await install(helms['v3.18.0'], 'status-only-v3', '8s')
      expect(m.marked.map(x => x.name)).toEqual(['karpenter'])
      return out
    })
    expect(r.code).not.toBe(0)
    expect(r.stderr).toMatch(/context deadline exceeded|timed out waiting/)
  }, 60_000)

  it('helm v4 (kstatus) is satisfied by the Deployment status and conditions alone', async () => {
    const r = await withMarker({ replicaSets: false, namespaces: ['status-only-v4'] }, () => install(helms['v4.1.4'], 'status-only-v4', '30s'))
    if (r.code !== 0) throw new Error(r.stderr)
    expect((await helmRecords(kubeApi({ server: kube.server, caData: kube.caData, adminToken: kube.adminToken }), 'status-only-v4', 'karpenter')).map(h => h.status)).toEqual(['deployed'])
  }, 60_000)

  it('helm v3 finishes once the marker also makes the ReplicaSet ready', async () => {
    const r = await withMarker({ replicaSets: true, namespaces: ['with-rs-v3'] }, () => install(helms['v3.18.0'], 'with-rs-v3', '30s'))
    if (r.code !== 0) throw new Error(r.stderr)
    const rs = await kubeApi({ server: kube.server, caData: kube.caData, adminToken: kube.adminToken }).list<{ status: { readyReplicas: number } }>('/apis/apps/v1/namespaces/with-rs-v3/replicasets')
    expect(rs.map(x => x.status.readyReplicas)).toEqual([2])
  }, 60_000)
})
