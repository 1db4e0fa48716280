import { describe, it, expect, beforeEach } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { EKSClient, DescribeClusterCommand, type Cluster } from '@aws-sdk/client-eks'
import { preflight, requireIssuer, PreflightError } from '../../../src/aws/preflight.js'

const eks = mockClient(EKSClient)
const client = new EKSClient({ region: 'us-west-2' })
const cluster = (over: Partial<Cluster> = {}): Cluster => ({
  name: 'prod',
  status: 'ACTIVE',
  version: '1.32',
  endpoint: 'https://x.eks.amazonaws.com',
  identity: { oidc: { issuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC' } },
  accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
  ...over
})
const run = (karpenterVersion = '1.2.1', configK8sVersion?: string) => preflight(client, { cluster: 'prod', region: 'us-west-2', karpenterVersion, configK8sVersion })

beforeEach(() => {
  eks.reset()
})

describe('preflight', () => {
  it('captures version, issuer, endpoint and authentication mode of an ACTIVE cluster', async () => {
    eks.on(DescribeClusterCommand, { name: 'prod' }).resolves({ cluster: cluster() })
    const r = await run()
    expect(r.cluster).toMatchObject({ status: 'ACTIVE', version: '1.32', authenticationMode: 'API_AND_CONFIG_MAP', oidcIssuer: 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC' })
    expect(r.warnings).toEqual([])
  })

  it('names cluster and region when the cluster is missing', async () => {
    eks.on(DescribeClusterCommand).rejects(Object.assign(new Error('No cluster found for name: prod.'), { name: 'ResourceNotFoundException' }))
    await expect(run()).rejects.toThrow(/EKS cluster "prod" was not found in region us-west-2/)
  })

  it('refuses an EKS Auto Mode cluster (computeConfig.enabled), pointing at the migration guide', async () => {
    eks.on(DescribeClusterCommand).resolves({ cluster: cluster({ computeConfig: { enabled: true, nodePools: ['system'] } }) })
    const err = await run().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PreflightError)
    expect((err as Error).message).toMatch(/^EKS cluster "prod" in us-west-2 has EKS Auto Mode enabled \(DescribeCluster: computeConfig\.enabled is true\)/)
    expect((err as Error).message).toContain('https://docs.aws.amazon.com/eks/latest/userguide/auto-migrate-karpenter.html')
  })

  it('computeConfig.enabled false, or no computeConfig, is not Auto Mode', async () => {
    eks.on(DescribeClusterCommand).resolves({ cluster: cluster({ computeConfig: { enabled: false } }) })
    expect((await run()).cluster.autoMode).toBe(false)
    eks.on(DescribeClusterCommand).resolves({ cluster: cluster() })
    expect((await run()).cluster.autoMode).toBe(false)
  })

  it('refuses a cluster that is not ACTIVE', async () => {
    eks.on(DescribeClusterCommand).resolves({ cluster: cluster({ status: 'UPDATING' }) })
    await expect(run()).rejects.toThrow(/is UPDATING, not ACTIVE/)
  })

  it('refuses a Kubernetes version outside the matrix and names the Karpenter that supports it', async () => {
    eks.on(DescribeClusterCommand).resolves({ cluster: cluster({ version: '1.33' }) })
    const p = run('1.2.1')
    await expect(p).rejects.toBeInstanceOf(PreflightError)
    await expect(run('1.2.1')).rejects.toThrow(/Kubernetes 1\.33.*1\.25–1\.32.*1\.5 or newer/)
  })

  it('warns (does not fail) for a Karpenter newer than the matrix and for a metadata.version mismatch', async () => {
    eks.on(DescribeClusterCommand).resolves({ cluster: cluster() })
    const r = await run('9.0.0', '1.31')
    expect(r.warnings.join('\n')).toMatch(/newer than the known compatibility matrix/)
    expect(r.warnings.join('\n')).toMatch(/metadata.version is 1.31/)
  })

  it('an IRSA run needs the issuer', async () => {
    eks.on(DescribeClusterCommand).resolves({ cluster: cluster({ identity: {} }) })
    const r = await run()
    expect(r.cluster.oidcIssuer).toBeUndefined()
    expect(() => requireIssuer(r.cluster)).toThrow(/no OIDC issuer/)
  })
})
