// CloudFormation drift detection, which moto does not implement, served in front of moto (moto.intercept): for
// DetectStackDrift each resource of the stack is compared the way CloudFormation does — the template's properties,
// intrinsics resolved, against the live resource read back from moto — and DescribeStackDriftDetectionStatus /
// DescribeStackResourceDrifts answer with MODIFIED / DELETED / IN_SYNC and JSON-pointer property paths
// (`/ManagedPolicyArns/1`, `/PolicyDocument/Statement/2`). Responses are written from botocore's output shapes.
// Checked: IAM roles (trust policy, managed policy ARNs, path, boundary, tags), managed policies (the default
// version's document), instance profiles (roles), SQS queues (attributes, tags) and queue policies, EventBridge
// rules (pattern, state, targets). Other resource types are NOT_CHECKED. It only reads moto.
// moto's AWS::IAM::Role ignores ManagedPolicyArns; attachManagedPolicyArns does what CloudFormation would have done.
import { randomUUID } from 'node:crypto'
import { CloudFormationClient, DescribeStackResourcesCommand, DescribeStacksCommand, GetTemplateCommand } from '@aws-sdk/client-cloudformation'
import {
  IAMClient,
  AttachRolePolicyCommand,
  GetInstanceProfileCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  ListAttachedRolePoliciesCommand,
  ListRoleTagsCommand
} from '@aws-sdk/client-iam'
import { SQSClient, GetQueueAttributesCommand, GetQueueUrlCommand, ListQueueTagsCommand } from '@aws-sdk/client-sqs'
import type { Moto, MotoInterceptor } from './moto.js'
import { loadModel, queryXmlResponse } from './api-model.js'

const ACCOUNT = '123456789012'
type Json = unknown

export interface PropertyDifference {
  PropertyPath: string
  ExpectedValue: string
  ActualValue: string
  DifferenceType: 'ADD' | 'REMOVE' | 'NOT_EQUAL'
}

export interface ResourceDrift {
  StackId: string
  LogicalResourceId: string
  PhysicalResourceId?: string
  ResourceType: string
  ExpectedProperties?: string
  ActualProperties?: string
  PropertyDifferences?: PropertyDifference[]
  StackResourceDriftStatus: 'IN_SYNC' | 'MODIFIED' | 'DELETED' | 'NOT_CHECKED'
  Timestamp: string
}

export interface DriftStandin {
  /** detections run so far (stack name, drifted resources) */
  detections(): Array<{ stack: string; drifted: number }>
}

const shown = (v: Json): string => (typeof v === 'string' ? v : JSON.stringify(v))
const equal = (a: Json, b: Json): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
function canonical(v: Json): Json {
  if (Array.isArray(v)) return v.map(canonical)
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map(k => [k, canonical((v as Record<string, Json>)[k])]))
  return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v
}

/** CloudFormation's property differences: objects by key, lists as unordered collections, scalars by value. */
export function propertyDifferences(expected: Json, actual: Json, path = ''): PropertyDifference[] {
  const out: PropertyDifference[] = []
  const walk = (e: Json, a: Json, p: string): void => {
    if (equal(e, a)) return
    if (Array.isArray(e) && Array.isArray(a)) {
      const freeA = a.map((_, j) => j)
      const unmatchedE: number[] = []
      e.forEach((x, i) => {
        const j = freeA.find(k => equal(x, a[k]))
        if (j === undefined) unmatchedE.push(i)
        else freeA.splice(freeA.indexOf(j), 1)
      })
      // an element changed in place (same count left over on both sides, objects): its inner differences
      const isObject = (x: Json): boolean => !!x && typeof x === 'object'
      while (unmatchedE.length && freeA.length && isObject(e[unmatchedE[0]!]) && isObject(a[freeA[0]!])) {
        const i = unmatchedE.shift()!
        walk(e[i], a[freeA.shift()!], `${p}/${i}`)
      }
      for (const i of unmatchedE) out.push({ PropertyPath: `${p}/${i}`, ExpectedValue: shown(e[i]), ActualValue: 'null', DifferenceType: 'REMOVE' })
      for (const j of freeA) out.push({ PropertyPath: `${p}/${j}`, ExpectedValue: 'null', ActualValue: shown(a[j]), DifferenceType: 'ADD' })
      return
    }
    if (e && a && typeof e === 'object' && typeof a === 'object' && !Array.isArray(e) && !Array.isArray(a)) {
      const eo = e as Record<string, Json>
      const ao = a as Record<string, Json>
      for (const k of Object.keys(eo)) {
        if (ao[k] === undefined) out.push({ PropertyPath: `${p}/${k}`, ExpectedValue: shown(eo[k]), ActualValue: 'null', DifferenceType: 'REMOVE' })
        else walk(eo[k], ao[k], `${p}/${k}`)
      }
      for (const k of Object.keys(ao)) if (eo[k] === undefined) out.push({ PropertyPath: `${p}/${k}`, ExpectedValue: 'null', ActualValue: shown(ao[k]), DifferenceType: 'ADD' })
      return
    }
    out.push({ PropertyPath: p, ExpectedValue: shown(e), ActualValue: a === undefined ? 'null' : shown(a), DifferenceType: a === undefined ? 'REMOVE' : 'NOT_EQUAL' })
  }
  walk(expected, actual, path)
  return out
}

interface Template {
  Mappings?: Record<string, Record<string, Record<string, Json>>>
  Resources: Record<string, { Type: string; Properties?: Record<string, Json> }>
}

interface ResolveCtx {
  region: string
  partition: string
  stackName: string
  stackId: string
  template: Template
  /** logical id → Ref value */
  refs: Record<string, string>
  /** `Logical.Attr` → value */
  atts: Record<string, string>
}

function resolve(v: Json, c: ResolveCtx): Json {
  if (Array.isArray(v)) return v.map(x => resolve(x, c))
  if (!v || typeof v !== 'object') return v
  const o = v as Record<string, Json>
  const [k] = Object.keys(o)
  const pseudo = (n: string): string | undefined =>
    ({ 'AWS::Partition': c.partition, 'AWS::Region': c.region, 'AWS::AccountId': ACCOUNT, 'AWS::StackName': c.stackName, 'AWS::StackId': c.stackId, 'AWS::URLSuffix': c.partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com' })[n] ??
    c.refs[n] ??
    c.atts[n]
  if (Object.keys(o).length === 1 && k === 'Ref') return pseudo(String(o.Ref)) ?? `<unresolved Ref ${String(o.Ref)}>`
  if (Object.keys(o).length === 1 && k === 'Fn::GetAtt') {
    const [id, att] = (Array.isArray(o[k]) ? o[k] : String(o[k]).split('.')) as [string, string]
    return c.atts[`${id}.${att}`] ?? `<unresolved GetAtt ${id}.${att}>`
  }
  if (Object.keys(o).length === 1 && k === 'Fn::Sub' && typeof o[k] === 'string') return (o[k] as string).replace(/\$\{([^}]+)\}/g, (_, n: string) => pseudo(n) ?? `<unresolved ${n}>`)
  if (Object.keys(o).length === 1 && k === 'Fn::FindInMap') {
    const [m, a, b] = (o[k] as Json[]).map(x => String(resolve(x, c)))
    return c.template.Mappings?.[m!]?.[a!]?.[b!]
  }
  if (Object.keys(o).length === 1 && k === 'Fn::Join') {
    const [sep, parts] = o[k] as [string, Json[]]
    return parts.map(x => String(resolve(x, c))).join(sep)
  }
  return Object.fromEntries(Object.entries(o).map(([kk, vv]) => [kk, resolve(vv, c)]))
}

const notFound = (e: unknown): boolean => /NoSuchEntity|NonExistentQueue|QueueDoesNotExist|ResourceNotFound|does not exist|not found/i.test(`${(e as Error).name} ${(e as Error).message}`)
const jsonDoc = (s: string | undefined): Json => (s === undefined ? undefined : JSON.parse(s.startsWith('%') ? decodeURIComponent(s) : s))

/** Serves drift detection for the stacks in moto; every other request goes on to moto. */
export function startDriftStandin(moto: Moto): DriftStandin {
  const detections = new Map<string, { stackId: string; stack: string; drifts: ResourceDrift[]; at: string }>()
  const latest = new Map<string, string>()
  const model = loadModel('cloudformation')
  const credentials = { accessKeyId: 'AKIADRIFT', secretAccessKey: 'drift' }

  async function eventsCall(region: string, op: string, body: Record<string, Json>): Promise<Record<string, Json>> {
    const r = await fetch(moto.directEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSEvents.${op}`,
        authorization: `AWS4-HMAC-SHA256 Credential=AKIADRIFT/20260101/${region}/events/aws4_request, SignedHeaders=host, Signature=0`
      },
      body: JSON.stringify(body)
    })
    const text = await r.text()
    if (!r.ok) throw Object.assign(new Error(text), { name: /ResourceNotFound/.test(text) ? 'ResourceNotFoundException' : 'EventsError' })
    return JSON.parse(text) as Record<string, Json>
  }

  async function detect(region: string, stackName: string): Promise<{ stackId: string; drifts: ResourceDrift[] }> {
    const cfg = { region, endpoint: moto.directEndpoint, credentials }
    const cfn = new CloudFormationClient(cfg)
    const iam = new IAMClient(cfg)
    const sqs = new SQSClient(cfg)
    try {
      const stack = (await cfn.send(new DescribeStacksCommand({ StackName: stackName }))).Stacks![0]!
      const template = JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: stackName }))).TemplateBody ?? '{}') as Template
      const resources = (await cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }))).StackResources ?? []
      const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws'
      const c: ResolveCtx = { region, partition, stackName: stack.StackName!, stackId: stack.StackId!, template, refs: {}, atts: {} }
      for (const r of resources) {
        const id = r.LogicalResourceId!
        const phys = r.PhysicalResourceId ?? ''
        c.refs[id] = phys
        if (r.ResourceType === 'AWS::IAM::Role') c.atts[`${id}.Arn`] = `arn:${partition}:iam::${ACCOUNT}:role/${phys}`
        if (r.ResourceType === 'AWS::SQS::Queue') {
          const name = phys.split('/').pop()!
          c.atts[`${id}.Arn`] = `arn:${partition}:sqs:${region}:${ACCOUNT}:${name}`
          c.atts[`${id}.QueueName`] = name
        }
      }
      const now = new Date().toISOString()
      const drifts: ResourceDrift[] = []
      for (const r of resources) {
        const id = r.LogicalResourceId!
        const def = template.Resources[id]
        const expected = resolve(def?.Properties ?? {}, c) as Record<string, Json>
        const base = { StackId: stack.StackId!, LogicalResourceId: id, PhysicalResourceId: r.PhysicalResourceId, ResourceType: r.ResourceType!, Timestamp: now }
        let actual: Record<string, Json> | undefined
        try {
          actual = await readActual(r.ResourceType!, r.PhysicalResourceId ?? '', expected, { iam, sqs, region, events: eventsCall })
        } catch (e) {
          if (!notFound(e)) throw e
          drifts.push({ ...base, ExpectedProperties: JSON.stringify(expected), StackResourceDriftStatus: 'DELETED' })
          continue
        }
        if (!actual) {
          drifts.push({ ...base, StackResourceDriftStatus: 'NOT_CHECKED' })
          continue
        }
        // the properties set in the template (plus the defaults readActual filled in) are compared, as CloudFormation does
        const compared = Object.fromEntries(Object.keys(expected).map(k => [k, actual![k]]))
        const differences = Object.keys(expected).flatMap(k => propertyDifferences(expected[k], compared[k], `/${k}`))
        drifts.push({
          ...base,
          ExpectedProperties: JSON.stringify(expected),
          ActualProperties: JSON.stringify(compared),
          PropertyDifferences: differences,
          StackResourceDriftStatus: differences.length ? 'MODIFIED' : 'IN_SYNC'
        })
      }
      return { stackId: stack.StackId!, drifts }
    } finally {
      cfn.destroy()
      iam.destroy()
      sqs.destroy()
    }
  }

  const serve: MotoInterceptor = async req => {
    const params = new URLSearchParams(req.method === 'POST' ? req.body : (req.url.split('?')[1] ?? ''))
    const action = params.get('Action')
    if (!action || !['DetectStackDrift', 'DescribeStackDriftDetectionStatus', 'DescribeStackResourceDrifts'].includes(action)) return undefined
    const region = /Credential=[^/]+\/\d{8}\/([^/]+)\//.exec(String(req.headers.authorization ?? ''))?.[1] ?? 'us-east-1'
    const requestId = randomUUID()
    const ok = (output: Record<string, unknown>) => ({ status: 200, headers: { 'content-type': 'text/xml' }, body: queryXmlResponse(model, action, output, requestId) })
    const error = (message: string) => ({
      status: 400,
      headers: { 'content-type': 'text/xml' },
      body: `<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>${message.replace(/[<>&]/g, '')}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
    })
    if (action === 'DetectStackDrift') {
      const stackName = params.get('StackName') ?? ''
      let found
      try {
        found = await detect(region, stackName)
      } catch (e) {
        if (notFound(e)) return error(`Stack with id ${stackName} does not exist`)
        throw e
      }
      const id = randomUUID()
      detections.set(id, { stackId: found.stackId, stack: stackName, drifts: found.drifts, at: new Date().toISOString() })
      latest.set(stackName, id)
      latest.set(found.stackId, id)
      return ok({ StackDriftDetectionId: id })
    }
    if (action === 'DescribeStackDriftDetectionStatus') {
      const d = detections.get(params.get('StackDriftDetectionId') ?? '')
      if (!d) return error('No drift detection with that id')
      const drifted = d.drifts.filter(x => x.StackResourceDriftStatus === 'MODIFIED' || x.StackResourceDriftStatus === 'DELETED').length
      return ok({ StackId: d.stackId, StackDriftDetectionId: params.get('StackDriftDetectionId'), StackDriftStatus: drifted ? 'DRIFTED' : 'IN_SYNC', DetectionStatus: 'DETECTION_COMPLETE', DriftedStackResourceCount: drifted, Timestamp: d.at })
    }
    const d = detections.get(latest.get(params.get('StackName') ?? '') ?? '')
    if (!d) return error(`No drift detection has run on stack ${params.get('StackName')}`)
    const filters = [...params.entries()].filter(([k]) => k.startsWith('StackResourceDriftStatusFilters.member.')).map(([, v]) => v)
    return ok({ StackResourceDrifts: d.drifts.filter(x => !filters.length || filters.includes(x.StackResourceDriftStatus)) })
  }
  moto.intercept(serve)
  return { detections: () => [...detections.values()].map(d => ({ stack: d.stack, drifted: d.drifts.filter(x => x.StackResourceDriftStatus === 'MODIFIED' || x.StackResourceDriftStatus === 'DELETED').length })) }
}

interface Readers {
  iam: IAMClient
  sqs: SQSClient
  region: string
  events: (region: string, op: string, body: Record<string, Json>) => Promise<Record<string, Json>>
}

/** The live resource's properties under their template names; undefined for a type not checked. */
async function readActual(type: string, physicalId: string, expected: Record<string, Json>, r: Readers): Promise<Record<string, Json> | undefined> {
  switch (type) {
    case 'AWS::IAM::Role': {
      const role = (await r.iam.send(new GetRoleCommand({ RoleName: physicalId }))).Role!
      const attached = (await r.iam.send(new ListAttachedRolePoliciesCommand({ RoleName: physicalId }))).AttachedPolicies ?? []
      const tags = (await r.iam.send(new ListRoleTagsCommand({ RoleName: physicalId }))).Tags ?? []
      return {
        RoleName: role.RoleName,
        Path: role.Path,
        AssumeRolePolicyDocument: jsonDoc(role.AssumeRolePolicyDocument),
        ManagedPolicyArns: attached.map(p => p.PolicyArn),
        PermissionsBoundary: role.PermissionsBoundary?.PermissionsBoundaryArn,
        Description: role.Description,
        MaxSessionDuration: role.MaxSessionDuration,
        ...(tags.length ? { Tags: tags.map(t => ({ Key: t.Key, Value: t.Value })) } : {})
      }
    }
    case 'AWS::IAM::ManagedPolicy': {
      const policy = (await r.iam.send(new GetPolicyCommand({ PolicyArn: physicalId }))).Policy!
      const version = (await r.iam.send(new GetPolicyVersionCommand({ PolicyArn: physicalId, VersionId: policy.DefaultVersionId! }))).PolicyVersion!
      return { ManagedPolicyName: policy.PolicyName, Path: policy.Path, Description: policy.Description, PolicyDocument: jsonDoc(version.Document) }
    }
    case 'AWS::IAM::InstanceProfile': {
      const p = (await r.iam.send(new GetInstanceProfileCommand({ InstanceProfileName: physicalId }))).InstanceProfile!
      return { InstanceProfileName: p.InstanceProfileName, Path: p.Path, Roles: (p.Roles ?? []).map(x => x.RoleName) }
    }
    case 'AWS::SQS::Queue': {
      const url = physicalId.startsWith('http') ? physicalId : (await r.sqs.send(new GetQueueUrlCommand({ QueueName: physicalId }))).QueueUrl!
      const attrs = (await r.sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }))).Attributes ?? {}
      const tags = (await r.sqs.send(new ListQueueTagsCommand({ QueueUrl: url }))).Tags ?? {}
      const out: Record<string, Json> = { QueueName: url.split('/').pop(), ...(Object.keys(tags).length ? { Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) } : {}) }
      // attributes come back as strings; the template's numbers and booleans are compared by value
      for (const [k, v] of Object.entries(attrs)) out[k] = typeof expected[k] === 'number' ? Number(v) : typeof expected[k] === 'boolean' ? v === 'true' : k === 'Policy' ? jsonDoc(v) : v
      return out
    }
    case 'AWS::SQS::QueuePolicy': {
      const urls = expected.Queues as string[]
      const policies = await Promise.all(urls.map(async u => jsonDoc((await r.sqs.send(new GetQueueAttributesCommand({ QueueUrl: u, AttributeNames: ['Policy'] }))).Attributes?.Policy)))
      if (policies.some(p => p === undefined)) throw Object.assign(new Error('queue policy not found'), { name: 'ResourceNotFound' })
      return { Queues: urls, PolicyDocument: policies[0] }
    }
    case 'AWS::Events::Rule': {
      const name = physicalId.split('|').pop()!
      const rule = await r.events(r.region, 'DescribeRule', { Name: name })
      const targets = ((await r.events(r.region, 'ListTargetsByRule', { Rule: name })).Targets ?? []) as Array<Record<string, Json>>
      // State: CloudFormation creates a rule ENABLED when the template does not say, so that is what is expected
      if (expected.State === undefined) expected.State = 'ENABLED'
      return {
        Name: rule.Name,
        Description: rule.Description,
        EventPattern: typeof rule.EventPattern === 'string' ? JSON.parse(rule.EventPattern) : rule.EventPattern,
        State: rule.State,
        Targets: targets.map(t => ({ Id: t.Id, Arn: t.Arn }))
      }
    }
    default:
      return undefined
  }
}

/** What CloudFormation does and moto's AWS::IAM::Role does not: attach each role's ManagedPolicyArns. */
export async function attachManagedPolicyArns(moto: Moto, region: string, stackName: string): Promise<void> {
  const cfg = { region, endpoint: moto.directEndpoint, credentials: { accessKeyId: 'AKIADRIFT', secretAccessKey: 'drift' } }
  const cfn = new CloudFormationClient(cfg)
  const iam = new IAMClient(cfg)
  try {
    const template = JSON.parse((await cfn.send(new GetTemplateCommand({ StackName: stackName }))).TemplateBody ?? '{}') as Template
    const resources = (await cfn.send(new DescribeStackResourcesCommand({ StackName: stackName }))).StackResources ?? []
    const partition = region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws'
    const c: ResolveCtx = { region, partition, stackName, stackId: '', template, refs: Object.fromEntries(resources.map(x => [x.LogicalResourceId!, x.PhysicalResourceId ?? ''])), atts: {} }
    for (const r of resources.filter(x => x.ResourceType === 'AWS::IAM::Role')) {
      const arns = resolve(template.Resources[r.LogicalResourceId!]?.Properties?.ManagedPolicyArns ?? [], c) as string[]
      for (const arn of arns) await iam.send(new AttachRolePolicyCommand({ RoleName: r.PhysicalResourceId!, PolicyArn: arn }))
    }
  } finally {
    cfn.destroy()
    iam.destroy()
  }
}
