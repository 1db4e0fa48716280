// apply (docs/design.md, "Modes"): read the facts, build the desired state once, derive the plan, execute it in
// order. Every check that can refuse the run happens in the read phase or in the plan, before the first change.
// helm is resolved (and downloaded if need be) while the facts are read and the stacks deploy, and karpenter-crd
// goes in while the stacks deploy (docs/design.md, "Apply latency").
import type { Stack } from '@aws-sdk/client-cloudformation'
import type { RunContext } from './context.js'
import type { StackOutcome } from '../report/types.js'
import type { DesiredState, StackSpec } from '../core/types.js'
import type { Facts } from '../core/facts.js'
import type { AwsClients } from '../aws/clients.js'
import { record } from '../report/types.js'
import { info, warning } from '../runner/log.js'
import { preflight } from '../aws/preflight.js'
import { ensureOidcProvider } from '../aws/oidc-provider.js'
import { deleteNodeAccessEntry, ensureNodeAccessEntry } from '../aws/access-entry.js'
import { ensureAwsAuthMapping } from '../kube/aws-auth.js'
import { deployStack, StackDeployError, DeployCancelledError } from '../cfn/deploy.js'
import { prefetchHelm, type ResolvedHelm } from '../helm/resolve.js'
import type { CrdPhase } from '../helm/install.js'
import { applyPlan, type ApplyChange, type ApplyPlan } from '../core/plan/apply-plan.js'
import { settle, together, type Settled } from '../core/together.js'
import { errorMessage } from '../core/errors.js'
import { applyChart, applyManifestFiles, applyServiceAccount, installCrdChart, replicaSpread } from './apply-kubernetes.js'
import { applyAssociation, applyRolePolicies, identityNotes, retirePreviousIdentity } from './apply-identity.js'
import { readApplyFacts } from './apply-facts.js'
import { openCluster, withCluster, type ClusterSession } from './cluster-session.js'
import { identify, openClients, reportDesired } from './lifecycle.js'
import { manifestNames } from './run-files.js'

export async function runApply(ctx: RunContext): Promise<void> {
  // However apply ends (a refusal, a failure, done), the helm download stops with it, so a refused run exits at once.
  const ended = new AbortController()
  const signal = AbortSignal.any([ctx.signal, ended.signal])
  const helm = ctx.inputs.installChart ? prefetchHelm(ctx.inputs.helmVersion, { tempDir: ctx.tempDir, signal }) : undefined
  try {
    await applyWith(ctx, helm)
  } finally {
    ended.abort(new Error('apply ended: helm is not needed any more'))
  }
}

/** The one function that reads apply top down. */
async function applyWith(ctx: RunContext, helm: Promise<ResolvedHelm> | undefined): Promise<void> {
  const { inputs, config, report } = ctx
  const { region, aws } = await openClients(ctx)

  // 1. The caller and the cluster, at once.
  const [caller, pre] = await together(
    identify(ctx, aws),
    (async () => preflight(await aws.eks(), { cluster: config.name, region, karpenterVersion: config.karpenter.version, configK8sVersion: config.kubernetesVersion }))()
  )
  const cluster = pre.cluster
  report.warnings.push(...pre.warnings)
  report.steps.push(`preflight: cluster ${cluster.name} is ${cluster.status}, Kubernetes ${cluster.version}, authentication mode ${cluster.authenticationMode ?? 'CONFIG_MAP (no accessConfig)'}`)

  // 2. The facts (refusing what cannot work) and the desired state, built once from them.
  const read = await readApplyFacts(ctx, aws, { mode: 'apply', caller, cluster, region })
  const { facts, desired } = read
  report.steps.push(...read.steps)
  reportDesired(ctx, desired)

  // 3. The plan: pure, and the last refusal (the upgrade path) before the first change.
  const plan = applyPlan(desired, facts, { installChart: inputs.installChart, extraValues: ctx.files.values?.values ?? {}, manifests: manifestNames(ctx.files.manifests) })
  if (plan.refusal) throw plan.refusal
  report.warnings.push(...plan.upgrade.warnings)
  for (const note of plan.upgrade.notes) report.steps.push(`upgrade note: ${note}`)
  record(report, identityNotes(ctx, desired, plan.identity))
  if (!inputs.installChart) report.steps.push('install-chart: false — the chart is left to its owner (Argo CD, Flux…)')

  // 4. The changes, in the plan's order.
  await execute(ctx, aws, { desired, facts, plan, helm, described: read.described })
  info(report.changed ? 'apply: done, changes made.' : 'apply: done, nothing to change.')
}

interface Execution {
  desired: DesiredState
  facts: Facts
  plan: ApplyPlan
  helm: Promise<ResolvedHelm> | undefined
  /** each stack as the read phase described it */
  described: Record<string, Stack | undefined>
}

async function execute(ctx: RunContext, aws: AwsClients, run: Execution): Promise<void> {
  const { report } = ctx
  const { desired, facts, plan } = run
  let crdChart: Promise<Settled<CrdPhase>> | undefined
  let crds: CrdPhase | undefined
  let install: ClusterSession | undefined
  /** The CRD phase's outcome (it ran alongside the stacks): its steps into the summary, its error thrown. */
  const crdPhase = async (): Promise<CrdPhase> => {
    if (crds) return crds
    // no karpenter-crd at this version: the registry logout still comes before a chart to install or upgrade
    const chartToChange = plan.changes.some(c => c.kind === 'chart' && c.action !== 'none')
    if (!crdChart && chartToChange && run.helm) crdChart = settle(installSession().then(async s => installCrdChart(ctx, s, desired, await run.helm!, facts.releases ?? {})))
    const done = crdChart ? await crdChart : { ok: true as const, value: { main: facts.releases?.main, steps: [] } }
    if (!done.ok) throw done.error
    crds = done.value
    report.steps.push(...crds.steps)
    if (crdChart) report.changed = true
    return crds
  }
  /** A fresh session for the install: the EKS token of the read phase may be near its ~15-minute limit after long stack waits. */
  const installSession = async (): Promise<ClusterSession> => (install ??= await openCluster(ctx, aws, facts.cluster))
  try {
    for (const change of plan.changes) {
      switch (change.kind) {
        case 'oidc-provider': {
          if (change.action === 'none') {
            report.steps.push(`IAM OIDC provider ${change.arn} already exists`)
            break
          }
          const provider = await ensureOidcProvider(await aws.iam(), change.issuer, { cluster: desired.names.cluster, found: { arn: change.arn } })
          report.steps.push(provider.created ? `created IAM OIDC provider ${provider.arn}` : `IAM OIDC provider ${provider.arn} already exists`)
          if (provider.created) report.changed = true
          break
        }
        case 'crd-chart':
          // starts now and runs alongside the stacks; its outcome is taken before the chart (crdPhase)
          if (change.action !== 'none' && run.helm) {
            const helm = run.helm
            crdChart = settle(withCluster(ctx, aws, facts.cluster, async s => installCrdChart(ctx, s, desired, await helm, facts.releases ?? {})))
          }
          break
        case 'stack':
          await deploy(ctx, aws, change.spec, facts.region, run.described[change.spec.name] ?? null)
          break
        case 'role-policies':
          record(report, await applyRolePolicies(aws, change))
          break
        case 'association':
          record(report, await applyAssociation(aws, desired, change, plan.identity.previous !== undefined))
          break
        case 'access-entry':
          await accessEntry(ctx, aws, change)
          break
        case 'aws-auth':
          await awsAuth(ctx, aws, facts, change)
          break
        case 'service-account':
          await crdPhase()
          record(report, await applyServiceAccount(await installSession(), desired))
          break
        case 'chart':
          await chart(ctx, await crdPhase(), run, change, installSession)
          break
        case 'manifests':
          record(report, await applyManifestFiles(ctx, await installSession()))
          break
        case 'retire-identity':
          for (const done of await retirePreviousIdentity(ctx, aws, desired, plan.identity, change)) record(report, done)
          break
      }
    }
  } catch (err) {
    // What the CRD chart did meanwhile belongs in the summary of the failed run (not waited for on cancellation).
    if (crdChart && !crds && !ctx.signal.aborted) {
      const done = await crdChart
      if (done.ok) {
        report.steps.push(...done.value.steps)
        report.changed = true
      } else report.warnings.push(`karpenter-crd was being installed while the stacks deployed and failed too: ${errorMessage(done.error)}`)
    }
    throw err
  } finally {
    await install?.dispose()
  }
}

async function deploy(ctx: RunContext, aws: AwsClients, spec: StackSpec, region: string, described: Stack | null): Promise<StackOutcome> {
  let outcome: StackOutcome
  try {
    outcome = await deployStack(await aws.cfn(), spec, { region, timeoutMs: ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal, described })
  } catch (err) {
    if (err instanceof StackDeployError || err instanceof DeployCancelledError) {
      ctx.report.stacks.push(err.outcome)
      ctx.report.changed = true
    }
    throw err
  }
  ctx.report.stacks.push(outcome)
  ctx.report.steps.push(`stack ${spec.name}: ${outcome.action} (${outcome.status})`)
  if (outcome.action !== 'unchanged') ctx.report.changed = true
  return outcome
}

async function accessEntry(ctx: RunContext, aws: AwsClients, change: Extract<ApplyChange, { kind: 'access-entry' }>): Promise<void> {
  const { report } = ctx
  const cluster = ctx.config.name
  if (change.action === 'delete') {
    if (await deleteNodeAccessEntry(await aws.eks(), cluster, change.roleArn)) {
      report.steps.push(`node access: access entry for ${change.roleArn} deleted (${change.reason})`)
      report.changed = true
    }
    return
  }
  if (change.action === 'none') {
    report.steps.push(`node access: EC2_LINUX access entry for ${change.roleArn} already present (${change.reason})`)
    return
  }
  const r = await ensureNodeAccessEntry(await aws.eks(), cluster, change.roleArn, { 'alpha.eksctl.io/cluster-name': cluster })
  if (r.warning) warning(r.warning)
  report.steps.push(`node access: EC2_LINUX access entry for ${change.roleArn} ${r.created ? 'created' : 'already present'} (${change.reason})`)
  if (r.created) report.changed = true
}

async function awsAuth(ctx: RunContext, aws: AwsClients, facts: Facts, change: Extract<ApplyChange, { kind: 'aws-auth' }>): Promise<void> {
  const { report } = ctx
  if (change.action === 'none') {
    report.steps.push(`node access: aws-auth mapping for ${facts.nodeAccess?.awsAuthMapping?.rolearn ?? change.roleArn} unchanged (${change.reason})`)
    return
  }
  const r = await withCluster(ctx, aws, facts.cluster, s => ensureAwsAuthMapping(s.kube, change.roleArn, ctx.signal, { windows: change.windows }))
  report.steps.push(`node access: aws-auth mapping for ${r.rolearn} ${r.action} (${change.reason})${r.note ? ` — ${r.note}` : ''}`)
  if (r.action !== 'unchanged') report.changed = true
}

async function chart(
  ctx: RunContext,
  crds: CrdPhase,
  run: Execution,
  change: Extract<ApplyChange, { kind: 'chart' }>,
  session: () => Promise<ClusterSession>
): Promise<void> {
  const { report } = ctx
  const { helm: spec } = run.desired
  const main = run.facts.releases?.main
  if (change.action === 'none' && main) {
    report.steps.push(`helm: ${spec.release} ${spec.chart.version} already deployed with these values (revision ${main.revision}); nothing to change`)
    report.helmRevision = main.revision
    return
  }
  const s = await session()
  // before helm --wait: a replica that cannot be scheduled makes the wait time out, and the warning belongs in the summary either way
  report.warnings.push(...(await replicaSpread(s, run.desired)))
  const result = await applyChart(ctx, s, run.desired, await run.helm!, crds)
  record(report, result)
  report.helmRevision = result.revision
}
