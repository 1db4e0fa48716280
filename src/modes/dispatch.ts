// Loads only the mode that runs: render never loads the AWS SDK, helm or Kubernetes code.
import type { Mode } from '../core/inputs.js'
import type { RunContext } from './context.js'

export async function runMode(mode: Mode, ctx: RunContext): Promise<void> {
  switch (mode) {
    case 'render':
      return (await import('./render.js')).runRender(ctx)
    case 'apply':
      return (await import('./apply.js')).runApply(ctx)
    case 'plan':
      return (await import('./plan.js')).runPlan(ctx)
    case 'drift':
      return (await import('./drift.js')).runDrift(ctx)
    case 'delete':
      return (await import('./delete.js')).runDelete(ctx)
  }
}
