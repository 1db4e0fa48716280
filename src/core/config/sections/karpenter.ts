// `karpenter:` — the block this action exists for. Unlike the rest of the file, every key is checked:
// a misspelt key here silently changes what gets installed.
import type { MapView } from '../view.js'
import type { KarpenterConfig, Position } from '../types.js'
import { closestMatch } from '../did-you-mean.js'
import { INSTANCE_PROFILE_NAME_MAX } from '../patterns.js'
import { MIN_KARPENTER, compareVersions, formatVersion, parseVersion, type SemVer } from '../../karpenter/version.js'

export const KARPENTER_KEYS = ['version', 'createServiceAccount', 'defaultInstanceProfile', 'withSpotInterruptionQueue'] as const

export interface KarpenterRead {
  config?: KarpenterConfig
  /** the parsed version, when it is valid, for the compatibility check */
  semver?: SemVer
  /** where the version value is written */
  versionAt?: Position
  /** the version as written in the file, quotes included */
  versionWritten?: string
}

export function readKarpenter(root: MapView): KarpenterRead {
  const ctx = root.ctx
  const expected = `a mapping with version and optionally ${KARPENTER_KEYS.filter((k) => k !== 'version').join(', ')}`
  if (!root.entry('karpenter')) {
    // A capitalised or misspelt top-level key is the likeliest reason the block is "missing".
    const nearby = root.entries().find((e) => e.key !== 'karpenter' && closestMatch(e.key, ['karpenter']) === 'karpenter')
    const message = nearby
      ? `required key is missing: this action installs Karpenter from it. Did you mean \`karpenter\` instead of \`${nearby.key}\`?`
      : 'required key is missing: this action installs Karpenter from it'
    ctx.error(nearby ? nearby.keyNode : root.node, 'karpenter', message, undefined, expected)
    return {}
  }
  const block = root.mapping('karpenter', { required: true, expected })
  if (!block) return {}

  block.rejectUnknownKeys(KARPENTER_KEYS, '`karpenter:`')

  const out: KarpenterRead = {}
  let versionText: string | undefined
  const versionExpected = `a semantic version like '1.2.1', ${formatVersion(MIN_KARPENTER)} or newer`
  const version = block.nonEmptyString('version', { required: true, allowNumber: true, expected: versionExpected })
  if (version) {
    const parsed = parseVersion(version.value)
    if (!parsed) {
      ctx.error(version.node, version.path, 'not a semantic version MAJOR.MINOR.PATCH', ctx.describe(version.node), versionExpected)
    } else if (compareVersions(parsed, MIN_KARPENTER) < 0) {
      ctx.error(
        version.node,
        version.path,
        `Karpenter ${formatVersion(parsed)} is older than this action supports`,
        ctx.describe(version.node),
        `${formatVersion(MIN_KARPENTER)} or newer`
      )
    } else {
      out.semver = parsed
      out.versionAt = ctx.position(version.node)
      out.versionWritten = ctx.describe(version.node)
      versionText = version.value
    }
  }

  const createServiceAccount = block.boolean('createServiceAccount')
  const withSpotInterruptionQueue = block.boolean('withSpotInterruptionQueue')

  const profileExpected = `an IAM instance profile name: 1-${INSTANCE_PROFILE_NAME_MAX} of letters, digits and +=,.@_-`
  const profile = block.nonEmptyString('defaultInstanceProfile', { expected: profileExpected })
  let defaultInstanceProfile: string | undefined
  if (profile) {
    if (profile.value.length > INSTANCE_PROFILE_NAME_MAX) {
      ctx.error(profile.node, profile.path, `instance profile name is ${profile.value.length} characters long`, ctx.describe(profile.node), profileExpected)
    } else if (!/^[\w+=,.@-]+$/.test(profile.value)) {
      ctx.error(profile.node, profile.path, 'not a valid IAM instance profile name', ctx.describe(profile.node), profileExpected)
    } else defaultInstanceProfile = profile.value
  }

  if (versionText !== undefined) {
    out.config = {
      // Kept as written minus the `v`: the chart tag spelling is chosen later from the version itself.
      version: versionText.trim().replace(/^v/, ''),
      createServiceAccount: createServiceAccount ?? false,
      withSpotInterruptionQueue: withSpotInterruptionQueue ?? false
    }
    if (defaultInstanceProfile !== undefined) out.config.defaultInstanceProfile = defaultInstanceProfile
  }
  return out
}
