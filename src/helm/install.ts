// Installs or upgrades Karpenter with helm (docs/design.md, "Helm"). Whether there is anything to do, and whether the
// upgrade path allows it, apply's plan decided from the release records it read (core/plan/apply-plan.ts); nothing
// here reads a release to decide or guards again. In order:
//   1. `helm registry logout public.ecr.aws`
//   2. karpenter-crd first (after adopting CRDs the controller chart created), so CRDs are never stale
//   3. the controller chart, values from a 0600 temp file, `--wait --timeout`
// A helm failure is reported with helm's own message and the release's history.
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
import { writeValuesFile } from './values-file.js'

export interface InstallOptions {
  /** helm executable (resolveHelm's path) */
  helm: string
  kubeconfig: string
  spec: HelmReleaseSpec
  /** RUNNER_TEMP: the generated values file goes here */
  tempDir: string
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

/** What steps 1–2 leave for step 3. */
export interface CrdPhase {
  /** the controller release as it was before this run */
  main?: InstalledRelease
  /** summary lines, in order (CRDs adopted, karpenter-crd installed) */
  steps: string[]
}

/**
 * Steps 1–2: logs out of the registry and installs karpenter-crd (when this version has one). Needs nothing from
 * the CloudFormation stacks, so apply runs it while they deploy (docs/design.md, "Apply latency").
 */
export async function installCrds(o: InstallOptions, releases: ReleaseFacts): Promise<CrdPhase> {
  const { helm, kubeconfig, spec } = o
  const steps: string[] = []
  const { main, crd } = releases

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
  return { main, steps }
}

/** Step 3: the controller chart (after installCrds). */
export async function installChart(o: InstallOptions, crds: CrdPhase): Promise<InstallResult> {
  const { helm, kubeconfig, spec } = o
  const chartVersion = spec.chart.version
  const { main } = crds
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

/** Steps 1–3 in one go: the CRD phase's lines, then the chart's. */
export async function installKarpenter(o: InstallOptions, releases: ReleaseFacts): Promise<InstallResult> {
  const crds = await installCrds(o, releases)
  const chart = await installChart(o, crds)
  return { ...chart, steps: [...crds.steps, ...chart.steps] }
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
