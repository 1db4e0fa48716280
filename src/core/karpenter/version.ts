// Semantic versions of Karpenter releases. Pure: parsing, printing and ordering only.

export interface SemVer {
  major: number
  minor: number
  patch: number
  prerelease?: string
}

// MAJOR.MINOR.PATCH with an optional pre-release ("1.0.0-rc.1") and optional build metadata (ignored).
// A leading 'v' is accepted because git tags and pre-0.35 chart tags carry it ("v0.34.0").
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)(?:\.(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*))*))?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$/

/** Parses '1.2.1', 'v0.34.0', '1.0.0-rc.1'. Returns undefined for '1.2', 'latest', '' and other non-semver text. */
export function parseVersion(s: string): SemVer | undefined {
  const m = SEMVER.exec(s.trim())
  if (!m) return undefined
  const v: SemVer = { major: Number(m[1]), minor: Number(m[2]), patch: Number(m[3]) }
  if (m[4] !== undefined) v.prerelease = m[4]
  return v
}

/** Prints without the 'v' prefix: '1.2.1', '1.0.0-rc.1'. Chart tags are chartTag()'s job. */
export function formatVersion(v: SemVer): string {
  const core = `${v.major}.${v.minor}.${v.patch}`
  return v.prerelease ? `${core}-${v.prerelease}` : core
}

// semver §11: numeric identifiers compare numerically and sort before alphanumeric ones;
// a shorter identifier list sorts first when all shared identifiers are equal.
function comparePrerelease(a: string, b: string): number {
  const as = a.split('.')
  const bs = b.split('.')
  for (let i = 0; i < Math.min(as.length, bs.length); i++) {
    const x = as[i] as string
    const y = bs[i] as string
    if (x === y) continue
    const xn = /^\d+$/.test(x)
    const yn = /^\d+$/.test(y)
    if (xn && yn) return Number(x) - Number(y)
    if (xn) return -1
    if (yn) return 1
    return x < y ? -1 : 1
  }
  return as.length - bs.length
}

/** Semver order: negative when a < b, 0 when equal, positive when a > b. A pre-release sorts before its release. */
export function compareVersions(a: SemVer, b: SemVer): number {
  if (a.major !== b.major) return a.major - b.major
  if (a.minor !== b.minor) return a.minor - b.minor
  if (a.patch !== b.patch) return a.patch - b.patch
  if (a.prerelease === b.prerelease) return 0
  if (a.prerelease === undefined) return 1
  if (b.prerelease === undefined) return -1
  return Math.sign(comparePrerelease(a.prerelease, b.prerelease))
}

/** Oldest Karpenter this tool installs (docs/design.md, "Config rules"). */
export const MIN_KARPENTER: SemVer = Object.freeze({ major: 0, minor: 28, patch: 0 })

/** Shorthand for literals in rule tables. */
export function v(major: number, minor: number, patch = 0): SemVer {
  return { major, minor, patch }
}

/** True when a ≥ b in semver order. */
export function atLeast(a: SemVer, b: SemVer): boolean {
  return compareVersions(a, b) >= 0
}

/**
 * True when the version is at or past the given minor, treating release candidates of that minor
 * as part of it (1.0.0-rc.1 belongs to the 1.0 band: its template is the 1.0 template).
 */
export function atLeastMinor(x: SemVer, major: number, minor: number): boolean {
  return x.major !== major ? x.major > major : x.minor >= minor
}
