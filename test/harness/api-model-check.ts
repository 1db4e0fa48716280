// The harness hook that checks every AWS request the action makes against botocore's API models (api-model.ts):
// moto's counting proxy (moto.ts) and the EKS stand-in (eks-standin.ts) call checkAwsRequest before serving a
// request; a violation is answered with a 400 in the service's own protocol (so the action fails) and recorded,
// and test/harness/api-model-jest.ts fails the test that made the call. The stand-in's own responses are checked
// against the output shapes (and its errors against the operation's error list) with checkStandinResponse.
// Requests are counted per mode: run-action.ts tags each run's SDK user agent with `app/kp-test-<mode>`.
import { randomUUID } from 'node:crypto'
import { identifyRequest, wireError, type WireError } from './fault-proxy-protocol.js'
import { checkJsonResponse, checkRequest, describeViolation, loadModel, MODEL_SERVICES, type Violation } from './api-model.js'

/** Set on a request the stand-in already checked before passing it on to moto's proxy. */
export const CHECKED_HEADER = 'x-harness-api-model-checked'

interface Tally {
  /** mode → requests validated */
  validated: Record<string, number>
  violations: Array<Violation & { mode: string }>
}
const tally: Tally = { validated: {}, violations: [] }

export function apiModelTally(): Readonly<Tally> {
  return tally
}

/** Violations recorded since the last call, removed from the record. */
export function takeViolations(): Array<Violation & { mode: string }> {
  return tally.violations.splice(0)
}

function modeOf(headers: Record<string, string | string[] | undefined>): string {
  const ua = `${headers['x-amz-user-agent'] ?? ''} ${headers['user-agent'] ?? ''}`
  return /app\/kp-test-([\w-]+)/.exec(ua)?.[1] ?? 'harness'
}

/** undefined: pass the request on; otherwise the error to answer with. */
export function checkAwsRequest(method: string, url: string, headers: Record<string, string | string[] | undefined>, body: string): WireError | undefined {
  if (url.startsWith('/moto-api') || headers[CHECKED_HEADER]) return undefined
  const id = identifyRequest(method, url, headers, body)
  if (!(MODEL_SERVICES as readonly string[]).includes(id.service)) return undefined
  const mode = modeOf(headers)
  const result = checkRequest(loadModel(id.service), { method, url, headers, body })
  tally.validated[mode] = (tally.validated[mode] ?? 0) + 1
  if (!result.violations.length) return undefined
  tally.violations.push(...result.violations.map(v => ({ ...v, mode })))
  const code = id.protocol === 'rest-json' ? 'InvalidParameterException' : id.protocol === 'json' ? 'ValidationException' : 'ValidationError'
  return wireError(id.protocol, 400, code, `API model check: ${result.violations.map(describeViolation).join('; ')}`, randomUUID())
}

/** The EKS stand-in's answer to `operation`: a 2xx body against the output shape, an error code against the operation's errors. */
export function checkStandinResponse(operation: string, status: number, body: unknown, errorType?: string): void {
  const model = loadModel('eks')
  let violations: Violation[]
  if (status < 300) violations = checkJsonResponse(model, operation, body)
  else {
    const errors = ((model.operations[operation] as { errors?: Array<{ shape: string }> } | undefined)?.errors ?? []).map(e => e.shape)
    violations = errorType && errors.includes(errorType) ? [] : [{ service: 'eks', operation, member: '(response)', rule: 'error', detail: `${errorType ?? 'no error type'} is not an error ${operation} returns (${errors.join(', ')})` }]
  }
  tally.violations.push(...violations.map(v => ({ ...v, mode: 'eks-standin' })))
}
