// Stands in for the Deployment controller and the kubelets the test kube-apiserver does not have, so that
// `helm upgrade --wait` can finish: while it runs, every Deployment (re)written in the watched namespaces is
// marked rolled out and ready. What each helm reads, and therefore what is written here:
//   - helm v3 (pkg/kube/ready.go, ReadyChecker): finds the Deployment's NEWEST ReplicaSet — one it controls
//     (ownerReference controller=true, same UID) whose pod template equals the Deployment's ignoring the
//     `pod-template-hash` label — and needs that ReplicaSet's status.readyReplicas ≥ replicas − maxUnavailable.
//     Without such a ReplicaSet helm v3 waits until the timeout. So a ReplicaSet is made per pod template.
//   - helm v4 (kstatus watcher, the default `--wait`): reads only the Deployment — status.observedGeneration
//     ≥ metadata.generation, replicas/updatedReplicas/readyReplicas/availableReplicas = spec.replicas, and the
//     conditions Available=True and Progressing=True with reason NewReplicaSetAvailable.
// No Pod exists at any time: "ready" here is a statement by the harness, not by a kubelet.
import { createHash } from 'node:crypto'
import { kubeApi, type KubeApi, type KubeApiAccess, type WatchEvent } from './e2e-kube-api.js'

interface Meta {
  name: string
  namespace: string
  uid: string
  generation?: number
  resourceVersion?: string
  labels?: Record<string, string>
  annotations?: Record<string, string>
  deletionTimestamp?: string
}

interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }
  spec?: Record<string, unknown>
}

interface Deployment {
  metadata: Meta
  spec: { replicas?: number; selector: { matchLabels?: Record<string, string> }; template: PodTemplate }
  status?: { observedGeneration?: number; replicas?: number; updatedReplicas?: number; readyReplicas?: number; availableReplicas?: number }
}

export interface MarkedReady {
  namespace: string
  name: string
  generation: number
  replicas: number
  /** the ReplicaSet made (or found) for this pod template ('' when replicaSets: false) */
  replicaSet: string
}

export interface DeploymentReadyMarker {
  /** every Deployment generation marked ready, in order */
  marked: MarkedReady[]
  /** errors met while marking (a test should expect none) */
  errors: string[]
  stop(): Promise<void>
}

export interface MarkDeploymentsReadyOptions {
  /** only these namespaces (default: all) */
  namespaces?: string[]
  /** make the ReplicaSet helm v3 looks for (default true); false only to show that helm v3 needs it */
  replicaSets?: boolean
}

/** `pod-template-hash`-style hash of a pod template: 10 lowercase hex characters. */
export function templateHash(template: PodTemplate): string {
  return createHash('sha256').update(JSON.stringify(template)).digest('hex').slice(0, 10)
}

function isMarked(d: Deployment): boolean {
  const replicas = d.spec.replicas ?? 1
  const s = d.status ?? {}
  return (
    s.observedGeneration === d.metadata.generation &&
    s.replicas === replicas &&
    s.updatedReplicas === replicas &&
    s.readyReplicas === replicas &&
    s.availableReplicas === replicas
  )
}

async function ensureReplicaSet(api: KubeApi, d: Deployment): Promise<string> {
  const { namespace, name, uid } = d.metadata
  const hash = templateHash(d.spec.template)
  const rsName = `${name}-${hash}`
  const base = `/apis/apps/v1/namespaces/${namespace}/replicasets`
  const replicas = d.spec.replicas ?? 1
  const owner = { apiVersion: 'apps/v1', kind: 'Deployment', name, uid, controller: true, blockOwnerDeletion: true }
  let rs = await api.get<{ metadata: Meta & { ownerReferences?: Array<{ uid: string }> } }>(`${base}/${rsName}`)
  if (rs && !rs.metadata.ownerReferences?.some((o) => o.uid === uid)) {
    // Left by an earlier Deployment of the same name and template (no garbage collector runs here): re-own it.
    rs = await api.patch(`${base}/${rsName}`, { metadata: { ownerReferences: [owner] } })
  }
  if (!rs) {
    const labels = { ...(d.spec.template.metadata?.labels ?? {}), 'pod-template-hash': hash }
    rs = await api.create<{ metadata: Meta }>(base, {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: rsName,
        namespace,
        labels,
        annotations: { 'deployment.kubernetes.io/revision': d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '1' },
        ownerReferences: [owner]
      },
      spec: {
        replicas,
        selector: { matchLabels: { ...(d.spec.selector.matchLabels ?? {}), 'pod-template-hash': hash } },
        template: { ...d.spec.template, metadata: { ...(d.spec.template.metadata ?? {}), labels } }
      }
    })
  }
  await api.patch(`${base}/${rsName}/status`, {
    status: { replicas, fullyLabeledReplicas: replicas, readyReplicas: replicas, availableReplicas: replicas, observedGeneration: rs.metadata.generation ?? 1 }
  })
  return rsName
}

async function markReady(api: KubeApi, d: Deployment, withReplicaSet: boolean): Promise<MarkedReady> {
  const replicaSet = withReplicaSet ? await ensureReplicaSet(api, d) : ''

  const replicas = d.spec.replicas ?? 1
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z')
  const condition = (type: string, reason: string, message: string) => ({ type, status: 'True', reason, message, lastUpdateTime: now, lastTransitionTime: now })
  await api.patch(`/apis/apps/v1/namespaces/${d.metadata.namespace}/deployments/${d.metadata.name}/status`, {
    status: {
      observedGeneration: d.metadata.generation,
      replicas,
      updatedReplicas: replicas,
      readyReplicas: replicas,
      availableReplicas: replicas,
      unavailableReplicas: null,
      conditions: [
        condition('Available', 'MinimumReplicasAvailable', 'Deployment has minimum availability (marked by the e2e harness).'),
        condition('Progressing', 'NewReplicaSetAvailable', `ReplicaSet "${replicaSet}" has successfully progressed (marked by the e2e harness).`)
      ]
    }
  })
  return { namespace: d.metadata.namespace, name: d.metadata.name, generation: d.metadata.generation ?? 1, replicas, replicaSet }
}

/** Starts marking Deployments ready; stop() ends the watch. */
export async function markDeploymentsReady(access: KubeApiAccess, opts: MarkDeploymentsReadyOptions = {}): Promise<DeploymentReadyMarker> {
  const api = kubeApi(access)
  const marked: MarkedReady[] = []
  const errors: string[] = []
  const wanted = (ns: string) => !opts.namespaces || opts.namespaces.includes(ns)
  // One chain per Deployment: events for the same object are handled in order, never concurrently.
  const chains = new Map<string, Promise<void>>()
  let stopped = false
  let current: { done: Promise<void>; abort(): void } | undefined

  const handle = (d: Deployment): void => {
    if (stopped || !wanted(d.metadata.namespace) || d.metadata.deletionTimestamp || isMarked(d)) return
    const key = `${d.metadata.namespace}/${d.metadata.name}`
    const next = (chains.get(key) ?? Promise.resolve()).then(async () => {
      // Re-read: a newer generation may have arrived while an earlier one was being marked.
      const fresh = await api.get<Deployment>(`/apis/apps/v1/namespaces/${d.metadata.namespace}/deployments/${d.metadata.name}`)
      if (!fresh || fresh.metadata.deletionTimestamp || isMarked(fresh)) return
      marked.push(await markReady(api, fresh, opts.replicaSets ?? true))
    }).catch((e: unknown) => {
      // A conflict or a Deployment deleted meanwhile is retried by the next event; anything else is kept.
      const msg = (e as Error).message
      if (!/HTTP (404|409)/.test(msg)) errors.push(`${key}: ${msg}`)
    })
    chains.set(key, next)
  }

  const loop = async (): Promise<void> => {
    let delay = 50
    while (!stopped) {
      try {
        const list = await api.get<{ metadata: { resourceVersion: string }; items: Deployment[] }>('/apis/apps/v1/deployments')
        for (const d of list?.items ?? []) handle(d)
        if (stopped) return
        current = api.watch('/apis/apps/v1/deployments', list?.metadata.resourceVersion ?? '0', (e: WatchEvent) => {
          if (e.type === 'ADDED' || e.type === 'MODIFIED') handle(e.object as unknown as Deployment)
        })
        await current.done
        delay = 50
      } catch (e) {
        if (stopped) return
        errors.push(`watch: ${(e as Error).message}`)
        await new Promise((r) => setTimeout(r, delay))
        delay = Math.min(delay * 2, 2000)
      }
    }
  }
  const running = loop()

  return {
    marked,
    errors,
    stop: async () => {
      stopped = true
      current?.abort()
      await running
      await Promise.all(chains.values())
    }
  }
}
