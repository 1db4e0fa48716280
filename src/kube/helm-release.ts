// Reads a Helm release straight from its storage (Secrets of type helm.sh/release.v1, Helm's default
// driver) through the Kubernetes API. apply uses it to refuse a bad upgrade before any change, at a
// moment when the helm binary may still be downloading.
import { gunzipSync } from 'node:zlib'
import type { KubeClient, KubeObject } from './client.js'
import type { InstalledRelease } from '../helm/release.js'

interface ReleaseSecret extends KubeObject {
  type?: string
  data?: { release?: string }
}

interface StoredRelease {
  name: string
  namespace: string
  version: number
  info?: { status?: string }
  chart?: { metadata?: { name?: string; version?: string; appVersion?: string } }
  config?: Record<string, unknown>
}

/** Helm stores base64(gzip(JSON)); the Secret's data adds the API's own base64 on top. */
export function decodeStoredRelease(data: string): StoredRelease {
  const helmEncoded = Buffer.from(data, 'base64').toString('utf8')
  const raw = Buffer.from(helmEncoded, 'base64')
  const json = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : raw.toString('utf8')
  return JSON.parse(json) as StoredRelease
}

/** The newest deployed revision of `release` in `namespace`, or undefined when there is none. */
export async function readReleaseFromCluster(kube: KubeClient, release: string, namespace: string): Promise<InstalledRelease | undefined> {
  const secrets = await kube.list<ReleaseSecret>(`/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets`, { labelSelector: `owner=helm,name=${release}` })
  const stored = secrets
    .filter(s => s.type === 'helm.sh/release.v1' && s.data?.release)
    .map(s => decodeStoredRelease(s.data!.release!))
    .sort((a, b) => b.version - a.version)
  const current = stored.find(r => r.info?.status === 'deployed') ?? stored[0]
  if (!current) return undefined
  return {
    name: current.name,
    namespace: current.namespace,
    version: current.chart?.metadata?.version ?? '',
    chart: current.chart?.metadata?.name ?? '',
    appVersion: current.chart?.metadata?.appVersion,
    revision: String(current.version),
    status: current.info?.status ?? 'unknown',
    values: current.config ?? {}
  }
}
