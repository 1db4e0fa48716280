// A ready-to-paste node class for the summary, using the created role and the discovery tag.
import { stringify } from 'yaml'
import { compareVersions, parseVersion } from '../core/karpenter/version.js'
import type { DesiredState } from '../core/types.js'

// Written as people write manifests: the two selectors repeated, never as a YAML anchor and alias.
const MANIFEST_YAML = { aliasDuplicateObjects: false } as const

export function nodeClassExample(d: DesiredState, discovery: string): string {
  const v = parseVersion(d.karpenterVersion)!
  const selector = [{ tags: { 'karpenter.sh/discovery': discovery } }]
  if (compareVersions(v, { major: 0, minor: 32, patch: 0 }) < 0) {
    // v1alpha5: an AWSNodeTemplate; nodes use the instance profile.
    return stringify({
      apiVersion: 'karpenter.k8s.aws/v1alpha1',
      kind: 'AWSNodeTemplate',
      metadata: { name: 'default' },
      spec: { instanceProfile: d.names.instanceProfile, subnetSelector: { 'karpenter.sh/discovery': discovery }, securityGroupSelector: { 'karpenter.sh/discovery': discovery } }
    }, MANIFEST_YAML)
  }
  const v1 = v.major >= 1
  return stringify({
    apiVersion: v1 ? 'karpenter.k8s.aws/v1' : 'karpenter.k8s.aws/v1beta1',
    kind: 'EC2NodeClass',
    metadata: { name: 'default' },
    spec: {
      role: d.names.nodeRole,
      ...(v1 ? { amiSelectorTerms: [{ alias: 'al2023@latest' }] } : { amiFamily: 'AL2' }),
      subnetSelectorTerms: selector,
      securityGroupSelectorTerms: selector
    }
  }, MANIFEST_YAML)
}
