// src/config/annotate.ts: config and manifest diagnostics as GitHub annotations (with the workflow-command writer mocked).
// Their formatting is src/core/config/diagnostics.ts's (__tests__/unit/core/config/diagnostics.test.ts).
import { afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals'
import * as path from 'node:path'
import { SAMPLE_ERROR, SAMPLE_WARNING } from '../core/config/helpers.js'

const coreError = jest.fn()
const coreWarning = jest.fn()
jest.unstable_mockModule('../../../src/runner/workflow.js', () => ({
  annotation: (kind: string, message: string, props: unknown) => (kind === 'error' ? coreError : coreWarning)(message, props),
  issueCommand: jest.fn(),
  setSecret: jest.fn()
}))

let mod: typeof import('../../../src/config/annotate.js')
beforeAll(async () => {
  mod = await import('../../../src/config/annotate.js')
})

const err = SAMPLE_ERROR
const warn = SAMPLE_WARNING

describe('annotateDiagnostics', () => {
  const saved = process.env.GITHUB_WORKSPACE
  afterEach(() => {
    if (saved === undefined) delete process.env.GITHUB_WORKSPACE
    else process.env.GITHUB_WORKSPACE = saved
    coreError.mockClear()
    coreWarning.mockClear()
  })

  it('emits errors and warnings with title, file, line and column', () => {
    delete process.env.GITHUB_WORKSPACE
    mod.annotateDiagnostics([err, warn])
    expect(coreError).toHaveBeenCalledTimes(1)
    expect(coreError).toHaveBeenCalledWith(
      "karpenter.version: Karpenter 0.27.1 is older than this action supports (got '0.27.1', expected 0.28.0 or newer)",
      { title: 'Invalid cluster config', file: 'clusters/prod.yaml', startLine: 10, startColumn: 12 }
    )
    expect(coreWarning).toHaveBeenCalledTimes(1)
    expect(coreWarning).toHaveBeenCalledWith('metadata.region: overridden', {
      title: 'Cluster config warning',
      file: 'clusters/prod.yaml',
      startLine: 5,
      startColumn: 11
    })
  })

  it('titles a manifest problem as one', () => {
    delete process.env.GITHUB_WORKSPACE
    mod.annotateDiagnostics([{ ...err, file: 'karpenter/pool.yaml', subject: 'manifest' }])
    expect(coreError.mock.calls[0]?.[1]).toMatchObject({ title: 'Invalid manifest', file: 'karpenter/pool.yaml' })
  })

  it('makes an absolute path inside GITHUB_WORKSPACE relative to it', () => {
    const workspace = path.resolve('/home/runner/work/repo/repo')
    process.env.GITHUB_WORKSPACE = workspace
    mod.annotateDiagnostics([{ ...err, file: path.join(workspace, 'clusters', 'prod.yaml') }])
    expect(coreError.mock.calls[0]?.[1]).toMatchObject({ file: 'clusters/prod.yaml' })
  })

  it('keeps a path outside the workspace as it is', () => {
    process.env.GITHUB_WORKSPACE = path.resolve('/home/runner/work/repo/repo')
    mod.annotateDiagnostics([{ ...err, file: '/tmp/elsewhere.yaml' }])
    expect(coreError.mock.calls[0]?.[1]).toMatchObject({ file: '/tmp/elsewhere.yaml' })
  })

  it('resolves a relative path against the working directory first', () => {
    process.env.GITHUB_WORKSPACE = process.cwd()
    mod.annotateDiagnostics([{ ...err, file: './clusters/../clusters/prod.yaml' }])
    expect(coreError.mock.calls[0]?.[1]).toMatchObject({ file: 'clusters/prod.yaml' })
  })
})
