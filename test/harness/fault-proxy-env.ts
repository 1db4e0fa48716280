// The AWS side of the fault and bad-input suites, in one piece: moto (test/harness/moto.ts), the runner's
// OIDC endpoint (test/harness/oidc.ts) and the fault proxy in front of moto, plus a way to run the bundled
// action against them and to read back what exists in moto afterwards.
import { CloudFormationClient, ListStacksCommand, type StackStatus } from '@aws-sdk/client-cloudformation'
import { IAMClient, ListInstanceProfilesCommand, ListOpenIDConnectProvidersCommand, ListRolesCommand } from '@aws-sdk/client-iam'
import { startMoto, type Moto } from './moto.js'
import { startOidc, type OidcServer } from './oidc.js'
import { startFaultProxy, type FaultProxy } from './fault-proxy.js'
import { runAction, startAction, type ActionResult, type RunningAction, type RunActionOptions } from './run-action.js'

export const TEST_REGION = 'us-west-2'
export const TEST_ACCOUNT = '123456789012'
export const DEPLOYER_ROLE = `arn:aws:iam::${TEST_ACCOUNT}:role/karpenter-deployer`

export interface AwsState {
  /** stacks not DELETE_COMPLETE, `name → status` */
  stacks: Record<string, string>
  roles: string[]
  instanceProfiles: string[]
  oidcProviders: string[]
}

export interface FaultEnv {
  moto: Moto
  oidc: OidcServer
  proxy: FaultProxy
  /** an ACTIVE EKS cluster in moto, Kubernetes `version` (default 1.32) */
  cluster(name: string, version?: string): Promise<void>
  /** the action with role-to-assume, the OIDC endpoint and AWS_ENDPOINT_URL → the fault proxy */
  run(opts: ActionRunOptions): Promise<ActionResult>
  start(opts: ActionRunOptions): RunningAction
  /** what exists in moto right now (read directly, not through the proxy) */
  awsState(): Promise<AwsState>
  stop(): Promise<void>
}

export type ActionRunOptions = Omit<RunActionOptions, 'awsEndpoint' | 'oidc'> & { withoutRole?: boolean }

const LIVE: StackStatus[] = [
  'CREATE_IN_PROGRESS', 'CREATE_FAILED', 'CREATE_COMPLETE', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_FAILED', 'ROLLBACK_COMPLETE',
  'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_COMPLETE',
  'UPDATE_FAILED', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_FAILED', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
  'UPDATE_ROLLBACK_COMPLETE', 'REVIEW_IN_PROGRESS'
] as StackStatus[]

export async function startFaultEnv(): Promise<FaultEnv> {
  const moto = await startMoto()
  const oidc = await startOidc()
  // through moto's proxy, so every request that gets past the faults is checked against the API models
  const proxy = await startFaultProxy({ target: moto.endpoint })
  const direct = { region: TEST_REGION, endpoint: moto.directEndpoint, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } }
  const cfn = new CloudFormationClient(direct)
  const iam = new IAMClient(direct)

  const withAws = (opts: ActionRunOptions): RunActionOptions => ({
    ...opts,
    inputs: { ...(opts.withoutRole ? {} : { 'role-to-assume': DEPLOYER_ROLE }), ...opts.inputs },
    awsEndpoint: proxy.endpoint,
    oidc: { url: oidc.url, token: oidc.requestToken },
    env: { AWS_REGION: TEST_REGION, ...opts.env }
  })

  return {
    moto,
    oidc,
    proxy,
    cluster: async (name, version = '1.32') => void (await moto.cluster({ name, region: TEST_REGION, version, status: 'ACTIVE' })),
    run: opts => runAction(withAws(opts)),
    start: opts => startAction(withAws(opts)),
    awsState: async () => {
      const stacks: Record<string, string> = {}
      for (const s of (await cfn.send(new ListStacksCommand({ StackStatusFilter: LIVE }))).StackSummaries ?? []) {
        if (s.StackName) stacks[s.StackName] = s.StackStatus ?? ''
      }
      const roles = ((await iam.send(new ListRolesCommand({}))).Roles ?? []).map(r => r.RoleName ?? '')
      const instanceProfiles = ((await iam.send(new ListInstanceProfilesCommand({}))).InstanceProfiles ?? []).map(p => p.InstanceProfileName ?? '')
      const oidcProviders = ((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList ?? []).map(p => p.Arn ?? '')
      return { stacks, roles, instanceProfiles, oidcProviders }
    },
    stop: async () => {
      cfn.destroy()
      iam.destroy()
      await proxy.close()
      await oidc.stop()
      await moto.stop()
    }
  }
}

/** A ClusterConfig for `name` with Karpenter `version`; `extra` is appended verbatim (more top-level keys). */
export function clusterConfig(name: string, opts: { karpenter?: string; kubernetes?: string; extra?: string } = {}): string {
  return [
    'apiVersion: eksctl.io/v1alpha5',
    'kind: ClusterConfig',
    'metadata:',
    `  name: ${name}`,
    `  region: ${TEST_REGION}`,
    `  version: '${opts.kubernetes ?? '1.32'}'`,
    'iam:',
    '  withOIDC: true',
    'karpenter:',
    `  version: '${opts.karpenter ?? '1.2.1'}'`,
    '  withSpotInterruptionQueue: true',
    opts.extra ?? ''
  ].join('\n')
}

/** apply without the Kubernetes half: the inputs the fault and bad-input suites run with. */
export const AWS_ONLY = { mode: 'apply', 'install-chart': 'false', 'node-access': 'none' } as const
