import { describe, expect, it } from '@jest/globals'
import { renderSummary, SUMMARY_MAX_BYTES } from '../../../src/report/summary.js'
import { outputsOf } from '../../../src/report/outputs.js'
import { emptyReport } from '../../../src/report/types.js'
import { escapeHtml } from '../../../src/report/html.js'
import { buildDesiredState } from '../../../src/state/desired.js'
import { clusterConfig, inputs } from '../../helpers/config.js'

describe('outputs', () => {
  it('render sets every name known offline and no ARN', () => {
    const report = emptyReport('render')
    report.desired = buildDesiredState(clusterConfig(), inputs())
    expect(outputsOf(report)).toEqual({
      'node-role-name': 'eksctl-KarpenterNodeRole-cluster-with-karpenter',
      'instance-profile-name': 'KarpenterNodeInstanceProfile',
      'controller-role-name': 'eksctl-cluster-with-karpenter-iamservice-role',
      'interruption-queue-name': 'cluster-with-karpenter',
      'karpenter-stack-name': 'eksctl-cluster-with-karpenter-karpenter',
      'controller-stack-name': 'eksctl-cluster-with-karpenter-addon-iamserviceaccount-karpenter-karpenter',
      'controller-identity': 'irsa'
    })
  })
  it('adds ARNs once the account is known, and the run\'s own outputs', () => {
    const report = emptyReport('apply')
    report.desired = buildDesiredState(clusterConfig(), inputs({ mode: 'apply' }), { accountId: '111122223333' })
    report.outputs['helm-release-revision'] = '3'
    expect(outputsOf(report)).toMatchObject({
      'node-role-arn': 'arn:aws:iam::111122223333:role/eksctl-KarpenterNodeRole-cluster-with-karpenter',
      'controller-role-arn': 'arn:aws:iam::111122223333:role/eksctl-cluster-with-karpenter-iamservice-role',
      'helm-release-revision': '3'
    })
  })
})

describe('summary', () => {
  const config = clusterConfig()
  const report = emptyReport('render')
  report.desired = buildDesiredState(config, inputs())

  it('has the names table, a ready EC2NodeClass, and the rendered artefacts collapsed', () => {
    const md = renderSummary(report, config, { ok: true })
    expect(md).toContain('| Node role | eksctl-KarpenterNodeRole-cluster-with-karpenter |')
    expect(md).toContain('| Instance profile | KarpenterNodeInstanceProfile |')
    expect(md).toContain('role: eksctl-KarpenterNodeRole-cluster-with-karpenter')
    expect(md).toContain('karpenter.sh/discovery: cluster-with-karpenter')
    expect(md).toContain('<details><summary>Stack eksctl-cluster-with-karpenter-karpenter</summary>')
    expect(md).toContain('<details><summary>Helm command</summary>')
  })

  it('escapes config-derived text so it cannot inject HTML', () => {
    const evil = { ...report, warnings: ['<img src=x onerror=alert(1)>'], steps: ['</details><script>'] }
    const md = renderSummary(evil, config, { ok: false, error: '<b>boom</b>' })
    expect(md).not.toContain('<img')
    expect(md).not.toContain('<script>')
    expect(md).toContain('&lt;b&gt;boom&lt;/b&gt;')
    expect(escapeHtml(`<&>"'`)).toBe('&lt;&amp;&gt;&quot;&#39;')
  })

  it('drops the artefacts rather than pass GitHub\'s 1 MiB cap', () => {
    const huge = { ...report, sections: [{ title: 'big', body: 'x'.repeat(SUMMARY_MAX_BYTES - 20000) }] }
    const md = renderSummary(huge, config, { ok: true })
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(SUMMARY_MAX_BYTES)
    expect(md).toContain('Rendered templates left out')
  })
})
