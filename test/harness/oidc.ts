// The runner's OIDC token endpoint (ACTIONS_ID_TOKEN_REQUEST_URL): checks the request bearer token and the
// `audience` query as GitHub does, and returns {"value": <a JWT-shaped token>}. Records every request.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'

export interface OidcServer {
  /** ACTIONS_ID_TOKEN_REQUEST_URL (already has a query string, as GitHub's does) */
  url: string
  /** ACTIONS_ID_TOKEN_REQUEST_TOKEN */
  requestToken: string
  /** the ID token handed out (to check that it is masked) */
  idToken: string
  requests: { audience: string | null; authorized: boolean }[]
  stop(): Promise<void>
}

const b64url = (o: object): string => Buffer.from(JSON.stringify(o)).toString('base64url')

export async function startOidc(expectedAudience = 'sts.amazonaws.com'): Promise<OidcServer> {
  const requestToken = `req-${randomBytes(12).toString('hex')}`
  const now = Math.floor(Date.now() / 1000)
  const idToken = [
    b64url({ alg: 'RS256', typ: 'JWT', kid: 'test' }),
    b64url({ iss: 'https://token.actions.githubusercontent.com', aud: expectedAudience, sub: 'repo:example/infra:ref:refs/heads/main', iat: now, exp: now + 3600 }),
    randomBytes(32).toString('base64url')
  ].join('.')
  const requests: OidcServer['requests'] = []
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    const authorized = req.headers.authorization === `Bearer ${requestToken}`
    const audience = url.searchParams.get('audience')
    requests.push({ audience, authorized })
    if (!authorized) {
      res.writeHead(401, { 'content-type': 'application/json' })
      res.end('{"message":"bad request token"}')
      return
    }
    if (audience !== expectedAudience) {
      res.writeHead(400, { 'content-type': 'application/json' })
      res.end(`{"message":"unexpected audience ${audience}"}`)
      return
    }
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ value: idToken }))
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/_apis/token?api-version=2.0`,
    requestToken,
    idToken,
    requests,
    stop: () => new Promise(r => server.close(() => r()))
  }
}
