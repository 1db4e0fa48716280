// Which stored revision counts: latestRelease (helm list's view of a release, from its release records) and
// runningVersion (what the cluster runs, which the upgrade guard moves from).
import { describe, it, expect } from '@jest/globals'
import { latestRelease, runningVersion, type StoredRelease } from '../../../../src/core/helm/release.js'

function rev(version: number, status: string, chart = '1.2.1', over: Partial<StoredRelease> = {}): StoredRelease {
  return {
    name: 'karpenter',
    namespace: 'kube-system',
    version,
    info: { status },
    chart: { metadata: { name: 'karpenter', version: chart, appVersion: chart.replace(/^v/, '') } },
    config: { replicas: version },
    ...over
  }
}

describe('latestRelease', () => {
  it('is the latest revision, whatever order the records come in', () => {
    const r = latestRelease([rev(2, 'superseded', '1.1.0'), rev(3, 'deployed', '1.2.1'), rev(1, 'superseded', '1.0.8')], 'karpenter')
    expect(r).toEqual({
      name: 'karpenter',
      namespace: 'kube-system',
      chart: 'karpenter',
      version: '1.2.1',
      appVersion: '1.2.1',
      revision: '3',
      status: 'deployed',
      values: { replicas: 3 }
    })
  })

  it('a failed upgrade on top of a deployed revision: the failed one is the release, the deployed one what runs', () => {
    const r = latestRelease([rev(1, 'superseded', '1.0.8'), rev(2, 'deployed', '1.1.0'), rev(3, 'failed', '1.2.1')], 'karpenter')
    expect(r).toMatchObject({ version: '1.2.1', revision: '3', status: 'failed', deployedVersion: '1.1.0', values: { replicas: 3 } })
    expect(runningVersion(r!)).toBe('1.1.0')
  })

  it('a pending upgrade on top of a deployed revision counts the same', () => {
    const r = latestRelease([rev(4, 'deployed', '1.1.0'), rev(5, 'pending-upgrade', '1.2.1')], 'karpenter')
    expect(r).toMatchObject({ revision: '5', status: 'pending-upgrade', deployedVersion: '1.1.0' })
  })

  it('the newest deployed revision counts, not an older superseded one', () => {
    // helm marks the previous revision superseded on every successful upgrade, so there is one deployed
    const r = latestRelease([rev(1, 'superseded', '1.0.8'), rev(2, 'deployed', '1.1.0'), rev(3, 'failed', '1.2.1'), rev(4, 'failed', '1.2.1')], 'karpenter')
    expect(r).toMatchObject({ revision: '4', deployedVersion: '1.1.0' })
  })

  it('has no deployedVersion when the latest revision is the deployed one, or when none was ever deployed', () => {
    const deployed = latestRelease([rev(1, 'superseded', '1.1.0'), rev(2, 'deployed', '1.2.1')], 'karpenter')
    expect(deployed?.deployedVersion).toBeUndefined()
    expect(runningVersion(deployed!)).toBe('1.2.1')
    const firstInstallFailed = latestRelease([rev(1, 'failed', '1.2.1')], 'karpenter')
    expect(firstInstallFailed).toMatchObject({ status: 'failed', version: '1.2.1' })
    expect(firstInstallFailed?.deployedVersion).toBeUndefined()
    expect(runningVersion(firstInstallFailed!)).toBe('1.2.1')
  })

  it('an uninstalled release (kept with --keep-history) or one being uninstalled is not installed', () => {
    expect(latestRelease([rev(1, 'superseded'), rev(2, 'uninstalled')], 'karpenter')).toBeUndefined()
    expect(latestRelease([rev(1, 'deployed'), rev(2, 'uninstalling')], 'karpenter')).toBeUndefined()
  })

  it('is undefined when there are no records of that name', () => {
    expect(latestRelease([], 'karpenter')).toBeUndefined()
    expect(latestRelease([rev(1, 'deployed', '1.2.1', { name: 'karpenter-crd' })], 'karpenter')).toBeUndefined()
  })

  it('ignores other releases in the same list (one List reads karpenter and karpenter-crd)', () => {
    const crd = (version: number, status: string, chart: string): StoredRelease => ({
      ...rev(version, status, chart),
      name: 'karpenter-crd',
      chart: { metadata: { name: 'karpenter-crd', version: chart } },
      config: {}
    })
    const stored = [rev(1, 'deployed', '1.1.0'), crd(1, 'superseded', '1.1.0'), crd(2, 'deployed', '1.2.1'), crd(3, 'failed', '1.3.0')]
    expect(latestRelease(stored, 'karpenter')).toMatchObject({ revision: '1', version: '1.1.0', status: 'deployed' })
    expect(latestRelease(stored, 'karpenter')?.deployedVersion).toBeUndefined()
    const c = latestRelease(stored, 'karpenter-crd')
    expect(c).toMatchObject({ chart: 'karpenter-crd', revision: '3', version: '1.3.0', deployedVersion: '1.2.1', values: {} })
    expect(c?.appVersion).toBeUndefined()
  })

  it('a record without status, chart or values still reads (unknown status, empty version and values)', () => {
    const bare: StoredRelease = { name: 'karpenter', namespace: 'kube-system', version: 1 }
    expect(latestRelease([bare], 'karpenter')).toEqual({
      name: 'karpenter',
      namespace: 'kube-system',
      chart: '',
      version: '',
      revision: '1',
      status: 'unknown',
      values: {}
    })
  })
})
