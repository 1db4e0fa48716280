// What every mode that reaches AWS shares: credentials and clients, the caller's identity, the desired state built
// once from the facts, and the poll deadline. The reads are facts.ts's, the cluster connection cluster-session.ts's.
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import type { ClusterInfo } from '../core/facts.js'
import { buildDesiredState } from '../core/desired.js'
import { awsClients, type AwsClients } from '../aws/clients.js'
import { resolveCredentials } from '../aws/credentials.js'
import { callerIdentity, type CallerIdentity } from '../aws/identity.js'
import type { PollOptions } from '../cfn/deploy-wait.js'

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

/**
 * The desired state, built once per mode from the config and the facts read: the caller's account and partition,
 * the cluster (OIDC issuer, endpoint), and the role of an existing association to adopt (core/plan/identity.ts roleToAdopt).
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

/** The objects of the `manifests` input (none without it), for what they ask of node access (Windows EC2NodeClasses). */
export function readManifestObjects(ctx: RunContext): unknown[] {
  return ctx.files.manifests.map(m => m.object)
}

export function pollOptions(ctx: RunContext): PollOptions {
  return { deadline: Date.now() + ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal }
}
