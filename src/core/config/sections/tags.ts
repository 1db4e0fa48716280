// Tags (`metadata.tags`, `iam.podIdentityAssociations[].tags`): a mapping of strings, each key and value
// held to AWS's tag rules when the file is read, so a tag AWS would refuse — or one whose text could act on
// the log or the summary (a line break, a backtick) — stops the run at its line and column.
import { isMap } from 'yaml'
import type { MapView } from '../view.js'
import { TAG_CHARACTERS, TAG_KEY_MAX, TAG_RESERVED_PREFIX, TAG_VALUE_MAX } from '../patterns.js'

const ALLOWED = "letters, digits, spaces and _ . : / = + - @"
const KEY_EXPECTED = `a tag key: 1-${TAG_KEY_MAX} ${ALLOWED}, not starting with aws:`
const VALUE_EXPECTED = `a tag value: 0-${TAG_VALUE_MAX} ${ALLOWED}`

/** The tags under `key` of `parent`; entries that break AWS's rules are reported and left out. */
export function readTags(parent: MapView, key: string): Record<string, string> {
  const tags = parent.stringMap(key) ?? {}
  const written = parent.entry(key)
  if (!written || !isMap(written.value)) return tags
  const view = parent.ctx.map(written.value, written.path)
  const ctx = parent.ctx
  for (const e of view.entries()) {
    if (!(e.key in tags)) continue
    const keyProblem = problem(e.key, 1, TAG_KEY_MAX, 'key')
      ?? (TAG_RESERVED_PREFIX.test(e.key) ? 'tag keys starting with aws: are reserved for AWS' : undefined)
    if (keyProblem) {
      // the key itself is not fit to be part of a key path in a message
      ctx.error(e.keyNode, view.path, keyProblem, ctx.describe(e.keyNode), KEY_EXPECTED)
      delete tags[e.key]
      continue
    }
    const valueProblem = problem(tags[e.key]!, 0, TAG_VALUE_MAX, 'value')
    if (valueProblem) {
      ctx.error(view.at(e), e.path, valueProblem, ctx.describe(e.value), VALUE_EXPECTED)
      delete tags[e.key]
    }
  }
  return tags
}

function problem(text: string, min: number, max: number, what: 'key' | 'value'): string | undefined {
  const length = [...text].length
  if (length < min) return `a tag ${what} must not be empty`
  if (length > max) return `tag ${what} is ${length} characters long (AWS allows at most ${max})`
  if (TAG_CHARACTERS.test(text)) return undefined
  const bad = [...text].find(c => !TAG_CHARACTERS.test(c))!
  return `tag ${what} contains ${describeCharacter(bad)}, which AWS does not allow in tags`
}

/** A character named so that the name itself is harmless in a log line. */
function describeCharacter(c: string): string {
  const code = `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`
  const names: Record<string, string> = { '\n': 'a line break', '\r': 'a carriage return', '\t': 'a tab' }
  if (names[c]) return `${names[c]} (${code})`
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(c) ? `"${c}" (${code})` : code
}
