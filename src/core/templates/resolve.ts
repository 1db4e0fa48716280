// Resolves CloudFormation intrinsics to concrete strings the way CloudFormation would, for one
// purpose: measuring a policy document as IAM will see it (the 6,144-character cap) before deploying.
import type { Partition } from '../types.js'
import { urlSuffix } from '../partition.js'

export interface ResolveContext {
  partition: Partition
  region: string
  /** a real account id, or a 12-digit stand-in of the same length */
  accountId: string
  stackName: string
  /** Fn::GetAtt [logicalId, 'Arn'] → the ARN it will have */
  attributes: Record<string, string>
}

export function resolveIntrinsics(value: unknown, ctx: ResolveContext): unknown {
  if (Array.isArray(value)) return value.map(v => resolveIntrinsics(v, ctx))
  if (value === null || typeof value !== 'object') return value
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
  if (keys.length === 1 && keys[0] === 'Fn::Sub' && typeof obj['Fn::Sub'] === 'string') {
    return substitute(obj['Fn::Sub'], ctx)
  }
  if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
    const [logicalId, attr] = obj['Fn::GetAtt'] as [string, string]
    const resolved = ctx.attributes[`${logicalId}.${attr}`]
    if (resolved === undefined) throw new Error(`cannot resolve Fn::GetAtt ${logicalId}.${attr}`)
    return resolved
  }
  if (keys.length === 1 && keys[0] === 'Ref') {
    const resolved = pseudoParameter(String(obj.Ref), ctx) ?? ctx.attributes[String(obj.Ref)]
    if (resolved === undefined) throw new Error(`cannot resolve Ref ${String(obj.Ref)}`)
    return resolved
  }
  return Object.fromEntries(keys.map(k => [k, resolveIntrinsics(obj[k], ctx)]))
}

function pseudoParameter(name: string, ctx: ResolveContext): string | undefined {
  switch (name) {
    case 'AWS::Partition': return ctx.partition
    case 'AWS::Region': return ctx.region
    case 'AWS::AccountId': return ctx.accountId
    case 'AWS::URLSuffix': return urlSuffix(ctx.partition)
    case 'AWS::StackName': return ctx.stackName
    default: return undefined
  }
}

function substitute(template: string, ctx: ResolveContext): string {
  return template.replace(/\$\{([^}]+)\}/g, (_, name: string) => {
    const resolved = pseudoParameter(name, ctx) ?? ctx.attributes[name]
    if (resolved === undefined) throw new Error(`cannot resolve \${${name}} in Fn::Sub`)
    return resolved
  })
}

/** IAM counts a policy's characters without insignificant white space. */
export function policySize(document: unknown): number {
  return JSON.stringify(document).length
}
