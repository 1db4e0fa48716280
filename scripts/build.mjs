// Builds the two committed bundles with ncc: dist/index.js (the action) and dist/cli.js (the command).
// ncc splits dynamic imports into chunk files next to the entry, so each entry gets its own folder
// and dist/cli.js is a one-line shim into dist/cli/; the action's chunks stay beside dist/index.js.
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync, chmodSync, readdirSync } from 'node:fs'

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--minify', '--no-source-map-register', '--transpile-only', '--quiet']
rmSync('dist', { recursive: true, force: true })
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', 'dist'], { stdio: 'inherit' })
execFileSync(process.execPath, [...ncc, 'src/cli.ts', '-o', 'dist/cli'], { stdio: 'inherit' })
mkdirSync('dist', { recursive: true })
writeFileSync('dist/cli.js', "#!/usr/bin/env node\nimport './cli/index.js'\n")
chmodSync('dist/cli.js', 0o755)
// ncc writes a package.json ({"type":"module"}) beside each ESM entry; keep them, they make Node read the bundles as ESM.
console.log(readdirSync('dist').join(' '))
