// globalTeardown of the integration and e2e projects: the run's total of AWS requests checked against botocore's
// API models, per mode (the action's `mode` input; `harness` for the harness's own calls, e.g. the token webhook).
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname } from 'node:path'

export default function teardown(): void {
  const file = process.env.API_MODEL_TALLY
  if (!file || !existsSync(file)) return
  const sum: Record<string, number> = {}
  let violated = 0
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const t = JSON.parse(line) as { validated: Record<string, number>; violated: number }
    violated += t.violated
    for (const [mode, n] of Object.entries(t.validated)) sum[mode] = (sum[mode] ?? 0) + n
  }
  rmSync(dirname(file), { recursive: true, force: true })
  delete process.env.API_MODEL_TALLY
  const total = Object.values(sum).reduce((a, b) => a + b, 0)
  process.stdout.write(`\nAPI model check: ${total} AWS requests validated against botocore's models, ${violated} violation(s) failing a test (${Object.entries(sum).sort().map(([m, n]) => `${m} ${n}`).join(', ')})\n`)
}
