// Interruption-handling resources per Karpenter version, as in upstream's getting-started template:
// EventBridge rules feeding the SQS queue, and the queue's resource policy.
import { atLeastMinor, type SemVer } from './version.js'
import type { CfnValue } from './policy.js'

export interface InterruptionRule {
  /** CloudFormation logical id, as upstream names it (rules have no Name property: CloudFormation names them). */
  logicalId: string
  source: string
  detailType: string
}

/** Four rules for every version; 1.10 added the capacity-reservation interruption rule (interruptible ODCRs). */
export function interruptionRules(v: SemVer): InterruptionRule[] {
  const rules: InterruptionRule[] = [
    { logicalId: 'ScheduledChangeRule', source: 'aws.health', detailType: 'AWS Health Event' },
    { logicalId: 'SpotInterruptionRule', source: 'aws.ec2', detailType: 'EC2 Spot Instance Interruption Warning' },
    { logicalId: 'RebalanceRule', source: 'aws.ec2', detailType: 'EC2 Instance Rebalance Recommendation' },
    { logicalId: 'InstanceStateChangeRule', source: 'aws.ec2', detailType: 'EC2 Instance State-change Notification' }
  ]
  if (atLeastMinor(v, 1, 10)) {
    rules.push({
      logicalId: 'CapacityReservationInterruptionRule',
      source: 'aws.ec2',
      detailType: 'EC2 Capacity Reservation Instance Interruption Warning'
    })
  }
  return rules
}

export interface QueuePolicyStatement {
  Sid?: string
  Effect: 'Allow' | 'Deny'
  Principal: '*' | { Service: string[] }
  Action: string
  Resource: CfnValue
  Condition?: Record<string, Record<string, string>>
}

/**
 * Statements of the queue's resource policy (document Id `EC2InterruptionPolicy`): EventBridge and SQS may send;
 * from 1.0 the template also denies every non-TLS request (DenyHTTP). DenyHTTP harms nothing on older versions,
 * but we follow the template per version so plan/drift compare against what upstream ships.
 */
export function queuePolicyStatements(v: SemVer, queueArn: CfnValue): QueuePolicyStatement[] {
  const out: QueuePolicyStatement[] = [
    {
      Effect: 'Allow',
      Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] },
      Action: 'sqs:SendMessage',
      Resource: queueArn
    }
  ]
  if (atLeastMinor(v, 1, 0)) {
    out.push({
      Sid: 'DenyHTTP',
      Effect: 'Deny',
      Principal: '*',
      Action: 'sqs:*',
      Resource: queueArn,
      Condition: { Bool: { 'aws:SecureTransport': 'false' } }
    })
  }
  return out
}
