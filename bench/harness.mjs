// The bench reuses the test harness (moto launcher, OIDC endpoint, fault proxy) rather than a copy of it:
// those modules are TypeScript, so they are transpiled (types stripped, nothing else) into a temp folder
// with the typescript compiler the project already has, and imported from there.
import { mkdtemp, readFile, writeFile, copyFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createRequire } from 'node:module'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const HARNESS = join(ROOT, 'test', 'harness')
const MODULES = ['moto.ts', 'oidc.ts', 'fault-proxy.ts', 'fault-proxy-protocol.ts']

export async function loadHarness() {
  const ts = createRequire(join(ROOT, 'package.json'))('typescript')
  const out = await mkdtemp(join(tmpdir(), 'bench-harness-'))
  // these modules import node: builtins only, so they run from any folder
  await writeFile(join(out, 'package.json'), '{"type":"module"}')
  for (const file of MODULES) {
    const source = await readFile(join(HARNESS, file), 'utf8')
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: false }
    })
    await writeFile(join(out, file.replace(/\.ts$/, '.js')), outputText)
  }
  // moto.ts finds its launcher beside itself
  await copyFile(join(HARNESS, 'moto_launcher.py'), join(out, 'moto_launcher.py'))
  const load = file => import(pathToFileURL(join(out, file)).href)
  const [moto, oidc, proxy] = await Promise.all([load('moto.js'), load('oidc.js'), load('fault-proxy.js')])
  return { startMoto: moto.startMoto, startOidc: oidc.startOidc, startFaultProxy: proxy.startFaultProxy, dir: out }
}
