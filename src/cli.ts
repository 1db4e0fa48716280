// The command line (package bin `karpenter-provision`, dist/cli.js — a shim into the action's bundle): the same core as the
// action, with flags instead of INPUT_* variables, so users can render and plan from a laptop.
import { parseArgs } from 'node:util'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readInputs, INPUT_DEFAULTS } from './inputs/read.js'
import { formatDiagnostic } from './config/diagnostics.js'
import { execute } from './run.js'

const INPUT_FLAGS = [
  'mode', 'role-to-assume', 'audience', 'role-session-name', 'role-duration-seconds', 'aws-region', 'kubeconfig',
  'helm-version', 'chart', 'namespace', 'values-file', 'manifests', 'timeout', 'fail-on-drift', 'install-chart',
  'node-access', 'controller-identity'
] as const

const USAGE = `usage: karpenter-provision --config FILE [--mode render|plan|apply|drift|delete] [--out DIR] [--summary FILE]
                          [--${INPUT_FLAGS.filter(f => f !== 'mode').join(' V] [--')} V]
Flags carry the action's input names and defaults (${Object.entries(INPUT_DEFAULTS).map(([k, v]) => `${k}=${v}`).join(', ')}).
The mode defaults to render on the command line. render is offline: no credentials, no network.
--out DIR (render) writes karpenter-stack.json, controller-stack.json, values.yaml and helm-args.json.`

export async function runCli(argv: string[]): Promise<number> {
  const options = Object.fromEntries([
    ['config', { type: 'string' }], ['out', { type: 'string' }], ['summary', { type: 'string' }], ['help', { type: 'boolean', short: 'h' }],
    ...INPUT_FLAGS.map(f => [f, { type: 'string' }])
  ]) as Record<string, { type: 'string' | 'boolean'; short?: string }>
  let values: Record<string, string | boolean | undefined>
  try {
    values = parseArgs({ args: argv, options, allowPositionals: false }).values
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n${USAGE}\n`)
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
    process.stderr.write(`error: ${(e as Error).message}\n`)
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
    annotate: ds => {
      for (const d of ds) {
        if (d.severity === 'error') heldErrors.push(formatDiagnostic(d))
        else process.stderr.write(`${d.severity}: ${formatDiagnostic(d)}\n`)
      }
    },
    fail: message => {
      const shown = new Set(message.split('\n'))
      const missing = heldErrors.splice(0).filter(line => !shown.has(line))
      process.stderr.write(`error: ${[message, ...missing].join('\n')}\n`)
    }
  })
  if (heldErrors.length > 0) process.stderr.write(heldErrors.map(line => `error: ${line}\n`).join(''))
  if (typeof values.summary === 'string' && summary) await writeFile(values.summary, summary)
  if (!result.ok) return 1
  if (typeof values.out === 'string' && result.report.desired) {
    const { renderArtefacts } = await import('./modes/render.js')
    await mkdir(values.out, { recursive: true })
    for (const [file, body] of Object.entries(renderArtefacts(result.report.desired))) {
      await writeFile(join(values.out, file), body)
      process.stdout.write(`wrote ${join(values.out, file)}\n`)
    }
  }
  for (const [name, value] of Object.entries(outputs)) process.stdout.write(`${name}=${value}\n`)
  return 0
}
