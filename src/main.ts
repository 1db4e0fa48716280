// The GitHub Action host: inputs from INPUT_*, outputs to GITHUB_OUTPUT, summary to
// GITHUB_STEP_SUMMARY, errors as annotations on the config file.
import { readInputs } from './inputs/read.js'
import { annotateDiagnostics } from './config/annotate.js'
import { appendSummary, getInput, setFailed, setOutput } from './runner/workflow.js'
import { execute } from './run.js'
import { workspace } from './runner/paths.js'
import { actionPathRules } from './runner/input-files.js'
import { errorMessage } from './core/errors.js'

export async function runAction(): Promise<void> {
  let inputs
  try {
    inputs = readInputs(getInput)
  } catch (e) {
    setFailed(errorMessage(e))
    return
  }
  await execute(inputs, {
    workspace: workspace(),
    tempDir: process.env.RUNNER_TEMP,
    // every path an input names stays within the workspace or RUNNER_TEMP (README, Security)
    paths: actionPathRules(workspace(), process.env.RUNNER_TEMP),
    setOutput,
    writeSummary: async markdown => appendSummary(markdown),
    annotate: annotateDiagnostics,
    fail: setFailed
  })
}
