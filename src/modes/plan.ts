// plan (docs/design.md, "Modes"): apply's plan, rendered, changing nothing. The facts are apply's (read the same
// way, apply-facts.ts), plus each stack's change set (created, described, deleted — never executed); what apply
// would refuse on is a warning here. Output `has-changes`.
import type { RunContext } from './context.js'
import type { StackOutcome } from '../report/types.js'
import { record } from '../report/types.js'
import { info, warning } from '../runner/log.js'
import { text } from '../report/html.js'
import { destructiveChanges } from '../report/summary.js'
import { checkCluster, PreflightError } from '../aws/preflight.js'
import { applyPlan, type ApplyChange, type ApplyPlan } from '../core/plan/apply-plan.js'
import { changes } from '../core/plan/change.js'
import { describeChartDiff } from '../core/helm/diff.js'
import { readApplyFacts, type ApplyFacts } from './apply-facts.js'
import { StackPlanError } from '../cfn/plan.js'
import { identityNotes } from './apply-identity.js'
import { openSession, reportDesired } from './lifecycle.js'
import { readCluster } from './facts.js'
import { manifestNames } from './run-files.js'

/** The one function that reads plan top down. */
export async function runPlan(ctx: RunContext): Promise<void> {
  const { config, report, inputs } = ctx
  const session = await openSession(ctx)
  const cluster = await readCluster(session.aws, config.name, session.region)
  if (!cluster) {
    throw new PreflightError(
      `EKS cluster "${config.name}" was not found in region ${session.region}; apply needs an existing cluster, so there is nothing to plan. ` +
        'Create the cluster first (`eksctl create cluster -f <file>`), or check metadata.name, metadata.region and the aws-region input.'
    )
  }
  report.warnings.push(...checkCluster(cluster, config.karpenter.version, config.kubernetesVersion))

  let read: ApplyFacts
  try {
    read = await readApplyFacts(ctx, session.aws, { mode: 'plan', caller: session.identity, cluster, region: session.region })
  } catch (err) {
    // the stack is in the summary with what was seen of it and why its plan stopped
    if (err instanceof StackPlanError) report.stacks.push(err.outcome)
    throw err
  }
  const { facts, desired } = read
  report.warnings.push(...read.refusals)
  report.steps.push(...read.steps)
  reportDesired(ctx, desired)

  const plan = applyPlan(desired, facts, { installChart: inputs.installChart, extraValues: ctx.files.values?.values ?? {}, manifests: manifestNames(ctx.files.manifests) })
  if (plan.refusal) report.warnings.push(`apply would refuse: ${plan.refusal.message}`)
  report.warnings.push(...plan.upgrade.warnings)
  for (const note of plan.upgrade.notes) report.steps.push(`upgrade note: ${note}`)
  record(report, identityNotes(ctx, desired, plan.identity))
  render(ctx, read, plan)

  const changed = changes(plan.changes).length > 0
  report.changed = changed
  report.outputs['has-changes'] = String(changed)
  const destructive = destructiveChanges(report.stacks)
  if (destructive.length > 0) {
    warning(`apply would remove or replace: ${destructive.map(c => `${c.stack} ${c.logicalId} (${c.resourceType}${c.replacement ? `, replacement ${c.replacement}` : ', removed'})`).join('; ')}`)
  }
  info(changed ? 'plan: apply would make changes (nothing was changed).' : 'plan: nothing to change.')
}

/** Each change as a line of the summary (and the log), in apply's order. */
function render(ctx: RunContext, read: ApplyFacts, plan: ApplyPlan): void {
  const { report } = ctx
  if (plan.nodeAccess) report.steps.push(`node access: apply would use ${plan.nodeAccess.method} (${plan.nodeAccess.reason})`)
  report.stacks.push(...read.stackPlans)
  for (const c of plan.changes) {
    const s = describe(c, read.stackPlans)
    if (!s) continue
    report.steps.push(s)
    info(`  ${s}`)
  }
  chartSection(ctx, read, plan)
}

function describe(c: ApplyChange, stackPlans: StackOutcome[]): string | undefined {
  switch (c.kind) {
    case 'oidc-provider':
      return c.action === 'none' ? `IAM OIDC provider ${c.arn} exists` : `would create the IAM OIDC provider for ${c.issuer}`
    case 'stack': {
      const outcome = stackPlans.find(o => o.stack === c.spec.name)
      for (const r of outcome?.changes ?? []) {
        info(`  ${c.spec.name}: ${r.action} ${r.logicalId} (${r.resourceType})${r.replacement ? ` replacement: ${r.replacement}` : ''}${r.details?.length ? ` — ${r.details.join('; ')}` : ''}`)
      }
      if (c.action === 'none') return `stack ${c.spec.name}: no changes`
      const count = outcome?.changes.length ?? 0
      return `stack ${c.spec.name}: ${c.action === 'create' ? 'would be created' : c.action === 'replace' ? 'would be deleted and created again (ROLLBACK_COMPLETE)' : 'would be updated'} (${count} resource change(s); change set deleted, not executed)`
    }
    case 'role-policies':
      return c.action === 'none' ? `Pod Identity role ${c.roleArn}: policies attached, no changes` : `Pod Identity role ${c.roleArn}: would attach ${c.policies.join(', ')}`
    case 'association': {
      const a = c.existing
      if (!a) return `${c.subject}: would be created → ${c.roleArn}`
      if (a.roleArn === c.roleArn) return `${c.subject} → ${c.roleArn}: no changes${a.ours ? '' : ' (not made by this tool: its role is adopted as it is)'}`
      if (c.action === 'update') return `${c.subject}: would be updated from ${a.roleArn} to ${c.roleArn}`
      return `${c.subject} was not made by this tool: its role ${a.roleArn} is adopted as it is`
    }
    case 'access-entry':
    case 'aws-auth':
      return `node access: ${c.subject}: ${verb(c)} (${c.reason})`
    case 'crd-chart':
    case 'service-account':
    case 'manifests':
      return `${c.subject}: ${verb(c)} (${c.reason})`
    case 'chart':
      return undefined // chartSection
    case 'retire-identity':
      return (
        `identity switch ${c.previous === 'irsa' ? 'IRSA → Pod Identity' : 'Pod Identity → IRSA'}: after the chart upgrade apply would delete ${c.subject.replace(/^[^(]*\(|\)$/g, '')}` +
        (c.keep ? ' (not with install-chart: false: kept)' : '')
      )
  }
}

function verb(c: ApplyChange): string {
  switch (c.action) {
    case 'none':
      return 'no changes'
    case 'ensure':
      return 'apply would make sure of it'
    case 'create':
      return 'would be created'
    case 'update':
      return 'would be updated'
    case 'replace':
      return 'would be replaced'
    case 'delete':
      return 'would be deleted'
  }
}

/** The chart half: what apply would install or upgrade, or why it was not compared. */
function chartSection(ctx: RunContext, read: ApplyFacts, plan: ApplyPlan): void {
  const { report } = ctx
  if (!ctx.inputs.installChart) {
    report.steps.push('chart: not compared (install-chart: false — the chart is left to its owner)')
    return
  }
  const c = plan.changes.find((x): x is Extract<ApplyChange, { kind: 'chart' }> => x.kind === 'chart')
  if (!c) return
  const unread = read.facts.unread.releases
  if (unread !== undefined) {
    const msg = `chart: not compared — the cluster could not be reached (${unread}); the plan covers the AWS side only`
    warning(msg)
    report.steps.push(msg)
    return
  }
  const helm = read.desired.helm
  if (c.action === 'none') {
    report.steps.push(`chart: ${helm.release} ${c.diff.installedVersion} deployed with the desired values; no changes`)
    return
  }
  const lines = describeChartDiff(c.diff, `${helm.namespace}/${helm.release}`)
  for (const l of lines) info(`  chart: ${l}`)
  report.steps.push(`chart: apply would ${c.diff.installed ? 'upgrade' : 'install'} ${helm.release} (${lines.length} change(s))`)
  report.sections.push({ title: 'Chart changes', body: lines.map(l => `- ${text(l)}`).join('\n') })
}
