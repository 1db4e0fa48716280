// The one reader of the installed releases (src/kube/helm-release.ts) against real helm on the real
// kube-apiserver: releases made and changed by helm v3.17.3, v3.18.0 and v4.1.4 in turn (a cluster's releases
// outlive the helm that made them), and after each change the reader must say what every one of those helms says —
// `helm list` (chart version, revision, status, app version), `helm get values` (the user-supplied values) and
// `helm history` (which revision was last deployed). One List with the set-based selector
// `owner=helm,name in (karpenter,karpenter-crd)` reads both releases, and nothing else.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { mkdtemp, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { tmpdir } from 'node:os'
import { startKube, type KubeHarness } from '../../test/harness/kube.js'
import { repoRoot } from '../../test/harness/kube-process.js'
import { ensureHelmBinaries, type HelmBinary } from '../../test/harness/helm-binaries.js'
import { packageTestChart } from '../../test/harness/registry-charts.js'
import { execArgv, type Exec } from '../../test/harness/e2e-checks.js'
import { KubeClient } from '../../src/kube/client.js'
import { readRelease, readReleaseFacts } from '../../src/kube/helm-release.js'
import { runningVersion, type InstalledRelease } from '../../src/core/helm/release.js'
import { guardUpgrade, UpgradeRefusedError } from '../../src/core/karpenter/upgrade.js'

const NS = 'release-reader'
const VERSIONS = ['1.0.5', '1.1.0', '1.2.1'] as const

let kube: KubeHarness
let client: KubeClient
let bins: HelmBinary[]
let work = ''
/** packaged test charts: `${chart}-${version}` → .tgz */
const tgz: Record<string, string> = {}

function helm(bin: HelmBinary, args: string[]): Promise<Exec> {
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: work,
    KUBECONFIG: kube.adminKubeconfig,
    HELM_CONFIG_HOME: join(work, 'helm-config'),
    HELM_CACHE_HOME: join(work, 'helm-cache'),
    HELM_DATA_HOME: join(work, 'helm-data')
  }
  return execArgv(bin.helm, args, env)
}

async function helmOk(bin: HelmBinary, args: string[]): Promise<string> {
  const r = await helm(bin, args)
  if (r.code !== 0) throw new Error(`helm ${bin.version} ${args.join(' ')} exited ${r.code}: ${r.stderr}`)
  return r.stdout
}

/** `helm upgrade --install` of a packaged test chart (no --wait: nothing runs Pods here). */
function install(bin: HelmBinary, release: string, chart: 'karpenter' | 'karpenter-crd', version: string, extra: string[] = []): Promise<string> {
  const values = chart === 'karpenter' ? ['--set', 'settings.clusterName=reader-test'] : []
  return helmOk(bin, ['upgrade', '--install', release, tgz[`${chart}-${version}`] as string, '--namespace', NS, '--create-namespace', ...values, ...extra])
}

interface ListEntry { name: string; namespace: string; revision: string | number; status: string; chart: string; app_version?: string }
interface HistoryEntry { revision: number; status: string; chart: string }

/** What this helm shows of a release, in the reader's shape (undefined when `helm list` does not show it). */
async function helmView(bin: HelmBinary, release: string): Promise<InstalledRelease | undefined> {
  // v3 lists only deployed and failed by default and v4 every state: the state flags mean the same on both
  const list = JSON.parse(await helmOk(bin, ['list', '--namespace', NS, '--deployed', '--failed', '--pending', '--output', 'json'])) as ListEntry[] | null
  const entry = (list ?? []).find((e) => e.name === release)
  if (!entry) return undefined
  const values = JSON.parse(await helmOk(bin, ['get', 'values', release, '--namespace', NS, '--output', 'json'])) as Record<string, unknown> | null
  const history = JSON.parse(await helmOk(bin, ['history', release, '--namespace', NS, '--output', 'json'])) as HistoryEntry[]
  const lastDeployed = [...history].reverse().find((h) => h.status === 'deployed')
  const [, chart, version] = /^(.+)-(\d+\.\d+\.\d+)$/.exec(entry.chart) as RegExpExecArray
  const view: InstalledRelease = {
    name: entry.name,
    namespace: entry.namespace,
    chart: chart as string,
    version: version as string,
    revision: String(entry.revision),
    status: entry.status,
    values: values ?? {}
  }
  if (entry.app_version) view.appVersion = entry.app_version
  if (lastDeployed && lastDeployed.revision !== Number(entry.revision)) view.deployedVersion = lastDeployed.chart.replace(/^.+-(\d+\.\d+\.\d+)$/, '$1')
  return view
}

/** The reader's answer equals what each helm shows, for both releases. */
async function expectAgreement(): Promise<{ main?: InstalledRelease; crd?: InstalledRelease }> {
  const facts = await readReleaseFacts(client, { release: 'karpenter', namespace: NS, crdRelease: 'karpenter-crd' })
  for (const bin of bins) {
    expect({ helm: bin.version, main: facts.main }).toEqual({ helm: bin.version, main: await helmView(bin, 'karpenter') })
    expect({ helm: bin.version, crd: facts.crd }).toEqual({ helm: bin.version, crd: await helmView(bin, 'karpenter-crd') })
  }
  expect(await readRelease(client, 'karpenter', NS)).toEqual(facts.main)
  return facts
}

beforeAll(async () => {
  bins = ensureHelmBinaries()
  work = await mkdtemp(join(tmpdir(), 'kp-release-reader-'))
  for (const version of [...VERSIONS, '1.3.0']) {
    for (const chart of ['karpenter', 'karpenter-crd'] as const) tgz[`${chart}-${version}`] = packageTestChart(bins[0]!.helm, chart, version, join(work, 'charts'))
  }
  // Only the admin token (from the apiserver's token file) is used: the EKS token webhook is never asked, so
  // it gets an STS endpoint that nothing listens on.
  kube = await startKube({ awsEndpoint: 'http://127.0.0.1:9', workDir: join(repoRoot, '.test-work', 'helm-release') })
  client = new KubeClient({ server: kube.server, caPem: Buffer.from(kube.caData, 'base64').toString('utf8'), token: kube.adminToken })
}, 40 * 60_000)

afterAll(async () => {
  client?.close()
  await kube?.stop()
  if (work) await rm(work, { recursive: true, force: true })
})

describe('the release reader agrees with helm v3.17.3, v3.18.0 and v4.1.4 on a real apiserver', () => {
  it('nothing installed: no releases', async () => {
    expect(await readReleaseFacts(client, { release: 'karpenter', namespace: NS, crdRelease: 'karpenter-crd' })).toEqual({})
    expect(await readRelease(client, 'karpenter', NS)).toBeUndefined()
  })

  it('installed by helm v3.17.3 (karpenter-crd first, as apply does), next to releases it must not read', async () => {
    const [v317] = bins as [HelmBinary]
    await install(v317, 'karpenter-crd', 'karpenter-crd', '1.0.5')
    await install(v317, 'karpenter', 'karpenter', '1.0.5', ['--set', 'logLevel=debug', '--set', 'replicas=1'])
    // a release whose name only starts the same, and one uninstalled with its history kept
    await install(v317, 'karpenter-extra', 'karpenter', '1.1.0', ['--skip-crds'])
    await install(v317, 'karpenter-gone', 'karpenter', '1.1.0', ['--skip-crds'])
    await helmOk(v317, ['uninstall', 'karpenter-gone', '--namespace', NS, '--keep-history'])

    const facts = await expectAgreement()
    expect(facts.main).toEqual({
      name: 'karpenter',
      namespace: NS,
      chart: 'karpenter',
      version: '1.0.5',
      appVersion: '1.0.5',
      revision: '1',
      status: 'deployed',
      values: { settings: { clusterName: 'reader-test' }, logLevel: 'debug', replicas: 1 }
    })
    expect(facts.crd).toMatchObject({ chart: 'karpenter-crd', version: '1.0.5', revision: '1', status: 'deployed', values: {} })
    expect(await readRelease(client, 'karpenter-extra', NS)).toMatchObject({ version: '1.1.0', status: 'deployed' })
    // helm keeps the record (status uninstalled) but lists it only with --uninstalled: not installed
    expect(await readRelease(client, 'karpenter-gone', NS)).toBeUndefined()
  })

  it('upgraded by helm v3.18.0: the new revision and its values', async () => {
    const v318 = bins[1] as HelmBinary
    await install(v318, 'karpenter-crd', 'karpenter-crd', '1.1.0')
    await install(v318, 'karpenter', 'karpenter', '1.1.0', ['--set', 'replicas=3'])
    const facts = await expectAgreement()
    expect(facts.main).toMatchObject({ version: '1.1.0', revision: '2', status: 'deployed', values: { settings: { clusterName: 'reader-test' }, replicas: 3 } })
    expect(facts.main?.deployedVersion).toBeUndefined()
    expect(facts.crd).toMatchObject({ version: '1.1.0', revision: '2', status: 'deployed' })
  })

  it('a failed upgrade by helm v4.1.4 (--wait times out): the release is the failed revision, the cluster runs the deployed one', async () => {
    const v4 = bins[2] as HelmBinary
    const failed = await helm(v4, [
      'upgrade', 'karpenter', tgz['karpenter-1.3.0'] as string, '--namespace', NS, '--reuse-values', '--set', 'replicas=2', '--wait', '--timeout', '3s'
    ])
    expect({ code: failed.code, stderr: failed.stderr }).toEqual({ code: 1, stderr: expect.stringMatching(/UPGRADE FAILED/) })
    const facts = await expectAgreement()
    expect(facts.main).toMatchObject({ version: '1.3.0', revision: '3', status: 'failed', deployedVersion: '1.1.0', values: { replicas: 2 } })
    expect(runningVersion(facts.main!)).toBe('1.1.0')
    expect(facts.crd).toMatchObject({ version: '1.1.0', revision: '2' })
  })

  it('the upgrade guard moves from what runs (1.1.0), not from the failed 1.3.0', async () => {
    const { main } = await readReleaseFacts(client, { release: 'karpenter', namespace: NS })
    // 1.1.0 → 1.2.1 is an upgrade with no notes; from the failed 1.3.0 it would be a downgrade, which has notes
    expect(guardUpgrade(main, '1.2.1')).toEqual({ notes: [], warnings: [] })
    // 1.1.0 → 0.37.7 leaves v1 for v1beta1: refused, naming 1.1.0
    expect(() => guardUpgrade(main, '0.37.7')).toThrow(UpgradeRefusedError)
    expect(() => guardUpgrade(main, '0.37.7')).toThrow(/from 1\.1\.0 to 0\.37\.7/)
  })

  it('a later successful upgrade (helm v3.17.3 over v4.1.4\'s failed revision) is deployed again', async () => {
    const [v317] = bins as [HelmBinary]
    await install(v317, 'karpenter', 'karpenter', '1.2.1', ['--reuse-values'])
    const facts = await expectAgreement()
    expect(facts.main).toMatchObject({ version: '1.2.1', revision: '4', status: 'deployed' })
    expect(facts.main?.deployedVersion).toBeUndefined()
  })
})
