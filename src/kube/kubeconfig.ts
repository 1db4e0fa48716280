// Kubeconfig files: the one written for helm from EKS facts (docs/design.md, "Helm": mode 0600 under RUNNER_TEMP, removed
// at the end), and reading the user's `kubeconfig` input into a KubeConnection for our own API calls.
import * as fsp from 'node:fs/promises'
import * as path from 'node:path'
import { parse, stringify } from 'yaml'
import type { KubeConnection } from './connection.js'
import { anyPathRules, readInputFile, type InputFile, type PathRules } from '../runner/input-files.js'
import { ProvisionError, errorMessage } from '../core/errors.js'

export interface KubeconfigFacts {
  /** API server URL (EKS `cluster.endpoint`) */
  server: string
  /** base64 of the CA PEM, exactly as EKS `cluster.certificateAuthority.data` gives it */
  caData: string
  /** bearer token (the EKS token of token.ts) */
  token: string
  clusterName: string
}

export interface WrittenKubeconfig {
  path: string
  /** removes the file and its folder; safe to call twice */
  dispose(): Promise<void>
}

/** The same facts as a connection for our own API client (EKS gives the CA as base64 of the PEM). */
export function connectionFromFacts(facts: KubeconfigFacts): KubeConnection {
  return { server: facts.server, caPem: Buffer.from(facts.caData, 'base64').toString('utf8'), token: facts.token }
}

/** The kubeconfig as a YAML string. The token is in it: never log the result. */
export function kubeconfigYaml(facts: KubeconfigFacts): string {
  const name = facts.clusterName
  return stringify({
    apiVersion: 'v1',
    kind: 'Config',
    clusters: [{ name, cluster: { server: facts.server, 'certificate-authority-data': facts.caData } }],
    users: [{ name, user: { token: facts.token } }],
    contexts: [{ name, context: { cluster: name, user: name } }],
    'current-context': name,
    preferences: {}
  })
}

/**
 * Writes the kubeconfig into a fresh folder of its own under `tempDir` (RUNNER_TEMP). The file is created
 * with mode 0600 (never readable by others, not even for a moment before a chmod) and exclusively, so a
 * file or link planted at that path is not followed. Callers dispose in a `finally`.
 */
export async function writeKubeconfig(tempDir: string, facts: KubeconfigFacts): Promise<WrittenKubeconfig> {
  // mkdtemp makes a 0700 folder with an unguessable name: parallel runs on one runner never collide
  const dir = await fsp.mkdtemp(path.join(tempDir, 'karpenter-provision-kube-'))
  const file = path.join(dir, 'kubeconfig')
  try {
    const handle = await fsp.open(file, 'wx', 0o600)
    try {
      await handle.writeFile(kubeconfigYaml(facts), 'utf8')
    } finally {
      await handle.close()
    }
  } catch (e) {
    await fsp.rm(dir, { recursive: true, force: true })
    throw e
  }
  return {
    path: file,
    dispose: () => fsp.rm(dir, { recursive: true, force: true })
  }
}

/** The parts of a kubeconfig this tool reads. */
interface KubeconfigDoc {
  'current-context'?: string
  contexts?: Array<{ name?: string; context?: { cluster?: string; user?: string; namespace?: string } }>
  clusters?: Array<{ name?: string; cluster?: Record<string, unknown> }>
  users?: Array<{ name?: string; user?: Record<string, unknown> }>
}

export class KubeconfigError extends ProvisionError {
  override readonly name: string = 'KubeconfigError'
  constructor(file: string, message: string) {
    super(`kubeconfig ${file}: ${message}`)
  }
}

/**
 * Reads the user's kubeconfig (the `kubeconfig` input) and resolves its current context to a connection:
 * server, CA (inline data or file, relative paths from the kubeconfig's folder), insecure-skip-tls-verify,
 * bearer token (inline or tokenFile) or client certificate and key. Exec and auth-provider plugins are
 * refused: running a user's plugin binary here would be a surprise, and the usual one (`aws eks get-token`)
 * is what the action does itself when the input is left out. The kubeconfig comes read through the path
 * rules (runner/input-files.ts), and so does every file it names.
 */
export function loadKubeconfig(kubeconfig: InputFile, rules: PathRules): KubeConnection {
  const file = kubeconfig.shown
  let doc: KubeconfigDoc
  try {
    doc = (parse(kubeconfig.text) ?? {}) as KubeconfigDoc
  } catch (e) {
    throw new KubeconfigError(file, `malformed YAML: ${errorMessage(e)}`)
  }
  if (typeof doc !== 'object' || Array.isArray(doc)) throw new KubeconfigError(file, 'expected a mapping (apiVersion: v1, kind: Config)')
  // relative paths in a kubeconfig are relative to its folder (as kubectl reads them), under the same rules
  const named: PathRules = { ...rules, base: path.dirname(path.resolve(rules.base, file)) }

  const contextName = doc['current-context']
  if (!contextName) throw new KubeconfigError(file, 'has no current-context: set one (kubectl config use-context NAME)')
  const context = doc.contexts?.find((c) => c.name === contextName)?.context
  if (!context) throw new KubeconfigError(file, `current-context "${contextName}" is not among its contexts`)
  const cluster = doc.clusters?.find((c) => c.name === context.cluster)?.cluster
  if (!cluster) throw new KubeconfigError(file, `context "${contextName}" names cluster "${context.cluster ?? ''}", which is not among its clusters`)
  const user = context.user ? doc.users?.find((u) => u.name === context.user)?.user : {}
  if (!user) throw new KubeconfigError(file, `context "${contextName}" names user "${context.user ?? ''}", which is not among its users`)

  const server = str(cluster.server)
  if (!server) throw new KubeconfigError(file, `cluster "${context.cluster ?? ''}" has no server`)
  const conn: KubeConnection = { server }

  const ca = pem(named, cluster, 'certificate-authority')
  if (ca) conn.caPem = ca
  if (cluster['insecure-skip-tls-verify'] === true) conn.insecureSkipTlsVerify = true
  const tlsServerName = str(cluster['tls-server-name'])
  if (tlsServerName) conn.tlsServerName = tlsServerName

  if (user.exec !== undefined || user['auth-provider'] !== undefined) {
    const what = user.exec !== undefined ? 'an exec credential plugin' : 'an auth-provider plugin'
    throw new KubeconfigError(
      file,
      `user "${context.user ?? ''}" uses ${what}, which is not supported: pass a kubeconfig with a token or a client certificate, ` +
        'or leave the kubeconfig input out so the action builds one from EKS with its own AWS credentials'
    )
  }
  const token = str(user.token) ?? readOptional(named, 'tokenFile', str(user.tokenFile))?.trim()
  if (token) conn.token = token
  const cert = pem(named, user, 'client-certificate')
  const key = pem(named, user, 'client-key')
  if (cert || key) {
    if (!cert || !key) throw new KubeconfigError(file, `user "${context.user ?? ''}" has a client ${cert ? 'certificate but no key' : 'key but no certificate'}`)
    conn.clientCertPem = cert
    conn.clientKeyPem = key
  }
  if (!conn.token && !conn.clientCertPem) {
    throw new KubeconfigError(file, `user "${context.user ?? ''}" has no token and no client certificate`)
  }
  return conn
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v !== '' ? v : undefined
}

/** The `kubeconfig` input through the path rules (the command line's by default): its resolved path and connection. */
export function readKubeconfig(given: string, rules: PathRules = anyPathRules(process.cwd())): { path: string; connection: KubeConnection } {
  const read = readInputFile('kubeconfig', given, rules)
  return { path: read.real, connection: loadKubeconfig(read, rules) }
}

/** `<key>-data` (base64) wins over `<key>` (a file path), as in kubectl. */
function pem(rules: PathRules, section: Record<string, unknown>, key: string): string | undefined {
  const data = str(section[`${key}-data`])
  if (data) return Buffer.from(data, 'base64').toString('utf8')
  return readOptional(rules, key, str(section[key]))
}

function readOptional(rules: PathRules, key: string, target: string | undefined): string | undefined {
  if (!target) return undefined
  return readInputFile(`kubeconfig (its ${key})`, target, rules).text
}
