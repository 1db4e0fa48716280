// render: offline. Validates the config and shows the templates, the Helm values and the exact helm
// command in the log and the summary; the command line also writes them to a folder.
import { stringify } from 'yaml'
import { buildDesiredState } from '../state/desired.js'
import { deployerPolicies, deployerPolicyFiles, type DeployerPolicies } from '../state/deployer-policy.js'
import type { DesiredState } from '../state/types.js'
import { info, startGroup, endGroup } from '../runner/log.js'
import type { RunContext } from './context.js'

export async function runRender(ctx: RunContext): Promise<void> {
  const desired = buildDesiredState(ctx.config, ctx.inputs)
  ctx.report.desired = desired
  ctx.report.deployerPolicies = deployerPolicies(desired, ctx.inputs.account)
  for (const [file, body] of Object.entries(renderArtefacts(desired, ctx.report.deployerPolicies))) {
    startGroup(file)
    info(body)
    endGroup()
  }
}

/** The files `render --out DIR` writes (SPEC §3). */
export function renderArtefacts(d: DesiredState, policies?: DeployerPolicies): Record<string, string> {
  return {
    'karpenter-stack.json': JSON.stringify(d.karpenterStack.template, null, 2) + '\n',
    'controller-stack.json': JSON.stringify(d.controllerStack.template, null, 2) + '\n',
    'values.yaml': stringify(d.helm.values),
    'helm-args.json': JSON.stringify(d.helmArgs, null, 2) + '\n',
    ...(policies ? deployerPolicyFiles(policies) : {})
  }
}
