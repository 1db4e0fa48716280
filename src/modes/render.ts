// render: offline. Validates the config and shows the templates, the Helm values and the exact helm
// command in the log and the summary; the command line also writes them to a folder.
import { stringify } from 'yaml'
import { deployerPolicies, deployerPolicyFiles, type DeployerPolicies } from '../core/deployer-policy.js'
import type { DesiredState } from '../core/types.js'
import { infoBlock, startGroup, endGroup } from '../runner/log.js'
import { mergeValues } from '../core/helm/values-merge.js'
import { details } from '../report/html.js'
import { valuesYaml } from '../report/values-yaml.js'
import type { RunContext } from './context.js'
import { ConfigError } from '../core/config/diagnostics.js'
import { windowsRenderView } from '../core/karpenter/windows-render.js'

export async function runRender(ctx: RunContext): Promise<void> {
  // built offline before the mode ran (run.ts): render shows it as it is
  const desired = ctx.offline
  ctx.report.desired = desired
  const windows = windowsRenderView(ctx.config, ctx.inputs.nodeAccess)
  if (windows.problems.length > 0) throw new ConfigError(windows.problems)
  if (windows.step) ctx.report.steps.push(windows.step)
  ctx.report.deployerPolicies = deployerPolicies(desired, ctx.inputs.account)
  ctx.report.artefacts = renderArtefacts(desired, ctx.report.deployerPolicies)
  for (const [file, body] of Object.entries(ctx.report.artefacts)) {
    startGroup(file)
    infoBlock(body)
    endGroup()
  }
  const extra = ctx.files.values
  if (extra) {
    // What helm ends up with: the generated values, then the values-file over them (README, Inputs). The log
    // gets JSON: the file is the user's, and no JSON line can start with `::` (a workflow command), as a YAML
    // key or block scalar line could. The summary shows YAML, HTML-escaped.
    const title = `values.yaml with ${extra.file} applied last`
    const merged = mergeValues(desired.helm.values, extra.values)
    startGroup(`${title} (as JSON)`)
    infoBlock(JSON.stringify(merged, null, 2))
    endGroup()
    ctx.report.sections.push({ title: 'Helm values with the values-file', body: details(title, stringify(merged)) })
  }
}

/** The files `render --out DIR` writes (docs/design.md, "Modes"): made once by runRender, which keeps them in the report. */
export function renderArtefacts(d: DesiredState, policies?: DeployerPolicies): Record<string, string> {
  return {
    'karpenter-stack.json': JSON.stringify(d.karpenterStack.template, null, 2) + '\n',
    'controller-stack.json': JSON.stringify(d.controllerStack.template, null, 2) + '\n',
    'values.yaml': valuesYaml(d.helm.values),
    'helm-args.json': JSON.stringify(d.helmArgs, null, 2) + '\n',
    ...(policies ? deployerPolicyFiles(policies) : {})
  }
}
