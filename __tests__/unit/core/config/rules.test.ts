// One test per SPEC §2 rule, each asserting the whole message: file:line:col, key path, got, expected.
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { BASE, FIXTURES, REPO, load, messages, messagesOfFile, warnings, withLine } from './helpers.js'
import { loadClusterConfig } from '../../../../src/config/load.js'
import { ConfigError } from '../../../../src/core/config/diagnostics.js'
import { NEWEST_KNOWN_KARPENTER_MINOR, kubernetesRange, minimumKarpenterFor } from '../../../../src/core/karpenter/compatibility.js'
import { parseVersion } from '../../../../src/core/karpenter/version.js'

const PROFILE_EXPECTED = 'an IAM instance profile name: 1-128 of letters, digits and +=,.@_-'
const KARPENTER_KEYS = 'version, createServiceAccount, defaultInstanceProfile, withSpotInterruptionQueue'
const OIDC_MESSAGE =
  'must be true when the Karpenter controller uses IRSA (controller-identity is auto and iam.podIdentityAssociations has no entry for karpenter/karpenter)'
const OIDC_EXPECTED = 'true, or an iam.podIdentityAssociations entry for karpenter/karpenter to use EKS Pod Identity'

describe('a valid config', () => {
  it('reads the base config with defaults', () => {
    const { config, warnings } = load(BASE)
    expect(warnings).toEqual([])
    expect(config).toMatchObject({
      name: 'demo',
      region: 'us-west-2',
      kubernetesVersion: '1.32',
      withOIDC: true,
      tags: {},
      podIdentityAssociations: [],
      fargateProfiles: [],
      addons: [],
      karpenter: { version: '1.2.1', createServiceAccount: false, withSpotInterruptionQueue: false }
    })
    expect(config.karpenter.defaultInstanceProfile).toBeUndefined()
    expect(config.positions['metadata.name']).toEqual({ line: 4, col: 3 })
    expect(config.positions['metadata.region']).toEqual({ line: 5, col: 3 })
    expect(config.positions['metadata.version']).toEqual({ line: 6, col: 3 })
    expect(config.positions['iam.withOIDC']).toEqual({ line: 8, col: 3 })
    expect(config.positions['karpenter']).toEqual({ line: 9, col: 1 })
    expect(config.positions['karpenter.version']).toEqual({ line: 10, col: 3 })
  })

  it('reads every section it needs and ignores the other eksctl sections', () => {
    const file = path.join(FIXTURES, 'full.yaml')
    const { config, warnings } = loadClusterConfig(file, { namespace: 'karpenter', controllerIdentity: 'auto' })
    expect(warnings).toEqual([])
    expect(config).toEqual({
      file,
      name: 'full-cluster',
      region: 'eu-central-1',
      // written unquoted as 1.30: the source text is kept, not the number 1.3
      kubernetesVersion: '1.30',
      tags: { 'karpenter.sh/discovery': 'full-cluster', team: 'platform' },
      withOIDC: true,
      windowsNodeGroups: [],
      serviceRolePermissionsBoundary: 'arn:aws:iam::111122223333:policy/boundary',
      podIdentityAssociations: [
        {
          namespace: 'default',
          serviceAccountName: 'app',
          roleARN: 'arn:aws:iam::111122223333:role/app-role',
          permissionPolicyARNs: [],
          tags: {},
          position: { line: 25, col: 7 }
        }
      ],
      fargateProfiles: [{ name: 'fp-default', namespaces: ['default', 'kube-*'], position: { line: 33, col: 5 } }],
      addons: ['vpc-cni', 'eks-pod-identity-agent'],
      authenticationMode: 'API_AND_CONFIG_MAP',
      karpenter: { version: '0.37.0', createServiceAccount: false, defaultInstanceProfile: 'Custom.Profile@team', withSpotInterruptionQueue: true },
      positions: expect.objectContaining({
        'metadata.version': { line: 7, col: 3 },
        'iam.podIdentityAssociations[0]': { line: 25, col: 7 },
        karpenter: { line: 37, col: 1 }
      })
    })
  })

  it('follows YAML anchors and aliases', () => {
    const text = "x-karpenter-version: &kv '1.2.1'\n" + BASE.replace("  version: '1.2.1'", '  version: *kv')
    expect(load(text).config.karpenter.version).toBe('1.2.1')
  })

  it('loads both examples', () => {
    const irsa = loadClusterConfig(path.join(REPO, 'examples/cluster-with-karpenter.yaml'), { namespace: 'karpenter', controllerIdentity: 'auto' })
    expect(irsa.config.karpenter).toEqual({
      version: '1.2.1',
      createServiceAccount: true,
      defaultInstanceProfile: 'KarpenterNodeInstanceProfile',
      withSpotInterruptionQueue: true
    })
    expect(irsa.config.withOIDC).toBe(true)
    const pod = loadClusterConfig(path.join(REPO, 'examples/pod-identity.yaml'), { namespace: 'karpenter', controllerIdentity: 'auto' })
    expect(pod.config.withOIDC).toBe(false)
    expect(pod.config.addons).toEqual(['eks-pod-identity-agent'])
    expect(pod.config.podIdentityAssociations).toMatchObject([
      { namespace: 'karpenter', serviceAccountName: 'karpenter', roleName: `${pod.config.name}-karpenter` }
    ])
  })
})

describe('apiVersion and kind', () => {
  it('rejects another apiVersion', () => {
    expect(messages(withLine(1, 'apiVersion: eksctl.io/v1alpha4'))).toEqual([
      'cluster.yaml:1:13: apiVersion: must be eksctl.io/v1alpha5 (got eksctl.io/v1alpha4, expected eksctl.io/v1alpha5)'
    ])
  })
  it('rejects a missing kind at the top-level mapping', () => {
    expect(messages(withLine(2))).toEqual(['cluster.yaml:1:1: kind: required key is missing (expected ClusterConfig)'])
  })
  it('rejects another kind', () => {
    expect(messages(withLine(2, 'kind: NodeGroup'))).toEqual(['cluster.yaml:2:7: kind: must be ClusterConfig (got NodeGroup, expected ClusterConfig)'])
  })
})

describe('metadata', () => {
  it('requires metadata', () => {
    const text = [1, 2, 7, 8, 9, 10].map((n) => BASE.split('\n')[n - 1]).join('\n') + '\n'
    expect(messages(text)).toEqual(['cluster.yaml:1:1: metadata: required key is missing (expected a mapping with name and region)'])
  })
  it('requires metadata.name, pointing at the metadata mapping', () => {
    expect(messages(withLine(4))).toEqual(['cluster.yaml:4:3: metadata.name: required key is missing (expected the EKS cluster name)'])
  })
  it('rejects an invalid cluster name', () => {
    expect(messages(withLine(4, '  name: _demo'))).toEqual([
      'cluster.yaml:4:9: metadata.name: not a valid EKS cluster name (got _demo, expected letters, digits, - and _, starting with a letter or digit)'
    ])
  })
  it('rejects a cluster name over 100 characters and accepts 100', () => {
    expect(messages(withLine(4, `  name: ${'a'.repeat(101)}`))).toEqual([
      `cluster.yaml:4:9: metadata.name: cluster name is 101 characters long (got ${'a'.repeat(57)}..., expected at most 100 characters)`
    ])
    expect(load(withLine(4, `  name: ${'a'.repeat(100)}`)).config.name).toHaveLength(100)
  })
  it('rejects a cluster name that is not a string', () => {
    expect(messages(withLine(4, '  name: 42'))).toEqual(['cluster.yaml:4:9: metadata.name: must be a string (got 42, expected the EKS cluster name)'])
  })
  it('requires metadata.region without the aws-region input', () => {
    expect(messages(withLine(5))).toEqual(['cluster.yaml:4:3: metadata.region: required key is missing (expected an AWS region like us-west-2)'])
  })
  it('takes the region from the aws-region input when the file has none', () => {
    const { config, warnings } = load(withLine(5), { regionOverride: 'eu-west-1' })
    expect(config.region).toBe('eu-west-1')
    expect(warnings).toEqual([])
  })
  it('rejects a region that is not an AWS region', () => {
    expect(messages(withLine(5, '  region: US-West-2'))).toEqual([
      'cluster.yaml:5:11: metadata.region: not an AWS region (got US-West-2, expected an AWS region like us-west-2)'
    ])
  })
  it('accepts GovCloud and China regions', () => {
    expect(load(withLine(5, '  region: us-gov-west-1')).config.region).toBe('us-gov-west-1')
    expect(load(withLine(5, '  region: cn-north-1')).config.region).toBe('cn-north-1')
  })
  it('warns when the aws-region input overrides a different region, and uses the input', () => {
    expect(warnings(BASE, { regionOverride: 'eu-west-1' })).toEqual([
      'cluster.yaml:5:11: metadata.region: the aws-region input (eu-west-1) overrides the region in the file (us-west-2)'
    ])
    expect(load(BASE, { regionOverride: 'eu-west-1' }).config.region).toBe('eu-west-1')
    expect(warnings(BASE, { regionOverride: 'us-west-2' })).toEqual([])
    // an unset input arrives as an empty string: no override
    expect(load(BASE, { regionOverride: '' }).config.region).toBe('us-west-2')
    expect(messages(withLine(5), { regionOverride: '' })).toEqual([
      'cluster.yaml:4:3: metadata.region: required key is missing (expected an AWS region like us-west-2)'
    ])
  })
  it('rejects an aws-region input that is not a region', () => {
    expect(messages(BASE, { regionOverride: 'nowhere' })).toEqual([
      'cluster.yaml:5:11: metadata.region: the aws-region input is not an AWS region (got nowhere, expected an AWS region like us-west-2)'
    ])
  })
  it('keeps metadata.version as written even unquoted (1.30 is not 1.3)', () => {
    expect(load(withLine(6, '  version: 1.30')).config.kubernetesVersion).toBe('1.30')
    expect(load(withLine(6, '  version: "1.31"')).config.kubernetesVersion).toBe('1.31')
    expect(load(withLine(6)).config.kubernetesVersion).toBeUndefined()
  })
  it('rejects a metadata.version that is not a Kubernetes minor', () => {
    expect(messages(withLine(6, "  version: '1.32.1'"))).toEqual([
      "cluster.yaml:6:12: metadata.version: not a Kubernetes minor version (got '1.32.1', expected a Kubernetes minor version like '1.32')"
    ])
    expect(messages(withLine(6, '  version: true'))).toEqual([
      "cluster.yaml:6:12: metadata.version: must be a string (got true, expected a Kubernetes minor version like '1.32')"
    ])
  })
  it('reads metadata.tags and rejects values that are not strings', () => {
    expect(load(withLine(6, "  version: '1.32'", '  tags:', '    team: platform')).config.tags).toEqual({ team: 'platform' })
    expect(messages(withLine(6, "  version: '1.32'", '  tags:', '    team: 7'))).toEqual([
      'cluster.yaml:8:11: metadata.tags.team: must be a string (quote it) (got 7, expected a string)'
    ])
    expect(messages(withLine(6, "  version: '1.32'", '  tags: [a, b]'))).toEqual([
      'cluster.yaml:7:9: metadata.tags: must be a mapping (got a list, expected a mapping of strings to strings)'
    ])
  })
})

describe('karpenter block', () => {
  const first8 = BASE.split('\n').slice(0, 8).join('\n') + '\n'

  it('requires the karpenter block', () => {
    expect(messages(first8)).toEqual([
      `cluster.yaml:1:1: karpenter: required key is missing: this action installs Karpenter from it (expected a mapping with version and optionally createServiceAccount, defaultInstanceProfile, withSpotInterruptionQueue)`
    ])
  })
  it('suggests `karpenter` for a near miss at the top level', () => {
    expect(messages(withLine(9, 'Karpenter:'))).toEqual([
      'cluster.yaml:9:1: karpenter: required key is missing: this action installs Karpenter from it. Did you mean `karpenter` instead of `Karpenter`? (expected a mapping with version and optionally createServiceAccount, defaultInstanceProfile, withSpotInterruptionQueue)'
    ])
  })
  it('requires the block to be a mapping', () => {
    expect(messages(first8 + 'karpenter: true\n')).toEqual([
      'cluster.yaml:9:12: karpenter: must be a mapping (got true, expected a mapping with version and optionally createServiceAccount, defaultInstanceProfile, withSpotInterruptionQueue)'
    ])
    expect(messages(first8 + 'karpenter:\n')).toEqual([
      'cluster.yaml:9:1: karpenter: must be a mapping (got an empty value, expected a mapping with version and optionally createServiceAccount, defaultInstanceProfile, withSpotInterruptionQueue)'
    ])
  })
  it('requires karpenter.version, pointing at the block', () => {
    expect(messages(withLine(10, '  createServiceAccount: true'))).toEqual([
      "cluster.yaml:10:3: karpenter.version: required key is missing (expected a semantic version like '1.2.1', 0.28.0 or newer)"
    ])
  })
  it('rejects a version that is not semver', () => {
    expect(messages(withLine(10, '  version: latest'))).toEqual([
      "cluster.yaml:10:12: karpenter.version: not a semantic version MAJOR.MINOR.PATCH (got latest, expected a semantic version like '1.2.1', 0.28.0 or newer)"
    ])
    expect(messages(withLine(10, '  version: 1.2'))).toEqual([
      "cluster.yaml:10:12: karpenter.version: not a semantic version MAJOR.MINOR.PATCH (got 1.2, expected a semantic version like '1.2.1', 0.28.0 or newer)"
    ])
  })
  it('rejects a version older than 0.28.0 and accepts 0.28.0', () => {
    expect(messages(withLine(10, "  version: '0.27.1'"))).toEqual([
      "cluster.yaml:10:12: karpenter.version: Karpenter 0.27.1 is older than this action supports (got '0.27.1', expected 0.28.0 or newer)"
    ])
    // metadata.version is dropped: this test is about the version floor, not the matrix
    expect(load(withLine(6).replace("'1.2.1'", "'0.28.0'")).config.karpenter.version).toBe('0.28.0')
  })
  it('accepts a leading v and stores the version without it', () => {
    const { config } = load(withLine(6).replace("'1.2.1'", 'v0.34.0'))
    expect(config.karpenter.version).toBe('0.34.0')
  })
  it('requires booleans for createServiceAccount and withSpotInterruptionQueue', () => {
    expect(messages(BASE + '  createServiceAccount: yes\n')).toEqual([
      'cluster.yaml:11:25: karpenter.createServiceAccount: must be a boolean: write true or false, not yes/no/on/off (got yes, expected true or false)'
    ])
    expect(messages(BASE + '  withSpotInterruptionQueue: "true"\n')).toEqual([
      'cluster.yaml:11:30: karpenter.withSpotInterruptionQueue: must be a boolean (got "true", expected true or false)'
    ])
    const { config } = load(BASE + '  createServiceAccount: true\n  withSpotInterruptionQueue: true\n')
    expect(config.karpenter).toMatchObject({ createServiceAccount: true, withSpotInterruptionQueue: true })
  })
  it('checks defaultInstanceProfile: non-empty, IAM characters, at most 128', () => {
    expect(messages(BASE + "  defaultInstanceProfile: ''\n")).toEqual([
      `cluster.yaml:11:27: karpenter.defaultInstanceProfile: must not be empty (got '', expected ${PROFILE_EXPECTED})`
    ])
    expect(messages(BASE + "  defaultInstanceProfile: 'bad name!'\n")).toEqual([
      `cluster.yaml:11:27: karpenter.defaultInstanceProfile: not a valid IAM instance profile name (got 'bad name!', expected ${PROFILE_EXPECTED})`
    ])
    expect(messages(BASE + `  defaultInstanceProfile: ${'p'.repeat(129)}\n`)).toEqual([
      `cluster.yaml:11:27: karpenter.defaultInstanceProfile: instance profile name is 129 characters long (got ${'p'.repeat(57)}..., expected ${PROFILE_EXPECTED})`
    ])
    expect(messages(BASE + '  defaultInstanceProfile: [a]\n')).toEqual([
      `cluster.yaml:11:27: karpenter.defaultInstanceProfile: must be a string (got a list, expected ${PROFILE_EXPECTED})`
    ])
    expect(load(BASE + `  defaultInstanceProfile: ${'p'.repeat(128)}\n`).config.karpenter.defaultInstanceProfile).toHaveLength(128)
  })
  it('rejects unknown keys with a did-you-mean where one is close', () => {
    expect(messages(BASE + '  withSpotInterruption: true\n  createServiceaccount: true\n  replicas: 3\n')).toEqual([
      `cluster.yaml:11:3: karpenter.withSpotInterruption: unknown key in \`karpenter:\`: did you mean \`withSpotInterruptionQueue\`? (expected one of ${KARPENTER_KEYS})`,
      `cluster.yaml:12:3: karpenter.createServiceaccount: unknown key in \`karpenter:\`: did you mean \`createServiceAccount\`? (expected one of ${KARPENTER_KEYS})`,
      `cluster.yaml:13:3: karpenter.replicas: unknown key in \`karpenter:\` (expected one of ${KARPENTER_KEYS})`
    ])
  })
})

describe('iam.withOIDC and the controller identity', () => {
  const withoutIam = withLine(7).replace('  withOIDC: true\n', '')

  it('requires withOIDC for IRSA when iam is absent, pointing at the top level', () => {
    expect(messages(withoutIam)).toEqual([`cluster.yaml:1:1: iam.withOIDC: ${OIDC_MESSAGE} (expected ${OIDC_EXPECTED})`])
  })
  it('requires withOIDC for IRSA when iam has no withOIDC, pointing at iam', () => {
    expect(messages(withLine(8, '  serviceRolePermissionsBoundary: arn:aws:iam::aws:policy/b'))).toEqual([
      `cluster.yaml:8:3: iam.withOIDC: ${OIDC_MESSAGE} (expected ${OIDC_EXPECTED})`
    ])
  })
  it('rejects withOIDC: false for IRSA, at the value', () => {
    expect(messages(withLine(8, '  withOIDC: false'))).toEqual([`cluster.yaml:8:13: iam.withOIDC: ${OIDC_MESSAGE} (got false, expected ${OIDC_EXPECTED})`])
  })
  it('names the explicit choice when controller-identity is irsa', () => {
    expect(messages(withLine(8, '  withOIDC: false'), { controllerIdentity: 'irsa' })).toEqual([
      `cluster.yaml:8:13: iam.withOIDC: must be true when the Karpenter controller uses IRSA (controller-identity is irsa) (got false, expected ${OIDC_EXPECTED})`
    ])
  })
  it('reports a malformed withOIDC once, as a type error', () => {
    expect(messages(withLine(8, '  withOIDC: "true"'))).toEqual(['cluster.yaml:8:13: iam.withOIDC: must be a boolean (got "true", expected true or false)'])
  })
  it('does not need withOIDC for Pod Identity chosen by an association entry', () => {
    const text = withLine(8, '  podIdentityAssociations:', '    - namespace: karpenter', '      serviceAccountName: karpenter')
    const { config } = load(text)
    expect(config.withOIDC).toBe(false)
    expect(config.podIdentityAssociations).toHaveLength(1)
    expect(config.positions['iam.podIdentityAssociations[0]']).toEqual({ line: 9, col: 7 })
  })
  it('does not need withOIDC for Pod Identity chosen explicitly without an entry', () => {
    expect(load(withoutIam, { controllerIdentity: 'pod-identity' }).config.podIdentityAssociations).toEqual([])
  })
  it('matches the association against the namespace input', () => {
    const text = withLine(8, '  podIdentityAssociations:', '    - namespace: kube-system', '      serviceAccountName: karpenter')
    expect(load(text, { namespace: 'kube-system' }).config.withOIDC).toBe(false)
    expect(messages(text)).toEqual([`cluster.yaml:8:3: iam.withOIDC: ${OIDC_MESSAGE} (expected ${OIDC_EXPECTED})`])
  })
  it('rejects Pod Identity when a Fargate profile selects the namespace, saying to use IRSA', () => {
    expect(messagesOfFile(path.join(FIXTURES, 'fargate-pod-identity.yaml'))).toEqual([
      'fargate-pod-identity.yaml:17:5: fargateProfiles[1]: Fargate profile `fp-karpenter` selects namespace karpenter, and EKS Pod Identity does not work on Fargate: ' +
        'use IRSA for the Karpenter controller (controller-identity: irsa and iam.withOIDC: true, without an iam.podIdentityAssociations entry for karpenter/karpenter) (got pod-identity, expected irsa)'
    ])
  })
})

describe('Kubernetes / Karpenter compatibility', () => {
  // The matrix data belongs to src/core/karpenter/compatibility.ts; these tests take ranges from it and check
  // that the rule applies them and words the message (position, path, got, expected) as it should.
  const rangeOf = (v: string) => {
    const range = kubernetesRange(parseVersion(v)!)
    if (!range) throw new Error(`no range for ${v}`)
    return range
  }
  const minorAbove = (k: string) => `1.${Number(k.split('.')[1]) + 1}`
  const minorBelow = (k: string) => `1.${Number(k.split('.')[1]) - 1}`

  it('rejects a Kubernetes version newer than the Karpenter version supports, naming the minimum Karpenter', () => {
    const { min, max } = rangeOf('1.2.1')
    const k = minorAbove(max)
    const needed = minimumKarpenterFor(k)
    expect(needed).toBeDefined()
    expect(messages(withLine(6, `  version: '${k}'`))).toEqual([
      `cluster.yaml:6:12: metadata.version: Kubernetes ${k} needs Karpenter ${needed} or newer (got '${k}', expected Kubernetes ${min} to ${max} with Karpenter 1.2.1)`
    ])
  })
  it('accepts every Kubernetes minor inside the range', () => {
    const { min, max } = rangeOf('1.2.1')
    for (let minor = Number(min.split('.')[1]); minor <= Number(max.split('.')[1]); minor++) {
      expect(load(withLine(6, `  version: '1.${minor}'`)).config.kubernetesVersion).toBe(`1.${minor}`)
    }
  })
  it('rejects a Kubernetes version older than the Karpenter version supports', () => {
    const { min, max } = rangeOf('1.2.1')
    const k = minorBelow(min)
    expect(messages(withLine(6, `  version: ${k}`))).toEqual([
      `cluster.yaml:6:12: metadata.version: Kubernetes ${k} is older than Karpenter 1.2.1 supports: upgrade the cluster or use an older Karpenter (got ${k}, expected Kubernetes ${min} to ${max} with Karpenter 1.2.1)`
    ])
  })
  it('says when no known Karpenter supports the Kubernetes version', () => {
    const { min, max } = rangeOf('1.2.1')
    expect(minimumKarpenterFor('1.99')).toBeUndefined()
    expect(messages(withLine(6, "  version: '1.99'"))).toEqual([
      `cluster.yaml:6:12: metadata.version: no Karpenter release known to this action supports Kubernetes 1.99 (got '1.99', expected Kubernetes ${min} to ${max} with Karpenter 1.2.1)`
    ])
  })
  it('only warns for a Karpenter newer than the matrix', () => {
    const text = BASE.replace("'1.2.1'", "'9.0.0'")
    expect(warnings(text)).toEqual([
      `cluster.yaml:10:12: karpenter.version: Karpenter 9.0.0 is newer than the compatibility matrix this action knows (up to ${NEWEST_KNOWN_KARPENTER_MINOR}.x): Kubernetes 1.32 compatibility cannot be checked`
    ])
    expect(load(text).config.karpenter.version).toBe('9.0.0')
    expect(warnings(withLine(6).replace("'1.2.1'", "'9.0.0'"))).toEqual([
      `cluster.yaml:9:12: karpenter.version: Karpenter 9.0.0 is newer than the compatibility matrix this action knows (up to ${NEWEST_KNOWN_KARPENTER_MINOR}.x): its Kubernetes compatibility cannot be checked`
    ])
  })
  it('skips the check without metadata.version', () => {
    expect(load(withLine(6).replace("'1.2.1'", "'0.28.0'")).warnings).toEqual([])
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

describe('other sections', () => {
  it('checks iam.serviceRolePermissionsBoundary is a policy ARN', () => {
    expect(messages(BASE.replace('  withOIDC: true\n', '  withOIDC: true\n  serviceRolePermissionsBoundary: arn:aws:iam::aws:role/x\n'))).toEqual([
      'cluster.yaml:9:35: iam.serviceRolePermissionsBoundary: not an IAM policy ARN (got arn:aws:iam::aws:role/x, expected an IAM policy ARN like arn:aws:iam::aws:policy/Name or arn:aws:iam::111122223333:policy/name)'
    ])
  })
  it('checks accessConfig.authenticationMode', () => {
    expect(load(BASE + 'accessConfig:\n  authenticationMode: API\n').config.authenticationMode).toBe('API')
    expect(messages(BASE + 'accessConfig:\n  authenticationMode: APY\n')).toEqual([
      'cluster.yaml:12:23: accessConfig.authenticationMode: not an EKS authentication mode (got APY, expected one of CONFIG_MAP, API, API_AND_CONFIG_MAP)'
    ])
  })
  it('reads addon names and rejects addons that are not mappings', () => {
    expect(load(BASE + 'addons:\n  - name: vpc-cni\n  - name: coredns\n').config.addons).toEqual(['vpc-cni', 'coredns'])
    expect(messages(BASE + 'addons:\n  - name: vpc-cni\n  - coredns\n')).toEqual([
      'cluster.yaml:13:5: addons[1]: must be a mapping (got coredns, expected a mapping with name)'
    ])
  })
  it('reads Fargate selectors and treats empty optional sections as absent', () => {
    const text = BASE + 'fargateProfiles:\n  - name: fp\n    selectors:\n      - namespace: default\n      - namespace: kube-system\naddons:\nvpc:\n'
    expect(load(text).config.fargateProfiles).toEqual([{ name: 'fp', namespaces: ['default', 'kube-system'], position: { line: 12, col: 5 } }])
  })
})

describe('every error at once', () => {
  it('reports all violations in file order in one ConfigError', () => {
    const file = path.join(FIXTURES, 'many-errors.yaml')
    expect(messagesOfFile(file)).toEqual([
      `many-errors.yaml:1:1: iam.withOIDC: ${OIDC_MESSAGE} (expected ${OIDC_EXPECTED})`,
      'many-errors.yaml:1:13: apiVersion: must be eksctl.io/v1alpha5 (got eksctl.io/v1alpha4, expected eksctl.io/v1alpha5)',
      'many-errors.yaml:4:9: metadata.name: not a valid EKS cluster name (got _bad, expected letters, digits, - and _, starting with a letter or digit)',
      'many-errors.yaml:5:11: metadata.region: not an AWS region (got mars-1, expected an AWS region like us-west-2)',
      "many-errors.yaml:8:12: karpenter.version: Karpenter 0.20.0 is older than this action supports (got '0.20.0', expected 0.28.0 or newer)",
      "many-errors.yaml:9:25: karpenter.createServiceAccount: must be a boolean: write true or false, not yes/no/on/off (got 'yes', expected true or false)",
      `many-errors.yaml:10:3: karpenter.withSpotInterruptionQeue: unknown key in \`karpenter:\`: did you mean \`withSpotInterruptionQueue\`? (expected one of ${KARPENTER_KEYS})`
    ])
    let thrown: unknown
    try {
      loadClusterConfig(file, { namespace: 'karpenter', controllerIdentity: 'auto' })
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(ConfigError)
    const lines = (thrown as ConfigError).message.split('\n')
    expect(lines[0]).toBe(`${file} has 7 errors:`)
    expect(lines.slice(1)).toHaveLength(7)
    expect(lines[7]).toContain(`${file}:10:3: karpenter.withSpotInterruptionQeue`)
  })
})
