// drift mode over mocked AWS clients (install-chart: false): output `drifted`, fail-on-drift, the clear error.
import { describe, it, expect, beforeEach } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { EKSClient, DescribeClusterCommand, DescribeAccessEntryCommand } from '@aws-sdk/client-eks'
import {
  CloudFormationClient,
  DescribeStacksCommand,
  GetTemplateCommand,
  DetectStackDriftCommand,
  DescribeStackDriftDetectionStatusCommand,
  DescribeStackResourceDriftsCommand
} from '@aws-sdk/client-cloudformation'
import { clusterConfig, inputs } from '../../helpers/config.js'
import { emptyReport } from '../../../src/report/types.js'
import type { RunContext } from '../../../src/modes/context.js'
import { runDrift } from '../../../src/modes/drift.js'
import { NO_FILES } from '../../../src/modes/run-files.js'
import { buildDesiredState } from '../../../src/core/desired.js'

const sts = mockClient(STSClient)
const eks = mockClient(EKSClient)
const cfn = mockClient(CloudFormationClient)
const CLUSTER = 'cluster-with-karpenter'

function context(extra: Record<string, string> = {}): RunContext {
  const given = inputs({ mode: 'drift', 'install-chart': 'false', ...extra })
  const config = clusterConfig()
  return {
    inputs: given,
    config,
    files: NO_FILES, tempDir: '/tmp',
    offline: buildDesiredState(config, given),
    report: emptyReport('drift'),
    signal: new AbortController().signal
  }
}

const done = (status: 'IN_SYNC' | 'DRIFTED') => ({ StackId: 's', StackDriftDetectionId: 'd', DetectionStatus: 'DETECTION_COMPLETE' as const, StackDriftStatus: status, Timestamp: new Date() })

beforeEach(() => {
  for (const m of [sts, eks, cfn]) m.reset()
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/d/s' })
  eks.on(DescribeClusterCommand).resolves({ cluster: { name: CLUSTER, status: 'ACTIVE', version: '1.32', identity: { oidc: { issuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC' } } } })
  cfn.on(DescribeStacksCommand).resolves({ Stacks: [{ StackName: 'x', StackStatus: 'CREATE_COMPLETE', CreationTime: new Date() }] })
  cfn.on(GetTemplateCommand).resolves({ TemplateBody: '{}' })
  cfn.on(DetectStackDriftCommand).resolves({ StackDriftDetectionId: 'd' })
})

describe('drift mode', () => {
  it('no drift: drifted=false, the step passes', async () => {
    cfn.on(DescribeStackDriftDetectionStatusCommand).resolves(done('IN_SYNC'))
    cfn.on(DescribeStackResourceDriftsCommand).resolves({ StackResourceDrifts: [] })
    const ctx = context()
    await runDrift(ctx)
    expect(ctx.report.outputs.drifted).toBe('false')
    expect(cfn.commandCalls(DetectStackDriftCommand)).toHaveLength(2)
  })

  const drifted = () => {
    cfn.on(DescribeStackDriftDetectionStatusCommand).resolves(done('DRIFTED'))
    cfn.on(DescribeStackResourceDriftsCommand).resolves({
      StackResourceDrifts: [{ StackId: 's', LogicalResourceId: 'KarpenterNodeRole', ResourceType: 'AWS::IAM::Role', StackResourceDriftStatus: 'MODIFIED', Timestamp: new Date(), PropertyDifferences: [{ PropertyPath: '/MaxSessionDuration', ExpectedValue: '3600', ActualValue: '7200', DifferenceType: 'NOT_EQUAL' }] }]
    })
  }

  it('drift found: drifted=true, items in the report, and the step fails by default', async () => {
    drifted()
    const ctx = context()
    await expect(runDrift(ctx)).rejects.toThrow(/Drift found in 2 item\(s\)/)
    expect(ctx.report.outputs.drifted).toBe('true')
    expect(ctx.report.drift[0]).toMatchObject({ logicalId: 'KarpenterNodeRole', status: 'MODIFIED', differences: [{ path: '/MaxSessionDuration', expected: '3600', actual: '7200' }] })
  })

  it('drift found with fail-on-drift: false: drifted=true, the step passes', async () => {
    drifted()
    const ctx = context({ 'fail-on-drift': 'false' })
    await runDrift(ctx)
    expect(ctx.report.outputs.drifted).toBe('true')
  })

  it('detection not implemented by the endpoint: the clear error', async () => {
    cfn.on(DetectStackDriftCommand).rejects(Object.assign(new Error('The detect_stack_drift action has not been implemented'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }))
    await expect(runDrift(context())).rejects.toThrow(/^CloudFormation drift detection is not available at /)
  })

  describe('node access', () => {
    const apiCluster = () =>
      eks.on(DescribeClusterCommand).resolves({ cluster: { name: CLUSTER, status: 'ACTIVE', version: '1.32', accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' }, identity: { oidc: { issuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC' } } } })
    const inSync = () => {
      cfn.on(DescribeStackDriftDetectionStatusCommand).resolves(done('IN_SYNC'))
      cfn.on(DescribeStackResourceDriftsCommand).resolves({ StackResourceDrifts: [] })
    }

    it('the node role access entry deleted by hand is drift, read with DescribeAccessEntry only', async () => {
      apiCluster()
      inSync()
      eks.on(DescribeAccessEntryCommand).rejects(Object.assign(new Error('No access entry found'), { name: 'ResourceNotFoundException' }))
      const ctx = context()
      await expect(runDrift(ctx)).rejects.toThrow(/Drift found in 1 item\(s\)/)
      expect(ctx.report.drift).toEqual([
        { source: 'eks', logicalId: 'access-entry/arn:aws:iam::111122223333:role/eksctl-KarpenterNodeRole-cluster-with-karpenter', resourceType: 'AccessEntry', status: 'DELETED', differences: [{ path: '(resource)', expected: 'EC2_LINUX access entry', actual: 'deleted', type: 'REMOVE' }] }
      ])
      expect(eks.commandCalls(DescribeAccessEntryCommand)[0]!.args[0].input).toEqual({ clusterName: CLUSTER, principalArn: 'arn:aws:iam::111122223333:role/eksctl-KarpenterNodeRole-cluster-with-karpenter' })
    })

    it('an EC2_LINUX access entry is no drift', async () => {
      apiCluster()
      inSync()
      eks.on(DescribeAccessEntryCommand).resolves({ accessEntry: { type: 'EC2_LINUX' } })
      const ctx = context()
      await runDrift(ctx)
      expect(ctx.report.outputs.drifted).toBe('false')
      expect(ctx.report.steps).toContain('node access: access entry for arn:aws:iam::111122223333:role/eksctl-KarpenterNodeRole-cluster-with-karpenter present (EC2_LINUX)')
    })

    it('aws-auth on a cluster that cannot be reached (install-chart: false): not checked, with a warning', async () => {
      inSync()
      const ctx = context()
      await runDrift(ctx)
      expect(ctx.report.warnings.join('\n')).toMatch(/node access: the aws-auth mapping was not checked, the cluster could not be reached/)
      expect(eks.commandCalls(DescribeAccessEntryCommand)).toHaveLength(0)
    })
  })
})
