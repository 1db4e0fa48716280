// src/core/templates/policy-pack.ts: the controller policy packed into IAM managed policies of at most 6,144
// characters as IAM counts them, intrinsics resolved (docs/design.md, "What it creates"); the first keeps eksctl's
// name, parts that no longer fit go into further policies named after their part (docs/design.md, "Names").
import { describe, expect, it } from '@jest/globals'
import {
  IAM_MANAGED_POLICY_MAX_CHARS,
  PolicyTooLargeError,
  fillWhileFits,
  packControllerPolicies
} from '../../../../src/core/templates/policy-pack.js'
import type { ResolveContext } from '../../../../src/core/templates/resolve.js'
import { ProvisionError } from '../../../../src/core/errors.js'
import { POLICY_PART_ORDER, controllerPolicyParts, type PolicyPart, type PolicyPartName } from '../../../../src/core/karpenter/policy.js'
import { parseVersion } from '../../../../src/core/karpenter/version.js'

const ctx = (partition: ResolveContext['partition'] = 'aws'): ResolveContext => ({
  partition,
  region: 'us-west-2',
  accountId: '111122223333',
  stackName: 'eksctl-demo-karpenter',
  attributes: { 'KarpenterNodeRole.Arn': 'arn:aws:iam::111122223333:role/eksctl-KarpenterNodeRole-demo' }
})

/** A part of one statement whose resource is `arn:${AWS::Partition}:` followed by `pad` characters. */
function part(name: PolicyPartName, pad: number): PolicyPart {
  return { part: name, statements: [{ Sid: name, Effect: 'Allow', Action: ['ec2:RunInstances'], Resource: { 'Fn::Sub': `arn:\${AWS::Partition}:${'x'.repeat(pad)}` } }] }
}

/** The size IAM counts for these parts in one policy: compact JSON of the document CloudFormation hands IAM (each Fn::Sub replaced by its string). */
function iamSize(parts: PolicyPart[], partition = 'aws'): number {
  const statements = parts.flatMap(p => p.statements).map(s => ({ ...s, Resource: (s.Resource as { 'Fn::Sub': string })['Fn::Sub'].replace('${AWS::Partition}', partition) }))
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }).length
}

/** A second part padded so that it and `first` together are exactly `total` characters in `partition`. */
function fillingTo(total: number, first: PolicyPart, name: PolicyPartName, partition = 'aws'): PolicyPart {
  const without = iamSize([first, part(name, 0)], partition)
  return part(name, total - without)
}

describe('IAM_MANAGED_POLICY_MAX_CHARS', () => {
  it('is IAM’s cap on a managed policy document', () => {
    expect(IAM_MANAGED_POLICY_MAX_CHARS).toBe(6144)
  })
})

describe('fillWhileFits', () => {
  it('takes the longest head that fits, keeping order: a later small item does not jump the queue', () => {
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)
    expect(fillWhileFits([3, 4, 9, 1], sum, 10)).toEqual({ fitted: [3, 4], rest: [9, 1] })
    expect(fillWhileFits([3, 7], sum, 10)).toEqual({ fitted: [3, 7], rest: [] })
    expect(fillWhileFits([11, 1], sum, 10)).toEqual({ fitted: [], rest: [11, 1] })
    expect(fillWhileFits([], sum, 10)).toEqual({ fitted: [], rest: [] })
  })
})

describe('packControllerPolicies', () => {
  const a = part('NodeLifecycle', 2000)

  it('keeps everything in eksctl’s one policy while it fits, exactly at 6,144 characters included', () => {
    const b = fillingTo(IAM_MANAGED_POLICY_MAX_CHARS, a, 'IAMIntegration')
    const packed = packControllerPolicies([a, b], 'demo', ctx())
    expect(packed).toEqual([
      {
        logicalId: 'KarpenterControllerPolicy',
        name: 'eksctl-KarpenterControllerPolicy-demo',
        parts: ['NodeLifecycle', 'IAMIntegration'],
        // the document keeps its intrinsics (CloudFormation resolves them); only the measuring resolves them
        document: { Version: '2012-10-17', Statement: [...a.statements, ...b.statements] },
        size: IAM_MANAGED_POLICY_MAX_CHARS
      }
    ])
  })

  it('one character more moves that part, and every part after it, into policies of their own', () => {
    const b = fillingTo(IAM_MANAGED_POLICY_MAX_CHARS + 1, a, 'IAMIntegration')
    const c = part('ResourceDiscovery', 10) // would fit next to `a`, but the head stops at `b`
    const packed = packControllerPolicies([a, b, c], 'demo', ctx())
    expect(packed.map(p => [p.logicalId, p.name, p.parts, p.size])).toEqual([
      ['KarpenterControllerPolicy', 'eksctl-KarpenterControllerPolicy-demo', ['NodeLifecycle'], iamSize([a])],
      ['KarpenterControllerIAMIntegrationPolicy', 'eksctl-KarpenterControllerIAMIntegrationPolicy-demo', ['IAMIntegration'], iamSize([b])],
      ['KarpenterControllerResourceDiscoveryPolicy', 'eksctl-KarpenterControllerResourceDiscoveryPolicy-demo', ['ResourceDiscovery'], iamSize([c])]
    ])
    expect(packed[1]!.document).toEqual({ Version: '2012-10-17', Statement: b.statements })
  })

  it('measures with the intrinsics resolved: what fits in aws is too long in aws-us-gov (10 characters, not 3)', () => {
    const b = fillingTo(IAM_MANAGED_POLICY_MAX_CHARS, a, 'IAMIntegration', 'aws')
    expect(packControllerPolicies([a, b], 'demo', ctx('aws'))).toHaveLength(1)
    const gov = packControllerPolicies([a, b], 'demo', ctx('aws-us-gov'))
    expect(gov.map(p => p.parts)).toEqual([['NodeLifecycle'], ['IAMIntegration']])
    expect(gov[0]!.size).toBe(iamSize([a], 'aws-us-gov'))
  })

  it('refuses a part that cannot fit even alone, naming the policy, its size and the part', () => {
    const huge = part('NodeLifecycle', IAM_MANAGED_POLICY_MAX_CHARS)
    const size = iamSize([huge])
    let thrown: unknown
    try {
      packControllerPolicies([huge, part('IAMIntegration', 10)], 'demo', ctx())
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(PolicyTooLargeError)
    expect(thrown).toBeInstanceOf(ProvisionError)
    expect((thrown as PolicyTooLargeError).name).toBe('PolicyTooLargeError')
    expect((thrown as PolicyTooLargeError).message).toBe(
      `controller policy eksctl-KarpenterControllerPolicy-demo would be ${size} characters; IAM allows 6144 (part NodeLifecycle cannot be split further)`
    )
    expect(() => packControllerPolicies([a, part('ZonalShift', IAM_MANAGED_POLICY_MAX_CHARS)], 'demo', ctx())).toThrow(
      /^controller policy eksctl-KarpenterControllerZonalShiftPolicy-demo would be \d+ characters; IAM allows 6144 \(part ZonalShift cannot be split further\)$/
    )
  })

  it('packs Karpenter’s real policy: one policy for a short name; for a 39-character name, every part once, in upstream order, each ≤ 6,144', () => {
    const params = (clusterName: string) => ({ clusterName, nodeRoleArn: { 'Fn::GetAtt': ['KarpenterNodeRole', 'Arn'] as [string, string] } })
    const v = parseVersion('1.14.1')!
    const short = packControllerPolicies(controllerPolicyParts(v, params('demo')), 'demo', ctx())
    expect(short.map(p => p.name)).toEqual(['eksctl-KarpenterControllerPolicy-demo'])
    const long = 'a-39-character-cluster-name-for-testing'
    const parts = controllerPolicyParts(v, params(long))
    const packed = packControllerPolicies(parts, long, ctx('aws-us-gov'))
    expect(packed.flatMap(p => p.parts)).toEqual(parts.map(p => p.part))
    expect(packed.flatMap(p => p.parts)).toEqual(POLICY_PART_ORDER.filter(p => parts.some(x => x.part === p)))
    for (const p of packed) expect(p.size).toBeLessThanOrEqual(IAM_MANAGED_POLICY_MAX_CHARS)
  })
})
