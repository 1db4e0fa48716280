// drift (README, Modes; docs/design.md, "Modes"): read the facts, build the desired state once, compare them
// (src/core/plan/drift.ts), report. Reads only. Output `drifted`; the step fails when drifted unless
// `fail-on-drift: false`. An endpoint without CloudFormation drift detection is a clear error, raised after the
// rest was compared and reported.
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import type { Facts, NodeAccessFacts } from '../core/facts.js'
import type { RunReport } from '../report/types.js'
import { info, warning } from '../runner/log.js'
import { cloudFormationEndpoint, DriftDetectionUnavailableError } from '../cfn/drift.js'
import { desiredFor, openSession, pollOptions, readManifestObjects, reportDesired, type Session } from './lifecycle.js'
import { openCluster, type ClusterSession } from './cluster-session.js'
import { readAccessEntry, readAssociation, readAwsAuthMapping, readCluster, readDeployedStacks, readReleases, readRolePolicies, readStackDrift, describeStacks } from './facts.js'
import { compareDrift, driftLine, nodeAccessToCompare, stackMissing, type DriftResult } from '../core/plan/drift.js'
import { identityState, roleToAdopt } from '../core/plan/identity.js'
import { stacksInUse } from '../core/plan/pod-identity-state.js'
import { windowsNodeReasons } from '../core/karpenter/windows.js'
import { KubeApiError } from '../kube/errors.js'
import { ProvisionError, errnoCode, errorMessage } from '../core/errors.js'

export class DriftFoundError extends ProvisionError {
  override readonly name: string = 'DriftFoundError'
}

export async function runDrift(ctx: RunContext): Promise<void> {
  const session = await openSession(ctx)
  const { facts, desired, detectionUnavailable } = await readDriftFacts(ctx, session)
  reportDesired(ctx, desired)
  const result = compareDrift(desired, facts, { installChart: ctx.inputs.installChart, extraValues: ctx.files.values?.values })
  reportDrift(ctx.report, result)
  if (facts.unread['deployed-stacks']) info(`could not compare the stacks with the config: ${facts.unread['deployed-stacks']}`)
  // the association, node access and the chart are reported; the stacks could not be compared
  if (detectionUnavailable) throw detectionUnavailable

  const drifted = result.items.length > 0
  ctx.report.outputs['drifted'] = String(drifted)
  for (const item of result.items) info(driftLine(item))
  if (!drifted) {
    info('drift: none found.')
    return
  }
  if (ctx.inputs.failOnDrift) throw new DriftFoundError(`Drift found in ${result.items.length} item(s) (see the summary); run apply to restore the configured state, or set fail-on-drift: false.`)
  warning(`Drift found in ${result.items.length} item(s); not failing (fail-on-drift: false).`)
}

interface DriftRead {
  facts: Facts
  desired: DesiredState
  /** CloudFormation drift detection is not served by the endpoint (the stacks' drift is unread) */
  detectionUnavailable?: DriftDetectionUnavailableError
}

/**
 * The read phase: what exists (the cluster, then its Pod Identity association; the stacks) at once; the desired
 * state, built once from it (an association someone else made keeps its role); then, at once, what the desired
 * state names: drift detection and the deployed record of each stack in use, the Pod Identity role's policies,
 * the node role's access entry, and — through one cluster session — its aws-auth mapping and the release.
 */
async function readDriftFacts(ctx: RunContext, session: Session): Promise<DriftRead> {
  const { config, offline } = ctx
  const { aws, region } = session
  const podIdentity = offline.controllerIdentity === 'pod-identity'
  const [found, stacks] = await Promise.all([
    readCluster(aws, config.name, region).then(async cluster => ({ cluster, identity: podIdentity && cluster ? await readAssociation(aws, cluster.name, offline.names, true) : undefined })),
    describeStacks(aws, offline.names)
  ])
  const facts: Facts = { caller: session.identity, region, stacks: stacks.facts, windows: windowsNodeReasons(config.windowsNodeGroups, readManifestObjects(ctx)), unread: {} }
  const cluster = found.cluster
  if (cluster) facts.cluster = cluster
  if (found.identity) facts.association = found.identity.association

  const adopt = podIdentity ? roleToAdopt(identityState(facts, offline.names, 'pod-identity')) : undefined
  const desired = desiredFor(ctx, session.identity, cluster, adopt)

  const inUse = stacksInUse(desired).map(s => s.name).filter(name => !stackMissing(facts, name))
  const { decision } = nodeAccessToCompare(desired, facts)
  const method = decision?.method ?? 'none'
  const nodeRole = desired.arns.nodeRole
  let detectionUnavailable: DriftDetectionUnavailableError | undefined
  const [stackDrift, deployedStacks, rolePolicies, accessEntryType, clusterSide] = await Promise.all([
    readStackDrift(aws, inUse, pollOptions(ctx), cloudFormationEndpoint(region)).catch((err: unknown) => {
      if (!(err instanceof DriftDetectionUnavailableError)) throw err
      detectionUnavailable = err
      facts.unread['stack-drift'] = err.message
      return undefined
    }),
    readDeployedStacks(aws, inUse.flatMap(name => stacks.described[name] ?? [])).catch((err: unknown) => {
      // a note, not drift: the comparison goes on without it (the mode logs why)
      facts.unread['deployed-stacks'] = errorMessage(err)
      return undefined
    }),
    podIdentity && cluster && (desired.podIdentity?.roleSource ?? 'stack') !== 'stack' ? readRolePolicies(aws, desired.arns.controllerRole) : undefined,
    cluster && method === 'access-entry' ? readAccessEntry(aws, cluster.name, nodeRole) : undefined,
    readClusterSide(ctx, session, desired, facts, method === 'aws-auth')
  ])
  if (stackDrift) facts.stackDrift = stackDrift
  if (deployedStacks) facts.deployedStacks = deployedStacks
  if (rolePolicies) facts.controllerRolePolicies = rolePolicies
  const nodeAccess: NodeAccessFacts = {}
  if (accessEntryType !== undefined) nodeAccess.accessEntryType = accessEntryType
  if (clusterSide?.awsAuthMapping !== undefined) nodeAccess.awsAuthMapping = clusterSide.awsAuthMapping
  facts.nodeAccess = nodeAccess
  if (clusterSide?.releases) facts.releases = clusterSide.releases
  return detectionUnavailable ? { facts, desired, detectionUnavailable } : { facts, desired }
}

/**
 * The cluster side, through one session: the node role's aws-auth mapping (when node access uses it) and the
 * controller release (with install-chart). A cluster that cannot be reached (no session, or no connection to its
 * API) fails the run when the chart is to be checked; for the mapping alone it is noted as unread.
 */
async function readClusterSide(ctx: RunContext, session: Session, desired: DesiredState, facts: Facts, awsAuth: boolean): Promise<Pick<Facts, 'releases'> & Pick<NodeAccessFacts, 'awsAuthMapping'> | undefined> {
  const chart = ctx.inputs.installChart
  if (!chart && !awsAuth) return undefined
  if (!facts.cluster && !ctx.files.kubeconfig) {
    facts.unread.releases = 'no cluster to reach'
    return undefined
  }
  const unreachable = (err: unknown): undefined => {
    if (chart) throw new Error(`drift: cannot reach cluster ${ctx.config.name} to check the chart: ${errorMessage(err)}. Set install-chart: false to check the stacks only.`)
    facts.unread['node-access'] = `the cluster could not be reached: ${errorMessage(err)}`
    return undefined
  }
  let access: ClusterSession
  try {
    access = await openCluster(ctx, session.aws, facts.cluster)
  } catch (err) {
    return unreachable(err)
  }
  try {
    const [awsAuthMapping, releases] = await Promise.all([
      awsAuth ? readAwsAuthMapping(access, desired.arns.nodeRole) : undefined,
      chart ? readReleases(access, desired.helm, desired.names.crdRelease) : undefined
    ])
    return { ...(awsAuthMapping !== undefined ? { awsAuthMapping } : {}), ...(releases ? { releases } : {}) }
  } catch (err) {
    // no connection (refused, timed out, TLS): the API was not reached; anything the API answered is rethrown
    if (err instanceof KubeApiError || !(errnoCode(err) ?? errnoCode(err instanceof Error ? err.cause : undefined))) throw err
    return unreachable(err)
  } finally {
    await access.dispose()
  }
}

/** What the comparison found goes into the report: the stacks, the steps in order, the drift items, the warnings. */
function reportDrift(report: RunReport, result: DriftResult): void {
  report.stacks.push(...result.stacks.map(s => ({ ...s, changes: [], failures: [] })))
  report.steps.push(...result.steps)
  report.drift.push(...result.items)
  report.warnings.push(...result.warnings)
}
