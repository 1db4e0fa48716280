// helm's archive names and tool-cache keys per platform (src/core/helm/platform.ts).
import { describe, it, expect } from '@jest/globals'
import { helmArchiveName, helmPlatform } from '../../../../src/core/helm/platform.js'

describe('platform mapping', () => {
  it.each([
    ['linux', 'x64', 'helm-v3.18.0-linux-amd64.tar.gz', 'x64'],
    ['linux', 'arm64', 'helm-v3.18.0-linux-arm64.tar.gz', 'arm64'],
    ['darwin', 'arm64', 'helm-v3.18.0-darwin-arm64.tar.gz', 'arm64'],
    ['darwin', 'x64', 'helm-v3.18.0-darwin-amd64.tar.gz', 'x64']
  ])('%s/%s → %s', (os, arch, name, cacheArch) => {
    const p = helmPlatform(os, arch)
    expect(helmArchiveName('3.18.0', p)).toBe(name)
    expect(p.cacheArch).toBe(cacheArch)
  })
  it('has no download for other platforms', () => {
    expect(() => helmPlatform('win32', 'x64')).toThrow(/platform win32/)
    expect(() => helmPlatform('linux', 'ia32')).toThrow(/architecture ia32/)
  })
})
