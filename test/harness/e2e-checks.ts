// What the e2e tests read back from the servers, each read written out here rather than borrowed from the
// product, so that the tests judge the product's effects independently: Helm's release records (Secrets of
// type helm.sh/release.v1), aws-auth entries, CRD conditions, the files left under RUNNER_TEMP.
import { execFile } from 'node:child_process'
import { watch, type FSWatcher } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { parse } from 'yaml'
import type { KubeApi } from './e2e-kube-api.js'

export interface HelmRecord {
  revision: number
  status: string
  chart: string
  chartVersion: string
  /** the user-supplied values of that revision */
  config: Record<string, unknown>
}

interface ReleaseSecret {
  metadata: { name: string; labels?: Record<string, string> }
  type?: string
  data?: { release?: string }
}

/** Every revision Helm recorded for `release` in `namespace`, oldest first. */
export async function helmRecords(api: KubeApi, namespace: string, release: string): Promise<HelmRecord[]> {
  const secrets = await api.list<ReleaseSecret>(`/api/v1/namespaces/${namespace}/secrets`, `owner=helm,name=${release}`)
  return secrets
    .filter((s) => s.type === 'helm.sh/release.v1' && s.data?.release)
    .map((s) => {
      // The API's base64 around Helm's base64 around gzip(JSON).
      const gz = Buffer.from(Buffer.from(s.data!.release!, 'base64').toString('utf8'), 'base64')
      const r = JSON.parse(gunzipSync(gz).toString('utf8')) as {
        version: number
        info: { status: string }
        chart: { metadata: { name: string; version: string } }
        config?: Record<string, unknown>
      }
      return { revision: r.version, status: r.info.status, chart: r.chart.metadata.name, chartVersion: r.chart.metadata.version, config: r.config ?? {} }
    })
    .sort((a, b) => a.revision - b.revision)
}

export interface AwsAuthRole {
  rolearn: string
  username?: string
  groups?: string[]
}

/** kube-system/aws-auth as parsed lists (undefined when the ConfigMap is absent). */
export async function readAwsAuth(api: KubeApi): Promise<{ mapRoles: AwsAuthRole[]; mapUsers: unknown[]; raw: Record<string, string> } | undefined> {
  const cm = await api.get<{ data?: Record<string, string> }>('/api/v1/namespaces/kube-system/configmaps/aws-auth')
  if (!cm) return undefined
  const data = cm.data ?? {}
  const list = (text?: string): unknown[] => {
    const v: unknown = text ? parse(text) : []
    return Array.isArray(v) ? v : []
  }
  return { mapRoles: list(data.mapRoles) as AwsAuthRole[], mapUsers: list(data.mapUsers), raw: data }
}

export interface CrdState {
  name: string
  established: boolean
  labels: Record<string, string>
  annotations: Record<string, string>
}

export async function readCrd(api: KubeApi, name: string): Promise<CrdState | undefined> {
  const crd = await api.get<{
    metadata: { labels?: Record<string, string>; annotations?: Record<string, string> }
    status?: { conditions?: Array<{ type: string; status: string }> }
  }>(`/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${name}`)
  if (!crd) return undefined
  return {
    name,
    established: crd.status?.conditions?.some((c) => c.type === 'Established' && c.status === 'True') ?? false,
    labels: crd.metadata.labels ?? {},
    annotations: crd.metadata.annotations ?? {}
  }
}

/**
 * Records every name created directly in `dir` while it runs (fs.watch; not recursive, which on Linux throws
 * when a watched subfolder vanishes mid-scan), so a test can tell that something existed during the action's
 * run and is gone afterwards.
 */
export function recordFiles(dir: string): { seen: Set<string>; stop(): void } {
  const seen = new Set<string>()
  const watcher: FSWatcher = watch(dir, (_event, name) => {
    if (name) seen.add(String(name))
  })
  watcher.on('error', () => undefined)
  return { seen, stop: () => watcher.close() }
}

/** Every file (not folder) under `dir`, relative paths. */
export async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true })
  return entries.filter((e) => e.isFile()).map((e) => relative(dir, join(e.parentPath, e.name)))
}

export interface Exec {
  code: number
  stdout: string
  stderr: string
}

/** Runs a binary with an argv array (no shell). */
export function execArgv(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs = 120_000): Promise<Exec> {
  return new Promise((resolve) => {
    execFile(cmd, args, { env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : 1) : 0
      resolve({ code, stdout, stderr })
    })
  })
}
