// The aws-auth ConfigMap mapping that lets Karpenter's nodes join a cluster without access entries
// (docs/design.md, "Node access": CONFIG_MAP mode). The ConfigMap is shared with every other node group and
// user of the cluster, so only `data.mapRoles` is ever rewritten, other entries keep their exact text
// wherever the list allows it, and the update is conditional on the resourceVersion that was read.
import { LineCounter, isScalar, isSeq, parseDocument, stringify, type Document, type YAMLSeq } from 'yaml'
import type { KubeClient, KubeObject } from './client.js'
import { isAlreadyExists, isConflict, isNotFound } from './errors.js'
import { retryLoop } from '../runner/wait.js'
import { positionOf } from '../core/config/yaml-position.js'
import { NODE_GROUPS, NODE_USERNAME, WINDOWS_NODE_GROUPS } from '../core/plan/node-access.js'

export { NODE_GROUPS, NODE_USERNAME, WINDOWS_NODE_GROUPS }

export const AWS_AUTH_PATH = '/api/v1/namespaces/kube-system/configmaps/aws-auth'
const AWS_AUTH_COLLECTION = '/api/v1/namespaces/kube-system/configmaps'
/** concurrent writers (another run, eksctl, terraform) rarely collide more than once or twice */
const MAX_ATTEMPTS = 6

export interface AwsAuthResult {
  action: 'created-configmap' | 'added' | 'updated' | 'unchanged' | 'removed' | 'absent'
  /** the role ARN as written to (or found in) aws-auth: without an IAM path */
  rolearn: string
  /** something the user should know, e.g. an existing entry for the role with other groups */
  note?: string
}

interface ConfigMap extends KubeObject {
  data?: Record<string, string>
}

/**
 * aws-auth does not understand IAM paths in role ARNs (the authenticator compares against the
 * assumed-role ARN, which has none), so eksctl and the EKS docs write `role/<name>`. Compare and write that form.
 */
export function roleArnWithoutPath(arn: string): string {
  const m = /^(arn:[^:]+:iam::\d{12}:role)\/(?:.*\/)?([^/]+)$/.exec(arn)
  return m ? `${m[1]}/${m[2]}` : arn
}

interface RoleEntryView {
  rolearn?: string
  username?: string
  groups?: unknown
}

function entriesOf(doc: Document.Parsed): RoleEntryView[] {
  const js: unknown = doc.toJS()
  return Array.isArray(js) ? (js as RoleEntryView[]) : []
}

/** Parses mapRoles; an empty or missing value is an empty list. Throws on text we must not rewrite. */
function parseMapRoles(text: string): { doc: Document.Parsed; lineCounter: LineCounter } {
  const lineCounter = new LineCounter()
  const doc = parseDocument(text, { lineCounter })
  if (doc.errors.length > 0) {
    throw new Error(`kube-system/aws-auth: data.mapRoles is not valid YAML (${doc.errors[0]?.message ?? ''}); fix it by hand before running again`)
  }
  const contents = doc.contents
  const empty = contents === null || (isScalar(contents) && (contents.value === null || contents.value === ''))
  if (!empty && !isSeq(contents)) {
    throw new Error('kube-system/aws-auth: data.mapRoles is not a YAML list; fix it by hand before running again')
  }
  return { doc, lineCounter }
}

function sameRole(a: string | undefined, b: string): boolean {
  return typeof a === 'string' && roleArnWithoutPath(a.trim()) === b
}

/** The new mapRoles text with one entry appended; existing entries keep their bytes when the list is block-style. */
export function addRoleMapping(mapRoles: string, rolearn: string, groups: readonly string[] = NODE_GROUPS): string {
  const { doc, lineCounter } = parseMapRoles(mapRoles)
  const entry = { groups: [...groups], rolearn, username: NODE_USERNAME }
  const seq = doc.contents
  if (isSeq(seq) && seq.items.length > 0 && !seq.flow) {
    // Append text at the list's own indentation, so the other entries are untouched byte for byte.
    const first = seq.items[0] as { range?: [number, number, number] }
    const firstOffset = seq.range?.[0] ?? first.range?.[0] ?? 0
    const indent = ' '.repeat(Math.max(0, positionOf(lineCounter, firstOffset).col - 1))
    const block = stringify([entry]).trimEnd().split('\n').map((l) => indent + l).join('\n')
    const candidate = `${mapRoles.replace(/\s*$/, '')}\n${block}\n`
    if (verifies(candidate, entriesOf(doc).length + 1, rolearn)) return candidate
  }
  // flow style, empty, or text we could not append to safely: re-serialise through the YAML document
  if (isSeq(seq)) {
    ;(seq as YAMLSeq).add(doc.createNode(entry))
    return doc.toString()
  }
  return stringify([entry])
}

/** The new mapRoles text without the role's entries; other entries keep their bytes when the list is block-style. */
export function removeRoleMapping(mapRoles: string, rolearn: string): string {
  const { doc, lineCounter } = parseMapRoles(mapRoles)
  const seq = doc.contents
  if (!isSeq(seq)) return mapRoles
  const entries = entriesOf(doc)
  const keep = entries.map((e) => !(e && typeof e === 'object' && sameRole(e.rolearn, rolearn)))
  if (keep.every(Boolean)) return mapRoles
  if (!seq.flow) {
    // each item owns the text from the start of its `- ` line to the start of the next item's line
    const lineStarts = seq.items.map((item) => {
      const offset = (item as { range?: [number, number, number] }).range?.[0] ?? 0
      return lineCounter.lineStarts[positionOf(lineCounter, offset).line - 1] ?? 0
    })
    let text = mapRoles.slice(0, lineStarts[0])
    for (let i = 0; i < seq.items.length; i++) {
      if (keep[i]) text += mapRoles.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1] : undefined)
    }
    const remaining = keep.filter(Boolean).length
    if (remaining === 0) return '[]\n'
    if (verifies(text, remaining, undefined)) return text
  }
  seq.items = seq.items.filter((_, i) => keep[i])
  return doc.toString()
}

/** The edited text parses to a list of the expected length (ending with our role, when given). */
function verifies(text: string, expectedLength: number, lastRole: string | undefined): boolean {
  const doc = parseDocument(text)
  if (doc.errors.length > 0 || !isSeq(doc.contents)) return false
  const entries = entriesOf(doc as Document.Parsed)
  if (entries.length !== expectedLength) return false
  return lastRole === undefined || sameRole(entries[entries.length - 1]?.rolearn, lastRole)
}

function existingEntry(mapRoles: string, rolearn: string): RoleEntryView | undefined {
  return entriesOf(parseMapRoles(mapRoles).doc).find((e) => e && typeof e === 'object' && sameRole(e.rolearn, rolearn))
}

/** The aws-auth mapping of the role (read only, for drift): undefined when the ConfigMap or the mapping is missing. */
export async function findAwsAuthMapping(kube: KubeClient, roleArn: string): Promise<{ rolearn: string; username?: string; groups: unknown[] } | undefined> {
  const cm = await kube.getOptional<ConfigMap>(AWS_AUTH_PATH)
  const found = cm ? existingEntry(cm.data?.mapRoles ?? '', roleArnWithoutPath(roleArn)) : undefined
  return found ? { rolearn: roleArnWithoutPath(roleArn), username: found.username, groups: Array.isArray(found.groups) ? found.groups : [] } : undefined
}

/**
 * A node mapping as this tool writes it (the node username, only node groups): one that predates Windows nodes
 * is rewritten with the Windows group; any other entry for the role was written on purpose and is left alone.
 */
function isNodeMapping(e: RoleEntryView): boolean {
  const groups = Array.isArray(e.groups) ? (e.groups as unknown[]) : []
  return e.username === NODE_USERNAME && groups.every(g => (WINDOWS_NODE_GROUPS as readonly unknown[]).includes(g))
}

/**
 * Adds the node role mapping (with eks:kube-proxy-windows when `windows`); creates the ConfigMap when the cluster
 * has none. Idempotent and safe against concurrent writers.
 */
export async function ensureAwsAuthMapping(kube: KubeClient, roleArn: string, signal?: AbortSignal, opts: { windows?: boolean } = {}): Promise<AwsAuthResult> {
  const rolearn = roleArnWithoutPath(roleArn)
  const wanted: readonly string[] = opts.windows ? WINDOWS_NODE_GROUPS : NODE_GROUPS
  // another writer got there first (Conflict on update, AlreadyExists on create): read again
  return retryOnConflict<AwsAuthResult>(async () => {
    const cm = await kube.getOptional<ConfigMap>(AWS_AUTH_PATH)
    if (!cm) {
      await kube.create(AWS_AUTH_COLLECTION, {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'aws-auth', namespace: 'kube-system' },
        data: { mapRoles: addRoleMapping('', rolearn, wanted) }
      })
      return { action: 'created-configmap', rolearn }
    }
    const current = cm.data?.mapRoles ?? ''
    const found = existingEntry(current, rolearn)
    if (found) {
      const groups = Array.isArray(found.groups) ? found.groups : []
      const missing = wanted.filter((g) => !groups.includes(g))
      if (missing.length === 0) return { action: 'unchanged', rolearn }
      if (isNodeMapping(found)) {
        // this tool's node mapping from before Windows nodes: the same entry, with the Windows group
        await updateMapRoles(kube, cm, addRoleMapping(removeRoleMapping(current, rolearn), rolearn, wanted))
        return { action: 'updated', rolearn, note: `groups now ${wanted.join(', ')}` }
      }
      // someone mapped this role on purpose; their entry is theirs to change
      return { action: 'unchanged', rolearn, note: `aws-auth already maps ${rolearn} but without group(s) ${missing.join(', ')}: Karpenter's nodes may not be able to join` }
    }
    await updateMapRoles(kube, cm, addRoleMapping(current, rolearn, wanted))
    return { action: 'added', rolearn }
  }, e => isConflict(e) || isAlreadyExists(e), signal)
}

/** Removes every mapping of the role (delete mode). A missing ConfigMap or mapping is not an error. */
export async function removeAwsAuthMapping(kube: KubeClient, roleArn: string, signal?: AbortSignal): Promise<AwsAuthResult> {
  const rolearn = roleArnWithoutPath(roleArn)
  return retryOnConflict<AwsAuthResult>(async () => {
    const cm = await kube.getOptional<ConfigMap>(AWS_AUTH_PATH)
    const current = cm?.data?.mapRoles
    if (!cm || current === undefined || !existingEntry(current, rolearn)) return { action: 'absent', rolearn }
    await updateMapRoles(kube, cm, removeRoleMapping(current, rolearn))
    return { action: 'removed', rolearn }
  }, e => isConflict(e) || isNotFound(e), signal)
}

/** Reads and writes again while another writer keeps getting there first (half-jittered, from 100 ms). */
function retryOnConflict<T>(write: () => Promise<T>, retryable: (e: unknown) => boolean, signal: AbortSignal | undefined): Promise<T> {
  return retryLoop(write, { attempts: MAX_ATTEMPTS, backoff: { baseMs: 100, maxMs: 2000, jitter: 'half' }, retryable, signal })
}

/** Merge patch of data.mapRoles only, conditional on the resourceVersion read (409 when someone wrote since). */
async function updateMapRoles(kube: KubeClient, cm: ConfigMap, mapRoles: string): Promise<void> {
  const resourceVersion = cm.metadata?.resourceVersion
  if (!resourceVersion) throw new Error('kube-system/aws-auth has no resourceVersion: cannot update it safely')
  await kube.patch(AWS_AUTH_PATH, { metadata: { resourceVersion }, data: { mapRoles } }, 'merge')
}
