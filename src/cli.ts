// The command line (package bin `karpenter-provision`, dist/cli.js — a shim into the action's bundle): the same core as the
// action, with flags instead of INPUT_* variables, so users can render and plan from a laptop.
import { parseArgs } from 'node:util'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readInputs } from './inputs/read.js'
import { ACTION_INPUTS } from './inputs/action-yml.js'
import { formatDiagnostic } from './core/config/diagnostics.js'
import { execute } from './run.js'
import { plainLines } from './runner/log.js'
import { errorMessage } from './core/errors.js'

// Every input action.yml declares is a flag of the same name (src/inputs/action-yml.ts is generated from it), except
// cluster-config, which is --config.
const INPUT_FLAGS = ACTION_INPUTS.map(i => i.name).filter(name => name !== 'cluster-config')

const flagLine = (flag: string, text: string): string => `  ${flag.padEnd(30)} ${text}`
const USAGE = [
  'usage: karpenter-provision --config FILE [--mode MODE] [--out DIR] [--summary FILE] [--INPUT VALUE]...',
  '',
  "The action's inputs are flags of the same names, meanings and defaults (from action.yml); only --mode's default differs.",
  '',
  ...ACTION_INPUTS.map(i =>
    i.name === 'cluster-config'
      ? flagLine('--config FILE', i.description)
      : i.name === 'mode'
        ? flagLine('--mode MODE', `${i.description} Default on the command line: render.`)
        : flagLine(`--${i.name} VALUE`, `${i.description}${'default' in i ? ` Default: ${i.default}.` : ''}`)
  ),
  flagLine('--out DIR', 'render: write karpenter-stack.json, controller-stack.json, values.yaml, helm-args.json and the deployer policies (deployer-policy.json, deployer-policy-read-only.json) to DIR.'),
  flagLine('--summary FILE', 'Write the job summary (Markdown) to FILE.'),
  flagLine('-h, --help', 'This text.')
].join('\n')

export async function runCli(argv: string[]): Promise<number> {
  const options = Object.fromEntries([
    ['config', { type: 'string' }], ['out', { type: 'string' }], ['summary', { type: 'string' }], ['help', { type: 'boolean', short: 'h' }],
    ...INPUT_FLAGS.map(f => [f, { type: 'string' }])
  ]) as Record<string, { type: 'string' | 'boolean'; short?: string }>
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({ args: argv, options, allowPositionals: false }).values
  } catch (e) {
    process.stderr.write(`${errorMessage(e)}\n${USAGE}\n`)
    return 2
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  const flags: Record<string, string> = { 'cluster-config': String(values.config ?? ''), mode: String(values.mode ?? 'render') }
  for (const f of INPUT_FLAGS) if (f !== 'mode' && typeof values[f] === 'string') flags[f] = values[f] as string
  let inputs
  try {
    inputs = readInputs(name => flags[name] ?? '')
  } catch (e) {
    process.stderr.write(`error: ${errorMessage(e)}\n`)
    return 2
  }
  const outputs: Record<string, string> = {}
  let summary = ''
  // A config error's message already lists its diagnostics under a heading, so errors are held back
  // and printed only if the failure message does not carry them: each appears once.
  const heldErrors: string[] = []
  const result = await execute(inputs, {
    workspace: process.cwd(),
    setOutput: (name, value) => (outputs[name] = value),
    writeSummary: async markdown => void (summary = markdown),
    // plainLines: a line of config-derived text never reads as a workflow command when this runs in a workflow step
    annotate: ds => {
      for (const d of ds) {
        if (d.severity === 'error') heldErrors.push(formatDiagnostic(d))
        else process.stderr.write(`${d.severity}: ${plainLines(formatDiagnostic(d))}\n`)
      }
    },
    fail: message => {
      const shown = new Set(message.split('\n'))
      const missing = heldErrors.splice(0).filter(line => !shown.has(line))
      process.stderr.write(`error: ${plainLines([message, ...missing].join('\n'))}\n`)
    }
  })
  if (heldErrors.length > 0) process.stderr.write(heldErrors.map(line => `error: ${plainLines(line)}\n`).join(''))
  if (typeof values.summary === 'string' && summary) await writeFile(values.summary, summary)
  if (!result.ok) return 1
  if (typeof values.out === 'string' && result.report.desired) {
    // render made them already; another mode's desired state is written the same way, without the deployer policies
    const files = result.report.artefacts ?? (await import('./modes/render.js')).renderArtefacts(result.report.desired)
    await mkdir(values.out, { recursive: true })
    for (const [file, body] of Object.entries(files)) {
      await writeFile(join(values.out, file), body)
      process.stdout.write(`wrote ${join(values.out, file)}\n`)
    }
  }
  for (const [name, value] of Object.entries(outputs)) process.stdout.write(`${name}=${value}\n`)
  return 0
}
