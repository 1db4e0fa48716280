// render, as a runner and as a laptop would run it: the committed bundles, offline.
import { describe, expect, it, beforeAll } from '@jest/globals'
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'

const root = resolve(import.meta.dirname, '../..')
const example = 'examples/cluster-with-karpenter.yaml'

function run(entry: string, args: string[], env: Record<string, string>) {
  const home = mkdtempSync(join(tmpdir(), 'render-home-'))
  const netlog = join(home, 'network.log')
  // No AWS credentials, no ~/.aws, no proxy: render must not need them.
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(AWS_|INPUT_|GITHUB_|RUNNER_|ACTIONS_)|_PROXY$/i.test(k)))
  const r = spawnSync(process.execPath, ['--import', join(root, 'test/harness/no-network.mjs'), join(root, entry), ...args], {
    cwd: root,
    env: { ...clean, HOME: home, NO_NETWORK_LOG: netlog, ...env },
    encoding: 'utf8'
  })
  return { ...r, network: existsSync(netlog) ? readFileSync(netlog, 'utf8') : '' }
}

function parseOutputs(file: string): Record<string, string> {
  const out: Record<string, string> = {}
  const re = /^(.+?)<<(ghadelimiter_[0-9a-f-]+)\n([\s\S]*?)\n\2$/gm
  for (const m of readFileSync(file, 'utf8').matchAll(re)) out[m[1]] = m[3]
  return out
}

beforeAll(() => {
  expect(existsSync(join(root, 'dist/index.js'))).toBe(true)
})

describe('dist/cli.js --mode render', () => {
  it('writes the four artefacts offline, without credentials and without any network call', () => {
    const out = mkdtempSync(join(tmpdir(), 'render-out-'))
    const r = run('dist/cli.js', ['--config', example, '--mode', 'render', '--out', out], {})
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
    expect(r.network).toBe('')
    const stack = JSON.parse(readFileSync(join(out, 'karpenter-stack.json'), 'utf8'))
    expect(stack.Resources.KarpenterNodeRole.Properties.RoleName).toBe('eksctl-KarpenterNodeRole-cluster-with-karpenter')
    expect(stack.Resources.KarpenterNodeInstanceProfile.Properties.InstanceProfileName).toBe('KarpenterNodeInstanceProfile')
    expect(stack.Resources.KarpenterInterruptionQueue.Properties.SqsManagedSseEnabled).toBe(true)
    const controller = JSON.parse(readFileSync(join(out, 'controller-stack.json'), 'utf8'))
    expect(controller.Resources.Role1.Properties.RoleName).toBe('eksctl-cluster-with-karpenter-iamservice-role')
    const values = parse(readFileSync(join(out, 'values.yaml'), 'utf8'))
    expect(values.settings).toMatchObject({ clusterName: 'cluster-with-karpenter', interruptionQueue: 'cluster-with-karpenter' })
    const args = JSON.parse(readFileSync(join(out, 'helm-args.json'), 'utf8'))
    expect(args.slice(0, 6)).toEqual(['upgrade', '--install', 'karpenter', 'oci://public.ecr.aws/karpenter/karpenter', '--version', '1.2.1'])
    expect(r.stdout).toContain('node-role-name=eksctl-KarpenterNodeRole-cluster-with-karpenter')
  })

  it('writes the deployer policies for --account, the same as examples/ (the README command)', () => {
    const out = mkdtempSync(join(tmpdir(), 'render-policy-'))
    const r = run('dist/cli.js', ['--mode', 'render', '--config', example, '--account', '111122223333', '--out', out], {})
    expect(r.status).toBe(0)
    expect(r.network).toBe('')
    const files = readdirSync(out).filter(f => f.startsWith('deployer-policy')).sort()
    expect(files).toEqual(readdirSync(join(root, 'examples')).filter(f => f.startsWith('deployer-policy')).sort())
    for (const f of files) expect(readFileSync(join(out, f), 'utf8')).toBe(readFileSync(join(root, 'examples', f), 'utf8'))
    expect(r.stdout).toContain(`wrote ${join(out, 'deployer-policy-read-only.json')}`)
  })

  it('refuses an --account that is not 12 digits, before reading the config', () => {
    const r = run('dist/cli.js', ['--config', example, '--account', '1111-2222-3333'], {})
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('input account: "1111-2222-3333" is not an AWS account id (expected 12 digits)')
  })

  it('fails with the positioned error and writes nothing for a bad config', () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-bad-'))
    const bad = join(dir, 'bad.yaml')
    writeFileSync(bad, 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c\n  region: us-west-2\niam:\n  withOIDC: true\nkarpenter:\n  version: "0.20.0"\n  withSpotInteruptionQueue: true\n')
    const out = join(dir, 'out')
    const r = run('dist/cli.js', ['--config', bad, '--out', out], {})
    expect(r.status).toBe(1)
    expect(r.stderr).toContain(`${bad}:9:12: karpenter.version:`)
    expect(r.stderr).toMatch(/karpenter\.withSpotInteruptionQueue: .*did you mean `withSpotInterruptionQueue`/)
    // each diagnostic once, under one heading (not each line and then the same list again)
    const lines = r.stderr.split('\n').filter(l => l.includes(`${bad}:`))
    expect(lines.length).toBeGreaterThanOrEqual(2)
    expect(new Set(lines.map(l => l.replace(/^error: /, ''))).size).toBe(lines.length)
    expect(r.stderr.split('\n')[0]).toBe(`error: ${bad} has ${lines.length} errors:`)
    expect(existsSync(out)).toBe(false)
    expect(r.network).toBe('')
  })
})

describe('dist/index.js with INPUT_MODE=render', () => {
  it('sets every output known offline and writes the summary, with no network', () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-runner-'))
    const output = join(dir, 'output')
    const summary = join(dir, 'summary')
    writeFileSync(output, '')
    writeFileSync(summary, '')
    const r = run('dist/index.js', [], {
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: root,
      GITHUB_OUTPUT: output,
      GITHUB_STEP_SUMMARY: summary,
      RUNNER_TEMP: dir,
      'INPUT_CLUSTER-CONFIG': example,
      INPUT_MODE: 'render'
    })
    expect(r.status).toBe(0)
    expect(r.network).toBe('')
    expect(parseOutputs(output)).toEqual({
      'node-role-name': 'eksctl-KarpenterNodeRole-cluster-with-karpenter',
      'instance-profile-name': 'KarpenterNodeInstanceProfile',
      'controller-role-name': 'eksctl-cluster-with-karpenter-iamservice-role',
      'interruption-queue-name': 'cluster-with-karpenter',
      'karpenter-stack-name': 'eksctl-cluster-with-karpenter-karpenter',
      'controller-stack-name': 'eksctl-cluster-with-karpenter-addon-iamserviceaccount-karpenter-karpenter',
      'controller-identity': 'irsa'
    })
    const md = readFileSync(summary, 'utf8')
    expect(md).toContain('karpenter-provision · render (offline)')
    expect(md).toContain('<details><summary>Stack eksctl-cluster-with-karpenter-karpenter</summary>')
    expect(r.stdout).toContain('::group::karpenter-stack.json')
    // the deployer policy, folded; without account or role-to-assume the account is a placeholder
    expect(md).toContain('### Deployer policy')
    expect(md).toContain('<details><summary>read-only (plan and drift)</summary>')
    expect(md).toContain('give the `account` input or `--account`')
    expect(r.stdout).toContain('::group::deployer-policy.json')
  })

  it('takes the account from the account input, else from role-to-assume', () => {
    for (const [inputs, account] of [[{ INPUT_ACCOUNT: '444455556666' }, '444455556666'], [{ 'INPUT_ROLE-TO-ASSUME': 'arn:aws:iam::777788889999:role/deployer' }, '777788889999']] as const) {
      const dir = mkdtempSync(join(tmpdir(), 'render-account-'))
      const summary = join(dir, 'summary')
      writeFileSync(summary, '')
      const r = run('dist/index.js', [], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: root, GITHUB_STEP_SUMMARY: summary, RUNNER_TEMP: dir, 'INPUT_CLUSTER-CONFIG': example, INPUT_MODE: 'render', ...inputs })
      expect(r.status).toBe(0)
      const md = readFileSync(summary, 'utf8').split('### Deployer policy')[1] ?? ''
      expect(md).toContain(`scoped to this cluster's names in account ${account}.`)
      expect(md).toContain(`arn:aws:iam::${account}:role/eksctl-KarpenterNodeRole-cluster-with-karpenter`)
      expect(md).not.toContain('&lt;account-id&gt;')
    }
  })

  it('annotates config errors on the file and line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'render-annot-'))
    writeFileSync(join(dir, 'c.yaml'), 'apiVersion: eksctl.io/v1alpha5\nkind: ClusterConfig\nmetadata:\n  name: c\n  region: us-west-2\niam:\n  withOIDC: true\nkarpenter:\n  version: "1.2.1"\n  createServiceAccount: "yes"\n')
    const r = run('dist/index.js', [], { GITHUB_ACTIONS: 'true', GITHUB_WORKSPACE: dir, 'INPUT_CLUSTER-CONFIG': 'c.yaml', INPUT_MODE: 'render' })
    expect(r.status).toBe(1)
    expect(r.stdout).toMatch(/::error title=Invalid cluster config,file=c\.yaml,line=10,col=25::karpenter\.createServiceAccount: /)
  })
})
