// apply: the orchestration of docs/design.md ("Modes") — credentials → identity → preflight → desired state → OIDC provider
// (IRSA) → Karpenter stack → controller stack → node access → (install-chart) the Kubernetes half.
// Every check that can refuse the run happens before the first change. Logic lives in the executors.
// Reads that do not depend on each other run at once, and the CRD chart goes in while the stacks deploy
// (docs/design.md, "Apply latency").
import type { RunContext } from './context.js'
import type { StackOutcome } from '../report/types.js'
import type { DesiredState, StackSpec } from '../core/types.js'
import { info, warning } from '../runner/log.js'
import type { AwsClients } from '../aws/clients.js'
import { checkInstanceProfileFree, preflight, requireIssuer, type ClusterInfo } from '../aws/preflight.js'
import { ensureOidcProvider, findOidcProvider } from '../aws/oidc-provider.js'
import { includesApi, resolveNodeAccess, type NodeAccessDecision } from '../core/plan/node-access.js'
import { deleteNodeAccessEntry, ensureNodeAccessEntry } from '../aws/access-entry.js'
import { windowsNodeReasons } from '../core/karpenter/windows.js'
import { deployStack, StackDeployError, DeployCancelledError } from '../cfn/deploy.js'
import { prefetchHelm, type ResolvedHelm } from '../helm/resolve.js'
import { ensureAwsAuthMapping } from '../kube/aws-auth.js'
import { checkCluster, installCrdChart, installOnCluster, type CrdChartDone } from './apply-kubernetes.js'
import { withCluster } from './cluster-session.js'
import { identify, openClients, readManifestObjects, reportDesired } from './lifecycle.js'
import { settle, together, type Settled } from '../core/together.js'
import type { CrdPhase } from '../helm/install.js'
import { desiredWithIdentity, prepareIdentity, retirePreviousIdentity } from './apply-identity.js'
import { controllerStackInUse } from '../core/plan/pod-identity-state.js'
import { errorMessage } from '../core/errors.js'

export async function runApply(ctx: RunContext): Promise<void> {
  // helm is resolved (and downloaded if need be) while the stacks deploy, not after. However apply ends (a
  // refusal, a failure, done), the download stops with it, so a refused run exits at once.
  const ended = new AbortController()
  const signal = AbortSignal.any([ctx.signal, ended.signal])
  const helm = ctx.inputs.installChart ? prefetchHelm(ctx.inputs.helmVersion, { tempDir: ctx.tempDir, signal }) : undefined
  try {
    await applyWith(ctx, helm)
  } finally {
    ended.abort(new Error('apply ended: helm is not needed any more'))
  }
}

async function applyWith(ctx: RunContext, helm: Promise<ResolvedHelm> | undefined): Promise<void> {
  const { inputs, config, report } = ctx
  const { region, aws } = await openClients(ctx)

  // Reads that do not depend on each other go at once; `together` answers (and fails) as if in sequence.
  const [identity, pre] = await together(
    identify(ctx, aws),
    (async () =>
      preflight(await aws.eks(), {
        cluster: config.name,
        region,
        karpenterVersion: config.karpenter.version,
        configK8sVersion: config.kubernetesVersion
      }))()
  )
  report.warnings.push(...pre.warnings)
  const cluster = pre.cluster
  report.steps.push(`preflight: cluster ${cluster.name} is ${cluster.status}, Kubernetes ${cluster.version}, authentication mode ${cluster.authenticationMode ?? 'CONFIG_MAP (no accessConfig)'}`)

  // Pod Identity checks, the existing association (its role adopted) and a switch of identity: before any change.
  // Refusals that need the cluster (upgrade path, manifests) also come before the first change; they read only
  // the release and the manifests, which the identity does not change, so both go at once.
  // The IRSA provider look-up and the instance profile's owner (reads; neither name depends on the identity) go along.
  // These read by names and the chart version, which come from the config alone: the offline desired state has them.
  const { offline } = ctx
  const [identityPlan, , clusterChecks, oidcLookup] = await together(
    desiredWithIdentity(ctx, aws, identity, cluster),
    (async () =>
      checkInstanceProfileFree(await aws.iam(), await aws.cfn(), {
        profile: offline.names.instanceProfile,
        stack: offline.karpenterStack.name,
        region,
        cluster: config.name,
        configKey: config.karpenter.defaultInstanceProfile ? 'karpenter.defaultInstanceProfile' : 'the default name'
      }))(),
    inputs.installChart ? withCluster(ctx, aws, cluster, s => checkCluster(ctx, s, offline)) : Promise.resolve(undefined),
    offline.controllerIdentity === 'irsa' && cluster.oidcIssuer
      ? (async () => ({ arn: await findOidcProvider(await aws.iam(), cluster.oidcIssuer!) }))()
      : Promise.resolve(undefined)
  )
  const desired = identityPlan.desired
  reportDesired(ctx, desired)
  if (clusterChecks) report.steps.push(...clusterChecks.steps)
  // Windows nodes (the file's node groups, the manifests' EC2NodeClasses) decide how the node role is mapped.
  const windows = windowsNodeReasons(config.windowsNodeGroups, readManifestObjects(ctx))
  const nodeAccess = resolveNodeAccess(desired.nodeAccess, cluster.authenticationMode, windows)

  if (desired.controllerIdentity === 'irsa') {
    const issuer = requireIssuer(cluster)
    const provider = await ensureOidcProvider(await aws.iam(), issuer, { cluster: config.name, found: oidcLookup })
    report.steps.push(provider.created ? `created IAM OIDC provider ${provider.arn}` : `IAM OIDC provider ${provider.arn} already exists`)
    if (provider.created) report.changed = true
  }

  // Every check has passed: the CRD chart goes in while the stacks deploy (docs/design.md, "Apply latency").
  const checks = clusterChecks
  const crdChart =
    helm && checks ? settle(withCluster(ctx, aws, cluster, async s => installCrdChart(ctx, s, desired, await helm, checks))) : undefined
  try {
    await deploy(ctx, aws, desired.karpenterStack, region)
    if (controllerStackInUse(desired)) await deploy(ctx, aws, desired.controllerStack, region)
    await prepareIdentity(ctx, aws, identityPlan)
    await grantNodeAccess(ctx, aws, desired, cluster, nodeAccess)
  } catch (err) {
    // What the CRD chart did meanwhile belongs in the summary of the failed run (not waited for on cancellation).
    const done = crdChart && !ctx.signal?.aborted ? await crdChart : undefined
    if (done?.ok) await crdChartSteps(ctx, done)
    else if (done) report.warnings.push(`karpenter-crd was being installed while the stacks deployed and failed too: ${errorMessage(done.error)}`)
    throw err
  }

  if (crdChart && clusterChecks) {
    const crds = await crdChartSteps(ctx, await crdChart)
    const resolvedHelm = await helm!
    // A fresh session: the EKS token of the checks may be near its ~15-minute limit after long stack waits.
    await withCluster(ctx, aws, cluster, s => installOnCluster(ctx, s, desired, resolvedHelm, clusterChecks, crds))
  } else {
    report.steps.push('install-chart: false — the chart is left to its owner (Argo CD, Flux…)')
  }
  await retirePreviousIdentity(ctx, aws, identityPlan)
  info(report.changed ? 'apply: done, changes made.' : 'apply: done, nothing to change.')
}

/** The CRD chart's outcome: its steps into the summary, its error thrown, its phase returned. */
async function crdChartSteps(ctx: RunContext, done: Settled<CrdChartDone>): Promise<CrdPhase> {
  if (!done.ok) throw done.error
  ctx.report.steps.push(...done.value.steps)
  if (!done.value.crds.upToDate) ctx.report.changed = true
  return done.value.crds
}

async function deploy(ctx: RunContext, aws: AwsClients, spec: StackSpec, region: string): Promise<StackOutcome> {
  let outcome: StackOutcome
  try {
    outcome = await deployStack(await aws.cfn(), spec, { region, timeoutMs: ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal })
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

async function grantNodeAccess(ctx: RunContext, aws: AwsClients, desired: DesiredState, cluster: ClusterInfo, decision: NodeAccessDecision): Promise<void> {
  const { report } = ctx
  if (decision.method === 'none') {
    report.steps.push(`node access: skipped (${decision.reason})`)
    return
  }
  if (decision.method === 'access-entry') {
    const tags = { 'alpha.eksctl.io/cluster-name': cluster.name }
    const r = await ensureNodeAccessEntry(await aws.eks(), cluster.name, desired.arns.nodeRole, tags)
    if (r.warning) warning(r.warning)
    report.steps.push(`node access: EC2_LINUX access entry for ${desired.arns.nodeRole} ${r.created ? 'created' : 'already present'} (${decision.reason})`)
    if (r.created) report.changed = true
    return
  }
  const r = await withCluster(ctx, aws, cluster, s => ensureAwsAuthMapping(s.kube, desired.arns.nodeRole, ctx.signal, { windows: decision.windows }))
  report.steps.push(`node access: aws-auth mapping for ${r.rolearn} ${r.action} (${decision.reason})${r.note ? ` — ${r.note}` : ''}`)
  if (r.action !== 'unchanged') report.changed = true
  if (decision.windows && includesApi(cluster.authenticationMode)) {
    // An access entry for the same role takes precedence over aws-auth, so an EC2_LINUX entry from a run before
    // Windows nodes would keep them out: removed once the mapping that replaces it is in place.
    const removed = await deleteNodeAccessEntry(await aws.eks(), cluster.name, desired.arns.nodeRole)
    if (removed) {
      report.steps.push(`node access: access entry for ${desired.arns.nodeRole} deleted (it takes precedence over aws-auth and cannot serve Windows nodes)`)
      report.changed = true
    }
  }
}
