// src/core/karpenter/unsupported.ts: the clusters this action refuses and why (README.md, "Clusters this does not
// support"; docs/design.md, "Outposts, EKS Auto Mode, Windows nodes").
import { describe, expect, it } from '@jest/globals'
import {
  AUTO_MODE_MIGRATION_GUIDE,
  OUTPOSTS_REFUSAL,
  autoModeClusterRefusal,
  autoModeFileRefusal,
  windowsNodeAccessRefusal
} from '../../../../src/core/karpenter/unsupported.js'

describe('Outposts and EKS Auto Mode', () => {
  it('Outposts: eksctl refuses Karpenter there too', () => {
    expect(OUTPOSTS_REFUSAL).toBe('Karpenter is not supported on Outposts: the control plane of this cluster runs on AWS Outposts, where eksctl refuses Karpenter too')
  })

  it('Auto Mode in the file: why (its own Karpenter, the shared CRDs) and AWS’s migration guide', () => {
    const m = autoModeFileRefusal()
    expect(m).toMatch(/^EKS Auto Mode runs its own, AWS-managed Karpenter and shares the karpenter\.sh CRDs \(nodepools\.karpenter\.sh, nodeclaims\.karpenter\.sh\) with it; /)
    expect(m).toContain('This action does not install Karpenter on Auto Mode clusters, and has no switch to run both.')
    expect(m.endsWith(`To move from Karpenter to Auto Mode, follow ${AUTO_MODE_MIGRATION_GUIDE}`)).toBe(true)
    expect(AUTO_MODE_MIGRATION_GUIDE).toBe('https://docs.aws.amazon.com/eks/latest/userguide/auto-migrate-karpenter.html')
  })

  it('Auto Mode found on the cluster: names the cluster, the region and the DescribeCluster field, and that nothing changed', () => {
    const m = autoModeClusterRefusal('demo', 'eu-west-1')
    expect(m).toMatch(/^EKS cluster "demo" in eu-west-1 has EKS Auto Mode enabled \(DescribeCluster: computeConfig\.enabled is true\)\. EKS Auto Mode runs its own/)
    expect(m).toContain(`Nothing was changed. To move from Karpenter to Auto Mode, follow ${AUTO_MODE_MIGRATION_GUIDE} (it keeps the Karpenter you installed running`)
  })
})

describe('windowsNodeAccessRefusal', () => {
  const reasons = ['nodeGroups[0] (win) amiFamily WindowsServer2019FullContainer']

  it('has nothing to refuse without Windows nodes, or when the node role is mapped through aws-auth or not at all', () => {
    expect(windowsNodeAccessRefusal({ input: 'auto', mode: 'API', method: 'access-entry', reasons: [] })).toBeUndefined()
    expect(windowsNodeAccessRefusal({ input: 'auto', mode: 'API_AND_CONFIG_MAP', method: 'aws-auth', reasons })).toBeUndefined()
    expect(windowsNodeAccessRefusal({ input: 'none', mode: 'API', method: 'none', reasons })).toBeUndefined()
  })

  it('refuses an access entry: one principal, one entry, EC2_LINUX or EC2_WINDOWS', () => {
    const m = windowsNodeAccessRefusal({ input: 'access-entry', mode: 'API_AND_CONFIG_MAP', method: 'access-entry', reasons })!
    expect(m).toMatch(/^Windows nodes \(nodeGroups\[0\] \(win\) amiFamily WindowsServer2019FullContainer\) need Karpenter's node role mapped for Windows as well as Linux\. /)
    expect(m).toContain('an IAM principal can be in only one access entry, of type EC2_LINUX or EC2_WINDOWS')
  })

  it('says to use aws-auth where the cluster has it, and what is left where it has not (API)', () => {
    for (const mode of ['CONFIG_MAP', 'API_AND_CONFIG_MAP']) {
      expect(windowsNodeAccessRefusal({ input: 'access-entry', mode, method: 'access-entry', reasons })).toContain(
        `Use node-access: auto or aws-auth on this cluster (authentication mode ${mode}): the node role is then mapped through aws-auth for both.`
      )
    }
    const api = windowsNodeAccessRefusal({ input: 'auto', mode: 'API', method: 'access-entry', reasons })!
    expect(api).toContain("This cluster's authentication mode is API, which has no aws-auth (and cannot get it back), so this action does not support Windows nodes on it")
    expect(api).not.toContain('Use node-access: auto or aws-auth')
  })
})
