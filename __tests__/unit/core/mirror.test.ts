// The unit tests mirror the pure core (README.md, "Tests"): every module src/core/<path>.ts has its tests in
// __tests__/unit/core/<path>.test.ts, and every test file here is such a mirror, so a module's behaviour is found
// in one place. Modules with no code to run (types only) are listed, and this checks that they still are.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import ts from 'typescript'

const CORE = path.resolve('src/core')
const TESTS = path.resolve('__tests__/unit/core')

/** Modules of types and interfaces only: nothing to run, so nothing to test. Checked to stay so below. */
const TYPE_ONLY = ['types.ts', 'config/types.ts', 'inputs.ts']

/**
 * Modules being written or tested on other branches of the same change (issue 12). Empty this list once they
 * are merged with their mirrored tests; until then a missing test here is not a failure.
 */
const TESTED_ELSEWHERE_FOR_NOW: string[] = []

/** Test files here that are not the mirror of one module. */
const NOT_A_MIRROR = ['mirror.test.ts']

function files(dir: string, suffix: RegExp): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return files(p, suffix).map(f => path.posix.join(e.name, f))
    return suffix.test(e.name) ? [e.name] : []
  })
}

const modules = files(CORE, /\.ts$/).sort()
const tests = files(TESTS, /\.test\.ts$/).sort()
const mirrorOf = (module: string): string => module.replace(/\.ts$/, '.test.ts')

/** Statements of a module that make code at run time (anything but types, interfaces and type-only imports/exports). */
function runtimeStatements(file: string): string[] {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true)
  return sf.statements
    .filter(s => {
      if (ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s)) return false
      if (ts.isImportDeclaration(s)) return !(s.importClause?.isTypeOnly ?? false)
      if (ts.isExportDeclaration(s)) return !s.isTypeOnly
      return true
    })
    .map(s => `${path.relative(CORE, file)}:${sf.getLineAndCharacterOfPosition(s.getStart()).line + 1}: ${s.getText().split('\n')[0]}`)
}

describe('the unit tests mirror src/core', () => {
  it('finds the modules and the tests (the walk itself works)', () => {
    expect(modules).toContain('config/sections/karpenter.ts')
    expect(modules).toContain('desired.ts')
    expect(tests).toContain('config/sections/karpenter.test.ts')
  })

  it('every module of src/core has its test file at the mirrored path', () => {
    const missing = modules
      .filter(m => !TYPE_ONLY.includes(m) && !TESTED_ELSEWHERE_FOR_NOW.includes(m))
      .filter(m => !tests.includes(mirrorOf(m)))
      .map(m => `src/core/${m} has no __tests__/unit/core/${mirrorOf(m)}`)
    expect(missing).toEqual([])
  })

  it('every test file here mirrors a module of src/core', () => {
    const strays = tests.filter(t => !NOT_A_MIRROR.includes(t) && !modules.includes(t.replace(/\.test\.ts$/, '.ts')))
    expect(strays.map(t => `__tests__/unit/core/${t} mirrors no src/core module: move its cases to the modules they test`)).toEqual([])
  })

  it('the modules listed as type-only exist and still hold only types', () => {
    for (const m of TYPE_ONLY) expect(modules).toContain(m)
    expect(TYPE_ONLY.flatMap(m => runtimeStatements(path.join(CORE, m)))).toEqual([])
  })

  it('the type-only check sees code (so it can fail)', () => {
    expect(runtimeStatements(path.join(CORE, 'partition.ts')).length).toBeGreaterThan(0)
    expect(runtimeStatements(path.join(CORE, 'deployer-variants.ts'))).toEqual([
      "deployer-variants.ts:6: export const DEPLOYER_VARIANTS: readonly DeployerVariant[] = ['apply', 'read-only']"
    ])
  })
})
