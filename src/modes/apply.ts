// apply: the orchestration of SPEC §6 — credentials → identity → preflight → desired state → OIDC provider
// (IRSA) → Karpenter stack → controller stack → node access → (install-chart) the Kubernetes half.
// Every check that can refuse the run happens before the first change. Logic lives in the executors.
import type { RunContext } from './context.js'
import type { StackOutcome } from '../report/types.js'
import type { DesiredState, StackSpec } from '../state/types.js'
import { info, warning } from '../runner/log.js'
import type { AwsClients } from '../aws/clients.js'
import { checkInstanceProfileFree, preflight, requireIssuer, type ClusterInfo } from '../aws/preflight.js'
import { ensureOidcProvider } from '../aws/oidc-provider.js'
import { includesApi, resolveNodeAccess, type NodeAccessDecision } from '../aws/node-access.js'
import { deleteNodeAccessEntry, ensureNodeAccessEntry } from '../aws/access-entry.js'
import { windowsNodeReasons } from '../karpenter/windows.js'
import { deployStack, StackDeployError, DeployCancelledError } from '../cfn/deploy.js'
import { prefetchHelm, type ResolvedHelm } from '../helm/resolve.js'
import { ensureAwsAuthMapping } from '../kube/aws-auth.js'
import { checkCluster, installOnCluster } from './apply-kubernetes.js'
import { withCluster } from './cluster-session.js'
import { openSession, readManifestObjects } from './lifecycle.js'
import { desiredWithIdentity, prepareIdentity, retirePreviousIdentity } from './apply-identity.js'
import { controllerStackInUse } from '../aws/pod-identity-state.js'

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
  const { region, aws, identity } = await openSession(ctx)

  const pre = await preflight(await aws.eks(), {
    cluster: config.name,
    region,
    karpenterVersion: config.karpenter.version,
    configK8sVersion: config.kubernetesVersion
  })
  report.warnings.push(...pre.warnings)
  const cluster = pre.cluster
  report.steps.push(`preflight: cluster ${cluster.name} is ${cluster.status}, Kubernetes ${cluster.version}, authentication mode ${cluster.authenticationMode ?? 'CONFIG_MAP (no accessConfig)'}`)

  // Pod Identity checks, the existing association (its role adopted) and a switch of identity: before any change.
  const identityPlan = await desiredWithIdentity(ctx, aws, {
    accountId: identity.accountId,
    partition: identity.partition,
    oidcIssuer: cluster.oidcIssuer,
    clusterEndpoint: cluster.endpoint
  })
  const desired = identityPlan.desired
  report.desired = desired
  report.warnings.push(...desired.warnings)
  await checkInstanceProfileFree(await aws.iam(), await aws.cfn(), {
    profile: desired.names.instanceProfile,
    stack: desired.karpenterStack.name,
    region,
    cluster: config.name,
    configKey: config.karpenter.defaultInstanceProfile ? 'karpenter.defaultInstanceProfile' : 'the default name'
  })
  // Refusals that need the cluster (upgrade path, manifests) also come before the first change.
  const clusterChecks = inputs.installChart ? await withCluster(ctx, aws, cluster, s => checkCluster(ctx, s, desired)) : undefined
  // Windows nodes (the file's node groups, the manifests' EC2NodeClasses) decide how the node role is mapped.
  const windows = windowsNodeReasons(config.windowsNodeGroups, clusterChecks ? clusterChecks.manifests.map(m => m.object) : readManifestObjects(ctx))
  const nodeAccess = resolveNodeAccess(desired.nodeAccess, cluster.authenticationMode, windows)

  if (desired.controllerIdentity === 'irsa') {
    const issuer = requireIssuer(cluster)
    const provider = await ensureOidcProvider(await aws.iam(), issuer, { cluster: config.name })
    report.steps.push(provider.created ? `created IAM OIDC provider ${provider.arn}` : `IAM OIDC provider ${provider.arn} already exists`)
    if (provider.created) report.changed = true
  }

  await deploy(ctx, aws, desired.karpenterStack, region)
  if (controllerStackInUse(desired)) await deploy(ctx, aws, desired.controllerStack, region)
  await prepareIdentity(ctx, aws, identityPlan)

  await grantNodeAccess(ctx, aws, desired, cluster, nodeAccess)

  if (helm && clusterChecks) {
    const resolvedHelm = await helm
    // A fresh session: the EKS token of the checks may be near its ~15-minute limit after long stack waits.
    await withCluster(ctx, aws, cluster, s => installOnCluster(ctx, s, desired, resolvedHelm, clusterChecks))
  } else {
    report.steps.push('install-chart: false — the chart is left to its owner (Argo CD, Flux…)')
  }
  await retirePreviousIdentity(ctx, aws, identityPlan)
  info(report.changed ? 'apply: done, changes made.' : 'apply: done, nothing to change.')
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
