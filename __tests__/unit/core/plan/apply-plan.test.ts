// apply's plan (src/core/plan/apply-plan.ts) over plain facts, no SDK: which changes, in which order, why, and which
// remove or replace something — for both controller identities, both switch directions (docs/design.md,
// "Controller identity"), node access by each method, the chart, and what plan alone previews (change sets).
import { describe, it, expect } from '@jest/globals'
import { clusterConfig, inputs } from '../../../helpers/config.js'
import { buildDesiredState } from '../../../../src/core/desired.js'
import { applyPlan, type ApplyChange } from '../../../../src/core/plan/apply-plan.js'
import { changes } from '../../../../src/core/plan/change.js'
import type { Facts, ExistingAssociation } from '../../../../src/core/facts.js'
import type { InstalledRelease } from '../../../../src/core/helm/release.js'
import type { DesiredState } from '../../../../src/core/types.js'

const CLUSTER = 'cluster-with-karpenter'
const ACCOUNT = '111122223333'
const ISSUER = 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC'
const KARPENTER_STACK = `eksctl-${CLUSTER}-karpenter`
const IRSA_STACK = `eksctl-${CLUSTER}-addon-iamserviceaccount-karpenter-karpenter`
const POD_STACK = `eksctl-${CLUSTER}-podidentityrole-karpenter-karpenter`
const STACK_ROLE = `arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-karpenter`
const FOREIGN = `arn:aws:iam::${ACCOUNT}:role/made-by-hand`
const NODE_ROLE = `arn:aws:iam::${ACCOUNT}:role/eksctl-KarpenterNodeRole-${CLUSTER}`
const entry = (over: Record<string, unknown> = {}) => ({ namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: [], tags: {}, position: { line: 9, col: 7 }, ...over })

interface Setup {
  podIdentity?: boolean
  entryOver?: Record<string, unknown>
  installChart?: boolean
  nodeAccess?: string
  facts?: Partial<Facts>
}

function setup(s: Setup = {}): { desired: DesiredState; facts: Facts; opts: { installChart: boolean; extraValues: Record<string, unknown>; manifests: string } } {
  const given = inputs({ mode: 'apply', 'install-chart': s.installChart === false ? 'false' : 'true', 'node-access': s.nodeAccess ?? 'auto' })
  const config = clusterConfig({ podIdentityAssociations: s.podIdentity ? [entry(s.entryOver)] : [] })
  const facts: Facts = {
    caller: { accountId: ACCOUNT, partition: 'aws', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/run` },
    region: 'us-west-2',
    cluster: { name: CLUSTER, region: 'us-west-2', status: 'ACTIVE', version: '1.32', oidcIssuer: ISSUER, authenticationMode: 'API_AND_CONFIG_MAP' },
    stacks: {},
    association: null,
    oidcProvider: s.podIdentity ? undefined : null,
    nodeAccess: { accessEntryType: null },
    releases: {},
    windows: [],
    unread: {},
    ...s.facts
  }
  const adopt = facts.association && !facts.association.ours ? facts.association.roleArn : undefined
  const desired = buildDesiredState(config, given, { accountId: ACCOUNT, partition: 'aws', oidcIssuer: ISSUER, podIdentityRoleArn: adopt })
  return { desired, facts, opts: { installChart: given.installChart, extraValues: {}, manifests: '' } }
}

const summary = (plan: { changes: ApplyChange[] }): string[] => plan.changes.map(c => `${c.kind} ${c.action}`)
const deployed = (version: string, values: Record<string, unknown>, over: Partial<InstalledRelease> = {}): InstalledRelease => ({
  name: 'karpenter', namespace: 'karpenter', chart: 'karpenter', version, revision: '3', status: 'deployed', values, ...over
})
const association = (roleArn: string, ours: boolean): ExistingAssociation => ({ id: 'a-1', roleArn, ours, tags: ours ? { 'karpenter-provision/managed': 'true' } : {} })

describe('a new cluster with IRSA', () => {
  it('OIDC provider, karpenter-crd, both stacks, the access entry, the chart — in that order, all creations', () => {
    const { desired, facts, opts } = setup()
    const plan = applyPlan(desired, facts, opts)
    expect(summary(plan)).toEqual(['oidc-provider create', 'crd-chart create', 'stack create', 'stack create', 'access-entry create', 'chart create'])
    const stacks = plan.changes.filter(c => c.kind === 'stack').map(c => c.subject)
    expect(stacks).toEqual([`stack ${KARPENTER_STACK}`, `stack ${IRSA_STACK}`])
    expect(plan.changes.every(c => !c.destructive)).toBe(true)
    expect(plan.changes.find(c => c.kind === 'stack')?.reason).toBe('the stack does not exist')
    expect(plan.nodeAccess?.method).toBe('access-entry')
  })

  it('install-chart: false: no chart, no karpenter-crd, no ServiceAccount', () => {
    const { desired, facts, opts } = setup({ installChart: false })
    expect(summary(applyPlan(desired, facts, opts))).toEqual(['oidc-provider create', 'stack create', 'stack create', 'access-entry create'])
  })
})

describe('a re-run', () => {
  it('apply (no change sets read): stacks are `ensure`, everything else `none`; nothing counts as a change', () => {
    const { desired, facts: f, opts } = setup()
    const facts: Facts = {
      ...f,
      oidcProvider: `arn:aws:iam::${ACCOUNT}:oidc-provider/oidc.eks.us-west-2.amazonaws.com/id/ABC`,
      stacks: { [KARPENTER_STACK]: { name: KARPENTER_STACK, status: 'UPDATE_COMPLETE' }, [IRSA_STACK]: { name: IRSA_STACK, status: 'CREATE_COMPLETE' } },
      nodeAccess: { accessEntryType: 'EC2_LINUX' }
    }
    const values = JSON.parse(JSON.stringify(desired.helm.values)) as Record<string, unknown>
    facts.releases = { main: deployed('1.2.1', values), crd: deployed('1.2.1', {}, { name: 'karpenter-crd', chart: 'karpenter-crd' }) }
    const plan = applyPlan(desired, facts, opts)
    expect(summary(plan)).toEqual(['oidc-provider none', 'crd-chart none', 'stack ensure', 'stack ensure', 'access-entry none', 'chart none'])
    expect(changes(plan.changes)).toEqual([])
  })

  it('plan (change sets read): a stack without changes is `none`, one whose change set removes a resource is a destructive update', () => {
    const { desired, facts: f, opts } = setup({ installChart: false })
    const facts: Facts = {
      ...f,
      stacks: { [KARPENTER_STACK]: { name: KARPENTER_STACK, status: 'UPDATE_COMPLETE' }, [IRSA_STACK]: { name: IRSA_STACK, status: 'CREATE_COMPLETE' } },
      stackPreviews: { [KARPENTER_STACK]: { hasChanges: true, resourceChanges: 2, destructive: true }, [IRSA_STACK]: { hasChanges: false, resourceChanges: 0, destructive: false } }
    }
    const stacks = applyPlan(desired, facts, opts).changes.filter(c => c.kind === 'stack')
    expect(stacks.map(c => [c.action, c.destructive, c.reason])).toEqual([
      ['update', true, '2 resource change(s)'],
      ['none', false, 'no changes']
    ])
  })

  it('a stack whose creation rolled back is replaced (destructive), as deploy does', () => {
    const { desired, facts: f, opts } = setup({ installChart: false })
    const facts = { ...f, stacks: { [KARPENTER_STACK]: { name: KARPENTER_STACK, status: 'ROLLBACK_COMPLETE' } } }
    const first = applyPlan(desired, facts, opts).changes.find(c => c.kind === 'stack')!
    expect([first.action, first.destructive]).toEqual(['replace', true])
    expect(first.reason).toMatch(/ROLLBACK_COMPLETE/)
  })
})

describe('the chart', () => {
  it('another chart version installed: karpenter-crd and the chart are updates, with the installed version as reason', () => {
    const { desired, facts, opts } = setup()
    facts.releases = { main: deployed('1.1.0', {}), crd: deployed('1.1.0', {}, { name: 'karpenter-crd' }) }
    const plan = applyPlan(desired, facts, opts)
    expect(plan.changes.filter(c => c.kind === 'crd-chart' || c.kind === 'chart').map(c => `${c.kind} ${c.action} ${c.reason}`)).toEqual([
      'crd-chart update CRDs first, so they are never older than the controller',
      'chart update installed 1.1.0'
    ])
  })

  it('the same version with other values, or a failed latest revision, is an update; values from the values-file count', () => {
    const { desired, facts, opts } = setup()
    const values = JSON.parse(JSON.stringify(desired.helm.values)) as Record<string, unknown>
    const crd = deployed('1.2.1', {}, { name: 'karpenter-crd' })
    facts.releases = { main: deployed('1.2.1', values), crd }
    expect(applyPlan(desired, facts, opts).changes.find(c => c.kind === 'chart')?.action).toBe('none')
    expect(applyPlan(desired, facts, { ...opts, extraValues: { replicas: 1 } }).changes.find(c => c.kind === 'chart')?.action).toBe('update')
    facts.releases = { main: deployed('1.2.1', values, { status: 'failed' }), crd }
    expect(applyPlan(desired, facts, opts).changes.find(c => c.kind === 'chart')?.action).toBe('update')
    // karpenter-crd behind: both are redone
    facts.releases = { main: deployed('1.2.1', values), crd: deployed('1.1.0', {}, { name: 'karpenter-crd' }) }
    expect(summary(applyPlan(desired, facts, opts)).filter(s => s.includes('chart'))).toEqual(['crd-chart update', 'chart update'])
  })

  it('the upgrade guard runs once, here, from the version the cluster runs: a refused jump is the plan\'s refusal, not a throw', () => {
    const { desired, facts, opts } = setup()
    facts.releases = { main: deployed('0.31.0', {}) }
    const refused = applyPlan(desired, facts, opts)
    expect(refused.refusal?.name).toBe('UpgradeRefusedError')
    expect(refused.refusal?.message).toMatch(/^Refusing to move Karpenter from 0\.31\.0 to 1\.2\.1/)
    // a failed 1.2.1 on top of a deployed 0.31.0: the cluster runs 0.31.0, so still refused
    facts.releases = { main: deployed('1.2.1', {}, { status: 'failed', deployedVersion: '0.31.0' }) }
    expect(applyPlan(desired, facts, opts).refusal?.name).toBe('UpgradeRefusedError')
    // an allowed step has no refusal; with install-chart: false the chart is not this run's, so nothing is guarded
    facts.releases = { main: deployed('1.1.0', {}) }
    expect(applyPlan(desired, facts, opts).refusal).toBeUndefined()
    facts.releases = { main: deployed('0.31.0', {}) }
    expect(applyPlan(desired, facts, { ...opts, installChart: false }).refusal).toBeUndefined()
  })

  it('releases not read (plan could not reach the cluster): the chart is `ensure`, not counted as a change', () => {
    const { desired, facts, opts } = setup()
    delete facts.releases
    const chart = applyPlan(desired, facts, opts).changes.find(c => c.kind === 'chart')!
    expect(chart.action).toBe('ensure')
    expect(changes([chart])).toEqual([])
  })

  it('createServiceAccount: false: the ServiceAccount before the chart; manifests after it', () => {
    const given = inputs({ mode: 'apply' })
    const config = clusterConfig({}, { createServiceAccount: false })
    const desired = buildDesiredState(config, given, { accountId: ACCOUNT, partition: 'aws', oidcIssuer: ISSUER })
    const { facts } = setup()
    const kinds = applyPlan(desired, facts, { installChart: true, extraValues: {}, manifests: 'NodePool/default' }).changes.map(c => c.kind)
    expect(kinds.slice(-3)).toEqual(['service-account', 'chart', 'manifests'])
  })
})

describe('Pod Identity', () => {
  it('first install: the stack\'s role, one association to create, no OIDC provider', () => {
    const { desired, facts, opts } = setup({ podIdentity: true })
    const plan = applyPlan(desired, facts, opts)
    expect(summary(plan)).toEqual(['crd-chart create', 'stack create', 'stack create', 'association create', 'access-entry create', 'chart create'])
    expect(plan.changes.filter(c => c.kind === 'stack').map(c => c.subject)).toEqual([`stack ${KARPENTER_STACK}`, `stack ${POD_STACK}`])
    expect(plan.changes.find(c => c.kind === 'association')).toMatchObject({ roleArn: STACK_ROLE })
  })

  it('our association on the desired role: none; on another role: update', () => {
    const same = setup({ podIdentity: true, installChart: false, facts: { association: association(STACK_ROLE, true) } })
    expect(applyPlan(same.desired, same.facts, same.opts).changes.find(c => c.kind === 'association')?.action).toBe('none')
    const moved = setup({ podIdentity: true, installChart: false, facts: { association: association(FOREIGN, true) } })
    const c = applyPlan(moved.desired, moved.facts, moved.opts).changes.find(c => c.kind === 'association')!
    expect([c.action, c.reason]).toEqual(['update', `moved from ${FOREIGN} to ${STACK_ROLE}`])
  })

  it('someone else\'s association: its role adopted — no controller stack, the policies attached to that role, the association untouched', () => {
    const { desired, facts, opts } = setup({ podIdentity: true, installChart: false, facts: { association: association(FOREIGN, false), controllerRolePolicies: { roleArn: FOREIGN, attached: [] } } })
    const plan = applyPlan(desired, facts, opts)
    expect(summary(plan)).toEqual(['stack create', 'role-policies update', 'association none', 'access-entry create'])
    expect(plan.changes.find(c => c.kind === 'association')?.reason).toBe(`→ ${FOREIGN}; not made by this tool: its role is adopted as it is`)
    expect(plan.changes.find(c => c.kind === 'role-policies')).toMatchObject({ roleArn: FOREIGN, policies: [`arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-${CLUSTER}`] })
  })

  it('roleARN given: the policies attached to it (none missing: none; not read: ensure)', () => {
    const read = setup({ podIdentity: true, installChart: false, entryOver: { roleARN: FOREIGN }, facts: { controllerRolePolicies: { roleArn: FOREIGN, attached: [`arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-${CLUSTER}`] } } })
    expect(applyPlan(read.desired, read.facts, read.opts).changes.find(c => c.kind === 'role-policies')?.action).toBe('none')
    const unread = setup({ podIdentity: true, installChart: false, entryOver: { roleARN: FOREIGN } })
    expect(applyPlan(unread.desired, unread.facts, unread.opts).changes.find(c => c.kind === 'role-policies')?.action).toBe('ensure')
  })
})

describe('switching identity', () => {
  it('IRSA → Pod Identity: the association before the chart, the IRSA stack deleted after it (destructive)', () => {
    const { desired, facts, opts } = setup({ podIdentity: true, facts: { stacks: { [IRSA_STACK]: { name: IRSA_STACK, status: 'CREATE_COMPLETE' } } } })
    const plan = applyPlan(desired, facts, opts)
    expect(plan.identity.previous).toBe('irsa')
    const kinds = plan.changes.map(c => c.kind)
    expect(kinds.indexOf('association')).toBeLessThan(kinds.indexOf('chart'))
    expect(kinds.at(-1)).toBe('retire-identity')
    expect(plan.changes.at(-1)).toMatchObject({ action: 'delete', destructive: true, subject: `IRSA (stack ${IRSA_STACK})` })
  })

  it('Pod Identity → IRSA: our association and the Pod Identity stack retired after the chart', () => {
    const { desired, facts, opts } = setup({ facts: { association: association(STACK_ROLE, true), stacks: { [POD_STACK]: { name: POD_STACK, status: 'CREATE_COMPLETE' } } } })
    const plan = applyPlan(desired, facts, opts)
    expect(plan.identity.previous).toBe('pod-identity')
    expect(plan.changes.at(-1)).toMatchObject({ kind: 'retire-identity', previous: 'pod-identity', subject: `Pod Identity (association a-1 and stack ${POD_STACK})` })
  })

  it('Pod Identity → IRSA with someone else\'s association: nothing to retire (IRSA takes precedence)', () => {
    const { desired, facts, opts } = setup({ facts: { association: association(FOREIGN, false), stacks: { [POD_STACK]: { name: POD_STACK, status: 'CREATE_COMPLETE' } } } })
    const plan = applyPlan(desired, facts, opts)
    expect(plan.identity.previous).toBeUndefined()
    expect(plan.changes.some(c => c.kind === 'retire-identity')).toBe(false)
  })

  it('install-chart: false: the previous identity kept (none, with the reason), not counted as a change', () => {
    const { desired, facts, opts } = setup({ podIdentity: true, installChart: false, facts: { stacks: { [IRSA_STACK]: { name: IRSA_STACK, status: 'CREATE_COMPLETE' } } } })
    const retire = applyPlan(desired, facts, opts).changes.find(c => c.kind === 'retire-identity')!
    expect(retire).toMatchObject({ action: 'none', keep: true, destructive: false })
    expect(retire.reason).toMatch(/install-chart: false/)
  })
})

describe('node access', () => {
  it('an access entry present: none; CONFIG_MAP cluster: the aws-auth mapping, created, complete or lacking groups', () => {
    const present = setup({ installChart: false, facts: { nodeAccess: { accessEntryType: 'EC2_LINUX' } } })
    expect(applyPlan(present.desired, present.facts, present.opts).changes.find(c => c.kind === 'access-entry')?.action).toBe('none')
    const cm = { name: CLUSTER, region: 'us-west-2', status: 'ACTIVE', version: '1.32', oidcIssuer: ISSUER, authenticationMode: 'CONFIG_MAP' }
    const none = setup({ installChart: false, facts: { cluster: cm, nodeAccess: { awsAuthMapping: null } } })
    expect(applyPlan(none.desired, none.facts, none.opts).changes.filter(c => c.kind === 'aws-auth' || c.kind === 'access-entry').map(c => `${c.kind} ${c.action}`)).toEqual(['aws-auth create'])
    const full = setup({ installChart: false, facts: { cluster: cm, nodeAccess: { awsAuthMapping: { rolearn: NODE_ROLE, groups: ['system:bootstrappers', 'system:nodes'] } } } })
    expect(applyPlan(full.desired, full.facts, full.opts).changes.find(c => c.kind === 'aws-auth')?.action).toBe('none')
    const lacking = setup({ installChart: false, facts: { cluster: cm, nodeAccess: { awsAuthMapping: { rolearn: NODE_ROLE, groups: ['system:nodes'] } } } })
    const c = applyPlan(lacking.desired, lacking.facts, lacking.opts).changes.find(c => c.kind === 'aws-auth')!
    expect([c.action, c.reason.split(';')[0]]).toEqual(['update', 'lacks system:bootstrappers'])
  })

  it('Windows nodes on API_AND_CONFIG_MAP: the aws-auth mapping with the Windows group, then the EC2_LINUX entry deleted (destructive); none to delete when there is none', () => {
    const win = setup({ installChart: false, facts: { windows: ['node group win'], nodeAccess: { accessEntryType: 'EC2_LINUX', awsAuthMapping: null } } })
    const plan = applyPlan(win.desired, win.facts, win.opts)
    expect(plan.changes.filter(c => c.kind === 'aws-auth' || c.kind === 'access-entry').map(c => `${c.kind} ${c.action} ${c.destructive}`)).toEqual(['aws-auth create false', 'access-entry delete true'])
    expect(plan.changes.find(c => c.kind === 'aws-auth')).toMatchObject({ windows: true })
    const clean = setup({ installChart: false, facts: { windows: ['node group win'], nodeAccess: { accessEntryType: null, awsAuthMapping: { rolearn: NODE_ROLE, groups: ['eks:kube-proxy-windows', 'system:bootstrappers', 'system:nodes'] } } } })
    expect(summary(applyPlan(clean.desired, clean.facts, clean.opts)).filter(s => /aws-auth|access-entry/.test(s))).toEqual(['aws-auth none'])
  })

  it('node-access: none: no node access change at all', () => {
    const { desired, facts, opts } = setup({ installChart: false, nodeAccess: 'none' })
    expect(applyPlan(desired, facts, opts).changes.some(c => c.kind === 'access-entry' || c.kind === 'aws-auth')).toBe(false)
  })
})
