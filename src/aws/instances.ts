// The last step of delete: EC2 instances Karpenter launched for this cluster that are still there (the
// NodeClaims did not finish, or the cluster was already gone). Only instances that carry BOTH a Karpenter
// tag (`karpenter.sh/nodepool`; `karpenter.sh/provisioner-name` before v0.32) AND the cluster's tag
// (`kubernetes.io/cluster/<name>=owned` or `eks:eks-cluster-name=<name>`) are touched; nothing else.
import type { EC2Client, Filter } from '@aws-sdk/client-ec2'
import { KARPENTER_INSTANCE_TAGS, clusterInstanceTags } from '../core/names.js'

export { KARPENTER_INSTANCE_TAGS }
const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped']

export interface LeftoverInstance {
  id: string
  state: string
  nodepool?: string
}

/** EC2 filters AND together, so each Karpenter tag × cluster tag pair is its own query. */
export function leftoverFilters(cluster: string): Filter[][] {
  const clusterTags: Filter[] = clusterInstanceTags(cluster).flatMap(t => Object.entries(t).map(([k, v]) => ({ Name: `tag:${k}`, Values: [v] })))
  const out: Filter[][] = []
  for (const karpenterTag of KARPENTER_INSTANCE_TAGS) {
    for (const clusterTag of clusterTags) {
      out.push([{ Name: 'tag-key', Values: [karpenterTag] }, clusterTag, { Name: 'instance-state-name', Values: LIVE_STATES }])
    }
  }
  return out
}

export async function findLeftoverInstances(ec2: EC2Client, cluster: string): Promise<LeftoverInstance[]> {
  const { DescribeInstancesCommand } = await import('@aws-sdk/client-ec2')
  const found = new Map<string, LeftoverInstance>()
  for (const Filters of leftoverFilters(cluster)) {
    let token: string | undefined
    do {
      const page = await ec2.send(new DescribeInstancesCommand({ Filters, NextToken: token }))
      for (const r of page.Reservations ?? []) {
        for (const i of r.Instances ?? []) {
          if (!i.InstanceId || !isKarpenterInstanceOf(i.Tags ?? [], cluster)) continue
          const nodepool = i.Tags?.find(t => (KARPENTER_INSTANCE_TAGS as readonly string[]).includes(t.Key ?? ''))?.Value
          found.set(i.InstanceId, { id: i.InstanceId, state: i.State?.Name ?? 'unknown', ...(nodepool ? { nodepool } : {}) })
        }
      }
      token = page.NextToken
    } while (token)
  }
  return [...found.values()]
}

/** Checked again on the answer: an endpoint that ignores a filter must not widen what gets terminated. */
export function isKarpenterInstanceOf(tags: { Key?: string; Value?: string }[], cluster: string): boolean {
  const has = (k: string, v?: string): boolean => tags.some(t => t.Key === k && (v === undefined || t.Value === v))
  const karpenter = KARPENTER_INSTANCE_TAGS.some(k => has(k))
  const ofCluster = clusterInstanceTags(cluster).some(t => Object.entries(t).every(([k, v]) => has(k, v)))
  return karpenter && ofCluster
}

export async function terminateInstances(ec2: EC2Client, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  const { TerminateInstancesCommand } = await import('@aws-sdk/client-ec2')
  // TerminateInstances takes up to 1000 ids per call
  for (let i = 0; i < ids.length; i += 1000) await ec2.send(new TerminateInstancesCommand({ InstanceIds: ids.slice(i, i + 1000) }))
}
