// Helm chart coordinates for a Karpenter version (docs/design.md, "Helm").
import { compareVersions, formatVersion, v, type SemVer } from './version.js'

/** Official controller chart. */
export const DEFAULT_CHART = 'oci://public.ecr.aws/karpenter/karpenter'

/** The CRD chart sits next to the controller chart with this suffix (`…/karpenter` → `…/karpenter-crd`). */
export const CRD_CHART_SUFFIX = '-crd'

// OCI chart tags carried the git tag's 'v' from 0.17.0 (first OCI release) until 0.35.0 dropped it; release
// candidates follow the same rule ("stable releases prior to 0.35.0 are prefixed with a v", rcs too).
const V_PREFIX_FROM = v(0, 17, 0)
const V_PREFIX_UNTIL = v(0, 35, 0)

/**
 * The `--version` to pass helm: 'v0.34.0' for 0.17.0 ≤ v < 0.35.0, '0.35.0' / '1.14.1' otherwise. Release
 * candidates "prior to 0.35.0" are prefixed too (compatibility.md); semver order puts '0.35.0-rc.1' before 0.35.0,
 * so it is prefixed as well (no such rc was ever published; the rule only has to be consistent).
 */
export function chartTag(ver: SemVer): string {
  const bare = formatVersion(ver)
  const prefixed = compareVersions(ver, { ...V_PREFIX_FROM, prerelease: '0' }) >= 0 && compareVersions(ver, V_PREFIX_UNTIL) < 0
  return prefixed ? `v${bare}` : bare
}

/**
 * The karpenter-crd chart for a controller chart reference: `oci://x/karpenter` → `oci://x/karpenter-crd`.
 * A reference already ending in '-crd' is returned unchanged; trailing slashes are dropped.
 */
export function crdChartRef(chartRef: string): string {
  const ref = chartRef.replace(/\/+$/, '')
  return ref.endsWith(CRD_CHART_SUFFIX) ? ref : `${ref}${CRD_CHART_SUFFIX}`
}

const CRD_CHART_FIRST = v(0, 26, 1)

/** karpenter-crd was first published with 0.26.1; every version this tool supports (≥ 0.28.0) has it. */
export function crdChartAvailable(ver: SemVer): boolean {
  return compareVersions(ver, CRD_CHART_FIRST) >= 0
}
