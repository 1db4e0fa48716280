// The two calls the webhook makes to moto: the secret of an access key (moto's /moto-api/data.json, standing
// in for STS's own key store when it checks a signature) and the GetCallerIdentity replay (SPEC §7).
import type { CallerIdentity } from './eks-authn-mapping.js'
import type { PresignedCallerIdentity } from './eks-authn-token.js'

export interface KeyMaterial {
  secretAccessKey: string
  /** Set for temporary (assumed-role) credentials: STS requires it alongside their signature. */
  sessionToken?: string
}

interface MotoData {
  iam?: { AccessKey?: Array<{ access_key_id?: string; secret_access_key?: string; status?: string }> }
  sts?: { AssumedRole?: Array<{ access_key_id?: string; secret_access_key?: string; session_token?: string }> }
}

// Assumed-role credentials never change once issued (they only expire), so each is read from moto once:
// data.json serialises all of moto's state (seconds with the AWS-managed policies loaded), and an apply
// presents the same credentials in several tokens. IAM user keys are read every time (they can be deactivated).
const assumedKeys = new Map<string, KeyMaterial>()

/** Looks up an access key moto issued (IAM user key or assumed-role credentials). */
export async function lookupKey(motoEndpoint: string, accessKeyId: string): Promise<KeyMaterial | undefined> {
  const cached = assumedKeys.get(`${motoEndpoint} ${accessKeyId}`)
  if (cached) return cached
  const res = await fetch(new URL('/moto-api/data.json', motoEndpoint))
  if (!res.ok) throw new Error(`moto data.json: HTTP ${res.status}`)
  const data = (await res.json()) as MotoData
  const assumed = data.sts?.AssumedRole?.find((r) => r.access_key_id === accessKeyId)
  if (assumed?.secret_access_key) {
    const material = { secretAccessKey: assumed.secret_access_key, sessionToken: assumed.session_token }
    assumedKeys.set(`${motoEndpoint} ${accessKeyId}`, material)
    return material
  }
  const key = data.iam?.AccessKey?.find((k) => k.access_key_id === accessKeyId && k.status !== 'Inactive')
  return key?.secret_access_key ? { secretAccessKey: key.secret_access_key } : undefined
}

/**
 * Replays the presigned call against moto. moto routes the bare presigned GET to S3, but answers this POST
 * (the URL's credential scope in an Authorization header) with the identity of the signing credentials.
 */
export async function replayGetCallerIdentity(motoEndpoint: string, p: PresignedCallerIdentity): Promise<CallerIdentity> {
  const res = await fetch(new URL('/', motoEndpoint), {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: `AWS4-HMAC-SHA256 Credential=${p.accessKeyId}/${p.scope}, SignedHeaders=host, Signature=0`
    },
    body: 'Action=GetCallerIdentity&Version=2011-06-15'
  })
  const body = await res.text()
  if (!res.ok) throw new Error(`STS GetCallerIdentity: HTTP ${res.status}: ${body.slice(0, 300)}`)
  const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1]
  const arn = field('Arn')
  const account = field('Account')
  const userId = field('UserId')
  if (!arn || !account || !userId) throw new Error(`STS GetCallerIdentity: unexpected answer: ${body.slice(0, 300)}`)
  return { arn, account, userId, accessKeyId: p.accessKeyId }
}
