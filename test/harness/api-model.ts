// AWS's own API models (botocore's data/<service>/<version>/service-2.json(.gz), shipped with moto's Python install)
// as a request and response checker: the operation exists, no unknown members, required members present, enums,
// string lengths and patterns, list/map and number bounds. Requests are read the way each protocol puts them on the
// wire — query (form-encoded, `Name.member.N` / `Name.entry.N.key` flattening, EC2's `Name.N`), JSON (X-Amz-Target)
// and REST-JSON (path labels, query string, body) — by walking the model, so whatever is left over is an unknown
// member. Patterns are matched against the whole value: AWS services enforce them that way (IAM's role name pattern
// `[\w+=,.@-]+` refuses "a b"), although Smithy's trait leaves them unanchored.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'

export type ModelProtocol = 'query' | 'ec2' | 'json' | 'rest-json'

interface ShapeRef {
  shape: string
  location?: 'uri' | 'querystring' | 'header' | 'headers' | 'statusCode'
  locationName?: string
  queryName?: string
  flattened?: boolean
}

interface Shape {
  type: 'structure' | 'list' | 'map' | 'string' | 'integer' | 'long' | 'float' | 'double' | 'boolean' | 'timestamp' | 'blob'
  members?: Record<string, ShapeRef>
  required?: string[]
  member?: ShapeRef
  key?: ShapeRef
  value?: ShapeRef
  min?: number
  max?: number
  pattern?: string
  enum?: string[]
  flattened?: boolean
  exception?: boolean
}

interface Operation {
  name: string
  http?: { method: string; requestUri: string }
  input?: { shape: string }
  output?: { shape: string }
}

export interface ServiceModel {
  /** the model's folder name, e.g. `cloudformation` */
  service: string
  protocol: ModelProtocol
  apiVersion: string
  targetPrefix?: string
  operations: Record<string, Operation>
  shapes: Record<string, Shape>
}

export interface Violation {
  service: string
  operation: string
  /** member path, e.g. `Tags[2].Value`; '' for the request as a whole */
  member: string
  /** operation | unknown-member | required | enum | length | pattern | range | type | version */
  rule: string
  detail: string
}

export function describeViolation(v: Violation): string {
  return `${v.service}:${v.operation}${v.member ? ` ${v.member}` : ''}: ${v.rule} — ${v.detail}`
}

/** The models the action's clients talk to, by signing name. */
export const MODEL_SERVICES = ['cloudformation', 'iam', 'sts', 'eks', 'ec2', 'sqs'] as const

let dataDir: string | undefined
/** botocore's data folder, from the python3 that runs moto (MOTO_PYTHON, as moto.ts uses). */
export function botocoreDataDir(): string {
  if (dataDir) return dataDir
  const python = process.env.MOTO_PYTHON ?? 'python3'
  const dir = execFileSync(python, ['-c', 'import botocore,os;print(os.path.dirname(botocore.__file__))'], { encoding: 'utf8' }).trim()
  dataDir = join(dir, 'data')
  if (!existsSync(dataDir)) throw new Error(`botocore has no data folder at ${dataDir}`)
  return dataDir
}

const models = new Map<string, ServiceModel>()
/** The newest API version's model of `service` (e.g. ec2 → 2016-11-15). */
export function loadModel(service: string): ServiceModel {
  const cached = models.get(service)
  if (cached) return cached
  const root = join(botocoreDataDir(), service)
  const version = readdirSync(root).filter(d => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort().pop()
  if (!version) throw new Error(`no API version of ${service} under ${root}`)
  const gz = join(root, version, 'service-2.json.gz')
  const text = existsSync(gz) ? gunzipSync(readFileSync(gz)).toString('utf8') : readFileSync(join(root, version, 'service-2.json'), 'utf8')
  const raw = JSON.parse(text) as { metadata: { protocol: ModelProtocol; apiVersion: string; targetPrefix?: string }; operations: Record<string, Operation>; shapes: Record<string, Shape> }
  const model: ServiceModel = { service, protocol: raw.metadata.protocol, apiVersion: raw.metadata.apiVersion, targetPrefix: raw.metadata.targetPrefix, operations: raw.operations, shapes: raw.shapes }
  models.set(service, model)
  return model
}

// ——— validation of a decoded value against a shape ———

const patterns = new Map<string, RegExp | null>()
function compile(pattern: string): RegExp | null {
  if (!patterns.has(pattern)) {
    let re: RegExp | null = null
    for (const flags of ['u', '']) {
      try {
        re = new RegExp(`^(?:${pattern})$`, flags)
        break
      } catch {
        /* a Java-only construct: try without the unicode flag, else leave the pattern unchecked */
      }
    }
    patterns.set(pattern, re)
  }
  return patterns.get(pattern) ?? null
}

export function validateValue(model: ServiceModel, operation: string, shapeName: string, value: unknown, path: string, out: Violation[]): void {
  const shape = model.shapes[shapeName]
  const fail = (rule: string, detail: string): void => void out.push({ service: model.service, operation, member: path, rule, detail })
  if (!shape) return fail('type', `shape ${shapeName} is not in the model`)
  if (value === undefined || value === null) return
  switch (shape.type) {
    case 'structure': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail('type', `expected a structure (${shapeName}), got ${JSON.stringify(value)}`)
      const obj = value as Record<string, unknown>
      for (const r of shape.required ?? []) if (obj[r] === undefined) out.push({ service: model.service, operation, member: join2(path, r), rule: 'required', detail: `${shapeName} requires ${r}` })
      for (const [k, v] of Object.entries(obj)) {
        const ref = shape.members?.[k]
        if (!ref) out.push({ service: model.service, operation, member: join2(path, k), rule: 'unknown-member', detail: `${shapeName} has no member ${k}` })
        else validateValue(model, operation, ref.shape, v, join2(path, k), out)
      }
      return
    }
    case 'list': {
      if (!Array.isArray(value)) return fail('type', `expected a list (${shapeName})`)
      bounds(shape, value.length, 'items', fail)
      value.forEach((v, i) => validateValue(model, operation, shape.member!.shape, v, `${path}[${i}]`, out))
      return
    }
    case 'map': {
      if (typeof value !== 'object' || Array.isArray(value)) return fail('type', `expected a map (${shapeName})`)
      const entries = Object.entries(value as Record<string, unknown>)
      bounds(shape, entries.length, 'entries', fail)
      for (const [k, v] of entries) {
        validateValue(model, operation, shape.key!.shape, k, `${path}{key ${JSON.stringify(k)}}`, out)
        validateValue(model, operation, shape.value!.shape, v, `${path}{${k}}`, out)
      }
      return
    }
    case 'string': {
      if (typeof value !== 'string') return fail('type', `expected a string (${shapeName}), got ${JSON.stringify(value)}`)
      if (shape.enum && !shape.enum.includes(value)) fail('enum', `${JSON.stringify(value)} is not one of ${shape.enum.join(', ')} (${shapeName})`)
      bounds(shape, [...value].length, 'characters', fail)
      if (shape.pattern) {
        const re = compile(shape.pattern)
        if (re && !re.test(value)) fail('pattern', `${JSON.stringify(value.length > 120 ? value.slice(0, 120) + '…' : value)} does not match ${shape.pattern} (${shapeName})`)
      }
      return
    }
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      if (typeof value !== 'number' || Number.isNaN(value)) return fail('type', `expected a number (${shapeName}), got ${JSON.stringify(value)}`)
      if ((shape.type === 'integer' || shape.type === 'long') && !Number.isInteger(value)) fail('type', `${value} is not an integer (${shapeName})`)
      if (shape.min !== undefined && value < shape.min) fail('range', `${value} is below the minimum ${shape.min} (${shapeName})`)
      if (shape.max !== undefined && value > shape.max) fail('range', `${value} is above the maximum ${shape.max} (${shapeName})`)
      return
    }
    case 'boolean':
      if (typeof value !== 'boolean') fail('type', `expected a boolean (${shapeName}), got ${JSON.stringify(value)}`)
      return
    case 'timestamp':
      if (typeof value === 'number' ? !Number.isFinite(value) : typeof value !== 'string' || Number.isNaN(Date.parse(value))) fail('type', `expected a timestamp (${shapeName}), got ${JSON.stringify(value)}`)
      return
    case 'blob':
      if (typeof value !== 'string') fail('type', `expected a blob (${shapeName})`)
      return
  }
}

function bounds(shape: Shape, n: number, unit: string, fail: (rule: string, detail: string) => void): void {
  if (shape.min !== undefined && n < shape.min) fail('length', `${n} ${unit}, fewer than the minimum ${shape.min}`)
  if (shape.max !== undefined && n > shape.max) fail('length', `${n} ${unit}, more than the maximum ${shape.max}`)
}

function join2(path: string, member: string): string {
  return path ? `${path}.${member}` : member
}

// ——— decoding a request off the wire, driven by the model ———

/** A scalar from its text form (query string, form field, URI label). */
function scalar(shape: Shape, text: string): unknown {
  switch (shape.type) {
    case 'integer':
    case 'long':
    case 'float':
    case 'double':
      return /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(text) ? Number(text) : text
    case 'boolean':
      return text === 'true' ? true : text === 'false' ? false : text
    default:
      return text
  }
}

/** The key a query/EC2 request uses for a member. */
function queryKey(ref: ShapeRef, member: string, ec2: boolean): string {
  if (ec2) return ref.queryName ?? (ref.locationName ? ref.locationName[0]!.toUpperCase() + ref.locationName.slice(1) : member)
  return ref.locationName ?? member
}

/** Walks `shape` under `prefix`, taking the form fields it explains out of `fields`. */
function decodeQuery(model: ServiceModel, shapeName: string, prefix: string, fields: Map<string, string>, ec2: boolean, flattened = false): unknown {
  const shape = model.shapes[shapeName]!
  const under = (p: string): boolean => [...fields.keys()].some(k => k === p || k.startsWith(p + '.'))
  const indices = (p: string): number[] => {
    const set = new Set<number>()
    for (const k of fields.keys()) {
      const m = k.startsWith(p + '.') ? /^(\d+)(\.|$)/.exec(k.slice(p.length + 1)) : null
      if (m) set.add(Number(m[1]))
    }
    return [...set].sort((a, b) => a - b)
  }
  switch (shape.type) {
    case 'structure': {
      const out: Record<string, unknown> = {}
      for (const [name, ref] of Object.entries(shape.members ?? {})) {
        const p = prefix ? `${prefix}.${queryKey(ref, name, ec2)}` : queryKey(ref, name, ec2)
        const member = model.shapes[ref.shape]!
        if (member.type === 'structure' || member.type === 'list' || member.type === 'map') {
          if (member.type === 'list' && fields.get(p) === '') {
            fields.delete(p)
            out[name] = []
          } else if (under(p)) out[name] = decodeQuery(model, ref.shape, p, fields, ec2, ref.flattened ?? member.flattened)
        } else if (fields.has(p)) {
          out[name] = scalar(member, fields.get(p)!)
          fields.delete(p)
        }
      }
      return out
    }
    case 'list': {
      const itemPrefix = ec2 || flattened || shape.flattened ? prefix : `${prefix}.${shape.member!.locationName ?? 'member'}`
      return indices(itemPrefix).map(i => decodeItem(model, shape.member!.shape, `${itemPrefix}.${i}`, fields, ec2))
    }
    case 'map': {
      const entryPrefix = flattened || shape.flattened ? prefix : `${prefix}.entry`
      const out: Record<string, unknown> = {}
      for (const i of indices(entryPrefix)) {
        const k = `${entryPrefix}.${i}.${shape.key!.locationName ?? 'key'}`
        const key = fields.get(k) ?? ''
        fields.delete(k)
        out[key] = decodeItem(model, shape.value!.shape, `${entryPrefix}.${i}.${shape.value!.locationName ?? 'value'}`, fields, ec2)
      }
      return out
    }
    default:
      return undefined
  }
}

function decodeItem(model: ServiceModel, shapeName: string, p: string, fields: Map<string, string>, ec2: boolean): unknown {
  const shape = model.shapes[shapeName]!
  if (shape.type === 'structure' || shape.type === 'list' || shape.type === 'map') return decodeQuery(model, shapeName, p, fields, ec2)
  const v = fields.get(p)
  fields.delete(p)
  return v === undefined ? undefined : scalar(shape, v)
}

export interface ModelRequest {
  method: string
  /** path and query string as sent */
  url: string
  headers: Record<string, string | string[] | undefined>
  body: string
}

export interface RequestCheck {
  operation: string
  violations: Violation[]
}

/** Presigning and signing parameters a query-protocol URL may carry beside the operation's members. */
const SIGNING_FIELDS = /^X-Amz-(Algorithm|Credential|Date|Expires|SignedHeaders|Signature|Security-Token)$/

export function checkRequest(model: ServiceModel, req: ModelRequest): RequestCheck {
  const violations: Violation[] = []
  const header = (n: string): string | undefined => {
    const v = req.headers[n.toLowerCase()]
    return Array.isArray(v) ? v[0] : v
  }
  const [path = '/', query = ''] = req.url.split('?', 2)
  const unknownOp = (operation: string, detail: string): RequestCheck => ({ operation, violations: [{ service: model.service, operation, member: '', rule: 'operation', detail }] })

  if (model.protocol === 'query' || model.protocol === 'ec2') {
    const fields = new Map<string, string>()
    for (const src of [query, /x-www-form-urlencoded/.test(header('content-type') ?? '') || req.method === 'POST' ? req.body : '']) {
      for (const [k, v] of new URLSearchParams(src)) if (!SIGNING_FIELDS.test(k)) fields.set(k, v)
    }
    const operation = fields.get('Action') ?? ''
    const op = model.operations[operation]
    if (!op) return unknownOp(operation || '(none)', `${model.service} has no operation ${JSON.stringify(operation)}`)
    if (fields.get('Version') !== model.apiVersion) violations.push({ service: model.service, operation, member: 'Version', rule: 'version', detail: `${JSON.stringify(fields.get('Version'))}, the model's API version is ${model.apiVersion}` })
    fields.delete('Action')
    fields.delete('Version')
    const input = op.input ? decodeQuery(model, op.input.shape, '', fields, model.protocol === 'ec2') : {}
    for (const k of fields.keys()) violations.push({ service: model.service, operation, member: k, rule: 'unknown-member', detail: `the ${operation} input has no member that serializes as ${k}` })
    if (op.input) validateValue(model, operation, op.input.shape, input, '', violations)
    return { operation, violations }
  }

  if (model.protocol === 'json') {
    const target = header('x-amz-target') ?? ''
    const [prefix, operation = ''] = target.split('.', 2)
    const op = model.operations[operation]
    if (prefix !== model.targetPrefix || !op) return unknownOp(operation || target, `${model.service} has no operation for X-Amz-Target ${JSON.stringify(target)}`)
    let input: unknown
    try {
      input = req.body ? JSON.parse(req.body) : {}
    } catch {
      return { operation, violations: [{ service: model.service, operation, member: '', rule: 'type', detail: 'the body is not JSON' }] }
    }
    if (op.input) validateValue(model, operation, op.input.shape, input, '', violations)
    return { operation, violations }
  }

  // REST-JSON: find the operation by method and path template
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent)
  for (const op of Object.values(model.operations)) {
    if (!op.http || op.http.method !== req.method) continue
    const labels = matchUri(op.http.requestUri.split('?')[0]!, segments)
    if (!labels) continue
    const input: Record<string, unknown> = {}
    const shape = op.input ? model.shapes[op.input.shape]! : { type: 'structure' as const, members: {} }
    let body: Record<string, unknown> = {}
    try {
      body = req.body ? (JSON.parse(req.body) as Record<string, unknown>) : {}
    } catch {
      return { operation: op.name, violations: [{ service: model.service, operation: op.name, member: '', rule: 'type', detail: 'the body is not JSON' }] }
    }
    const params = new URLSearchParams(query)
    const usedQuery = new Set<string>()
    const bodyNames = new Map<string, string>()
    for (const [name, ref] of Object.entries(shape.members ?? {})) {
      const wire = ref.locationName ?? name
      if (ref.location === 'uri') {
        if (labels[wire] !== undefined) input[name] = scalar(model.shapes[ref.shape]!, labels[wire]!)
      } else if (ref.location === 'querystring') {
        const values = params.getAll(wire)
        usedQuery.add(wire)
        const member = model.shapes[ref.shape]!
        if (values.length) input[name] = member.type === 'list' ? values.map(v => scalar(model.shapes[member.member!.shape]!, v)) : scalar(member, values[0]!)
      } else if (!ref.location) bodyNames.set(wire, name)
    }
    for (const k of new Set(params.keys())) if (!usedQuery.has(k)) violations.push({ service: model.service, operation: op.name, member: k, rule: 'unknown-member', detail: `${op.name} has no query parameter ${k}` })
    for (const [k, v] of Object.entries(body)) {
      const name = bodyNames.get(k)
      if (name) input[name] = v
      else violations.push({ service: model.service, operation: op.name, member: k, rule: 'unknown-member', detail: `${op.name} has no body member ${k}` })
    }
    if (op.input) validateValue(model, op.name, op.input.shape, input, '', violations)
    return { operation: op.name, violations }
  }
  return unknownOp(`${req.method} ${path}`, `${model.service} has no operation at ${req.method} ${path}`)
}

/** `/clusters/{name}/addons/{addonName}` against path segments → the labels, or undefined. */
function matchUri(template: string, segments: string[]): Record<string, string> | undefined {
  const parts = template.split('/').filter(Boolean)
  const labels: Record<string, string> = {}
  for (let i = 0; i < parts.length; i++) {
    const m = /^\{(\w+)(\+?)\}$/.exec(parts[i]!)
    if (m?.[2]) {
      if (i >= segments.length) return undefined
      labels[m[1]!] = segments.slice(i).join('/')
      return labels
    }
    if (i >= segments.length) return undefined
    if (m) labels[m[1]!] = segments[i]!
    else if (parts[i] !== segments[i]) return undefined
  }
  return parts.length === segments.length ? labels : undefined
}

/** A JSON (REST-JSON body) response of `operation` against its output shape (body members only). */
export function checkJsonResponse(model: ServiceModel, operation: string, body: unknown): Violation[] {
  const op = model.operations[operation]
  if (!op) return [{ service: model.service, operation, member: '', rule: 'operation', detail: `${model.service} has no operation ${operation}` }]
  if (!op.output) return []
  const out: Violation[] = []
  const shape = model.shapes[op.output.shape]!
  const wire: Record<string, unknown> = {}
  const names = new Map(Object.entries(shape.members ?? {}).filter(([, r]) => !r.location).map(([n, r]) => [r.locationName ?? n, n]))
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    const name = names.get(k)
    if (name) wire[name] = v
    else out.push({ service: model.service, operation, member: k, rule: 'unknown-member', detail: `${op.output.shape} has no member ${k}` })
  }
  validateValue(model, operation, op.output.shape, wire, '', out)
  return out.map(v => ({ ...v, member: `(response) ${v.member}` }))
}

const xmlText = (s: string): string => s.replace(/[<>&'"]/g, c => `&#${c.charCodeAt(0)};`)

/**
 * A query-protocol (XML) response of `operation`, written from the output shape — so a stand-in answers exactly as
 * the model says the service does — after checking `output` against that shape (a violation throws).
 */
export function queryXmlResponse(model: ServiceModel, operation: string, output: Record<string, unknown>, requestId: string): string {
  const op = model.operations[operation]
  if (!op?.output) throw new Error(`${model.service} has no operation ${operation} with an output`)
  const violations: Violation[] = []
  validateValue(model, operation, op.output.shape, output, '', violations)
  if (violations.length) throw new Error(`the stand-in's ${operation} response breaks the model: ${violations.map(describeViolation).join('; ')}`)
  const write = (shapeName: string, value: unknown): string => {
    const shape = model.shapes[shapeName]!
    if (value === undefined || value === null) return ''
    switch (shape.type) {
      case 'structure':
        return Object.entries(shape.members ?? {})
          .filter(([n]) => (value as Record<string, unknown>)[n] !== undefined)
          .map(([n, ref]) => {
            const tag = ref.locationName ?? n
            return `<${tag}>${write(ref.shape, (value as Record<string, unknown>)[n])}</${tag}>`
          })
          .join('')
      case 'list': {
        const tag = shape.member!.locationName ?? 'member'
        return (value as unknown[]).map(v => `<${tag}>${write(shape.member!.shape, v)}</${tag}>`).join('')
      }
      case 'timestamp':
        return typeof value === 'number' ? new Date(value * 1000).toISOString() : xmlText(String(value))
      default:
        return xmlText(String(value))
    }
  }
  const ns = `http://${model.service}.amazonaws.com/doc/${model.apiVersion}/`
  return `<${operation}Response xmlns="${ns}"><${operation}Result>${write(op.output.shape, output)}</${operation}Result><ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata></${operation}Response>`
}
