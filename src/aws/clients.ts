// AWS clients, created on first use. Each SDK package is loaded by dynamic import() so that `render`
// (offline) never loads the SDK, and a mode loads only the services it talks to.
//
// Endpoints: the SDK itself honours AWS_ENDPOINT_URL and AWS_ENDPOINT_URL_<SERVICE> (smithy's
// getEndpointUrlConfig), which is how every client can be pointed at another endpoint; nothing to do here.
// Retries: `adaptive` is the SDK's standard retry (throttling, 5xx, transient network errors, jittered
// exponential backoff) plus client-side rate limiting once throttled — the right shape for a matrix of
// runs sharing one account's API quotas.
import type { CloudFormationClient } from '@aws-sdk/client-cloudformation'
import type { IAMClient } from '@aws-sdk/client-iam'
import type { EKSClient } from '@aws-sdk/client-eks'
import type { STSClient } from '@aws-sdk/client-sts'
import type { EC2Client } from '@aws-sdk/client-ec2'
import { explainRetriedCalls, type WithMiddleware } from './retry.js'

/** Static credentials (structurally the SDK's AwsCredentials, without depending on @aws-sdk/types). */
export interface AwsCredentials {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
}

export const SDK_MAX_ATTEMPTS = 5
export const SDK_RETRY_MODE = 'adaptive'

export interface AwsClients {
  region: string
  cfn(): Promise<CloudFormationClient>
  iam(): Promise<IAMClient>
  eks(): Promise<EKSClient>
  sts(): Promise<STSClient>
  ec2(): Promise<EC2Client>
}

export interface ClientConfig {
  region: string
  credentials?: AwsCredentials
  maxAttempts: number
  retryMode: string
}

export function clientConfig(region: string, credentials?: AwsCredentials): ClientConfig {
  // Without credentials the SDK's default chain applies (env, shared files, web identity, IMDS…).
  return { region, ...(credentials ? { credentials } : {}), maxAttempts: SDK_MAX_ATTEMPTS, retryMode: SDK_RETRY_MODE }
}

function lazy<T extends WithMiddleware>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined
  // a call that still fails after the SDK's retries names itself, its target and its tries (aws/retry.ts)
  return () => (made ??= make().then(explainRetriedCalls))
}

export function awsClients(region: string, credentials?: AwsCredentials): AwsClients {
  const config = clientConfig(region, credentials)
  return {
    region,
    cfn: lazy(async () => new (await import('@aws-sdk/client-cloudformation')).CloudFormationClient(config)),
    iam: lazy(async () => new (await import('@aws-sdk/client-iam')).IAMClient(config)),
    eks: lazy(async () => new (await import('@aws-sdk/client-eks')).EKSClient(config)),
    sts: lazy(async () => new (await import('@aws-sdk/client-sts')).STSClient(config)),
    ec2: lazy(async () => new (await import('@aws-sdk/client-ec2')).EC2Client(config))
  }
}
