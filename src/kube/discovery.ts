// Maps (apiVersion, kind) to the resource's plural name and scope the way kubectl does: from the API
// server's own resource lists (`/api/v1`, `/apis/<group>/<version>`). This is what lets the tool apply any
// kind (NodePool, EC2NodeClass, CRDs) without a hard-coded table of plurals.

export interface ApiResource {
  /** plural resource name used in paths: `nodepools` */
  name: string
  kind: string
  namespaced: boolean
}

interface ApiResourceList {
  groupVersion?: string
  resources?: Array<{ name?: string; kind?: string; namespaced?: boolean }>
}

interface ApiGroup {
  versions?: Array<{ groupVersion?: string; version?: string }>
  preferredVersion?: { version?: string }
}

/** `v1` → `/api/v1`; `karpenter.sh/v1` → `/apis/karpenter.sh/v1` */
export function groupVersionPath(apiVersion: string): string {
  return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`
}

/** Reads a discovery document; undefined when the server does not serve it (404). */
export type DiscoveryGet = (path: string) => Promise<unknown>

export class Discovery {
  // Only answers that found something are cached: a group missing now may be installed by the chart
  // a minute later (manifests are applied after it), and asking again costs one small GET.
  private readonly lists = new Map<string, ApiResource[]>()

  constructor(private readonly get: DiscoveryGet) {}

  /** The resources served under one apiVersion; undefined when that group/version is not served. */
  async resources(apiVersion: string): Promise<ApiResource[] | undefined> {
    const cached = this.lists.get(apiVersion)
    if (cached) return cached
    const list = (await this.get(groupVersionPath(apiVersion))) as ApiResourceList | undefined
    if (!list) return undefined
    const resources: ApiResource[] = []
    for (const r of list.resources ?? []) {
      // `pods/log`, `nodepools/status`: subresources are not kinds of their own
      if (!r.name || !r.kind || r.name.includes('/')) continue
      resources.push({ name: r.name, kind: r.kind, namespaced: r.namespaced === true })
    }
    this.lists.set(apiVersion, resources)
    return resources
  }

  async resource(apiVersion: string, kind: string): Promise<ApiResource | undefined> {
    return (await this.resources(apiVersion))?.find((r) => r.kind === kind)
  }

  /** Versions served for an API group (`karpenter.sh`), preferred first; empty when the group is absent. */
  async groupVersions(group: string): Promise<string[]> {
    const doc = (await this.get(`/apis/${group}`)) as ApiGroup | undefined
    if (!doc) return []
    const versions = (doc.versions ?? []).map((v) => v.version).filter((v): v is string => typeof v === 'string')
    const preferred = doc.preferredVersion?.version
    return preferred && versions.includes(preferred) ? [preferred, ...versions.filter((v) => v !== preferred)] : versions
  }

  forget(): void {
    this.lists.clear()
  }
}

/** Path of a collection (no name) or an object, from discovery facts. */
export function pathFor(apiVersion: string, resource: ApiResource, namespace?: string, name?: string): string {
  let path = groupVersionPath(apiVersion)
  if (resource.namespaced && namespace) path += `/namespaces/${encodeURIComponent(namespace)}`
  path += `/${resource.name}`
  if (name !== undefined) path += `/${encodeURIComponent(name)}`
  return path
}
