import { describe, it, expect } from '@jest/globals'
import { interruptionRules, queuePolicyStatements } from '../../../../src/core/karpenter/interruption.js'
import { parseVersion, type SemVer } from '../../../../src/core/karpenter/version.js'

const p = (s: string): SemVer => parseVersion(s) as SemVer
const Q = { 'Fn::GetAtt': ['KarpenterInterruptionQueue', 'Arn'] as [string, string] }

describe('interruptionRules', () => {
  it.each([['0.28.0', 4], ['0.37.7', 4], ['1.9.3', 4], ['1.10.0-rc.1', 5], ['1.10.0', 5], ['1.14.1', 5], ['1.20.0', 5]])('%s has %i rules', (ver, n) => {
    expect(interruptionRules(p(ver))).toHaveLength(n)
  })
  it('names the rules and patterns as upstream', () => {
    expect(interruptionRules(p('1.14.1'))).toEqual([
      { logicalId: 'ScheduledChangeRule', source: 'aws.health', detailType: 'AWS Health Event' },
      { logicalId: 'SpotInterruptionRule', source: 'aws.ec2', detailType: 'EC2 Spot Instance Interruption Warning' },
      { logicalId: 'RebalanceRule', source: 'aws.ec2', detailType: 'EC2 Instance Rebalance Recommendation' },
      { logicalId: 'InstanceStateChangeRule', source: 'aws.ec2', detailType: 'EC2 Instance State-change Notification' },
      { logicalId: 'CapacityReservationInterruptionRule', source: 'aws.ec2', detailType: 'EC2 Capacity Reservation Instance Interruption Warning' }
    ])
  })
})

describe('queuePolicyStatements', () => {
  it('lets EventBridge and SQS send on every version', () => {
    for (const ver of ['0.28.0', '1.14.1']) {
      expect(queuePolicyStatements(p(ver), Q)[0]).toEqual({
        Effect: 'Allow',
        Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] },
        Action: 'sqs:SendMessage',
        Resource: Q
      })
    }
  })
  it('adds DenyHTTP from 1.0', () => {
    expect(queuePolicyStatements(p('0.37.7'), Q).map((s) => s.Sid)).toEqual([undefined])
    const s = queuePolicyStatements(p('1.0.0'), Q)
    expect(s).toHaveLength(2)
    expect(s[1]).toEqual({ Sid: 'DenyHTTP', Effect: 'Deny', Principal: '*', Action: 'sqs:*', Resource: Q, Condition: { Bool: { 'aws:SecureTransport': 'false' } } })
  })
})
