// `metadata:` — cluster name, region, Kubernetes version and tags.
import type { MapView } from '../view.js'
import type { Position } from '../types.js'
import { AWS_REGION, CLUSTER_NAME, CLUSTER_NAME_MAX, KUBERNETES_MINOR } from '../patterns.js'
import { readTags } from './tags.js'

export interface MetadataRead {
  name?: string
  region?: string
  kubernetesVersion?: string
  tags: Record<string, string>
  /** where metadata.version's value is written, and how */
  versionAt?: Position
  versionWritten?: string
}

export function readMetadata(root: MapView, regionOverride: string | undefined): MetadataRead {
  const ctx = root.ctx
  const meta = root.mapping('metadata', { required: true, expected: 'a mapping with name and region' })
  const out: MetadataRead = { tags: {} }
  if (!meta) {
    if (regionOverride) out.region = regionOverride
    return out
  }

  const name = meta.nonEmptyString('name', { required: true, expected: 'the EKS cluster name' })
  if (name) {
    if (name.value.length > CLUSTER_NAME_MAX) {
      ctx.error(name.node, name.path, `cluster name is ${name.value.length} characters long`, ctx.describe(name.node), `at most ${CLUSTER_NAME_MAX} characters`)
    } else if (!CLUSTER_NAME.test(name.value)) {
      ctx.error(
        name.node,
        name.path,
        'not a valid EKS cluster name',
        ctx.describe(name.node),
        'letters, digits, - and _, starting with a letter or digit'
      )
    } else out.name = name.value
  }

  out.region = readRegion(meta, regionOverride)

  const versionExpected = "a Kubernetes minor version like '1.32'"
  const version = meta.string('version', { allowNumber: true, expected: versionExpected })
  if (version) {
    if (KUBERNETES_MINOR.test(version.value)) {
      out.kubernetesVersion = version.value
      out.versionAt = ctx.position(version.node)
      out.versionWritten = ctx.describe(version.node)
    } else ctx.error(version.node, version.path, 'not a Kubernetes minor version', ctx.describe(version.node), versionExpected)
  }

  out.tags = readTags(meta, 'tags')
  return out
}

function readRegion(meta: MapView, regionOverride: string | undefined): string | undefined {
  const ctx = meta.ctx
  const expected = 'an AWS region like us-west-2'
  // The aws-region input may stand in for the file's region, so the key is only required without it.
  const region = meta.nonEmptyString('region', { required: regionOverride === undefined, expected })
  if (regionOverride !== undefined) {
    if (!AWS_REGION.test(regionOverride)) {
      ctx.error(region?.node ?? meta.node, 'metadata.region', 'the aws-region input is not an AWS region', regionOverride, expected)
      return undefined
    }
    if (region && region.value !== regionOverride) {
      ctx.warning(region.node, region.path, `the aws-region input (${regionOverride}) overrides the region in the file (${region.value})`)
    }
    return regionOverride
  }
  if (!region) return undefined
  if (!AWS_REGION.test(region.value)) {
    ctx.error(region.node, region.path, 'not an AWS region', ctx.describe(region.node), expected)
    return undefined
  }
  return region.value
}
