// What plan, drift and delete share: credentials and clients, the caller's identity, the cluster as EKS
// describes it (or its absence), the desired state built from those facts, and — for the chart — a
// connection to the cluster (the `kubeconfig` input, or one written from EKS with a fresh token) and the
// installed release. Logic stays in the executors; this only wires them.
import { readFile } from 'node:fs/promises'
import { parse } from 'yaml'
import type { RunContext } from './context.js'
import type { DesiredState } from '../state/types.js'
import { buildDesiredState } from '../state/desired.js'
import { info, setSecret } from '../runner/log.js'
import { awsClients, type AwsClients } from '../aws/clients.js'
import { resolveCredentials } from '../aws/credentials.js'
import { callerIdentity, type CallerIdentity } from '../aws/identity.js'
import type { ClusterInfo } from '../aws/preflight.js'
import type { PollOptions } from '../cfn/deploy-wait.js'
import { KubeClient } from '../kube/client.js'
import type { KubeConnection } from '../kube/connection.js'
import { loadKubeconfig, writeKubeconfig } from '../kube/kubeconfig.js'
import { eksToken } from '../kube/token.js'
import { resolveHelm } from '../helm/resolve.js'
import { readRelease, type InstalledRelease } from '../helm/release.js'

export interface Session {
  region: string
  aws: AwsClients
  identity: CallerIdentity
}

export async function openSession(ctx: RunContext): Promise<Session> {
  const { inputs, config, report } = ctx
  const region = inputs.awsRegion ?? config.region
  if (region !== config.region) report.warnings.push(`aws-region ${region} overrides metadata.region ${config.region} of ${config.file}.`)
  const credentials = await resolveCredentials(inputs, region, { signal: ctx.signal })
  const aws = awsClients(region, credentials)
  const identity = await callerIdentity(await aws.sts())
  report.steps.push(`authenticated as ${identity.arn}`)
  return { region, aws, identity }
}

export interface EksCluster extends ClusterInfo {
  /** base64 CA bundle, as EKS gives it */
  caData?: string
}

/** DescribeCluster, or undefined when there is no such cluster (delete of an already-deleted cluster). */
export async function findCluster(aws: AwsClients, name: string, region: string): Promise<EksCluster | undefined> {
  const { DescribeClusterCommand } = await import('@aws-sdk/client-eks')
  try {
    const { cluster } = await (await aws.eks()).send(new DescribeClusterCommand({ name }))
    if (!cluster) return undefined
    return {
      name,
      region,
      arn: cluster.arn,
      status: cluster.status ?? 'UNKNOWN',
      version: cluster.version ?? '',
      endpoint: cluster.endpoint,
      oidcIssuer: cluster.identity?.oidc?.issuer || undefined,
      authenticationMode: cluster.accessConfig?.authenticationMode,
      caData: cluster.certificateAuthority?.data
    }
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') return undefined
    throw err
  }
}

export function desiredFor(ctx: RunContext, session: Session, cluster: ClusterInfo | undefined): DesiredState {
  const desired = buildDesiredState(ctx.config, ctx.inputs, {
    accountId: session.identity.accountId,
    partition: session.identity.partition,
    oidcIssuer: cluster?.oidcIssuer,
    clusterEndpoint: cluster?.endpoint
  })
  ctx.report.desired = desired
  ctx.report.warnings.push(...desired.warnings)
  return desired
}

export function pollOptions(ctx: RunContext): PollOptions {
  return { deadline: Date.now() + ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal }
}

export interface ClusterAccess {
  /** for helm (KUBECONFIG) */
  kubeconfig: string
  kube: KubeClient
  dispose(): Promise<void>
}

/** The `kubeconfig` input, or a 0600 kubeconfig written from EKS with a token signed by this run's credentials. */
export async function openClusterAccess(ctx: RunContext, session: Session, cluster: EksCluster | undefined): Promise<ClusterAccess> {
  if (ctx.inputs.kubeconfig) {
    const conn = loadKubeconfig(ctx.inputs.kubeconfig)
    const kube = new KubeClient(conn, { signal: ctx.signal })
    return { kubeconfig: ctx.inputs.kubeconfig, kube, dispose: async () => kube.close() }
  }
  if (!cluster?.endpoint || !cluster.caData) {
    throw new Error(`EKS cluster ${ctx.config.name} reports no endpoint or certificate authority; pass the kubeconfig input to reach it.`)
  }
  const credentials = await (await session.aws.sts()).config.credentials()
  const token = await eksToken({ clusterName: ctx.config.name, region: session.region, credentials })
  setSecret(token)
  const written = await writeKubeconfig(ctx.tempDir, { server: cluster.endpoint, caData: cluster.caData, token, clusterName: ctx.config.name })
  const conn: KubeConnection = { server: cluster.endpoint, caPem: Buffer.from(cluster.caData, 'base64').toString('utf8'), token }
  const kube = new KubeClient(conn, { signal: ctx.signal })
  return {
    kubeconfig: written.path,
    kube,
    dispose: async () => {
      kube.close()
      await written.dispose()
    }
  }
}

export interface InstalledChart {
  release?: InstalledRelease
  /** the values-file input's document (applied last by helm) */
  extraValues: Record<string, unknown>
}

/** helm (resolved per helm-version) → the installed release and its user-supplied values. */
export async function readInstalledChart(ctx: RunContext, access: ClusterAccess, desired: DesiredState): Promise<InstalledChart> {
  const helm = await resolveHelm(ctx.inputs.helmVersion, { tempDir: ctx.tempDir })
  const release = await readRelease(helm.path, access.kubeconfig, desired.helm.release, desired.helm.namespace)
  info(release ? `installed release ${desired.helm.namespace}/${desired.helm.release}: chart ${release.version}, revision ${release.revision}, ${release.status}` : `release ${desired.helm.namespace}/${desired.helm.release} is not installed`)
  return { release, extraValues: await readValuesFile(desired.helm.valuesFile) }
}

async function readValuesFile(path: string | undefined): Promise<Record<string, unknown>> {
  if (!path) return {}
  let doc: unknown
  try {
    doc = parse(await readFile(path, 'utf8'))
  } catch (err) {
    throw new Error(`values-file ${path}: ${(err as Error).message}`)
  }
  if (doc === null || doc === undefined) return {}
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`values-file ${path}: expected a mapping of Helm values`)
  return doc as Record<string, unknown>
}
