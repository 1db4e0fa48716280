// src/core/config/sections/iam.ts: iam.withOIDC, iam.serviceRolePermissionsBoundary and iam.podIdentityAssociations,
// each ARN and role name held to IAM's shapes (src/core/config/patterns.ts), at its own line and column.
import { describe, expect, it } from '@jest/globals'
import { BASE, load, messages, problems, rootView, warnings, withLine } from '../helpers.js'
import { readIam } from '../../../../../src/core/config/sections/iam.js'

describe('iam.serviceRolePermissionsBoundary', () => {
  it('checks iam.serviceRolePermissionsBoundary is a policy ARN', () => {
    expect(messages(BASE.replace('  withOIDC: true\n', '  withOIDC: true\n  serviceRolePermissionsBoundary: arn:aws:iam::aws:role/x\n'))).toEqual([
      'cluster.yaml:9:35: iam.serviceRolePermissionsBoundary: not an IAM policy ARN (got arn:aws:iam::aws:role/x, expected an IAM policy ARN like arn:aws:iam::aws:policy/Name or arn:aws:iam::111122223333:policy/name)'
    ])
  })
})

describe('iam.podIdentityAssociations', () => {
  const ROLE_ARN = 'an IAM role ARN like arn:aws:iam::111122223333:role/name'
  const POLICY_ARN = 'an IAM policy ARN like arn:aws:iam::aws:policy/Name or arn:aws:iam::111122223333:policy/name'

  it('reads every field of an entry', () => {
    const text = withLine(
      8,
      '  podIdentityAssociations:',
      '    - namespace: karpenter',
      '      serviceAccountName: karpenter',
      '      roleName: demo-karpenter',
      '      permissionPolicyARNs: [arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess, arn:aws-cn:iam::111122223333:policy/path/extra]',
      '      permissionsBoundaryARN: arn:aws:iam::111122223333:policy/boundary',
      '      tags: { team: platform }'
    )
    expect(load(text).config.podIdentityAssociations).toEqual([
      {
        namespace: 'karpenter',
        serviceAccountName: 'karpenter',
        roleName: 'demo-karpenter',
        permissionPolicyARNs: ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'arn:aws-cn:iam::111122223333:policy/path/extra'],
        permissionsBoundaryARN: 'arn:aws:iam::111122223333:policy/boundary',
        tags: { team: 'platform' },
        position: { line: 9, col: 7 }
      }
    ])
  })
  it('type-checks entries and their ARNs, each at its own line and column', () => {
    const text = withLine(
      8,
      '  withOIDC: true',
      '  podIdentityAssociations:',
      '    - namespace: karpenter',
      '      serviceAccountName: karpenter',
      '      roleARN: arn:aws:iam::123:role/x',
      '      permissionPolicyARNs:',
      '        - arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess',
      '        - arn:aws:iam::111122223333:role/not-a-policy',
      '      permissionsBoundaryARN: 42',
      '      tags: [a]',
      '    - serviceAccountName: other',
      '    - just-a-string'
    )
    expect(messages(text)).toEqual([
      `cluster.yaml:12:16: iam.podIdentityAssociations[0].roleARN: not an IAM role ARN (got arn:aws:iam::123:role/x, expected ${ROLE_ARN})`,
      `cluster.yaml:15:11: iam.podIdentityAssociations[0].permissionPolicyARNs[1]: not an IAM policy ARN (got arn:aws:iam::111122223333:role/not-a-policy, expected ${POLICY_ARN})`,
      `cluster.yaml:16:31: iam.podIdentityAssociations[0].permissionsBoundaryARN: must be a string (got 42, expected ${POLICY_ARN})`,
      'cluster.yaml:17:13: iam.podIdentityAssociations[0].tags: must be a mapping (got a list, expected a mapping of strings to strings)',
      'cluster.yaml:18:7: iam.podIdentityAssociations[1].namespace: required key is missing (expected a Kubernetes namespace)',
      'cluster.yaml:19:7: iam.podIdentityAssociations[2]: must be a mapping (got just-a-string, expected a mapping with namespace and serviceAccountName)'
    ])
  })
  it('rejects a second entry for the same service account', () => {
    const text = withLine(
      8,
      '  podIdentityAssociations:',
      '    - { namespace: karpenter, serviceAccountName: karpenter }',
      '    - { namespace: karpenter, serviceAccountName: karpenter, roleName: other }'
    )
    expect(messages(text)).toEqual([
      'cluster.yaml:10:7: iam.podIdentityAssociations[1]: second entry for service account karpenter/karpenter (the first is iam.podIdentityAssociations[0]) (expected one entry per namespace and service account)'
    ])
  })
  it('warns about entry keys it does not apply to the Karpenter role', () => {
    const text = withLine(
      8,
      '  podIdentityAssociations:',
      '    - namespace: karpenter',
      '      serviceAccountName: karpenter',
      '      wellKnownPolicies: { autoScaler: true }'
    )
    expect(warnings(text)).toEqual([
      'cluster.yaml:11:7: iam.podIdentityAssociations[0].wellKnownPolicies: not applied to the Karpenter controller role by karpenter-provision (it attaches the Karpenter controller policies and permissionPolicyARNs)'
    ])
  })
})

describe('readIam on its own: what load.ts needs to word the IRSA requirement', () => {
  it('without iam: withOIDC false, nothing malformed; `iam:` written as something else is malformed', () => {
    expect(readIam(rootView('a: 1\n'), 'karpenter')).toEqual({ withOIDC: false, withOIDCMalformed: false, karpenterEntryMalformed: false, podIdentityAssociations: [] })
    expect(readIam(rootView('iam:\n'), 'karpenter').withOIDCMalformed).toBe(false)
    const root = rootView('iam: [x]\n')
    expect(readIam(root, 'karpenter').withOIDCMalformed).toBe(true)
    expect(problems(root)).toEqual(['cluster.yaml:1:6: iam: must be a mapping (got a list, expected a mapping)'])
  })

  it('records where and how withOIDC is written', () => {
    const read = readIam(rootView('iam:\n  withOIDC: false\n'), 'karpenter')
    expect([read.withOIDC, read.withOIDCAt, read.withOIDCWritten, read.withOIDCMalformed]).toEqual([false, { line: 2, col: 13 }, 'false', false])
    expect(readIam(rootView('iam:\n  withOIDC: nope\n'), 'karpenter').withOIDCMalformed).toBe(true)
  })

  it('marks a malformed entry for <namespace>/karpenter (and only that one), leaving it out', () => {
    const text = (ns: string) => `iam:\n  podIdentityAssociations:\n    - namespace: ${ns}\n      serviceAccountName: karpenter\n      roleName: 'not valid!'\n`
    const mine = readIam(rootView(text('kube-system')), 'kube-system')
    expect([mine.karpenterEntryMalformed, mine.podIdentityAssociations]).toEqual([true, []])
    expect(readIam(rootView(text('other')), 'kube-system').karpenterEntryMalformed).toBe(false)
  })

  it('refuses a role name IAM would refuse', () => {
    const root = rootView(`iam:\n  podIdentityAssociations:\n    - namespace: karpenter\n      serviceAccountName: karpenter\n      roleName: ${'r'.repeat(65)}\n`)
    readIam(root, 'karpenter')
    expect(problems(root)).toEqual([
      `cluster.yaml:5:17: iam.podIdentityAssociations[0].roleName: not a valid IAM role name (got ${'r'.repeat(57)}..., expected an IAM role name: 1-64 of letters, digits and +=,.@_-)`
    ])
  })
})
