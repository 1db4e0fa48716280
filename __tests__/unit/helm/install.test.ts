// installKarpenter / uninstallKarpenter with @actions/exec mocked by a small in-memory "helm" that answers history,
// registry logout, upgrade and uninstall, and records every argv it was given. The installed releases are given
// as the mode read them (ReleaseFacts): install reads none itself, and does not guard the upgrade.
import { jest, describe, it, expect, beforeEach } from '@jest/globals'
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse } from 'yaml'
import type { HelmReleaseSpec } from '../../../src/core/types.js'
import type { ReleaseFacts } from '../../../src/core/facts.js'
import type { InstalledRelease } from '../../../src/core/helm/release.js'

type Out = { exitCode: number; stdout: string; stderr: string }
const getExecOutput = jest.fn<(cmd: string, args?: string[], opts?: { env?: Record<string, string> }) => Promise<Out>>()
jest.unstable_mockModule('@actions/exec', () => ({ getExecOutput, exec: jest.fn() }))
const { installKarpenter, uninstallRelease, releasesToUninstall } = await import('../../../src/helm/install.js')

interface FakeRelease { chart: string; revision: number; status: string; values: Record<string, unknown> }
let releases: Record<string, FakeRelease>
let calls: string[][]
let envs: (Record<string, string> | undefined)[]
let valuesSeen: { mode: number; values: unknown; path: string } | undefined
let upgradeFailure: string | undefined
let quietUpgrade = false

const ok = (stdout = ''): Out => ({ exitCode: 0, stdout, stderr: '' })
const fail = (stderr: string): Out => ({ exitCode: 1, stdout: '', stderr })

function fakeHelm(args: string[]): Out {
  const [cmd, sub] = args
  if (cmd === 'registry' && sub === 'logout') return fail('Error: not logged in\n')
  if (cmd === 'history') {
    const r = releases[args[1] as string]
    return r ? ok(JSON.stringify([{ revision: r.revision, status: r.status, chart: r.chart, description: 'Upgrade "karpenter" failed: context deadline exceeded' }])) : fail('Error: release: not found')
  }
  if (cmd === 'upgrade') {
    const name = args[2] as string
    const version = args[args.indexOf('--version') + 1] as string
    if (name === 'karpenter') {
      const path = args[args.indexOf('--values') + 1] as string
      valuesSeen = { mode: statSync(path).mode & 0o777, values: parse(readFileSync(path, 'utf8')), path }
      if (upgradeFailure) {
        releases[name] = { chart: `karpenter-${version}`, revision: (releases[name]?.revision ?? 0) + 1, status: 'failed', values: {} }
        return fail(`Error: UPGRADE FAILED: ${upgradeFailure}\n`)
      }
    }
    const chart = args[3]?.endsWith('-crd') ? 'karpenter-crd' : 'karpenter'
    const prev = releases[name]
    releases[name] = { chart: `${chart}-${version}`, revision: (prev?.revision ?? 0) + 1, status: 'deployed', values: (valuesSeen?.values as Record<string, unknown>) ?? {} }
    // what helm prints after an upgrade (quietUpgrade: an output without the REVISION line)
    return ok(quietUpgrade ? '' : `Release "${name}" has been upgraded. Happy Helming!\nNAME: ${name}\nNAMESPACE: karpenter\nSTATUS: deployed\nREVISION: ${releases[name].revision}\nTEST SUITE: None\n`)
  }
  if (cmd === 'uninstall') {
    const name = args[1] as string
    if (!releases[name]) return fail(`Error: uninstall: Release not loaded: ${name}: release: not found\n`)
    delete releases[name]
    return ok()
  }
  return fail(`Error: unexpected call ${args.join(' ')}`)
}

function spec(version = '1.2.1', over: Partial<HelmReleaseSpec> = {}): HelmReleaseSpec {
  return {
    release: 'karpenter',
    namespace: 'kube-system',
    chart: { chart: 'oci://public.ecr.aws/karpenter/karpenter', version },
    crdChart: { chart: 'oci://public.ecr.aws/karpenter/karpenter-crd', version },
    values: { settings: { clusterName: 'c1', interruptionQueue: 'c1' }, serviceAccount: { create: true, name: 'karpenter', annotations: {} } },
    timeoutSeconds: 300,
    ...over
  }
}

const tempDir = mkdtempSync(join(tmpdir(), 'kp-install-test-'))
let rereads = 0
/** The fake's release as the kube reader would return it. */
function installed(name: string): InstalledRelease | undefined {
  const r = releases[name]
  if (!r) return undefined
  const [, chart, version] = /^(.+?)-(v?\d+\.\d+\.\d+)$/.exec(r.chart) as RegExpExecArray
  return { name, namespace: 'kube-system', chart: chart as string, version: version as string, revision: String(r.revision), status: r.status, values: r.values }
}
const opts = (s: HelmReleaseSpec) => ({
  helm: '/bin/helm',
  kubeconfig: '/tmp/kc',
  spec: s,
  tempDir,
  readRelease: async () => {
    rereads++
    return installed(s.release)
  }
})
/** What the mode read before the run: the fake's releases now. */
function facts(): ReleaseFacts {
  const f: ReleaseFacts = {}
  const main = installed('karpenter')
  const crd = installed('karpenter-crd')
  if (main) f.main = main
  if (crd) f.crd = crd
  return f
}

beforeEach(() => {
  releases = {}
  calls = []
  envs = []
  valuesSeen = undefined
  upgradeFailure = undefined
  quietUpgrade = false
  rereads = 0
  getExecOutput.mockReset()
  getExecOutput.mockImplementation(async (_cmd, args, o) => {
    calls.push(args ?? [])
    envs.push(o?.env)
    return fakeHelm(args ?? [])
  })
})

const verbs = () => calls.map((a) => (a[0] === 'upgrade' ? `upgrade ${a[2]}` : a.slice(0, 2).join(' ')))

describe('installKarpenter', () => {
  it('fresh install: logout, then karpenter-crd, then the controller chart; reports the revision', async () => {
    const o = opts(spec())
    const res = await installKarpenter(o, facts())
    expect(verbs()).toEqual([
      'registry logout',
      'upgrade karpenter-crd',
      'upgrade karpenter'
    ])
    // the revision is the one helm printed: the release record is not read again
    expect(rereads).toBe(0)
    expect(res).toEqual({
      revision: '1',
      chartVersion: '1.2.1',
      changed: true,
      steps: ['helm: karpenter-crd 1.2.1 installed/upgraded in kube-system', 'helm: installed karpenter 1.2.1 (revision 1)']
    })
  })

  it('reads the release record again for the revision only when the upgrade did not print it', async () => {
    quietUpgrade = true
    const res = await installKarpenter(opts(spec()), facts())
    expect(verbs().slice(-1)).toEqual(['upgrade karpenter'])
    expect(rereads).toBe(1)
    expect(res.revision).toBe('1')
  })

  it('fails when helm printed no revision and the release has no record', async () => {
    quietUpgrade = true
    const o = { ...opts(spec()), readRelease: async () => undefined }
    await expect(installKarpenter(o, facts())).rejects.toThrow(/release kube-system\/karpenter has no release record/)
  })

  it('writes the values to a 0600 file that helm reads and that is gone afterwards', async () => {
    await installKarpenter(opts(spec()), facts())
    expect(valuesSeen?.mode).toBe(0o600)
    expect(valuesSeen?.values).toEqual(spec().values)
    expect(existsSync(valuesSeen?.path as string)).toBe(false)
  })

  it('passes KUBECONFIG in an environment that keeps the rest of process.env', async () => {
    process.env['KP_TEST_MARKER'] = 'kept'
    await installKarpenter(opts(spec()), facts())
    const upgradeEnv = envs[calls.findIndex((a) => a[0] === 'upgrade')]
    expect(upgradeEnv?.['KUBECONFIG']).toBe('/tmp/kc')
    expect(upgradeEnv?.['KP_TEST_MARKER']).toBe('kept')
    delete process.env['KP_TEST_MARKER']
  })

  it('decides from the releases it is given and guards nothing (the mode ran the guard, once, before any change)', async () => {
    // a jump the guide refuses: the mode would have stopped before this; install runs what it is asked to
    releases['karpenter'] = { chart: 'karpenter-v0.31.0', revision: 4, status: 'deployed', values: {} }
    const res = await installKarpenter(opts(spec('1.2.1')), facts())
    expect(res.steps.some((l) => l.startsWith('upgrade note:'))).toBe(false)
    expect(verbs()).toEqual(['registry logout', 'upgrade karpenter-crd', 'upgrade karpenter'])
    expect(res.revision).toBe('5')
  })

  it('says it upgraded from the version the cluster ran, not from a failed upgrade on top of it', async () => {
    releases['karpenter'] = { chart: 'karpenter-1.2.1', revision: 3, status: 'failed', values: {} }
    const main = { ...(installed('karpenter') as InstalledRelease), deployedVersion: '1.1.0' }
    const res = await installKarpenter(opts(spec('1.2.1')), { main })
    expect(res.steps.join('\n')).toMatch(/upgraded karpenter 1\.1\.0 → 1\.2\.1 \(revision 4\)/)
  })

  it('upgrades within the allowed path and says from what to what', async () => {
    releases['karpenter'] = { chart: 'karpenter-1.1.0', revision: 2, status: 'deployed', values: {} }
    releases['karpenter-crd'] = { chart: 'karpenter-crd-1.1.0', revision: 2, status: 'deployed', values: {} }
    const o = opts(spec('1.2.1'))
    const res = await installKarpenter(o, facts())
    expect(res.revision).toBe('3')
    expect(res.steps.join('\n')).toMatch(/upgraded karpenter 1\.1\.0 → 1\.2\.1 \(revision 3\)/)
  })

  it('runs what the plan decided: an upgrade of the same version (the plan saw other values)', async () => {
    releases['karpenter'] = { chart: 'karpenter-1.2.1', revision: 7, status: 'deployed', values: { settings: { clusterName: 'c1' } } }
    releases['karpenter-crd'] = { chart: 'karpenter-crd-1.2.1', revision: 7, status: 'deployed', values: {} }
    const res = await installKarpenter(opts(spec()), facts())
    expect(res).toMatchObject({ revision: '8', changed: true })
  })

  it('on failure shows helm\'s own message and the release history', async () => {
    upgradeFailure = 'context deadline exceeded'
    const err = (await installKarpenter(opts(spec()), facts()).catch((e: unknown) => e)) as Error
    expect(err.message).toMatch(/helm upgrade --install karpenter 1\.2\.1 failed: UPGRADE FAILED: context deadline exceeded/)
    expect(err.message).toMatch(/history:\nrev 1 failed karpenter-1\.2\.1/)
    expect(existsSync(valuesSeen?.path as string)).toBe(false)
  })

  it('adopts unowned Karpenter CRDs before the first karpenter-crd install', async () => {
    const patched: string[] = []
    const o = {
      ...opts(spec()),
      crdAdopter: {
        listCrds: async () => [{ name: 'nodepools.karpenter.sh' }, { name: 'widgets.example.com' }],
        patchCrd: async (p: { name: string }) => void patched.push(p.name)
      }
    }
    const res = await installKarpenter(o, facts())
    expect(patched).toEqual(['nodepools.karpenter.sh'])
    expect(res.steps.join('\n')).toMatch(/adopted CRDs into karpenter-crd: nodepools\.karpenter\.sh/)
  })
})

describe('uninstallRelease', () => {
  it('uninstalls, and a second run finds nothing and is fine', async () => {
    releases['karpenter'] = { chart: 'karpenter-1.2.1', revision: 1, status: 'deployed', values: {} }
    const base = { helm: 'helm', kubeconfig: '/tmp/kc', namespace: 'kube-system', release: 'karpenter', timeoutSeconds: 60 }
    await expect(uninstallRelease(base)).resolves.toEqual({ removed: true, changed: true, steps: ['helm: uninstalled kube-system/karpenter'] })
    await expect(uninstallRelease(base)).resolves.toEqual({ removed: false, changed: false, steps: ['helm: kube-system/karpenter not installed; nothing to uninstall'] })
  })

  it('delete uninstalls the controller, then karpenter-crd', () => {
    expect(releasesToUninstall('karpenter', true)).toEqual(['karpenter', 'karpenter-crd'])
    expect(releasesToUninstall('karpenter', false)).toEqual(['karpenter'])
  })

  it('fails with helm\'s message on other errors', async () => {
    getExecOutput.mockResolvedValue(fail('Error: Kubernetes cluster unreachable: connection refused\n'))
    await expect(
      uninstallRelease({ helm: 'helm', kubeconfig: 'k', namespace: 'n', release: 'karpenter', timeoutSeconds: 1 })
    ).rejects.toThrow(/Kubernetes cluster unreachable/)
  })
})
