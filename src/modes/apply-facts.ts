// The read phase of apply and plan (docs/design.md, "The pipeline", step 3): everything apply decides from,
// read before the first change, at once where the reads do not depend on each other. Three rounds:
//   1. the caller and the cluster (DescribeCluster);
//   2. by the config's names: the stacks, the Pod Identity association, the IAM OIDC provider, the installed
//      releases and the cluster's EC2NodeClasses — and the checks apply refuses on (Pod Identity agent and
//      policies, the instance profile's owner, the manifests against the cluster);
//   3. by the names of the desired state built from them (its adopted role): the Pod Identity role's policies, the
//      node role's access entry and aws-auth mapping, and — plan only — each stack's change set.
// apply refuses on a failed check; plan reports it as "apply would refuse" and reads on.
import type { RunContext } from './context.js'
import type { DesiredState } from '../core/types.js'
import type { ClusterInfo, Facts, StackPreview } from '../core/facts.js'
import type { StackOutcome } from '../report/types.js'
import { destructiveChanges } from '../report/summary.js'
import type { Stack } from '@aws-sdk/client-cloudformation'
import type { AwsClients } from '../aws/clients.js'
import type { CallerIdentity } from '../aws/identity.js'
import { ConfigError } from '../core/config/diagnostics.js'
import { requirePodIdentityAgent } from '../aws/addons.js'
import { requirePoliciesExist } from '../aws/pod-identity-role.js'
import { checkInstanceProfileFree, requireIssuer } from '../aws/preflight.js'
import { checkManifests, listNodeClassNames } from '../kube/manifests.js'
import { planStack } from '../cfn/plan.js'
import { includesApi, resolveNodeAccess } from '../core/plan/node-access.js'
import { controllerStackInUse, stacksInUse } from '../core/plan/pod-identity-state.js'
import { identityState, roleToAdopt } from '../core/plan/identity.js'
import { windowsNodeReasons } from '../core/karpenter/windows.js'
import { together } from '../core/together.js'
import { errorMessage } from '../core/errors.js'
import { openCluster, type ClusterSession } from './cluster-session.js'
import { desiredFor, readManifestObjects } from './lifecycle.js'
import { describeStacks, readRolePolicies, readAccessEntry, readAssociation, readAwsAuthMapping, readOidcProvider, readReleases } from './facts.js'
import { manifestNames } from './run-files.js'

export interface ApplyFacts {
  facts: Facts
  /** the desired state, built once from the config and the facts of rounds 1–2 */
  desired: DesiredState
  /** what apply would refuse on (plan only; apply has thrown) */
  refusals: string[]
  /** lines for the summary's steps, in order */
  steps: string[]
  /** plan: each stack's change set as the summary shows it (in stack order) */
  stackPlans: StackOutcome[]
  /** each stack as DescribeStacks returned it (undefined: none), for the executors that change it */
  described: Record<string, Stack | undefined>
}

export interface ReadOptions {
  mode: 'apply' | 'plan'
  caller: CallerIdentity
  cluster: ClusterInfo
  region: string
}

export async function readApplyFacts(ctx: RunContext, aws: AwsClients, opts: ReadOptions): Promise<ApplyFacts> {
  const { config, inputs, offline } = ctx
  const { cluster, mode } = opts
  const refusals: string[] = []
  const steps: string[] = []
  /** apply: a refusal stops the run; plan: it is noted and the read goes on */
  const check = async (p: () => Promise<void>): Promise<void> => {
    if (mode === 'apply') return p()
    try {
      await p()
    } catch (err) {
      if (!(err instanceof Error)) throw err
      refusals.push(`apply would refuse: ${errorMessage(err)}`)
    }
  }
  const windows = windowsNodeReasons(config.windowsNodeGroups, readManifestObjects(ctx))
  // resolveNodeAccess throws for an input that does not fit the cluster, in both modes: nothing to plan around it
  const decision = resolveNodeAccess(offline.nodeAccess, cluster.authenticationMode, windows)
  const irsa = offline.controllerIdentity === 'irsa'
  const podIdentity = offline.controllerIdentity === 'pod-identity'
  const needsCluster = inputs.installChart || decision.method === 'aws-auth'
  const unread: Facts['unread'] = {}

  let session: ClusterSession | undefined
  if (needsCluster) {
    try {
      session = await openCluster(ctx, aws, cluster)
    } catch (err) {
      if (mode === 'apply') throw err
      unread['cluster-api'] = errorMessage(err).split('\n')[0]
    }
  }
  try {
    // Round 2: by the config's names.
    const [stacks, association, oidcProvider, inCluster] = await together(
      describeStacks(aws, offline.names),
      readAssociation(aws, config.name, offline.names, podIdentity),
      irsa ? readOidcProvider(aws, requireIssuer(cluster)) : Promise.resolve(undefined),
      session && inputs.installChart
        ? readInCluster(ctx, session, offline, check).catch((err: unknown) => {
            // plan reads on without the cluster's half; apply cannot
            if (mode === 'apply') throw err
            unread['cluster-api'] = errorMessage(err).split('\n')[0]
            return undefined
          })
        : Promise.resolve(undefined),
      podIdentity ? podIdentityPreflight(ctx, aws, check).then(line => void (line && steps.push(line))) : Promise.resolve(),
      check(async () =>
        checkInstanceProfileFree(await aws.iam(), await aws.cfn(), {
          profile: offline.names.instanceProfile,
          stack: offline.karpenterStack.name,
          region: opts.region,
          cluster: config.name,
          configKey: config.karpenter.defaultInstanceProfile ? 'karpenter.defaultInstanceProfile' : 'the default name'
        })
      )
    )
    if (inCluster) steps.push(...inCluster.steps)
    const facts: Facts = {
      caller: opts.caller,
      region: opts.region,
      cluster,
      stacks: stacks.facts,
      association: association.association,
      podIdentityApiMissing: association.podIdentityApiMissing,
      windows,
      unread
    }
    if (oidcProvider !== undefined) facts.oidcProvider = oidcProvider
    if (inCluster) facts.releases = inCluster.releases
    else if (inputs.installChart) unread.releases = unread['cluster-api'] ?? 'the cluster was not reached'

    const desired = desiredFor(ctx, opts.caller, cluster, roleToAdopt(identityState(facts, offline.names, offline.controllerIdentity)))

    // Round 3: by the desired state's names.
    const accessEntryNeeded = decision.method === 'access-entry' || (decision.windows === true && includesApi(cluster.authenticationMode))
    const [rolePolicies, accessEntry, awsAuth, previews] = await together(
      desired.controllerIdentity === 'pod-identity' && !controllerStackInUse(desired) ? readRolePolicies(aws, desired.arns.controllerRole) : Promise.resolve(undefined),
      accessEntryNeeded ? readAccessEntry(aws, cluster.name, desired.arns.nodeRole) : Promise.resolve(undefined),
      session && decision.method === 'aws-auth' ? readAwsAuthMapping(session, desired.arns.nodeRole) : Promise.resolve(undefined),
      mode === 'plan' ? previewStacks(ctx, aws, desired, stacks.described) : Promise.resolve(undefined)
    )
    if (rolePolicies) facts.controllerRolePolicies = rolePolicies
    facts.nodeAccess = {}
    if (accessEntry !== undefined) facts.nodeAccess.accessEntryType = accessEntry
    if (awsAuth !== undefined) facts.nodeAccess.awsAuthMapping = awsAuth
    if (decision.method === 'aws-auth' && !session) unread['node-access'] = unread['cluster-api'] ?? 'the cluster was not reached'
    if (previews) facts.stackPreviews = previews.previews
    return { facts, desired, refusals, steps, stackPlans: previews?.outcomes ?? [], described: stacks.described }
  } finally {
    await session?.dispose()
  }
}

/** The Pod Identity agent addon and the entry's permissionPolicyARNs: apply refuses without them. The summary line, when both hold. */
async function podIdentityPreflight(ctx: RunContext, aws: AwsClients, check: (p: () => Promise<void>) => Promise<void>): Promise<string | undefined> {
  const policies = ctx.offline.podIdentity?.permissionPolicyArns ?? []
  let agent: string | undefined
  let ok = 0
  await together(
    check(async () => {
      agent = await requirePodIdentityAgent(await aws.eks(), ctx.config.name)
      ok++
    }),
    check(async () => {
      await requirePoliciesExist(await aws.iam(), policies)
      ok++
    })
  )
  if (ok < 2) return undefined
  return `preflight: eks-pod-identity-agent addon ACTIVE${agent ? ` (${agent})` : ''}${policies.length ? '; permissionPolicyARNs exist' : ''}`
}

/** The installed releases, and the manifests against the cluster's EC2NodeClasses (a refusal in apply). */
async function readInCluster(
  ctx: RunContext,
  session: ClusterSession,
  offline: DesiredState,
  check: (p: () => Promise<void>) => Promise<void>
): Promise<{ releases: Facts['releases']; steps: string[] }> {
  const steps: string[] = []
  const manifests = ctx.files.manifests
  const [releases] = await together(
    readReleases(session, offline.helm, offline.names.crdRelease),
    manifests.length > 0
      ? check(async () => {
          const problems = checkManifests(manifests, await listNodeClassNames(session.kube))
          if (problems.length > 0) throw new ConfigError(problems)
          steps.push(`manifests checked against the cluster: ${manifestNames(manifests)}`)
        })
      : Promise.resolve()
  )
  const main = releases.main
  steps.push(
    main
      ? `installed release ${main.namespace}/${main.name}: chart ${main.version}, revision ${main.revision} (${main.status})`
      : `no ${offline.helm.release} release in ${offline.helm.namespace} yet: first install`
  )
  return { releases, steps }
}

/** plan: each stack's change set (created, described, deleted), in stack order. */
async function previewStacks(ctx: RunContext, aws: AwsClients, desired: DesiredState, described: Record<string, Stack | undefined>): Promise<{ previews: Record<string, StackPreview>; outcomes: StackOutcome[] }> {
  const previews: Record<string, StackPreview> = {}
  const outcomes: StackOutcome[] = []
  for (const spec of stacksInUse(desired)) {
    // a StackPlanError carries the stack as far as it was seen: plan puts it in the summary
    const result = await planStack(await aws.cfn(), spec, { timeoutMs: ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal, described: described[spec.name] ?? null })
    outcomes.push(result.outcome)
    const changes = result.outcome.changes
    previews[spec.name] = {
      hasChanges: result.hasChanges,
      resourceChanges: changes.length,
      destructive: destructiveChanges([result.outcome]).length > 0
    }
  }
  return { previews, outcomes }
}
