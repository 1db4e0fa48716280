// src/core is the pure core (docs/design.md, "The pipeline"): it imports no AWS SDK, runner toolkit, file system,
// child process, network, OS or process module, nothing of src/ outside src/core, and does not touch the global
// `process`, `fetch` or timers. This parses every file under src/core with the TypeScript compiler and fails on any such use.
import { describe, expect, it } from '@jest/globals'
import * as fs from 'node:fs'
import * as path from 'node:path'
import ts from 'typescript'

const CORE = path.resolve('src/core')

/** Modules that reach the world: the SDK and the runner toolkit, files, processes, network, the OS. */
const FORBIDDEN: RegExp[] = [
  /^@aws-sdk\//,
  /^@aws-crypto\//,
  /^@smithy\//,
  /^@actions\//,
  /^(node:)?(fs|fs\/promises|child_process|http|https|http2|net|tls|dgram|dns|os|process|worker_threads|cluster|readline|inspector)$/
]
/** The packages core may import; anything else must be added here on purpose (and be pure). */
const ALLOWED_PACKAGES = new Set(['yaml', 'node:util'])

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sourceFiles(p)
    return /\.(ts|mts|cts|js|mjs)$/.test(e.name) ? [p] : []
  })
}

/** Every module specifier the file names: import/export … from, import x = require(), import(), require(). */
function specifiers(sf: ts.SourceFile): { spec: string; node: ts.Node }[] {
  const out: { spec: string; node: ts.Node }[] = []
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      out.push({ spec: node.moduleSpecifier.text, node })
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      const e = node.moduleReference.expression
      out.push({ spec: ts.isStringLiteral(e) ? e.text : e.getText(sf), node })
    } else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) {
      const a = node.arguments[0]
      out.push({ spec: a && ts.isStringLiteralLike(a) ? a.text : `<computed: ${node.getText(sf)}>`, node })
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      out.push({ spec: node.argument.literal.text, node })
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** Globals that reach the world without an import: the process, the network, timers. */
const FORBIDDEN_GLOBALS = new Set(['process', 'fetch', 'WebSocket', 'XMLHttpRequest', 'setTimeout', 'setInterval', 'setImmediate'])

/** Uses of those globals (process.env, globalThis.fetch, a bare `setTimeout`), not members or keys of that name. */
function globalUses(sf: ts.SourceFile): ts.Identifier[] {
  const out: ts.Identifier[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text)) {
      const p = node.parent
      const isMemberName = (ts.isPropertyAccessExpression(p) && p.name === node && p.expression.getText(sf) !== 'globalThis') ||
        ((ts.isPropertyAssignment(p) || ts.isPropertySignature(p) || ts.isPropertyDeclaration(p) || ts.isMethodDeclaration(p)) && p.name === node)
      if (!isMemberName) out.push(node)
    }
    ts.forEachChild(node, visit)
  }
  visit(sf)
  return out
}

/** The problems of one core file: `file:line: what`. */
export function coreProblems(file: string, text: string, core: string = CORE): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const at = (n: ts.Node): string => `${path.relative(process.cwd(), file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`
  const problems: string[] = []
  for (const { spec, node } of specifiers(sf)) {
    if (spec.startsWith('.') || path.isAbsolute(spec)) {
      const target = path.resolve(path.dirname(file), spec)
      const rel = path.relative(core, target)
      if (rel.startsWith('..') || path.isAbsolute(rel)) problems.push(`${at(node)}: imports ${spec}, outside src/core`)
    } else if (FORBIDDEN.some((re) => re.test(spec))) {
      problems.push(`${at(node)}: imports ${spec}, which reaches outside the process (SDK, runner, files, network or OS)`)
    } else if (!ALLOWED_PACKAGES.has(spec)) {
      problems.push(`${at(node)}: imports ${spec}, not on the core's list of pure packages`)
    }
  }
  for (const n of globalUses(sf)) problems.push(`${at(n)}: uses the global ${n.text}`)
  return problems
}

describe('src/core stays pure', () => {
  const files = sourceFiles(CORE)

  it('holds the pure modules', () => {
    // a moved or renamed folder must not make this check vacuous
    expect(files.length).toBeGreaterThan(40)
    for (const dir of ['config', 'karpenter', 'templates', 'helm', 'plan']) expect(fs.existsSync(path.join(CORE, dir))).toBe(true)
  })

  it('no file under src/core imports the SDK, the runner, files, processes, network or code outside src/core', () => {
    const problems = files.flatMap((f) => coreProblems(f, fs.readFileSync(f, 'utf8')))
    expect(problems).toEqual([])
  })
})

describe('the check itself', () => {
  const file = path.join(CORE, 'plan', 'example.ts')
  const problems = (text: string): string[] => coreProblems(file, text).map((p) => p.replace(/^[^:]+:\d+: /, ''))

  it('accepts pure imports within src/core and the allowed packages', () => {
    expect(problems(`import type { StackSpec } from '../types.js'\nimport { isMap } from 'yaml'\nimport { isDeepStrictEqual } from 'node:util'\nexport { x } from './y.js'\nconst o = { process: 1 }\no.process = 2\n`)).toEqual([])
  })

  it.each([
    [`import type { Stack } from '@aws-sdk/client-cloudformation'`, '@aws-sdk/client-cloudformation'],
    [`import { HttpRequest } from '@smithy/protocol-http'`, '@smithy/protocol-http'],
    [`import * as core from '@actions/core'`, '@actions/core'],
    [`import { readFileSync } from 'node:fs'`, 'node:fs'],
    [`import { readFile } from 'fs/promises'`, 'fs/promises'],
    [`import { execFile } from 'node:child_process'`, 'node:child_process'],
    [`import * as https from 'node:https'`, 'node:https'],
    [`import * as http from 'http'`, 'http'],
    [`import { connect } from 'node:net'`, 'node:net'],
    [`import { tmpdir } from 'node:os'`, 'node:os'],
    [`import { env } from 'node:process'`, 'node:process'],
    [`const fs = await import('node:fs')`, 'node:fs'],
    [`export * from '@aws-sdk/client-iam'`, '@aws-sdk/client-iam'],
    [`type S = import('@aws-sdk/client-eks').Cluster`, '@aws-sdk/client-eks']
  ])('refuses %s', (text, spec) => {
    expect(problems(text)).toEqual([expect.stringContaining(`imports ${spec}`)])
  })

  it('refuses code of src/ outside src/core, however the path is written', () => {
    expect(problems(`import { info } from '../../runner/log.js'`)).toEqual([expect.stringContaining('outside src/core')])
    expect(problems(`import { x } from '../../core-extra/x.js'`)).toEqual([expect.stringContaining('outside src/core')])
    expect(problems(`export { deploy } from '../../cfn/deploy.js'`)).toEqual([expect.stringContaining('outside src/core')])
  })

  it('refuses a package not on the list', () => {
    expect(problems(`import axios from 'axios'`)).toEqual([expect.stringContaining('not on the core')])
  })

  it('refuses the global process', () => {
    expect(problems(`const region = process.env.AWS_REGION`)).toEqual(['uses the global process'])
    expect(problems(`const cwd = globalThis.process.cwd()`)).toEqual(['uses the global process'])
    expect(problems(`export function f(p = process.platform) { return p }`)).toEqual(['uses the global process'])
  })

  it('refuses the network and timers reached as globals', () => {
    expect(problems(`export const get = (u: string) => fetch(u)`)).toEqual(['uses the global fetch'])
    expect(problems(`export const later = (f: () => void) => setTimeout(f, 10)`)).toEqual(['uses the global setTimeout'])
    expect(problems(`const o = { fetch: 1, setTimeout: 2 }\no.fetch = o.setTimeout\n`)).toEqual([])
  })
})
