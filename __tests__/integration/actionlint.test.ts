// The workflows users copy, checked by actionlint (https://github.com/rhysd/actionlint, pinned in
// test/infra/actionlint/ensure.sh) with `uses:` pointed at this checkout's action.yml (issue 16). For a local action
// actionlint parses action.yml with go-yaml (a third strict parser), checks its name, description and branding (the
// icon and colour lists in actionlint's rule_action.go, taken from GitHub's metadata syntax page), and checks every
// step's `with:` against the declared inputs: an unknown input or a missing required one fails.
// Every complete workflow in README.md and examples/ is linted as it is; a README fragment that is not a whole
// workflow (a list of steps, a step, or a job body) is linted as steps of a generated job.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parse, stringify } from 'yaml'
import { ACTION_YML, REPO_ROOT } from '../../scripts/action-metadata.mjs'

/** `uses: owner/karpenter-provision@ref`, as the README writes it */
const USES_ACTION = /uses:\s*[\w.-]+\/karpenter-provision@[\w.-]+/g

interface Workflow {
  /** where it comes from, e.g. README.md:37 */
  origin: string
  text: string
  /** line in the origin file of the workflow's first line, when the text is the origin's own (not generated) */
  firstLine?: number
}

interface Finding {
  message: string
  filepath: string
  line: number
  column: number
  kind: string
}

let actionlint = ''
beforeAll(() => {
  actionlint = execFileSync('bash', [join(REPO_ROOT, 'test/infra/actionlint/ensure.sh')], { encoding: 'utf8' }).trim()
}, 300_000)

/** Lints workflows in a throwaway repository (actionlint wants `.git` and `.github/workflows`) whose root holds `actionYml`. */
function lint(workflows: Workflow[], actionYml = readFileSync(ACTION_YML, 'utf8')): Array<Finding & { origin: string; where: string }> {
  const project = mkdtempSync(join(tmpdir(), 'actionlint-'))
  mkdirSync(join(project, '.git'))
  mkdirSync(join(project, '.github', 'workflows'), { recursive: true })
  writeFileSync(join(project, 'action.yml'), actionYml)
  symlinkSync(join(REPO_ROOT, 'dist'), join(project, 'dist')) // actionlint checks that runs.main exists
  const files = workflows.map((w, i) => {
    const file = join('.github', 'workflows', `w${i}.yml`)
    writeFileSync(join(project, file), w.text)
    return file
  })
  // shellcheck and pyflakes off: the result must not depend on what else the machine has installed
  const r = spawnSync(actionlint, ['-no-color', '-shellcheck=', '-pyflakes=', '-format', '{{json .}}', ...files], { cwd: project, encoding: 'utf8' })
  rmSync(project, { recursive: true, force: true })
  if (r.status !== 0 && r.status !== 1) throw new Error(`actionlint failed (${r.status}): ${r.stderr}`)
  const findings = JSON.parse(r.stdout || '[]') as Finding[]
  return findings.map(f => {
    const w = workflows[files.indexOf(f.filepath)]!
    const where = w.firstLine !== undefined ? `${w.origin.split(':')[0]}:${w.firstLine + f.line - 1}:${f.column}` : `${w.origin} (generated job, line ${f.line})`
    return { ...f, origin: w.origin, where }
  })
}

/** The YAML blocks of README.md that are workflows or parts of one, with `uses:` pointed at the local action. */
function readmeWorkflows(): { workflows: Workflow[]; rewritten: number; skipped: string[] } {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
  const workflows: Workflow[] = []
  const skipped: string[] = []
  let rewritten = 0
  for (const m of readme.matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)) {
    const firstLine = readme.slice(0, m.index).split('\n').length + 1
    const origin = `README.md:${firstLine}`
    const text = m[1]!.replace(USES_ACTION, () => (rewritten++, 'uses: ./'))
    const doc: unknown = parse(text)
    const isMap = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v)
    if (isMap(doc) && 'jobs' in doc) {
      workflows.push({ origin, text, firstLine })
    } else if (isMap(doc) && 'apiVersion' in doc && 'kind' in doc) {
      skipped.push(`${origin} (${String(doc.kind)})`)
    } else if (Array.isArray(doc) || (isMap(doc) && ('uses' in doc || 'run' in doc)) || (isMap(doc) && 'steps' in doc)) {
      const { permissions, ...job } = isMap(doc) && 'steps' in doc ? doc : { permissions: undefined, steps: Array.isArray(doc) ? doc : [doc] }
      const generated = { on: 'workflow_dispatch', ...(permissions ? { permissions } : {}), jobs: { fragment: { 'runs-on': 'ubuntu-latest', ...job } } }
      workflows.push({ origin, text: stringify(generated) })
    } else {
      throw new Error(`${origin}: a YAML block that is neither a workflow, a part of one, nor a ClusterConfig — teach this test what it is`)
    }
  }
  return { workflows, rewritten, skipped }
}

/** Complete workflows under examples/ (files with `on:` and `jobs:`), as they are. */
function exampleWorkflows(): Workflow[] {
  const dir = join(REPO_ROOT, 'examples')
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter(f => /\.ya?ml$/.test(f))
    .flatMap(f => {
      const text = readFileSync(join(dir, f), 'utf8')
      const doc = parse(text) as Record<string, unknown> | null
      if (!doc || typeof doc !== 'object' || !('jobs' in doc)) return []
      return [{ origin: `examples/${f}:1`, text: text.replace(USES_ACTION, 'uses: ./'), firstLine: 1 }]
    })
}

describe('actionlint over the README and examples/, against this action.yml', () => {
  it('every workflow and workflow fragment passes', () => {
    const readme = readmeWorkflows()
    const all = [...readme.workflows, ...exampleWorkflows()]
    // not vacuous: every `uses:` of the action in the README was rewritten and is in a linted workflow
    const inReadme = [...readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').matchAll(USES_ACTION)].length
    expect(inReadme).toBeGreaterThanOrEqual(5)
    expect(readme.rewritten).toBe(inReadme)
    expect(readme.workflows.reduce((n, w) => n + (w.text.match(/uses: \.\//g)?.length ?? 0), 0)).toBe(inReadme)
    const findings = lint(all)
    expect(findings.map(f => `${f.where}: ${f.message} [${f.kind}]`)).toEqual([])
  })

  const workflow = (withLines: string): Workflow => ({
    origin: 'test:1',
    firstLine: 1,
    text: `on: push\npermissions: { id-token: write }\njobs:\n  k:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        with:\n${withLines}`
  })
  const messages = (w: Workflow, actionYml?: string): string => lint([w], actionYml).map(f => f.message).join('\n')

  it('catches an unknown input and a missing required input', () => {
    expect(messages(workflow('          cluster-config: c.yaml\n'))).toBe('')
    expect(messages(workflow('          cluster-config: c.yaml\n          role-to-asume: arn:aws:iam::111122223333:role/x\n'))).toMatch(/input "role-to-asume" is not defined/)
    expect(messages(workflow('          mode: plan\n'))).toMatch(/missing input "cluster-config" which is required/)
  })

  it('catches an action.yml that is not YAML (issue 16), and a wrong branding icon or colour', () => {
    const actionYml = readFileSync(ACTION_YML, 'utf8')
    const ok = workflow('          cluster-config: c.yaml\n')
    const broken = actionYml.replace(/(\n {2}audience:\n {4}description: )[^\n]*/, '$1Audience: of the OIDC token.')
    expect(broken).not.toBe(actionYml)
    expect(messages(ok, broken)).toMatch(/could not parse action metadata/)
    expect(messages(ok, actionYml.replace(/\n {2}icon: \S+/, '\n  icon: kubernetes'))).toMatch(/incorrect icon name "kubernetes"/)
    expect(messages(ok, actionYml.replace(/\n {2}color: \S+/, '\n  color: pink'))).toMatch(/incorrect color "pink"/)
  })
})

describe('the command line', () => {
  it('--help lists every input action.yml declares, with its description and default, and says once that the mode defaults to render', () => {
    const help = execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), '--help'], { encoding: 'utf8' })
    const declared = parse(readFileSync(ACTION_YML, 'utf8')).inputs as Record<string, { description: string; default?: string }>
    for (const [name, input] of Object.entries(declared)) {
      const flag = name === 'cluster-config' ? '--config' : `--${name}`
      const line = help.split('\n').find(l => l.trimStart().startsWith(`${flag} `))
      expect({ name, line: line?.includes(input.description.trim()) }).toEqual({ name, line: true })
      if (input.default !== undefined && name !== 'mode') expect(line).toContain(`Default: ${input.default}.`)
    }
    expect(help.match(/default[^.\n]*: render/gi)).toHaveLength(1)
    expect(help).not.toMatch(/mode=apply|Default: apply/)
  })
})
