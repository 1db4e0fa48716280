// Jest setup for the integration and e2e projects (jest.config.js, setupFilesAfterEnv): a request that broke
// botocore's API model fails the test during which it was made (afterEach), naming operation, member and rule;
// after each file the number of requests validated per mode is printed and added to the run's tally, which
// api-model-jest-teardown.ts prints once at the end.
import { afterAll, afterEach, expect } from '@jest/globals'
import { appendFileSync } from 'node:fs'
import { apiModelTally, takeViolations } from './api-model-check.js'
import { describeViolation } from './api-model.js'

let violated = 0

afterEach(() => {
  const found = takeViolations()
  violated += found.length
  if (found.length) throw new Error(`AWS requests that break the API models (botocore):\n${found.map(v => `  [${v.mode}] ${describeViolation(v)}`).join('\n')}`)
})

afterAll(() => {
  const { validated, violations } = apiModelTally()
  violated += violations.length
  if (process.env.API_MODEL_TALLY) appendFileSync(process.env.API_MODEL_TALLY, JSON.stringify({ validated, violated }) + '\n')
  if (violations.length) throw new Error(`AWS requests that break the API models (botocore), made outside a test:\n${violations.map(v => `  [${v.mode}] ${describeViolation(v)}`).join('\n')}`)
  const total = Object.values(validated).reduce((a, b) => a + b, 0)
  if (!total) return
  const file = expect.getState().testPath?.replace(/^.*__tests__\//, '') ?? '?'
  process.stdout.write(`API model check, ${file}: ${total} AWS requests validated (${Object.entries(validated).map(([m, n]) => `${m} ${n}`).join(', ')})\n`)
})
