// What an AWS request is (service, action) and how an AWS error looks on the wire, per protocol. The
// fault proxy needs both: to match its plan and count calls by action, and to answer with an error the
// SDK parses exactly as it would parse the real service's (so its retry logic sees a real Throttling).
//
// Protocols of the SDK clients this project uses (checked in node_modules/@aws-sdk/client-*/dist-cjs):
//   STS, IAM, CloudFormation → awsQuery (form body `Action=…`, XML errors)
//   EC2                       → ec2Query (form body `Action=…`, XML errors in <Response><Errors>)
//   EKS                       → restJson1 (the action is the method + path; `x-amzn-ErrorType` header)
//   SQS                       → awsJson1_0 (header `X-Amz-Target: AmazonSQS.<Action>`, JSON errors)

export type Protocol = 'query' | 'ec2' | 'json' | 'rest-json'

export interface RequestIdentity {
  /** signing name from the credential scope (`sts`, `iam`, `cloudformation`, `eks`…), or guessed */
  service: string
  /** the API action, e.g. `CreateChangeSet`; for unknown REST routes `METHOD /path` */
  action: string
  protocol: Protocol
}

/** `Credential=AKID/20250101/us-west-2/cloudformation/aws4_request` → `cloudformation`. */
function signingService(authorization: string | undefined): string | undefined {
  const m = /Credential=[^/]+\/\d{8}\/[^/]+\/([^/]+)\/aws4_request/.exec(authorization ?? '')
  return m?.[1]
}

function formAction(body: string, query: string): string | undefined {
  const fromBody = new URLSearchParams(body).get('Action')
  return fromBody ?? new URLSearchParams(query).get('Action') ?? undefined
}

// EKS's REST routes for the calls an action like ours makes; anything else is named by its method and path.
const EKS_ROUTES: Array<[string, RegExp, string]> = [
  ['GET', /^\/clusters$/, 'ListClusters'],
  ['GET', /^\/clusters\/[^/]+$/, 'DescribeCluster'],
  ['POST', /^\/clusters\/[^/]+\/update-config$/, 'UpdateClusterConfig'],
  ['GET', /^\/clusters\/[^/]+\/access-entries$/, 'ListAccessEntries'],
  ['POST', /^\/clusters\/[^/]+\/access-entries$/, 'CreateAccessEntry'],
  ['GET', /^\/clusters\/[^/]+\/access-entries\/[^/]+$/, 'DescribeAccessEntry'],
  ['POST', /^\/clusters\/[^/]+\/access-entries\/[^/]+$/, 'UpdateAccessEntry'],
  ['DELETE', /^\/clusters\/[^/]+\/access-entries\/[^/]+$/, 'DeleteAccessEntry'],
  ['POST', /^\/clusters\/[^/]+\/access-entries\/[^/]+\/access-policies$/, 'AssociateAccessPolicy'],
  ['GET', /^\/clusters\/[^/]+\/pod-identity-associations$/, 'ListPodIdentityAssociations'],
  ['POST', /^\/clusters\/[^/]+\/pod-identity-associations$/, 'CreatePodIdentityAssociation'],
  ['GET', /^\/clusters\/[^/]+\/pod-identity-associations\/[^/]+$/, 'DescribePodIdentityAssociation'],
  ['POST', /^\/clusters\/[^/]+\/pod-identity-associations\/[^/]+$/, 'UpdatePodIdentityAssociation'],
  ['DELETE', /^\/clusters\/[^/]+\/pod-identity-associations\/[^/]+$/, 'DeletePodIdentityAssociation'],
  ['GET', /^\/clusters\/[^/]+\/node-groups$/, 'ListNodegroups'],
  ['GET', /^\/clusters\/[^/]+\/addons$/, 'ListAddons']
]

export function identifyRequest(method: string, url: string, headers: Record<string, string | string[] | undefined>, body: string): RequestIdentity {
  const [path = '/', query = ''] = url.split('?', 2)
  const header = (name: string): string | undefined => {
    const v = headers[name.toLowerCase()]
    return Array.isArray(v) ? v[0] : v
  }
  const target = header('x-amz-target')
  const signed = signingService(header('authorization'))
  if (target) {
    const [prefix = '', action = target] = target.split('.', 2)
    return { service: signed ?? prefix.toLowerCase(), action, protocol: 'json' }
  }
  const action = formAction(body, query)
  if (action) {
    // STS AssumeRoleWithWebIdentity is unsigned: no credential scope to read the service from.
    const service = signed ?? (/^AssumeRole|^GetCallerIdentity$/.test(action) ? 'sts' : 'unknown')
    return { service, action, protocol: service === 'ec2' ? 'ec2' : 'query' }
  }
  const service = signed ?? 'unknown'
  const route = service === 'eks' ? EKS_ROUTES.find(([m, re]) => m === method && re.test(decodeURIComponent(path))) : undefined
  return { service, action: route?.[2] ?? `${method} ${path}`, protocol: 'rest-json' }
}

/** Actions that change something. Used to assert that a refused run made no AWS mutation at all. */
export function isMutation(action: string): boolean {
  return /^(Create|Delete|Put|Update|Attach|Detach|Tag|Untag|Execute|Associate|Disassociate|Add|Remove|Set|Enable|Disable|Modify|Run|Terminate|Upload|Cancel|Continue|Rollback|Signal|Send|Purge|Change|Reset|Register|Deregister|Import|Start|Stop)/.test(action)
}

export interface WireError {
  status: number
  headers: Record<string, string>
  body: string
}

const xmlEscape = (s: string): string => s.replace(/[<>&'"]/g, c => `&#${c.charCodeAt(0)};`)

/** An AWS error response in the protocol's own shape. `sender` picks the XML <Type> (Sender/Receiver). */
export function wireError(protocol: Protocol, status: number, code: string, message: string, requestId: string): WireError {
  const sender = status < 500
  switch (protocol) {
    case 'query':
      return {
        status,
        headers: { 'content-type': 'text/xml', 'x-amzn-requestid': requestId },
        body:
          `<ErrorResponse><Error><Type>${sender ? 'Sender' : 'Receiver'}</Type><Code>${xmlEscape(code)}</Code>` +
          `<Message>${xmlEscape(message)}</Message></Error><RequestId>${requestId}</RequestId></ErrorResponse>`
      }
    case 'ec2':
      return {
        status,
        headers: { 'content-type': 'text/xml;charset=UTF-8' },
        body: `<Response><Errors><Error><Code>${xmlEscape(code)}</Code><Message>${xmlEscape(message)}</Message></Error></Errors><RequestID>${requestId}</RequestID></Response>`
      }
    case 'json':
      return {
        status,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': requestId },
        body: JSON.stringify({ __type: code, message })
      }
    case 'rest-json':
      return {
        status,
        headers: { 'content-type': 'application/json', 'x-amzn-errortype': code, 'x-amzn-requestid': requestId },
        body: JSON.stringify({ message })
      }
  }
}

/** The throttling error each protocol's services actually send. */
export function throttlingError(protocol: Protocol, requestId: string): WireError {
  switch (protocol) {
    case 'query':
      return wireError(protocol, 400, 'Throttling', 'Rate exceeded', requestId)
    case 'ec2':
      return wireError(protocol, 503, 'RequestLimitExceeded', 'Request limit exceeded.', requestId)
    case 'json':
      return wireError(protocol, 400, 'ThrottlingException', 'Rate exceeded', requestId)
    case 'rest-json':
      return wireError(protocol, 429, 'ThrottlingException', 'Rate exceeded', requestId)
  }
}

/** A 500 (InternalFailure) or 503 (ServiceUnavailable) in the protocol's shape. */
export function serverError(protocol: Protocol, status: 500 | 503, requestId: string): WireError {
  const code = status === 503 ? (protocol === 'rest-json' || protocol === 'json' ? 'ServiceUnavailableException' : 'ServiceUnavailable') : 'InternalFailure'
  const message = status === 503 ? 'Service is unavailable, try again later.' : 'An internal error occurred.'
  return wireError(protocol, status, code, message, requestId)
}
