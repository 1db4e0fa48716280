// The harness builds INPUT_* as the runner does (issue 16): from action.yml, not from a list kept in the tests.
import { afterEach, describe, expect, it } from '@jest/globals'
import { inputEnvironment } from '../../../test/harness/run-action.js'
import { loadActionMetadata } from '../../../scripts/action-metadata.mjs'
import { getInput } from '../../../src/runner/workflow.js'
import { readInputs } from '../../../src/inputs/read.js'

const meta = loadActionMetadata()
const saved = { ...process.env }
afterEach(() => {
  process.env = { ...saved }
})

describe('inputEnvironment (the runner’s INPUT_ variables for a step’s with:)', () => {
  it('one variable per declared input: the with: value, else action.yml’s default, else empty', () => {
    const env = inputEnvironment({ 'cluster-config': 'clusters/a.yaml', timeout: ' 5m ' })
    expect(Object.keys(env).sort()).toEqual(meta.inputs.map(i => `INPUT_${i.name.toUpperCase()}`).sort())
    expect(env['INPUT_CLUSTER-CONFIG']).toBe('clusters/a.yaml')
    expect(env.INPUT_TIMEOUT).toBe(' 5m ') // verbatim: trimming is the action's business
    expect(env.INPUT_MODE).toBe(meta.inputs.find(i => i.name === 'mode')!.default)
    expect(env['INPUT_ROLE-TO-ASSUME']).toBe('')
  })

  it('an input action.yml does not declare is a mistake in the test', () => {
    expect(() => inputEnvironment({ 'cluster-config': 'c.yaml', 'role-arn': 'x' })).toThrow(/role-arn not declared in action.yml/)
  })

  it('the action reads back every variable under the name the runner gives it', () => {
    const withInputs = Object.fromEntries(meta.inputs.map(i => [i.name, `value of ${i.name}`]))
    process.env = { ...saved, ...inputEnvironment(withInputs) }
    for (const i of meta.inputs) expect(getInput(i.name)).toBe(`value of ${i.name}`)
  })

  it('a step with only cluster-config reads as the code’s own defaults', () => {
    process.env = { ...saved, ...inputEnvironment({ 'cluster-config': 'c.yaml' }) }
    expect(readInputs(getInput)).toEqual(readInputs(name => (name === 'cluster-config' ? 'c.yaml' : '')))
  })
})
