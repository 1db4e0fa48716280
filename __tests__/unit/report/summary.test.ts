import { describe, expect, it } from '@jest/globals'
import { renderSummary, SUMMARY_MAX_BYTES } from '../../../src/report/summary.js'
import { changeWords, outputsOf } from '../../../src/report/outputs.js'
import { emptyReport } from '../../../src/report/types.js'
import { code, escapeHtml, text } from '../../../src/report/html.js'
import { buildDesiredState } from '../../../src/core/desired.js'
import { clusterConfig, inputs } from '../../helpers/config.js'
import { renderMarkdown, structure, visibleText } from '../../../test/harness/markdown.js'

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

describe('outputs of a failed or cancelled apply name only what exists', () => {
  const failed = (stacks: Array<[string, string]>): Record<string, string> => {
    const report = emptyReport('apply')
    report.desired = buildDesiredState(clusterConfig(), inputs({ mode: 'apply' }), { accountId: '111122223333' })
    for (const [stack, status] of stacks) report.stacks.push({ stack, action: 'failed', status, changes: [], failures: [] })
    return outputsOf(report, { ok: false })
  }
  const karpenter = 'eksctl-cluster-with-karpenter-karpenter'
  const controller = 'eksctl-cluster-with-karpenter-addon-iamserviceaccount-karpenter-karpenter'

  it('failed before any stack: no name of a resource, only the identity chosen', () => {
    expect(failed([])).toEqual({ 'controller-identity': 'irsa' })
  })
  it('the Karpenter stack created, the controller stack rolled back: no controller role, no controller stack', () => {
    const out = failed([[karpenter, 'CREATE_COMPLETE'], [controller, 'ROLLBACK_COMPLETE']])
    expect(out).toMatchObject({ 'node-role-name': 'eksctl-KarpenterNodeRole-cluster-with-karpenter', 'karpenter-stack-name': karpenter })
    for (const name of ['controller-role-arn', 'controller-role-name', 'controller-stack-name']) expect(out[name]).toBeUndefined()
  })
  it('a create cut short (still in progress) is not there yet; a rolled-back update keeps what was there', () => {
    expect(failed([[karpenter, 'IN_PROGRESS']])['node-role-arn']).toBeUndefined()
    expect(failed([[karpenter, 'UPDATE_ROLLBACK_COMPLETE'], [controller, 'UPDATE_ROLLBACK_COMPLETE']])['controller-role-arn']).toBe(
      'arn:aws:iam::111122223333:role/eksctl-cluster-with-karpenter-iamservice-role'
    )
  })
  it('a successful apply keeps every output', () => {
    const report = emptyReport('apply')
    report.desired = buildDesiredState(clusterConfig(), inputs({ mode: 'apply' }), { accountId: '111122223333' })
    expect(Object.keys(outputsOf(report, { ok: true }))).toHaveLength(9)
  })
})

describe('the words for what a run changed', () => {
  it('plan never says changes were made', () => {
    const report = { ...emptyReport('plan'), changed: true }
    expect(changeWords(report)).toBe('changes to make (nothing was changed)')
    expect(changeWords({ ...report, mode: 'apply' })).toBe('changes made')
    expect(changeWords({ ...report, changed: false })).toBe('no changes')
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

  describe('outside text stays text (GitHub Flavored Markdown, raw HTML allowed)', () => {
    const HOSTILE = [
      'x` b',
      '# Heading',
      '[link](https://evil.example) ![img](https://evil.example/a.png) <img src=x> _em_ **b** ~~s~~ | cell | $m$ \\`',
      'www.evil.example a@b.example https://evil.example/x #1 @someone',
      '```',
      '- item',
      '</details></pre><h1>x</h1>',
      "it's & <b> snake_case _x_ &#35; &amp;"
    ].join('\n')
    const BENIGN = 'plain text'

    function summaryWith(value: string): string {
      const config = clusterConfig({ tags: { 'karpenter.sh/discovery': value } })
      const r = emptyReport('apply')
      r.desired = buildDesiredState(config, inputs({ mode: 'apply' }), { accountId: '111122223333' })
      r.warnings.push(value)
      r.steps.push(value)
      r.sections.push({ title: value, body: 'body' })
      r.stacks.push({ stack: 's', action: 'failed', status: 'CREATE_FAILED', changes: [{ action: 'Modify', logicalId: 'L', resourceType: 'T', details: [value] }], failures: [{ logicalId: 'L', status: 'CREATE_FAILED', reason: value }] })
      return renderSummary(r, config, { ok: false, error: value })
    }

    it('has exactly the structure of the same summary with plain text in its place', () => {
      const hostile = renderMarkdown(summaryWith(HOSTILE))
      const noBreaks = (html: string): string[] => structure(html).filter(t => t !== 'br')
      expect(noBreaks(hostile)).toEqual(noBreaks(renderMarkdown(summaryWith(BENIGN))))
      expect(hostile).not.toMatch(/<a |<img|<em>|<strong>|<del>|<h1>/)
    })

    it('and a reader sees the text itself (line breaks as breaks)', () => {
      const seen = visibleText(renderMarkdown(summaryWith(HOSTILE)))
      for (const line of HOSTILE.split('\n')) expect(seen).toContain(line)
    })

    it('one escaping for code and text: the name in the title is <code> with references', () => {
      expect(code('a`b\nc')).toBe('<code>a&#96;b<br>c</code>')
      expect(text('1 | 2')).toBe('1 &#124; 2')
      expect(text("it's CREATE_COMPLETE _x_")).toBe('it&#39;s CREATE_COMPLETE &#95;x&#95;')
    })
  })

  it('plan opens with a warning that lists every removal and replacement, before the harmless changes', () => {
    const r = emptyReport('plan')
    r.desired = report.desired
    r.changed = true
    r.stacks.push({
      stack: 'eksctl-c-karpenter',
      action: 'planned',
      status: 'UPDATE_COMPLETE',
      failures: [],
      changes: [
        { action: 'Modify', logicalId: 'KarpenterControllerPolicy', resourceType: 'AWS::IAM::ManagedPolicy', replacement: 'False' },
        { action: 'Remove', logicalId: 'KarpenterInterruptionQueue', resourceType: 'AWS::SQS::Queue' },
        { action: 'Remove', logicalId: 'ScheduledChangeRule', resourceType: 'AWS::Events::Rule' },
        { action: 'Modify', logicalId: 'KarpenterNodeRole', resourceType: 'AWS::IAM::Role', replacement: 'True' },
        { action: 'Modify', logicalId: 'KarpenterNodeInstanceProfile', resourceType: 'AWS::IAM::InstanceProfile', replacement: 'Conditional' }
      ]
    })
    const md = renderSummary(r, config, { ok: true })
    const blocks = md.split('\n\n')
    expect(blocks[1]).toBe(
      [
        '> [!WARNING]',
        '> **Apply would remove or replace 4 resource(s):**',
        '> - remove <code>KarpenterInterruptionQueue</code> (AWS::SQS::Queue) in <code>eksctl-c-karpenter</code>',
        '> - remove <code>ScheduledChangeRule</code> (AWS::Events::Rule) in <code>eksctl-c-karpenter</code>',
        '> - replace <code>KarpenterNodeRole</code> (AWS::IAM::Role) in <code>eksctl-c-karpenter</code> — replacement: True',
        '> - replace <code>KarpenterNodeInstanceProfile</code> (AWS::IAM::InstanceProfile) in <code>eksctl-c-karpenter</code> — replacement: Conditional'
      ].join('\n')
    )
    expect(blocks[2]).toMatch(/^✅ Done — changes to make/)
    // harmless plans and other modes have no such warning
    r.stacks[0]!.changes = r.stacks[0]!.changes.slice(0, 1)
    expect(renderSummary(r, config, { ok: true })).not.toContain('[!WARNING]')
  })
})
