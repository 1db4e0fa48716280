// First step of `delete` (docs/design.md, "Modes"): delete Karpenter's NodePools so that Karpenter itself drains and
// terminates the nodes it launched, then wait until its NodeClaims are gone. The controller must still be
// running for that, which is why this comes before the chart is uninstalled.
import type { KubeClient, KubeObject } from './client.js'
import { pollLoop } from '../runner/wait.js'

const GROUP = 'karpenter.sh'

/** Pool kind → claim kind per API generation: v1/v1beta1 (0.32+) and v1alpha5 (0.28–0.32: Provisioner/Machine). */
const GENERATIONS = [
  { pool: 'NodePool', claim: 'NodeClaim' },
  { pool: 'Provisioner', claim: 'Machine' }
] as const

export interface DeleteNodePoolsOptions {
  /** how long to wait for Karpenter to terminate its nodes */
  timeoutSeconds: number
  signal?: AbortSignal
  /** first poll delay in ms (default 2000) and largest (default 15000) */
  pollBaseMs?: number
  pollMaxMs?: number
  /** progress lines for the log */
  onProgress?: (message: string) => void
}

export interface DeleteNodePoolsResult {
  /** false when the cluster has no Karpenter API at all (never installed, or CRDs already gone) */
  karpenterApiFound: boolean
  /** `NodePool/default`, ... that a delete was sent for */
  deleted: string[]
  /** how many NodeClaims / Machines existed when waiting began */
  claimsAtStart: number
}

interface Located {
  kind: string
  path: string
}

/** The collection paths for one kind, using the first served version that has it (preferred first). */
async function locate(kube: KubeClient, versions: string[], kind: string): Promise<Located | undefined> {
  for (const version of versions) {
    const apiVersion = `${GROUP}/${version}`
    if (await kube.resource(apiVersion, kind)) return { kind, path: await kube.resourcePath(apiVersion, kind) }
  }
  return undefined
}

function names(items: KubeObject[]): string[] {
  return items.map((i) => i.metadata?.name).filter((n): n is string => typeof n === 'string')
}

export async function deleteNodePools(kube: KubeClient, opts: DeleteNodePoolsOptions): Promise<DeleteNodePoolsResult> {
  const versions = await kube.groupVersions(GROUP)
  const result: DeleteNodePoolsResult = { karpenterApiFound: versions.length > 0, deleted: [], claimsAtStart: 0 }
  if (versions.length === 0) return result

  const pools: Located[] = []
  const claims: Located[] = []
  for (const generation of GENERATIONS) {
    const pool = await locate(kube, versions, generation.pool)
    if (pool) pools.push(pool)
    const claim = await locate(kube, versions, generation.claim)
    if (claim) claims.push(claim)
  }

  for (const pool of pools) {
    for (const name of names(await kube.list(pool.path))) {
      await kube.delete(`${pool.path}/${encodeURIComponent(name)}`)
      result.deleted.push(`${pool.kind}/${name}`)
    }
  }
  if (result.deleted.length > 0) opts.onProgress?.(`deleted ${result.deleted.join(', ')}; waiting for Karpenter to terminate its nodes`)

  const deadline = Date.now() + opts.timeoutSeconds * 1000
  let remaining: string[] = []
  return pollLoop(
    async look => {
      remaining = []
      for (const c of [...claims, ...pools]) remaining.push(...names(await kube.list(c.path)).map((n) => `${c.kind}/${n}`))
      if (look === 0) result.claimsAtStart = remaining.filter((r) => claims.some((c) => r.startsWith(`${c.kind}/`))).length
      if (remaining.length === 0) return result
      // said before the wait, unless the deadline has passed (then the error says what is left)
      if (look % 5 === 0 && deadline > Date.now()) opts.onProgress?.(`waiting for ${remaining.length} Karpenter object(s): ${remaining.slice(0, 10).join(', ')}`)
      return undefined
    },
    { deadline, backoff: { baseMs: opts.pollBaseMs ?? 2000, maxMs: opts.pollMaxMs ?? 15_000, jitter: 'half' }, signal: opts.signal },
    () =>
      new Error(
        `Karpenter did not finish terminating its nodes within ${opts.timeoutSeconds}s; still present: ${remaining.join(', ')}. ` +
          'The Karpenter controller must be running to drain and terminate them (is it healthy? kubectl -n <namespace> logs deploy/karpenter); ' +
          'raise the timeout input, or remove the leftovers by hand and run delete again'
      )
  )
}
