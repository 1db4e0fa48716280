// action.yml as the runner reads it (issue 16): valid YAML for two independent strict parsers, the action metadata
// rules, and one source of truth for inputs and outputs — what the code reads and sets is what action.yml declares.
import { beforeAll, describe, expect, it } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { ACTION_YML, GENERATED, REPO_ROOT, loadActionMetadata, type ActionMetadata, parseStrict, readActionMetadata, renderInputsModule } from '../../../scripts/action-metadata.mjs'
import { InputError, readInputs } from '../../../src/inputs/read.js'

const text = readFileSync(ACTION_YML, 'utf8')

describe('action.yml is valid YAML', () => {
  it('the yaml package, strict: no error, no warning, no duplicate key, no anchor', () => {
    expect(() => parseStrict(text)).not.toThrow()
  })

  it('PyYAML (an independent parser, duplicate keys refused) reads the same document', () => {
    // PyYAML is YAML 1.1 and the yaml package 1.2: agreeing on the content also rules out values whose meaning
    // differs between the two (yes/no/on, octal-looking numbers).
    const script = `
import json, sys, yaml
class Strict(yaml.SafeLoader):
    def construct_mapping(self, node, deep=False):
        keys = [self.construct_object(k, deep=deep) for k, _ in node.value]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            raise yaml.constructor.ConstructorError(None, None, "duplicate key %s" % sorted(dup)[0], node.start_mark)
        return super().construct_mapping(node, deep)
print(json.dumps(yaml.load(sys.stdin, Loader=Strict)))
`
    let out: string
    try {
      out = execFileSync('python3', ['-c', script], { input: text, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] })
    } catch (e) {
      throw new Error(`PyYAML refused action.yml:\n${(e as { stderr?: string }).stderr ?? (e as Error).message}`)
    }
    expect(JSON.parse(out)).toEqual(parseStrict(text).toJS())
  })

  it('a plain scalar holding ": " (the bug of issue 16) is refused, with its line', () => {
    const broken = text.replace(/(\n {4}description: )"?(apply, plan)/, '$1needs permissions: id-token: write. $2')
    expect(broken).not.toBe(text)
    expect(() => parseStrict(broken)).toThrow(/line 1[0-9], column/)
  })
})

describe('action.yml follows the action metadata rules', () => {
  let meta!: ActionMetadata
  beforeAll(() => void (meta = loadActionMetadata()))

  it('no rule broken: node24, runs keys, a description on every input and output, string defaults', () => {
    expect(meta.problems).toEqual([])
    expect(meta.runs.using).toBe('node24')
    expect(meta.inputs.length).toBeGreaterThan(0)
    expect(meta.outputs.length).toBeGreaterThan(0)
  })

  it('runs.main (and pre/post when present) exist in dist/', () => {
    for (const key of ['main', 'pre', 'post'] as const) {
      const file = meta.runs[key]
      if (key === 'main' || file !== undefined) {
        expect(String(file)).toMatch(/^dist\//)
        expect(existsSync(join(REPO_ROOT, String(file)))).toBe(true)
      }
    }
  })

  it('the rules catch what they should', () => {
    const problems = (edit: (t: string) => string): string[] => readActionMetadata(edit(text)).problems
    expect(problems(t => t.replace('using: node24', 'using: node20'))).toEqual([expect.stringMatching(/runs.using is "node20"/)])
    expect(problems(t => t.replace(/(\n {2}audience:\n) {4}description: [^\n]*\n/, '$1'))).toEqual(['input audience has no description'])
    expect(problems(t => t.replace("default: '3600'", 'default: 3600'))).toEqual([expect.stringMatching(/role-duration-seconds: default 3600 is not a string/)])
    expect(problems(t => t.replace(/(\n {2}drifted:\n) {4}description: [^\n]*\n/, '$1    value: x\n'))).toEqual(
      expect.arrayContaining(['output drifted has no description', expect.stringMatching(/output drifted: unknown key value/)])
    )
  })
})

describe('one source of truth for inputs and outputs', () => {
  let meta!: ActionMetadata
  beforeAll(() => void (meta = loadActionMetadata()))

  it('src/inputs/action-yml.ts is what action.yml generates (node scripts/action-metadata.mjs)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(renderInputsModule(meta))
  })

  it('the code reads exactly the inputs action.yml declares', () => {
    const read = new Set<string>()
    readInputs(name => {
      read.add(name)
      return name === 'cluster-config' ? 'c.yaml' : ''
    })
    expect([...read].sort()).toEqual(meta.inputs.map(i => i.name).sort())
  })

  it('with the runner’s INPUT_ values (action.yml defaults) the code sees what it sees with nothing set: same defaults', () => {
    const defaults = Object.fromEntries(meta.inputs.map(i => [i.name, i.default ?? '']))
    const runner = readInputs(name => (name === 'cluster-config' ? 'c.yaml' : defaults[name] ?? ''))
    const unset = readInputs(name => (name === 'cluster-config' ? 'c.yaml' : ''))
    expect(runner).toEqual(unset)
  })

  it('the code requires exactly the inputs action.yml marks required (the runner itself does not enforce it)', () => {
    let error: unknown
    try {
      readInputs(() => '')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(InputError)
    const required = (error as InputError).problems.flatMap(p => /^input (\S+) is required/.exec(p)?.[1] ?? [])
    expect(required.sort()).toEqual(meta.inputs.filter(i => i.required).map(i => i.name).sort())
    // a required input has no default: the runner would pass the default and the check could never fire
    expect(meta.inputs.filter(i => i.required && i.default !== undefined)).toEqual([])
  })

  it('every output the code sets is declared, and every declared output is set somewhere', () => {
    // The report's outputs are typed by OutputName (generated from action.yml), so tsc refuses an undeclared name;
    // this finds the names the code writes: outputs['name'] = … anywhere, and the keys outputsOf derives.
    const set = new Set<string>()
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap(e => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []))
    for (const file of walk(join(REPO_ROOT, 'src'))) {
      if (file === GENERATED) continue
      for (const m of readFileSync(file, 'utf8').matchAll(/outputs\[['"]([a-z-]+)['"]\]\s*=(?!=)/g)) set.add(m[1]!)
    }
    const derived = readFileSync(join(REPO_ROOT, 'src', 'report', 'outputs.ts'), 'utf8')
    for (const m of derived.matchAll(/^\s*(?:known\[)?'([a-z-]+)'(?:\])?\s*[:=]/gm)) set.add(m[1]!)
    expect([...set].sort()).toEqual(meta.outputs.map(o => o.name).sort())
  })
})

describe('the README documents what action.yml declares', () => {
  const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8')
  const section = (title: string): string => readme.split(/^## /m).find(s => s.startsWith(`${title}\n`)) ?? ''
  const rows = (title: string): string[][] =>
    section(title)
      .split('\n')
      .filter(l => l.startsWith('| `'))
      .map(l => l.split('|').slice(1, -1).map(c => c.trim()))

  it('the Inputs table: the same inputs, defaults and required flags', () => {
    const meta = loadActionMetadata()
    const table = new Map(rows('Inputs').map(([name, def]) => [name!.replace(/`/g, ''), def!]))
    expect([...table.keys()].sort()).toEqual(meta.inputs.map(i => i.name).sort())
    for (const i of meta.inputs) {
      const expected = i.required ? '(required)' : i.default !== undefined ? `\`${i.default}\`` : undefined
      if (expected !== undefined) expect({ input: i.name, default: table.get(i.name) }).toEqual({ input: i.name, default: expected })
      else expect({ input: i.name, default: table.get(i.name) }).not.toEqual({ input: i.name, default: expect.stringMatching(/^\(required\)$/) })
    }
  })

  it('the Outputs table: the same outputs', () => {
    const names = rows('Outputs').flatMap(([cell]) => [...cell!.matchAll(/`([a-z-]+)`/g)].map(m => m[1]!))
    expect(names.sort()).toEqual(loadActionMetadata().outputs.map(o => o.name).sort())
  })
})
