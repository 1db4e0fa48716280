// Installs or upgrades Karpenter with helm (docs/design.md, "Helm"), in an order that changes nothing until every check passed:
//   1. the releases as the mode read them (ReleaseFacts, from their release records); the mode ran the upgrade
//      guard on them, once, before any change — nothing here reads a release or guards again
//   2. nothing to do when the same chart version is deployed with the same values
//   3. `helm registry logout public.ecr.aws`
//   4. karpenter-crd first (after adopting CRDs the controller chart created), so CRDs are never stale
//   5. the controller chart, values from a 0600 temp file, `--wait --timeout`
// A helm failure is reported with helm's own message and the release's history.
import { compareVersions, parseVersion, type SemVer } from '../core/karpenter/version.js'
import type { HelmReleaseSpec } from '../core/types.js'
import type { ReleaseFacts } from '../core/facts.js'
import { runningVersion, type InstalledRelease } from '../core/helm/release.js'
import { info } from '../runner/log.js'
import { CRD_RELEASE, crdUpgradeArgs, uninstallArgs, upgradeArgs } from '../core/helm/args.js'
import type { CrdAdopter } from './crd-adopter.js'
import { crdAdoptionPatches } from '../core/helm/crd-adoption.js'
import { registryLogout } from './logout.js'
import { formatHistory, releaseHistory } from './release.js'
import { HelmError, runHelm } from './run.js'
import { mergeValues, sameValues } from '../core/helm/values-merge.js'
import { writeValuesFile } from './values-file.js'

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
   * Reads the controller release again (wire it to kube/helm-release.ts's readRelease): only when `helm upgrade`
   * did not print the revision it made.
   */
  readRelease: () => Promise<InstalledRelease | undefined>
}

export interface InstallResult {
  revision: string
  chartVersion: string
  changed: boolean
  /** summary lines, in order */
  steps: string[]
}

function versionOf(tag: string, what: string): SemVer {
  const ver = parseVersion(tag)
  if (!ver) throw new Error(`${what} ${JSON.stringify(tag)} is not a version`)
  return ver
}

/** Step 2: same chart version deployed with the same values (and the CRD chart at that version too). */
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

/** What steps 1–4 learned, for step 5. */
export interface CrdPhase {
  /** the controller release as it was before this run */
  main?: InstalledRelease
  /** step 2: the same chart version is deployed with the same values — nothing to do */
  upToDate: boolean
  /** summary lines, in order (CRDs adopted, karpenter-crd installed) */
  steps: string[]
}

/**
 * Steps 1–4: decides from the releases the mode read whether anything is to do, and unless all is up to date
 * logs out of the registry and installs karpenter-crd. Needs nothing from the CloudFormation stacks, so apply
 * runs it while they deploy (docs/design.md, "Apply latency").
 */
export async function installCrds(o: InstallOptions, releases: ReleaseFacts): Promise<CrdPhase> {
  const { helm, kubeconfig, spec } = o
  const steps: string[] = []
  const { main, crd } = releases

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

/** Step 5: the controller chart (after installCrds). */
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

  // The revision helm made: it prints it (`REVISION: n`); its release record is read again only when it did not.
  const revision = /^REVISION: (\d+)\s*$/m.exec(printed)?.[1] ?? (await o.readRelease())?.revision
  if (!revision) throw new Error(`helm reported success but release ${spec.namespace}/${spec.release} has no release record`)
  const step = main
    ? `helm: upgraded ${spec.release} ${runningVersion(main)} → ${chartVersion} (revision ${revision})`
    : `helm: installed ${spec.release} ${chartVersion} (revision ${revision})`
  return { revision, chartVersion, changed: true, steps: [step] }
}

/** Steps 1–5 in one go: the CRD phase's lines, then the chart's. */
export async function installKarpenter(o: InstallOptions, releases: ReleaseFacts): Promise<InstallResult> {
  const crds = await installCrds(o, releases)
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
