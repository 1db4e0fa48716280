// The IAM requests CloudFormation's resource handlers make with the caller's credentials for a rendered template:
// each permission of src/core/handler-permissions.ts (the published handler permissions) on the resource it acts
// on, named from the template's own properties. Written here independently of src/core/deployer-policy.ts.
import { HANDLER_PERMISSIONS, NOT_USED_BY_OUR_TEMPLATES, type HandlerOperation } from '../../src/core/handler-permissions.js'
import type { IamRequest } from './iam-requests.js'

interface Template {
  Resources: Record<string, { Type: string; Properties?: Record<string, unknown> }>
}

export interface RenderedStack {
  name: string
  template: Template
}

export interface HandlerEnv {
  partition: string
  region: string
  account: string
  /** the physical name of an unnamed rule (as CloudFormation, or the test endpoint, generated it) */
  ruleName: (stack: string, logicalId: string) => string
}

const EC2_PRINCIPAL: Record<string, string> = { aws: 'ec2.amazonaws.com', 'aws-cn': 'ec2.amazonaws.com.cn', 'aws-us-gov': 'ec2.amazonaws.com' }

function resolve(value: unknown, env: HandlerEnv, stack: string): string {
  if (typeof value === 'string') return value
  const sub = (value as { 'Fn::Sub'?: string })['Fn::Sub']
  if (typeof sub === 'string') {
    return sub.replace(/\$\{AWS::(Partition|AccountId|Region|StackName)\}/g, (_, k: string) => ({ Partition: env.partition, AccountId: env.account, Region: env.region, StackName: stack })[k]!)
  }
  throw new Error(`handler-requests: cannot resolve ${JSON.stringify(value)}`)
}

/**
 * The name CloudFormation gives an unnamed resource (the resource provider plug-in's
 * IdentifierUtils.generateResourceIdentifier): `<stack>-<logical id>-<12 characters>`, the two names cut to share
 * `max - 14` characters by a fair split.
 */
export function cfnGeneratedName(stackName: string, logicalId: string, max: number, suffix = 'AbCdEfGh1234'): string {
  const clean = stackName.replace(/^-+/, '').replace(/-{2,}/g, '-')
  const wanted = [clean.length, logicalId.length]
  const got = [0, 0]
  let remaining = max - 13 - 1
  outer: while (remaining > 0) {
    const share = remaining < 2 ? 1 : Math.floor(remaining / 2)
    let satisfied = 0
    for (let i = 0; i < 2; i++) {
      if (got[i] < wanted[i]) {
        const inc = Math.min(share, wanted[i] - got[i])
        got[i] += inc
        remaining -= inc
      } else satisfied++
      if (remaining <= 0 || satisfied === 2) break outer
    }
  }
  return `${clean.slice(0, got[0])}-${logicalId.slice(0, got[1])}-${suffix}`
}

/** Every handler permission of `ops` for every resource of the stacks, as IAM requests. */
export function handlerRequests(stacks: RenderedStack[], ops: readonly HandlerOperation[], env: HandlerEnv): (IamRequest & { op: HandlerOperation; type: string })[] {
  const { partition: p, region, account } = env
  const iam = (r: string): string => `arn:${p}:iam::${account}:${r}`
  const physical = new Map<string, string>()
  for (const s of stacks) {
    for (const [id, r] of Object.entries(s.template.Resources)) {
      const props = r.Properties ?? {}
      const named = props.RoleName ?? props.InstanceProfileName ?? props.ManagedPolicyName ?? props.QueueName
      physical.set(`${s.name}/${id}`, typeof named === 'string' ? named : r.Type === 'AWS::Events::Rule' ? env.ruleName(s.name, id) : '')
    }
  }
  // which roles each managed policy is attached to (the policy's delete handler detaches it from them)
  const attachedTo = new Map<string, string[]>()
  for (const s of stacks) {
    for (const r of Object.values(s.template.Resources)) {
      if (r.Type !== 'AWS::IAM::Role') continue
      for (const arn of (r.Properties?.ManagedPolicyArns as unknown[] | undefined) ?? []) {
        const resolved = resolve(arn, env, s.name)
        attachedTo.set(resolved, [...(attachedTo.get(resolved) ?? []), String(r.Properties?.RoleName)])
      }
    }
  }
  const out: (IamRequest & { op: HandlerOperation; type: string })[] = []
  for (const s of stacks) {
    for (const [id, r] of Object.entries(s.template.Resources)) {
      const table = HANDLER_PERMISSIONS[r.Type]
      if (!table) throw new Error(`handler-requests: no handler permissions recorded for ${r.Type} (${s.name}/${id})`)
      const unused = new Set(NOT_USED_BY_OUR_TEMPLATES[r.Type] ?? [])
      const props = r.Properties ?? {}
      const name = physical.get(`${s.name}/${id}`) ?? ''
      const refName = (v: unknown): string => physical.get(`${s.name}/${(v as { Ref: string }).Ref}`) ?? ''
      const queueArn = (n: string): string => `arn:${p}:sqs:${region}:${account}:${n}`
      for (const op of ops) {
        for (const action of table[op]) {
          if (unused.has(action)) continue
          const add = (resource: string, context: Record<string, string | string[]> = {}): void => {
            out.push({ action, resource, context, op, type: r.Type, from: `${r.Type} ${op} handler of ${s.name}/${id}` })
          }
          switch (r.Type) {
            case 'AWS::IAM::Role':
              if (action === 'iam:AttachRolePolicy' || (action === 'iam:DetachRolePolicy' && op !== 'delete')) {
                for (const arn of (props.ManagedPolicyArns as unknown[] | undefined) ?? []) add(iam(`role/${name}`), { 'iam:PolicyARN': resolve(arn, env, s.name) })
              } else add(iam(`role/${name}`))
              break
            case 'AWS::IAM::InstanceProfile':
              if (action === 'iam:PassRole') {
                for (const ref of (props.Roles as unknown[] | undefined) ?? []) add(iam(`role/${refName(ref)}`), { 'iam:PassedToService': EC2_PRINCIPAL[p] })
              } else add(iam(`instance-profile/${name}`))
              break
            case 'AWS::IAM::ManagedPolicy':
              if (action === 'iam:DetachRolePolicy') {
                for (const roleName of attachedTo.get(iam(`policy/${name}`)) ?? []) add(iam(`role/${roleName}`), { 'iam:PolicyARN': iam(`policy/${name}`) })
              } else add(iam(`policy/${name}`))
              break
            case 'AWS::SQS::Queue':
              add(queueArn(name))
              break
            case 'AWS::SQS::QueuePolicy':
              for (const q of (props.Queues as unknown[] | undefined) ?? []) add(queueArn(refName(q)))
              break
            case 'AWS::Events::Rule': {
              const rule = `arn:${p}:events:${region}:${account}:rule/${name}`
              if (action === 'events:PutTargets') {
                for (const t of (props.Targets as { Arn: { 'Fn::GetAtt': [string, string] } }[] | undefined) ?? []) add(rule, { 'events:TargetArn': [queueArn(physical.get(`${s.name}/${t.Arn['Fn::GetAtt'][0]}`) ?? '')] })
              } else add(rule)
              break
            }
            default:
              throw new Error(`handler-requests: no resource mapping for ${r.Type}`)
          }
        }
      }
    }
  }
  return out
}
