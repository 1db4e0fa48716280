// Other eksctl sections this action needs a little of: Fargate profiles (Pod Identity does not work on
// Fargate), addons (the Pod Identity agent) and the cluster's authentication mode (node access).
import type { MapView } from '../view.js'
import type { FargateProfile } from '../types.js'
import { AUTHENTICATION_MODES } from '../patterns.js'

export function readFargateProfiles(root: MapView): FargateProfile[] {
  const profiles: FargateProfile[] = []
  for (const p of root.listOfMappings('fargateProfiles', 'a mapping with name and selectors') ?? []) {
    const name = p.string('name')
    const namespaces: string[] = []
    for (const selector of p.listOfMappings('selectors', 'a mapping with namespace') ?? []) {
      const ns = selector.string('namespace', { expected: 'a Kubernetes namespace' })
      if (ns) namespaces.push(ns.value)
    }
    profiles.push({ name: name?.value ?? '', namespaces, position: p.position })
  }
  return profiles
}

export function readAddonNames(root: MapView): string[] {
  const names: string[] = []
  for (const addon of root.listOfMappings('addons', 'a mapping with name') ?? []) {
    const name = addon.nonEmptyString('name', { required: true, expected: 'an EKS addon name' })
    if (name) names.push(name.value)
  }
  return names
}

export function readAuthenticationMode(root: MapView): string | undefined {
  const access = root.mapping('accessConfig')
  if (!access) return undefined
  const expected = `one of ${AUTHENTICATION_MODES.join(', ')}`
  const mode = access.string('authenticationMode', { expected })
  if (!mode) return undefined
  if ((AUTHENTICATION_MODES as readonly string[]).includes(mode.value)) return mode.value
  access.ctx.error(mode.node, mode.path, 'not an EKS authentication mode', access.ctx.describe(mode.node), expected)
  return undefined
}
