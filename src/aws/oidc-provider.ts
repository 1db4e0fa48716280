// The cluster's IAM OIDC provider, which IRSA trust policies name. Found by its ARN (which ends in the
// issuer's host/path) or created — once: running twice changes nothing.
//
// Thumbprint: IAM still requires one on CreateOpenIDConnectProvider, but since 2023 it no longer uses it
// for issuers whose certificates chain to a CA it trusts, which includes every EKS issuer
// (oidc.eks.<region>.amazonaws.com). We compute the SHA-1 of the top certificate of the issuer's TLS chain
// when the issuer is reachable (as eksctl does) and otherwise fall back to the root CA thumbprint that
// eksctl and Terraform have used for EKS issuers (Amazon's Starfield-signed chain).
import type { IAMClient } from '@aws-sdk/client-iam'
import { issuerHostPath } from '../core/names.js'
import { connect, type DetailedPeerCertificate } from 'node:tls'
import { info } from '../runner/log.js'
import { isAwsError } from '../core/errors.js'

export const EKS_ROOT_CA_THUMBPRINT = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280'
export const STS_AUDIENCE = 'sts.amazonaws.com'

export interface OidcProviderResult {
  arn: string
  created: boolean
}

export type ThumbprintFetcher = (issuerUrl: string) => Promise<string | undefined>

/** SHA-1 (hex, lower case, no colons) of the last certificate of the issuer's chain; undefined if unreachable. */
export const tlsThumbprint: ThumbprintFetcher = issuerUrl =>
  new Promise(resolve => {
    let url: URL
    try {
      url = new URL(issuerUrl)
    } catch {
      return resolve(undefined) // not a URL: no thumbprint, as for an issuer that cannot be reached
    }
    const socket = connect({ host: url.hostname, port: Number(url.port || 443), servername: url.hostname, timeout: 5000 })
    const done = (v: string | undefined): void => {
      socket.destroy()
      resolve(v)
    }
    socket.once('secureConnect', () => {
      let cert = socket.getPeerCertificate(true) as DetailedPeerCertificate
      // walk to the top of the chain (a self-signed cert is its own issuer)
      while (cert?.issuerCertificate && cert.issuerCertificate !== cert && cert.issuerCertificate.fingerprint) cert = cert.issuerCertificate
      done(cert?.fingerprint ? cert.fingerprint.replace(/:/g, '').toLowerCase() : undefined)
    })
    socket.once('timeout', () => done(undefined))
    socket.once('error', () => done(undefined))
  })

export async function findOidcProvider(iam: IAMClient, issuerUrl: string): Promise<string | undefined> {
  const { ListOpenIDConnectProvidersCommand } = await import('@aws-sdk/client-iam')
  const want = `:oidc-provider/${issuerHostPath(issuerUrl)}`
  const out = await iam.send(new ListOpenIDConnectProvidersCommand({}))
  return out.OpenIDConnectProviderList?.map(p => p.Arn ?? '').find(arn => arn.endsWith(want))
}

export async function ensureOidcProvider(
  iam: IAMClient,
  issuerUrl: string,
  opts: { cluster: string; thumbprint?: ThumbprintFetcher; found?: { arn?: string } } = { cluster: '' }
): Promise<OidcProviderResult> {
  // found: the look-up made already (apply makes it alongside its other reads, before any change)
  const existing = opts.found ? opts.found.arn : await findOidcProvider(iam, issuerUrl)
  if (existing) return { arn: existing, created: false }
  const { CreateOpenIDConnectProviderCommand } = await import('@aws-sdk/client-iam')
  const thumb = (await (opts.thumbprint ?? tlsThumbprint)(issuerUrl)) ?? EKS_ROOT_CA_THUMBPRINT
  try {
    const out = await iam.send(
      new CreateOpenIDConnectProviderCommand({
        Url: issuerUrl,
        ClientIDList: [STS_AUDIENCE],
        ThumbprintList: [thumb],
        Tags: opts.cluster ? [{ Key: 'alpha.eksctl.io/cluster-name', Value: opts.cluster }] : undefined
      })
    )
    info(`Created IAM OIDC provider ${out.OpenIDConnectProviderArn} for ${issuerUrl}.`)
    return { arn: out.OpenIDConnectProviderArn ?? '', created: true }
  } catch (err) {
    // another run created it between our list and create: that is the state we wanted
    if (isAwsError(err, 'EntityAlreadyExistsException')) {
      const arn = await findOidcProvider(iam, issuerUrl)
      if (arn) return { arn, created: false }
    }
    throw err
  }
}
