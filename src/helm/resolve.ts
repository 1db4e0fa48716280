// Which helm to run (input `helm-version`; docs/design.md, "Helm"):
//   auto      helm on PATH when it is v3.8.0 or newer (OCI charts need 3.8), else the pinned release below;
//   <version> that version: the PATH helm when it is exactly that, else the tool cache, else a verified download.
// It returns a promise on purpose: apply starts it while the CloudFormation stacks deploy and awaits it after.
import * as io from '@actions/io'
import * as tc from '@actions/tool-cache'
import { info } from '../runner/log.js'
import { compareVersions, formatVersion, parseVersion, v, type SemVer } from '../core/karpenter/version.js'
import { downloadHelm } from './download.js'
import { helmPlatform } from '../core/helm/platform.js'
import { runHelm } from './run.js'

/**
 * The helm release fetched when PATH has none that fits. v3.22.0 is the newest helm v3 tag on the Go module
 * proxy for helm.sh/helm/v3 as of 2026-11 (published 2026-09-09). v3 rather than v4: every flag this tool
 * passes behaves the same on v3.13+ and v4, and v3 is what upstream Karpenter's docs are written against.
 */
export const PINNED_HELM_VERSION = '3.22.0'

/** OCI chart support (`oci://`) became generally available in helm 3.8.0 (Karpenter troubleshooting docs). */
export const MIN_OCI_HELM: SemVer = v(3, 8, 0)

export type HelmSource = 'path' | 'tool-cache' | 'download'

export interface ResolvedHelm {
  /** the helm executable */
  path: string
  /** as helm prints it: 'v3.18.0' */
  version: string
  source: HelmSource
}

export interface ResolveHelmOptions {
  /** downloads and extraction happen here (RUNNER_TEMP in the action) */
  tempDir?: string
  /** download base URL; defaults to $KARPENTER_PROVISION_HELM_MIRROR, then https://get.helm.sh */
  mirror?: string
  /** stops a download in flight (the run failed, ended or was cancelled) */
  signal?: AbortSignal
  /** for tests: Node's platform / arch names */
  platform?: string
  arch?: string
}

/** `helm version --template '{{.Version}}'` of one binary, or undefined when it does not run or answer. */
export async function helmVersionOf(helm: string): Promise<SemVer | undefined> {
  try {
    const r = await runHelm(helm, ['version', '--template', '{{.Version}}'], { allowFailure: true })
    return r.exitCode === 0 ? parseVersion(r.stdout.trim()) : undefined
  } catch {
    return undefined // a helm that cannot be started has no usable version: the caller looks elsewhere
  }
}

/** 'auto' stays 'auto'; '3.18.0' / 'v3.18.0' become a SemVer; anything else is a clear input error. */
export function parseHelmVersionInput(input: string): 'auto' | SemVer {
  const s = input.trim()
  if (s === '' || s.toLowerCase() === 'auto') return 'auto'
  const ver = parseVersion(s)
  if (!ver) throw new Error(`helm-version must be 'auto' or a helm release like 3.18.0, not ${JSON.stringify(input)}`)
  if (compareVersions(ver, MIN_OCI_HELM) < 0) {
    throw new Error(`helm-version ${s} cannot pull OCI charts; use 3.8.0 or newer`)
  }
  return ver
}

export async function resolveHelm(versionInput: 'auto' | string, opts: ResolveHelmOptions = {}): Promise<ResolvedHelm> {
  const wanted = parseHelmVersionInput(versionInput)
  const onPath = await io.which('helm', false)
  const pathVersion = onPath ? await helmVersionOf(onPath) : undefined

  if (onPath && pathVersion) {
    const shown = `v${formatVersion(pathVersion)}`
    if (wanted === 'auto' && compareVersions(pathVersion, MIN_OCI_HELM) >= 0) {
      info(`using helm ${shown} from PATH (${onPath})`)
      return { path: onPath, version: shown, source: 'path' }
    }
    if (wanted !== 'auto' && compareVersions(pathVersion, wanted) === 0) {
      info(`using helm ${shown} from PATH (${onPath}), as helm-version asks`)
      return { path: onPath, version: shown, source: 'path' }
    }
    if (wanted === 'auto') info(`helm ${shown} on PATH is older than v3.8.0 (no OCI charts); fetching a newer one`)
  }

  const version = wanted === 'auto' ? PINNED_HELM_VERSION : formatVersion(wanted)
  const platform = helmPlatform(opts.platform ?? process.platform, opts.arch ?? process.arch)
  if (process.env['RUNNER_TOOL_CACHE']) {
    const cached = tc.find('helm', version, platform.cacheArch)
    if (cached) {
      const path = `${cached}/helm`
      info(`using helm v${version} from the tool cache (${path})`)
      return { path, version: `v${version}`, source: 'tool-cache' }
    }
  }
  const path = await downloadHelm(version, { platform, tempDir: opts.tempDir, baseUrl: opts.mirror, signal: opts.signal })
  // Verified archive, so running it is safe; a binary that does not report the version asked for is not used.
  const got = await helmVersionOf(path)
  if (!got || formatVersion(got) !== version) {
    throw new Error(`downloaded helm at ${path} reports ${got ? formatVersion(got) : 'no version'}, expected ${version}`)
  }
  return { path, version: `v${version}`, source: 'download' }
}

/**
 * Starts resolveHelm now and hands back its promise, for apply to await after the stacks: a failure is kept for
 * the await (not reported as an unhandled rejection if the run fails elsewhere first and never awaits it). The
 * caller aborts `opts.signal` when the run ends, so a refused run does not wait for a download nobody needs.
 */
export function prefetchHelm(versionInput: 'auto' | string, opts: ResolveHelmOptions = {}): Promise<ResolvedHelm> {
  const pending = resolveHelm(versionInput, opts)
  pending.catch(() => undefined) // not unhandled while nobody awaits it yet; whoever awaits `pending` gets the error
  return pending
}
