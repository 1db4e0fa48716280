// Which Karpenter version jumps the upgrade guide allows (docs/design.md, "Helm"; upstream upgrade-guide.md,
// v1beta1-migration.md and v1-migration.md), the steps to name when a jump is refused, and the guard that applies
// it to the installed release.
//
// API eras:  ≤0.31 v1alpha5 · 0.32 v1alpha5 + v1beta1 · 0.33–0.37 v1beta1 · 1.0 v1 + v1beta1 (conversion
// webhooks) · ≥1.1 v1 only.
//
// Upgrades: one era at a time, through the bridge releases the guides name:
//   ≤0.31 → 0.32.x → 0.33+ (migrate alpha resources while on 0.32);
//   0.33–0.37 → 1.0.x only from the rollback-capable latest patch of the minor (the v1 guide's steps 1–6 put you
//   there first; upgrading from an older patch works but makes rolling back from 1.0 impossible);
//   → ≥1.1 only from ≥1.0.6: 1.1 drops v1beta1, so every stored object must already be v1, and 1.0.6+ is the
//   first release that migrates stored versions by itself. (Earlier 1.0 patches need a manual storage migration
//   that this tool cannot verify, so we ask for 1.0.6+.)
// Downgrades (rollback): allowed within an era, and backwards across one era only to the releases the guides
// name as rollback targets (0.31.4+ from 0.32; 0.33.12/0.34.13/0.35.12/0.36.9/0.37.7+ from 1.0.x). Anything
// that would leave stored objects in an API version the target does not serve is refused.
import { compareVersions, formatVersion, parseVersion, v, type SemVer } from './version.js'
import { ProvisionError } from '../errors.js'
import { runningVersion, type InstalledRelease } from '../helm/release.js'

export type UpgradeCheck = { ok: true; notes: string[] } | { ok: false; reason: string; steps: string[] }

type Era = 'alpha' | 'dual' | 'beta' | 'v1-conversion' | 'v1'

function eraOf(x: SemVer): Era {
  if (x.major >= 1) return x.major === 1 && x.minor === 0 ? 'v1-conversion' : 'v1'
  if (x.minor <= 31) return 'alpha'
  if (x.minor === 32) return 'dual'
  return 'beta'
}

/** Latest patch of the 0.32 line: the bridge between v1alpha5 and v1beta1. */
export const LATEST_V032 = '0.32.10'
/** Latest 0.31 patch; 0.31.4+ is the only ≤0.31 line that can take a rollback from 0.32. */
const ROLLBACK_FROM_V032 = v(0, 31, 4)
const LATEST_V031 = '0.31.5'
/** Newest 1.0.x tag; any 1.0.6+ migrates stored versions to v1 on its own. */
export const LATEST_V1_0 = '1.0.14'
const AUTO_STORAGE_MIGRATION = v(1, 0, 6)

/** Per 0.33–0.37 minor: the patch that supports rolling back from 1.0.x (v1-migration "Downgrading"). */
export const V1_ROLLBACK_PATCHES: Readonly<Record<number, SemVer>> = {
  33: v(0, 33, 12),
  34: v(0, 34, 13),
  35: v(0, 35, 12),
  36: v(0, 36, 9),
  37: v(0, 37, 7)
}

// 0.36 changed drift hashing; rolling back from ≥0.36 to an older minor needs these patches or every node drifts.
const DRIFT_ROLLBACK_PATCHES: Readonly<Record<number, SemVer>> = {
  32: v(0, 32, 9),
  33: v(0, 33, 4),
  34: v(0, 34, 5),
  35: v(0, 35, 4)
}

const fmt = formatVersion
const ge = (a: SemVer, b: SemVer): boolean => compareVersions(a, b) >= 0

function rollbackPatchFor(x: SemVer): SemVer | undefined {
  return x.major === 0 ? V1_ROLLBACK_PATCHES[x.minor] : undefined
}

const CRD_WEBHOOK_STEP = (ver: string): string =>
  `apply the ${ver} CRDs through the karpenter-crd chart with webhook.enabled=true, webhook.serviceName=karpenter ` +
  `(the controller's Service), webhook.serviceNamespace=<namespace>, webhook.port=8443`
const V1_STEPS_TAIL = (v1: string = LATEST_V1_0): string[] => [
  'update the controller IAM policy to the 1.0 permissions (eks:eks-cluster-name scoping) — this tool does that when it applies 1.0.x',
  `upgrade to ${v1}: karpenter-crd first (v1 CRDs with the conversion webhook), then the controller`
]
const V1_1_PREREQS = [
  'convert every NodePool, NodeClaim and EC2NodeClass manifest to v1, with nodeClassRef.group (karpenter.k8s.aws) and nodeClassRef.kind (EC2NodeClass) set — required from 1.1.0',
  'check that each Karpenter CRD reports storedVersions ["v1"] (kubectl get crd nodepools.karpenter.sh -o jsonpath={.status.storedVersions})'
]

/** The rollback-capable patch of a 0.33–0.37 version's minor when the version is older than it. */
function unmetRollbackPatch(x: SemVer): SemVer | undefined {
  const patch = rollbackPatchFor(x) as SemVer
  return ge(x, patch) ? undefined : patch
}

function refuse(reason: string, steps: string[]): UpgradeCheck {
  return { ok: false, reason, steps }
}

function stepsToV1From(installed: SemVer, v1?: string): string[] {
  const patch = rollbackPatchFor(installed)
  const bridge = patch && ge(installed, patch) ? fmt(installed) : fmt(patch ?? V1_ROLLBACK_PATCHES[37] as SemVer)
  const steps: string[] = []
  if (!patch || !ge(installed, patch)) steps.push(`upgrade to ${bridge} first (the rollback-capable patch of your minor)`)
  steps.push(CRD_WEBHOOK_STEP(bridge), ...V1_STEPS_TAIL(v1))
  return steps
}

function checkForward(installed: SemVer, target: SemVer): UpgradeCheck {
  const from = eraOf(installed)
  const to = eraOf(target)
  const i = fmt(installed)
  const t = fmt(target)
  const notes: string[] = []

  if (from === 'alpha' && to !== 'alpha' && to !== 'dual') {
    return {
      ok: false,
      reason: `Karpenter ${i} uses the v1alpha5 APIs; ${t} serves only ${to === 'beta' ? 'v1beta1' : 'v1'}. The upgrade guide: "Do not upgrade to 0.33.0+ without first upgrading to 0.32.x".`,
      steps: [
        ...(ge(installed, ROLLBACK_FROM_V032) ? [] : [`upgrade to ${LATEST_V031} first (only 0.31.4+ can roll back from 0.32)`]),
        `upgrade to ${LATEST_V032} (serves v1alpha5 and v1beta1 side by side)`,
        'migrate every Provisioner, AWSNodeTemplate and Machine to NodePool, EC2NodeClass and NodeClaim (v1beta1 migration guide)',
        ...(to === 'beta' ? [`then upgrade to ${t}`] : ['then upgrade to the latest patch of 0.33–0.37 and follow the v1 migration to 1.0.x', `then upgrade to ${t}`])
      ]
    }
  }
  if (from === 'alpha' && to === 'dual') {
    notes.push(`0.32 serves v1alpha5 and v1beta1: migrate Provisioners/AWSNodeTemplates/Machines to v1beta1 before going to 0.33+.`)
    if (!ge(installed, ROLLBACK_FROM_V032)) {
      notes.push(`Only 0.31.4+ can take a rollback from 0.32 once v1beta1 objects exist; ${i} cannot (upgrade to ${LATEST_V031} first if you may need to roll back).`)
    }
    return { ok: true, notes }
  }
  if (from === 'dual' && (to === 'v1-conversion' || to === 'v1')) {
    return {
      ok: false,
      reason: `Karpenter 1.0 can only be installed over 0.33–0.37; ${i} must first move to v1beta1-only 0.33+.`,
      steps: [
        'migrate every v1alpha5 object to v1beta1 while on 0.32',
        `upgrade to ${fmt(V1_ROLLBACK_PATCHES[37] as SemVer)}`,
        CRD_WEBHOOK_STEP(fmt(V1_ROLLBACK_PATCHES[37] as SemVer)),
        ...V1_STEPS_TAIL(to === 'v1-conversion' ? t : LATEST_V1_0),
        ...(to === 'v1' ? [...V1_1_PREREQS, `then upgrade to ${t}`] : [])
      ]
    }
  }
  if (from === 'dual' && to === 'beta') {
    notes.push('0.33+ serves only v1beta1: every Provisioner, AWSNodeTemplate and Machine must be migrated first, and the old settings.aws.* values stop working.')
    return { ok: true, notes }
  }
  if (from === 'beta' && to === 'v1-conversion') {
    const patch = unmetRollbackPatch(installed)
    if (patch) {
      return refuse(`Rolling back from 1.0.x is only supported from the latest patch of each 0.33–0.37 minor; ${i} is older than ${fmt(patch)}.`, stepsToV1From(installed, t))
    }
    notes.push(
      `v1 migration: the karpenter-crd chart must carry the conversion webhook (webhook.enabled=true, webhook.serviceName, webhook.port=8443) for ${t}.`,
      `Rollback targets from 1.0.x: ${Object.values(V1_ROLLBACK_PATCHES).map(fmt).join(', ')}.`
    )
    return { ok: true, notes }
  }
  if (from === 'beta' && to === 'v1') {
    return {
      ok: false,
      reason: `Karpenter ${t} serves only the v1 APIs; from ${i} (v1beta1) you must pass through 1.0.x, which converts stored objects.`,
      steps: [...stepsToV1From(installed), ...V1_1_PREREQS, `then upgrade to ${t}`]
    }
  }
  if (from === 'v1-conversion' && to === 'v1') {
    if (!ge(installed, AUTO_STORAGE_MIGRATION)) {
      return {
        ok: false,
        reason: `Karpenter ${t} drops v1beta1; stored objects must be migrated to v1 first, which 1.0.6+ does automatically and ${i} does not.`,
        steps: [`upgrade to ${LATEST_V1_0} (any 1.0.6+) and let it migrate stored versions`, ...V1_1_PREREQS, `then upgrade to ${t}`]
      }
    }
    notes.push(`1.1.0 drops v1beta1 and the conversion webhooks: ${V1_1_PREREQS[0]}.`)
    return { ok: true, notes }
  }
  return { ok: true, notes }
}

function checkBackward(installed: SemVer, target: SemVer): UpgradeCheck {
  const from = eraOf(installed)
  const to = eraOf(target)
  const i = fmt(installed)
  const t = fmt(target)
  const notes: string[] = [
    `Downgrading ${i} → ${t}: fields that only ${i} understands are dropped from objects when the older CRDs are applied.`
  ]
  const lostCrds: string[] = []
  if (ge(installed, v(1, 14, 0)) && compareVersions(target, v(1, 14, 0)) < 0) lostCrds.push('CapacityBuffer (capacitybuffers.autoscaling.x-k8s.io)')
  if (ge(installed, v(1, 7, 0)) && compareVersions(target, v(1, 7, 0)) < 0) lostCrds.push('NodeOverlay (nodeoverlays.karpenter.sh)')
  if (lostCrds.length > 0) {
    notes.push(`The karpenter-crd chart of ${t} has no ${lostCrds.join(' or ')} CRD: helm deletes it, and every object of that kind with it.`)
  }
  if (from === to) {
    if (from === 'beta' && ge(installed, v(0, 36, 0)) && target.minor < 36) {
      const patch = DRIFT_ROLLBACK_PATCHES[target.minor] as SemVer
      if (!ge(target, patch)) {
        return {
          ok: false,
          reason: `0.36 changed drift detection; rolling back from ${i} to ${t} would drift every node. Supported rollback patches: ${Object.values(DRIFT_ROLLBACK_PATCHES).map(fmt).join(', ')}.`,
          steps: [`roll back to ${fmt(patch)} or later instead of ${t}`]
        }
      }
    }
    return { ok: true, notes }
  }
  if (from === 'dual' && to === 'alpha') {
    if (!ge(target, ROLLBACK_FROM_V032)) {
      return {
        ok: false,
        reason: `After 0.32, only 0.31.4+ handles a rollback once v1beta1 objects exist; ${t} does not.`,
        steps: [`roll back to ${LATEST_V031} (0.31.4 or later) instead`]
      }
    }
    notes.push('Delete any NodePool/EC2NodeClass/NodeClaim objects first: 0.31 does not manage them.')
    return { ok: true, notes }
  }
  if (from === 'beta' && to === 'dual') {
    if (ge(installed, v(0, 36, 0)) && !ge(target, DRIFT_ROLLBACK_PATCHES[32] as SemVer)) {
      return {
        ok: false,
        reason: `0.36 changed drift detection; rolling back from ${i} to ${t} would drift every node.`,
        steps: [`roll back to ${fmt(DRIFT_ROLLBACK_PATCHES[32] as SemVer)} or later instead`]
      }
    }
    return { ok: true, notes }
  }
  if (from === 'v1-conversion' && to === 'beta') {
    const patch = unmetRollbackPatch(target)
    if (patch) {
      return refuse(
        `From 1.0.x you may only roll back to a release with the conversion webhooks: ${Object.values(V1_ROLLBACK_PATCHES).map(fmt).join(', ')} (or later patches of those minors).`,
        [`roll back to ${fmt(patch)} instead of ${t}`, 'restore the pre-1.0 controller policy and CRDs (karpenter-crd of that version, webhook values set)']
      )
    }
    notes.push('v1-only fields are not kept; re-add the compatibility.karpenter.sh/v1beta1-kubelet-conversion annotation on NodePools if you removed it.')
    return { ok: true, notes }
  }
  if (from === 'v1' && to === 'v1-conversion') {
    return { ok: true, notes }
  }
  if (from === 'v1' && to === 'beta') {
    const patch = rollbackPatchFor(target) as SemVer
    return {
      ok: false,
      reason: `${t} does not serve the v1 APIs that ${i} stores; only 1.0.x converts between v1 and v1beta1.`,
      steps: [
        `roll back to ${LATEST_V1_0} first (it serves v1 and v1beta1 through conversion webhooks)`,
        `then roll back to ${fmt(ge(target, patch) ? target : patch)} as the v1 migration guide's "Downgrading" section describes`
      ]
    }
  }
  return {
    ok: false,
    reason: `Rolling back from ${i} to ${t} crosses more than one Karpenter API era (${from} → ${to}); the stored objects would be in an API version ${t} does not serve.`,
    steps: [`pick a rollback target in the era just before ${i}'s, as the upgrade guide lists`]
  }
}

/**
 * Whether moving an installed release to `target` is a jump the upgrade guide allows. Notes carry what the
 * user must know on an allowed jump; refusals name the steps in order.
 */
export function checkUpgrade(installed: SemVer, target: SemVer): UpgradeCheck {
  const c = compareVersions(target, installed)
  if (c === 0) return { ok: true, notes: [] }
  return c > 0 ? checkForward(installed, target) : checkBackward(installed, target)
}

/** A jump the upgrade guide does not allow: nothing was changed; the message names the steps in order. */
export class UpgradeRefusedError extends ProvisionError {
  override readonly name: string = 'UpgradeRefusedError'
  constructor(
    readonly from: string,
    readonly to: string,
    readonly reason: string,
    readonly steps: string[]
  ) {
    super(
      `Refusing to move Karpenter from ${from} to ${to}: ${reason}\nNothing was changed. Steps to take:\n` +
        steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n')
    )
  }
}

/** What the guard lets through: notes for an allowed jump, warnings when it could not check. */
export interface UpgradeGuard {
  notes: string[]
  warnings: string[]
}

/**
 * The upgrade guard (docs/design.md, "Helm"), run once per apply before any change: from the version the cluster
 * runs (the newest deployed revision, not a failed upgrade on top of it) to the chart version asked for. Throws
 * UpgradeRefusedError for a jump the guide does not allow; nothing installed is a first install.
 */
export function guardUpgrade(installed: InstalledRelease | undefined, targetTag: string): UpgradeGuard {
  if (!installed) return { notes: [], warnings: [] }
  const running = runningVersion(installed)
  const from = parseVersion(running)
  if (!from) {
    return { notes: [], warnings: [`installed release ${installed.name} runs chart version ${JSON.stringify(running)}, which is not a version; upgrade path not checked`] }
  }
  const target = parseVersion(targetTag)
  if (!target) throw new Error(`chart version ${JSON.stringify(targetTag)} is not a version`)
  const check = checkUpgrade(from, target)
  if (!check.ok) throw new UpgradeRefusedError(running, targetTag, check.reason, check.steps)
  return { notes: check.notes, warnings: [] }
}
