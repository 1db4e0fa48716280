// The controller's ServiceAccount when `createServiceAccount: false` (eksctl's meaning; docs/design.md, "Helm"): this tool
// makes it, with the IRSA role annotation, and the chart is told serviceAccount.create=false.
import type { KubeClient, KubeObject } from './client.js'
import { isAlreadyExists } from './errors.js'

export const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn'
export const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by'
export const MANAGED_BY_VALUE = 'karpenter-provision'
const HELM_RELEASE_ANNOTATION = 'meta.helm.sh/release-name'
/** Helm leaves a resource with this annotation in place when a release stops rendering it. */
const HELM_KEEP_ANNOTATION = 'helm.sh/resource-policy'

export interface ServiceAccountSpec {
  namespace: string
  name: string
  /** IRSA role; absent (Pod Identity) removes the annotation */
  roleArn?: string
}

export interface ServiceAccountResult {
  action: 'created' | 'updated' | 'unchanged'
  namespaceCreated: boolean
}

export async function ensureNamespace(kube: KubeClient, namespace: string): Promise<boolean> {
  if (await kube.getOptional(`/api/v1/namespaces/${encodeURIComponent(namespace)}`)) return false
  try {
    await kube.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } })
    return true
  } catch (e) {
    if (isAlreadyExists(e)) return false // made by someone else in between
    throw e
  }
}

export async function ensureServiceAccount(kube: KubeClient, spec: ServiceAccountSpec): Promise<ServiceAccountResult> {
  const namespaceCreated = await ensureNamespace(kube, spec.namespace)
  const collection = `/api/v1/namespaces/${encodeURIComponent(spec.namespace)}/serviceaccounts`
  const objectPath = `${collection}/${encodeURIComponent(spec.name)}`

  let current = await kube.getOptional(objectPath)
  if (!current) {
    const annotations: Record<string, string> = {}
    if (spec.roleArn) annotations[ROLE_ARN_ANNOTATION] = spec.roleArn
    try {
      await kube.create(collection, {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: { name: spec.name, namespace: spec.namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE }, annotations }
      })
      return { action: 'created', namespaceCreated }
    } catch (e) {
      if (!isAlreadyExists(e)) throw e
      // made in between: fall through to an update of what is there now
    }
  }
  const target: KubeObject = current ?? (await kube.get<KubeObject>(objectPath))
  const patch = metadataPatch(target, spec)
  if (!patch) return { action: 'unchanged', namespaceCreated }
  await kube.patch(objectPath, { metadata: patch }, 'merge')
  return { action: 'updated', namespaceCreated }
}

/** The merge patch that brings the SA's metadata in line, or undefined when it already is. */
function metadataPatch(current: KubeObject, spec: ServiceAccountSpec): { labels?: Record<string, string>; annotations?: Record<string, string | null> } | undefined {
  const labels = current.metadata?.labels ?? {}
  const annotations = current.metadata?.annotations ?? {}
  const patch: { labels?: Record<string, string>; annotations?: Record<string, string | null> } = {}
  const annotationPatch: Record<string, string | null> = {}

  if (spec.roleArn && annotations[ROLE_ARN_ANNOTATION] !== spec.roleArn) annotationPatch[ROLE_ARN_ANNOTATION] = spec.roleArn
  if (!spec.roleArn && annotations[ROLE_ARN_ANNOTATION] !== undefined) annotationPatch[ROLE_ARN_ANNOTATION] = null
  // A SA the chart made earlier (createServiceAccount was true) would be deleted by the next helm
  // upgrade that stops rendering it; tell Helm to keep it, since we now own it.
  if (annotations[HELM_RELEASE_ANNOTATION] !== undefined && annotations[HELM_KEEP_ANNOTATION] !== 'keep') {
    annotationPatch[HELM_KEEP_ANNOTATION] = 'keep'
  }
  if (labels[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE) patch.labels = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE }
  if (Object.keys(annotationPatch).length > 0) patch.annotations = annotationPatch
  return patch.labels || patch.annotations ? patch : undefined
}
