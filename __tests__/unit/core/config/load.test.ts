// src/core/config/load.ts: the whole read of a ClusterConfig, each rule's message asserted whole (file:line:col, key
// path, got, expected); docs/design.md, "Config rules". The sections' own rules are in sections/*.test.ts.
import { describe, expect, it } from '@jest/globals'
import * as path from 'node:path'
import { BASE, FIXTURES, REPO, load, loadFile, messages, messagesOfFixture, withLine } from './helpers.js'
import { loadClusterConfigText } from '../../../../src/core/config/load.js'
import { ConfigError, formatDiagnostic } from '../../../../src/core/config/diagnostics.js'

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
    const { config, warnings } = loadFile(file)
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
    const irsa = loadFile(path.join(REPO, 'examples/cluster-with-karpenter.yaml'))
    expect(irsa.config.karpenter).toEqual({
      version: '1.2.1',
      createServiceAccount: true,
      defaultInstanceProfile: 'KarpenterNodeInstanceProfile',
      withSpotInterruptionQueue: true
    })
    expect(irsa.config.withOIDC).toBe(true)
    const pod = loadFile(path.join(REPO, 'examples/pod-identity.yaml'))
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
    expect(messagesOfFixture(path.join(FIXTURES, 'fargate-pod-identity.yaml'))).toEqual([
      'fargate-pod-identity.yaml:17:5: fargateProfiles[1]: Fargate profile `fp-karpenter` selects namespace karpenter, and EKS Pod Identity does not work on Fargate: ' +
        'use IRSA for the Karpenter controller (controller-identity: irsa and iam.withOIDC: true, without an iam.podIdentityAssociations entry for karpenter/karpenter) (got pod-identity, expected irsa)'
    ])
  })
})

describe('every error at once', () => {
  it('reports all violations in file order in one ConfigError', () => {
    const file = path.join(FIXTURES, 'many-errors.yaml')
    expect(messagesOfFixture(file)).toEqual([
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
      loadFile(file)
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

describe('loadClusterConfigText (the pure half: text in, config or every diagnostic out)', () => {
  const opts = { namespace: 'karpenter', controllerIdentity: 'auto' as const }

  it('reads the text alone, no file opened, and returns the warnings apart from the config', () => {
    const { config, warnings } = loadClusterConfigText('clusters/not-on-disk.yaml', BASE, { ...opts, regionOverride: 'eu-west-1' })
    expect(config.file).toBe('clusters/not-on-disk.yaml')
    expect(config.region).toBe('eu-west-1')
    expect(warnings.map(formatDiagnostic)).toEqual([
      'clusters/not-on-disk.yaml:5:11: metadata.region: the aws-region input (eu-west-1) overrides the region in the file (us-west-2)'
    ])
  })

  it('an aws-region input of only blanks is no override', () => {
    expect(loadClusterConfigText('c.yaml', BASE, { ...opts, regionOverride: '  ' }).config.region).toBe('us-west-2')
  })

  it('with any error, throws one ConfigError holding errors and warnings in file order, headed by the error count', () => {
    const text = withLine(10, "  version: 'latest'").replace('  region: us-west-2', '  region: us-east-1')
    let thrown: unknown
    try {
      loadClusterConfigText('c.yaml', text, { ...opts, regionOverride: 'eu-west-1' })
    } catch (e) {
      thrown = e
    }
    if (!(thrown instanceof ConfigError)) throw new Error(`expected a ConfigError, got ${String(thrown)}`)
    expect(thrown.diagnostics.map(formatDiagnostic)).toEqual([
      'c.yaml:5:11: metadata.region: the aws-region input (eu-west-1) overrides the region in the file (us-east-1)',
      "c.yaml:10:12: karpenter.version: not a semantic version MAJOR.MINOR.PATCH (got 'latest', expected a semantic version like '1.2.1', 0.28.0 or newer)"
    ])
    expect(thrown.message.split('\n')[0]).toBe('c.yaml has 1 error:')
  })

  it('stops at a file problem before reading any key', () => {
    expect(() => loadClusterConfigText('c.yaml', '', opts)).toThrow(/^c\.yaml has 1 error:\nc\.yaml:1:1: file is empty/)
    expect(() => loadClusterConfigText('c.yaml', '- a\n', opts)).toThrow(/c\.yaml:1:1: the top level must be a mapping/)
  })
})
