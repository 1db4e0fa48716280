// Fetches a helm release from the official download location with @actions/tool-cache, verifies it against the
// published SHA-256 BEFORE extracting (a mismatch is an error and nothing from the archive is run), and puts it
// in the runner's tool cache so later steps and jobs on the same runner reuse it.
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, existsSync } from 'node:fs'
import { chmod, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as tc from '@actions/tool-cache'
import { info } from '../runner/log.js'
import { helmArchiveName, type HelmPlatform } from './platform.js'

/** Overrides the download base URL (a mirror, or the tests' local server). */
export const HELM_MIRROR_ENV = 'KARPENTER_PROVISION_HELM_MIRROR'
export const OFFICIAL_HELM_BASE = 'https://get.helm.sh'

export function helmBaseUrl(explicit?: string): string {
  return (explicit ?? process.env[HELM_MIRROR_ENV] ?? OFFICIAL_HELM_BASE).replace(/\/+$/, '')
}

export class HelmChecksumError extends Error {
  constructor(
    readonly url: string,
    readonly expected: string,
    readonly actual: string
  ) {
    super(
      `helm archive ${url} does not match its published SHA-256 (expected ${expected}, got ${actual}); ` +
        'refusing to use it. Retry, or set helm-version to a helm on PATH.'
    )
    this.name = 'HelmChecksumError'
  }
}

/** The digest in a `.sha256sum` file ("<64 hex>  <file name>") or a bare `.sha256` file. */
export function parseSha256Sum(text: string): string {
  const first = text.trim().split(/\s+/)[0] ?? ''
  if (!/^[0-9a-f]{64}$/i.test(first)) {
    throw new Error(`not a SHA-256 checksum file (starts with ${JSON.stringify(text.slice(0, 40))})`)
  }
  return first.toLowerCase()
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256')
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer)
  return hash.digest('hex')
}

export interface DownloadHelmOptions {
  platform: HelmPlatform
  /** where downloads and extraction happen (RUNNER_TEMP in the action); the OS temp dir otherwise */
  tempDir?: string
  /** base URL; defaults to $KARPENTER_PROVISION_HELM_MIRROR, then https://get.helm.sh */
  baseUrl?: string
}

/**
 * Downloads, verifies and caches helm `version` (no 'v': '3.18.0'); returns the path of the helm executable.
 */
export async function downloadHelm(version: string, opts: DownloadHelmOptions): Promise<string> {
  const p = opts.platform
  const archiveUrl = `${helmBaseUrl(opts.baseUrl)}/${helmArchiveName(version, p)}`
  const work = join(opts.tempDir ?? process.env['RUNNER_TEMP'] ?? tmpdir(), `helm-download-${randomUUID()}`)
  try {
    info(`downloading helm v${version} (${p.os}/${p.arch}) from ${archiveUrl}`)
    const sumFile = await tc.downloadTool(`${archiveUrl}.sha256sum`, join(work, 'archive.sha256sum'))
    const expected = parseSha256Sum(await readFile(sumFile, 'utf8'))
    const archive = await tc.downloadTool(archiveUrl, join(work, 'archive.tar.gz'))
    const actual = await sha256File(archive)
    if (actual !== expected) throw new HelmChecksumError(archiveUrl, expected, actual)

    // Without RUNNER_TOOL_CACHE (the command line outside Actions) there is nowhere to cache: the verified copy
    // is extracted into tempDir, this run's scratch space, and used from there.
    const caching = Boolean(process.env['RUNNER_TOOL_CACHE'])
    const dest = caching ? join(work, 'x') : join(opts.tempDir ?? tmpdir(), `helm-v${version}-${randomUUID()}`)
    const extracted = await tc.extractTar(archive, dest)
    const binDir = join(extracted, `${p.os}-${p.arch}`)
    if (!existsSync(join(binDir, 'helm'))) {
      throw new Error(`${archiveUrl} has no ${p.os}-${p.arch}/helm inside; is it a helm release archive?`)
    }
    await chmod(join(binDir, 'helm'), 0o755)
    if (!caching) return join(binDir, 'helm')
    const cached = await tc.cacheDir(binDir, 'helm', version, p.cacheArch)
    return join(cached, 'helm')
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}
