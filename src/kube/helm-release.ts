// The one reader of the installed Helm releases (docs/design.md, "Helm"): their release records, read straight
// from Helm's storage (Secrets of type helm.sh/release.v1, Helm's default driver) through the Kubernetes API.
// It needs no helm binary, so apply reads the releases, and refuses a bad upgrade, before any change and while
// helm may still be downloading; plan, drift and delete read them the same way.
import { gunzipSync } from 'node:zlib'
import type { KubeClient, KubeObject } from './client.js'
import type { InstalledRelease } from '../core/helm/release.js'
import type { ReleaseFacts } from '../core/facts.js'
import { latestRelease, type StoredRelease } from '../core/helm/release.js'

interface ReleaseSecret extends KubeObject {
  type?: string
  data?: { release?: string }
}

/** Helm stores base64(gzip(JSON)); the Secret's data adds the API's own base64 on top. */
export function decodeStoredRelease(data: string): StoredRelease {
  const helmEncoded = Buffer.from(data, 'base64').toString('utf8')
  const raw = Buffer.from(helmEncoded, 'base64')
  const json = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw).toString('utf8') : raw.toString('utf8')
  return JSON.parse(json) as StoredRelease
}

/** Every stored revision of the named releases in `namespace` (one List call). */
async function storedReleases(kube: KubeClient, namespace: string, names: readonly string[]): Promise<StoredRelease[]> {
  const selector = `owner=helm,name in (${names.join(',')})`
  const secrets = await kube.list<ReleaseSecret>(`/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets`, { labelSelector: selector })
  return secrets.filter(s => s.type === 'helm.sh/release.v1' && s.data?.release).map(s => decodeStoredRelease(s.data!.release!))
}

/** One release as `helm list` shows it (its latest revision), or undefined when it is not installed. */
export async function readRelease(kube: KubeClient, release: string, namespace: string): Promise<InstalledRelease | undefined> {
  return latestRelease(await storedReleases(kube, namespace, [release]), release)
}

/** The controller release and (when the chart version has one) karpenter-crd, in one read. */
export async function readReleaseFacts(kube: KubeClient, spec: { release: string; namespace: string; crdRelease?: string }): Promise<ReleaseFacts> {
  const names = spec.crdRelease ? [spec.release, spec.crdRelease] : [spec.release]
  const stored = await storedReleases(kube, spec.namespace, names)
  const facts: ReleaseFacts = {}
  const main = latestRelease(stored, spec.release)
  if (main) facts.main = main
  const crd = spec.crdRelease ? latestRelease(stored, spec.crdRelease) : undefined
  if (crd) facts.crd = crd
  return facts
}
