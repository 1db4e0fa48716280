import { describe, expect, it } from '@jest/globals'
import {
  fargateSelectsNamespace,
  resolveControllerIdentity,
  type IdentitySource
} from '../../../../src/core/config/identity.js'
import { ConfigError, formatDiagnostic } from '../../../../src/core/config/diagnostics.js'
import type { PodIdentityAssociation } from '../../../../src/core/config/types.js'

function association(over: Partial<PodIdentityAssociation> = {}): PodIdentityAssociation {
  return { namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: [], tags: {}, position: { line: 9, col: 7 }, ...over }
}

function source(over: Partial<IdentitySource> = {}): IdentitySource {
  return { name: 'demo', podIdentityAssociations: [], fargateProfiles: [], file: 'cluster.yaml', positions: { karpenter: { line: 12, col: 1 } }, ...over }
}

describe('resolveControllerIdentity', () => {
  it('auto without an entry for <namespace>/karpenter is IRSA', () => {
    const other = association({ namespace: 'default', serviceAccountName: 'app' })
    const r = resolveControllerIdentity(source({ podIdentityAssociations: [other] }), 'auto', 'karpenter')
    expect(r).toEqual({
      identity: 'irsa',
      reason:
        'controller-identity is auto and iam.podIdentityAssociations has no entry for karpenter/karpenter: the controller uses IRSA (role eksctl-demo-iamservice-role).'
    })
  })

  it('auto with an entry is Pod Identity, with the default role name filled in', () => {
    const r = resolveControllerIdentity(source({ podIdentityAssociations: [association()] }), 'auto', 'karpenter')
    expect(r.identity).toBe('pod-identity')
    expect(r.associationDeclared).toBe(true)
    expect(r.association).toEqual(association({ roleName: 'demo-karpenter' }))
    expect(r.reason).toBe(
      'controller-identity is auto and iam.podIdentityAssociations has an entry for karpenter/karpenter (cluster.yaml:9:7): the controller uses EKS Pod Identity (role demo-karpenter).'
    )
  })

  it('keeps the entry’s roleARN and does not invent a role name', () => {
    const arn = 'arn:aws:iam::111122223333:role/mine'
    const r = resolveControllerIdentity(source({ podIdentityAssociations: [association({ roleARN: arn })] }), 'auto', 'karpenter')
    expect(r.association?.roleARN).toBe(arn)
    expect(r.association?.roleName).toBeUndefined()
    expect(r.reason).toContain(`(role ${arn})`)
  })

  it('does not change the config’s own association object', () => {
    const entry = association()
    resolveControllerIdentity(source({ podIdentityAssociations: [entry] }), 'auto', 'karpenter')
    expect(entry.roleName).toBeUndefined()
  })

  it('looks for the entry in the namespace given', () => {
    const entry = association({ namespace: 'kube-system' })
    expect(resolveControllerIdentity(source({ podIdentityAssociations: [entry] }), 'auto', 'karpenter').identity).toBe('irsa')
    expect(resolveControllerIdentity(source({ podIdentityAssociations: [entry] }), 'auto', 'kube-system').identity).toBe('pod-identity')
  })

  it('explicit pod-identity without an entry uses eksctl’s default entry', () => {
    const r = resolveControllerIdentity(source(), 'pod-identity', 'karpenter')
    expect(r).toEqual({
      identity: 'pod-identity',
      associationDeclared: false,
      association: association({ roleName: 'demo-karpenter', position: { line: 12, col: 1 } }),
      reason:
        "controller-identity is pod-identity and iam.podIdentityAssociations has no entry for karpenter/karpenter, so eksctl's default entry is used: the controller uses EKS Pod Identity (role demo-karpenter)."
    })
  })

  it('explicit irsa says an existing entry is not used', () => {
    const r = resolveControllerIdentity(source({ podIdentityAssociations: [association()] }), 'irsa', 'karpenter')
    expect(r.identity).toBe('irsa')
    expect(r.association).toBeUndefined()
    expect(r.reason).toBe(
      'controller-identity is irsa: the controller uses IRSA (role eksctl-demo-iamservice-role). The iam.podIdentityAssociations entry for karpenter/karpenter (cluster.yaml:9:7) is not used: IRSA takes precedence while both exist.'
    )
  })

  it('throws a ConfigError for Pod Identity with a Fargate profile selecting the namespace, saying to use IRSA', () => {
    const fargate = [
      { name: 'other', namespaces: ['default'], position: { line: 20, col: 5 } },
      { name: 'fp', namespaces: ['karp*'], position: { line: 23, col: 5 } }
    ]
    let thrown: unknown
    try {
      resolveControllerIdentity(source({ fargateProfiles: fargate }), 'pod-identity', 'karpenter')
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(ConfigError)
    expect((thrown as ConfigError).diagnostics.map(formatDiagnostic)).toEqual([
      'cluster.yaml:23:5: fargateProfiles[1]: Fargate profile `fp` selects namespace karpenter, and EKS Pod Identity does not work on Fargate: use IRSA for the Karpenter controller (controller-identity: irsa and iam.withOIDC: true, without an iam.podIdentityAssociations entry for karpenter/karpenter) (got pod-identity, expected irsa)'
    ])
    // IRSA works on Fargate: no error
    expect(resolveControllerIdentity(source({ fargateProfiles: fargate }), 'irsa', 'karpenter').identity).toBe('irsa')
  })
})

describe('fargateSelectsNamespace', () => {
  const profile = (...namespaces: string[]) => ({ name: 'p', namespaces })
  it('matches exact names and * / ? wildcards, nothing else', () => {
    expect(fargateSelectsNamespace(profile('karpenter'), 'karpenter')).toBe(true)
    expect(fargateSelectsNamespace(profile('kar*'), 'karpenter')).toBe(true)
    expect(fargateSelectsNamespace(profile('karpente?'), 'karpenter')).toBe(true)
    expect(fargateSelectsNamespace(profile('*'), 'karpenter')).toBe(true)
    expect(fargateSelectsNamespace(profile('karpenter-system'), 'karpenter')).toBe(false)
    expect(fargateSelectsNamespace(profile('k.rpenter'), 'karpenter')).toBe(false)
    expect(fargateSelectsNamespace(profile(), 'karpenter')).toBe(false)
  })
})
