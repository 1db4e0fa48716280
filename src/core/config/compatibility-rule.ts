// docs/design.md, "Config rules": metadata.version must be inside Karpenter's compatibility matrix for karpenter.version; a
// Karpenter newer than the matrix is only a warning (the matrix in this action lags new releases).
import type { ReadContext } from './view.js'
import type { Position } from './types.js'
import { formatVersion, type SemVer } from '../karpenter/version.js'
import { kubernetesRange, kubernetesSupport, minimumKarpenterFor, NEWEST_KNOWN_KARPENTER_MINOR } from '../karpenter/compatibility.js'

export interface CompatibilityInput {
  karpenter: SemVer
  karpenterAt: Position
  kubernetes?: string
  kubernetesAt?: Position
  kubernetesWritten?: string
}

function minorOf(k: string): [number, number] {
  const [major, minor] = k.split('.').map(Number)
  return [major ?? 0, minor ?? 0]
}

function olderThan(a: string, b: string): boolean {
  const [am, an] = minorOf(a)
  const [bm, bn] = minorOf(b)
  return am !== bm ? am < bm : an < bn
}

export function checkCompatibility(ctx: ReadContext, input: CompatibilityInput): void {
  const karpenter = formatVersion(input.karpenter)
  const range = kubernetesRange(input.karpenter)
  if (!range) {
    const what = input.kubernetes ? `Kubernetes ${input.kubernetes} compatibility cannot be checked` : 'its Kubernetes compatibility cannot be checked'
    ctx.warning(
      input.karpenterAt,
      'karpenter.version',
      `Karpenter ${karpenter} is newer than the compatibility matrix this action knows (up to ${NEWEST_KNOWN_KARPENTER_MINOR}.x): ${what}`
    )
    return
  }
  if (input.kubernetes === undefined || input.kubernetesAt === undefined) return
  if (kubernetesSupport(input.karpenter, input.kubernetes) !== 'unsupported') return

  const k = input.kubernetes
  const supported = `Kubernetes ${range.min} to ${range.max} with Karpenter ${karpenter}`
  let advice: string
  if (olderThan(k, range.min)) {
    advice = `Kubernetes ${k} is older than Karpenter ${karpenter} supports: upgrade the cluster or use an older Karpenter`
  } else {
    const minimum = minimumKarpenterFor(k)
    advice = minimum
      ? `Kubernetes ${k} needs Karpenter ${minimum} or newer`
      : `no Karpenter release known to this action supports Kubernetes ${k}`
  }
  ctx.error(input.kubernetesAt, 'metadata.version', `${advice}`, input.kubernetesWritten ?? k, supported)
}
