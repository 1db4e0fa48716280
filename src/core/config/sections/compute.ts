// Where the cluster's nodes run, as far as Karpenter cares: a control plane on AWS Outposts and EKS Auto Mode
// are refused at their key (README "Clusters this does not support"); Windows node groups are noted, because
// Karpenter's node role must then be mapped for Windows too (docs/design.md "Windows nodes").
// The node group sections are eksctl's to validate: they are only looked at, never reported on.
import { isMap, isScalar, isSeq } from 'yaml'
import { isEmptyValue, type MapView } from '../view.js'
import type { WindowsNodeGroup } from '../types.js'
import { OUTPOSTS_REFUSAL, autoModeFileRefusal } from '../../karpenter/unsupported.js'
import { isWindowsAmiFamily } from '../../karpenter/windows.js'

/** `outpost:` set: Karpenter does not run there (eksctl refuses it too). */
export function refuseOutposts(root: MapView): void {
  const e = root.entry('outpost')
  if (!e || isEmptyValue(e.value)) return
  root.ctx.error(e.keyNode, e.path, OUTPOSTS_REFUSAL, root.ctx.describe(e.value), 'no outpost: section (a cluster whose control plane runs in an AWS Region)')
}

/** `autoModeConfig.enabled: true`: EKS runs its own Karpenter there. */
export function refuseAutoMode(root: MapView): void {
  const auto = root.mapping('autoModeConfig')
  if (!auto) return
  const enabled = auto.entry('enabled')
  if (!enabled || auto.boolean('enabled') !== true) return
  root.ctx.error(auto.at(enabled), enabled.path, autoModeFileRefusal(), root.ctx.describe(enabled.value), 'false, or no autoModeConfig (a cluster without EKS Auto Mode)')
}

/** nodeGroups and managedNodeGroups with a Windows amiFamily (WindowsServer…). */
export function readWindowsNodeGroups(root: MapView): WindowsNodeGroup[] {
  const found: WindowsNodeGroup[] = []
  for (const section of ['nodeGroups', 'managedNodeGroups']) {
    const e = root.entry(section)
    if (!e || !isSeq(e.value)) continue
    e.value.items.forEach((raw, i) => {
      const item = root.ctx.deref(raw as never)
      if (!isMap(item)) return
      const group = root.ctx.map(item, `${section}[${i}]`)
      const family = group.entry('amiFamily')
      const value = family && isScalar(family.value) ? family.value.value : undefined
      if (typeof value !== 'string' || !isWindowsAmiFamily(value)) return
      const name = group.entry('name')
      found.push({
        path: `${section}[${i}]`,
        name: name && isScalar(name.value) && typeof name.value.value === 'string' ? name.value.value : '',
        amiFamily: value,
        position: root.ctx.position(family!.keyNode)
      })
    })
  }
  return found
}
