// `npm run bench`: how fast and how light the action is. Prints medians over several runs of
//   - bare `node -e ""` (the floor), `node dist/index.js` in render mode, `node dist/cli.js --mode render`:
//     wall time and peak RSS (from /usr/bin/time when present);
//   - the bundle sizes, entry and chunks;
//   - against moto (started here, behind the fault proxy in pass-through mode and the slow-stack proxy with no
//     holds, for UpdateTerminationProtection): a first apply and a no-op
//     re-apply (`install-chart: false`, `node-access: none`) — wall time and AWS calls by action;
//   - for comparison, aws-actions/configure-aws-credentials' committed dist/index.js assuming a role against
//     the same moto and OIDC endpoint, when BENCH_CAA_DIST names that file (the row is skipped otherwise).
//   - apply latency (bench/latency.mjs): a first apply and a no-op re-apply with CloudFormation held in progress
//     and helm upgrades slowed, against the real kube-apiserver — critical path, wall time, overhead, and the
//     AWS, Kubernetes and helm calls (skipped when the kube-apiserver binary is not built).
// No assertions: figures, not tests. BENCH_RUNS (default 10) and BENCH_APPLY_RUNS (default 5) set the counts;
// BENCH_ONLY=startup,bundle,aws,latency picks sections; BENCH_DIST=<folder> runs another build of dist/ (e.g. a
// copy made before a change, to compare).
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT, loadHarness } from './harness.mjs'
import { kubeApiserverAvailable, latencySection } from './latency.mjs'

const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const APPLY_RUNS = Number(process.env.BENCH_APPLY_RUNS ?? 5)
const CONFIG = 'examples/cluster-with-karpenter.yaml'
const CLUSTER = 'cluster-with-karpenter'
const REGION = 'us-west-2'
const DIST = process.env.BENCH_DIST ?? join(ROOT, 'dist')
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : undefined
const wanted = section => !ONLY || ONLY.has(section)
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined

const median = xs => {
  const s = [...xs].filter(x => x !== undefined).sort((a, b) => a - b)
  if (s.length === 0) return undefined
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Runs a command once: wall ms (measured here), peak RSS KiB (from /usr/bin/time), exit code. */
function measure(command, args, env, cwd = ROOT) {
  const scratch = mkdtempSync(join(tmpdir(), 'bench-run-'))
  const timeFile = join(scratch, 'time')
  const [cmd, argv] = TIME ? [TIME, ['-f', '%e %M', '-o', timeFile, command, ...args]] : [command, args]
  const started = process.hrtime.bigint()
  return new Promise(resolve => {
    const child = spawn(cmd, argv, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    child.stdout.on('data', d => (out += d))
    child.stderr.on('data', d => (out += d))
    child.on('close', code => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6
      let rssKiB
      if (TIME && existsSync(timeFile)) rssKiB = Number(readFileSync(timeFile, 'utf8').trim().split(/\s+/).pop())
      rmSync(scratch, { recursive: true, force: true })
      resolve({ ms, rssKiB, code, out })
    })
  })
}

/** A runner-like environment: clean, with GITHUB_* files and RUNNER_TEMP in a fresh folder. */
function runnerEnv(inputs, extra = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-runner-'))
  for (const f of ['output', 'summary', 'env', 'path', 'state']) writeFileSync(join(dir, f), '')
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ROOT,
    // what every runner sets (configure-aws-credentials tags its session with these)
    GITHUB_REPOSITORY: 'example/infra',
    GITHUB_WORKFLOW: 'bench',
    GITHUB_ACTION: 'bench',
    GITHUB_ACTOR: 'bench',
    GITHUB_SHA: '0000000000000000000000000000000000000000',
    GITHUB_RUN_ID: '1',
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
    GITHUB_STATE: join(dir, 'state'),
    RUNNER_TEMP: dir,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(dir, 'none'),
    AWS_SHARED_CREDENTIALS_FILE: join(dir, 'none')
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  return { env: { ...env, ...extra }, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

async function repeat(n, once) {
  const results = []
  for (let i = 0; i < n; i++) results.push(await once(i))
  return results
}

const fmtMs = ms => (ms === undefined ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`)
const fmtMiB = kib => (kib === undefined || Number.isNaN(kib) ? '—' : `${(kib / 1024).toFixed(1)} MiB`)
const fmtKiB = bytes => `${(bytes / 1024).toFixed(1)} KiB`

function table(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map(r => String(r[i]).length)))
  const line = cells => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd()
  return [line(headers), widths.map(w => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n')
}

async function startupRows() {
  const rows = []
  const add = async (label, command, args, envOf) => {
    const runs = await repeat(RUNS, async () => {
      const { env, cleanup } = envOf()
      const r = await measure(command, args, env)
      cleanup()
      if (r.code !== 0) throw new Error(`${label} exited ${r.code}:\n${r.out.slice(-2000)}`)
      return r
    })
    rows.push([label, fmtMs(median(runs.map(r => r.ms))), fmtMiB(median(runs.map(r => r.rssKiB))), `${fmtMs(Math.min(...runs.map(r => r.ms)))}–${fmtMs(Math.max(...runs.map(r => r.ms)))}`])
  }
  await add('node -e ""', process.execPath, ['-e', ''], () => runnerEnv({}))
  await add('dist/index.js (render)', process.execPath, [join(DIST, 'index.js')], () => runnerEnv({ 'cluster-config': CONFIG, mode: 'render' }))
  await add('dist/cli.js --mode render', process.execPath, [join(DIST, 'cli.js'), '--mode', 'render', '--config', CONFIG], () => runnerEnv({}))
  return table([`start-up (median of ${RUNS})`, 'wall', 'peak RSS', 'range'], rows)
}

function bundleRows() {
  const rows = []
  const listing = dir =>
    readdirSync(join(ROOT, dir))
      .filter(f => f.endsWith('.js'))
      .map(f => ({ file: `${dir}/${f}`, bytes: statSync(join(ROOT, dir, f)).size }))
  const action = listing('dist').filter(f => f.file !== 'dist/cli.js')
  // dist/cli.js is a shim into the same bundle: the command is the shim plus everything the action has.
  const cli = [{ file: 'dist/cli.js', bytes: statSync(join(DIST, 'cli.js')).size }, ...action]
  const total = xs => xs.reduce((a, f) => a + f.bytes, 0)
  for (const [label, files] of [['action (dist/index.js + chunks)', action], ['command (dist/cli.js shim + the same bundle)', cli]]) {
    const entry = files.find(f => /^dist\/index\.js$/.test(f.file))
    const chunks = files.filter(f => /\d+\.index\.js$/.test(f.file)).sort((a, b) => b.bytes - a.bytes)
    rows.push([label, fmtKiB(total(files)), entry ? fmtKiB(entry.bytes) : '—', `${chunks.length}: ${chunks.map(c => fmtKiB(c.bytes)).join(', ')}`])
  }
  return table(['bundle', 'total', 'entry', 'chunks (largest first)'], rows)
}

async function awsRows() {
  const { startMoto, startOidc, startFaultProxy, load, dir } = await loadHarness()
  const moto = await startMoto()
  const oidc = await startOidc()
  // UpdateTerminationProtection answered as CloudFormation does (moto answers 500 and the SDK retries); no holds
  const { startSlowStackProxy } = await load('slow-stack-proxy.js')
  const cfn = await startSlowStackProxy({ target: moto.directEndpoint, holdMs: [0] })
  const proxy = await startFaultProxy({ target: cfn.endpoint })
  const deployer = 'arn:aws:iam::123456789012:role/karpenter-deployer'
  const aws = { AWS_ENDPOINT_URL: proxy.endpoint, AWS_REGION: REGION, ACTIONS_ID_TOKEN_REQUEST_URL: oidc.url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: oidc.requestToken }
  const inputs = { 'cluster-config': CONFIG, mode: 'apply', 'install-chart': 'false', 'node-access': 'none', 'role-to-assume': deployer }
  const sections = []
  try {
    const first = []
    const again = []
    for (let i = 0; i < APPLY_RUNS; i++) {
      await moto.reset()
      await moto.cluster({ name: CLUSTER, region: REGION, version: '1.32', status: 'ACTIVE' })
      for (const bucket of [first, again]) {
        proxy.resetCalls()
        const { env, cleanup } = runnerEnv(inputs, aws)
        const r = await measure(process.execPath, [join(DIST, 'index.js')], env)
        cleanup()
        if (r.code !== 0) throw new Error(`apply exited ${r.code}:\n${r.out.slice(-3000)}`)
        bucket.push({ ...r, calls: proxy.countsByAction(), total: proxy.calls.length, mutations: proxy.mutations().length })
      }
    }
    const callRows = []
    const actions = [...new Set([...first, ...again].flatMap(r => Object.keys(r.calls)))].sort()
    for (const a of actions) callRows.push([a, median(first.map(r => r.calls[a] ?? 0)), median(again.map(r => r.calls[a] ?? 0))])
    callRows.push(['total calls', median(first.map(r => r.total)), median(again.map(r => r.total))])
    callRows.push(['of which mutations', median(first.map(r => r.mutations)), median(again.map(r => r.mutations))])
    sections.push(
      table([`apply against moto (median of ${APPLY_RUNS})`, 'wall', 'peak RSS', 'AWS calls'], [
        ['first apply', fmtMs(median(first.map(r => r.ms))), fmtMiB(median(first.map(r => r.rssKiB))), median(first.map(r => r.total))],
        ['no-op re-apply', fmtMs(median(again.map(r => r.ms))), fmtMiB(median(again.map(r => r.rssKiB))), median(again.map(r => r.total))]
      ])
    )
    sections.push(table(['AWS calls by action', 'first apply', 're-apply'], callRows))

    const caa = process.env.BENCH_CAA_DIST
    if (caa && existsSync(caa)) {
      const runs = await repeat(RUNS, async () => {
        proxy.resetCalls()
        const { env, cleanup } = runnerEnv({ 'role-to-assume': deployer, 'aws-region': REGION, audience: 'sts.amazonaws.com' }, aws)
        const r = await measure(process.execPath, [caa], env)
        cleanup()
        return { ...r, total: proxy.calls.length }
      })
      const ok = runs.filter(r => r.code === 0).length
      sections.push(
        table([`configure-aws-credentials dist/index.js (median of ${RUNS})`, 'wall', 'peak RSS', 'AWS calls', 'exit 0'], [
          ['assume role (OIDC → STS)', fmtMs(median(runs.map(r => r.ms))), fmtMiB(median(runs.map(r => r.rssKiB))), median(runs.map(r => r.total)), `${ok}/${RUNS}`]
        ])
      )
      if (ok < RUNS) sections.push(`(configure-aws-credentials failed; last output:\n${runs.at(-1).out.slice(-1500)})`)
    } else {
      sections.push('configure-aws-credentials: skipped (set BENCH_CAA_DIST to its dist/index.js to compare)')
    }
  } finally {
    await proxy.close()
    await cfn.close()
    await oidc.stop()
    await moto.stop()
    rmSync(dir, { recursive: true, force: true })
  }
  return sections.join('\n\n')
}

async function latencyRows() {
  if (!kubeApiserverAvailable()) return 'apply latency: skipped (no kube-apiserver binary: set KUBE_APISERVER_BIN or build it with test/infra/kube/build-apiserver.sh)'
  const { load, dir } = await loadHarness()
  try {
    return await latencySection({ load, table, fmtMs, entry: join(DIST, 'index.js') })
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function main() {
  if (!existsSync(join(DIST, 'index.js')) || !existsSync(join(DIST, 'cli.js'))) {
    console.error(`${DIST} has no index.js/cli.js: run \`npm run build\` first`)
    process.exitCode = 1
    return
  }
  console.log(`karpenter-provision bench — node ${process.version}, ${RUNS} runs (${APPLY_RUNS} for apply)${TIME ? '' : ', no /usr/bin/time: RSS not measured'}\n`)
  const sections = [
    ['startup', startupRows],
    ['bundle', bundleRows],
    ['aws', awsRows],
    ['latency', latencyRows]
  ]
  for (const [name, run] of sections) {
    if (!wanted(name)) continue
    console.log(await run())
    console.log()
  }
}

await main()
