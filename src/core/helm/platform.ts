// Which helm build fits this machine: helm's release archives are named helm-v<ver>-<os>-<arch>.tar.gz with Go's
// names (linux/darwin, amd64/arm64), while Node and the tool cache use their own (x64/arm64).

export interface HelmPlatform {
  /** helm's archive name parts */
  os: 'linux' | 'darwin'
  arch: 'amd64' | 'arm64'
  /** the tool-cache arch key (Node's naming), so cached copies of different arches never mix */
  cacheArch: 'x64' | 'arm64'
}

/** `platform`, `arch`: Node's names (process.platform, process.arch), passed by the caller. */
export function helmPlatform(platform: string, arch: string): HelmPlatform {
  const os = platform === 'linux' ? 'linux' : platform === 'darwin' ? 'darwin' : undefined
  if (!os) throw new Error(`no helm download for platform ${platform}: put helm v3.8+ on PATH (helm-version: auto)`)
  if (arch === 'x64') return { os, arch: 'amd64', cacheArch: 'x64' }
  if (arch === 'arm64') return { os, arch: 'arm64', cacheArch: 'arm64' }
  throw new Error(`no helm download for architecture ${arch}: put helm v3.8+ on PATH (helm-version: auto)`)
}

/** helm-v3.18.0-linux-amd64.tar.gz */
export function helmArchiveName(version: string, p: HelmPlatform): string {
  return `helm-v${version}-${p.os}-${p.arch}.tar.gz`
}
