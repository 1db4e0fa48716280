// Builds the committed bundle with ncc: dist/index.js (the action) plus the chunks ncc splits off for
// dynamic imports (each mode, the AWS SDK clients), and dist/cli.js, the command's shim into the same
// bundle (it marks itself as the command line, then loads dist/index.js).
import { execFileSync } from 'node:child_process'
import { rmSync, writeFileSync, chmodSync, readdirSync } from 'node:fs'

const ncc = ['node_modules/@vercel/ncc/dist/ncc/cli.js', 'build', '--minify', '--no-source-map-register', '--transpile-only', '--quiet']
rmSync('dist', { recursive: true, force: true })
execFileSync(process.execPath, [...ncc, 'src/index.ts', '-o', 'dist'], { stdio: 'inherit' })
writeFileSync('dist/cli.js', "#!/usr/bin/env node\nglobalThis.__karpenterProvisionCli = true\nawait import('./index.js')\n")
chmodSync('dist/cli.js', 0o755)
// ncc writes a package.json ({"type":"module"}) beside the ESM entry; it makes Node read the bundle (and the shim) as ESM.
console.log(readdirSync('dist').join(' '))
