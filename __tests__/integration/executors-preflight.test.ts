// The preflight executor (src/aws/preflight.ts) against moto: the cluster is one moto holds, shaped through the
// launcher (test/harness/moto.ts `cluster`) where moto's API cannot (status, version, accessConfig, computeConfig,
// issuer); a missing cluster is moto's own ResourceNotFoundException. Every request is checked against botocore's
// EKS model.
import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals'
import { EKSClient } from '@aws-sdk/client-eks'
import { startMoto, type Moto, type ClusterShape } from '../../test/harness/moto.js'
import { preflight, requireIssuer, PreflightError } from '../../src/aws/preflight.js'

const REGION = 'us-west-2'
const ISSUER = 'https://oidc.eks.us-west-2.amazonaws.com/id/ABC'

let moto: Moto
let eks: EKSClient

beforeAll(async () => {
  moto = await startMoto()
  eks = new EKSClient({ region: REGION, endpoint: moto.endpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' } })
}, 60_000)

afterAll(async () => {
  eks?.destroy()
  await moto?.stop()
})

beforeEach(async () => {
  await moto.reset()
  moto.resetCalls()
})

const shape = (over: Partial<ClusterShape> = {}) =>
  moto.cluster({ name: 'prod', region: REGION, status: 'ACTIVE', version: '1.32', authenticationMode: 'API_AND_CONFIG_MAP', issuer: ISSUER, ...over })
const run = (karpenterVersion = '1.2.1', configK8sVersion?: string) => preflight(eks, { cluster: 'prod', region: REGION, karpenterVersion, configK8sVersion })

describe('preflight', () => {
  it('captures version, issuer, endpoint and authentication mode of an ACTIVE cluster', async () => {
    const { endpoint } = await shape()
    const r = await run()
    expect(r.cluster).toMatchObject({ status: 'ACTIVE', version: '1.32', authenticationMode: 'API_AND_CONFIG_MAP', oidcIssuer: ISSUER, endpoint })
    expect(r.warnings).toEqual([])
    expect(moto.count('GET /clusters/prod')).toBe(1)
  })

  it('names cluster and region when the cluster is missing', async () => {
    await moto.cluster({ name: 'other', region: REGION })
    await expect(run()).rejects.toThrow(/EKS cluster "prod" was not found in region us-west-2/)
  })

  it('refuses an EKS Auto Mode cluster (computeConfig.enabled), pointing at the migration guide', async () => {
    await shape({ autoMode: true })
    const err = await run().catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PreflightError)
    expect((err as Error).message).toMatch(/^EKS cluster "prod" in us-west-2 has EKS Auto Mode enabled \(DescribeCluster: computeConfig\.enabled is true\)/)
    expect((err as Error).message).toContain('https://docs.aws.amazon.com/eks/latest/userguide/auto-migrate-karpenter.html')
  })

  it('computeConfig.enabled false, or no computeConfig, is not Auto Mode', async () => {
    await shape({ autoMode: false })
    expect((await run()).cluster.autoMode).toBe(false)
    await moto.reset()
    await shape()
    expect((await run()).cluster.autoMode).toBe(false)
  })

  it('refuses a cluster that is not ACTIVE', async () => {
    await shape({ status: 'UPDATING' })
    await expect(run()).rejects.toThrow(/is UPDATING, not ACTIVE/)
  })

  it('refuses a Kubernetes version outside the matrix and names the Karpenter that supports it', async () => {
    await shape({ version: '1.33' })
    const p = run('1.2.1')
    await expect(p).rejects.toBeInstanceOf(PreflightError)
    await expect(run('1.2.1')).rejects.toThrow(/Kubernetes 1\.33.*1\.25–1\.32.*1\.5 or newer/)
  })

  it('warns (does not fail) for a Karpenter newer than the matrix and for a metadata.version mismatch', async () => {
    await shape()
    const r = await run('9.0.0', '1.31')
    expect(r.warnings.join('\n')).toMatch(/newer than the known compatibility matrix/)
    expect(r.warnings.join('\n')).toMatch(/metadata.version is 1.31/)
  })

  it('an IRSA run needs the issuer', async () => {
    await shape({ issuer: '' })
    const r = await run()
    expect(r.cluster.oidcIssuer).toBeUndefined()
    expect(() => requireIssuer(r.cluster)).toThrow(/no OIDC issuer/)
  })
})
