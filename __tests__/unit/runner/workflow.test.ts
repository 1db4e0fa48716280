// The shell writes workflow commands itself (to keep @actions/core out of start-up); these tests
// hold it to the exact bytes @actions/core writes for the same calls.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as core from '@actions/core'
import * as ours from '../../../src/runner/workflow.js'

let written: string[]
let dir: string
const saved = { ...process.env }
beforeEach(() => {
  written = []
  jest.spyOn(process.stdout, 'write').mockImplementation(chunk => (written.push(String(chunk)), true))
  dir = mkdtempSync(join(tmpdir(), 'workflow-'))
})
afterEach(() => {
  jest.restoreAllMocks()
  process.env = { ...saved }
  process.exitCode = 0
})

function capture(fn: () => void): string {
  written = []
  fn()
  return written.join('')
}

describe('workflow commands match @actions/core byte for byte', () => {
  const props = { title: 'Invalid: config, really', file: 'clusters/prod,1.yaml', startLine: 10, startColumn: 3 }
  const message = 'multi\nline 100% \r done'
  it.each(['error', 'warning', 'notice'] as const)('%s annotations with properties and escaping', kind => {
    expect(capture(() => ours.annotation(kind, message, props))).toBe(capture(() => core[kind](message, props)))
  })
  it('add-mask', () => {
    expect(capture(() => ours.setSecret('s3cr%t\nx'))).toBe(capture(() => core.setSecret('s3cr%t\nx')))
  })
  it('setFailed sets the exit code and writes the error', () => {
    const a = capture(() => ours.setFailed('boom: a, b'))
    expect(process.exitCode).toBe(1)
    process.exitCode = 0
    expect(a).toBe(capture(() => core.setFailed('boom: a, b')))
  })
  it('getInput reads INPUT_ names like core', () => {
    process.env['INPUT_CLUSTER-CONFIG'] = '  clusters/a.yaml \n'
    process.env['INPUT_ROLE_TO_ASSUME'] = 'x'
    expect(ours.getInput('cluster-config')).toBe(core.getInput('cluster-config'))
    expect(ours.getInput('role to assume')).toBe(core.getInput('role to assume'))
    expect(ours.getInput('absent')).toBe('')
  })
})

describe('file commands', () => {
  it('setOutput writes a heredoc entry that core parses the same way (random delimiter)', () => {
    const file = join(dir, 'output')
    writeFileSync(file, '')
    process.env.GITHUB_OUTPUT = file
    ours.setOutput('node-role-name', 'eksctl-KarpenterNodeRole-x\nsecond line')
    const text = readFileSync(file, 'utf8')
    const m = /^node-role-name<<(ghadelimiter_[0-9a-f-]{36})\n([\s\S]*)\n\1\n$/.exec(text)
    expect(m?.[2]).toBe('eksctl-KarpenterNodeRole-x\nsecond line')
  })
  it('appendSummary appends to GITHUB_STEP_SUMMARY and does nothing without it', () => {
    const file = join(dir, 'summary')
    writeFileSync(file, 'before\n')
    process.env.GITHUB_STEP_SUMMARY = file
    ours.appendSummary('## hello\n')
    expect(readFileSync(file, 'utf8')).toBe('before\n## hello\n')
    delete process.env.GITHUB_STEP_SUMMARY
    expect(() => ours.appendSummary('x')).not.toThrow()
  })
})
