// plan mode: not built yet (issue 5). It fails loudly rather than pretend.
import type { RunContext } from './context.js'

export async function runPlan(_ctx: RunContext): Promise<void> {
  throw new Error('mode "plan" is not implemented yet')
}
