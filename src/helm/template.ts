// Pulls the chart and renders it with the generated values (`helm template`), without a cluster: what apply would
// install, for plan mode and for checking a chart/values pair. Same logout-first rule as the install.
import type { HelmReleaseSpec } from '../core/types.js'
import { templateArgs } from '../core/helm/args.js'
import { registryLogout } from './logout.js'
import { HelmError, runHelm } from './run.js'
import { writeValuesFile } from './values-file.js'

export interface RenderOptions {
  helm: string
  spec: HelmReleaseSpec
  /** the generated values file goes here (0600, removed afterwards) */
  tempDir: string
}

/** The rendered manifests (a multi-document YAML string). */
export async function renderChart(o: RenderOptions): Promise<string> {
  await registryLogout(o.helm)
  const values = await writeValuesFile(o.tempDir, o.spec.values)
  try {
    return (await runHelm(o.helm, templateArgs(o.spec, values.path))).stdout
  } catch (e) {
    if (!(e instanceof HelmError)) throw e
    throw new Error(`helm template ${o.spec.chart.chart} ${o.spec.chart.version} failed: ${e.helmMessage}`, { cause: e })
  } finally {
    await values.remove()
  }
}
