// The aws-auth ConfigMap source of aws-iam-authenticator: on EKS (authentication mode CONFIG_MAP or
// API_AND_CONFIG_MAP) a caller that no access entry matches is looked up in kube-system/aws-auth
// mapRoles/mapUsers. The test webhook reads the live ConfigMap on each review, so a mapping the action
// writes takes effect at once, as on EKS.
import { request } from 'node:https'
import { parse } from 'yaml'
import type { UserMapping } from './eks-authn-mapping.js'

interface AwsAuthEntry { rolearn?: string; userarn?: string; username?: string; groups?: string[] }

export interface ApiAccess { server: string; caPem: string; token: string }

/** The mapping aws-auth gives `arn` (canonical, path-less role ARN or user ARN); undefined also when aws-auth is absent. */
export async function lookupAwsAuth(api: ApiAccess, arn: string): Promise<UserMapping | undefined> {
  const cm = await getConfigMap(api)
  if (!cm) return undefined
  const entries = [...asEntries(cm.mapRoles), ...asEntries(cm.mapUsers)]
  // Compared as written, case-insensitively: EKS documents that an aws-auth rolearn "cannot include a path"
  // (the caller's assumed-role ARN has none), so an entry with a path never matches — a real pitfall.
  const hit = entries.find((e) => (e.rolearn ?? e.userarn)?.toLowerCase() === arn.toLowerCase())
  // aws-iam-authenticator defaults the username to the ARN when the entry has none.
  return hit ? { username: hit.username ?? arn, groups: hit.groups ?? [] } : undefined
}

function asEntries(text: string | undefined): AwsAuthEntry[] {
  if (!text) return []
  const parsed: unknown = parse(text)
  return Array.isArray(parsed) ? (parsed as AwsAuthEntry[]) : []
}

function getConfigMap(api: ApiAccess): Promise<Record<string, string> | undefined> {
  return new Promise((resolve, reject) => {
    const req = request(`${api.server}/api/v1/namespaces/kube-system/configmaps/aws-auth`, {
      ca: api.caPem,
      headers: { Authorization: `Bearer ${api.token}`, Accept: 'application/json' },
      timeout: 10_000
    }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (c: string) => (body += c))
      res.on('end', () => {
        if (res.statusCode === 404) return resolve(undefined)
        if (res.statusCode !== 200) return reject(new Error(`aws-auth: HTTP ${res.statusCode}: ${body.slice(0, 200)}`))
        resolve((JSON.parse(body) as { data?: Record<string, string> }).data ?? {})
      })
    })
    req.on('timeout', () => req.destroy(new Error('aws-auth: timeout')))
    req.on('error', reject)
    req.end()
  })
}
