import { describe, it, expect } from '@jest/globals'
import { helmBaseUrl, HELM_MIRROR_ENV, parseSha256Sum } from '../../../src/helm/download.js'
import { parseHelmVersionInput } from '../../../src/helm/resolve.js'

const HEX = 'a'.repeat(40) + '0123456789abcdef0123456789'.slice(0, 24)

describe('checksum files', () => {
  it('reads the digest of a .sha256sum line and of a bare .sha256', () => {
    expect(parseSha256Sum(`${HEX}  helm-v3.18.0-linux-amd64.tar.gz\n`)).toBe(HEX)
    expect(parseSha256Sum(HEX.toUpperCase())).toBe(HEX)
  })
  it('rejects anything else (an HTML error page, a short digest)', () => {
    expect(() => parseSha256Sum('<html>not found</html>')).toThrow(/not a SHA-256/)
    expect(() => parseSha256Sum('abc123  file')).toThrow(/not a SHA-256/)
  })
})

describe('mirror and version input', () => {
  it('uses the official location unless the mirror variable says otherwise', () => {
    const saved = process.env[HELM_MIRROR_ENV]
    delete process.env[HELM_MIRROR_ENV]
    expect(helmBaseUrl()).toBe('https://get.helm.sh')
    process.env[HELM_MIRROR_ENV] = 'http://127.0.0.1:9/helm/'
    expect(helmBaseUrl()).toBe('http://127.0.0.1:9/helm')
    if (saved === undefined) delete process.env[HELM_MIRROR_ENV]
    else process.env[HELM_MIRROR_ENV] = saved
  })
  it('accepts auto and x.y.z with or without v; refuses pre-OCI helm and non-versions', () => {
    expect(parseHelmVersionInput('auto')).toBe('auto')
    expect(parseHelmVersionInput('v3.17.3')).toEqual({ major: 3, minor: 17, patch: 3 })
    expect(() => parseHelmVersionInput('3.7.2')).toThrow(/3\.8\.0 or newer/)
    expect(() => parseHelmVersionInput('latest')).toThrow(/helm-version must be/)
  })
})

describe('prefetchHelm', () => {
  it('keeps a failure for whoever awaits it', async () => {
    const { prefetchHelm } = await import('../../../src/helm/resolve.js')
    const p = prefetchHelm('not-a-version')
    await new Promise((r) => setTimeout(r, 10)) // an unhandled rejection would surface here
    await expect(p).rejects.toThrow(/helm-version must be/)
  })
})
