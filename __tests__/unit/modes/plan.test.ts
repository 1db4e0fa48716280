// plan mode over mocked AWS clients (install-chart: false): has-changes, report, nothing executed.
import { describe, it, expect, beforeEach } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts'
import { EKSClient, DescribeClusterCommand } from '@aws-sdk/client-eks'
import { IAMClient, ListOpenIDConnectProvidersCommand } from '@aws-sdk/client-iam'
import {
  CloudFormationClient,
  DescribeStacksCommand,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  DeleteChangeSetCommand,
  DeleteStackCommand,
  ExecuteChangeSetCommand
} from '@aws-sdk/client-cloudformation'
import { clusterConfig, inputs } from '../../helpers/config.js'
import { emptyReport } from '../../../src/report/types.js'
import type { RunContext } from '../../../src/modes/context.js'
import { runPlan } from '../../../src/modes/plan.js'
import { NO_FILES } from '../../../src/modes/run-files.js'
import { buildDesiredState } from '../../../src/core/desired.js'

const sts = mockClient(STSClient)
const eks = mockClient(EKSClient)
const iam = mockClient(IAMClient)
const cfn = mockClient(CloudFormationClient)
const CLUSTER = 'cluster-with-karpenter'
const ISSUER = 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC'

function context(): RunContext {
  const given = inputs({ mode: 'plan', 'install-chart': 'false' })
  const config = clusterConfig()
  return { inputs: given, config, files: NO_FILES, offline: buildDesiredState(config, given), tempDir: '/tmp', report: emptyReport('plan'), signal: new AbortController().signal }
}

beforeEach(() => {
  for (const m of [sts, eks, iam, cfn]) m.reset()
  sts.on(GetCallerIdentityCommand).resolves({ Account: '111122223333', Arn: 'arn:aws:sts::111122223333:assumed-role/d/s' })
  eks.on(DescribeClusterCommand).resolves({ cluster: { name: CLUSTER, status: 'ACTIVE', version: '1.32', identity: { oidc: { issuer: ISSUER } } } })
})

describe('plan mode', () => {
  it('a new cluster: both stacks shown as created in full, the OIDC provider to create, has-changes=true, nothing executed', async () => {
    iam.on(ListOpenIDConnectProvidersCommand).resolves({ OpenIDConnectProviderList: [] })
    cfn.on(DescribeStacksCommand).rejects(Object.assign(new Error('Stack with id x does not exist'), { name: 'ValidationError' }))
    cfn.on(CreateChangeSetCommand).resolves({})
    cfn.on(DescribeChangeSetCommand).resolves({ Status: 'CREATE_COMPLETE', Changes: [{ ResourceChange: { Action: 'Add', LogicalResourceId: 'R', ResourceType: 'AWS::IAM::Role' } }] })
    cfn.on(DeleteChangeSetCommand).resolves({})
    const ctx = context()
    await runPlan(ctx)
    expect(ctx.report.outputs['has-changes']).toBe('true')
    expect(ctx.report.changed).toBe(true)
    expect(ctx.report.stacks.map(s => [s.action, s.status])).toEqual([['planned', 'ABSENT'], ['planned', 'ABSENT']])
    expect(ctx.report.steps.some(s => s.startsWith('would create the IAM OIDC provider'))).toBe(true)
    expect(cfn.commandCalls(DeleteChangeSetCommand)).toHaveLength(2)
    expect(cfn.commandCalls(ExecuteChangeSetCommand)).toHaveLength(0)
    expect(cfn.commandCalls(DeleteStackCommand)).toHaveLength(0) // describe says absent: no review stack to remove
  })

  it('a missing cluster is a clear error before any change set', async () => {
    eks.on(DescribeClusterCommand).rejects(Object.assign(new Error('not found'), { name: 'ResourceNotFoundException' }))
    await expect(runPlan(context())).rejects.toThrow(/EKS cluster "cluster-with-karpenter" was not found in region us-west-2/)
    expect(cfn.commandCalls(CreateChangeSetCommand)).toHaveLength(0)
  })
})
