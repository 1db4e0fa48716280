// The bench reuses the test harness (moto launcher, OIDC endpoint, fault proxy) rather than a copy of it:
// those modules are TypeScript, so they are transpiled (types stripped, nothing else) into a folder under
// .test-work/ (gitignored) with the typescript compiler the project already has, and imported from there.
// Being two levels below the repository root, they find node_modules and the repository as they do in test/harness.
import { mkdir, mkdtemp, readFile, readdir, symlink, writeFile, copyFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const HARNESS = join(ROOT, 'test', 'harness')

/** The whole of test/harness, transpiled; `load('e2e.js')` imports one module. */
export async function loadHarness() {
  const ts = createRequire(join(ROOT, 'package.json'))('typescript')
  await mkdir(join(ROOT, '.test-work'), { recursive: true })
  // registry-charts.ts finds the test charts at ../fixtures/charts from itself
  if (!existsSync(join(ROOT, '.test-work', 'fixtures'))) await symlink(join(ROOT, 'test', 'fixtures'), join(ROOT, '.test-work', 'fixtures'))
  const out = await mkdtemp(join(ROOT, '.test-work', 'bench-harness-'))
  await writeFile(join(out, 'package.json'), '{"type":"module"}')
  const files = await readdir(HARNESS)
  for (const file of files.filter(f => f.endsWith('.ts'))) {
    const source = await readFile(join(HARNESS, file), 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false }
    })
    await writeFile(join(out, file.replace(/\.ts$/, '.js')), outputText)
  }
  // moto.ts finds its launcher beside itself
  for (const file of files.filter(f => !f.endsWith('.ts'))) await copyFile(join(HARNESS, file), join(out, file))
  const load = file => import(pathToFileURL(join(out, file)).href)
  const [moto, oidc, proxy] = await Promise.all([load('moto.js'), load('oidc.js'), load('fault-proxy.js')])
  return { startMoto: moto.startMoto, startOidc: oidc.startOidc, startFaultProxy: proxy.startFaultProxy, load, dir: out }
}
