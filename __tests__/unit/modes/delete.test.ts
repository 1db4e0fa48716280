// delete mode end to end over mocked AWS clients (install-chart: false, node-access: none: no Kubernetes here).
import { describe, it, expect, beforeEach } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { EKSClient, DescribeClusterCommand } from '@aws-sdk/client-eks'
import {
  CloudFormationClient,
  DescribeStacksCommand,
  DeleteStackCommand,
  DescribeStackEventsCommand,
  ListStackResourcesCommand,
  UpdateTerminationProtectionCommand,
  type Stack
} from '@aws-sdk/client-cloudformation'
import { IAMClient, ListAttachedRolePoliciesCommand, DetachRolePolicyCommand } from '@aws-sdk/client-iam'
import { EC2Client, DescribeInstancesCommand, TerminateInstancesCommand } from '@aws-sdk/client-ec2'
import { clusterConfig, inputs } from '../../helpers/config.js'
import { emptyReport } from '../../../src/report/types.js'
import type { RunContext } from '../../../src/modes/context.js'
import { runDelete } from '../../../src/modes/delete.js'
import { isKarpenterInstanceOf, leftoverFilters } from '../../../src/aws/instances.js'
import { NO_FILES } from '../../../src/modes/run-files.js'
import { buildDesiredState } from '../../../src/core/desired.js'

const sts = mockClient(STSClient)
const eks = mockClient(EKSClient)
const cfn = mockClient(CloudFormationClient)
const iam = mockClient(IAMClient)
const ec2 = mockClient(EC2Client)

const CLUSTER = 'cluster-with-karpenter'
const KSTACK = `eksctl-${CLUSTER}-karpenter`
const CSTACK = `eksctl-${CLUSTER}-addon-iamserviceaccount-karpenter-karpenter`
const ACCOUNT = '111122223333'
const POLICY = `arn:aws:iam::${ACCOUNT}:policy/eksctl-KarpenterControllerPolicy-${CLUSTER}`
const missing = (name: string) => Object.assign(new Error(`Stack with id ${name} does not exist`), { name: 'ValidationError' })

function context(): RunContext {
  const given = inputs({ mode: 'delete', 'install-chart': 'false', 'node-access': 'none', timeout: '1m' })
  const config = clusterConfig()
  return {
    inputs: given,
    config,
    files: NO_FILES, tempDir: '/tmp',
    offline: buildDesiredState(config, given),
    report: emptyReport('delete'),
    signal: new AbortController().signal
  }
}

/** Stacks that exist until DeleteStack is called for them. */
function stacks(existing: Record<string, Partial<Stack>>): string[] {
  const deleted: string[] = []
  const alive = new Set(Object.keys(existing))
  cfn.on(DescribeStacksCommand).callsFake((input: { StackName: string }) => {
    const name = Object.keys(existing).find(n => input.StackName === n || input.StackName === `id-${n}`)
    if (!name || !alive.has(name)) throw missing(input.StackName)
    return { Stacks: [{ StackName: name, StackId: `id-${name}`, StackStatus: 'CREATE_COMPLETE', CreationTime: new Date(), ...existing[name] }] }
  })
  cfn.on(DeleteStackCommand).callsFake((input: { StackName: string }) => {
    const name = input.StackName.replace(/^id-/, '')
    deleted.push(name)
    alive.delete(name)
    return {}
  })
  cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
  cfn.on(ListStackResourcesCommand, { StackName: CSTACK }).resolves({
    StackResourceSummaries: [{ LogicalResourceId: 'Role1', PhysicalResourceId: `eksctl-${CLUSTER}-iamservice-role`, ResourceType: 'AWS::IAM::Role', ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: new Date() }]
  })
  cfn.on(ListStackResourcesCommand, { StackName: KSTACK }).resolves({
    StackResourceSummaries: [{ LogicalResourceId: 'KarpenterNodeRole', PhysicalResourceId: `eksctl-KarpenterNodeRole-${CLUSTER}`, ResourceType: 'AWS::IAM::Role', ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: new Date() }]
  })
  return deleted
}

const instance = (id: string, tags: Record<string, string>) => ({ InstanceId: id, State: { Name: 'running' as const }, Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) })

beforeEach(() => {
  for (const m of [sts, eks, cfn, iam, ec2]) m.reset()
  sts.on(GetCallerIdentityCommand).resolves({ Account: ACCOUNT, Arn: `arn:aws:sts::${ACCOUNT}:assumed-role/deployer/s` })
  eks.on(DescribeClusterCommand).resolves({ cluster: { name: CLUSTER, status: 'ACTIVE', version: '1.32', endpoint: 'https://x', identity: { oidc: { issuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC' } } } })
  iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [] })
  ec2.on(DescribeInstancesCommand).resolves({ Reservations: [] })
})

describe('delete mode', () => {
  it('deletes the controller stack, then the Karpenter stack (protection off first), and finds no instances', async () => {
    const deleted = stacks({ [CSTACK]: {}, [KSTACK]: { EnableTerminationProtection: true } })
    cfn.on(UpdateTerminationProtectionCommand).resolves({})
    const ctx = context()
    await runDelete(ctx)
    expect(deleted).toEqual([CSTACK, KSTACK])
    expect(cfn.commandCalls(UpdateTerminationProtectionCommand).map(c => c.args[0].input)).toEqual([{ StackName: KSTACK, EnableTerminationProtection: false }])
    expect(ctx.report.stacks.map(s => [s.stack, s.action])).toEqual([[CSTACK, 'deleted'], [KSTACK, 'deleted']])
    expect(ec2.commandCalls(TerminateInstancesCommand)).toHaveLength(0)
    expect(ctx.report.steps).toContain('instances: none left tagged for this cluster by Karpenter')
    expect(ctx.report.changed).toBe(true)
  })

  it('UpdateTerminationProtection not implemented (moto): logged as a known limit, the delete goes on', async () => {
    const deleted = stacks({ [CSTACK]: {}, [KSTACK]: { EnableTerminationProtection: true } })
    cfn.on(UpdateTerminationProtectionCommand).rejects(Object.assign(new Error('The update_termination_protection action has not been implemented'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }))
    await runDelete(context())
    expect(deleted).toEqual([CSTACK, KSTACK])
  })

  it('detaches the controller policy from the role before DeleteStack (moto DeleteConflict), and refuses foreign policies', async () => {
    const deleted = stacks({ [CSTACK]: {}, [KSTACK]: {} })
    iam.on(ListAttachedRolePoliciesCommand, { RoleName: `eksctl-${CLUSTER}-iamservice-role` }).resolves({ AttachedPolicies: [{ PolicyArn: POLICY, PolicyName: 'p' }] })
    iam.on(DetachRolePolicyCommand).resolves({})
    await runDelete(context())
    expect(iam.commandCalls(DetachRolePolicyCommand).map(c => c.args[0].input)).toEqual([{ RoleName: `eksctl-${CLUSTER}-iamservice-role`, PolicyArn: POLICY }])
    expect(deleted).toEqual([CSTACK, KSTACK])

    for (const m of [cfn, iam]) m.reset()
    const again = stacks({ [CSTACK]: {}, [KSTACK]: {} })
    iam.on(ListAttachedRolePoliciesCommand).resolves({ AttachedPolicies: [{ PolicyArn: `arn:aws:iam::${ACCOUNT}:policy/someone-elses`, PolicyName: 'x' }] })
    await expect(runDelete(context())).rejects.toThrow(/managed policies this tool did not attach: arn:aws:iam::111122223333:policy\/someone-elses/)
    expect(again).toEqual([])
  })

  it('after a partial apply (only the Karpenter stack exists): the missing one is "absent", the other deleted', async () => {
    const deleted = stacks({ [KSTACK]: {} })
    const ctx = context()
    await runDelete(ctx)
    expect(deleted).toEqual([KSTACK])
    expect(ctx.report.stacks.map(s => [s.stack, s.action, s.status])).toEqual([[CSTACK, 'absent', 'ABSENT'], [KSTACK, 'deleted', 'DELETE_COMPLETE']])
  })

  it('leftover instances: only those tagged by Karpenter for this cluster are terminated', async () => {
    stacks({})
    ec2.on(DescribeInstancesCommand).resolves({
      Reservations: [
        {
          Instances: [
            instance('i-karpenter', { 'karpenter.sh/nodepool': 'default', [`kubernetes.io/cluster/${CLUSTER}`]: 'owned' }),
            // an endpoint that ignores filters must not widen the delete:
            instance('i-other-cluster', { 'karpenter.sh/nodepool': 'default', 'kubernetes.io/cluster/other': 'owned' }),
            instance('i-nodegroup', { [`kubernetes.io/cluster/${CLUSTER}`]: 'owned' })
          ]
        }
      ]
    })
    ec2.on(TerminateInstancesCommand).resolves({})
    const ctx = context()
    await runDelete(ctx)
    expect(ec2.commandCalls(TerminateInstancesCommand).map(c => c.args[0].input.InstanceIds)).toEqual([['i-karpenter']])
    expect(ctx.report.steps.some(s => s.startsWith('instances: terminated 1 left by Karpenter (i-karpenter nodepool default)'))).toBe(true)
  })

  it('a cluster that is gone: Kubernetes steps skipped, stacks still deleted', async () => {
    eks.on(DescribeClusterCommand).rejects(Object.assign(new Error('No cluster found for name'), { name: 'ResourceNotFoundException' }))
    const deleted = stacks({ [CSTACK]: {}, [KSTACK]: {} })
    const ctx = context()
    await runDelete(ctx)
    expect(deleted).toEqual([CSTACK, KSTACK])
    expect(ctx.report.steps.some(s => s.startsWith(`cluster ${CLUSTER} not found in us-west-2`))).toBe(true)
  })

  it('a second delete (nothing left) succeeds and changes nothing', async () => {
    const deleted = stacks({})
    const ctx = context()
    await runDelete(ctx)
    expect(deleted).toEqual([])
    expect(ctx.report.changed).toBe(false)
    expect(ctx.report.stacks.every(s => s.action === 'absent')).toBe(true)
  })

  it('a stack that ends DELETE_FAILED is retried once, then reported with its reason', async () => {
    let deletes = 0
    cfn.on(DescribeStacksCommand).callsFake((input: { StackName: string }) => {
      if (input.StackName.includes('iamservice')) throw missing(input.StackName)
      return { Stacks: [{ StackName: KSTACK, StackId: `id-${KSTACK}`, StackStatus: deletes === 0 ? 'CREATE_COMPLETE' : 'DELETE_FAILED', StackStatusReason: 'role in use', CreationTime: new Date() }] }
    })
    cfn.on(DeleteStackCommand).callsFake(() => void deletes++)
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
    cfn.on(ListStackResourcesCommand).resolves({ StackResourceSummaries: [] })
    const ctx = context()
    await expect(runDelete(ctx)).rejects.toThrow(new RegExp(`Stack ${KSTACK} could not be deleted: it is DELETE_FAILED — .*role in use`))
    expect(deletes).toBe(2)
    expect(ctx.report.stacks.find(s => s.stack === KSTACK)?.action).toBe('failed')
  })
})

describe('instance selection', () => {
  it('needs a Karpenter tag and the cluster tag', () => {
    expect(isKarpenterInstanceOf([{ Key: 'karpenter.sh/nodepool', Value: 'a' }, { Key: 'eks:eks-cluster-name', Value: 'c' }], 'c')).toBe(true)
    expect(isKarpenterInstanceOf([{ Key: 'karpenter.sh/nodepool', Value: 'a' }, { Key: 'kubernetes.io/cluster/c', Value: 'shared' }], 'c')).toBe(false)
    expect(isKarpenterInstanceOf([{ Key: 'kubernetes.io/cluster/c', Value: 'owned' }], 'c')).toBe(false)
    expect(leftoverFilters('c').every(f => f.some(x => x.Name === 'tag-key'))).toBe(true)
  })
})
