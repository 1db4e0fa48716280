// What plan, drift and delete share: credentials and clients, the caller's identity, the cluster as EKS
// describes it (or its absence), the desired state built from those facts, and — for the chart — the
// installed release (the connection is cluster-session.ts's, shared with apply). Logic stays in the executors; this only wires them.
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import { buildDesiredState } from '../core/desired.js'
import { info } from '../runner/log.js'
import { awsClients, type AwsClients } from '../aws/clients.js'
import { resolveCredentials } from '../aws/credentials.js'
import { callerIdentity, type CallerIdentity } from '../aws/identity.js'
import { ClusterNotFoundError, describeCluster, refuseAutoMode, type ClusterInfo } from '../aws/preflight.js'
import type { ClusterSession } from './cluster-session.js'
import type { PollOptions } from '../cfn/deploy-wait.js'
import { readReleaseFacts } from '../kube/helm-release.js'
import { CRD_RELEASE } from '../core/helm/args.js'
import type { InstalledRelease } from '../core/helm/release.js'
import type { ReleaseFacts } from '../core/facts.js'
import { detectIdentityState, roleToAdopt, type IdentityState } from '../aws/identity-switch.js'

export interface Session {
  region: string
  aws: AwsClients
  identity: CallerIdentity
}

export async function openSession(ctx: RunContext): Promise<Session> {
  const { region, aws } = await openClients(ctx)
  return { region, aws, identity: await identify(ctx, aws) }
}

/** The region and the SDK clients, with the credentials resolved (OIDC federation or the default chain). */
export async function openClients(ctx: RunContext): Promise<Omit<Session, 'identity'>> {
  const { inputs, config, report } = ctx
  const region = inputs.awsRegion ?? config.region
  if (region !== config.region) report.warnings.push(`aws-region ${region} overrides metadata.region ${config.region} of ${config.file}.`)
  const credentials = await resolveCredentials(inputs, region, { signal: ctx.signal })
  return { region, aws: awsClients(region, credentials) }
}

/** GetCallerIdentity: the account and partition every ARN is built from. */
export async function identify(ctx: RunContext, aws: AwsClients): Promise<CallerIdentity> {
  const identity = await callerIdentity(await aws.sts())
  ctx.report.steps.push(`authenticated as ${identity.arn}`)
  return identity
}

/** DescribeCluster, or undefined when there is no such cluster (delete of an already-deleted cluster). Refuses EKS Auto Mode. */
export async function findCluster(aws: AwsClients, name: string, region: string): Promise<ClusterInfo | undefined> {
  let cluster: ClusterInfo
  try {
    cluster = await describeCluster(await aws.eks(), name, region)
  } catch (err) {
    if (err instanceof ClusterNotFoundError) return undefined
    throw err
  }
  refuseAutoMode(cluster)
  return cluster
}

/**
 * The desired state, built once per mode from the config and the facts read: the caller's account and partition,
 * the cluster (OIDC issuer, endpoint), and the role of an existing association to adopt (readIdentity).
 */
export function desiredFor(ctx: RunContext, identity: CallerIdentity, cluster: ClusterInfo | undefined, podIdentityRoleArn?: string): DesiredState {
  return buildDesiredState(ctx.config, ctx.inputs, {
    accountId: identity.accountId,
    partition: identity.partition,
    oidcIssuer: cluster?.oidcIssuer,
    clusterEndpoint: cluster?.endpoint,
    podIdentityRoleArn
  })
}

/** The desired state the mode built goes into the report (outputs, summary) with its warnings. */
export function reportDesired(ctx: RunContext, desired: DesiredState): void {
  ctx.report.desired = desired
  ctx.report.warnings.push(...desired.warnings)
}

/** What AWS holds of the controller identity (looked up by the config's names), and the role of a foreign association to adopt. */
export async function readIdentity(ctx: RunContext, aws: AwsClients): Promise<{ state: IdentityState; adopt?: string }> {
  const state = await detectIdentityState(aws, ctx.offline, ctx.config.name)
  return { state, adopt: ctx.offline.controllerIdentity === 'pod-identity' ? roleToAdopt(state) : undefined }
}

/** The objects of the `manifests` input (none without it), for what they ask of node access (Windows EC2NodeClasses). */
export function readManifestObjects(ctx: RunContext): unknown[] {
  return ctx.files.manifests.map(m => m.object)
}

export function pollOptions(ctx: RunContext): PollOptions {
  return { deadline: Date.now() + ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal }
}

export interface InstalledChart {
  /** the controller release (releases.main) */
  release?: InstalledRelease
  releases: ReleaseFacts
  /** the values-file input's document (applied last by helm) */
  extraValues: Record<string, unknown>
}

/** The installed releases and their user-supplied values, from their release records (no helm binary needed). */
export async function readInstalledChart(ctx: RunContext, access: ClusterSession, desired: DesiredState): Promise<InstalledChart> {
  const { release: name, namespace } = desired.helm
  const releases = await readReleaseFacts(access.kube, { release: name, namespace, crdRelease: desired.helm.crdChart ? CRD_RELEASE : undefined })
  const release = releases.main
  info(release ? `installed release ${desired.helm.namespace}/${desired.helm.release}: chart ${release.version}, revision ${release.revision}, ${release.status}` : `release ${desired.helm.namespace}/${desired.helm.release} is not installed`)
  // the values-file was read and checked with the other inputs (run-files.ts)
  return { release, releases, extraValues: ctx.files.values?.values ?? {} }
}
