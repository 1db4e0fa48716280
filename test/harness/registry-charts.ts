// Packages the test charts of test/fixtures/charts at a chosen version and pushes them to a local OCI
// registry with `helm push --plain-http`, the way Karpenter's charts sit at oci://public.ecr.aws/karpenter/.
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const FIXTURE_CHARTS = resolve(here, '..', 'fixtures', 'charts')

export type TestChart = 'karpenter' | 'karpenter-crd'

function helmRun(helm: string, args: string[]): string {
  return execFileSync(helm, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * `helm package` of one test chart at `version` (e.g. '1.2.1', or 'v0.34.0' for the pre-0.35 tag style).
 * karpenter-crd gets the CRDs of the controller chart's crds/ as templates/, as upstream's CRD chart has them.
 */
export function packageTestChart(helm: string, chart: TestChart, version: string, outDir: string): string {
  const work = mkdtempSync(join(tmpdir(), 'kp-chart-'))
  try {
    const src = join(work, chart)
    cpSync(join(FIXTURE_CHARTS, chart), src, { recursive: true })
    if (chart === 'karpenter-crd') {
      mkdirSync(join(src, 'templates'), { recursive: true })
      cpSync(join(FIXTURE_CHARTS, 'karpenter', 'crds'), join(src, 'templates'), { recursive: true })
    }
    mkdirSync(outDir, { recursive: true })
    const appVersion = version.replace(/^v/, '')
    helmRun(helm, ['package', src, '--version', version, '--app-version', appVersion, '--destination', outDir])
    const tgz = readdirSync(outDir).find((f) => f === `${chart}-${version}.tgz`)
    if (!tgz) throw new Error(`helm package left no ${chart}-${version}.tgz in ${outDir}`)
    return join(outDir, tgz)
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Pushes to oci://<registryHost>/karpenter/<chart>:<version>; returns that reference without the tag. */
export function pushTestChart(helm: string, tgz: string, registryHost: string): string {
  helmRun(helm, ['push', tgz, `oci://${registryHost}/karpenter`, '--plain-http'])
  const name = /([^/]+)-v?\d+\.\d+\.\d+[^/]*\.tgz$/.exec(tgz)?.[1]
  return `oci://${registryHost}/karpenter/${name}`
}

/** Packages and pushes both test charts at every version given. */
export function publishTestCharts(helm: string, registryHost: string, versions: string[]): void {
  const out = mkdtempSync(join(tmpdir(), 'kp-charts-out-'))
  try {
    for (const version of versions) {
      for (const chart of ['karpenter', 'karpenter-crd'] as const) {
        pushTestChart(helm, packageTestChart(helm, chart, version, out), registryHost)
      }
    }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
