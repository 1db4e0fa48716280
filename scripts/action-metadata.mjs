// action.yml read the way the tests need it: strictly (any YAML error or warning, a duplicate key, an anchor or alias
// is fatal — the runner's reader refuses anchors) and checked against the action metadata rules in docs/design.md
// ("action.yml, the runner contract"). `node scripts/action-metadata.mjs` writes src/inputs/action-yml.ts, the
// inputs and outputs the code knows, from action.yml; `--check` only compares (a unit test does the same).
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isAlias, isScalar, parseDocument, visit } from 'yaml'

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const ACTION_YML = join(REPO_ROOT, 'action.yml')
export const GENERATED = join(REPO_ROOT, 'src', 'inputs', 'action-yml.ts')

const NODE_RUNS_KEYS = ['using', 'main', 'pre', 'pre-if', 'post', 'post-if']
const INPUT_KEYS = ['description', 'required', 'default', 'deprecationMessage']
const TOP_KEYS = ['name', 'author', 'description', 'inputs', 'outputs', 'runs', 'branding']

/** Parses YAML text strictly; throws one error listing every problem with its line and column. */
export function parseStrict(text, file = 'action.yml') {
  const doc = parseDocument(text, { strict: true, uniqueKeys: true, prettyErrors: true, version: '1.2', schema: 'core' })
  const problems = [...doc.errors, ...doc.warnings].map(e => `${file}: ${e.message.trim()}`)
  visit(doc, (_key, node) => {
    if (isAlias(node) || node?.anchor) problems.push(`${file}: anchors and aliases are not supported by the runner (${isAlias(node) ? `*${node.source}` : `&${node.anchor}`})`)
  })
  if (problems.length > 0) throw new Error(problems.join('\n'))
  return doc
}

/**
 * The action's metadata as data, with every rule broken listed in `problems` (empty when valid):
 * name and description; runs.using node24 with main (and pre/post) — whether the files exist is for the caller;
 * each input a mapping with a description, `required` a boolean, `default` a string (quoted in YAML, so the
 * INPUT_ variable carries exactly the text written); each output with a description.
 */
export function readActionMetadata(text, file = 'action.yml') {
  const root = parseStrict(text, file).toJS()
  const problems = []
  const isMapping = v => v !== null && typeof v === 'object' && !Array.isArray(v)
  const nonEmpty = v => typeof v === 'string' && v.trim() !== ''
  if (!isMapping(root)) throw new Error(`${file}: the document is not a mapping`)
  for (const key of Object.keys(root)) if (!TOP_KEYS.includes(key)) problems.push(`unknown top-level key ${key}`)
  if (!nonEmpty(root.name)) problems.push('name is required')
  if (!nonEmpty(root.description)) problems.push('description is required')

  const runs = isMapping(root.runs) ? root.runs : {}
  if (!isMapping(root.runs)) problems.push('runs is required')
  if (runs.using !== 'node24') problems.push(`runs.using is ${JSON.stringify(runs.using)}, expected node24`)
  if (!nonEmpty(runs.main)) problems.push('runs.main is required')
  for (const key of Object.keys(runs)) {
    if (!NODE_RUNS_KEYS.includes(key)) problems.push(`runs.${key} is not a key of a node action (${NODE_RUNS_KEYS.join(', ')})`)
    else if (!nonEmpty(runs[key])) problems.push(`runs.${key} is not a non-empty string`)
  }

  const inputs = []
  for (const [name, spec] of Object.entries(isMapping(root.inputs) ? root.inputs : {})) {
    if (!isMapping(spec)) {
      problems.push(`input ${name} is not a mapping`)
      continue
    }
    for (const key of Object.keys(spec)) if (!INPUT_KEYS.includes(key)) problems.push(`input ${name}: unknown key ${key}`)
    if (!nonEmpty(spec.description)) problems.push(`input ${name} has no description`)
    if (spec.required !== undefined && typeof spec.required !== 'boolean') problems.push(`input ${name}: required is not true or false`)
    if (spec.default !== undefined && typeof spec.default !== 'string') {
      problems.push(`input ${name}: default ${JSON.stringify(spec.default)} is not a string (quote it)`)
    }
    if (typeof spec.default === 'string' && spec.default.includes('${{')) problems.push(`input ${name}: expressions in defaults are not used by this action`)
    inputs.push({ name, description: String(spec.description ?? '').trim(), required: spec.required === true, ...(spec.default !== undefined ? { default: String(spec.default) } : {}) })
  }
  const outputs = []
  for (const [name, spec] of Object.entries(isMapping(root.outputs) ? root.outputs : {})) {
    if (!isMapping(spec) || !nonEmpty(spec.description)) problems.push(`output ${name} has no description`)
    for (const key of Object.keys(isMapping(spec) ? spec : {})) if (key !== 'description') problems.push(`output ${name}: unknown key ${key} (a node action sets its outputs itself)`)
    outputs.push({ name, description: String(spec?.description ?? '').trim() })
  }
  return { name: root.name, description: root.description, runs, branding: root.branding, inputs, outputs, problems }
}

/** The text of src/inputs/action-yml.ts for this metadata. */
export function renderInputsModule(meta) {
  const list = items => items.map(i => `  ${JSON.stringify(i)}`).join(',\n')
  return `// Generated from action.yml by \`node scripts/action-metadata.mjs\`: the action's inputs and outputs as the runner
// reads them. Do not edit; edit action.yml and regenerate (a unit test fails while the two differ).

export interface DeclaredInput {
  readonly name: string
  readonly description: string
  readonly required: boolean
  readonly default?: string
}

export const ACTION_INPUTS = [
${list(meta.inputs)}
] as const satisfies readonly DeclaredInput[]

export const ACTION_OUTPUTS = [
${list(meta.outputs)}
] as const satisfies ReadonlyArray<{ readonly name: string; readonly description: string }>

export type InputName = (typeof ACTION_INPUTS)[number]['name']
export type OutputName = (typeof ACTION_OUTPUTS)[number]['name']
`
}

export function loadActionMetadata(path = ACTION_YML) {
  return readActionMetadata(readFileSync(path, 'utf8'), path)
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const meta = loadActionMetadata()
  if (meta.problems.length > 0) {
    console.error(`action.yml breaks the action metadata rules:\n  ${meta.problems.join('\n  ')}`)
    process.exit(1)
  }
  const text = renderInputsModule(meta)
  if (process.argv.includes('--check')) {
    if (readFileSync(GENERATED, 'utf8') !== text) {
      console.error('src/inputs/action-yml.ts differs from action.yml: run `node scripts/action-metadata.mjs`')
      process.exit(1)
    }
  } else {
    writeFileSync(GENERATED, text)
    console.log(`wrote ${GENERATED}`)
  }
}
