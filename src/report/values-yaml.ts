// The Helm values as YAML, made once per values object: render's log, `--out` files and the summary all show it.
import { stringify } from 'yaml'

const made = new WeakMap<object, string>()

export function valuesYaml(values: Record<string, unknown>): string {
  let yaml = made.get(values)
  if (yaml === undefined) {
    yaml = stringify(values)
    made.set(values, yaml)
  }
  return yaml
}
