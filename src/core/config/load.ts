// loadClusterConfigText: the text of a ClusterConfig → validated ClusterConfig, every problem reported in one
// ConfigError, each with file:line:col, before anything touches AWS. Pure: src/config/load.ts reads the file.
import type { ClusterConfig } from './types.js'
import { ConfigError, type Diagnostic } from './diagnostics.js'
import { checkConfigText, parseConfigText } from './source.js'
import { ReadContext, type MapView } from './view.js'
import { readMetadata } from './sections/metadata.js'
import { readIam, type IamRead } from './sections/iam.js'
import { readKarpenter } from './sections/karpenter.js'
import { readAddonNames, readAuthenticationMode, readFargateProfiles } from './sections/cluster.js'
import { readWindowsNodeGroups, refuseAutoMode, refuseOutposts } from './sections/compute.js'
import { checkCompatibility } from './compatibility-rule.js'
import { identityConflicts, resolveControllerIdentityUnchecked, type ControllerIdentityChoice, type IdentitySource } from './identity.js'

export const API_VERSION = 'eksctl.io/v1alpha5'
export const KIND = 'ClusterConfig'

export interface LoadOptions {
  /** the `namespace` input: where Karpenter runs */
  namespace: string
  controllerIdentity: ControllerIdentityChoice
  /** the `aws-region` input, which wins over metadata.region */
  regionOverride?: string
}

export interface LoadResult {
  config: ClusterConfig
  warnings: Diagnostic[]
}

/** The text of `file` → validated ClusterConfig. */
export function loadClusterConfigText(file: string, text: string, opts: LoadOptions): LoadResult {
  const empty = checkConfigText(file, text)
  if (empty.length > 0) throw new ConfigError(empty)
  const parsed = parseConfigText(file, text)
  if (!parsed.ok) throw new ConfigError(parsed.diagnostics)

  const ctx = new ReadContext(file, parsed.parsed.text, parsed.parsed.lineCounter, parsed.parsed.doc)
  const root = ctx.map(parsed.parsed.root, '')

  expectConstant(root, 'apiVersion', API_VERSION)
  expectConstant(root, 'kind', KIND)
  // An unset action input arrives as '': that is no override.
  const metadata = readMetadata(root, opts.regionOverride?.trim() || undefined)
  const iam = readIam(root, opts.namespace)
  const fargateProfiles = readFargateProfiles(root)
  const addons = readAddonNames(root)
  const authenticationMode = readAuthenticationMode(root)
  const karpenter = readKarpenter(root)
  refuseOutposts(root)
  refuseAutoMode(root)
  const windowsNodeGroups = readWindowsNodeGroups(root)

  const identitySource: IdentitySource = {
    name: metadata.name ?? '',
    podIdentityAssociations: iam.podIdentityAssociations,
    fargateProfiles,
    file,
    positions: ctx.positions
  }
  const identity = resolveControllerIdentityUnchecked(identitySource, opts.controllerIdentity, opts.namespace)
  ctx.diagnostics.push(...identityConflicts(identitySource, identity, opts.namespace))
  if (identity.identity === 'irsa') requireOidc(root, iam, opts)

  if (karpenter.semver && karpenter.versionAt) {
    checkCompatibility(ctx, {
      karpenter: karpenter.semver,
      karpenterAt: karpenter.versionAt,
      ...(metadata.kubernetesVersion !== undefined && metadata.versionAt !== undefined
        ? { kubernetes: metadata.kubernetesVersion, kubernetesAt: metadata.versionAt, kubernetesWritten: metadata.versionWritten ?? metadata.kubernetesVersion }
        : {})
    })
  }

  const diagnostics = inFileOrder(ctx.diagnostics)
  const errors = diagnostics.filter((d) => d.severity === 'error')
  // Every error above leaves its field undefined, so these checks only fail together with an error.
  if (errors.length > 0 || metadata.name === undefined || metadata.region === undefined || !karpenter.config) {
    throw new ConfigError(diagnostics)
  }

  const config: ClusterConfig = {
    file,
    name: metadata.name,
    region: metadata.region,
    tags: metadata.tags,
    withOIDC: iam.withOIDC,
    podIdentityAssociations: iam.podIdentityAssociations,
    fargateProfiles,
    addons,
    karpenter: karpenter.config,
    windowsNodeGroups,
    positions: ctx.positions
  }
  if (metadata.kubernetesVersion !== undefined) config.kubernetesVersion = metadata.kubernetesVersion
  if (iam.serviceRolePermissionsBoundary !== undefined) config.serviceRolePermissionsBoundary = iam.serviceRolePermissionsBoundary
  if (authenticationMode !== undefined) config.authenticationMode = authenticationMode
  return { config, warnings: diagnostics.filter((d) => d.severity === 'warning') }
}

function expectConstant(root: MapView, key: string, value: string): void {
  const read = root.string(key, { required: true, expected: value })
  if (read && read.value !== value) root.ctx.error(read.node, read.path, `must be ${value}`, root.ctx.describe(read.node), value)
}

// docs/design.md, "Config rules": with IRSA (the default) the controller's role trusts the cluster's IAM OIDC provider,
// which the file asks for with iam.withOIDC: true.
function requireOidc(root: MapView, iam: IamRead, opts: LoadOptions): void {
  // A malformed `iam` or Pod Identity entry is already reported; guessing at IRSA on top would mislead.
  if (iam.withOIDC || iam.withOIDCMalformed) return
  if (opts.controllerIdentity === 'auto' && iam.karpenterEntryMalformed) return
  const why =
    opts.controllerIdentity === 'irsa'
      ? 'controller-identity is irsa'
      : `controller-identity is auto and iam.podIdentityAssociations has no entry for ${opts.namespace}/karpenter`
  const message = `must be true when the Karpenter controller uses IRSA (${why})`
  const expected = `true, or an iam.podIdentityAssociations entry for ${opts.namespace}/karpenter to use EKS Pod Identity`
  const at = iam.withOIDCAt ?? iam.view?.node ?? root.node
  root.ctx.error(at, 'iam.withOIDC', message, iam.withOIDCWritten, expected)
}

function inFileOrder(ds: Diagnostic[]): Diagnostic[] {
  return ds
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.line - b.d.line || a.d.col - b.d.col || a.i - b.i)
    .map(({ d }) => d)
}
