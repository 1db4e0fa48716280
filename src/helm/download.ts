// Fetches a helm release from the official download location with @actions/tool-cache, verifies it against the
// published SHA-256 BEFORE extracting (a mismatch is an error and nothing from the archive is run), and puts it
// in the runner's tool cache so later steps and jobs on the same runner reuse it.
import { createHash, randomUUID } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync } from 'node:fs'
import { chmod, mkdir, readFile, rm } from 'node:fs/promises'
import * as http from 'node:http'
import * as https from 'node:https'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { pipeline } from 'node:stream/promises'
import { HttpClient } from '@actions/http-client'
import * as tc from '@actions/tool-cache'
import { info } from '../runner/log.js'
import { abortError, retryLoop } from '../runner/wait.js'
import { helmArchiveName, type HelmPlatform } from '../core/helm/platform.js'
import { ProvisionError, errorMessage } from '../core/errors.js'

/** Overrides the download base URL (a mirror, or the tests' local server). */
export const HELM_MIRROR_ENV = 'KARPENTER_PROVISION_HELM_MIRROR'
export const OFFICIAL_HELM_BASE = 'https://get.helm.sh'

export function helmBaseUrl(explicit?: string): string {
  return (explicit ?? process.env[HELM_MIRROR_ENV] ?? OFFICIAL_HELM_BASE).replace(/\/+$/, '')
}

export class HelmChecksumError extends ProvisionError {
  override readonly name: string = 'HelmChecksumError'
  constructor(
    readonly url: string,
    readonly expected: string,
    readonly actual: string
  ) {
    super(
      `helm archive ${url} does not match its published SHA-256 (expected ${expected}, got ${actual}); ` +
        'refusing to use it. Retry, or set helm-version to a helm on PATH.'
    )
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
  /** stops the download (the request in flight and the waits between tries) */
  signal?: AbortSignal
}

const DOWNLOAD_ATTEMPTS = 3
const MAX_REDIRECTS = 5
/** a download that sends nothing for this long is dropped (and tried again) */
const STALL_MS = 60_000

class DownloadStatusError extends ProvisionError {
  override readonly name: string = 'DownloadStatusError'
  constructor(
    url: string,
    readonly status: number
  ) {
    super(`GET ${url} answered ${status} ${http.STATUS_CODES[status] ?? ''}`.trim())
  }
}

/**
 * GET `url` into `dest`, following redirects (never from https to http), through the runner's proxy settings
 * (the agent @actions/http-client picks for the URL, as @actions/tool-cache would use). Network errors, 5xx, 408
 * and 429 are tried again; `signal` ends the request in flight and any wait at once.
 */
async function downloadFile(url: string, dest: string, signal?: AbortSignal): Promise<string> {
  await mkdir(dirname(dest), { recursive: true })
  const client = new HttpClient('karpenter-provision', [], { allowRetries: false })
  return retryLoop(
    async () => {
      if (signal?.aborted) throw abortError(signal)
      try {
        await downloadOnce(client, url, dest, signal, 0)
        return dest
      } catch (e) {
        await rm(dest, { force: true })
        if (signal?.aborted) throw abortError(signal)
        throw e
      }
    },
    {
      attempts: DOWNLOAD_ATTEMPTS,
      backoff: { baseMs: 4_000, maxMs: 16_000, jitter: 'half' },
      retryable: e => !(e instanceof DownloadStatusError) || e.status >= 500 || e.status === 408 || e.status === 429,
      signal,
      onRetry: e => info(`download of ${url} failed (${errorMessage(e)}); trying again`)
    }
  )
}

function downloadOnce(client: HttpClient, url: string, dest: string, signal: AbortSignal | undefined, redirects: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const target = new URL(url)
    const transport = target.protocol === 'https:' ? https : http
    const req = transport.get(target, { agent: client.getAgent(url), signal, headers: { 'user-agent': 'karpenter-provision' } }, res => {
      const status = res.statusCode ?? 0
      const location = res.headers.location
      if (status >= 300 && status < 400 && location) {
        res.resume()
        const next = new URL(location, target)
        if (target.protocol === 'https:' && next.protocol !== 'https:') {
          reject(new Error(`GET ${url} redirects to ${next.href}, which is not https`))
        } else if (redirects >= MAX_REDIRECTS) {
          reject(new Error(`GET ${url}: more than ${MAX_REDIRECTS} redirects`))
        } else {
          downloadOnce(client, next.href, dest, signal, redirects + 1).then(resolve, reject)
        }
        return
      }
      if (status !== 200) {
        res.resume()
        reject(new DownloadStatusError(url, status))
        return
      }
      pipeline(res, createWriteStream(dest), signal ? { signal } : {}).then(resolve, reject)
    })
    req.setTimeout(STALL_MS, () => req.destroy(new Error(`GET ${url}: nothing received for ${STALL_MS / 1000} s`)))
    req.on('error', reject)
  })
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
    const sumFile = await downloadFile(`${archiveUrl}.sha256sum`, join(work, 'archive.sha256sum'), opts.signal)
    const expected = parseSha256Sum(await readFile(sumFile, 'utf8'))
    const archive = await downloadFile(archiveUrl, join(work, 'archive.tar.gz'), opts.signal)
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
