// helm's echoed output (install, upgrade) reaches the log through the log module, line by line: a line of it
// that would read as a workflow command is written inert.
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals'
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runHelm } from '../../../src/helm/run.js'

let written: string[]
beforeEach(() => {
  written = []
  const capture = (chunk: unknown): boolean => (written.push(String(chunk)), true)
  jest.spyOn(process.stdout, 'write').mockImplementation(capture)
  jest.spyOn(process.stderr, 'write').mockImplementation(capture)
})
afterEach(() => {
  jest.restoreAllMocks()
})

describe('runHelm with its output echoed', () => {
  it('shows the command and every line, none as a workflow command; the result still has the raw output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'helm-echo-'))
    const helm = join(dir, 'helm')
    writeFileSync(helm, "#!/bin/sh\necho 'Release \"karpenter\" has been upgraded.'\necho '::error::pwned'\necho '  ::add-mask::hidden' >&2\n")
    chmodSync(helm, 0o755)
    const r = await runHelm(helm, ['upgrade', 'karpenter'], { silent: false })
    const lines = written.join('').split(/\r?\n/)
    expect(lines).toContain(`[command]${helm} upgrade karpenter`)
    expect(lines).toContain('Release "karpenter" has been upgraded.')
    expect(lines).toContain('%3A:error::pwned')
    expect(lines).toContain('  %3A:add-mask::hidden')
    expect(lines.filter(l => /^\s*::/.test(l))).toEqual([])
    expect(r.stdout).toContain('::error::pwned')
  })
})
