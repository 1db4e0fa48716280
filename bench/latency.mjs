// The apply-latency section of `npm run bench`: what the action adds on top of the time CloudFormation and helm
// themselves take. Real parts, with their slowness set:
//   - moto behind test/harness/slow-stack-proxy.ts, which holds each stack *_IN_PROGRESS for BENCH_STACK_HOLDS
//     seconds (default "9,6": the n-th executed change set, in order) and answers UpdateTerminationProtection;
//   - the real helm (test/harness/helm-binaries.ts, v3.18.0) behind a wrapper on PATH whose `upgrade` of the CRD
//     chart and of the chart first sleeps BENCH_HELM_UPGRADES seconds (default "2,5"), and which logs every call;
//   - etcd + kube-apiserver v1.32.0 and the OCI registry of the e2e harness (test/harness/e2e.ts), with
//     test/harness/kube-count-proxy.ts in front of the apiserver to count the Kubernetes calls.
// The critical path is what cannot be shortened from here: the stack holds (one stack after the other) plus the
// helm upgrades as they ran (the set sleep and helm's own work), but for the part of an upgrade that ran while
// the stacks were held. Overhead = the apply's wall time − that.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, cpSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ROOT } from './harness.mjs'

const CLUSTER = 'bench-karpenter'
const REGION = 'us-west-2'
const CHART = '1.2.0'
const HELM_VERSION = 'v3.18.0'

const seconds = (v, fallback) => (v ?? fallback).split(',').map(s => Math.round(Number(s) * 1000))

function config() {
  return `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ${CLUSTER}
  region: ${REGION}
  version: '1.32'
  tags:
    karpenter.sh/discovery: ${CLUSTER}
iam:
  withOIDC: true
karpenter:
  version: '${CHART}'
  withSpotInterruptionQueue: true
`
}

/** A `helm` that runs the real one, sleeping first on upgrades, and logs "start end exit args" per call. */
function helmWrapper(realHelm, log, crdMs, chartMs) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-helm-'))
  const script = `#!/bin/sh
start=$(date +%s%3N)
case " $* " in
  *" upgrade "*) case " $* " in *karpenter-crd*) sleep ${crdMs / 1000} ;; *) sleep ${chartMs / 1000} ;; esac ;;
esac
'${realHelm}' "$@"
rc=$?
echo "$start $(date +%s%3N) $rc $*" >> '${log}'
exit $rc
`
  writeFileSync(join(dir, 'helm'), script)
  chmodSync(join(dir, 'helm'), 0o755)
  return dir
}

function helmCalls(log) {
  if (!existsSync(log)) return []
  return readFileSync(log, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(l => {
      const [start, end, rc, ...args] = l.split(' ')
      return { start: Number(start), end: Number(end), rc: Number(rc), args }
    })
}

const helmAction = args => {
  const sub = args.find(a => !a.startsWith('-')) ?? '?'
  return sub === 'upgrade' ? `upgrade ${args.includes('karpenter-crd') ? 'karpenter-crd' : 'karpenter'}` : sub === 'registry' ? 'registry logout' : sub
}

const countBy = (xs, key) => {
  const out = {}
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1
  return out
}

/** Merged intervals' total length: time during which at least one of them ran. */
function covered(intervals) {
  const xs = intervals.map(i => [i.start, i.end]).sort((a, b) => a[0] - b[0])
  let total = 0
  let cur
  for (const [s, e] of xs) {
    if (!cur || s > cur[1]) {
      if (cur) total += cur[1] - cur[0]
      cur = [s, e]
    } else cur[1] = Math.max(cur[1], e)
  }
  return cur ? total + cur[1] - cur[0] : 0
}

/** Every AWS call, Kubernetes call and helm run of one apply, by start time (BENCH_TIMELINE=1). */
function timeline(r) {
  const events = [
    ...r.aws.map(c => ({ ...c, what: `aws  ${c.action}` })),
    ...r.kube.map(c => ({ ...c, what: `kube ${c.by === 'helm' ? '(helm) ' : ''}${c.action}` })),
    ...r.helm.map(h => ({ ...h, what: `helm ${h.args.slice(0, 3).join(' ')}` }))
  ].sort((a, b) => a.start - b.start)
  const t0 = r.started
  return [`timeline of the ${r.label} (ms from the action's start, duration)`, ...events.map(e => `${String(e.start - t0).padStart(6)} ${String(e.end - e.start).padStart(6)}  ${e.what}`)].join('\n')
}

export function kubeApiserverAvailable() {
  const bin = process.env.KUBE_APISERVER_BIN ?? join(ROOT, '.cache', 'kube-apiserver', 'v1.32.0', 'kube-apiserver')
  return existsSync(bin) ? bin : undefined
}

/** Runs a first apply and a no-op re-apply with slow stacks and slow helm; returns the printed section. */
export async function latencySection({ load, table, fmtMs, entry }) {
  const holds = seconds(process.env.BENCH_STACK_HOLDS, '9,6')
  const [crdMs, chartMs] = seconds(process.env.BENCH_HELM_UPGRADES, '2,5')
  const [{ startE2eEnv, DEPLOYER_ROLE_ARN }, { ensureHelmBinary, HELM_LAYERS }, { startSlowStackProxy }, { startKubeCountProxy }, { runAction, makeWorkspace }] =
    await Promise.all([load('e2e.js'), load('helm-binaries.js'), load('slow-stack-proxy.js'), load('kube-count-proxy.js'), load('run-action.js')])
  const helm = ensureHelmBinary(HELM_LAYERS.find(l => l.helmVersion === HELM_VERSION))
  let slow, kubeProxy
  const awsFront = async motoEndpoint => (slow = await startSlowStackProxy({ target: motoEndpoint, holdMs: holds }))
  const env = await startE2eEnv({ helm, clusterName: CLUSTER, region: REGION, authenticationMode: 'CONFIG_MAP', chartVersions: [CHART], awsFront })
  const scratch = mkdtempSync(join(tmpdir(), 'bench-latency-'))
  const helmLog = join(scratch, 'helm.log')
  const helmDir = helmWrapper(helm.helm, helmLog, crdMs, chartMs)
  try {
    kubeProxy = await startKubeCountProxy(env.kube.server, Buffer.from(env.kube.caData, 'base64').toString('utf8'), env.kube.dir)
    // The action reaches the cluster through the counting proxy: DescribeCluster reports it as the endpoint.
    await env.moto.cluster({ name: CLUSTER, region: REGION, endpoint: kubeProxy.server, certificateAuthority: env.kube.caData })
    const workspace = await makeWorkspace({ 'cluster.yaml': config() })
    cpSync(join(ROOT, '__tests__', 'fixtures', 'e2e', 'manifests'), join(workspace, 'manifests'), { recursive: true })

    const apply = async (label, extra = {}) => {
      slow.resetCalls()
      kubeProxy.resetCalls()
      rmSync(helmLog, { force: true })
      slow.holds.clear()
      const started = Date.now()
      const r = await runAction({
        entry,
        workspace,
        inputs: {
          'cluster-config': 'cluster.yaml',
          mode: 'apply',
          'node-access': 'auto',
          manifests: 'manifests',
          timeout: '300s',
          'role-to-assume': DEPLOYER_ROLE_ARN,
          chart: env.chart,
          'helm-version': HELM_VERSION.replace(/^v/, ''),
          ...extra
        },
        awsEndpoint: slow.endpoint,
        oidc: { url: env.oidc.url, token: env.oidc.requestToken },
        env: {
          AWS_ACCESS_KEY_ID: 'AKIABENCHAMBIENT',
          AWS_SECRET_ACCESS_KEY: 'bench-ambient-secret-not-used',
          ...env.helmHome,
          AWS_REGION: REGION,
          PATH: `${helmDir}:${process.env.PATH ?? ''}`
        },
        timeoutMs: 600_000
      })
      if (r.code !== 0) throw new Error(`${label} exited ${r.code}:\n${r.stdout.slice(-4000)}\n${r.stderr.slice(-2000)}`)
      const helmRuns = helmCalls(helmLog)
      const upgrades = helmRuns.filter(h => h.args.includes('upgrade'))
      const stackHolds = [...slow.holds.values()]
      const stackMs = stackHolds.reduce((a, h) => a + (h.until - h.from), 0)
      // The stacks go one after the other and the chart after them. The part of an upgrade that ran while the
      // stacks deployed (the CRD chart goes in during the waits) is off the critical path: only what lies
      // outside the span of the holds counts.
      const firstHold = Math.min(Infinity, ...stackHolds.map(h => h.from))
      const lastHold = Math.max(-Infinity, ...stackHolds.map(h => h.until))
      const outsideHolds = h => h.end - h.start - Math.max(0, Math.min(h.end, lastHold) - Math.max(h.start, firstHold))
      const upgradeMs = upgrades.reduce((a, h) => a + outsideHolds(h), 0)
      return {
        label,
        started,
        wall: r.elapsedMs,
        stackMs,
        upgradeMs,
        critical: stackMs + upgradeMs,
        aws: slow.calls.filter(c => c.by === 'sdk'),
        kube: kubeProxy.calls.slice(),
        // the test token webhook's reads of moto (all of moto's state per new EKS token): harness time, not the action's
        // (only where nothing on the critical path ran: reviews of helm's requests during its upgrades are helm's time)
        webhookMs: (() => {
          const criticalParts = [...stackHolds.map(h => ({ start: h.from, end: h.until })), ...upgrades]
          return covered([...criticalParts, ...slow.calls.filter(c => c.by === 'other')]) - covered(criticalParts)
        })(),
        helm: helmRuns,
        stdout: r.stdout
      }
    }

    // moto loads each service's backend on its first call (a second or two): a plan first, not measured.
    await apply('warm-up plan', { mode: 'plan' })
    const runs = [await apply('first apply'), await apply('no-op re-apply')]
    const lines = []
    lines.push(
      `apply with slow parts: stacks held ${holds.map(ms => `${ms / 1000} s`).join(' then ')} after their change set, helm upgrades +${crdMs / 1000} s (karpenter-crd) and +${chartMs / 1000} s (karpenter), kube-apiserver ${'v1.32.0'}`
    )
    lines.push(
      table(['run', 'critical path', '= stacks held', '+ helm upgrades', 'wall', 'overhead', 'test webhook', 'overhead net of it', 'AWS calls', 'kube calls (action+helm)', 'helm runs'], runs.map(r => [
        r.label,
        fmtMs(r.critical),
        fmtMs(r.stackMs),
        fmtMs(r.upgradeMs),
        fmtMs(r.wall),
        fmtMs(r.wall - r.critical),
        fmtMs(r.webhookMs),
        fmtMs(r.wall - r.critical - r.webhookMs),
        r.aws.length,
        `${r.kube.filter(k => k.by === 'action').length}+${r.kube.filter(k => k.by === 'helm').length}`,
        r.helm.length
      ]))
    )
    lines.push(
      'test webhook: time the apiserver waited on the harness token webhook, which reads all of moto\'s state for each new EKS\n' +
        'token (test/harness/eks-authn-sts.ts) — on EKS the authenticator answers in milliseconds; "overhead net of it" is the figure to judge.'
    )
    const [first, again] = runs
    const rows = (xs, key) => {
      const a = countBy(xs(first), key)
      const b = countBy(xs(again), key)
      return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort().map(k => [k, a[k] ?? 0, b[k] ?? 0])
    }
    lines.push(table(['AWS calls by action', 'first apply', 're-apply'], rows(r => r.aws, c => c.action)))
    lines.push(table(['Kubernetes calls (by the action)', 'first apply', 're-apply'], rows(r => r.kube.filter(k => k.by === 'action'), c => c.action)))
    lines.push(table(['Kubernetes calls (by helm)', 'first apply', 're-apply'], rows(r => r.kube.filter(k => k.by === 'helm'), c => c.action)))
    lines.push(table(['helm runs', 'first apply', 're-apply'], rows(r => r.helm, h => helmAction(h.args))))
    // Where the time went in the first apply: busy time of each kind (overlaps merged), to find the gaps.
    lines.push(
      table(['first apply: time busy with', 'ms'], [
        ['AWS calls', covered(first.aws).toFixed(0)],
        ['helm runs (all)', covered(first.helm).toFixed(0)],
        ['Kubernetes calls by the action', covered(first.kube.filter(k => k.by === 'action')).toFixed(0)]
      ])
    )
    if (process.env.BENCH_TIMELINE) for (const r of runs) lines.push(timeline(r))
    if (process.env.BENCH_LOG) lines.push(first.stdout)
    return lines.join('\n\n')
  } finally {
    await kubeProxy?.close().catch(() => undefined)
    await env.stop()
    rmSync(scratch, { recursive: true, force: true })
    rmSync(helmDir, { recursive: true, force: true })
  }
}
