import { describe, it, expect } from '@jest/globals'
import { checkUpgrade, guardUpgrade, UpgradeRefusedError, type UpgradeCheck } from '../../../../src/core/karpenter/upgrade.js'
import type { InstalledRelease } from '../../../../src/core/helm/release.js'
import { parseVersion, type SemVer } from '../../../../src/core/karpenter/version.js'

const p = (s: string): SemVer => parseVersion(s) as SemVer
const check = (from: string, to: string): UpgradeCheck => checkUpgrade(p(from), p(to))
function refused(from: string, to: string): { reason: string; steps: string[] } {
  const r = check(from, to)
  if (r.ok) throw new Error(`expected ${from} → ${to} to be refused, got ok: ${r.notes.join(' / ')}`)
  return r
}
function allowed(from: string, to: string): string[] {
  const r = check(from, to)
  if (!r.ok) throw new Error(`expected ${from} → ${to} to be allowed, got: ${r.reason}`)
  return r.notes
}

describe('checkUpgrade: same version', () => {
  it('is ok without notes', () => {
    expect(check('1.2.1', 'v1.2.1')).toEqual({ ok: true, notes: [] })
  })
})

describe('checkUpgrade: allowed upgrades', () => {
  it.each([
    ['0.28.0', '0.31.5'],
    ['0.31.4', '0.32.10'],
    ['0.32.10', '0.33.0'],
    ['0.33.0', '0.37.8'],
    ['0.33.12', '1.0.14'],
    ['0.34.13', '1.0.0'],
    ['0.35.12', '1.0.5'],
    ['0.36.9', '1.0.6'],
    ['0.37.7', '1.0.11'],
    ['0.37.8', '1.0.14'],
    ['1.0.0', '1.0.14'],
    ['1.0.6', '1.1.0'],
    ['1.0.14', '1.14.1'],
    ['1.1.0', '1.14.1'],
    ['1.14.1', '1.15.0']
  ])('%s → %s', (from, to) => {
    expect(check(from, to).ok).toBe(true)
  })

  it('notes the v1beta1 migration on 0.31 → 0.32, and the rollback limit below 0.31.4', () => {
    expect(allowed('0.31.4', '0.32.0').join(' ')).toMatch(/migrate/)
    expect(allowed('0.30.0', '0.32.0').join(' ')).toMatch(/0\.31\.4/)
    expect(allowed('0.31.4', '0.32.0').join(' ')).not.toMatch(/cannot/)
  })
  it('notes the conversion webhook on the way to 1.0, and v1 manifests on the way to 1.1', () => {
    expect(allowed('0.37.7', '1.0.11').join(' ')).toMatch(/webhook/)
    expect(allowed('1.0.6', '1.1.0').join(' ')).toMatch(/nodeClassRef/)
  })
})

describe('checkUpgrade: refused upgrades name the steps', () => {
  it('≤0.31 → 0.33+ must go through 0.32.x', () => {
    const r = refused('0.31.5', '0.33.0')
    expect(r.reason).toMatch(/0\.32\.x/)
    expect(r.steps[0]).toMatch(/0\.32\.10/)
    expect(r.steps.join(' ')).toMatch(/migrate every Provisioner/)
    expect(r.steps.at(-1)).toBe('then upgrade to 0.33.0')
  })
  it('≤0.31.3 → 0.33+ first goes to 0.31.4+ for rollback', () => {
    const r = refused('0.28.1', '0.37.7')
    expect(r.steps[0]).toMatch(/0\.31\.5/)
    expect(r.steps[1]).toMatch(/0\.32\.10/)
  })
  it('≤0.31 → 1.x lists the whole path', () => {
    const r = refused('0.31.5', '1.2.1')
    expect(r.steps.join(' ')).toMatch(/0\.32\.10.*0\.33–0\.37.*1\.0\.x/)
    expect(r.steps.at(-1)).toBe('then upgrade to 1.2.1')
  })
  it('0.32 → 1.0 is refused: 1.0 installs only over 0.33–0.37', () => {
    const r = refused('0.32.10', '1.0.11')
    expect(r.reason).toMatch(/0\.33–0\.37/)
    expect(r.steps).toEqual(expect.arrayContaining(['upgrade to 0.37.7']))
    expect(r.steps.join(' ')).toMatch(/karpenter-crd/)
    expect(r.steps.at(-1)).toMatch(/upgrade to 1\.0\.11/)
  })
  it.each([
    ['0.33.5', '0.33.12'],
    ['0.34.0', '0.34.13'],
    ['0.35.11', '0.35.12'],
    ['0.36.8', '0.36.9'],
    ['0.37.6', '0.37.7']
  ])('%s → 1.0 must first go to the rollback-capable %s, apply CRDs with webhook values, then 1.0.x', (from, patch) => {
    const r = refused(from, '1.0.11')
    expect(r.reason).toMatch(new RegExp(patch.replaceAll('.', '\\.')))
    expect(r.steps[0]).toBe(`upgrade to ${patch} first (the rollback-capable patch of your minor)`)
    expect(r.steps[1]).toMatch(new RegExp(`apply the ${patch.replaceAll('.', '\\.')} CRDs through the karpenter-crd chart with webhook\\.enabled=true`))
    expect(r.steps[1]).toMatch(/webhook\.port=8443/)
    expect(r.steps.at(-1)).toMatch(/upgrade to 1\.0\.11/)
  })
  it('0.33–0.37 → 1.1+ must pass through 1.0.x', () => {
    const r = refused('0.37.7', '1.2.1')
    expect(r.reason).toMatch(/1\.0\.x/)
    expect(r.steps[0]).toMatch(/apply the 0\.37\.7 CRDs/) // already on the rollback patch: no extra hop
    expect(r.steps.join(' ')).toMatch(/1\.0\.14/)
    expect(r.steps.join(' ')).toMatch(/storedVersions/)
    expect(r.steps.at(-1)).toBe('then upgrade to 1.2.1')
  })
  it('1.0.0–1.0.5 → 1.1+ first goes to 1.0.6+, which migrates stored versions', () => {
    for (const from of ['1.0.0', '1.0.5']) {
      const r = refused(from, '1.1.0')
      expect(r.reason).toMatch(/1\.0\.6/)
      expect(r.steps[0]).toMatch(/upgrade to 1\.0\.14/)
      expect(r.steps.join(' ')).toMatch(/nodeClassRef\.group/)
    }
  })
})

describe('checkUpgrade: downgrades', () => {
  it.each([
    ['1.14.1', '1.13.0'],
    ['1.2.1', '1.1.0'],
    ['1.1.0', '1.0.14'],
    ['1.0.14', '1.0.0'],
    ['1.0.11', '0.37.7'],
    ['1.0.11', '0.33.12'],
    ['0.37.7', '0.36.0'],
    ['0.37.7', '0.35.4'],
    ['0.34.0', '0.33.0'],
    ['0.33.0', '0.32.3'],
    ['0.37.8', '0.32.9'],
    ['0.32.10', '0.31.4'],
    ['0.31.5', '0.28.0']
  ])('%s → %s is allowed', (from, to) => {
    expect(check(from, to).ok).toBe(true)
  })

  it('warns that downgrading the CRD chart below 1.14 / 1.7 deletes CapacityBuffer / NodeOverlay objects', () => {
    expect(allowed('1.14.1', '1.13.0').join(' ')).toMatch(/CapacityBuffer/)
    expect(allowed('1.14.1', '1.13.0').join(' ')).not.toMatch(/NodeOverlay/)
    expect(allowed('1.8.0', '1.6.2').join(' ')).toMatch(/NodeOverlay/)
    expect(allowed('1.13.0', '1.12.0').join(' ')).not.toMatch(/CRD:/)
  })

  it('from 1.0.x only to the rollback targets', () => {
    const r = refused('1.0.11', '0.37.6')
    expect(r.reason).toMatch(/0\.37\.7/)
    expect(r.steps[0]).toBe('roll back to 0.37.7 instead of 0.37.6')
    expect(refused('1.0.11', '0.33.11').steps[0]).toBe('roll back to 0.33.12 instead of 0.33.11')
  })

  it('from 1.1+ to 0.3x goes through 1.0.x', () => {
    const r = refused('1.2.1', '0.37.7')
    expect(r.steps[0]).toMatch(/1\.0\.14/)
    expect(r.steps[1]).toMatch(/0\.37\.7/)
    expect(refused('1.2.1', '0.36.0').steps[1]).toMatch(/0\.36\.9/)
  })

  it('from 0.32 only to 0.31.4+', () => {
    expect(refused('0.32.10', '0.31.3').steps[0]).toMatch(/0\.31\.5/)
  })

  it('from ≥0.36 only to the drift-safe patches of older minors', () => {
    expect(refused('0.36.9', '0.35.3').steps[0]).toMatch(/0\.35\.4/)
    expect(refused('0.37.7', '0.32.8').steps[0]).toMatch(/0\.32\.9/)
    expect(check('0.35.12', '0.34.0').ok).toBe(true) // the drift change came with 0.36
  })

  it('refuses rolling back across more than one API era', () => {
    for (const [from, to] of [['0.33.0', '0.31.5'], ['1.0.14', '0.32.10'], ['1.0.14', '0.31.5'], ['1.5.0', '0.31.5']] as const) {
      expect(check(from, to).ok).toBe(false)
    }
  })
})

describe('guardUpgrade (the one guard call of apply)', () => {
  const release = (version: string, over: Partial<InstalledRelease> = {}): InstalledRelease => ({
    name: 'karpenter',
    namespace: 'kube-system',
    chart: 'karpenter',
    version,
    revision: '2',
    status: 'deployed',
    values: {},
    ...over
  })

  it('a first install passes without notes', () => {
    expect(guardUpgrade(undefined, '1.2.1')).toEqual({ notes: [], warnings: [] })
  })

  it('refuses a jump the guide does not allow, from the installed version, naming the steps', () => {
    let err: unknown
    try {
      guardUpgrade(release('v0.31.0'), '1.2.1')
    } catch (e) {
      err = e
    }
    expect(err).toBeInstanceOf(UpgradeRefusedError)
    const refusal = err as UpgradeRefusedError
    expect(refusal).toMatchObject({ from: 'v0.31.0', to: '1.2.1' })
    expect(refusal.steps.length).toBeGreaterThan(0)
    expect(refusal.message).toMatch(/^Refusing to move Karpenter from v0\.31\.0 to 1\.2\.1: .*\nNothing was changed\. Steps to take:\n {2}1\. /s)
  })

  it('returns the notes of an allowed jump as data', () => {
    const g = guardUpgrade(release('1.0.8'), '1.2.1')
    expect(g.warnings).toEqual([])
    expect(g.notes).toEqual(allowed('1.0.8', '1.2.1'))
    expect(g.notes.length).toBeGreaterThan(0)
  })

  it('moves from what the cluster runs: a failed upgrade on top of a deployed revision does not count', () => {
    // a failed 1.0.8 upgrade over 0.37.7 (what runs): 1.2.1 would skip 1.0.x for the cluster, so it is refused,
    // though the latest revision's 1.0.8 → 1.2.1 alone would pass
    const failed = release('1.0.8', { status: 'failed', revision: '3', deployedVersion: '0.37.7' })
    expect(() => guardUpgrade(failed, '1.2.1')).toThrow(/from 0\.37\.7 to 1\.2\.1/)
    // and the other way round: retrying a failed 1.0.8 upgrade from 0.37.7 is the allowed path
    const retry = guardUpgrade(release('1.2.1', { status: 'failed', deployedVersion: '0.37.7' }), '1.0.8')
    expect(retry.notes).toEqual(allowed('0.37.7', '1.0.8'))
  })

  it('warns (as data, it logs nothing) when the running chart version is not a version', () => {
    expect(guardUpgrade(release('main-abc'), '1.2.1')).toEqual({
      notes: [],
      warnings: ['installed release karpenter runs chart version "main-abc", which is not a version; upgrade path not checked']
    })
  })

  it('fails on a target that is not a version', () => {
    expect(() => guardUpgrade(release('1.2.1'), 'latest')).toThrow(/chart version "latest" is not a version/)
  })
})
