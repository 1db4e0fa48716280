// The end-to-end environment: every server the action talks to, real and on loopback, started together and
// stopped together —
//   moto (threaded, behind the counting proxy)     AWS: STS, CloudFormation, IAM, SQS, EventBridge, EKS
//   the OIDC token endpoint                         ACTIONS_ID_TOKEN_REQUEST_URL / _TOKEN
//   Debian's docker-registry                        oci://127.0.0.1:<port>/karpenter/{karpenter,karpenter-crd}
//   etcd + kube-apiserver v1.32.0                   the cluster, behind EKS-style token authentication
//   the Deployment-ready marker                     stands in for the controllers and kubelets that do not run
// moto's EKS cluster is pointed at the apiserver (endpoint and CA), so the action finds the cluster the way it
// does on AWS: DescribeCluster, then a `k8s-aws-v1.` token that the apiserver's webhook replays against moto.
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startMoto, type Moto } from './moto.js'
import { startEksStandin, type EksStandin } from './eks-standin.js'
import { startOidc, type OidcServer } from './oidc.js'
import { startRegistry, type LocalRegistry } from './registry.js'
import { publishTestCharts } from './registry-charts.js'
import { startKube, type KubeHarness } from './kube.js'
import { repoRoot } from './kube-process.js'
import { markDeploymentsReady, type DeploymentReadyMarker } from './deployment-ready.js'
import { kubeApi, type KubeApi } from './e2e-kube-api.js'
import { runAction, type ActionResult } from './run-action.js'
import type { HelmBinary } from './helm-binaries.js'

export const E2E_ACCOUNT = '123456789012'
/** The role the action assumes with the OIDC token; the apiserver maps it to system:masters. */
export const DEPLOYER_ROLE_ARN = `arn:aws:iam::${E2E_ACCOUNT}:role/karpenter-deployer`
/** Static keys for nothing: the child must federate; these only keep the SDK from looking elsewhere. */
const AMBIENT = { AWS_ACCESS_KEY_ID: 'AKIAE2EAMBIENT', AWS_SECRET_ACCESS_KEY: 'e2e-ambient-secret-not-used' }

export interface E2eOptions {
  helm: HelmBinary
  clusterName: string
  region: string
  /** Kubernetes minor DescribeCluster reports (the apiserver is v1.32.0) */
  kubernetesVersion?: string
  /** accessConfig.authenticationMode of the EKS cluster, e.g. CONFIG_MAP */
  authenticationMode: string
  /** chart versions pushed for both karpenter and karpenter-crd, e.g. ['v0.31.1', '1.2.0', '1.2.1'] */
  chartVersions: string[]
  /** put the EKS stand-in (access entries, Pod Identity, addons: test/harness/eks-standin.ts) in front of moto */
  eksStandin?: boolean
  /**
   * Something to put in front of moto for the action and the token webhook (the bench's slow-stack proxy):
   * given moto's endpoint, the endpoint to use instead. Closed by stop().
   */
  awsFront?: (motoEndpoint: string) => Promise<{ endpoint: string; close(): Promise<void> }>
}

export interface E2eEnv {
  moto: Moto
  /** set with `eksStandin`: the access entries the action made are read here */
  standin?: EksStandin
  /** what the action's AWS_ENDPOINT_URL is (the stand-in when there is one, else moto's counting proxy) */
  awsEndpoint: string
  oidc: OidcServer
  registry: LocalRegistry
  kube: KubeHarness
  /** admin access to the apiserver, for the tests' own checks */
  api: KubeApi
  ready: DeploymentReadyMarker
  helm: HelmBinary
  /** oci://127.0.0.1:<port>/karpenter/karpenter */
  chart: string
  /** helm's config/cache/data homes, isolated from the machine's */
  helmHome: Record<string, string>
  /** dist/index.js as a runner runs it, with helm first on PATH; `env` last (e.g. a RUNNER_TEMP to inspect) */
  run(workspace: string, inputs: Record<string, string>, opts?: { env?: Record<string, string>; timeoutMs?: number }): Promise<ActionResult>
  stop(): Promise<void>
}

export async function startE2eEnv(o: E2eOptions): Promise<E2eEnv> {
  const stops: Array<() => Promise<void>> = []
  const stop = async () => {
    for (const s of stops.splice(0).reverse()) await s().catch(() => undefined)
  }
  try {
    const moto = await startMoto()
    stops.push(() => moto.stop())
    const standin = o.eksStandin ? await startEksStandin(moto.endpoint) : undefined
    if (standin) stops.push(() => standin.stop())
    const oidc = await startOidc()
    stops.push(() => oidc.stop())
    let awsEndpoint = standin?.endpoint ?? moto.endpoint
    if (o.awsFront) {
      const front = await o.awsFront(moto.endpoint)
      stops.push(() => front.close())
      awsEndpoint = front.endpoint
    }

    const registry = await startRegistry()
    stops.push(() => registry.stop())
    const helmDir = await mkdtemp(join(tmpdir(), 'e2e-helm-home-'))
    stops.push(() => rm(helmDir, { recursive: true, force: true }))
    const helmHome = {
      HELM_CONFIG_HOME: join(helmDir, 'config'),
      HELM_CACHE_HOME: join(helmDir, 'cache'),
      HELM_DATA_HOME: join(helmDir, 'data')
    }
    publishTestCharts(o.helm.helm, registry.host, o.chartVersions)

    const workDir = join(repoRoot, '.test-work', 'e2e')
    await mkdir(workDir, { recursive: true })
    // The webhook verifies tokens against the proxy: the action presigns them for AWS_ENDPOINT_URL.
    const kube = await startKube({
      awsEndpoint,
      workDir,
      clusterName: o.clusterName,
      mappings: { [DEPLOYER_ROLE_ARN]: { username: 'karpenter-deployer:{{SessionName}}', groups: ['system:masters'] } }
    })
    stops.push(() => kube.stop())
    await moto.cluster({
      name: o.clusterName,
      region: o.region,
      version: o.kubernetesVersion ?? '1.32',
      authenticationMode: o.authenticationMode,
      endpoint: kube.server,
      certificateAuthority: kube.caData
    })

    const access = { server: kube.server, caData: kube.caData, adminToken: kube.adminToken }
    const ready = await markDeploymentsReady(access)
    stops.push(() => ready.stop())

    const chart = `oci://${registry.host}/karpenter/karpenter`
    const run = (workspace: string, inputs: Record<string, string>, opts: { env?: Record<string, string>; timeoutMs?: number } = {}) =>
      runAction({
        workspace,
        inputs: { 'role-to-assume': DEPLOYER_ROLE_ARN, chart, 'helm-version': o.helm.version.replace(/^v/, ''), ...inputs },
        awsEndpoint,
        oidc: { url: oidc.url, token: oidc.requestToken },
        env: { ...AMBIENT, ...helmHome, AWS_REGION: o.region, PATH: `${o.helm.dir}:${process.env.PATH ?? ''}`, ...opts.env },
        timeoutMs: opts.timeoutMs ?? 180_000
      })

    return { moto, standin, awsEndpoint, oidc, registry, kube, api: kubeApi(access), ready, helm: o.helm, chart, helmHome, run, stop }
  } catch (err) {
    await stop()
    throw err
  }
}
