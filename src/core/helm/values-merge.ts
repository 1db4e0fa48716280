// What `helm get values` will report after an install with several --values files: helm deep-merges them in
// order (maps merge key by key, anything else is replaced by the later file; a null is kept as null). Used to
// tell whether a re-run would change the release at all.
import { isDeepStrictEqual } from 'node:util'

type Values = Record<string, unknown>

function isMap(x: unknown): x is Values {
  return typeof x === 'object' && x !== null && !Array.isArray(x)
}

export function mergeValues(base: Values, ...overrides: Values[]): Values {
  const out: Values = { ...base }
  for (const o of overrides) {
    for (const [k, v] of Object.entries(o)) {
      const cur = out[k]
      out[k] = isMap(cur) && isMap(v) ? mergeValues(cur, v) : v
    }
  }
  return out
}

/** Equal as JSON documents (key order ignored); what matters for "would helm change anything". */
export function sameValues(a: Values, b: Values): boolean {
  return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)))
}
