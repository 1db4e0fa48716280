// A validated ClusterConfig built by hand, for unit tests of the pure core (no file, no parser).
import type { ClusterConfig } from '../../src/core/config/types.js'
import type { Inputs } from '../../src/core/inputs.js'
import { readInputs } from '../../src/inputs/read.js'

export function clusterConfig(overrides: Partial<ClusterConfig> = {}, karpenter: Partial<ClusterConfig['karpenter']> = {}): ClusterConfig {
  return {
    file: 'clusters/test.yaml',
    name: 'cluster-with-karpenter',
    region: 'us-west-2',
    kubernetesVersion: '1.32',
    tags: { 'karpenter.sh/discovery': 'cluster-with-karpenter' },
    withOIDC: true,
    podIdentityAssociations: [],
    fargateProfiles: [],
    addons: [],
    windowsNodeGroups: [],
    positions: { 'metadata.name': { line: 4, col: 9 }, 'karpenter.version': { line: 12, col: 12 } },
    ...overrides,
    karpenter: {
      version: '1.2.1',
      createServiceAccount: true,
      defaultInstanceProfile: 'KarpenterNodeInstanceProfile',
      withSpotInterruptionQueue: true,
      ...karpenter
    }
  }
}

export function inputs(overrides: Record<string, string> = {}): Inputs {
  const raw: Record<string, string> = { 'cluster-config': 'clusters/test.yaml', mode: 'render', ...overrides }
  return readInputs(name => raw[name] ?? '')
}
