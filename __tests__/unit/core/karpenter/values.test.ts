import { describe, it, expect } from '@jest/globals'
import { helmValues, managedValuePaths } from '../../../../src/core/karpenter/values.js'
import { parseVersion, type SemVer } from '../../../../src/core/karpenter/version.js'

const p = (s: string): SemVer => parseVersion(s) as SemVer
const full = {
  clusterName: 'prod',
  clusterEndpoint: 'https://ABC.gr7.us-west-2.eks.amazonaws.com',
  interruptionQueue: 'prod',
  defaultInstanceProfile: 'eksctl-KarpenterNodeInstanceProfile-prod',
  serviceAccount: { create: true, name: 'karpenter', roleArn: 'arn:aws:iam::111122223333:role/eksctl-prod-iamservice-role' }
}
const minimal = { clusterName: 'prod', serviceAccount: { create: false, name: 'karpenter' } }

function paths(o: unknown, prefix = ''): string[] {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) return [prefix]
  return Object.entries(o as Record<string, unknown>).flatMap(([k, v]) => paths(v, prefix ? `${prefix}.${k}` : k))
}

describe('helmValues < 0.32 (settings.aws.*)', () => {
  it('uses the old names, queue as interruptionQueueName', () => {
    expect(helmValues(p('0.31.5'), full)).toEqual({
      settings: {
        aws: {
          clusterName: 'prod',
          clusterEndpoint: full.clusterEndpoint,
          defaultInstanceProfile: 'eksctl-KarpenterNodeInstanceProfile-prod',
          interruptionQueueName: 'prod'
        }
      },
      serviceAccount: { create: true, name: 'karpenter', annotations: { 'eks.amazonaws.com/role-arn': full.serviceAccount.roleArn } }
    })
  })
  it('leaves out what is not given', () => {
    expect(helmValues(p('0.28.0'), minimal)).toEqual({
      settings: { aws: { clusterName: 'prod' } },
      serviceAccount: { create: false, name: 'karpenter', annotations: {} }
    })
  })
})

describe('helmValues 0.32.x', () => {
  it('uses the new names plus the global default instance profile for v1alpha5 templates', () => {
    const got = helmValues(p('0.32.10'), full)
    expect(got['settings']).toEqual({
      clusterName: 'prod',
      clusterEndpoint: full.clusterEndpoint,
      interruptionQueue: 'prod',
      aws: { defaultInstanceProfile: 'eksctl-KarpenterNodeInstanceProfile-prod' }
    })
  })
  it('has no settings.aws without a default instance profile', () => {
    expect(helmValues(p('0.32.0'), minimal)['settings']).toEqual({ clusterName: 'prod' })
  })
})

describe.each(['0.33.0', '0.37.7', '1.0.5', '1.2.1', '1.14.1', '2.0.0'])('helmValues %s', (ver) => {
  it('sets the flat names and never settings.aws or interruptionQueueName', () => {
    const got = helmValues(p(ver), full)
    expect(got['settings']).toEqual({ clusterName: 'prod', clusterEndpoint: full.clusterEndpoint, interruptionQueue: 'prod' })
    const all = paths(got)
    expect(all.some((x) => x.includes('interruptionQueueName'))).toBe(false)
    expect(all.some((x) => x.startsWith('settings.aws'))).toBe(false)
  })
  it('sets the queue and endpoint only when given', () => {
    expect(helmValues(p(ver), minimal)['settings']).toEqual({ clusterName: 'prod' })
  })
  it('annotates the service account only for IRSA', () => {
    expect(helmValues(p(ver), full)['serviceAccount']).toEqual({
      create: true,
      name: 'karpenter',
      annotations: { 'eks.amazonaws.com/role-arn': full.serviceAccount.roleArn }
    })
    expect(helmValues(p(ver), minimal)['serviceAccount']).toEqual({ create: false, name: 'karpenter', annotations: {} })
  })
})

describe('managedValuePaths', () => {
  it('covers every path helmValues produces', () => {
    for (const ver of ['0.31.0', '0.32.3', '0.33.0', '1.14.1']) {
      const produced = paths(helmValues(p(ver), full)).map((x) => x.replace('annotations.eks.amazonaws.com/role-arn', 'annotations."eks.amazonaws.com/role-arn"'))
      expect(managedValuePaths(p(ver))).toEqual(expect.arrayContaining(produced))
      expect(managedValuePaths(p(ver))).toHaveLength(produced.length)
    }
  })
})
