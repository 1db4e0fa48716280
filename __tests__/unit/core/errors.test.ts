// The one error base (src/core/errors.ts): its type guards, every error class of src/ built on it with a stable
// name, and the rules that keep it so (no other `extends Error`, no per-instance names, no `as Error` casts,
// no empty catch without a reason).
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ProvisionError, awsErrorName, errnoCode, errorMessage, httpStatus, isAwsError } from '../../../src/core/errors.js'
import { ConfigError } from '../../../src/core/config/diagnostics.js'
import { ManifestError } from '../../../src/kube/manifests.js'
import { KubeApiError } from '../../../src/kube/errors.js'
import { PreflightError, ClusterNotFoundError } from '../../../src/aws/preflight.js'
import { StackDeployError, DeployCancelledError } from '../../../src/cfn/deploy.js'
import { StackDeleteError } from '../../../src/cfn/delete.js'
import { StackPlanError } from '../../../src/cfn/plan.js'
import { StackTimeoutError } from '../../../src/cfn/deploy-wait.js'
import { DriftDetectionUnavailableError } from '../../../src/cfn/drift.js'
import { PolicyTooLargeError } from '../../../src/core/templates/policy-pack.js'
import { MissingIdTokenPermissionError } from '../../../src/aws/credentials.js'
import { InputFileError } from '../../../src/runner/input-files.js'
import { InputError } from '../../../src/inputs/read.js'
import { KubeconfigError } from '../../../src/kube/kubeconfig.js'
import { HelmError } from '../../../src/helm/run.js'
import { HelmChecksumError } from '../../../src/helm/download.js'
import { UpgradeRefusedError } from '../../../src/core/karpenter/upgrade.js'
import { DriftFoundError } from '../../../src/modes/drift.js'

const SRC = path.resolve('src')

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? sourceFiles(p) : e.name.endsWith('.ts') ? [p] : []
  })
}

const awsError = (name: string, status?: number): Error =>
  Object.assign(new Error(`${name} happened`), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) })

describe('type guards', () => {
  it('errorMessage reads Errors, message-bearing objects and anything else', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom')
    expect(errorMessage({ message: 'from an object' })).toBe('from an object')
    expect(errorMessage('a string')).toBe('a string')
    expect(errorMessage(undefined)).toBe('undefined')
    expect(errorMessage({ message: 42 })).toBe('[object Object]')
  })

  it('awsErrorName / isAwsError read the AWS error code, and nothing from values without one', () => {
    const e = awsError('NoSuchEntityException')
    expect(awsErrorName(e)).toBe('NoSuchEntityException')
    expect(isAwsError(e, 'NoSuchEntity', 'NoSuchEntityException')).toBe(true)
    expect(isAwsError(e, 'ResourceNotFoundException')).toBe(false)
    expect(awsErrorName(undefined)).toBeUndefined()
    expect(awsErrorName('NoSuchEntityException')).toBeUndefined()
    expect(isAwsError({ name: 7 }, '7')).toBe(false)
  })

  it('httpStatus and errnoCode', () => {
    expect(httpStatus(awsError('X', 501))).toBe(501)
    expect(httpStatus(new Error('no metadata'))).toBeUndefined()
    expect(httpStatus(null)).toBeUndefined()
    expect(errnoCode(Object.assign(new Error('loop'), { code: 'ELOOP' }))).toBe('ELOOP')
    expect(errnoCode(new Error('plain'))).toBeUndefined()
  })
})

describe('every error class of src/ is a ProvisionError with its own stable name', () => {
  const outcome = { stack: 's', action: 'failed', status: 'UNKNOWN' } as never
  const diag = { severity: 'error', file: 'f.yaml', line: 1, col: 1, path: 'a', message: 'm' } as const
  const cases: [Error, string][] = [
    [new ConfigError([diag]), 'ConfigError'],
    [new ManifestError([diag]), 'ManifestError'],
    [new KubeApiError(404, 'NotFound', 'gone', 'GET', '/x'), 'KubeApiError'],
    [new PreflightError('p'), 'PreflightError'],
    [new ClusterNotFoundError('c'), 'ClusterNotFoundError'],
    [new StackDeployError('d', outcome), 'StackDeployError'],
    [new DeployCancelledError('c', outcome), 'DeployCancelledError'],
    [new StackDeleteError('d', outcome), 'StackDeleteError'],
    [new StackPlanError('p', outcome), 'StackPlanError'],
    [new StackTimeoutError('t'), 'StackTimeoutError'],
    [new DriftDetectionUnavailableError('http://x', awsError('NotImplemented')), 'DriftDetectionUnavailableError'],
    [new PolicyTooLargeError('big'), 'PolicyTooLargeError'],
    [new MissingIdTokenPermissionError('m'), 'MissingIdTokenPermissionError'],
    [new InputFileError('values-file', 'v.yaml', 'missing'), 'InputFileError'],
    [new InputError(['bad']), 'InputError'],
    [new KubeconfigError('k', 'bad'), 'KubeconfigError'],
    [new HelmError(['upgrade'], 1, '', 'Error: x'), 'HelmError'],
    [new HelmChecksumError('u', 'a', 'b'), 'HelmChecksumError'],
    [new UpgradeRefusedError('0.31.0', '1.0.0', 'r', ['s']), 'UpgradeRefusedError'],
    [new DriftFoundError('drift'), 'DriftFoundError']
  ]
  it.each(cases)('%p is named %s', (err, name) => {
    expect(err).toBeInstanceOf(ProvisionError)
    expect(err).toBeInstanceOf(Error)
    expect(err.name).toBe(name)
  })

  it('subclasses stay what their parents are', () => {
    expect(new ManifestError([diag])).toBeInstanceOf(ConfigError)
    expect(new ClusterNotFoundError('c')).toBeInstanceOf(PreflightError)
  })

  it('the cases above are every error class in src/', () => {
    const declared = sourceFiles(SRC).flatMap(f =>
      [...fs.readFileSync(f, 'utf8').matchAll(/^(?:export )?class (\w+) extends (\w+)/gm)]
        .filter(m => /Error$/.test(m[1]!) && m[1] !== 'ProvisionError')
        .map(m => m[1]!)
    )
    const covered = new Set(cases.map(([, name]) => name))
    expect(declared.filter(n => !covered.has(n) && n !== 'DownloadStatusError')).toEqual([])
  })
})

describe('rules over src/', () => {
  const files = sourceFiles(SRC).map(f => ({ file: path.relative(SRC, f), text: fs.readFileSync(f, 'utf8') }))
  const offending = (re: RegExp, except: string[] = []): string[] =>
    files.filter(({ file, text }) => !except.includes(file) && re.test(text)).map(({ file }) => file)

  it('only src/core/errors.ts extends Error itself', () => {
    expect(offending(/\bclass \w+ extends Error\b/, ['core/errors.ts'])).toEqual([])
  })

  it('no error sets its name per instance', () => {
    expect(offending(/\bthis\.name\s*=/)).toEqual([])
  })

  it('no `as Error` casts (errorMessage / awsErrorName / isAwsError serve)', () => {
    expect(offending(/\bas (Error|NodeJS\.ErrnoException)\b/)).toEqual([])
  })

  it('every empty catch says why swallowing is safe', () => {
    const bare: string[] = []
    for (const { file, text } of files) {
      const lines = text.split('\n')
      lines.forEach((line, i) => {
        if (!/catch \{\s*$/.test(line) && !/\.catch\(\(\) => (undefined|\[\])\)/.test(line)) return
        const context = lines.slice(Math.max(0, i - 3), i + 2) // the comment may head a short group of such lines
        const rethrows = /\bthrow\b/.test(lines[i + 1] ?? '')
        if (!rethrows && !context.some(l => /\/\/|\/\*\*?|\*\//.test(l))) bare.push(`${file}:${i + 1}`)
      })
    }
    expect(bare).toEqual([])
  })
})
