// src/core/templates/resolve.ts: intrinsics resolved as CloudFormation resolves them, so a policy is measured as IAM
// will count it (docs/design.md, "What it creates": IAM caps a managed policy at 6,144 characters, whitespace
// excluded; sizes are checked when rendering, never discovered in CloudFormation).
import { describe, expect, it } from '@jest/globals'
import { policySize, resolveIntrinsics, type ResolveContext } from '../../../../src/core/templates/resolve.js'

const ctx: ResolveContext = {
  partition: 'aws-cn',
  region: 'cn-north-1',
  accountId: '111122223333',
  stackName: 'eksctl-demo-karpenter',
  attributes: { 'KarpenterNodeRole.Arn': 'arn:aws-cn:iam::111122223333:role/node', KarpenterInterruptionQueue: 'https://q' }
}

describe('resolveIntrinsics', () => {
  it('substitutes every pseudo parameter in Fn::Sub, URLSuffix per partition', () => {
    expect(resolveIntrinsics({ 'Fn::Sub': '${AWS::Partition}|${AWS::Region}|${AWS::AccountId}|${AWS::URLSuffix}|${AWS::StackName}' }, ctx)).toBe(
      'aws-cn|cn-north-1|111122223333|amazonaws.com.cn|eksctl-demo-karpenter'
    )
    expect(resolveIntrinsics({ 'Fn::Sub': '${AWS::URLSuffix}' }, { ...ctx, partition: 'aws-us-gov' })).toBe('amazonaws.com')
  })

  it('substitutes ${Logical.Attr} in Fn::Sub and resolves Fn::GetAtt and Ref from the attributes given', () => {
    expect(resolveIntrinsics({ 'Fn::Sub': 'role=${KarpenterNodeRole.Arn}' }, ctx)).toBe('role=arn:aws-cn:iam::111122223333:role/node')
    expect(resolveIntrinsics({ 'Fn::GetAtt': ['KarpenterNodeRole', 'Arn'] }, ctx)).toBe('arn:aws-cn:iam::111122223333:role/node')
    expect(resolveIntrinsics({ Ref: 'KarpenterInterruptionQueue' }, ctx)).toBe('https://q')
    expect(resolveIntrinsics({ Ref: 'AWS::Region' }, ctx)).toBe('cn-north-1')
  })

  it('walks documents: lists and mappings at any depth, other values unchanged', () => {
    const doc = { Version: '2012-10-17', Statement: [{ Resource: [{ 'Fn::Sub': 'arn:${AWS::Partition}:ec2:*' }, '*'], Condition: { Bool: { x: true, n: 3, z: null } } }] }
    expect(resolveIntrinsics(doc, ctx)).toEqual({ Version: '2012-10-17', Statement: [{ Resource: ['arn:aws-cn:ec2:*', '*'], Condition: { Bool: { x: true, n: 3, z: null } } }] })
  })

  it('takes a mapping with more keys than the intrinsic as a plain mapping', () => {
    expect(resolveIntrinsics({ Ref: 'AWS::Region', Other: { Ref: 'AWS::AccountId' } }, ctx)).toEqual({ Ref: 'AWS::Region', Other: '111122223333' })
  })

  it('refuses what it cannot resolve instead of guessing a length', () => {
    expect(() => resolveIntrinsics({ 'Fn::Sub': 'x-${Missing.Arn}' }, ctx)).toThrow('cannot resolve ${Missing.Arn} in Fn::Sub')
    expect(() => resolveIntrinsics({ 'Fn::GetAtt': ['KarpenterNodeRole', 'RoleId'] }, ctx)).toThrow('cannot resolve Fn::GetAtt KarpenterNodeRole.RoleId')
    expect(() => resolveIntrinsics({ Ref: 'AWS::NotificationARNs' }, ctx)).toThrow('cannot resolve Ref AWS::NotificationARNs')
  })
})

describe('policySize', () => {
  it('counts the characters of the compact JSON: white space between tokens is not counted, inside strings it is', () => {
    expect(policySize({ a: 'b' })).toBe('{"a":"b"}'.length)
    expect(policySize(JSON.parse('{ "a" :\n  [ "b c" ] }'))).toBe('{"a":["b c"]}'.length)
  })
})
