// Reads every input once into one typed object (docs/design.md, "The pipeline"). Bad values are local mistakes: they fail
// at once with the input's name, the value and what is expected, before any AWS call.
import type { ControllerIdentityChoice, Inputs, Mode, NodeAccess } from '../core/inputs.js'
import { ACTION_INPUTS, type InputName } from './action-yml.js'
import { ProvisionError } from '../core/errors.js'

export const MODES: readonly Mode[] = ['apply', 'plan', 'drift', 'delete', 'render']
const NODE_ACCESS: readonly NodeAccess[] = ['auto', 'access-entry', 'aws-auth', 'none']
const IDENTITIES: readonly ControllerIdentityChoice[] = ['auto', 'irsa', 'pod-identity']

/** The defaults action.yml declares (src/inputs/action-yml.ts is generated from it): what the runner passes for an
 * input the step leaves out, and what the command line and an empty value fall back to. */
export const INPUT_DEFAULTS: Readonly<Partial<Record<InputName, string>>> = Object.fromEntries(
  ACTION_INPUTS.flatMap(i => ('default' in i ? [[i.name, i.default]] : []))
)

export class InputError extends ProvisionError {
  override readonly name: string = 'InputError'
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `invalid inputs:\n${problems.map(p => `  - ${p}`).join('\n')}`)
  }
}

/** `get(name)` returns the raw input ('' when unset), like core.getInput. */
export function readInputs(get: (name: InputName) => string): Inputs {
  const problems: string[] = []
  const raw = (name: InputName): string => get(name).trim() || (INPUT_DEFAULTS[name] ?? '')
  const optional = (name: InputName): string | undefined => get(name).trim() || undefined

  const oneOf = <T extends string>(name: InputName, allowed: readonly T[]): T => {
    const value = raw(name)
    if (!(allowed as readonly string[]).includes(value)) {
      problems.push(`input ${name}: "${value}" is not one of ${allowed.join(', ')}`)
    }
    return value as T
  }
  const bool = (name: InputName): boolean => {
    const value = raw(name).toLowerCase()
    if (value === 'true') return true
    if (value === 'false') return false
    problems.push(`input ${name}: "${raw(name)}" is not a boolean (expected true or false)`)
    return false
  }

  const clusterConfig = get('cluster-config').trim()
  if (!clusterConfig) problems.push('input cluster-config is required: the path of the eksctl ClusterConfig, relative to the workspace')

  const duration = wholeNumber(raw('role-duration-seconds'))
  if (duration === undefined || duration < 900 || duration > 43200) {
    problems.push(`input role-duration-seconds: "${raw('role-duration-seconds')}" is not a whole number of seconds from 900 to 43200`)
  }
  const timeoutSeconds = parseDuration(raw('timeout'))
  if (timeoutSeconds === undefined) problems.push(`input timeout: "${raw('timeout')}" is not a duration (expected e.g. 600, 90s, 10m, 1h30m)`)
  else if (timeoutSeconds > MAX_TIMEOUT_SECONDS) problems.push(`input timeout: "${raw('timeout')}" is longer than 24h (the limit is ${MAX_TIMEOUT_SECONDS} seconds)`)
  const chart = raw('chart')
  if (!isChartReference(chart)) {
    problems.push(`input chart: ${JSON.stringify(chart)} is not an oci:// or https:// chart reference or a path (expected e.g. oci://public.ecr.aws/karpenter/karpenter)`)
  }

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
    roleDurationSeconds: duration ?? 3600,
    awsRegion,
    kubeconfig: optional('kubeconfig'),
    helmVersion,
    chart,
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

/** The longest `timeout` accepted: 24 hours (README, Inputs). Longer is a typo, and helm gets `--timeout <N>s`. */
export const MAX_TIMEOUT_SECONDS = 24 * 3600

/** Whole decimal digits only (no sign, point, exponent or hex), as a safe integer; undefined otherwise. */
function wholeNumber(text: string): number | undefined {
  if (!/^\d{1,15}$/.test(text)) return undefined
  return Number(text)
}

/** `600`, `90s`, `10m`, `1h30m` → seconds; undefined when it is not a positive duration of whole units. */
export function parseDuration(text: string): number | undefined {
  if (/^\d+$/.test(text)) {
    const seconds = wholeNumber(text)
    return seconds !== undefined && seconds > 0 ? seconds : undefined
  }
  const match = /^(?:(\d{1,15})h)?(?:(\d{1,15})m)?(?:(\d{1,15})s)?$/.exec(text)
  if (!match || text === '') return undefined
  const seconds = Number(match[1] ?? 0) * 3600 + Number(match[2] ?? 0) * 60 + Number(match[3] ?? 0)
  return seconds > 0 ? seconds : undefined
}

/**
 * The `chart` input goes into helm's argv as the chart argument: an `oci://` or `https://` reference, or a
 * path (a chart folder or .tgz). Never something helm would read as a flag (`--post-renderer=…`), never
 * whitespace or control characters, never another scheme.
 */
export function isChartReference(chart: string): boolean {
  if (chart === '' || chart.startsWith('-') || /[\s\p{Cc}]/u.test(chart)) return false
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(chart)?.[1]?.toLowerCase()
  if (scheme === undefined) return !chart.includes('://')
  return (scheme === 'oci' || scheme === 'https') && chart.length > `${scheme}://`.length && !chart.slice(scheme.length + 3).startsWith('/')
}
