// The job summary: one look for every mode (names, stacks, changes, drift, steps, warnings, and the
// rendered artefacts collapsed). Kept under GitHub's 1 MiB cap by dropping the artefacts first.
import type { ClusterConfig } from '../core/config/types.js'
import type { ResourceChange, RunReport, StackOutcome } from './types.js'
import { changeWords, outputsOf } from './outputs.js'
import { code, details, table, text } from './html.js'
import { nodeClassExample } from './nodeclass.js'
import { valuesYaml } from './values-yaml.js'
import { DEPLOYER_VARIANTS, type DeployerPolicies } from '../core/deployer-variants.js'
import { IAM_MANAGED_POLICY_MAX_CHARS } from '../core/templates/policy-pack.js'

export const SUMMARY_MAX_BYTES = 1024 * 1024 - 4096

const MODE_TITLE = { apply: 'apply', plan: 'plan', drift: 'drift check', delete: 'delete', render: 'render (offline)' } as const

const VARIANT_USE = { apply: 'apply and delete', 'read-only': 'plan and drift' } as const

/** The role-to-assume's policies, folded; a split (IAM's 6,144-character cap) is said, not hidden. */
function deployerPolicyBlocks(p: DeployerPolicies): string[] {
  const blocks = [
    '### Deployer policy',
    `What \`role-to-assume\` needs for this file, scoped to this cluster's names` +
      (p.accountKnown ? ` in account ${text(p.account)}.` : `; the account is a placeholder (${code(p.account)}): give the \`account\` input or \`--account\`.`)
  ]
  for (const variant of DEPLOYER_VARIANTS) {
    const docs = p[variant]
    if (docs.length > 1) {
      blocks.push(`⚠️ The \`${variant}\` policy does not fit one IAM managed policy (${IAM_MANAGED_POLICY_MAX_CHARS} characters): it is split into ${docs.length} policies; attach all of them.`)
    }
    docs.forEach((doc, i) => blocks.push(details(`${variant} (${VARIANT_USE[variant]})${docs.length > 1 ? ` — part ${i + 1} of ${docs.length}` : ''}`, JSON.stringify(doc, null, 2))))
  }
  return blocks
}

export function renderSummary(report: RunReport, config: ClusterConfig, outcome: { ok: boolean; error?: string }): string {
  const d = report.desired
  const head = `## karpenter-provision · ${MODE_TITLE[report.mode]} · ${code(config.name)} (${text(config.region)})`
  const status = outcome.ok
    ? `✅ ${report.mode === 'render' ? 'Rendered' : 'Done'}${report.mode === 'apply' || report.mode === 'plan' ? ` — ${changeWords(report)}` : ''}. Karpenter ${text(config.karpenter.version)}.`
    : `❌ Failed: ${text(outcome.error ?? 'unknown error')}`
  const blocks = [head]
  // plan: removals and replacements first, where a reviewer cannot miss them among harmless changes
  const destructive = report.mode === 'plan' ? destructiveChanges(report.stacks) : []
  if (destructive.length > 0) {
    blocks.push(
      [
        '> [!WARNING]',
        `> **Apply would remove or replace ${destructive.length} resource(s):**`,
        ...destructive.map(c => `> - ${c.replacement ? 'replace' : 'remove'} ${code(c.logicalId)} (${text(c.resourceType)}) in ${code(c.stack)}${c.replacement ? ` — replacement: ${text(c.replacement)}` : ''}`)
      ].join('\n')
    )
  }
  blocks.push(status)

  if (d) {
    const outs = outputsOf(report)
    const rows: string[][] = [
      ['Node role', d.names.nodeRole, outs['node-role-arn'] ?? '(account not known offline)'],
      ['Instance profile', d.names.instanceProfile, ''],
      ['Controller role', outs['controller-role-name'] ?? '', outs['controller-role-arn'] ?? '(account not known offline)'],
      ['Controller identity', d.controllerIdentity, d.controllerIdentityReason],
      ['Controller policies', d.names.controllerPolicies.join('\n'), ''],
      ['Interruption queue', d.names.interruptionQueue ?? '(none)', d.arns.interruptionQueue ?? ''],
      ['Karpenter stack', d.names.karpenterStack, ''],
      ['Controller stack', d.controllerStack.name, ''],
      ['Helm release', `${d.helm.release} (${d.helm.namespace})`, `${d.helm.chart.chart}:${d.helm.chart.version}`]
    ]
    blocks.push('### Names', table(['what', 'name', 'ARN / detail'], rows))
  }
  if (report.stacks.length > 0) {
    blocks.push(
      '### Stacks',
      table(['stack', 'action', 'status'], report.stacks.map(s => [s.stack, s.action, s.status]))
    )
    for (const s of report.stacks) {
      if (s.changes.length > 0) {
        blocks.push(
          `#### Changes in ${code(s.stack)}`,
          table(['action', 'logical id', 'type', 'replacement', 'details'], s.changes.map(c => [c.action, c.logicalId, c.resourceType, c.replacement ?? '', (c.details ?? []).join('\n')]))
        )
      }
      if (s.failures.length > 0) {
        blocks.push(
          `#### Failures in ${code(s.stack)}`,
          table(['logical id', 'type', 'status', 'reason'], s.failures.map(f => [f.logicalId, f.resourceType ?? '', f.status, f.reason]))
        )
      }
    }
  }
  if (report.drift.length > 0) {
    blocks.push(
      '### Drift',
      table(
        ['source', 'resource', 'status', 'differences'],
        report.drift.map(i => [i.source, [i.logicalId, i.resourceType].filter(Boolean).join(' '), i.status, i.differences.map(x => `${x.path}: expected ${x.expected ?? '∅'}, actual ${x.actual ?? '∅'}`).join('\n')])
      )
    )
  }
  if (report.steps.length > 0) blocks.push('### Steps', report.steps.map(s => `1. ${text(s)}`).join('\n'))
  if (report.warnings.length > 0) blocks.push('### Warnings', report.warnings.map(w => `- ⚠️ ${text(w)}`).join('\n'))
  for (const section of report.sections) blocks.push(`### ${text(section.title)}`, section.body)

  const artefacts: string[] = []
  if (d) {
    const discovery = config.tags['karpenter.sh/discovery'] ?? config.name
    artefacts.push(
      '### Ready-to-paste node class',
      `Uses the node role and the discovery tag ${code(`karpenter.sh/discovery: ${discovery}`)} (tag your subnets and security groups with it).`,
      details('EC2NodeClass', nodeClassExample(d, discovery)),
      '### Rendered',
      details(`Stack ${d.karpenterStack.name}`, JSON.stringify(d.karpenterStack.template, null, 2)),
      details(`Stack ${d.controllerStack.name}`, JSON.stringify(d.controllerStack.template, null, 2)),
      details('Helm values', valuesYaml(d.helm.values)),
      details('Helm command', ['helm', ...d.helmArgs].join(' '))
    )
  }
  if (d && report.deployerPolicies) artefacts.push(...deployerPolicyBlocks(report.deployerPolicies))
  const withArtefacts = [...blocks, ...artefacts].join('\n\n') + '\n'
  if (Buffer.byteLength(withArtefacts) <= SUMMARY_MAX_BYTES) return withArtefacts
  return [...blocks, '_Rendered templates left out: the summary would pass GitHub\'s 1 MiB limit._'].join('\n\n') + '\n'
}

/** Changes that take something away: a resource removed, or replaced (deleted and made anew). */
export function destructiveChanges(stacks: StackOutcome[]): Array<ResourceChange & { stack: string }> {
  return stacks.flatMap(s =>
    s.changes
      .filter(c => c.action === 'Remove' || c.replacement === 'True' || c.replacement === 'Conditional')
      .map(c => ({ ...c, stack: s.stack, ...(c.action === 'Remove' ? { replacement: undefined } : {}) }))
  )
}
