// Entry point of the one bundle: the action (action.yml: runs.main) or, when started through the
// dist/cli.js shim, the command line. One bundle serves both, so dist/ holds each chunk once.
import { runAction } from './main.js'

const cli = (globalThis as { __karpenterProvisionCli?: boolean }).__karpenterProvisionCli === true
if (cli) {
  const { runCli } = await import('./cli.js')
  process.exitCode = await runCli(process.argv.slice(2))
} else {
  await runAction()
}
