// An answer from the Kubernetes API that was not a success, with what the API server said about it
// (its Status object), so callers can branch on `status`/`reason` and users read the server's own words.
import { ProvisionError } from '../core/errors.js'

export class KubeApiError extends ProvisionError {
  override readonly name: string = 'KubeApiError'
  constructor(
    readonly status: number,
    /** the Status `reason` (NotFound, AlreadyExists, Conflict, Forbidden, ...), or the HTTP status text */
    readonly reason: string,
    /** the server's message, or the start of the body when it was not a Status */
    readonly serverMessage: string,
    readonly method: string,
    readonly path: string
  ) {
    super(`Kubernetes API ${method} ${path} failed: ${status} ${reason}: ${serverMessage}${hint(status)}`)
  }
}

function hint(status: number): string {
  if (status === 401) return ' (the credentials were not accepted: an expired token, or a kubeconfig for another cluster?)'
  if (status === 403) return ' (the identity is not allowed this: on EKS, does the deploying role have cluster-admin through an access entry or aws-auth?)'
  return ''
}

export function isNotFound(e: unknown): boolean {
  return e instanceof KubeApiError && e.status === 404
}

export function isConflict(e: unknown): boolean {
  return e instanceof KubeApiError && e.status === 409
}

/** 409 on create: the object is already there (a Conflict on update is about resourceVersion instead). */
export function isAlreadyExists(e: unknown): boolean {
  return e instanceof KubeApiError && e.status === 409 && e.reason === 'AlreadyExists'
}
