// drift's comparison over plain Facts (no SDK, no server): every branch of src/core/plan/drift.ts.
import { describe, it, expect } from '@jest/globals'
import { clusterConfig, inputs } from '../../../helpers/config.js'
import { buildDesiredState } from '../../../../src/core/desired.js'
import type { DesiredState } from '../../../../src/core/types.js'
import type { ClusterConfig } from '../../../../src/core/config/types.js'
import type { ExistingAssociation, Facts } from '../../../../src/core/facts.js'
import { compareDrift, driftLine, nodeAccessToCompare, stackMissing } from '../../../../src/core/plan/drift.js'

const ACCOUNT = '111122223333'
const CLUSTER = 'cluster-with-karpenter'
const NODE_ROLE = `arn:aws:iam::${ACCOUNT}:role/eksctl-KarpenterNodeRole-${CLUSTER}`
const OTHER_ROLE = `arn:aws:iam::${ACCOUNT}:role/someone-elses-karpenter-role`
const POD_ROLE = `arn:aws:iam::${ACCOUNT}:role/${CLUSTER}-karpenter`

const podIdentityConfig = (extra: Record<string, unknown> = {}): ClusterConfig =>
  clusterConfig({
    addons: ['eks-pod-identity-agent'],
    podIdentityAssociations: [{ namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: [], tags: {}, position: { line: 1, col: 1 }, ...extra }]
  })

function desiredOf(config: ClusterConfig = clusterConfig(), given: Record<string, string> = {}, adopt?: string): DesiredState {
  return buildDesiredState(config, inputs({ mode: 'drift', ...given }), {
    accountId: ACCOUNT,
    partition: 'aws',
    oidcIssuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC',
    clusterEndpoint: 'https://abc.eks.amazonaws.com',
    podIdentityRoleArn: adopt
  })
}

/** What drift reads when everything is as apply left it: the stacks in sync and as deployed, node access, the release. */
function inSync(desired: DesiredState, authenticationMode = 'API_AND_CONFIG_MAP'): Facts {
  const inUse = [desired.karpenterStack, desired.controllerStack]
  return {
    caller: { accountId: ACCOUNT, partition: 'aws', arn: `arn:aws:sts::${ACCOUNT}:assumed-role/d/s` },
    region: 'us-west-2',
    cluster: { name: CLUSTER, region: 'us-west-2', status: 'ACTIVE', version: '1.32', authenticationMode },
    stacks: Object.fromEntries(inUse.map(s => [s.name, { name: s.name, status: 'CREATE_COMPLETE' }])),
    stackDrift: Object.fromEntries(inUse.map(s => [s.name, { status: 'IN_SYNC', items: [] }])),
    deployedStacks: Object.fromEntries(
      inUse.map(s => [
        s.name,
        {
          stack: { Parameters: Object.entries(s.parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })), Tags: Object.entries(s.tags).map(([Key, Value]) => ({ Key, Value })) },
          templateBody: JSON.stringify(s.template)
        }
      ])
    ),
    nodeAccess: authenticationMode === 'CONFIG_MAP' ? { awsAuthMapping: { rolearn: NODE_ROLE, groups: ['system:bootstrappers', 'system:nodes'] } } : { accessEntryType: 'EC2_LINUX' },
    releases: {
      main: {
        name: desired.helm.release,
        namespace: desired.helm.namespace,
        chart: 'karpenter',
        version: desired.helm.chart.version,
        revision: '1',
        status: 'deployed',
        values: JSON.parse(JSON.stringify(desired.helm.values)) as Record<string, unknown>
      }
    },
    windows: [],
    unread: {}
  }
}

const chart = { installChart: true }

describe('compareDrift: everything as applied', () => {
  it('IRSA: no items; a line per stack, node access and the chart', () => {
    const desired = desiredOf()
    const r = compareDrift(desired, inSync(desired), chart)
    expect(r.items).toEqual([])
    expect(r.warnings).toEqual([])
    expect(r.steps).toEqual([
      `stack eksctl-${CLUSTER}-karpenter: drift status IN_SYNC, 0 drifted resource(s)`,
      `stack ${desired.controllerStack.name}: drift status IN_SYNC, 0 drifted resource(s)`,
      `node access: access entry for ${NODE_ROLE} present (EC2_LINUX)`,
      `chart: karpenter/karpenter ${desired.helm.chart.version} matches the config`
    ])
    expect(r.stacks).toEqual([
      { stack: `eksctl-${CLUSTER}-karpenter`, action: 'unchanged', status: 'drift IN_SYNC' },
      { stack: desired.controllerStack.name, action: 'unchanged', status: 'drift IN_SYNC' }
    ])
  })
})

describe('compareDrift: the stacks', () => {
  const desired = desiredOf()
  const karpenter = `eksctl-${CLUSTER}-karpenter`

  it('a missing stack is drift: DELETED, the stack ABSENT', () => {
    const facts = inSync(desired)
    facts.stacks[karpenter] = { name: karpenter }
    delete facts.stackDrift![karpenter]
    const r = compareDrift(desired, facts, chart)
    expect(r.items).toEqual([{ source: karpenter, status: 'DELETED', differences: [{ path: '(stack)', expected: 'present', actual: 'absent', type: 'REMOVE' }] }])
    expect(r.stacks[0]).toEqual({ stack: karpenter, action: 'absent', status: 'ABSENT' })
    expect(r.steps).toContain(`stack ${karpenter}: missing (drift)`)
  })

  it('a stack that is only a change set never executed (REVIEW_IN_PROGRESS) is missing, with its status', () => {
    const facts = inSync(desired)
    facts.stacks[karpenter] = { name: karpenter, status: 'REVIEW_IN_PROGRESS' }
    expect(compareDrift(desired, facts, chart).items[0]!.differences[0]).toEqual({ path: '(stack)', expected: 'present', actual: 'REVIEW_IN_PROGRESS', type: 'REMOVE' })
  })

  it('a stack gone between the look-up and detection: detection’s own item', () => {
    const facts = inSync(desired)
    const gone = { source: karpenter, status: 'DELETED', differences: [{ path: '(stack)', expected: 'present', actual: 'absent', type: 'REMOVE' }] }
    facts.stackDrift![karpenter] = { status: 'DELETED', items: [gone] }
    const r = compareDrift(desired, facts, chart)
    expect(r.items).toEqual([gone])
    expect(r.stacks[0]!.action).toBe('absent')
  })

  it("CloudFormation's drifted resources are the stack's items, in order, with the count in the step", () => {
    const facts = inSync(desired)
    const item = { source: karpenter, logicalId: 'KarpenterNodeRole', resourceType: 'AWS::IAM::Role', status: 'MODIFIED', differences: [{ path: '/MaxSessionDuration', expected: '3600', actual: '7200', type: 'NOT_EQUAL' }] }
    facts.stackDrift![karpenter] = { status: 'DRIFTED', items: [item] }
    const r = compareDrift(desired, facts, chart)
    expect(r.items).toEqual([item])
    expect(r.stacks[0]).toEqual({ stack: karpenter, action: 'unchanged', status: 'drift DRIFTED' })
    expect(r.steps[0]).toBe(`stack ${karpenter}: drift status DRIFTED, 1 drifted resource(s)`)
  })

  it('detection that could not check every resource: a warning with its reason', () => {
    const facts = inSync(desired)
    facts.stackDrift![karpenter] = { status: 'IN_SYNC', items: [], partialReason: 'AWS::SQS::Queue not supported' }
    expect(compareDrift(desired, facts, chart).warnings).toEqual([`drift detection on ${karpenter} did not check every resource: AWS::SQS::Queue not supported`])
  })

  it('drift detection not read: the stack is not compared, and the step says why', () => {
    const facts = inSync(desired)
    delete facts.stackDrift
    facts.unread['stack-drift'] = 'CloudFormation drift detection is not available at http://127.0.0.1:5000'
    const r = compareDrift(desired, facts, chart)
    expect(r.items).toEqual([])
    expect(r.steps[0]).toBe(`stack ${karpenter}: drift not checked (CloudFormation drift detection is not available at http://127.0.0.1:5000)`)
    expect(r.stacks[0]).toEqual({ stack: karpenter, action: 'unchanged', status: 'CREATE_COMPLETE' })
  })

  it('the config moved on since the last apply: a step to run plan, not drift', () => {
    const facts = inSync(desired)
    facts.deployedStacks![karpenter]!.stack.Tags = [{ Key: 'team', Value: 'a' }]
    facts.deployedStacks![karpenter]!.templateBody = '{}'
    const r = compareDrift(desired, facts, chart)
    expect(r.items).toEqual([])
    const note = r.steps.find(s => s.includes('the config differs from what was last applied'))
    expect(note).toMatch(new RegExp(`^stack ${karpenter}: the config differs from what was last applied \\(template body differs; .*team: removed\\); run plan to see what apply would change$`))
  })

  it('the deployed stacks not read: no note', () => {
    const facts = inSync(desired)
    facts.deployedStacks![karpenter]!.templateBody = '{}'
    delete facts.deployedStacks
    expect(compareDrift(desired, facts, chart).steps.some(s => s.includes('differs from what was last applied'))).toBe(false)
  })

  it('Pod Identity with an adopted role: only the Karpenter stack is in use', () => {
    const pod = desiredOf(podIdentityConfig(), {}, OTHER_ROLE)
    const facts = { ...inSync(pod), association: { id: 'a-1', roleArn: OTHER_ROLE, tags: {}, ours: false }, controllerRolePolicies: { roleArn: OTHER_ROLE, attached: [...pod.arns.controllerPolicies] } }
    const r = compareDrift(pod, facts, chart)
    expect(r.stacks.map(s => s.stack)).toEqual([`eksctl-${CLUSTER}-karpenter`])
    expect(r.items).toEqual([])
  })
})

describe('compareDrift: the Pod Identity association and its role', () => {
  const desired = desiredOf(podIdentityConfig())
  const ours: ExistingAssociation = { id: 'a-1', roleArn: POD_ROLE, tags: {}, ours: true }

  it('in sync: one line, no item', () => {
    const r = compareDrift(desired, { ...inSync(desired), association: ours }, chart)
    expect(r.items).toEqual([])
    expect(r.steps[0]).toBe(`Pod Identity association a-1 → ${POD_ROLE}: in sync`)
  })

  it('missing: DELETED', () => {
    const r = compareDrift(desired, { ...inSync(desired), association: null }, chart)
    expect(r.items).toEqual([
      { source: 'eks', logicalId: 'PodIdentityAssociation karpenter/karpenter', resourceType: 'AWS::EKS::PodIdentityAssociation', status: 'DELETED', differences: [{ path: 'association', expected: POD_ROLE, actual: 'not found', type: 'REMOVE' }] }
    ])
    expect(r.steps[0]).toBe('Pod Identity: PodIdentityAssociation karpenter/karpenter DELETED')
  })

  it('on another role than the one this tool gave it: MODIFIED roleArn', () => {
    const r = compareDrift(desired, { ...inSync(desired), association: { ...ours, roleArn: OTHER_ROLE } }, chart)
    expect(r.items).toEqual([
      { source: 'eks', logicalId: 'PodIdentityAssociation karpenter/karpenter (a-1)', resourceType: 'AWS::EKS::PodIdentityAssociation', status: 'MODIFIED', differences: [{ path: 'roleArn', expected: POD_ROLE, actual: OTHER_ROLE, type: 'NOT_EQUAL' }] }
    ])
  })

  it('not read (no cluster): no line about it', () => {
    const facts = inSync(desired)
    delete facts.cluster
    expect(compareDrift(desired, facts, chart).steps.some(s => s.includes('Pod Identity'))).toBe(false)
  })

  it('IRSA: the association is not compared', () => {
    const irsa = desiredOf()
    expect(compareDrift(irsa, { ...inSync(irsa), association: null }, chart).items).toEqual([])
  })

  describe('a role that is not the stack’s (adopted or roleARN)', () => {
    const foreign: ExistingAssociation = { id: 'a-2', roleArn: OTHER_ROLE, tags: {}, ours: false }
    const adopted = desiredOf(podIdentityConfig({ permissionPolicyARNs: ['arn:aws:iam::aws:policy/ReadOnlyAccess'] }), {}, OTHER_ROLE)
    const wanted = [...adopted.arns.controllerPolicies, 'arn:aws:iam::aws:policy/ReadOnlyAccess']

    it('with every policy attached: in sync, the adopted role said', () => {
      const r = compareDrift(adopted, { ...inSync(adopted), association: foreign, controllerRolePolicies: { roleArn: OTHER_ROLE, attached: [...wanted, 'arn:aws:iam::aws:policy/Other'] } }, chart)
      expect(r.items).toEqual([])
      expect(r.steps[0]).toBe(`Pod Identity association a-2 → ${OTHER_ROLE}: in sync (not made by this tool; its role adopted)`)
    })

    it('a policy detached: MODIFIED AttachedPolicies', () => {
      const r = compareDrift(adopted, { ...inSync(adopted), association: foreign, controllerRolePolicies: { roleArn: OTHER_ROLE, attached: wanted.slice(1) } }, chart)
      expect(r.items).toEqual([
        { source: 'iam', logicalId: OTHER_ROLE, resourceType: 'AWS::IAM::Role', status: 'MODIFIED', differences: [{ path: 'AttachedPolicies', expected: wanted[0], actual: 'not attached', type: 'REMOVE' }] }
      ])
      expect(r.steps[0]).toBe(`Pod Identity: ${OTHER_ROLE} MODIFIED`)
    })

    it('the role gone: every policy missing', () => {
      const r = compareDrift(adopted, { ...inSync(adopted), association: foreign, controllerRolePolicies: { roleArn: OTHER_ROLE, attached: null } }, chart)
      expect(r.items[0]!.differences.map(d => d.expected)).toEqual(wanted)
    })

    it('roleARN from the file and the association gone: DELETED, expected that role; its policies compared', () => {
      const given = desiredOf(podIdentityConfig({ roleARN: OTHER_ROLE }))
      const r = compareDrift(given, { ...inSync(given), association: null, controllerRolePolicies: { roleArn: OTHER_ROLE, attached: [] } }, chart)
      expect(r.items.map(i => [i.source, i.status, i.differences[0]!.expected])).toEqual([
        ['eks', 'DELETED', OTHER_ROLE],
        ['iam', 'MODIFIED', given.arns.controllerPolicies[0]]
      ])
    })
  })
})

describe('compareDrift: node access', () => {
  const desired = desiredOf()

  it('the access entry deleted: DELETED', () => {
    const r = compareDrift(desired, { ...inSync(desired), nodeAccess: { accessEntryType: null } }, chart)
    expect(r.items).toEqual([
      { source: 'eks', logicalId: `access-entry/${NODE_ROLE}`, resourceType: 'AccessEntry', status: 'DELETED', differences: [{ path: '(resource)', expected: 'EC2_LINUX access entry', actual: 'deleted', type: 'REMOVE' }] }
    ])
    expect(r.steps).toContain(`node access: access entry for ${NODE_ROLE} missing (drift)`)
  })

  it('an access entry of another type: MODIFIED type', () => {
    const r = compareDrift(desired, { ...inSync(desired), nodeAccess: { accessEntryType: 'STANDARD' } }, chart)
    expect(r.items).toEqual([
      { source: 'eks', logicalId: `access-entry/${NODE_ROLE}`, resourceType: 'AccessEntry', status: 'MODIFIED', differences: [{ path: 'type', expected: 'EC2_LINUX', actual: 'STANDARD', type: 'NOT_EQUAL' }] }
    ])
    expect(r.steps).toContain(`node access: access entry for ${NODE_ROLE} has type STANDARD (drift)`)
  })

  it('the access entry not read: the step says so', () => {
    const r = compareDrift(desired, { ...inSync(desired), nodeAccess: {} }, chart)
    expect(r.items).toEqual([])
    expect(r.steps).toContain(`node access: access entry for ${NODE_ROLE} not checked (not read)`)
  })

  describe('aws-auth (a CONFIG_MAP cluster)', () => {
    it('mapped with the node groups: in sync', () => {
      const r = compareDrift(desired, inSync(desired, 'CONFIG_MAP'), chart)
      expect(r.items).toEqual([])
      expect(r.steps).toContain(`node access: aws-auth maps ${NODE_ROLE}`)
    })

    it('the mapping removed: DELETED', () => {
      const r = compareDrift(desired, { ...inSync(desired, 'CONFIG_MAP'), nodeAccess: { awsAuthMapping: null } }, chart)
      expect(r.items).toEqual([
        { source: 'kube-system/aws-auth', logicalId: 'mapRoles', resourceType: 'ConfigMap', status: 'DELETED', differences: [{ path: `mapRoles[rolearn=${NODE_ROLE}]`, expected: 'system:node:{{EC2PrivateDNSName}} in system:bootstrappers, system:nodes', actual: 'absent', type: 'REMOVE' }] }
      ])
      expect(r.steps).toContain(`node access: aws-auth mapping for ${NODE_ROLE} missing (drift)`)
    })

    it('the mapping without a node group: MODIFIED groups', () => {
      const r = compareDrift(desired, { ...inSync(desired, 'CONFIG_MAP'), nodeAccess: { awsAuthMapping: { rolearn: NODE_ROLE, groups: ['system:nodes'] } } }, chart)
      expect(r.items).toEqual([
        { source: 'kube-system/aws-auth', logicalId: 'mapRoles', resourceType: 'ConfigMap', status: 'MODIFIED', differences: [{ path: `mapRoles[rolearn=${NODE_ROLE}].groups`, expected: 'system:bootstrappers,system:nodes', actual: 'system:nodes', type: 'NOT_EQUAL' }] }
      ])
      expect(r.steps).toContain(`node access: aws-auth mapping for ${NODE_ROLE} lacks groups (drift)`)
    })

    it('the cluster could not be reached: a warning, no item', () => {
      const facts = { ...inSync(desired, 'CONFIG_MAP'), nodeAccess: {}, unread: { 'node-access': 'the cluster could not be reached: connect ECONNREFUSED' } }
      const r = compareDrift(desired, facts, { installChart: false })
      expect(r.items).toEqual([])
      expect(r.warnings).toEqual(['node access: the aws-auth mapping was not checked, the cluster could not be reached: connect ECONNREFUSED'])
    })
  })

  it('Windows nodes on an API_AND_CONFIG_MAP cluster: node access is the aws-auth mapping, with eks:kube-proxy-windows', () => {
    const facts = { ...inSync(desired), windows: ['node group win (WindowsServer2022FullContainer)'], nodeAccess: { awsAuthMapping: { rolearn: NODE_ROLE, groups: ['system:bootstrappers', 'system:nodes'] } } }
    const r = compareDrift(desired, facts, chart)
    expect(r.items).toEqual([
      {
        source: 'kube-system/aws-auth', logicalId: 'mapRoles', resourceType: 'ConfigMap', status: 'MODIFIED',
        differences: [{ path: `mapRoles[rolearn=${NODE_ROLE}].groups`, expected: 'eks:kube-proxy-windows,system:bootstrappers,system:nodes', actual: 'system:bootstrappers,system:nodes', type: 'NOT_EQUAL' }]
      }
    ])
    expect(nodeAccessToCompare(desired, facts).decision).toMatchObject({ method: 'aws-auth', windows: true })
  })

  it('an input the cluster refuses (access-entry on CONFIG_MAP): not compared, the refusal said', () => {
    const given = desiredOf(clusterConfig(), { 'node-access': 'access-entry' })
    const r = compareDrift(given, inSync(given, 'CONFIG_MAP'), chart)
    expect(r.items).toEqual([])
    expect(r.steps.find(s => s.startsWith('node access:'))).toMatch(/^node access: not compared \(node-access: access-entry needs a cluster whose authentication mode includes API/)
  })

  it('node-access: none, or no cluster: nothing compared', () => {
    const none = desiredOf(clusterConfig(), { 'node-access': 'none' })
    expect(compareDrift(none, { ...inSync(none), nodeAccess: { accessEntryType: null } }, chart).steps.some(s => s.startsWith('node access'))).toBe(false)
    const facts = { ...inSync(desired), nodeAccess: { accessEntryType: null } }
    delete facts.cluster
    const r = compareDrift(desired, facts, chart)
    expect(r.items).toEqual([])
    expect(r.warnings).toEqual([`EKS cluster "${CLUSTER}" was not found in us-west-2; only the stacks are checked.`])
  })
})

describe('compareDrift: the chart', () => {
  const desired = desiredOf()
  const withRelease = (change: Partial<NonNullable<NonNullable<Facts['releases']>['main']>>): Facts => {
    const facts = inSync(desired)
    facts.releases = { main: { ...facts.releases!.main!, ...change } }
    return facts
  }

  it('install-chart: false: not checked, whatever is installed', () => {
    const r = compareDrift(desired, withRelease({ version: '0.37.0' }), { installChart: false })
    expect(r.items).toEqual([])
    expect(r.steps).toContain('chart: not checked (install-chart: false — the chart is left to its owner)')
  })

  it('the release not read: not checked, with why', () => {
    const facts = inSync(desired)
    delete facts.releases
    facts.unread.releases = 'no cluster to reach'
    expect(compareDrift(desired, facts, chart).steps).toContain('chart: not checked (no cluster to reach)')
  })

  it('not installed: DELETED', () => {
    const facts = inSync(desired)
    facts.releases = {}
    const r = compareDrift(desired, facts, chart)
    expect(r.items).toEqual([{ source: 'helm', logicalId: 'karpenter/karpenter', resourceType: 'HelmRelease', status: 'DELETED', differences: [{ path: 'release', expected: desired.helm.chart.version, actual: 'not installed', type: 'REMOVE' }] }])
    expect(r.steps).toContain('chart: karpenter/karpenter differs from the config')
  })

  it('another chart version, not deployed, a value changed and one added by hand: one MODIFIED item with each', () => {
    const values: Record<string, unknown> = { ...(JSON.parse(JSON.stringify(desired.helm.values)) as Record<string, unknown>), logLevel: 'debug' }
    ;(values['settings'] as Record<string, unknown>)['clusterName'] = 'other'
    const r = compareDrift(desired, withRelease({ version: '1.2.0', status: 'failed', values }), chart)
    expect(r.items).toEqual([
      {
        source: 'helm', logicalId: 'karpenter/karpenter', resourceType: 'HelmRelease', status: 'MODIFIED',
        differences: [
          { path: 'chart.version', expected: desired.helm.chart.version, actual: '1.2.0', type: 'NOT_EQUAL' },
          { path: 'status', expected: 'deployed', actual: 'failed', type: 'NOT_EQUAL' },
          { path: 'values.logLevel', actual: 'debug', type: 'REMOVE' },
          { path: 'values.settings.clusterName', expected: CLUSTER, actual: 'other', type: 'NOT_EQUAL' }
        ]
      }
    ])
  })

  it('the values-file input is part of the desired values', () => {
    const r = compareDrift(desired, inSync(desired), { installChart: true, extraValues: { logLevel: 'debug' } })
    expect(r.items[0]!.differences).toEqual([{ path: 'values.logLevel', expected: 'debug', type: 'ADD' }])
  })
})

describe('helpers', () => {
  it('stackMissing: absent, DELETE_COMPLETE and REVIEW_IN_PROGRESS are missing; any other status is a stack', () => {
    const stacks = { a: { name: 'a' }, b: { name: 'b', status: 'DELETE_COMPLETE' }, c: { name: 'c', status: 'REVIEW_IN_PROGRESS' }, d: { name: 'd', status: 'UPDATE_ROLLBACK_COMPLETE' } }
    expect(['a', 'b', 'c', 'd', 'e'].map(n => stackMissing({ stacks }, n))).toEqual([true, true, true, false, true])
  })

  it('driftLine: source, what, status, then each difference (∅ for a side that is absent)', () => {
    expect(driftLine({ source: 'helm', logicalId: 'karpenter/karpenter', resourceType: 'HelmRelease', status: 'MODIFIED', differences: [{ path: 'values.logLevel', actual: 'debug' }, { path: 'chart.version', expected: '1.2.1', actual: '1.2.0' }] })).toBe(
      'drift: helm karpenter/karpenter HelmRelease MODIFIED: values.logLevel expected ∅ actual debug; chart.version expected 1.2.1 actual 1.2.0'
    )
    expect(driftLine({ source: 'eks-stack', status: 'DELETED', differences: [{ path: '(stack)', expected: 'present', actual: 'absent' }] })).toBe('drift: eks-stack  DELETED: (stack) expected present actual absent')
  })
})
