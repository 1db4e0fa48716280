// Installs or upgrades Karpenter with helm (docs/design.md, "Helm"), in an order that changes nothing until every check passed:
//   1. read the installed release (and the CRD release)
//   2. upgrade guard: a jump the upgrade guide does not allow is refused here, naming the steps
//   3. nothing to do when the same chart version is deployed with the same values
//   4. `helm registry logout public.ecr.aws`
//   5. karpenter-crd first (after adopting CRDs the controller chart created), so CRDs are never stale
//   6. the controller chart, values from a 0600 temp file, `--wait --timeout`
// A helm failure is reported with helm's own message and the release's history.
import { checkUpgrade } from '../core/karpenter/upgrade.js'
import { compareVersions, parseVersion, type SemVer } from '../core/karpenter/version.js'
import type { HelmReleaseSpec } from '../core/types.js'
import { info, warning } from '../runner/log.js'
import { CRD_RELEASE, crdUpgradeArgs, uninstallArgs, upgradeArgs } from '../core/helm/args.js'
import type { CrdAdopter } from './crd-adopter.js'
import { crdAdoptionPatches } from '../core/helm/crd-adoption.js'
import { registryLogout } from './logout.js'
import { formatHistory, readRelease, releaseHistory, type InstalledRelease } from './release.js'
import { HelmError, runHelm } from './run.js'
import { mergeValues, sameValues } from '../core/helm/values-merge.js'
import { writeValuesFile } from './values-file.js'
import { together } from '../core/together.js'
import { ProvisionError } from '../core/errors.js'

export interface InstallOptions {
  /** helm executable (resolveHelm's path) */
  helm: string
  kubeconfig: string
  spec: HelmReleaseSpec
  /** RUNNER_TEMP: the generated values file goes here */
  tempDir: string
  /** what the values-file input holds (read and checked with the inputs); `spec.valuesFile` is its resolved path */
  extraValues?: Record<string, unknown>
  /**
   * Reads and patches CRDs so karpenter-crd can adopt the ones the controller chart created. Wire it with
   * kubeCrdAdopter(new KubeClient(…)); without it adoption is skipped (fine on clusters that never had them).
   */
  crdAdopter?: CrdAdopter
  /**
   * The installed chart version the upgrade guard already passed (apply guards before the stacks, from the
   * release Secret): step 2 is not run again when helm finds the release at that version.
   */
  guardedVersion?: string
}

export interface InstallResult {
  revision: string
  chartVersion: string
  changed: boolean
  /** summary lines, in order */
  steps: string[]
}

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

function versionOf(tag: string, what: string): SemVer {
  const ver = parseVersion(tag)
  if (!ver) throw new Error(`${what} ${JSON.stringify(tag)} is not a version`)
  return ver
}

/** Step 2: throws UpgradeRefusedError for a jump the guides do not allow; returns the guard's notes otherwise. */
export function guardUpgrade(installed: InstalledRelease | undefined, targetTag: string): string[] {
  if (!installed) return []
  const from = parseVersion(installed.version)
  if (!from) {
    warning(`installed release ${installed.name} has chart version ${JSON.stringify(installed.version)}; upgrade path not checked`)
    return []
  }
  const check = checkUpgrade(from, versionOf(targetTag, 'chart version'))
  if (!check.ok) throw new UpgradeRefusedError(installed.version, targetTag, check.reason, check.steps)
  return check.notes
}

/** Step 3: same chart version deployed with the same values (and the CRD chart at that version too). */
function upToDate(
  spec: HelmReleaseSpec,
  extraValues: Record<string, unknown>,
  main: InstalledRelease | undefined,
  crd: InstalledRelease | undefined
): boolean {
  const target = versionOf(spec.chart.version, 'chart version')
  const sameVersion = (r: InstalledRelease | undefined): boolean => {
    const got = r ? parseVersion(r.version) : undefined
    return r?.status === 'deployed' && got !== undefined && compareVersions(got, target) === 0
  }
  if (!sameVersion(main) || (spec.crdChart && !sameVersion(crd))) return false
  return sameValues((main as InstalledRelease).values, mergeValues(spec.values, extraValues))
}

async function failWithHistory(e: unknown, o: InstallOptions, release: string, what: string): Promise<never> {
  if (!(e instanceof HelmError)) throw e
  const history = await releaseHistory(o.helm, o.kubeconfig, release, o.spec.namespace)
  throw new Error(`${what} failed: ${e.helmMessage}\nRelease ${o.spec.namespace}/${release} history:\n${formatHistory(history)}`, {
    cause: e
  })
}

/** Returns the summary line of what it adopted (none when nothing). */
async function adoptCrds(o: InstallOptions): Promise<string[]> {
  if (!o.crdAdopter) {
    info('CRD adoption skipped: no Kubernetes client given (existing unowned Karpenter CRDs would make karpenter-crd fail)')
    return []
  }
  const plan = crdAdoptionPatches(await o.crdAdopter.listCrds(), { namespace: o.spec.namespace, release: CRD_RELEASE })
  if (plan.conflicts.length > 0) {
    throw new Error(
      `Karpenter CRDs belong to another Helm release: ${plan.conflicts.map((c) => `${c.name} (${c.owner})`).join(', ')}. ` +
        `Uninstall that release or move the CRDs to ${o.spec.namespace}/${CRD_RELEASE} first; nothing was changed.`
    )
  }
  for (const p of plan.patches) await o.crdAdopter.patchCrd(p)
  return plan.patches.length > 0 ? [`adopted CRDs into ${CRD_RELEASE}: ${plan.patches.map((p) => p.name).join(', ')}`] : []
}

/** What steps 1–5 learned, for step 6. */
export interface CrdPhase {
  /** the controller release as it was before this run */
  main?: InstalledRelease
  /** step 3: the same chart version is deployed with the same values — nothing to do */
  upToDate: boolean
  /** summary lines, in order (upgrade notes, CRDs adopted, karpenter-crd installed) */
  steps: string[]
}

/**
 * Steps 1–5: reads both releases (at once), guards the upgrade, and unless all is up to date logs out of the
 * registry and installs karpenter-crd. Needs nothing from the CloudFormation stacks, so apply runs it while
 * they deploy (docs/design.md, "Apply latency").
 */
export async function installCrds(o: InstallOptions): Promise<CrdPhase> {
  const { helm, kubeconfig, spec } = o
  const steps: string[] = []
  const chartVersion = spec.chart.version
  const [main, crd] = await together(
    readRelease(helm, kubeconfig, spec.release, spec.namespace),
    spec.crdChart ? readRelease(helm, kubeconfig, CRD_RELEASE, spec.namespace) : Promise.resolve(undefined)
  )

  // Step 2 once per run: apply has guarded the release it read before the stacks; a release that changed since
  // (another run upgraded it meanwhile) is guarded again.
  if (!(main && o.guardedVersion !== undefined && main.version === o.guardedVersion)) {
    for (const note of guardUpgrade(main, chartVersion)) steps.push(`upgrade note: ${note}`)
  }

  if (main && upToDate(spec, o.extraValues ?? {}, main, crd)) return { main, upToDate: true, steps }

  await registryLogout(helm)

  if (spec.crdChart) {
    if (!crd) steps.push(...(await adoptCrds(o)))
    try {
      await runHelm(helm, crdUpgradeArgs(spec), { kubeconfig, silent: false })
    } catch (e) {
      await failWithHistory(e, o, CRD_RELEASE, `helm upgrade --install ${CRD_RELEASE} ${spec.crdChart.version}`)
    }
    steps.push(`helm: ${CRD_RELEASE} ${spec.crdChart.version} installed/upgraded in ${spec.namespace}`)
  }
  return { main, upToDate: false, steps }
}

/** Step 6: the controller chart (after installCrds). */
export async function installChart(o: InstallOptions, crds: CrdPhase): Promise<InstallResult> {
  const { helm, kubeconfig, spec } = o
  const chartVersion = spec.chart.version
  const { main } = crds
  if (main && crds.upToDate) {
    const step = `helm: ${spec.release} ${chartVersion} already deployed with these values (revision ${main.revision}); nothing to change`
    return { revision: main.revision, chartVersion, changed: false, steps: [step] }
  }

  const values = await writeValuesFile(o.tempDir, spec.values)
  let printed = ''
  try {
    printed = (await runHelm(helm, upgradeArgs(spec, values.path), { kubeconfig, silent: false })).stdout
  } catch (e) {
    await failWithHistory(e, o, spec.release, `helm upgrade --install ${spec.release} ${chartVersion}`)
  } finally {
    await values.remove()
  }

  // The revision helm made: it prints it (`REVISION: n`); `helm list` (and get values) only when it did not.
  const revision = /^REVISION: (\d+)\s*$/m.exec(printed)?.[1] ?? (await readRelease(helm, kubeconfig, spec.release, spec.namespace))?.revision
  if (!revision) throw new Error(`helm reported success but release ${spec.namespace}/${spec.release} is not listed`)
  const step = main
    ? `helm: upgraded ${spec.release} ${main.version} → ${chartVersion} (revision ${revision})`
    : `helm: installed ${spec.release} ${chartVersion} (revision ${revision})`
  return { revision, chartVersion, changed: true, steps: [step] }
}

/** Steps 1–6 in one go: the CRD phase's lines, then the chart's. */
export async function installKarpenter(o: InstallOptions): Promise<InstallResult> {
  const crds = await installCrds(o)
  const chart = await installChart(o, crds)
  return { ...chart, changed: chart.changed || !crds.upToDate, steps: [...crds.steps, ...chart.steps] }
}

export interface UninstallOptions {
  helm: string
  kubeconfig: string
  namespace: string
  release: string
  timeoutSeconds: number
}

const NOT_FOUND = /not found/i

/** The releases delete uninstalls, in order: the controller, then (with includeCrds) karpenter-crd, which DELETES the CRDs and every NodePool/NodeClaim with them. */
export function releasesToUninstall(release: string, includeCrds: boolean): string[] {
  return includeCrds ? [release, CRD_RELEASE] : [release]
}

export interface UninstallResult {
  removed: boolean
  /** the summary line */
  steps: string[]
  changed: boolean
}

/** delete mode: uninstalls one release; an absent release is fine. */
export async function uninstallRelease(o: UninstallOptions): Promise<UninstallResult> {
  const args = uninstallArgs(o.release, o.namespace, o.timeoutSeconds)
  const r = await runHelm(o.helm, args, { kubeconfig: o.kubeconfig, allowFailure: true, silent: false })
  if (r.exitCode === 0) return { removed: true, steps: [`helm: uninstalled ${o.namespace}/${o.release}`], changed: true }
  if (NOT_FOUND.test(r.stderr)) return { removed: false, steps: [`helm: ${o.namespace}/${o.release} not installed; nothing to uninstall`], changed: false }
  throw new HelmError(args, r.exitCode, r.stdout, r.stderr)
}
