// The test Kubernetes API (SPEC §7): etcd + kube-apiserver v1.32.0 on loopback, serving with a CA of our own,
// an admin token in system:masters, and EKS-style authentication through the local TokenReview webhook.
// No controllers, scheduler or kubelet run: Pods never start and namespace deletion never finishes.
import { randomBytes } from 'node:crypto'
import { request } from 'node:https'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startEtcd, type EtcdHarness } from './etcd.js'
import { startEksAuthnWebhook, type EksAuthnWebhook, type UserMapping } from './eks-authn-webhook.js'
import type { CallerIdentity } from './eks-authn-mapping.js'
import { lookupAwsAuth, type ApiAccess } from './kube-aws-auth.js'
import { ensureEtcd, ensureKubeApiserver } from './kube-binaries.js'
import { generateKubePki } from './kube-certs.js'
import { freePort, pollUntil, spawnSupervised, type Supervised } from './kube-process.js'

export interface StartKubeOptions {
  /** moto's URL: the webhook verifies tokens against it. */
  awsEndpoint: string
  /** A folder for this harness; a fresh temp dir is made inside it and removed by stop(). */
  workDir: string
  /** The EKS cluster name tokens must be signed for (x-k8s-aws-id). Default `karpenter-e2e`. */
  clusterName?: string
  /** `{ IAM role or user ARN → { username, groups } }`, as aws-auth mapRoles/mapUsers or access entries. */
  mappings?: Record<string, UserMapping>
  /**
   * Read kube-system/aws-auth (mapRoles/mapUsers) for ARNs not in `mappings`, as EKS does in its
   * API_AND_CONFIG_MAP authentication mode. Default true.
   */
  readAwsAuth?: boolean
  /** Last fallback lookup for ARNs in neither `mappings` nor aws-auth. */
  resolveMapping?: (canonicalArn: string, caller: CallerIdentity) => Promise<UserMapping | undefined>
  /** Milliseconds to wait for readiness. Default 90 s. */
  readyTimeoutMs?: number
}

export interface KubeHarness {
  /** https://127.0.0.1:<port> */
  server: string
  /** The serving CA, base64 of its PEM (as EKS's certificateAuthority.data). */
  caData: string
  adminToken: string
  /** kubeconfig file (mode 0600) for the admin token. */
  adminKubeconfig: string
  clusterName: string
  webhook: EksAuthnWebhook
  etcdUrl: string
  /** Folder holding etcd.log and kube-apiserver.log (removed by stop()). */
  dir: string
  stop(): Promise<void>
}

const PORT_RETRIES = 3

export async function startKube(opts: StartKubeOptions): Promise<KubeHarness> {
  const [apiserverBin, etcdBin] = [await ensureKubeApiserver(), await ensureEtcd()]
  await mkdir(opts.workDir, { recursive: true })
  const dir = await mkdtemp(join(opts.workDir, 'kube-'))
  const clusterName = opts.clusterName ?? 'karpenter-e2e'
  const cleanups: Array<() => Promise<void>> = []
  const stop = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch(() => undefined)
    await rm(dir, { recursive: true, force: true })
  }
  try {
    const pki = await generateKubePki(dir)
    const caData = Buffer.from(pki.caPem).toString('base64')
    const etcd: EtcdHarness = await startEtcd(join(dir, 'etcd'), etcdBin)
    cleanups.push(() => etcd.stop())

    const adminToken = randomBytes(24).toString('hex')
    // Set once the apiserver is up; until then no review can arrive.
    let api: ApiAccess | undefined
    const readAwsAuth = opts.readAwsAuth ?? true
    const webhook = await startEksAuthnWebhook({
      stsEndpoint: opts.awsEndpoint,
      clusterName,
      mappings: opts.mappings,
      resolve: async (arn, caller) =>
        (readAwsAuth && api ? await lookupAwsAuth(api, arn) : undefined) ?? (await opts.resolveMapping?.(arn, caller)),
      tls: { cert: await readFile(pki.servingCertFile, 'utf8'), key: await readFile(pki.servingKeyFile, 'utf8') }
    })
    cleanups.push(() => webhook.stop())
    const webhookConfig = join(dir, 'authn-webhook.kubeconfig')
    await writeKubeconfig(webhookConfig, { server: webhook.url, caData }, {})

    const tokenFile = join(dir, 'tokens.csv')
    await writeFile(tokenFile, `${adminToken},kube-admin,kube-admin,"system:masters"\n`, { mode: 0o600 })

    let apiserver: Supervised | undefined
    let server = ''
    for (let attempt = 1; attempt <= PORT_RETRIES; attempt++) {
      const port = await freePort()
      server = `https://127.0.0.1:${port}`
      const proc = spawnSupervised(apiserverBin, [
        '--bind-address=127.0.0.1',
        `--secure-port=${port}`,
        `--etcd-servers=${etcd.url}`,
        `--tls-cert-file=${pki.servingCertFile}`,
        `--tls-private-key-file=${pki.servingKeyFile}`,
        `--client-ca-file=${pki.caCertFile}`,
        `--cert-dir=${join(dir, 'certs')}`,
        '--service-account-issuer=https://kubernetes.default.svc',
        `--service-account-key-file=${pki.saPublicKeyFile}`,
        `--service-account-signing-key-file=${pki.saPrivateKeyFile}`,
        `--token-auth-file=${tokenFile}`,
        `--authentication-token-webhook-config-file=${webhookConfig}`,
        '--authentication-token-webhook-version=v1',
        // Decide every token afresh: tests change mappings and expect the next request to see it.
        '--authentication-token-webhook-cache-ttl=0s',
        '--authorization-mode=RBAC',
        '--service-cluster-ip-range=10.96.0.0/24',
        '--profiling=false'
      ], join(dir, 'kube-apiserver.log'))
      try {
        await pollUntil('kube-apiserver /readyz', () => isReady(server, pki.caPem, adminToken), {
          timeoutMs: opts.readyTimeoutMs ?? 90_000,
          abort: () => (proc.hasExited() ? `exited early:\n${proc.logTail()}` : undefined)
        })
        apiserver = proc
        break
      } catch (err) {
        await proc.stop()
        if (attempt === PORT_RETRIES || !/address already in use/.test(proc.logTail(50))) throw err
      }
    }
    cleanups.push(() => apiserver!.stop())
    api = { server, caPem: pki.caPem, token: adminToken }

    const adminKubeconfig = join(dir, 'admin.kubeconfig')
    await writeKubeconfig(adminKubeconfig, { server, caData }, { token: adminToken })
    return { server, caData, adminToken, adminKubeconfig, clusterName, webhook, etcdUrl: etcd.url, dir, stop }
  } catch (err) {
    await stop()
    throw err
  }
}

/** A one-cluster, one-user kubeconfig (JSON is valid kubeconfig), mode 0600. */
export async function writeKubeconfig(file: string, cluster: { server: string; caData: string }, user: { token?: string }): Promise<void> {
  const config = {
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name: 'test', cluster: { server: cluster.server, 'certificate-authority-data': cluster.caData } }],
    users: [{ name: 'test', user }],
    contexts: [{ name: 'test', context: { cluster: 'test', user: 'test' } }],
    'current-context': 'test'
  }
  await writeFile(file, JSON.stringify(config, null, 2), { mode: 0o600 })
}

function isReady(server: string, caPem: string, token: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const req = request(`${server}/readyz`, { ca: caPem, headers: { Authorization: `Bearer ${token}` }, timeout: 5000 }, (res) => {
      res.resume()
      resolve(res.statusCode === 200)
    })
    req.on('timeout', () => req.destroy(new Error('timeout')))
    req.on('error', reject)
    req.end()
  })
}
