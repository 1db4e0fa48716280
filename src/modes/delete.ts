// delete mode: not built yet (issue 5). It fails loudly rather than pretend.
import type { RunContext } from './context.js'

export async function runDelete(_ctx: RunContext): Promise<void> {
  throw new Error('mode "delete" is not implemented yet')
}
