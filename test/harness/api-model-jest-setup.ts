// globalSetup of the integration and e2e projects: a file the test files add their API model tallies to.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export default function setup(): void {
  process.env.API_MODEL_TALLY ??= join(mkdtempSync(join(tmpdir(), 'api-model-tally-')), 'tally.jsonl')
}
