// The deployer policy: the IAM policy the role-to-assume needs for this config, generated from the same desired
// state as the templates (README.md, "The role to assume"). Two variants: `apply` (apply and delete) and
// `read-only` (plan and drift). Every resource is this cluster's (the stacks, roles, policies, instance profile,
// queue, rules, OIDC provider, access entry, Pod Identity association), in the config's region and partition.
// CloudFormation acts with these credentials, so the stacks' resources need the handler permissions of their
// types (src/core/handler-permissions.ts). Pure: no SDK, no files.
import type { PolicyStatement } from './karpenter/policy.js'
import { handlerPermissions, type HandlerOperation } from './handler-permissions.js'
import { IAM_MANAGED_POLICY_MAX_CHARS, fillWhileFits, type PolicyDocument } from './templates/policy-pack.js'
import { policySize, resolveIntrinsics } from './templates/resolve.js'
import { EC2_PRINCIPAL, ACCOUNT_PLACEHOLDER, urlSuffix } from './partition.js'
import { CHANGE_SET_PREFIX, KARPENTER_INSTANCE_TAGS, POD_IDENTITY_AGENT_ADDON, clusterInstanceTags, generatedNamePrefix } from './names.js'
import type { DesiredState, StackSpec } from './types.js'
import { DEPLOYER_VARIANTS, type DeployerPolicies } from './deployer-variants.js'

export { DEPLOYER_VARIANTS, type DeployerPolicies, type DeployerVariant } from './deployer-variants.js'

/** Maximum length of a name CloudFormation generates for an AWS::Events::Rule. */
const RULE_NAME_MAX = 64

interface Arns {
  stack: (name: string) => string
  iam: (resource: string) => string
  regional: (service: string, resource: string) => string
}

function arnsFor(d: DesiredState, account: string): Arns {
  return {
    stack: name => `arn:${d.partition}:cloudformation:${d.region}:${account}:stack/${name}/*`,
    iam: resource => `arn:${d.partition}:iam::${account}:${resource}`,
    regional: (service, resource) => `arn:${d.partition}:${service}:${d.region}:${account}:${resource}`
  }
}

/** A resource of a stack's template and the ARN(s) the handlers act on. */
interface TemplateResource {
  type: string
  arns: string[]
}

/** The physical resources of a template, named as CloudFormation will name them. */
function templateResources(stack: StackSpec, a: Arns): TemplateResource[] {
  const resources = stack.template.Resources
  const name = (logicalId: string): string | undefined => {
    const p = resources[logicalId]?.Properties ?? {}
    const value = p.RoleName ?? p.InstanceProfileName ?? p.ManagedPolicyName ?? p.QueueName
    return typeof value === 'string' ? value : undefined
  }
  const out: TemplateResource[] = []
  for (const [logicalId, r] of Object.entries(resources)) {
    const own = name(logicalId)
    switch (r.Type) {
      case 'AWS::IAM::Role': out.push({ type: r.Type, arns: [a.iam(`role/${own}`)] }); break
      case 'AWS::IAM::InstanceProfile': out.push({ type: r.Type, arns: [a.iam(`instance-profile/${own}`)] }); break
      case 'AWS::IAM::ManagedPolicy': out.push({ type: r.Type, arns: [a.iam(`policy/${own}`)] }); break
      case 'AWS::SQS::Queue': out.push({ type: r.Type, arns: [a.regional('sqs', own ?? '')] }); break
      case 'AWS::SQS::QueuePolicy': {
        const queues = (r.Properties?.Queues as { Ref: string }[] | undefined) ?? []
        out.push({ type: r.Type, arns: queues.map(q => a.regional('sqs', name(q.Ref) ?? '')) })
        break
      }
      case 'AWS::Events::Rule':
        // No Name: CloudFormation names the rule <stack>-<logical id>-<12 random characters>, each part cut to fit
        // 64 characters; the stack part may be cut, so the pattern keeps what is certain of it.
        out.push({ type: r.Type, arns: [a.regional('events', `rule/${generatedNamePrefix(stack.name, logicalId, RULE_NAME_MAX)}`)] })
        break
      default:
        throw new Error(`deployer policy: no ARN known for resource type ${r.Type} (${logicalId}); add it to src/core/deployer-policy.ts and src/core/handler-permissions.ts`)
    }
  }
  return out
}

/**
 * Handler permissions that get their own statement: conditioned ones, and those that act on another resource
 * than the handler's own (a managed policy's delete handler detaches it from roles: ControllerRoleAttachments).
 */
const OWN_STATEMENT = new Set(['iam:PassRole', 'iam:AttachRolePolicy', 'events:PutTargets', 'iam:DetachRolePolicy'])

const sorted = (xs: Iterable<string>): string[] => [...new Set(xs)].sort()

function statement(Sid: string, Action: Iterable<string>, Resource: string | string[], Condition?: PolicyStatement['Condition']): PolicyStatement {
  const resources = typeof Resource === 'string' ? Resource : sorted(Resource)
  return { Sid, Effect: 'Allow', Action: sorted(Action), Resource: Array.isArray(resources) && resources.length === 1 ? resources[0] : resources, ...(Condition ? { Condition } : {}) }
}

/** One statement per resource type: the handler permissions of `ops` on every resource of that type. */
function handlerStatements(resources: TemplateResource[], ops: readonly HandlerOperation[], extraArns: Record<string, string[]> = {}): PolicyStatement[] {
  const byType = new Map<string, Set<string>>()
  for (const r of resources) {
    const set = byType.get(r.type) ?? new Set<string>()
    r.arns.forEach(x => set.add(x))
    byType.set(r.type, set)
  }
  for (const [type, arns] of Object.entries(extraArns)) {
    const set = byType.get(type) ?? new Set<string>()
    arns.forEach(x => set.add(x))
    byType.set(type, set)
  }
  // types acting on the same resources (a queue and its policy) share one statement
  const byResources = new Map<string, { sid: string; actions: Set<string>; arns: string[] }>()
  // code-unit order (the type names are ASCII): localeCompare would load ICU's collator at start-up
  for (const [type, arns] of [...byType.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
    const actions = (handlerPermissions(type, ops) ?? []).filter(p => !OWN_STATEMENT.has(p) || (p === 'iam:DetachRolePolicy' && type === 'AWS::IAM::Role'))
    if (actions.length === 0 || arns.size === 0) continue
    const key = sorted(arns).join(' ')
    const entry = byResources.get(key) ?? { sid: 'Cfn', actions: new Set<string>(), arns: [...arns] }
    entry.sid += type.split('::').slice(1).join('')
    actions.forEach(x => entry.actions.add(x))
    byResources.set(key, entry)
  }
  return [...byResources.values()].map(e => statement(e.sid, e.actions, e.arns))
}

/** The two variants for a desired state; `account` is the 12-digit account (a placeholder when undefined). */
export function deployerPolicies(d: DesiredState, account?: string): DeployerPolicies {
  const acct = account ?? ACCOUNT_PLACEHOLDER
  const a = arnsFor(d, acct)
  const n = d.names
  const podIdentity = d.controllerIdentity === 'pod-identity'
  const stackInUse = !podIdentity || (d.podIdentity?.roleSource ?? 'stack') === 'stack'
  const stacks = [n.karpenterStack, n.irsaStack, n.podIdentityStack].map(a.stack)
  const cluster = a.regional('eks', `cluster/${n.cluster}`)
  const ctx = { partition: d.partition, region: d.region, accountId: acct, stackName: n.karpenterStack, attributes: {} }
  const karpenter = templateResources(d.karpenterStack, a)
  const controller = stackInUse ? templateResources(d.controllerStack, a) : []
  // the other identity's stack is only ever deleted (an identity switch): its role needs the delete handler
  const otherRole = a.iam(`role/${podIdentity ? n.irsaRole : n.podIdentityRole}`)
  const roles = [...karpenter, ...controller].filter(r => r.type === 'AWS::IAM::Role').flatMap(r => r.arns)
  const controllerRole = d.arns.controllerRole.replace(ACCOUNT_PLACEHOLDER, acct)
  const externalRole = podIdentity && !stackInUse && d.podIdentity?.roleArn ? [d.podIdentity.roleArn] : []
  const nodeRole = a.iam(`role/${n.nodeRole}`)
  const queue = n.interruptionQueue ? a.regional('sqs', n.interruptionQueue) : undefined
  const controllerPolicies = n.controllerPolicies.map(p => a.iam(`policy/${p}`))
  const attachable = sorted([
    ...[d.karpenterStack, ...(stackInUse ? [d.controllerStack] : [])].flatMap(s =>
      Object.values(s.template.Resources).flatMap(r => (r.Type === 'AWS::IAM::Role' ? (resolveIntrinsics(r.Properties?.ManagedPolicyArns ?? [], ctx) as string[]) : []))
    ),
    ...controllerPolicies,
    // a Pod Identity role that is not the stack's gets them attached directly
    ...(d.podIdentity?.permissionPolicyArns ?? [])
  ])
  const accessEntry = d.nodeAccess === 'auto' || d.nodeAccess === 'access-entry'
  const oidcProvider = a.iam(`oidc-provider/oidc.eks.${d.region}.${urlSuffix(d.partition)}/id/*`)
  const associations = a.regional('eks', `podidentityassociation/${n.cluster}/*`)
  const accessEntries = a.regional('eks', `access-entry/${n.cluster}/role/${acct}/${n.nodeRole}/*`)
  const changeSets = { StringLike: { 'cloudformation:ChangeSetName': `${CHANGE_SET_PREFIX}*` } }

  const readClusterActions = ['eks:DescribeCluster', 'eks:ListPodIdentityAssociations']
  const readOnly: PolicyStatement[] = [
    statement('ReadStacks', ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:GetTemplate', 'cloudformation:DescribeStackResources', 'cloudformation:DetectStackDrift', 'cloudformation:DescribeStackResourceDrifts'], stacks),
    // plan reads what apply would refuse on: which stack owns an instance profile of this name
    statement('FindInstanceProfileOwner', ['cloudformation:ListStacks'], '*'),
    statement('PlanChangeSets', ['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet'], stacks, changeSets),
    // a CREATE change set makes the (empty) stack with the stack tags
    statement('TagsOfAPlannedStack', ['cloudformation:TagResource'], stacks, { StringEquals: { 'cloudformation:CreateAction': 'CreateChangeSet' } }),
    statement('DriftDetectionStatus', ['cloudformation:DescribeStackDriftDetectionStatus'], '*'),
    statement('ReadCluster', readClusterActions, cluster),
    statement('ReadPodIdentityAssociations', ['eks:DescribePodIdentityAssociation'], associations),
    ...(podIdentity ? [statement('ReadPodIdentityAgent', ['eks:DescribeAddon'], a.regional('eks', `addon/${n.cluster}/${POD_IDENTITY_AGENT_ADDON}/*`))] : []),
    ...(podIdentity && d.podIdentity?.permissionPolicyArns.length ? [statement('ReadPodIdentityPolicies', ['iam:GetPolicy'], d.podIdentity.permissionPolicyArns)] : []),
    ...(podIdentity ? [] : [statement('FindOidcProvider', ['iam:ListOpenIDConnectProviders'], '*')]),
    // the node role's access entry, and the policies of a Pod Identity role that is not the stack's, as plan and drift compare them
    ...(accessEntry ? [statement('ReadNodeAccessEntry', ['eks:DescribeAccessEntry'], accessEntries)] : []),
    ...(externalRole.length ? [statement('ReadExternalRoleAttachments', ['iam:ListAttachedRolePolicies'], externalRole)] : []),
    // drift detection reads every resource of the stacks with these credentials
    ...handlerStatements([...karpenter, ...controller], ['read']).map(s => ({ ...s, Sid: s.Sid.replace(/^Cfn/, 'DriftRead') }))
  ]

  const apply: PolicyStatement[] = [
    statement('Stacks', [
      'cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:GetTemplate', 'cloudformation:ListStackResources',
      'cloudformation:DescribeStackResources', 'cloudformation:DeleteStack', 'cloudformation:UpdateTerminationProtection', 'cloudformation:TagResource',
      'cloudformation:DetectStackDrift', 'cloudformation:DescribeStackResourceDrifts'
    ], stacks),
    statement('ChangeSets', ['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:DeleteChangeSet'], stacks, changeSets),
    statement('DriftDetectionStatus', ['cloudformation:DescribeStackDriftDetectionStatus'], '*'),
    // preflight: which stack owns an instance profile of this name (names are account-wide); other clusters'
    // stacks are read only where this policy allows, and a denial there is taken as "not that stack"
    statement('FindInstanceProfileOwner', ['cloudformation:ListStacks'], '*'),
    statement('Cluster', [...readClusterActions, ...(podIdentity ? ['eks:CreatePodIdentityAssociation'] : [])], cluster),
    statement('PodIdentityAssociations', ['eks:DescribePodIdentityAssociation', 'eks:DeletePodIdentityAssociation', ...(podIdentity ? ['eks:UpdatePodIdentityAssociation', 'eks:TagResource'] : [])], associations),
    ...(podIdentity
      ? [
          statement('PodIdentityAgent', ['eks:DescribeAddon'], a.regional('eks', `addon/${n.cluster}/${POD_IDENTITY_AGENT_ADDON}/*`)),
          statement('PassControllerRoleToPodIdentity', ['iam:PassRole'], controllerRole, { StringEquals: { 'iam:PassedToService': 'pods.eks.amazonaws.com' } }),
          ...(d.podIdentity?.permissionPolicyArns.length ? [statement('PodIdentityPolicies', ['iam:GetPolicy'], d.podIdentity.permissionPolicyArns)] : [])
        ]
      : [
          statement('FindOidcProvider', ['iam:ListOpenIDConnectProviders'], '*'),
          statement('CreateOidcProvider', ['iam:CreateOpenIDConnectProvider', 'iam:TagOpenIDConnectProvider'], oidcProvider)
        ]),
    ...(accessEntry
      ? [
          statement('AccessEntryOnlyForTheNodeRole', ['eks:CreateAccessEntry'], cluster, { ArnEquals: { 'eks:principalArn': nodeRole } }),
          statement('NodeAccessEntry', ['eks:DescribeAccessEntry', 'eks:DeleteAccessEntry', 'eks:TagResource'], accessEntries)
        ]
      : []),
    ...handlerStatements([...karpenter, ...controller], ['create', 'read', 'update', 'delete'], { 'AWS::IAM::Role': [otherRole] }),
    // the controller roles (both identities') are in the role statement: their policies are detached before a
    // stack is deleted, and by the managed policy's delete handler. A Pod Identity role that is not the stack's
    // gets the controller policies attached directly.
    ...(externalRole.length ? [statement('ExternalRoleAttachments', ['iam:ListAttachedRolePolicies', 'iam:DetachRolePolicy'], externalRole)] : []),
    statement('AttachOnlyTheTemplatesPolicies', ['iam:AttachRolePolicy'], [...roles, ...externalRole], { ArnEquals: { 'iam:PolicyARN': attachable } }),
    statement('PassNodeRoleToInstanceProfile', ['iam:PassRole'], nodeRole, { StringEquals: { 'iam:PassedToService': EC2_PRINCIPAL[d.partition] } }),
    ...(queue
      ? [statement('RuleTargetIsTheQueue', ['events:PutTargets'], karpenter.filter(r => r.type === 'AWS::Events::Rule').flatMap(r => r.arns), { 'ForAllValues:ArnEquals': { 'events:TargetArn': queue } })]
      : []),
    statement('FindLeftoverInstances', ['ec2:DescribeInstances'], '*'),
    ...terminateStatements(d, acct)
  ]
  return { account: acct, accountKnown: account !== undefined, apply: pack(apply), 'read-only': pack(readOnly) }
}

/** ec2:TerminateInstances only on instances tagged by Karpenter AND for this cluster (conditions of one statement AND; statements OR). */
function terminateStatements(d: DesiredState, account: string): PolicyStatement[] {
  const instances = `arn:${d.partition}:ec2:${d.region}:${account}:instance/*`
  const labels = ['OwnedTag', 'EksTag']
  return KARPENTER_INSTANCE_TAGS.flatMap((key, i) =>
    clusterInstanceTags(d.names.cluster).map((tags, j) =>
      statement(`TerminateKarpenterInstances${i === 0 ? '' : 'Pre032'}${labels[j]}`, ['ec2:TerminateInstances'], instances, {
        StringLike: { [`aws:ResourceTag/${key}`]: '*' },
        StringEquals: Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v]))
      })
    )
  )
}

/** Statements packed into as few managed policies as fit IAM's cap (in order; a new policy when the next does not fit). */
function pack(statements: PolicyStatement[]): PolicyDocument[] {
  const docs: PolicyDocument[] = []
  let rest = statements
  while (rest.length > 0) {
    const { fitted, rest: left } = fillWhileFits(rest, s => policySize({ Version: '2012-10-17', Statement: s }), IAM_MANAGED_POLICY_MAX_CHARS)
    const take = fitted.length > 0 ? fitted : rest.slice(0, 1)
    docs.push({ Version: '2012-10-17', Statement: take })
    rest = fitted.length > 0 ? left : rest.slice(1)
  }
  return docs
}

/** `deployer-policy.json`, `deployer-policy-2.json`…, `deployer-policy-read-only.json`…: the files render writes. */
export function deployerPolicyFiles(p: DeployerPolicies): Record<string, string> {
  const out: Record<string, string> = {}
  for (const variant of DEPLOYER_VARIANTS) {
    p[variant].forEach((doc, i) => {
      out[`deployer-policy${variant === 'apply' ? '' : `-${variant}`}${i === 0 ? '' : `-${i + 1}`}.json`] = JSON.stringify(doc, null, 2) + '\n'
    })
  }
  return out
}
