// Credentials for the run. With `role-to-assume`: the workflow's OIDC token → STS
// AssumeRoleWithWebIdentity (the anchor action's flow, but retrying only what can succeed on retry).
// Without it: undefined, so every client uses the SDK's default chain (env, profiles, IMDS…).
import { getIDToken } from '@actions/core'
import { info, setSecret } from '../runner/log.js'
import type { Inputs } from '../core/inputs.js'
import type { AwsCredentials } from './clients.js'
import { withRetry, type Sleep } from './retry.js'
import { ProvisionError, awsErrorName, errorMessage } from '../core/errors.js'

export interface CredentialDeps {
  /** the toolkit's getIDToken; injectable for tests */
  getIdToken?: (audience: string) => Promise<string>
  env?: NodeJS.ProcessEnv
  sleep?: Sleep
  signal?: AbortSignal
}

export class MissingIdTokenPermissionError extends ProvisionError {
  override readonly name: string = 'MissingIdTokenPermissionError'
}

type CredentialInputs = Pick<Inputs, 'roleToAssume' | 'audience' | 'roleSessionName' | 'roleDurationSeconds'>

/** The OIDC token of this job, masked. Fails clearly when the workflow did not grant `id-token: write`. */
export async function workflowIdToken(audience: string, deps: CredentialDeps = {}): Promise<string> {
  const env = deps.env ?? process.env
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new MissingIdTokenPermissionError(
      'role-to-assume is set but this job cannot request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set). ' +
        'Add `permissions: id-token: write` (and `contents: read`) to the workflow or job, ' +
        'or remove role-to-assume to use the ambient AWS credentials.'
    )
  }
  const token = await withRetry(() => (deps.getIdToken ?? getIDToken)(audience), {
    attempts: 4,
    sleep: deps.sleep,
    signal: deps.signal,
    // the toolkit wraps HTTP failures in plain Errors: retry only on 5xx/network words, never on 4xx
    retryable: err => /Error Code : 5\d\d|ECONNRESET|ETIMEDOUT|socket hang up/i.test(errorMessage(err))
  })
  setSecret(token)
  return token
}

export async function resolveCredentials(inputs: CredentialInputs, region: string, deps: CredentialDeps = {}): Promise<AwsCredentials | undefined> {
  if (!inputs.roleToAssume) {
    info('Using the ambient AWS credentials (no role-to-assume).')
    return undefined
  }
  const token = await workflowIdToken(inputs.audience, deps)
  const { STSClient, AssumeRoleWithWebIdentityCommand } = await import('@aws-sdk/client-sts')
  // maxAttempts 1: our own retry decides (it also covers IDPCommunicationError, which the SDK does not retry).
  const sts = new STSClient({ region, maxAttempts: 1 })
  const out = await withRetry(
    () =>
      sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: inputs.roleToAssume,
          RoleSessionName: inputs.roleSessionName,
          DurationSeconds: inputs.roleDurationSeconds,
          WebIdentityToken: token
        })
      ),
    {
      sleep: deps.sleep,
      signal: deps.signal,
      onRetry: (err, attempt, delay) => info(`AssumeRoleWithWebIdentity failed (${awsErrorName(err)}); retry ${attempt} in ${delay} ms`),
      what: `AssumeRoleWithWebIdentity on RoleArn ${inputs.roleToAssume}`
    }
  )
  const c = out.Credentials
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
    throw new Error(`STS AssumeRoleWithWebIdentity for ${inputs.roleToAssume} returned no credentials`)
  }
  setSecret(c.AccessKeyId)
  setSecret(c.SecretAccessKey)
  setSecret(c.SessionToken)
  info(`Assumed ${out.AssumedRoleUser?.Arn ?? inputs.roleToAssume} (session ${inputs.roleSessionName}).`)
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration }
}
