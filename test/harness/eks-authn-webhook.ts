// A TokenReview webhook that reproduces EKS authentication for the test Kubernetes API (SPEC §7): it takes
// the `k8s-aws-v1.` bearer token of SPEC §5, verifies the presigned STS GetCallerIdentity URL inside it
// (shape, expiry, and the signature over x-k8s-aws-id = this cluster's name, with the key's secret from
// moto), replays the call against moto to learn the caller's ARN, and maps that ARN to a user and groups as
// aws-iam-authenticator does. Anything else is `authenticated: false` with the reason.
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { normaliseMappings, canonicalArn, toKubeUser, type CallerIdentity, type MappedUser, type UserMapping } from './eks-authn-mapping.js'
import { lookupKey, replayGetCallerIdentity } from './eks-authn-sts.js'
import { parseEksToken, signatureMatches, TokenRejected } from './eks-authn-token.js'

export type { UserMapping } from './eks-authn-mapping.js'

export interface EksAuthnWebhookOptions {
  /** moto's URL (also an allowed presign host, with http). */
  stsEndpoint: string
  /** The cluster name the token's x-k8s-aws-id must have been signed with. */
  clusterName: string
  /** `{ role or user ARN → mapping }`; role ARNs may carry a path. */
  mappings?: Record<string, UserMapping>
  /** Consulted when no static mapping matches, e.g. to read the cluster's aws-auth ConfigMap. */
  resolve?: (canonicalArn: string, caller: CallerIdentity) => Promise<UserMapping | undefined>
  /** Serve HTTPS with this certificate (PEM); plain HTTP when absent. */
  tls?: { cert: string; key: string }
}

export interface AuthnDecision {
  authenticated: boolean
  user?: MappedUser
  /** Why a token was rejected. */
  reason?: string
}

export interface EksAuthnWebhook {
  /** The URL kube-apiserver posts TokenReviews to. */
  url: string
  /** Every decision made, oldest first (tests read the reason of a rejection here). */
  decisions: AuthnDecision[]
  setMappings(mappings: Record<string, UserMapping>): void
  /** Decides on one token without HTTP (what the server does per TokenReview). */
  review(token: string): Promise<AuthnDecision>
  stop(): Promise<void>
}

export async function startEksAuthnWebhook(opts: EksAuthnWebhookOptions): Promise<EksAuthnWebhook> {
  let mappings = normaliseMappings(opts.mappings ?? {})
  const decisions: AuthnDecision[] = []
  const motoHost = new URL(opts.stsEndpoint).host

  async function review(token: string): Promise<AuthnDecision> {
    try {
      const presigned = parseEksToken(token, [motoHost])
      const key = await lookupKey(opts.stsEndpoint, presigned.accessKeyId)
      if (!key) throw new TokenRejected(`InvalidClientTokenId: access key ${presigned.accessKeyId} is not known to STS`)
      if (key.sessionToken !== undefined && presigned.securityToken !== key.sessionToken) {
        throw new TokenRejected('InvalidClientTokenId: temporary credentials without their session token')
      }
      if (!signatureMatches(presigned, key.secretAccessKey, opts.clusterName)) {
        throw new TokenRejected(`SignatureDoesNotMatch: not signed for cluster ${opts.clusterName} with that key`)
      }
      const caller = await replayGetCallerIdentity(opts.stsEndpoint, presigned)
      const canonical = canonicalArn(caller.arn)
      const mapping = mappings.get(canonical) ?? (await opts.resolve?.(canonical, caller))
      if (!mapping) throw new TokenRejected(`ARN is not mapped: ${canonical} (from ${caller.arn})`)
      return { authenticated: true, user: toKubeUser(caller, mapping) }
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err)
      return { authenticated: false, reason: err instanceof TokenRejected ? reason : `webhook error: ${reason}` }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body = ''
    for await (const chunk of req) body += String(chunk)
    let apiVersion = 'authentication.k8s.io/v1'
    let decision: AuthnDecision
    try {
      const tr = JSON.parse(body) as { apiVersion?: string; spec?: { token?: string } }
      apiVersion = tr.apiVersion ?? apiVersion
      decision = await review(tr.spec?.token ?? '')
    } catch {
      decision = { authenticated: false, reason: 'request is not a TokenReview' }
    }
    decisions.push(decision)
    const status = decision.authenticated
      ? { authenticated: true, user: decision.user }
      : { authenticated: false, error: decision.reason }
    res.writeHead(200, { 'Content-Type': 'application/json' })
    res.end(JSON.stringify({ apiVersion, kind: 'TokenReview', status }))
  }

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      res.writeHead(500)
      res.end()
    })
  }
  const server: Server = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, listener) : createHttpServer(listener)
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => resolve())
  })
  server.unref()
  const { port } = server.address() as AddressInfo
  return {
    url: `${opts.tls ? 'https' : 'http'}://127.0.0.1:${port}/authenticate`,
    decisions,
    setMappings: (m) => {
      mappings = normaliseMappings(m)
    },
    review,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.()
        server.close(() => resolve())
      })
  }
}
