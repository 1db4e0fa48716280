// delete's teardown plan from plain Facts values: every branch of src/core/plan/teardown.ts, no SDK.
import { describe, it, expect } from '@jest/globals'
import { clusterConfig, inputs } from '../../../helpers/config.js'
import { buildDesiredState } from '../../../../src/core/desired.js'
import { teardownPlan, teardownReads, type TeardownChange, type TeardownInputs } from '../../../../src/core/plan/teardown.js'
import { describeChange } from '../../../../src/core/plan/change.js'
import type { ClusterInfo, ExistingAssociation, Facts } from '../../../../src/core/facts.js'
import type { DesiredState } from '../../../../src/core/types.js'

const CLUSTER = 'cluster-with-karpenter'
const ACCOUNT = '111122223333'
const NODE_ROLE = `arn:aws:iam::${ACCOUNT}:role/eksctl-KarpenterNodeRole-${CLUSTER}`
const KSTACK = `eksctl-${CLUSTER}-karpenter`
const IRSA_STACK = `eksctl-${CLUSTER}-addon-iamserviceaccount-karpenter-karpenter`
const POD_STACK = `eksctl-${CLUSTER}-podidentityrole-karpenter-karpenter`
const FOREIGN = `arn:aws:iam::${ACCOUNT}:role/made-by-hand`
const RUN: TeardownInputs = { installChart: true, timeoutSeconds: 300 }

const entry = (over: Record<string, unknown> = {}) => ({ namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: [], tags: {}, position: { line: 9, col: 7 }, ...over })

function desired(opts: { podIdentity?: boolean; roleARN?: string; nodeAccess?: string } = {}): DesiredState {
  const given = inputs({ mode: 'delete', 'node-access': opts.nodeAccess ?? 'auto' })
  const config = clusterConfig({ podIdentityAssociations: opts.podIdentity ? [entry(opts.roleARN ? { roleARN: opts.roleARN } : {})] : [] })
  return buildDesiredState(config, given, { accountId: ACCOUNT, partition: 'aws', oidcIssuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC' })
}
const IRSA = desired()
const POD = desired({ podIdentity: true })

const cluster = (over: Partial<ClusterInfo> = {}): ClusterInfo => ({ name: CLUSTER, region: 'us-west-2', status: 'ACTIVE', version: '1.32', authenticationMode: 'API_AND_CONFIG_MAP', ...over })
const association = (over: Partial<ExistingAssociation> = {}): ExistingAssociation => ({ id: 'a-1', roleArn: `arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-karpenter`, tags: {}, ours: true, ...over })

/** Facts as the read phase fills them; the stacks listed exist (CREATE_COMPLETE), the others are absent. */
function facts(over: Partial<Facts> & { existing?: string[] } = {}): Facts {
  const { existing = [KSTACK, IRSA_STACK], ...rest } = over
  const stacks: Facts['stacks'] = {}
  for (const name of [KSTACK, IRSA_STACK, POD_STACK]) stacks[name] = existing.includes(name) ? { name, status: 'CREATE_COMPLETE' } : { name }
  return { caller: { accountId: ACCOUNT, partition: 'aws', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/run` }, region: 'us-west-2', stacks, windows: [], unread: {}, cluster: cluster(), association: null, nodeAccess: { accessEntryType: 'EC2_LINUX' }, releases: {}, ...rest }
}

const kinds = (plan: TeardownChange[]) => plan.map(c => `${c.kind}:${c.action}`)
const find = <K extends TeardownChange['kind']>(plan: TeardownChange[], kind: K) => plan.filter((c): c is Extract<TeardownChange, { kind: K }> => c.kind === kind)

describe('teardownPlan: the order', () => {
  it('NodePools, controller release, karpenter-crd, node access, the controller stack, the Karpenter stack, instances', () => {
    const plan = teardownPlan(IRSA, RUN, facts({ releases: { main: { name: 'karpenter', namespace: 'karpenter', chart: 'karpenter', version: '1.2.1', revision: '3', status: 'deployed', values: {} } } }))
    expect(kinds(plan)).toEqual(['nodepools:delete', 'release:delete', 'release:none', 'access-entry:delete', 'stack:delete', 'stack:delete', 'instances:delete'])
    expect(find(plan, 'release').map(r => [r.release, r.reason])).toEqual([
      ['karpenter', 'chart karpenter 1.2.1, revision 3 (deployed)'],
      ['karpenter-crd', 'not installed']
    ])
    expect(find(plan, 'stack').map(s => s.stack)).toEqual([IRSA_STACK, KSTACK])
    expect(find(plan, 'nodepools')[0].reason).toContain('up to 300s')
    expect(plan.at(-1)).toMatchObject({ kind: 'instances', cluster: CLUSTER })
  })

  it('removes or replaces: every delete and update is destructive, every none is not; describeChange says so', () => {
    const plan = teardownPlan(POD, RUN, facts({ association: association({ ours: false, roleArn: FOREIGN }), existing: [KSTACK, POD_STACK] }))
    for (const c of plan) expect(c.destructive).toBe(c.action !== 'none')
    expect(plan.map(describeChange)).toContain(`delete stack ${KSTACK} — CREATE_COMPLETE; last of the stacks: it holds the node role and the controller policies (removes or replaces)`)
    expect(plan.map(describeChange)).toContain(`no change to Pod Identity association for karpenter/karpenter — a-1 was not made by this tool (role ${FOREIGN}): kept`)
  })

  it('a second delete: every step found nothing but the planned NodePools and instances steps, whose executors look', () => {
    const plan = teardownPlan(IRSA, RUN, facts({ existing: [], nodeAccess: { accessEntryType: null } }))
    expect(kinds(plan)).toEqual(['nodepools:delete', 'release:none', 'release:none', 'access-entry:none', 'stack:none', 'stack:none', 'instances:delete'])
    expect(find(plan, 'stack').map(s => s.reason)).toEqual(['not found', 'not found'])
  })

  it('facts not read: the step is planned and its executor finds out', () => {
    const plan = teardownPlan(IRSA, RUN, facts({ releases: undefined, nodeAccess: {} }))
    expect(find(plan, 'release').map(r => [r.action, r.reason])).toEqual([
      ['delete', 'not read: uninstalled if installed'],
      ['delete', 'not read: uninstalled if installed']
    ])
    expect(find(plan, 'access-entry')[0]).toMatchObject({ action: 'delete', reason: expect.stringMatching(/^not read: deleted if present/) })
  })
})

describe('teardownPlan: the cluster', () => {
  it('not found: the cluster steps skipped, the stacks still deleted, the instances still looked for', () => {
    const plan = teardownPlan(IRSA, RUN, facts({ cluster: undefined, association: undefined }))
    expect(kinds(plan)).toEqual(['cluster:none', 'stack:delete', 'stack:delete', 'instances:delete'])
    expect(plan[0]).toMatchObject({ cluster: CLUSTER, region: 'us-west-2', reason: 'not found in us-west-2: NodePools, chart and node access skipped; deleting the stacks' })
    expect(plan[0]).not.toHaveProperty('status')
  })

  it.each(['CREATING', 'DELETING', 'FAILED'])('%s: its Kubernetes API is not used, node access included; the association still', status => {
    const plan = teardownPlan(POD, RUN, facts({ cluster: cluster({ status }), association: association(), existing: [KSTACK, POD_STACK] }))
    expect(kinds(plan)).toEqual(['cluster:none', 'association:delete', 'stack:delete', 'stack:delete', 'instances:delete'])
    expect(plan[0]).toMatchObject({ status, reason: `${status}: its Kubernetes API is not used; NodePools, chart and in-cluster node access skipped` })
  })

  it('UPDATING answers: the cluster steps run', () => {
    expect(kinds(teardownPlan(IRSA, RUN, facts({ cluster: cluster({ status: 'UPDATING' }) })))[0]).toBe('nodepools:delete')
  })

  it('install-chart: false: NodePools and chart left to their owner, node access still removed', () => {
    const plan = teardownPlan(IRSA, { installChart: false, timeoutSeconds: 60 }, facts({ releases: undefined }))
    expect(kinds(plan)).toEqual(['nodepools:none', 'access-entry:delete', 'stack:delete', 'stack:delete', 'instances:delete'])
    expect(describeChange(plan[0])).toBe('no change to NodePools and chart — left to their owner (install-chart: false)')
  })
})

describe('teardownPlan: node access, by the decision apply made', () => {
  const nodeAccess = (d: DesiredState, f: Partial<Facts>) => teardownPlan(d, { installChart: false, timeoutSeconds: 60 }, facts(f)).filter(c => ['node-access', 'access-entry', 'aws-auth'].includes(c.kind))

  it('access entry: deleted when found, none when not found', () => {
    expect(nodeAccess(IRSA, {})).toEqual([expect.objectContaining({ kind: 'access-entry', principalArn: NODE_ROLE, action: 'delete', reason: 'found, type EC2_LINUX (authentication mode API_AND_CONFIG_MAP includes API)' })])
    expect(nodeAccess(IRSA, { nodeAccess: { accessEntryType: null } })).toEqual([expect.objectContaining({ kind: 'access-entry', action: 'none', reason: 'not found (authentication mode API_AND_CONFIG_MAP includes API)' })])
  })

  it('aws-auth (CONFIG_MAP, or a cluster that predates access entries): the mapping removed when found', () => {
    const mapping = { rolearn: NODE_ROLE, groups: ['system:bootstrappers', 'system:nodes'] }
    expect(nodeAccess(IRSA, { cluster: cluster({ authenticationMode: 'CONFIG_MAP' }), nodeAccess: { awsAuthMapping: mapping } })).toEqual([
      expect.objectContaining({ kind: 'aws-auth', roleArn: NODE_ROLE, action: 'delete', reason: 'found, groups system:bootstrappers, system:nodes (authentication mode CONFIG_MAP does not include API)' })
    ])
    expect(nodeAccess(IRSA, { cluster: cluster({ authenticationMode: undefined }), nodeAccess: { awsAuthMapping: null } })).toEqual([expect.objectContaining({ kind: 'aws-auth', action: 'none' })])
    expect(nodeAccess(IRSA, { cluster: cluster({ authenticationMode: 'CONFIG_MAP' }), nodeAccess: {} })).toEqual([expect.objectContaining({ kind: 'aws-auth', action: 'delete', reason: expect.stringMatching(/^not read/) })])
  })

  it('Windows nodes on API_AND_CONFIG_MAP: the access entry left from before them, then the aws-auth mapping', () => {
    const plan = nodeAccess(IRSA, { windows: ['nodeGroups[0] (win) amiFamily WindowsServer2022FullContainer'], nodeAccess: { accessEntryType: 'EC2_LINUX', awsAuthMapping: { rolearn: NODE_ROLE, groups: ['eks:kube-proxy-windows'] } } })
    expect(kinds(plan)).toEqual(['access-entry:delete', 'aws-auth:delete'])
    expect(plan[0].reason).toContain('apply deletes an access entry left from before Windows nodes')
  })

  it('Windows nodes on CONFIG_MAP: the aws-auth mapping only', () => {
    expect(kinds(nodeAccess(IRSA, { windows: ['a Windows EC2NodeClass'], cluster: cluster({ authenticationMode: 'CONFIG_MAP' }), nodeAccess: { awsAuthMapping: null } }))).toEqual(['aws-auth:none'])
  })

  it('node-access: none: nothing to remove, with apply\'s reason', () => {
    expect(nodeAccess(desired({ nodeAccess: 'none' }), {})).toEqual([
      expect.objectContaining({ kind: 'node-access', refused: false, action: 'none', reason: 'nothing to remove (node-access: none — node access is managed elsewhere)' })
    ])
  })

  it('a combination apply refuses granted nothing: nothing to remove, with the first sentence of why', () => {
    expect(nodeAccess(desired({ nodeAccess: 'access-entry' }), { cluster: cluster({ authenticationMode: 'CONFIG_MAP' }) })).toEqual([
      expect.objectContaining({ kind: 'node-access', refused: true, action: 'none', reason: 'node-access: access-entry needs a cluster whose authentication mode includes API, but this one is CONFIG_MAP; nothing to remove' })
    ])
    // Windows nodes on an API-only cluster: refused by apply (one access entry cannot serve both)
    expect(nodeAccess(IRSA, { windows: ['a Windows EC2NodeClass'], cluster: cluster({ authenticationMode: 'API' }) })).toEqual([expect.objectContaining({ kind: 'node-access', refused: true })])
  })
})

describe('teardownPlan: the controller identity', () => {
  const identity = (d: DesiredState, f: Partial<Facts> & { existing?: string[] }) => teardownPlan(d, { installChart: false, timeoutSeconds: 60 }, facts({ nodeAccess: { accessEntryType: null }, ...f })).filter(c => c.kind !== 'nodepools' && c.kind !== 'access-entry' && c.kind !== 'instances')

  it('Pod Identity, our association on the stack\'s role: deleted, then the Pod Identity stack and the Karpenter stack', () => {
    const plan = identity(POD, { association: association(), existing: [KSTACK, POD_STACK] })
    expect(kinds(plan)).toEqual(['association:delete', 'stack:delete', 'stack:delete'])
    expect(plan[0]).toMatchObject({ association: { id: 'a-1' }, reason: `a-1 made by this tool (role arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-karpenter)` })
    expect(find(plan, 'stack').map(s => s.stack)).toEqual([POD_STACK, KSTACK])
  })

  it('Pod Identity, no association: none found', () => {
    expect(identity(POD, { existing: [KSTACK] })[0]).toMatchObject({ kind: 'association', action: 'none', reason: 'none found' })
  })

  it("Pod Identity, someone else's association: kept, and the controller policies detached from its role (the role stays)", () => {
    const plan = identity(POD, { association: association({ ours: false, roleArn: FOREIGN }), existing: [KSTACK] })
    expect(kinds(plan)).toEqual(['association:none', 'detach-policies:update', 'stack:none', 'stack:delete'])
    expect(plan[1]).toMatchObject({ roleArn: FOREIGN, policyArns: POD.arns.controllerPolicies })
  })

  it('Pod Identity with roleARN: the policies detached from that role — also when the cluster is gone (else the Karpenter stack cannot go)', () => {
    const given = desired({ podIdentity: true, roleARN: FOREIGN })
    // no Pod Identity stack with a role the config names
    expect(kinds(identity(given, { association: association({ roleArn: FOREIGN }), existing: [KSTACK] }))).toEqual(['association:delete', 'detach-policies:update', 'stack:none', 'stack:delete'])
    expect(kinds(identity(given, { cluster: undefined, association: undefined, existing: [KSTACK] }))).toEqual(['cluster:none', 'detach-policies:update', 'stack:none', 'stack:delete'])
  })

  it('the EKS endpoint does not serve the Pod Identity API: not checked, nothing detached', () => {
    const given = desired({ podIdentity: true, roleARN: FOREIGN })
    const plan = identity(given, { association: null, podIdentityApiMissing: true, existing: [KSTACK] })
    expect(kinds(plan)).toEqual(['association:none', 'stack:none', 'stack:delete'])
    expect(plan[0]).toMatchObject({ podIdentityApiMissing: true, reason: 'the EKS endpoint does not serve the Pod Identity API: not checked' })
    // IRSA does not need it: nothing said
    expect(kinds(identity(IRSA, { association: null, podIdentityApiMissing: true }))).toEqual(['stack:delete', 'stack:delete'])
  })

  it('IRSA: no association step unless this tool made one', () => {
    expect(kinds(identity(IRSA, {}))).toEqual(['stack:delete', 'stack:delete'])
    expect(kinds(identity(IRSA, { association: association({ ours: false, roleArn: FOREIGN }) }))).toEqual(['stack:delete', 'stack:delete'])
  })

  it('IRSA after a switch from Pod Identity that did not finish: our association and the Pod Identity stack go too', () => {
    const plan = identity(IRSA, { association: association(), existing: [KSTACK, IRSA_STACK, POD_STACK] })
    expect(kinds(plan)).toEqual(['association:delete', 'stack:delete', 'stack:delete', 'stack:delete'])
    expect(plan[0].reason).toContain('left from Pod Identity before the switch to IRSA')
    expect(find(plan, 'stack').map(s => [s.stack, s.reason])).toEqual([
      [IRSA_STACK, "CREATE_COMPLETE; the controller's role, before the Karpenter stack whose policies it has attached"],
      [POD_STACK, 'CREATE_COMPLETE; left by the Pod Identity controller before the switch'],
      [KSTACK, 'CREATE_COMPLETE; last of the stacks: it holds the node role and the controller policies']
    ])
  })

  it("IRSA with a Pod Identity stack whose role someone else's association uses: that stack is not this tool's to delete", () => {
    const plan = identity(IRSA, { association: association({ ours: false }), existing: [KSTACK, IRSA_STACK, POD_STACK] })
    expect(find(plan, 'stack').map(s => s.stack)).toEqual([IRSA_STACK, KSTACK])
  })

  it('Pod Identity after a switch from IRSA that did not finish: the IRSA stack goes too, before the Karpenter stack', () => {
    const plan = identity(POD, { association: association(), existing: [KSTACK, IRSA_STACK, POD_STACK] })
    expect(find(plan, 'stack').map(s => s.stack)).toEqual([POD_STACK, IRSA_STACK, KSTACK])
  })

  it('a partial apply (only the Karpenter stack): the controller stack not found, the Karpenter stack deleted', () => {
    expect(find(identity(IRSA, { existing: [KSTACK] }), 'stack').map(s => [s.stack, s.action])).toEqual([[IRSA_STACK, 'none'], [KSTACK, 'delete']])
  })
})

describe('teardownReads: what the read phase reads', () => {
  it('a cluster that answers: the chart releases and the node access the decision needs', () => {
    expect(teardownReads(IRSA, RUN, cluster(), [])).toEqual({ kubernetes: true, releases: true, accessEntry: true, awsAuth: false, association: true })
    expect(teardownReads(IRSA, { ...RUN, installChart: false }, cluster(), [])).toEqual({ kubernetes: false, releases: false, accessEntry: true, awsAuth: false, association: true })
    expect(teardownReads(IRSA, { ...RUN, installChart: false }, cluster({ authenticationMode: 'CONFIG_MAP' }), [])).toEqual({ kubernetes: true, releases: false, accessEntry: false, awsAuth: true, association: true })
    expect(teardownReads(IRSA, { ...RUN, installChart: false }, cluster(), ['a Windows EC2NodeClass'])).toEqual({ kubernetes: true, releases: false, accessEntry: true, awsAuth: true, association: true })
    expect(teardownReads(desired({ nodeAccess: 'none' }), { ...RUN, installChart: false }, cluster(), [])).toEqual({ kubernetes: false, releases: false, accessEntry: false, awsAuth: false, association: true })
    expect(teardownReads(desired({ nodeAccess: 'access-entry' }), RUN, cluster({ authenticationMode: 'CONFIG_MAP' }), [])).toMatchObject({ accessEntry: false, awsAuth: false })
  })

  it('a cluster that does not answer, or is gone: nothing of Kubernetes; the association only when it exists', () => {
    expect(teardownReads(IRSA, RUN, cluster({ status: 'CREATING' }), [])).toEqual({ kubernetes: false, releases: false, accessEntry: false, awsAuth: false, association: true })
    expect(teardownReads(IRSA, RUN, undefined, [])).toEqual({ kubernetes: false, releases: false, accessEntry: false, awsAuth: false, association: false })
  })
})
