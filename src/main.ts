// The GitHub Action host: inputs from INPUT_*, outputs to GITHUB_OUTPUT, summary to
// GITHUB_STEP_SUMMARY, errors as annotations on the config file.
import * as core from '@actions/core'
import { readInputs } from './inputs/read.js'
import { annotateDiagnostics } from './config/diagnostics.js'
import { execute } from './run.js'

export async function runAction(): Promise<void> {
  let inputs
  try {
    inputs = readInputs(name => core.getInput(name))
  } catch (e) {
    core.setFailed((e as Error).message)
    return
  }
  await execute(inputs, {
    workspace: process.env.GITHUB_WORKSPACE ?? process.cwd(),
    tempDir: process.env.RUNNER_TEMP,
    setOutput: (name, value) => core.setOutput(name, value),
    writeSummary: async markdown => {
      if (process.env.GITHUB_STEP_SUMMARY) await core.summary.addRaw(markdown).write()
    },
    annotate: annotateDiagnostics,
    fail: message => core.setFailed(message)
  })
}
