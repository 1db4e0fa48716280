// Real helm (v3.17.3, v3.18.0, v4.1.4 from the CDK kubectl layers, SPEC §7) against a real OCI registry
// (Debian's docker-registry on loopback) holding the test charts pushed with `helm push --plain-http`.
// Nothing here stubs helm. `helm upgrade --install` against a Kubernetes API is the e2e suite's job.
import { describe, it, expect, beforeAll, afterAll } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import { parseAllDocuments } from 'yaml'
import * as tc from '@actions/tool-cache'
import { ensureHelmBinaries, type HelmBinary } from '../../test/harness/helm-binaries.js'
import { freePort, startRegistry, type LocalRegistry } from '../../test/harness/registry.js'
import { publishTestCharts } from '../../test/harness/registry-charts.js'
import { serveStatic, type StaticServer } from '../../test/harness/http-static.js'
import { resolveHelm, PINNED_HELM_VERSION } from '../../src/helm/resolve.js'
import { registryLogout } from '../../src/helm/logout.js'
import { renderChart } from '../../src/helm/template.js'
import { HelmChecksumError } from '../../src/helm/download.js'
import { crdUpgradeArgs, uninstallArgs, upgradeArgs } from '../../src/core/helm/args.js'
import { historyArgs } from '../../src/helm/release.js'
import { runHelm } from '../../src/helm/run.js'
import { helmValues, IRSA_ANNOTATION } from '../../src/core/karpenter/values.js'
import { chartTag } from '../../src/core/karpenter/chart.js'
import { parseVersion, type SemVer } from '../../src/core/karpenter/version.js'
import type { HelmReleaseSpec } from '../../src/core/types.js'

const SETUP_MS = 600_000
const CLUSTER = 'helm-it-cluster'
const QUEUE = 'helm-it-cluster-queue'
const ROLE_ARN = 'arn:aws:iam::111122223333:role/helm-it-controller'

const savedEnv = { ...process.env }
let bins: HelmBinary[] = []
let registry: LocalRegistry | undefined
let work = ''
let deadKubeconfig = ''

interface K8sObject {
  kind: string
  metadata: { name: string; annotations?: Record<string, string> }
  spec?: { replicas?: number; template?: { spec?: { containers?: { env?: { name: string; value: string }[] }[] } } }
}

function objects(manifests: string): K8sObject[] {
  return parseAllDocuments(manifests)
    .map((d) => d.toJS() as K8sObject | null)
    .filter((o): o is K8sObject => o !== null)
}

function env(objs: K8sObject[]): Record<string, string> {
  const dep = objs.find((o) => o.kind === 'Deployment')
  return Object.fromEntries((dep?.spec?.template?.spec?.containers?.[0]?.env ?? []).map((e) => [e.name, e.value]))
}

function spec(version: string, values: Record<string, unknown>, over: Partial<HelmReleaseSpec> = {}): HelmReleaseSpec {
  const ver = parseVersion(version) as SemVer
  return {
    release: 'karpenter',
    namespace: 'kube-system',
    chart: { chart: `oci://${registry?.host}/karpenter/karpenter`, version: chartTag(ver) },
    crdChart: { chart: `oci://${registry?.host}/karpenter/karpenter-crd`, version: chartTag(ver) },
    values,
    timeoutSeconds: 60,
    ...over
  }
}

function valuesFor(version: string): Record<string, unknown> {
  return helmValues(parseVersion(version) as SemVer, {
    clusterName: CLUSTER,
    interruptionQueue: QUEUE,
    defaultInstanceProfile: 'KarpenterNodeInstanceProfile-x',
    serviceAccount: { create: true, name: 'karpenter', roleArn: ROLE_ARN }
  })
}

/** A PATH whose only helm is the given folder's (the system dirs hold none on these machines). */
function pathWith(dir?: string): string {
  const base = (savedEnv['PATH'] ?? '/usr/bin:/bin').split(':').filter((p) => !existsSync(join(p, 'helm')))
  return [...(dir ? [dir] : []), ...base].join(':')
}

/** A wrapper that logs each argv and then runs the real helm: lets the test see the order of helm calls. */
function recordingHelm(bin: HelmBinary): { helm: string; calls: () => string[] } {
  const dir = mkdtempSync(join(work, 'rec-'))
  const log = join(dir, 'calls.log')
  const helm = join(dir, 'helm')
  writeFileSync(helm, `#!/bin/sh\nprintf '%s\\n' "$*" >> '${log}'\nexec '${bin.helm}' "$@"\n`)
  chmodSync(helm, 0o755)
  return { helm, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []) }
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'kp-helm-it-'))
  // helm's own config, cache and registry credentials isolated per run: "not logged in" must be true
  for (const v of ['HELM_CONFIG_HOME', 'HELM_CACHE_HOME', 'HELM_DATA_HOME']) {
    process.env[v] = join(work, v.toLowerCase())
    mkdirSync(process.env[v] as string, { recursive: true })
  }
  process.env['HELM_REGISTRY_CONFIG'] = join(work, 'registry.json')
  // a kubeconfig whose API server is a closed loopback port: every cluster call fails the same, known way
  deadKubeconfig = join(work, 'dead-kubeconfig')
  const port = await freePort()
  writeFileSync(
    deadKubeconfig,
    `apiVersion: v1\nkind: Config\nclusters: [{name: c, cluster: {server: "http://127.0.0.1:${port}"}}]\n` +
      'users: [{name: u, user: {token: t}}]\ncontexts: [{name: c, context: {cluster: c, user: u}}]\ncurrent-context: c\n',
    { mode: 0o600 }
  )
  bins = ensureHelmBinaries()
  registry = await startRegistry()
  publishTestCharts(bins[0]?.helm as string, registry.host, ['1.2.1', 'v0.34.0', 'v0.31.0'])
}, SETUP_MS)

afterAll(async () => {
  await registry?.stop()
  process.env = { ...savedEnv }
  if (work) rmSync(work, { recursive: true, force: true })
})

describe.each(['v3.17.3', 'v3.18.0', 'v4.1.4'])('helm %s on PATH', (version) => {
  const bin = (): HelmBinary => bins.find((b) => b.version === version) as HelmBinary

  it('resolveHelm("auto") picks it', async () => {
    process.env['PATH'] = pathWith(bin().dir)
    try {
      await expect(resolveHelm('auto')).resolves.toEqual({ path: bin().helm, version, source: 'path' })
      // an explicit helm-version equal to PATH's is PATH's too
      await expect(resolveHelm(version.slice(1))).resolves.toMatchObject({ path: bin().helm, source: 'path' })
    } finally {
      process.env['PATH'] = savedEnv['PATH']
    }
  })

  it('registry logout: exit 1 on v3.17 and 0 later, and neither fails', async () => {
    const raw = spawnSync(bin().helm, ['registry', 'logout', 'public.ecr.aws'], { encoding: 'utf8' })
    expect(raw.status).toBe(version === 'v3.17.3' ? 1 : 0)
    if (version === 'v3.17.3') expect(raw.stderr).toMatch(/not logged in/)
    await expect(registryLogout(bin().helm)).resolves.not.toBe('failed')
  })

  it('pulls the chart from the registry and renders the generated values; logout is the first helm call', async () => {
    const rec = recordingHelm(bin())
    const manifests = await renderChart({ helm: rec.helm, spec: spec('1.2.1', valuesFor('1.2.1')), tempDir: work })
    const calls = rec.calls()
    expect(calls[0]).toBe('registry logout public.ecr.aws')
    expect(calls[1]).toMatch(new RegExp(`^template karpenter oci://${registry?.host}/karpenter/karpenter --version 1\\.2\\.1 --plain-http `))
    const objs = objects(manifests)
    expect(env(objs)).toMatchObject({ CLUSTER_NAME: CLUSTER, INTERRUPTION_QUEUE: QUEUE })
    const sa = objs.find((o) => o.kind === 'ServiceAccount')
    expect(sa?.metadata.name).toBe('karpenter')
    expect(sa?.metadata.annotations?.[IRSA_ANNOTATION]).toBe(ROLE_ARN)
  })

  it('uses the v-prefixed tag for 0.34.x, which is the tag that exists', async () => {
    const s = spec('0.34.0', valuesFor('0.34.0'))
    expect(s.chart.version).toBe('v0.34.0')
    expect(env(objects(await renderChart({ helm: bin().helm, spec: s, tempDir: work })))).toMatchObject({ CLUSTER_NAME: CLUSTER })
    const bare = { ...s, chart: { ...s.chart, version: '0.34.0' } }
    await expect(renderChart({ helm: bin().helm, spec: bare, tempDir: work })).rejects.toThrow(/0\.34\.0.*not found|not found/i)
  })

  it('renders the pre-0.32 value layout for a 0.31 chart', async () => {
    const s = spec('0.31.0', valuesFor('0.31.0'))
    const e = env(objects(await renderChart({ helm: bin().helm, spec: s, tempDir: work })))
    expect(e).toMatchObject({ CLUSTER_NAME: CLUSTER, INTERRUPTION_QUEUE: QUEUE, AWS_DEFAULT_INSTANCE_PROFILE: 'KarpenterNodeInstanceProfile-x' })
  })

  it('applies values-file last', async () => {
    const extra = join(work, `extra-${version}.yaml`)
    writeFileSync(extra, 'replicas: 1\nsettings:\n  interruptionQueue: from-values-file\n')
    const s = spec('1.2.1', valuesFor('1.2.1'), { valuesFile: extra })
    const objs = objects(await renderChart({ helm: bin().helm, spec: s, tempDir: work }))
    expect(objs.find((o) => o.kind === 'Deployment')?.spec?.replicas).toBe(1)
    expect(env(objs)).toMatchObject({ CLUSTER_NAME: CLUSTER, INTERRUPTION_QUEUE: 'from-values-file' })
  })

  it("fails like upstream without settings.clusterName, with helm's message", async () => {
    const s = spec('1.2.1', { settings: {} })
    await expect(renderChart({ helm: bin().helm, spec: s, tempDir: work })).rejects.toThrow(
      /Chart cannot be installed without a valid settings\.clusterName!/
    )
  })

  it('accepts every argv the install and delete run (a flag unknown to this version would fail first)', async () => {
    const s = spec('1.0.11', valuesFor('1.2.1'), { valuesFile: join(work, 'none.yaml') })
    const argvs = [
      historyArgs('karpenter', 'kube-system', 5),
      crdUpgradeArgs(s),
      upgradeArgs(s, '/dev/null'),
      uninstallArgs('karpenter', 'kube-system', 30)
    ]
    for (const args of argvs) {
      const r = await runHelm(bin().helm, args, { kubeconfig: deadKubeconfig, allowFailure: true })
      expect({ args, exitCode: r.exitCode }).toEqual({ args, exitCode: 1 })
      expect({ args, stderr: r.stderr }).toEqual({ args, stderr: expect.stringMatching(/cluster unreachable|connection refused/i) })
    }
  })

  it('the karpenter-crd chart of the same version carries the CRDs as templates', async () => {
    const base = spec('1.2.1', {})
    const s = { ...base, release: 'karpenter-crd', chart: base.crdChart as HelmReleaseSpec['chart'] }
    const kinds = objects(await renderChart({ helm: bin().helm, spec: s, tempDir: work })).map((o) => o.metadata.name)
    expect(kinds.sort()).toEqual(['ec2nodeclasses.karpenter.k8s.aws', 'nodeclaims.karpenter.sh', 'nodepools.karpenter.sh'])
  })
})

describe('helm from the tool cache (local HTTP server as the download location)', () => {
  let server: StaticServer | undefined
  let toolCache = ''
  let genuine: Buffer = Buffer.alloc(0)
  const marker = (): string => join(work, 'tampered-helm-ran')

  function archive(dir: string, helmFile: string): Buffer {
    mkdirSync(join(dir, 'linux-amd64'), { recursive: true })
    copyFileSync(helmFile, join(dir, 'linux-amd64', 'helm'))
    const out = join(dir, 'a.tar.gz')
    execFileSync('tar', ['czf', out, '-C', dir, 'linux-amd64'])
    return readFileSync(out)
  }
  const sum = (b: Buffer, name: string): string => `${createHash('sha256').update(b).digest('hex')}  ${name}\n`

  beforeAll(async () => {
    toolCache = mkdtempSync(join(work, 'toolcache-'))
    process.env['RUNNER_TOOL_CACHE'] = toolCache
    process.env['RUNNER_TEMP'] = mkdtempSync(join(work, 'runner-temp-'))
    const v318 = bins.find((b) => b.version === 'v3.18.0') as HelmBinary
    genuine = archive(mkdtempSync(join(work, 'a-')), v318.helm)
    // the tampered archive: same name, a "helm" that would leave a marker if anything ran it
    const fake = join(work, 'fake-helm')
    writeFileSync(fake, `#!/bin/sh\ntouch '${marker()}'\necho v3.17.3\n`)
    chmodSync(fake, 0o755)
    const tampered = archive(mkdtempSync(join(work, 'b-')), fake)
    server = await serveStatic({
      '/helm-v3.18.0-linux-amd64.tar.gz': genuine,
      '/helm-v3.18.0-linux-amd64.tar.gz.sha256sum': sum(genuine, 'helm-v3.18.0-linux-amd64.tar.gz'),
      // published checksum of the genuine archive, served next to a different body
      '/helm-v3.17.3-linux-amd64.tar.gz': tampered,
      '/helm-v3.17.3-linux-amd64.tar.gz.sha256sum': sum(genuine, 'helm-v3.17.3-linux-amd64.tar.gz')
    })
  }, SETUP_MS)

  afterAll(async () => {
    await server?.close()
    process.env['PATH'] = savedEnv['PATH']
  })

  it('downloads, verifies, caches and runs the version asked for when PATH has another', async () => {
    process.env['PATH'] = pathWith(bins.find((b) => b.version === 'v3.17.3')?.dir)
    const got = await resolveHelm('3.18.0', { mirror: (server as StaticServer).baseUrl, tempDir: work })
    expect(got.source).toBe('download')
    expect(got.version).toBe('v3.18.0')
    expect(got.path.startsWith(toolCache)).toBe(true)
    expect(execFileSync(got.path, ['version', '--template', '{{.Version}}'], { encoding: 'utf8' })).toBe('v3.18.0')
    expect(tc.find('helm', '3.18.0', 'x64')).not.toBe('')
    expect(server?.requests).toEqual(['/helm-v3.18.0-linux-amd64.tar.gz.sha256sum', '/helm-v3.18.0-linux-amd64.tar.gz'])
  })

  it('a later step finds it in the tool cache without downloading', async () => {
    process.env['PATH'] = pathWith(undefined)
    const before = server?.requests.length
    const got = await resolveHelm('v3.18.0', { mirror: (server as StaticServer).baseUrl, tempDir: work })
    expect(got).toMatchObject({ source: 'tool-cache', version: 'v3.18.0' })
    expect(server?.requests.length).toBe(before)
  })

  it('refuses an archive that does not match its checksum, and runs nothing from it', async () => {
    process.env['PATH'] = pathWith(undefined)
    const err = await resolveHelm('3.17.3', { mirror: (server as StaticServer).baseUrl, tempDir: work }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HelmChecksumError)
    expect((err as Error).message).toMatch(/does not match its published SHA-256/)
    expect(existsSync(marker())).toBe(false)
    expect(tc.find('helm', '3.17.3', 'x64')).toBe('')
  })

  it('auto without a helm on PATH goes for the pinned release', async () => {
    process.env['PATH'] = pathWith(undefined)
    const before = server?.requests.length ?? 0
    await expect(resolveHelm('auto', { mirror: (server as StaticServer).baseUrl, tempDir: work })).rejects.toThrow()
    expect(server?.requests.slice(before)).toEqual([`/helm-v${PINNED_HELM_VERSION}-linux-amd64.tar.gz.sha256sum`])
  })
})
