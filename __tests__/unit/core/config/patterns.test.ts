// src/core/config/patterns.ts: the shapes of names, ARNs and tags the config may hold, as AWS defines them
// (docs/design.md, "Config rules": EKS's cluster name rule; "Names": IAM's limits). Where botocore's service models
// (in moto's Python install, as README.md "Tests" describes) state the rule, the patterns are checked against the
// model's own pattern and lengths on strings at and around every limit.
import { describe, expect, it } from '@jest/globals'
import {
  AUTHENTICATION_MODES,
  AWS_REGION,
  CLUSTER_NAME,
  CLUSTER_NAME_MAX,
  IAM_POLICY_ARN,
  IAM_ROLE_ARN,
  IAM_ROLE_NAME,
  INSTANCE_PROFILE_NAME,
  INSTANCE_PROFILE_NAME_MAX,
  KUBERNETES_MINOR,
  TAG_CHARACTERS,
  TAG_KEY_MAX,
  TAG_RESERVED_PREFIX,
  TAG_VALUE_MAX
} from '../../../../src/core/config/patterns.js'
import { loadModel } from '../../../../test/harness/api-model.js'

interface StringShape {
  min?: number
  max?: number
  pattern?: string
  enum?: string[]
}
const shape = (service: string, name: string): StringShape => {
  const s = loadModel(service).shapes[name] as StringShape | undefined
  if (!s) throw new Error(`${service} model has no shape ${name}`)
  return s
}
/** What the model accepts: the whole value matches its pattern, its length within min and max. */
const modelAccepts = (s: StringShape, value: string): boolean =>
  value.length >= (s.min ?? 0) && value.length <= (s.max ?? Infinity) && (s.pattern === undefined || new RegExp(`^(?:${s.pattern})$`, 'u').test(value))

/** Strings at and around the limits, of allowed and refused characters. */
function candidates(max: number, extra: string[]): string[] {
  const lengths = [0, 1, 2, max - 1, max, max + 1]
  const out = lengths.flatMap(n => ['a', '9', 'A'].map(c => c.repeat(n)))
  for (const c of ['_', '-', '+', '=', ',', '.', '@', ' ', '/', ':', '!', '*', '\n', 'ü', '`', '<', '#']) out.push(`a${c}b`, `${c}ab`, `a${c.repeat(Math.max(0, max - 1))}`)
  return [...out, ...extra]
}
const agree = (ours: (v: string) => boolean, model: StringShape, values: string[]) =>
  values.filter(v => ours(v) !== modelAccepts(model, v)).map(v => `${JSON.stringify(v.length > 20 ? `${v.slice(0, 20)}…(${v.length})` : v)}: ours ${ours(v)}, model ${modelAccepts(model, v)}`)

describe('against botocore’s models', () => {
  it('CLUSTER_NAME + CLUSTER_NAME_MAX is EKS’s ClusterName', () => {
    const ours = (v: string) => v.length <= CLUSTER_NAME_MAX && CLUSTER_NAME.test(v)
    expect(agree(ours, shape('eks', 'ClusterName'), candidates(CLUSTER_NAME_MAX, ['demo-cluster_1', '1cluster', '-x', '_x']))).toEqual([])
  })

  it('IAM_ROLE_NAME is IAM’s roleNameType (1-64 of \\w+=,.@-)', () => {
    expect(agree(v => IAM_ROLE_NAME.test(v), shape('iam', 'roleNameType'), candidates(64, ['eksctl-demo-iamservice-role']))).toEqual([])
  })

  it('INSTANCE_PROFILE_NAME and its max are IAM’s instanceProfileNameType', () => {
    expect(INSTANCE_PROFILE_NAME_MAX).toBe(shape('iam', 'instanceProfileNameType').max)
    expect(agree(v => INSTANCE_PROFILE_NAME.test(v), shape('iam', 'instanceProfileNameType'), candidates(128, ['Custom.Profile@team']))).toEqual([])
  })

  it('TAG_CHARACTERS with TAG_KEY_MAX / TAG_VALUE_MAX are IAM’s tagKeyType and tagValueType', () => {
    const key = shape('iam', 'tagKeyType')
    const value = shape('iam', 'tagValueType')
    expect([TAG_KEY_MAX, TAG_VALUE_MAX]).toEqual([key.max, value.max])
    const chars = (v: string) => [...v].length
    expect(agree(v => chars(v) >= 1 && chars(v) <= TAG_KEY_MAX && TAG_CHARACTERS.test(v), key, candidates(128, ['karpenter.sh/discovery', 'Ünïcode key']))).toEqual([])
    expect(agree(v => chars(v) <= TAG_VALUE_MAX && TAG_CHARACTERS.test(v), value, candidates(256, ['', 'a b', 'x=y+z@a:b/c']))).toEqual([])
  })

  it('AUTHENTICATION_MODES is EKS’s AuthenticationMode enum', () => {
    expect([...AUTHENTICATION_MODES].sort()).toEqual([...shape('eks', 'AuthenticationMode').enum!].sort())
  })
})

describe('shapes without a model pattern', () => {
  it('AWS_REGION: commercial, GovCloud, China and ISO regions; nothing else', () => {
    for (const r of ['us-west-2', 'eu-central-1', 'ap-southeast-5', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1', 'eu-isoe-west-1', 'us-isob-east-1']) expect(AWS_REGION.test(r)).toBe(true)
    for (const r of ['US-West-2', 'us-west', 'uswest2', 'us-west-2a', 'us-west-22', ' us-west-2', 'mars-1']) expect(AWS_REGION.test(r)).toBe(false)
  })

  it('KUBERNETES_MINOR: 1.<minor>, as eksctl takes it', () => {
    for (const k of ['1.28', '1.32', '1.100']) expect(KUBERNETES_MINOR.test(k)).toBe(true)
    for (const k of ['1', '1.32.1', '2.0', 'v1.32', '1.', '1.1000']) expect(KUBERNETES_MINOR.test(k)).toBe(false)
  })

  it('IAM_ROLE_ARN: any partition, a 12-digit account, an optional path, a role name of at most 64', () => {
    for (const a of ['arn:aws:iam::111122223333:role/r', 'arn:aws-cn:iam::111122223333:role/a/b/r', `arn:aws-us-gov:iam::111122223333:role/${'r'.repeat(64)}`]) {
      expect(IAM_ROLE_ARN.test(a)).toBe(true)
    }
    for (const a of [
      'arn:aws:iam::123:role/r',
      'arn:aws:iam::aws:role/r',
      'arn:aws:iam::111122223333:policy/r',
      'arn:aws:iam::111122223333:role/',
      `arn:aws:iam::111122223333:role/${'r'.repeat(65)}`,
      'arn:gcp:iam::111122223333:role/r'
    ]) {
      expect(IAM_ROLE_ARN.test(a)).toBe(false)
    }
  })

  it('IAM_POLICY_ARN: an account’s policy or an AWS managed one (account `aws`), with a path, a name of at most 128', () => {
    for (const a of ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'arn:aws:iam::aws:policy/service-role/AmazonEKS_CNI_Policy', `arn:aws-cn:iam::111122223333:policy/${'p'.repeat(128)}`]) {
      expect(IAM_POLICY_ARN.test(a)).toBe(true)
    }
    for (const a of ['arn:aws:iam::aws:role/x', 'arn:aws:iam::1111:policy/p', `arn:aws:iam::aws:policy/${'p'.repeat(129)}`, 'arn:aws:iam::aws:policy/a b']) {
      expect(IAM_POLICY_ARN.test(a)).toBe(false)
    }
  })

  it('TAG_RESERVED_PREFIX: aws: in any case, only at the start', () => {
    for (const k of ['aws:cloudformation:stack-name', 'AWS:x', 'Aws:']) expect(TAG_RESERVED_PREFIX.test(k)).toBe(true)
    for (const k of ['team:aws:x', 'awsome', 'aws-x']) expect(TAG_RESERVED_PREFIX.test(k)).toBe(false)
  })
})
