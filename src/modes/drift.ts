// drift mode: not built yet (issue 5). It fails loudly rather than pretend.
import type { RunContext } from './context.js'

export async function runDrift(_ctx: RunContext): Promise<void> {
  throw new Error('mode "drift" is not implemented yet')
}
