// plan (docs/design.md, "Modes"): what apply would change, changing nothing. Both stacks through change sets that are
// described and deleted (never executed); the IAM OIDC provider apply would create; the chart tag and values
// against the installed release. Output `has-changes`.
import type { RunContext } from './context.js'
import type { DesiredState, StackSpec } from '../core/types.js'
import { info, warning } from '../runner/log.js'
import { text } from '../report/html.js'
import { destructiveChanges } from '../report/summary.js'
import { checkCluster, PreflightError, requireIssuer, type ClusterInfo } from '../aws/preflight.js'
import { findOidcProvider } from '../aws/oidc-provider.js'
import { planStack, StackPlanError } from '../cfn/plan.js'
import { chartDiff, describeChartDiff, hasChartChanges } from '../core/helm/diff.js'
import { desiredFor, findCluster, openSession, readIdentity, readInstalledChart, readManifestObjects, reportDesired, type Session } from './lifecycle.js'
import { resolveNodeAccess } from '../core/plan/node-access.js'
import { windowsNodeReasons } from '../core/karpenter/windows.js'
import { openCluster } from './cluster-session.js'
import { planIdentity, podIdentityChecks } from './apply-identity-modes.js'
import { stacksInUse } from '../core/plan/pod-identity-state.js'
import { errorMessage } from '../core/errors.js'

export async function runPlan(ctx: RunContext): Promise<void> {
  const { config, report } = ctx
  const session = await openSession(ctx)
  const cluster = await findCluster(session.aws, config.name, session.region)
  if (!cluster) {
    throw new PreflightError(
      `EKS cluster "${config.name}" was not found in region ${session.region}; apply needs an existing cluster, so there is nothing to plan. ` +
        'Create the cluster first (`eksctl create cluster -f <file>`), or check metadata.name, metadata.region and the aws-region input.'
    )
  }
  report.warnings.push(...checkCluster(cluster, config.karpenter.version, config.kubernetesVersion))
  // Pod Identity: what apply would refuse on, then the identity facts (an existing association's role adopted, as
  // apply does); the desired state is built once from them.
  await podIdentityChecks(ctx, session.aws)
  const identity = await readIdentity(ctx, session.aws)
  const desired = desiredFor(ctx, session.identity, cluster, identity.adopt)
  reportDesired(ctx, desired)
  let changes = await planIdentity(ctx, session.aws, desired, identity.state)
  // What apply would refuse about node access (Windows nodes without aws-auth, a mode that cannot work) is refused here too.
  const nodeAccess = resolveNodeAccess(desired.nodeAccess, cluster.authenticationMode, windowsNodeReasons(config.windowsNodeGroups, readManifestObjects(ctx)))
  report.steps.push(`node access: apply would use ${nodeAccess.method} (${nodeAccess.reason})`)

  if (desired.controllerIdentity === 'irsa') {
    const issuer = requireIssuer(cluster)
    const provider = await findOidcProvider(await session.aws.iam(), issuer)
    report.steps.push(provider ? `IAM OIDC provider ${provider} exists` : `would create the IAM OIDC provider for ${issuer}`)
    if (!provider) changes = true
  }

  for (const spec of stacksInUse(desired)) changes = (await plan(ctx, session, spec)) || changes
  changes = (await planChart(ctx, session, desired, cluster)) || changes

  report.changed = changes
  report.outputs['has-changes'] = String(changes)
  const destructive = destructiveChanges(report.stacks)
  if (destructive.length > 0) {
    warning(`apply would remove or replace: ${destructive.map(c => `${c.stack} ${c.logicalId} (${c.resourceType}${c.replacement ? `, replacement ${c.replacement}` : ', removed'})`).join('; ')}`)
  }
  info(changes ? 'plan: apply would make changes (nothing was changed).' : 'plan: nothing to change.')
}

async function plan(ctx: RunContext, session: Session, spec: StackSpec): Promise<boolean> {
  let result
  try {
    result = await planStack(await session.aws.cfn(), spec, { timeoutMs: ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal })
  } catch (err) {
    // the stack is in the summary with what was seen of it and why its plan stopped
    if (err instanceof StackPlanError) ctx.report.stacks.push(err.outcome)
    throw err
  }
  ctx.report.stacks.push(result.outcome)
  for (const c of result.outcome.changes) {
    info(`  ${spec.name}: ${c.action} ${c.logicalId} (${c.resourceType})${c.replacement ? ` replacement: ${c.replacement}` : ''}${c.details?.length ? ` — ${c.details.join('; ')}` : ''}`)
  }
  ctx.report.steps.push(
    result.hasChanges
      ? `stack ${spec.name}: ${result.outcome.status === 'ABSENT' ? 'would be created' : 'would be updated'} (${result.outcome.changes.length} resource change(s); change set deleted, not executed)`
      : `stack ${spec.name}: no changes`
  )
  return result.hasChanges
}

/** The chart half. Skipped, with the reason, when the chart is not ours or the cluster cannot be reached. */
async function planChart(ctx: RunContext, session: Session, desired: DesiredState, cluster: ClusterInfo): Promise<boolean> {
  const { report } = ctx
  if (!ctx.inputs.installChart) {
    report.steps.push('chart: not compared (install-chart: false — the chart is left to its owner)')
    return false
  }
  let access
  try {
    access = await openCluster(ctx, session.aws, cluster)
  } catch (err) {
    return unreachable(ctx, err)
  }
  try {
    let installed
    try {
      installed = await readInstalledChart(ctx, access, desired)
    } catch (err) {
      return unreachable(ctx, err)
    }
    const diff = chartDiff(installed.release, desired.helm, installed.extraValues)
    const lines = describeChartDiff(diff, `${desired.helm.namespace}/${desired.helm.release}`)
    if (!hasChartChanges(diff)) {
      report.steps.push(`chart: ${desired.helm.release} ${diff.installedVersion} deployed with the desired values; no changes`)
      return false
    }
    for (const l of lines) info(`  chart: ${l}`)
    report.steps.push(`chart: apply would ${diff.installed ? 'upgrade' : 'install'} ${desired.helm.release} (${lines.length} change(s))`)
    report.sections.push({ title: 'Chart changes', body: lines.map(l => `- ${text(l)}`).join('\n') })
    return true
  } finally {
    await access.dispose()
  }
}

function unreachable(ctx: RunContext, err: unknown): false {
  const msg = `chart: not compared — the cluster could not be reached (${errorMessage(err).split('\n')[0]}); the plan covers the AWS side only`
  warning(msg)
  ctx.report.steps.push(msg)
  return false
}
