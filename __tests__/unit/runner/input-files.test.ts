// The path rules every input file passes (issue 11 item 1): resolved, a regular file (or a folder where
// allowed), within the workspace or RUNNER_TEMP in the action, size-capped — before it is read. These run
// on real files, FIFOs and devices (the gate is about the file system, so there is nothing to fake).
import { afterAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { actionPathRules, anyPathRules, checkInputPath, InputFileError, readInputFile, readInputFiles } from '../../../src/runner/input-files.js'

const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'input-files-')))
const workspace = path.join(root, 'workspace')
const runnerTemp = path.join(root, 'runner-temp')
const outside = path.join(root, 'outside')
for (const d of [workspace, runnerTemp, outside]) fs.mkdirSync(d)
fs.writeFileSync(path.join(workspace, 'cluster.yaml'), 'kind: ClusterConfig\n')
fs.writeFileSync(path.join(runnerTemp, 'kubeconfig'), 'kind: Config\n')
fs.writeFileSync(path.join(outside, 'secret.yaml'), 'secret: 1\n')
fs.symlinkSync(path.join(outside, 'secret.yaml'), path.join(workspace, 'link-out.yaml'))
fs.symlinkSync(path.join(workspace, 'cluster.yaml'), path.join(workspace, 'link-in.yaml'))
fs.symlinkSync('/dev/zero', path.join(workspace, 'zero.yaml'))
execFileSync('mkfifo', [path.join(workspace, 'fifo.yaml')])
fs.mkdirSync(path.join(workspace, 'manifests'))
fs.writeFileSync(path.join(workspace, 'manifests', 'b.yaml'), 'b: 1\n')
fs.writeFileSync(path.join(workspace, 'manifests', 'a.yml'), '\ufeffa: 1\n')
fs.writeFileSync(path.join(workspace, 'manifests', 'notes.txt'), 'not read')

afterAll(() => fs.rmSync(root, { recursive: true, force: true }))

const action = actionPathRules(workspace, runnerTemp)
const refusal = (fn: () => unknown): string => {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(InputFileError)
    return (e as Error).message
  }
  throw new Error('expected a refusal')
}

describe('the action: within the workspace or RUNNER_TEMP', () => {
  it('reads a file in the workspace, relative to it, and one in RUNNER_TEMP by its absolute path', () => {
    expect(readInputFile('cluster-config', 'cluster.yaml', action).text).toBe('kind: ClusterConfig\n')
    expect(readInputFile('kubeconfig', path.join(runnerTemp, 'kubeconfig'), action).real).toBe(path.join(runnerTemp, 'kubeconfig'))
  })

  it('follows a symlink that stays inside', () => {
    expect(readInputFile('values-file', 'link-in.yaml', action).real).toBe(path.join(workspace, 'cluster.yaml'))
  })

  it.each([
    ['../outside/secret.yaml', path.join(outside, 'secret.yaml')],
    ['/etc/passwd', '/etc/passwd'],
    ['link-out.yaml', path.join(outside, 'secret.yaml')]
  ])('refuses %s, naming the input, where it leads and the workspace', (given, real) => {
    const message = refusal(() => readInputFile('values-file', given, action))
    expect(message).toContain('input values-file: ')
    expect(message).toContain(`resolves to ${real}, outside the workspace (${workspace}) or RUNNER_TEMP (${runnerTemp})`)
  })

  it('refuses a symlink to /dev/zero and a FIFO at once, without reading (a read would never end)', () => {
    const started = Date.now()
    expect(refusal(() => readInputFile('cluster-config', 'zero.yaml', action))).toMatch(/resolves to \/dev\/zero, outside the workspace/)
    expect(refusal(() => readInputFile('cluster-config', 'fifo.yaml', action))).toMatch(/fifo\.yaml: resolves to .*fifo\.yaml, which is a named pipe \(FIFO\); expected a regular file/)
    expect(Date.now() - started).toBeLessThan(1000)
  })

  it('refuses a folder where a file is expected, and a missing file says where it looked', () => {
    expect(refusal(() => readInputFile('values-file', 'manifests', action))).toMatch(/is a directory; values-file must name a file/)
    expect(refusal(() => readInputFile('cluster-config', 'nope.yaml', action))).toMatch(/not found \(looked for .*nope\.yaml; did the workflow run actions\/checkout\?\)/)
  })

  it('refuses a file over the cap by its size, before reading it (a sparse 3 GiB file)', () => {
    const big = path.join(workspace, 'big.yaml')
    fs.writeFileSync(big, '')
    fs.truncateSync(big, 3 * 1024 ** 3)
    expect(refusal(() => readInputFile('values-file', 'big.yaml', action, 1024))).toMatch(/is too large \(3221225472 bytes; the limit for values-file is 1024 bytes\)/)
    fs.rmSync(big)
  })

  it('a folder: its .yaml/.yml files in name order (BOM dropped), each checked; a symlink out in it is refused', () => {
    const read = readInputFiles('manifests', 'manifests', action, { match: /\.ya?ml$/i, maxFiles: 10, maxTotalBytes: 1024 })
    expect(read.files.map(f => [f.shown, f.text])).toEqual([
      [path.join(workspace, 'manifests', 'a.yml'), 'a: 1\n'],
      [path.join(workspace, 'manifests', 'b.yaml'), 'b: 1\n']
    ])
    fs.symlinkSync('/dev/zero', path.join(workspace, 'manifests', 'c.yaml'))
    try {
      expect(refusal(() => readInputFiles('manifests', 'manifests', action, { match: /\.ya?ml$/i, maxFiles: 10, maxTotalBytes: 1024 }))).toMatch(/c\.yaml: resolves to \/dev\/zero, outside the workspace/)
    } finally {
      fs.rmSync(path.join(workspace, 'manifests', 'c.yaml'))
    }
    expect(refusal(() => readInputFiles('manifests', 'manifests', action, { match: /\.ya?ml$/i, maxFiles: 1, maxTotalBytes: 1024 }))).toMatch(/holds 2 matching files; the limit is 1/)
    expect(refusal(() => readInputFiles('manifests', 'manifests', action, { match: /\.ya?ml$/i, maxFiles: 10, maxTotalBytes: 6 }))).toMatch(/too large together/)
  })
})

describe('the command line: any path, still only a regular file of bounded size', () => {
  const cli = anyPathRules(workspace)
  it('reads a file outside the current folder', () => {
    expect(readInputFile('values-file', '../outside/secret.yaml', cli).text).toBe('secret: 1\n')
  })
  it('refuses /dev/zero and a FIFO as not regular files', () => {
    expect(refusal(() => readInputFile('cluster-config', 'zero.yaml', cli))).toMatch(/resolves to \/dev\/zero, which is a character device; expected a regular file/)
    expect(refusal(() => checkInputPath('cluster-config', 'fifo.yaml', cli))).toMatch(/named pipe/)
  })
})
