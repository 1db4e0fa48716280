import { describe, it, expect } from '@jest/globals'
import { crdUpgradeArgs, needsPlainHttp, templateArgs, uninstallArgs, upgradeArgs } from '../../../../src/core/helm/args.js'
import type { HelmReleaseSpec } from '../../../../src/core/types.js'

function spec(over: Partial<HelmReleaseSpec> = {}): HelmReleaseSpec {
  return {
    release: 'karpenter',
    namespace: 'kube-system',
    chart: { chart: 'oci://public.ecr.aws/karpenter/karpenter', version: '1.2.1' },
    crdChart: { chart: 'oci://public.ecr.aws/karpenter/karpenter-crd', version: '1.2.1' },
    values: { settings: { clusterName: 'c1' } },
    timeoutSeconds: 600,
    ...over
  }
}

describe('upgradeArgs', () => {
  it('builds upgrade --install with the tag, namespace, generated values, --wait and the timeout in seconds', () => {
    expect(upgradeArgs(spec(), '/tmp/v.yaml')).toEqual([
      'upgrade', '--install', 'karpenter', 'oci://public.ecr.aws/karpenter/karpenter',
      '--version', '1.2.1', '--namespace', 'kube-system', '--create-namespace',
      '--values', '/tmp/v.yaml', '--wait', '--timeout', '600s'
    ])
  })

  it('puts the values-file after the generated values, so it wins', () => {
    const a = upgradeArgs(spec({ valuesFile: 'ops/karpenter.yaml', timeoutSeconds: 90 }), '<generated>')
    const values = a.flatMap((x, i) => (x === '--values' ? [a[i + 1]] : []))
    expect(values).toEqual(['<generated>', 'ops/karpenter.yaml'])
    expect(a.slice(-3)).toEqual(['--wait', '--timeout', '90s'])
  })

  it('passes the v-prefixed tag through untouched (pre-0.35 charts)', () => {
    const a = upgradeArgs(spec({ chart: { chart: 'oci://public.ecr.aws/karpenter/karpenter', version: 'v0.34.0' } }), 'v')
    expect(a[a.indexOf('--version') + 1]).toBe('v0.34.0')
  })

  it('adds --plain-http only for a loopback registry', () => {
    const local = upgradeArgs(spec({ chart: { chart: 'oci://127.0.0.1:5000/karpenter/karpenter', version: '1.2.1' } }), 'v')
    expect(local).toContain('--plain-http')
    expect(upgradeArgs(spec(), 'v')).not.toContain('--plain-http')
  })

  it('is deterministic (render writes it to helm-args.json)', () => {
    expect(upgradeArgs(spec(), 'x')).toEqual(upgradeArgs(spec(), 'x'))
  })
})

describe('needsPlainHttp', () => {
  it.each([
    ['oci://127.0.0.1:5000/karpenter/karpenter', true],
    ['oci://localhost:5000/karpenter', true],
    ['oci://127.1.2.3/x', true],
    ['oci://[::1]:5000/x', true],
    ['oci://public.ecr.aws/karpenter/karpenter', false],
    ['oci://127.0.0.1.nip.io/x', false],
    ['oci://localhost.example.com/x', false],
    ['https://127.0.0.1/charts', false]
  ])('%s → %s', (ref, want) => {
    expect(needsPlainHttp(ref)).toBe(want)
  })
})

describe('crdUpgradeArgs', () => {
  it('installs karpenter-crd at the same tag, without the controller values', () => {
    const a = crdUpgradeArgs(spec({ valuesFile: 'mine.yaml' }))
    expect(a.slice(0, 6)).toEqual(['upgrade', '--install', 'karpenter-crd', 'oci://public.ecr.aws/karpenter/karpenter-crd', '--version', '1.2.1'])
    expect(a).not.toContain('--values')
    expect(a).not.toContain('--set')
    expect(a).toEqual(expect.arrayContaining(['--namespace', 'kube-system', '--wait']))
  })

  it('points the conversion webhook at the real namespace for 0.32 – 1.0.x CRD charts', () => {
    for (const version of ['v0.32.10', 'v0.34.13', '0.37.7', '1.0.11']) {
      const a = crdUpgradeArgs(spec({ namespace: 'karpenter', crdChart: { chart: 'oci://x/karpenter-crd', version } }))
      expect(a[a.indexOf('--set') + 1]).toBe('webhook.serviceNamespace=karpenter')
    }
    for (const version of ['v0.31.4', '1.1.0', '1.14.1']) {
      expect(crdUpgradeArgs(spec({ crdChart: { chart: 'oci://x/karpenter-crd', version } }))).not.toContain('--set')
    }
  })

  it('refuses a spec without a CRD chart', () => {
    expect(() => crdUpgradeArgs(spec({ crdChart: undefined }))).toThrow(/no CRD chart/)
  })
})

describe('templateArgs and uninstallArgs', () => {
  it('template renders the same chart, version and values as the upgrade', () => {
    const s = spec({ valuesFile: 'extra.yaml' })
    const t = templateArgs(s, 'gen.yaml')
    expect(t).toEqual(['template', 'karpenter', s.chart.chart, '--version', '1.2.1', '--namespace', 'kube-system', '--values', 'gen.yaml', '--values', 'extra.yaml'])
  })

  it('uninstall waits with the timeout', () => {
    expect(uninstallArgs('karpenter', 'kube-system', 120)).toEqual(['uninstall', 'karpenter', '--namespace', 'kube-system', '--wait', '--timeout', '120s'])
  })
})
