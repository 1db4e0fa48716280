// Karpenter ↔ Kubernetes compatibility, from upstream's hack/docs/compatibilitymatrix_gen/compatibility.yaml
// (docs/design.md, "Config rules"). Bands are inclusive [from, to] on Karpenter versions; patch boundaries matter
// for 0.28 (0.28.1 fixed 1.26+) and 1.0 (1.0.5 added Kubernetes 1.31).
import { compareVersions, type SemVer } from './version.js'

interface Band {
  /** first Karpenter version of the band (inclusive, release order; its rcs count as the band) */
  from: [number, number, number]
  minK8s: string
  maxK8s: string
}

// Ordered oldest → newest; each band runs from its Karpenter version until the next band's.
// Rows older than 0.28 are kept so that minimumKarpenterFor() can answer for old clusters.
// compatibility.yaml says 0.28.x supports up to 1.27, but the upgrade guide warns that 0.28.0 is incompatible with
// Kubernetes 1.26+ under --cloudprovider=external (the EKS-optimized AMI default); 0.28.1 fixed it.
const BANDS: readonly Band[] = parseBands(`
  Karpenter  Kubernetes
  0.21.0     1.21-1.24
  0.25.0     1.21-1.25
  0.28.0     1.23-1.25
  0.28.1     1.23-1.27
  0.31.0     1.23-1.28
  0.34.0     1.23-1.29
  0.37.0     1.23-1.30
  1.0.0      1.25-1.30
  1.0.5      1.25-1.31
  1.2.0      1.25-1.32
  1.5.0      1.26-1.33
  1.6.0      1.26-1.34
  1.9.0      1.26-1.35
  1.13.0     1.26-1.36
`)

/** The table above, one band a row (the header row is skipped); a malformed row is a programming error. */
function parseBands(table: string): Band[] {
  const rows = table.trim().split('\n').slice(1)
  return rows.map(row => {
    const m = /^\s*(\d+)\.(\d+)\.(\d+)\s+(\d+\.\d+)-(\d+\.\d+)\s*$/.exec(row)
    if (!m) throw new Error(`compatibility table: malformed row "${row}"`)
    return { from: [Number(m[1]), Number(m[2]), Number(m[3])], minK8s: m[4], maxK8s: m[5] }
  })
}

/** Newest Karpenter minor whose compatibility is confirmed upstream (v1.14.1 was the newest tag read). */
export const NEWEST_KNOWN_KARPENTER_MINOR = '1.14'

const NEWEST = NEWEST_KNOWN_KARPENTER_MINOR.split('.').map(Number) as [number, number]

function isNewerThanKnown(v: SemVer): boolean {
  return v.major !== NEWEST[0] ? v.major > NEWEST[0] : v.minor > NEWEST[1]
}

// The band's first version as a comparable SemVer. A band starts at X.Y.0, so X.Y.0-rc.N must also
// fall in it: compare against the lowest possible pre-release of the start when the start is X.Y.0.
function bandStart(b: Band): SemVer {
  const [major, minor, patch] = b.from
  return patch === 0 ? { major, minor, patch, prerelease: '0' } : { major, minor, patch }
}

function bandFor(v: SemVer): Band | undefined {
  if (isNewerThanKnown(v)) return undefined
  let found: Band | undefined
  for (const b of BANDS) if (compareVersions(v, bandStart(b)) >= 0) found = b
  return found
}

/**
 * Kubernetes minor range ('1.25'…'1.31') for a Karpenter version; undefined when newer than anything known
 * (also for versions older than 0.21, which the table does not cover and config validation rejects anyway).
 */
export function kubernetesRange(v: SemVer): { min: string; max: string } | undefined {
  const b = bandFor(v)
  return b ? { min: b.minK8s, max: b.maxK8s } : undefined
}

function parseMinor(k: string): [number, number] | undefined {
  const m = /^v?(\d+)\.(\d+)$/.exec(k.trim())
  return m ? [Number(m[1]), Number(m[2])] : undefined
}

function compareMinor(a: [number, number], b: [number, number]): number {
  return a[0] !== b[0] ? a[0] - b[0] : a[1] - b[1]
}

/**
 * Whether Karpenter `v` supports Kubernetes `k8sMinor` ('1.32'). 'unknown-karpenter' means the Karpenter
 * version is newer than the table (a warning, not an error: docs/design.md, "Config rules"). An unparsable k8sMinor is 'unsupported'.
 */
export function kubernetesSupport(v: SemVer, k8sMinor: string): 'supported' | 'unsupported' | 'unknown-karpenter' {
  if (isNewerThanKnown(v)) return 'unknown-karpenter'
  const range = kubernetesRange(v)
  if (!range) return 'unsupported' // older than the table
  const k = parseMinor(k8sMinor)
  if (!k) return 'unsupported'
  const lo = parseMinor(range.min) as [number, number]
  const hi = parseMinor(range.max) as [number, number]
  return compareMinor(k, lo) >= 0 && compareMinor(k, hi) <= 0 ? 'supported' : 'unsupported'
}

/**
 * The oldest Karpenter that supports Kubernetes `k8sMinor`, for error messages: '1.5' for '1.33', '1.0.5' for
 * '1.31' (the patch matters there). Undefined when no known Karpenter supports it (too new or too old).
 */
export function minimumKarpenterFor(k8sMinor: string): string | undefined {
  const k = parseMinor(k8sMinor)
  if (!k) return undefined
  for (const b of BANDS) {
    const lo = parseMinor(b.minK8s) as [number, number]
    const hi = parseMinor(b.maxK8s) as [number, number]
    if (compareMinor(k, lo) >= 0 && compareMinor(k, hi) <= 0) {
      const [major, minor, patch] = b.from
      return patch === 0 ? `${major}.${minor}` : `${major}.${minor}.${patch}`
    }
  }
  return undefined
}
