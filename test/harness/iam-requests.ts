// Recorded AWS calls → the IAM authorisation requests AWS makes for them (action, resource ARN, request context),
// and their evaluation against a policy with @cloud-copilot/iam-simulate (a maintained IAM policy evaluator).
// The mapping is written here from AWS's service authorization reference, independently of
// src/core/deployer-policy.ts, so that one checks the other.
import { runSimulation } from '@cloud-copilot/iam-simulate'
import type { RecordedRequest } from './aws-request-record.js'

export interface IamRequest {
  /** `service:Action` */
  action: string
  resource: string
  context: Record<string, string | string[]>
  /** what made it, for messages */
  from: string
}

export interface Env {
  partition: string
  region: string
  account: string
  /** tags of an EC2 instance (TerminateInstances is authorised on them) */
  instanceTags?: (id: string) => Record<string, string>
}

/** Calls that need no identity policy: the federation itself, and GetCallerIdentity (always allowed). */
const NO_POLICY = new Set(['sts:AssumeRoleWithWebIdentity', 'sts:GetCallerIdentity'])

const tagsOf = (x: unknown): Record<string, string> => (x && typeof x === 'object' ? (x as Record<string, string>) : {})

/** The IAM requests for one recorded call; [] for calls that need no policy. Throws for a call it does not know. */
export function iamRequestsOf(r: RecordedRequest, operation: string, env: Env): IamRequest[] {
  const { partition: p, region, account } = env
  const from = `${r.service || 'sts'}:${operation} ${r.method} ${r.path}${Object.keys(r.params).length ? ' ' + JSON.stringify(r.params) : ''}`
  const req = (action: string, resource: string, context: Record<string, string | string[]> = {}): IamRequest => ({ action, resource, context, from })
  const service = r.service || (/^AssumeRole|^GetCallerIdentity$/.test(operation) ? 'sts' : '')
  if (NO_POLICY.has(`${service}:${operation}`)) return []
  const stack = (name: string): string => (name.startsWith('arn:') ? name : `arn:${p}:cloudformation:${region}:${account}:stack/${name}/00000000-0000-0000-0000-000000000000`)
  const role = (name: string): string => `arn:${p}:iam::${account}:role/${name}`
  switch (service) {
    case 'cloudformation': {
      const context: Record<string, string> = r.params.ChangeSetName ? { 'cloudformation:ChangeSetName': r.params.ChangeSetName } : {}
      // no resource-level permissions: ListStacks; a look-up by physical resource id names no stack
      if (operation === 'DescribeStackDriftDetectionStatus' || operation === 'ListStacks') return [req(`cloudformation:${operation}`, '*')]
      if (operation === 'DescribeStackResources' && !r.params.StackName) return [req(`cloudformation:${operation}`, '*')]
      if (!r.params.StackName) throw new Error(`no StackName in ${from}`)
      const out = [req(`cloudformation:${operation}`, stack(r.params.StackName), context)]
      // tags on a new stack are authorised as TagResource too
      if (operation === 'CreateChangeSet' && r.params.ChangeSetType === 'CREATE' && r.params['Tags.member.1.Key']) {
        out.push(req('cloudformation:TagResource', stack(r.params.StackName), { 'cloudformation:CreateAction': 'CreateChangeSet' }))
      }
      return out
    }
    case 'iam': {
      switch (operation) {
        case 'ListOpenIDConnectProviders':
          return [req('iam:ListOpenIDConnectProviders', '*')]
        case 'CreateOpenIDConnectProvider': {
          const arn = `arn:${p}:iam::${account}:oidc-provider/${r.params.Url.replace(/^https:\/\//, '')}`
          return [req('iam:CreateOpenIDConnectProvider', arn), ...(r.params['Tags.member.1.Key'] ? [req('iam:TagOpenIDConnectProvider', arn)] : [])]
        }
        case 'GetPolicy':
          return [req('iam:GetPolicy', r.params.PolicyArn)]
        case 'ListAttachedRolePolicies':
        case 'GetRole':
          return [req(`iam:${operation}`, role(r.params.RoleName))]
        case 'GetInstanceProfile':
          return [req('iam:GetInstanceProfile', `arn:${p}:iam::${account}:instance-profile/${r.params.InstanceProfileName}`)]
        case 'GetOpenIDConnectProvider':
          return [req('iam:GetOpenIDConnectProvider', r.params.OpenIDConnectProviderArn)]
        case 'AttachRolePolicy':
        case 'DetachRolePolicy':
          return [req(`iam:${operation}`, role(r.params.RoleName), { 'iam:PolicyARN': r.params.PolicyArn })]
      }
      break
    }
    case 'ec2': {
      if (operation === 'DescribeInstances') return [req('ec2:DescribeInstances', '*')]
      if (operation === 'TerminateInstances') {
        const ids = Object.entries(r.params).filter(([k]) => /^InstanceId\.\d+$/.test(k)).map(([, v]) => v)
        return ids.map(id => {
          const tags = env.instanceTags?.(id) ?? {}
          return req('ec2:TerminateInstances', `arn:${p}:ec2:${region}:${account}:instance/${id}`, Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v])))
        })
      }
      break
    }
    case 'eks': {
      const parts = r.path.split('/').filter(Boolean)
      if (parts[0] !== 'clusters' || !parts[1]) break
      const clusterName = parts[1]
      const cluster = `arn:${p}:eks:${region}:${account}:cluster/${clusterName}`
      const body = r.json ?? {}
      if (parts.length === 2 && r.method === 'GET') return [req('eks:DescribeCluster', cluster)]
      if (parts[2] === 'addons' && parts[3] && r.method === 'GET') return [req('eks:DescribeAddon', `arn:${p}:eks:${region}:${account}:addon/${clusterName}/${parts[3]}/00000000-0000-0000-0000-000000000000`)]
      if (parts[2] === 'access-entries') {
        // the principal ARN is the rest of the path (its own slashes included)
        const principal = parts.length > 3 ? parts.slice(3).join('/') : String(body.principalArn ?? '')
        const entry = `arn:${p}:eks:${region}:${account}:access-entry/${clusterName}/role/${account}/${principal.split('/').pop()}/00000000-0000-0000-0000-000000000000`
        if (!parts[3] && r.method === 'POST') {
          const tags = Object.keys(tagsOf(body.tags)).length > 0
          return [req('eks:CreateAccessEntry', cluster, { 'eks:principalArn': principal }), ...(tags ? [req('eks:TagResource', entry)] : [])]
        }
        if (parts[3]) return [req(r.method === 'DELETE' ? 'eks:DeleteAccessEntry' : 'eks:DescribeAccessEntry', entry)]
      }
      if (parts[2] === 'pod-identity-associations') {
        const passRole = (arn: unknown): IamRequest[] => (typeof arn === 'string' ? [req('iam:PassRole', arn, { 'iam:PassedToService': 'pods.eks.amazonaws.com' })] : [])
        if (!parts[3]) {
          if (r.method === 'GET') return [req('eks:ListPodIdentityAssociations', cluster)]
          const tags = Object.keys(tagsOf(body.tags)).length > 0
          const association = `arn:${p}:eks:${region}:${account}:podidentityassociation/${clusterName}/a-new`
          return [req('eks:CreatePodIdentityAssociation', cluster), ...passRole(body.roleArn), ...(tags ? [req('eks:TagResource', association)] : [])]
        }
        const association = `arn:${p}:eks:${region}:${account}:podidentityassociation/${clusterName}/${parts[3]}`
        if (r.method === 'GET') return [req('eks:DescribePodIdentityAssociation', association)]
        if (r.method === 'DELETE') return [req('eks:DeletePodIdentityAssociation', association)]
        return [req('eks:UpdatePodIdentityAssociation', association), ...passRole(body.roleArn)]
      }
      break
    }
  }
  throw new Error(`iam-requests: no IAM mapping for the AWS call ${from}; add it to test/harness/iam-requests.ts`)
}

export type Verdict = 'Allowed' | 'ExplicitlyDenied' | 'ImplicitlyDenied'

export interface Evaluated extends IamRequest {
  verdict: Verdict
}

/** Evaluates each request against the identity policies (all attached to one role), as IAM would. */
export async function evaluate(policies: unknown[], requests: IamRequest[], account: string): Promise<Evaluated[]> {
  const out: Evaluated[] = []
  for (const q of requests) {
    const result = await runSimulation(
      {
        request: { principal: `arn:aws:sts::${account}:assumed-role/karpenter-deployer/karpenter-provision`, action: q.action, resource: { resource: q.resource, accountId: account }, contextVariables: q.context },
        identityPolicies: policies.map((policy, i) => ({ name: `deployer-${i + 1}`, policy })),
        serviceControlPolicies: [],
        resourceControlPolicies: []
      },
      {}
    )
    if (result.resultType === 'error') throw new Error(`iam-simulate refused ${q.action} on ${q.resource} (${q.from}): ${JSON.stringify(result.errors)}`)
    out.push({ ...q, verdict: result.overallResult })
  }
  return out
}

export const explainRequest = (e: Evaluated): string => `${e.action} on ${e.resource}${Object.keys(e.context).length ? ' ' + JSON.stringify(e.context) : ''} — from ${e.from}`
