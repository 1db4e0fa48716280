// A stand-in for the EKS APIs moto answers 404 for (SPEC §7): Pod Identity associations, DescribeAddon and access
// entries, kept in memory, in front of moto — every other request is passed on untouched to `upstream` (moto's
// counting proxy from moto.ts, so its call counts still hold). What it checks is what these tests rely on, not
// everything EKS checks: say so wherever a result was verified against the stand-in only.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import { recordRequest, type RecordedRequest } from './aws-request-record.js'
import { checkAwsRequest, checkStandinResponse, CHECKED_HEADER } from './api-model-check.js'
import { EKSClient } from '@aws-sdk/client-eks'
import { startMoto, type Moto } from './moto.js'

export interface StandinAssociation {
  clusterName: string
  namespace: string
  serviceAccount: string
  roleArn: string
  associationId: string
  associationArn: string
  tags: Record<string, string>
  createdAt: number
  modifiedAt: number
}

export interface StandinCall {
  /** EKS operation name, e.g. CreatePodIdentityAssociation */
  action: string
  status: number
  cluster: string
  /** the request's service, operation and parameters (test/harness/aws-request-record.ts) */
  request?: RecordedRequest
}

export type AddonState = 'ACTIVE' | 'CREATING' | 'DEGRADED' | 'missing'

export interface EksStandin {
  /** give this to AWS_ENDPOINT_URL */
  endpoint: string
  calls: StandinCall[]
  count(action: string): number
  associations(): StandinAssociation[]
  /** an association made outside the action (by eksctl or by hand) */
  seedAssociation(a: Pick<StandinAssociation, 'clusterName' | 'namespace' | 'serviceAccount' | 'roleArn'> & { tags?: Record<string, string> }): StandinAssociation
  /** the eks-pod-identity-agent addon's state on every cluster (default ACTIVE) */
  setAgent(state: AddonState): void
  accessEntries(): { clusterName: string; principalArn: string; type: string }[]
  reset(): void
  stop(): Promise<void>
}

const ACCOUNT = '123456789012'

/** What the stand-in answered on each response, for the output-shape check. */
const sent = new WeakMap<ServerResponse, { body: unknown; errorType?: string }>()

function send(res: ServerResponse, status: number, body: unknown, errorType?: string): void {
  sent.set(res, { body, errorType })
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (errorType) headers['x-amzn-errortype'] = errorType
  res.writeHead(status, headers)
  res.end(JSON.stringify(body))
}

/** As EKS answers: a resource without tags has no `tags` member (the model's TagMap holds 1–50 entries). */
function wire<T extends { tags?: Record<string, string> }>(r: T): T {
  if (r.tags && Object.keys(r.tags).length === 0) {
    const { tags: _tags, ...rest } = r
    return rest as T
  }
  return r
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', c => chunks.push(c as Buffer))
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

export async function startEksStandin(upstream: string): Promise<EksStandin> {
  const up = new URL(upstream)
  let associations = new Map<string, StandinAssociation>()
  let entries = new Map<string, { clusterName: string; principalArn: string; type: string; tags: Record<string, string> }>()
  let agent: AddonState = 'ACTIVE'
  const calls: StandinCall[] = []

  const makeAssociation = (a: Pick<StandinAssociation, 'clusterName' | 'namespace' | 'serviceAccount' | 'roleArn'> & { tags?: Record<string, string> }): StandinAssociation => {
    const id = `a-${randomBytes(9).toString('hex').slice(0, 17)}`
    const now = Date.now() / 1000
    const made: StandinAssociation = {
      ...a,
      tags: a.tags ?? {},
      associationId: id,
      associationArn: `arn:aws:eks:us-west-2:${ACCOUNT}:podidentityassociation/${a.clusterName}/${id}`,
      createdAt: now,
      modifiedAt: now
    }
    associations.set(id, made)
    return made
  }

  /** The EKS routes it serves; undefined for anything to pass on to moto. */
  async function handle(req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<StandinCall | undefined> {
    const url = new URL(req.url ?? '/', 'http://standin')
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent)
    if (parts[0] !== 'clusters' || parts.length < 3) return undefined
    const cluster = parts[1]
    const json = (): Record<string, unknown> => (body.length ? (JSON.parse(body.toString('utf8')) as Record<string, unknown>) : {})
    const call = (action: string, status: number): StandinCall => ({ action, status, cluster })
    const notFound = (action: string, what: string): StandinCall => {
      send(res, 404, { message: `No ${what} found`, clusterName: cluster }, 'ResourceNotFoundException')
      return call(action, 404)
    }

    if (parts[2] === 'pod-identity-associations') {
      const id = parts[3]
      if (!id && req.method === 'GET') {
        const ns = url.searchParams.get('namespace')
        const sa = url.searchParams.get('serviceAccount')
        const found = [...associations.values()].filter(a => a.clusterName === cluster && (!ns || a.namespace === ns) && (!sa || a.serviceAccount === sa))
        send(res, 200, { associations: found.map(({ clusterName, namespace, serviceAccount, associationArn, associationId }) => ({ clusterName, namespace, serviceAccount, associationArn, associationId })) })
        return call('ListPodIdentityAssociations', 200)
      }
      if (!id && req.method === 'POST') {
        const b = json() as { namespace?: string; serviceAccount?: string; roleArn?: string; tags?: Record<string, string> }
        if (!b.namespace || !b.serviceAccount || !/^arn:aws[-a-z]*:iam::\d{12}:role\/.+/.test(b.roleArn ?? '')) {
          send(res, 400, { message: 'namespace, serviceAccount and a role ARN are required' }, 'InvalidParameterException')
          return call('CreatePodIdentityAssociation', 400)
        }
        // EKS allows one association per service account.
        if ([...associations.values()].some(a => a.clusterName === cluster && a.namespace === b.namespace && a.serviceAccount === b.serviceAccount)) {
          send(res, 409, { message: 'Association already exists' }, 'ResourceInUseException')
          return call('CreatePodIdentityAssociation', 409)
        }
        const made = makeAssociation({ clusterName: cluster, namespace: b.namespace, serviceAccount: b.serviceAccount, roleArn: b.roleArn!, tags: b.tags })
        send(res, 200, { association: wire(made) })
        return call('CreatePodIdentityAssociation', 200)
      }
      const found = id ? associations.get(id) : undefined
      const action = req.method === 'GET' ? 'DescribePodIdentityAssociation' : req.method === 'DELETE' ? 'DeletePodIdentityAssociation' : 'UpdatePodIdentityAssociation'
      if (!found || found.clusterName !== cluster) return notFound(action, `association ${id}`)
      if (req.method === 'GET') send(res, 200, { association: wire(found) })
      else if (req.method === 'DELETE') {
        associations.delete(found.associationId)
        send(res, 200, { association: wire(found) })
      } else {
        const b = json() as { roleArn?: string }
        if (b.roleArn) found.roleArn = b.roleArn
        found.modifiedAt = Date.now() / 1000
        send(res, 200, { association: wire(found) })
      }
      return call(action, 200)
    }

    if (parts[2] === 'addons' && parts[3] && req.method === 'GET') {
      if (parts[3] !== 'eks-pod-identity-agent' || agent === 'missing') return notFound('DescribeAddon', `addon ${parts[3]}`)
      send(res, 200, { addon: { addonName: parts[3], clusterName: cluster, status: agent, addonVersion: 'v1.3.4-eksbuild.1', health: { issues: [] } } })
      return call('DescribeAddon', 200)
    }

    if (parts[2] === 'access-entries') {
      const principal = parts[3]
      if (!principal && req.method === 'POST') {
        const b = json() as { principalArn?: string; type?: string; tags?: Record<string, string> }
        const key = `${cluster} ${b.principalArn}`
        if (entries.has(key)) {
          send(res, 409, { message: 'The specified access entry resource is already in use on this cluster.' }, 'ResourceInUseException')
          return call('CreateAccessEntry', 409)
        }
        const entry = { clusterName: cluster, principalArn: b.principalArn ?? '', type: b.type ?? 'STANDARD', tags: b.tags ?? {} }
        entries.set(key, entry)
        send(res, 200, { accessEntry: wire(entry) })
        return call('CreateAccessEntry', 200)
      }
      const key = `${cluster} ${principal}`
      const action = req.method === 'DELETE' ? 'DeleteAccessEntry' : 'DescribeAccessEntry'
      const entry = entries.get(key)
      if (!entry) return notFound(action, `access entry ${principal}`)
      if (req.method === 'DELETE') entries.delete(key)
      send(res, 200, req.method === 'DELETE' ? {} : { accessEntry: wire(entry) })
      return call(action, 200)
    }
    return undefined
  }

  const server: Server = createServer((req, res) => {
    readBody(req)
      .then(async body => {
        const refusal = checkAwsRequest(req.method ?? 'GET', req.url ?? '/', req.headers, body.toString('utf8'))
        if (refusal) {
          res.writeHead(refusal.status, refusal.headers)
          res.end(refusal.body)
          return
        }
        const served = await handle(req, res, body)
        if (served) {
          calls.push({ ...served, request: recordRequest(req, body) })
          checkStandinResponse(served.action, served.status, sent.get(res)?.body, sent.get(res)?.errorType)
          return
        }
        const headers = { ...req.headers, [CHECKED_HEADER]: '1' }
        const forward = request({ host: up.hostname, port: up.port, method: req.method, path: req.url, headers }, answer => {
          res.writeHead(answer.statusCode ?? 502, answer.headers)
          answer.pipe(res)
        })
        forward.on('error', e => {
          res.writeHead(502)
          res.end(String(e))
        })
        forward.end(body)
      })
      .catch(e => {
        res.writeHead(500)
        res.end(String(e))
      })
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  return {
    endpoint,
    calls,
    count: action => calls.filter(c => c.action === action && c.status < 300).length,
    associations: () => [...associations.values()].map(a => ({ ...a, tags: { ...a.tags } })),
    seedAssociation: a => makeAssociation(a),
    setAgent: s => void (agent = s),
    accessEntries: () => [...entries.values()].map(({ clusterName, principalArn, type }) => ({ clusterName, principalArn, type })),
    reset: () => {
      associations = new Map()
      entries = new Map()
      agent = 'ACTIVE'
      calls.splice(0)
    },
    stop: () => new Promise<void>(r => server.close(() => r()))
  }
}

export interface EksOverMoto {
  moto: Moto
  standin: EksStandin
  /** an EKS client pointed at the stand-in (what it does not serve goes on to moto) */
  eks: EKSClient
  stop(): Promise<void>
}

/** moto, the stand-in in front of it and an EKS client for it: the set-up of the tests that call EKS executors directly. */
export async function startEksOverMoto(region = 'us-west-2'): Promise<EksOverMoto> {
  const moto = await startMoto()
  const standin = await startEksStandin(moto.endpoint)
  const eks = new EKSClient({ region, endpoint: standin.endpoint, credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake-secret' } })
  return {
    moto,
    standin,
    eks,
    stop: async () => {
      eks.destroy()
      await standin.stop()
      await moto.stop()
    }
  }
}
