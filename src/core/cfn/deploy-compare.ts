// Is the deployed stack already what we want? Compared before any change set is made, so a no-op re-run
// makes no change set at all (CloudFormation's own empty-change-set answer costs a create, a wait and a delete).
import type { StackSpec } from '../types.js'

/** The fields of a described stack this compares (the SDK's `Stack` has them). */
export interface DeployedStack {
  Parameters?: { ParameterKey?: string; ParameterValue?: string }[]
  Tags?: { Key?: string; Value?: string }[]
}

/** JSON with object keys sorted at every level: equal documents give equal strings. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value))
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys)
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  return Object.fromEntries(Object.keys(obj).sort().map(k => [k, sortKeys(obj[k])]))
}

/** The template body serialised the way we send it. */
export function templateBody(spec: StackSpec): string {
  return JSON.stringify(spec.template)
}

export interface Difference {
  what: 'template' | 'parameters' | 'tags'
  detail: string
}

/** Compares a deployed template body (JSON or not) with the desired template. */
export function templateDiffers(deployedBody: string | undefined, spec: StackSpec): boolean {
  if (!deployedBody) return true
  let parsed: unknown
  try {
    parsed = JSON.parse(deployedBody)
  } catch {
    return true // YAML or otherwise unparsable here: let a change set decide
  }
  return canonicalJson(parsed) !== canonicalJson(spec.template)
}

export function parameterDifferences(stack: DeployedStack, spec: StackSpec): string[] {
  const deployed = new Map((stack.Parameters ?? []).map(p => [p.ParameterKey ?? '', p.ParameterValue ?? '']))
  const out: string[] = []
  for (const [k, v] of Object.entries(spec.parameters)) {
    if (deployed.get(k) !== v) out.push(`${k}: ${deployed.get(k) ?? '(unset)'} → ${v}`)
  }
  const declared = (spec.template.Parameters ?? {}) as Record<string, { Default?: unknown }>
  for (const [k, v] of deployed) {
    if (k in spec.parameters) continue
    const def = declared[k]?.Default
    if (def === undefined || String(def) !== v) out.push(`${k}: ${v} → (default)`)
  }
  return out
}

export function tagDifferences(stack: DeployedStack, spec: StackSpec): string[] {
  const deployed = new Map((stack.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']))
  const out: string[] = []
  for (const [k, v] of Object.entries(spec.tags)) if (deployed.get(k) !== v) out.push(`${k}: ${deployed.get(k) ?? '(unset)'} → ${v}`)
  for (const k of deployed.keys()) if (!(k in spec.tags)) out.push(`${k}: removed`)
  return out
}

/** Every difference between the deployed stack and the spec; empty means nothing to do. */
export function stackDifferences(stack: DeployedStack, deployedBody: string | undefined, spec: StackSpec): Difference[] {
  const diffs: Difference[] = []
  if (templateDiffers(deployedBody, spec)) diffs.push({ what: 'template', detail: 'template body differs' })
  for (const d of parameterDifferences(stack, spec)) diffs.push({ what: 'parameters', detail: d })
  for (const d of tagDifferences(stack, spec)) diffs.push({ what: 'tags', detail: d })
  return diffs
}
