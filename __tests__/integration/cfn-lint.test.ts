// Every template `render` can produce, through cfn-lint (AWS's CloudFormation resource schemas): the latest patch
// of every Karpenter minor this tool installs, in each partition, with IRSA and with Pod Identity, with and
// without the interruption queue, with a 1- and a 39-character cluster name (39 puts the node role name at IAM's
// 64-character limit), each with a permissions boundary and metadata.tags. The configs go through the real config
// reader and the same buildDesiredState + renderArtefacts that `render` runs; identical templates are linted once,
// in one cfn-lint process per region. Zero errors and zero warnings; README (Tests) lists the rules switched off.
import { describe, expect, it, beforeAll, afterAll } from '@jest/globals'
import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { loadClusterConfig } from '../../src/config/load.js'
import { readInputs } from '../../src/inputs/read.js'
import { buildDesiredState } from '../../src/core/desired.js'
import { renderArtefacts } from '../../src/modes/render.js'

/** The newest release of each minor 0.28 … 1.14 (tags of aws/karpenter-provider-aws, pre-releases left out). */
export const LATEST_PATCHES = [
  '0.28.1', '0.29.2', '0.30.0', '0.31.5', '0.32.10', '0.33.12', '0.34.13', '0.35.12', '0.36.9', '0.37.8',
  '1.0.14', '1.1.10', '1.2.8', '1.3.8', '1.4.4', '1.5.8', '1.6.8', '1.7.6', '1.8.8', '1.9.2', '1.10.2', '1.11.3', '1.12.2', '1.13.1', '1.14.1'
]
const REGIONS = ['us-west-2', 'cn-north-1', 'us-gov-west-1']
const IDENTITIES = ['irsa', 'pod-identity'] as const
const QUEUE = [true, false]
const NAMES = ['k', 'c'.repeat(20) + '-' + 'x'.repeat(18)] // 1 and 39 characters
/** Rules switched off, each with its reason in README.md (Tests → cfn-lint). Keep the two lists the same. */
const IGNORED_RULES: string[] = []

function partitionOf(region: string): string {
  return region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws'
}

function configText(c: { version: string; region: string; identity: (typeof IDENTITIES)[number]; queue: boolean; name: string }): string {
  const boundary = `arn:${partitionOf(c.region)}:iam::111122223333:policy/karpenter-boundary`
  const iam =
    c.identity === 'irsa'
      ? `iam:\n  withOIDC: true\n  serviceRolePermissionsBoundary: ${boundary}\n`
      : `iam:\n  podIdentityAssociations:\n    - namespace: karpenter\n      serviceAccountName: karpenter\n      permissionsBoundaryARN: ${boundary}\n      tags:\n        team: platform\naddons:\n  - name: eks-pod-identity-agent\n`
  return `apiVersion: eksctl.io/v1alpha5
kind: ClusterConfig
metadata:
  name: ${c.name}
  region: ${c.region}
  tags:
    karpenter.sh/discovery: ${c.name}
    cost-center: "4711"
${iam}karpenter:
  version: '${c.version}'
  withSpotInterruptionQueue: ${c.queue}
`
}

interface LintFinding {
  Rule: { Id: string; Description: string }
  Level: string
  Message: string
  Filename: string
  Location: { Path?: Array<string | number> }
}

function runCfnLint(region: string, files: string[]): Promise<{ code: number; findings: LintFinding[]; stderr: string }> {
  const args = ['--format', 'json', '--regions', region, ...(IGNORED_RULES.length ? ['--ignore-checks', ...IGNORED_RULES] : []), '--', ...files]
  return new Promise((resolve, reject) => {
    const child = spawn('cfn-lint', args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.setEncoding('utf8').on('data', d => (out += d))
    child.stderr.setEncoding('utf8').on('data', d => (err += d))
    child.on('error', reject)
    child.on('close', code => {
      try {
        resolve({ code: code ?? -1, findings: out.trim() ? (JSON.parse(out) as LintFinding[]) : [], stderr: err })
      } catch (e) {
        reject(new Error(`cfn-lint printed no JSON (exit ${code}): ${out.slice(0, 2000)}\n${err.slice(0, 2000)}`))
      }
    })
  })
}

describe('cfn-lint over every template render can produce', () => {
  let dir: string
  /** region → sha256 → file */
  const files = new Map<string, Map<string, string>>()
  /** file → the combinations that rendered it */
  const origin = new Map<string, string[]>()
  let rendered = 0
  let combinations = 0

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'cfn-lint-matrix-'))
    mkdirSync(join(dir, 'configs'))
    const inputsFor = (identity: string) => {
      const raw: Record<string, string> = { 'cluster-config': 'c.yaml', mode: 'render', 'controller-identity': identity }
      return readInputs(n => raw[n] ?? '')
    }
    for (const version of LATEST_PATCHES)
      for (const region of REGIONS)
        for (const identity of IDENTITIES)
          for (const queue of QUEUE)
            for (const name of NAMES) {
              combinations++
              const label = `${version} ${region} ${identity} ${queue ? 'queue' : 'no-queue'} name=${name.length}`
              const file = join(dir, 'configs', `${combinations}.yaml`)
              writeFileSync(file, configText({ version, region, identity, queue, name }))
              const inputs = inputsFor(identity)
              const { config } = loadClusterConfig(file, { namespace: inputs.namespace, controllerIdentity: inputs.controllerIdentity })
              const artefacts = renderArtefacts(buildDesiredState(config, inputs))
              for (const stack of ['karpenter-stack.json', 'controller-stack.json']) {
                rendered++
                const body = artefacts[stack]!
                const hash = createHash('sha256').update(body).digest('hex').slice(0, 16)
                const byHash = files.get(region) ?? new Map<string, string>()
                files.set(region, byHash)
                let path = byHash.get(hash)
                if (!path) {
                  path = join(dir, `${region}-${hash}.json`)
                  writeFileSync(path, body)
                  byHash.set(hash, path)
                }
                origin.set(path, [...(origin.get(path) ?? []), `${label} ${stack}`])
              }
            }
  })

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  it('covers the whole matrix: 25 minors × 3 partitions × 2 identities × 2 queue settings × 2 name lengths', () => {
    expect(combinations).toBe(25 * 3 * 2 * 2 * 2)
    expect(rendered).toBe(combinations * 2)
  })

  it('has zero cfn-lint errors and warnings', async () => {
    // A canary linted with the us-west-2 batch: a queue retention below SQS's minimum must come back as E3034,
    // so a cfn-lint that checks nothing (or output this test cannot read) fails here instead of passing.
    const canary = join(dir, 'canary.json')
    const sample = JSON.parse(readFileSync([...files.get('us-west-2')!.values()][0]!, 'utf8')) as { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }
    sample.Resources['Canary'] = { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 30 } }
    writeFileSync(canary, JSON.stringify(sample))
    const started = Date.now()
    const results = await Promise.all([...files].map(([region, byHash]) => runCfnLint(region, [...byHash.values(), ...(region === 'us-west-2' ? [canary] : [])])))
    const unique = [...files.values()].reduce((n, m) => n + m.size, 0)
    process.stdout.write(
      `cfn-lint ${results.length} process(es): ${rendered} templates rendered from ${combinations} configs, ${unique} distinct templates linted in ${((Date.now() - started) / 1000).toFixed(1)} s\n`
    )
    const all = results.flatMap(r => r.findings)
    expect(all.filter(f => f.Filename === canary).map(f => [f.Rule.Id, f.Location.Path?.join('/')])).toEqual([['E3034', 'Resources/Canary/Properties/MessageRetentionPeriod']])
    const findings = all.filter(f => f.Filename !== canary)
    const explained = findings.map(f => `${f.Level} ${f.Rule.Id} ${f.Message} at ${(f.Location.Path ?? []).join('/')} — ${(origin.get(f.Filename) ?? [f.Filename]).slice(0, 3).join('; ')}`)
    expect(explained).toEqual([])
    // cfn-lint exits 2 for errors (the canary's batch), 0 when clean
    for (const [i, r] of results.entries()) expect([r.code, r.stderr]).toEqual([[...files.keys()][i] === 'us-west-2' ? 2 : 0, ''])
  }, 600_000)
})
