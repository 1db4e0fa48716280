// Reads every input once into one typed object (SPEC §3). Bad values are local mistakes: they fail
// at once with the input's name, the value and what is expected, before any AWS call.
import type { ControllerIdentityChoice, Inputs, Mode, NodeAccess } from './types.js'

export const MODES: readonly Mode[] = ['apply', 'plan', 'drift', 'delete', 'render']
const NODE_ACCESS: readonly NodeAccess[] = ['auto', 'access-entry', 'aws-auth', 'none']
const IDENTITIES: readonly ControllerIdentityChoice[] = ['auto', 'irsa', 'pod-identity']

export const INPUT_DEFAULTS = {
  mode: 'apply',
  audience: 'sts.amazonaws.com',
  'role-session-name': 'karpenter-provision',
  'role-duration-seconds': '3600',
  'helm-version': 'auto',
  chart: 'oci://public.ecr.aws/karpenter/karpenter',
  namespace: 'karpenter',
  timeout: '10m',
  'fail-on-drift': 'true',
  'install-chart': 'true',
  'node-access': 'auto',
  'controller-identity': 'auto'
} as const

export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `invalid inputs:\n${problems.map(p => `  - ${p}`).join('\n')}`)
    this.name = 'InputError'
  }
}

/** `get(name)` returns the raw input ('' when unset), like core.getInput. */
export function readInputs(get: (name: string) => string): Inputs {
  const problems: string[] = []
  const raw = (name: string): string => get(name).trim() || ((INPUT_DEFAULTS as Record<string, string>)[name] ?? '')
  const optional = (name: string): string | undefined => get(name).trim() || undefined

  const oneOf = <T extends string>(name: string, allowed: readonly T[]): T => {
    const value = raw(name)
    if (!(allowed as readonly string[]).includes(value)) {
      problems.push(`input ${name}: "${value}" is not one of ${allowed.join(', ')}`)
    }
    return value as T
  }
  const bool = (name: string): boolean => {
    const value = raw(name).toLowerCase()
    if (value === 'true') return true
    if (value === 'false') return false
    problems.push(`input ${name}: "${raw(name)}" is not a boolean (expected true or false)`)
    return false
  }

  const clusterConfig = get('cluster-config').trim()
  if (!clusterConfig) problems.push('input cluster-config is required: the path of the eksctl ClusterConfig, relative to the workspace')

  const duration = Number(raw('role-duration-seconds'))
  if (!Number.isInteger(duration) || duration < 900 || duration > 43200) {
    problems.push(`input role-duration-seconds: "${raw('role-duration-seconds')}" is not a whole number of seconds from 900 to 43200`)
  }
  const timeoutSeconds = parseDuration(raw('timeout'))
  if (timeoutSeconds === undefined) problems.push(`input timeout: "${raw('timeout')}" is not a duration (expected e.g. 600, 90s, 10m, 1h30m)`)

  const roleToAssume = optional('role-to-assume')
  if (roleToAssume && !/^arn:aws[\w-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(roleToAssume)) {
    problems.push(`input role-to-assume: "${roleToAssume}" is not an IAM role ARN (expected arn:aws:iam::<12-digit account>:role/<name>)`)
  }
  const helmVersion = raw('helm-version').replace(/^v/, '')
  if (helmVersion !== 'auto' && !/^\d+\.\d+\.\d+$/.test(helmVersion)) {
    problems.push(`input helm-version: "${raw('helm-version')}" is not auto or a version like 3.18.4`)
  }
  const namespace = raw('namespace')
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(namespace) || namespace.length > 63) {
    problems.push(`input namespace: "${namespace}" is not a Kubernetes namespace name (lowercase letters, digits and '-', at most 63)`)
  }
  const awsRegion = optional('aws-region')
  if (awsRegion && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(awsRegion)) {
    problems.push(`input aws-region: "${awsRegion}" is not an AWS region (expected e.g. us-west-2)`)
  }

  const account = optional('account')
  if (account && !/^\d{12}$/.test(account)) problems.push(`input account: "${account}" is not an AWS account id (expected 12 digits)`)

  const inputs: Inputs = {
    clusterConfig,
    mode: oneOf('mode', MODES),
    roleToAssume,
    audience: raw('audience'),
    roleSessionName: raw('role-session-name'),
    roleDurationSeconds: duration,
    awsRegion,
    kubeconfig: optional('kubeconfig'),
    helmVersion,
    chart: raw('chart'),
    namespace,
    valuesFile: optional('values-file'),
    manifests: optional('manifests'),
    timeoutSeconds: timeoutSeconds ?? 600,
    failOnDrift: bool('fail-on-drift'),
    installChart: bool('install-chart'),
    nodeAccess: oneOf('node-access', NODE_ACCESS),
    controllerIdentity: oneOf('controller-identity', IDENTITIES),
    account: account ?? (roleToAssume ? /^arn:[^:]+:iam::(\d{12}):/.exec(roleToAssume)?.[1] : undefined)
  }
  if (problems.length > 0) throw new InputError(problems)
  return inputs
}

/** `600`, `90s`, `10m`, `1h30m` → seconds; undefined when it is not a positive duration. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text) > 0 ? Number(text) : undefined
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(text)
  if (!match || text === '') return undefined
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)
  return seconds > 0 ? seconds : undefined
}
