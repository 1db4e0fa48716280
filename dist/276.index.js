export const id = 276;
export const ids = [276];
export const modules = {

/***/ 6470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ deleteNodeAccessEntry),
/* harmony export */   cy: () => (/* binding */ describeNodeAccessEntry),
/* harmony export */   rS: () => (/* binding */ ensureNodeAccessEntry)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

async function ensureNodeAccessEntry(eks, cluster, roleArn, tags = {}) {
    const { CreateAccessEntryCommand, DescribeAccessEntryCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    try {
        // EKS's tag map takes at least one entry when present: none is sent rather than an empty one
        await eks.send(new CreateAccessEntryCommand({ clusterName: cluster, principalArn: roleArn, type: 'EC2_LINUX', ...(Object.keys(tags).length > 0 ? { tags } : {}) }));
        return { created: true };
    }
    catch (err) {
        if (!(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'ResourceInUseException'))
            throw err;
    }
    // It exists. Its type cannot be changed in place; a STANDARD entry would not let nodes join, so say so.
    const { accessEntry } = await eks.send(new DescribeAccessEntryCommand({ clusterName: cluster, principalArn: roleArn }));
    if (accessEntry?.type && accessEntry.type !== 'EC2_LINUX') {
        return {
            created: false,
            warning: `the access entry for ${roleArn} on cluster ${cluster} has type ${accessEntry.type}, not EC2_LINUX; Karpenter's nodes may not join. Delete it and re-run.`
        };
    }
    return { created: false };
}
/** For delete: removes the entry; a missing one is fine (running delete twice is fine). */
async function deleteNodeAccessEntry(eks, cluster, roleArn) {
    const { DeleteAccessEntryCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    try {
        await eks.send(new DeleteAccessEntryCommand({ clusterName: cluster, principalArn: roleArn }));
        return true;
    }
    catch (err) {
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'ResourceNotFoundException'))
            return false;
        throw err;
    }
}
/** The node role's access entry type (read only, for drift); undefined when there is no entry. */
async function describeNodeAccessEntry(eks, cluster, roleArn) {
    const { DescribeAccessEntryCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    try {
        const { accessEntry } = await eks.send(new DescribeAccessEntryCommand({ clusterName: cluster, principalArn: roleArn }));
        return accessEntry?.type ?? 'STANDARD';
    }
    catch (err) {
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'ResourceNotFoundException'))
            return undefined;
        throw err;
    }
}


/***/ }),

/***/ 6869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ settle),
/* harmony export */   b: () => (/* binding */ together)
/* harmony export */ });
// Steps that do not depend on each other, run at once but answered as if they had run one after the other.
// Pure: no I/O of its own.
/**
 * Waits for every promise, then returns their values in order — or throws the error of the first one, in
 * the order given, that failed. So a refusal reads the same as when the steps ran in sequence, and nothing is
 * still running behind the error.
 */
async function together(...steps) {
    const settled = await Promise.allSettled(steps);
    for (const s of settled)
        if (s.status === 'rejected')
            throw s.reason;
    return settled.map(s => s.value);
}
/** A promise that never rejects (so it can wait unobserved while other work goes on), with its outcome. */
function settle(p) {
    return p.then(value => ({ ok: true, value }), error => ({ ok: false, error }));
}


/***/ }),

/***/ 2885:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  go: () => (/* binding */ guardUpgrade),
  wJ: () => (/* binding */ installChart),
  Mj: () => (/* binding */ installCrds),
  AB: () => (/* binding */ releasesToUninstall),
  an: () => (/* binding */ uninstallRelease)
});

// UNUSED EXPORTS: UpgradeRefusedError, installKarpenter

// EXTERNAL MODULE: ./src/core/karpenter/version.ts
var version = __webpack_require__(9028);
;// CONCATENATED MODULE: ./src/core/karpenter/upgrade.ts
// Which Karpenter version jumps the upgrade guide allows (docs/design.md, "Helm"; upstream upgrade-guide.md,
// v1beta1-migration.md and v1-migration.md), and the steps to name when a jump is refused.
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

function eraOf(x) {
    if (x.major >= 1)
        return x.major === 1 && x.minor === 0 ? 'v1-conversion' : 'v1';
    if (x.minor <= 31)
        return 'alpha';
    if (x.minor === 32)
        return 'dual';
    return 'beta';
}
/** Latest patch of the 0.32 line: the bridge between v1alpha5 and v1beta1. */
const LATEST_V032 = '0.32.10';
/** Latest 0.31 patch; 0.31.4+ is the only ≤0.31 line that can take a rollback from 0.32. */
const ROLLBACK_FROM_V032 = (0,version.v)(0, 31, 4);
const LATEST_V031 = '0.31.5';
/** Newest 1.0.x tag; any 1.0.6+ migrates stored versions to v1 on its own. */
const LATEST_V1_0 = '1.0.14';
const AUTO_STORAGE_MIGRATION = (0,version.v)(1, 0, 6);
/** Per 0.33–0.37 minor: the patch that supports rolling back from 1.0.x (v1-migration "Downgrading"). */
const V1_ROLLBACK_PATCHES = {
    33: (0,version.v)(0, 33, 12),
    34: (0,version.v)(0, 34, 13),
    35: (0,version.v)(0, 35, 12),
    36: (0,version.v)(0, 36, 9),
    37: (0,version.v)(0, 37, 7)
};
// 0.36 changed drift hashing; rolling back from ≥0.36 to an older minor needs these patches or every node drifts.
const DRIFT_ROLLBACK_PATCHES = {
    32: (0,version.v)(0, 32, 9),
    33: (0,version.v)(0, 33, 4),
    34: (0,version.v)(0, 34, 5),
    35: (0,version.v)(0, 35, 4)
};
const fmt = version/* formatVersion */.qh;
const ge = (a, b) => (0,version/* compareVersions */.Zy)(a, b) >= 0;
function rollbackPatchFor(x) {
    return x.major === 0 ? V1_ROLLBACK_PATCHES[x.minor] : undefined;
}
const CRD_WEBHOOK_STEP = (ver) => `apply the ${ver} CRDs through the karpenter-crd chart with webhook.enabled=true, webhook.serviceName=karpenter ` +
    `(the controller's Service), webhook.serviceNamespace=<namespace>, webhook.port=8443`;
const V1_STEPS_TAIL = (v1 = LATEST_V1_0) => [
    'update the controller IAM policy to the 1.0 permissions (eks:eks-cluster-name scoping) — this tool does that when it applies 1.0.x',
    `upgrade to ${v1}: karpenter-crd first (v1 CRDs with the conversion webhook), then the controller`
];
const V1_1_PREREQS = [
    'convert every NodePool, NodeClaim and EC2NodeClass manifest to v1, with nodeClassRef.group (karpenter.k8s.aws) and nodeClassRef.kind (EC2NodeClass) set — required from 1.1.0',
    'check that each Karpenter CRD reports storedVersions ["v1"] (kubectl get crd nodepools.karpenter.sh -o jsonpath={.status.storedVersions})'
];
/** The rollback-capable patch of a 0.33–0.37 version's minor when the version is older than it. */
function unmetRollbackPatch(x) {
    const patch = rollbackPatchFor(x);
    return ge(x, patch) ? undefined : patch;
}
function refuse(reason, steps) {
    return { ok: false, reason, steps };
}
function stepsToV1From(installed, v1) {
    const patch = rollbackPatchFor(installed);
    const bridge = patch && ge(installed, patch) ? fmt(installed) : fmt(patch ?? V1_ROLLBACK_PATCHES[37]);
    const steps = [];
    if (!patch || !ge(installed, patch))
        steps.push(`upgrade to ${bridge} first (the rollback-capable patch of your minor)`);
    steps.push(CRD_WEBHOOK_STEP(bridge), ...V1_STEPS_TAIL(v1));
    return steps;
}
function checkForward(installed, target) {
    const from = eraOf(installed);
    const to = eraOf(target);
    const i = fmt(installed);
    const t = fmt(target);
    const notes = [];
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
        };
    }
    if (from === 'alpha' && to === 'dual') {
        notes.push(`0.32 serves v1alpha5 and v1beta1: migrate Provisioners/AWSNodeTemplates/Machines to v1beta1 before going to 0.33+.`);
        if (!ge(installed, ROLLBACK_FROM_V032)) {
            notes.push(`Only 0.31.4+ can take a rollback from 0.32 once v1beta1 objects exist; ${i} cannot (upgrade to ${LATEST_V031} first if you may need to roll back).`);
        }
        return { ok: true, notes };
    }
    if (from === 'dual' && (to === 'v1-conversion' || to === 'v1')) {
        return {
            ok: false,
            reason: `Karpenter 1.0 can only be installed over 0.33–0.37; ${i} must first move to v1beta1-only 0.33+.`,
            steps: [
                'migrate every v1alpha5 object to v1beta1 while on 0.32',
                `upgrade to ${fmt(V1_ROLLBACK_PATCHES[37])}`,
                CRD_WEBHOOK_STEP(fmt(V1_ROLLBACK_PATCHES[37])),
                ...V1_STEPS_TAIL(to === 'v1-conversion' ? t : LATEST_V1_0),
                ...(to === 'v1' ? [...V1_1_PREREQS, `then upgrade to ${t}`] : [])
            ]
        };
    }
    if (from === 'dual' && to === 'beta') {
        notes.push('0.33+ serves only v1beta1: every Provisioner, AWSNodeTemplate and Machine must be migrated first, and the old settings.aws.* values stop working.');
        return { ok: true, notes };
    }
    if (from === 'beta' && to === 'v1-conversion') {
        const patch = unmetRollbackPatch(installed);
        if (patch) {
            return refuse(`Rolling back from 1.0.x is only supported from the latest patch of each 0.33–0.37 minor; ${i} is older than ${fmt(patch)}.`, stepsToV1From(installed, t));
        }
        notes.push(`v1 migration: the karpenter-crd chart must carry the conversion webhook (webhook.enabled=true, webhook.serviceName, webhook.port=8443) for ${t}.`, `Rollback targets from 1.0.x: ${Object.values(V1_ROLLBACK_PATCHES).map(fmt).join(', ')}.`);
        return { ok: true, notes };
    }
    if (from === 'beta' && to === 'v1') {
        return {
            ok: false,
            reason: `Karpenter ${t} serves only the v1 APIs; from ${i} (v1beta1) you must pass through 1.0.x, which converts stored objects.`,
            steps: [...stepsToV1From(installed), ...V1_1_PREREQS, `then upgrade to ${t}`]
        };
    }
    if (from === 'v1-conversion' && to === 'v1') {
        if (!ge(installed, AUTO_STORAGE_MIGRATION)) {
            return {
                ok: false,
                reason: `Karpenter ${t} drops v1beta1; stored objects must be migrated to v1 first, which 1.0.6+ does automatically and ${i} does not.`,
                steps: [`upgrade to ${LATEST_V1_0} (any 1.0.6+) and let it migrate stored versions`, ...V1_1_PREREQS, `then upgrade to ${t}`]
            };
        }
        notes.push(`1.1.0 drops v1beta1 and the conversion webhooks: ${V1_1_PREREQS[0]}.`);
        return { ok: true, notes };
    }
    return { ok: true, notes };
}
function checkBackward(installed, target) {
    const from = eraOf(installed);
    const to = eraOf(target);
    const i = fmt(installed);
    const t = fmt(target);
    const notes = [
        `Downgrading ${i} → ${t}: fields that only ${i} understands are dropped from objects when the older CRDs are applied.`
    ];
    const lostCrds = [];
    if (ge(installed, (0,version.v)(1, 14, 0)) && (0,version/* compareVersions */.Zy)(target, (0,version.v)(1, 14, 0)) < 0)
        lostCrds.push('CapacityBuffer (capacitybuffers.autoscaling.x-k8s.io)');
    if (ge(installed, (0,version.v)(1, 7, 0)) && (0,version/* compareVersions */.Zy)(target, (0,version.v)(1, 7, 0)) < 0)
        lostCrds.push('NodeOverlay (nodeoverlays.karpenter.sh)');
    if (lostCrds.length > 0) {
        notes.push(`The karpenter-crd chart of ${t} has no ${lostCrds.join(' or ')} CRD: helm deletes it, and every object of that kind with it.`);
    }
    if (from === to) {
        if (from === 'beta' && ge(installed, (0,version.v)(0, 36, 0)) && target.minor < 36) {
            const patch = DRIFT_ROLLBACK_PATCHES[target.minor];
            if (!ge(target, patch)) {
                return {
                    ok: false,
                    reason: `0.36 changed drift detection; rolling back from ${i} to ${t} would drift every node. Supported rollback patches: ${Object.values(DRIFT_ROLLBACK_PATCHES).map(fmt).join(', ')}.`,
                    steps: [`roll back to ${fmt(patch)} or later instead of ${t}`]
                };
            }
        }
        return { ok: true, notes };
    }
    if (from === 'dual' && to === 'alpha') {
        if (!ge(target, ROLLBACK_FROM_V032)) {
            return {
                ok: false,
                reason: `After 0.32, only 0.31.4+ handles a rollback once v1beta1 objects exist; ${t} does not.`,
                steps: [`roll back to ${LATEST_V031} (0.31.4 or later) instead`]
            };
        }
        notes.push('Delete any NodePool/EC2NodeClass/NodeClaim objects first: 0.31 does not manage them.');
        return { ok: true, notes };
    }
    if (from === 'beta' && to === 'dual') {
        if (ge(installed, (0,version.v)(0, 36, 0)) && !ge(target, DRIFT_ROLLBACK_PATCHES[32])) {
            return {
                ok: false,
                reason: `0.36 changed drift detection; rolling back from ${i} to ${t} would drift every node.`,
                steps: [`roll back to ${fmt(DRIFT_ROLLBACK_PATCHES[32])} or later instead`]
            };
        }
        return { ok: true, notes };
    }
    if (from === 'v1-conversion' && to === 'beta') {
        const patch = unmetRollbackPatch(target);
        if (patch) {
            return refuse(`From 1.0.x you may only roll back to a release with the conversion webhooks: ${Object.values(V1_ROLLBACK_PATCHES).map(fmt).join(', ')} (or later patches of those minors).`, [`roll back to ${fmt(patch)} instead of ${t}`, 'restore the pre-1.0 controller policy and CRDs (karpenter-crd of that version, webhook values set)']);
        }
        notes.push('v1-only fields are not kept; re-add the compatibility.karpenter.sh/v1beta1-kubelet-conversion annotation on NodePools if you removed it.');
        return { ok: true, notes };
    }
    if (from === 'v1' && to === 'v1-conversion') {
        return { ok: true, notes };
    }
    if (from === 'v1' && to === 'beta') {
        const patch = rollbackPatchFor(target);
        return {
            ok: false,
            reason: `${t} does not serve the v1 APIs that ${i} stores; only 1.0.x converts between v1 and v1beta1.`,
            steps: [
                `roll back to ${LATEST_V1_0} first (it serves v1 and v1beta1 through conversion webhooks)`,
                `then roll back to ${fmt(ge(target, patch) ? target : patch)} as the v1 migration guide's "Downgrading" section describes`
            ]
        };
    }
    return {
        ok: false,
        reason: `Rolling back from ${i} to ${t} crosses more than one Karpenter API era (${from} → ${to}); the stored objects would be in an API version ${t} does not serve.`,
        steps: [`pick a rollback target in the era just before ${i}'s, as the upgrade guide lists`]
    };
}
/**
 * Whether moving an installed release to `target` is a jump the upgrade guide allows. Notes carry what the
 * user must know on an allowed jump; refusals name the steps in order.
 */
function checkUpgrade(installed, target) {
    const c = (0,version/* compareVersions */.Zy)(target, installed);
    if (c === 0)
        return { ok: true, notes: [] };
    return c > 0 ? checkForward(installed, target) : checkBackward(installed, target);
}

// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/core/helm/args.ts
var helm_args = __webpack_require__(2107);
// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(2483);
;// CONCATENATED MODULE: ./src/core/helm/crd-adoption.ts
// Handing CRDs that the controller chart created (from its crds/ folder, which Helm installs once and never
// owns) over to the karpenter-crd release. Helm refuses to take over objects without its ownership metadata
// ("invalid ownership metadata"); upstream's troubleshooting page adds the label and two annotations by hand.
// Pure: the kube client reads the CRDs and applies the patches (src/kube/).

const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const RELEASE_NAME_ANNOTATION = 'meta.helm.sh/release-name';
const RELEASE_NAMESPACE_ANNOTATION = 'meta.helm.sh/release-namespace';
// Every CRD Karpenter's charts have shipped: v1alpha5 (≤ 0.32), v1beta1/v1, and NodeOverlay.
const KARPENTER_GROUPS = ['.karpenter.sh', '.karpenter.k8s.aws'];
function isKarpenterCrd(name) {
    return KARPENTER_GROUPS.some((g) => name.endsWith(g));
}
/**
 * Patches that make the karpenter-crd release (`release` in `namespace`) the owner of existing Karpenter CRDs.
 * CRDs already owned by that release are left alone; CRDs owned by a different release are reported as conflicts.
 */
function crdAdoptionPatches(existing, opts) {
    const release = opts.release ?? names/* CRD_RELEASE */.MC;
    const plan = { patches: [], conflicts: [] };
    for (const crd of [...existing].sort((a, b) => a.name.localeCompare(b.name))) {
        if (!isKarpenterCrd(crd.name))
            continue;
        const owner = crd.annotations?.[RELEASE_NAME_ANNOTATION];
        const ownerNs = crd.annotations?.[RELEASE_NAMESPACE_ANNOTATION];
        const managed = crd.labels?.[MANAGED_BY_LABEL] === 'Helm';
        if (owner === release && ownerNs === opts.namespace && managed)
            continue;
        if (owner !== undefined && (owner !== release || (ownerNs !== undefined && ownerNs !== opts.namespace))) {
            plan.conflicts.push({ name: crd.name, owner: `${ownerNs ?? '?'}/${owner}` });
            continue;
        }
        plan.patches.push({
            name: crd.name,
            patch: {
                metadata: {
                    labels: { [MANAGED_BY_LABEL]: 'Helm' },
                    annotations: { [RELEASE_NAME_ANNOTATION]: release, [RELEASE_NAMESPACE_ANNOTATION]: opts.namespace }
                }
            }
        });
    }
    return plan;
}

// EXTERNAL MODULE: ./src/helm/run.ts
var run = __webpack_require__(869);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/helm/logout.ts
// `helm registry logout public.ecr.aws` before the chart is pulled (docs/design.md, "Helm"): a stale or expired ECR Public
// login on the runner makes the anonymous pull fail, so upstream's guide logs out first.
// Up to helm v3.17 logout prints `Error: not logged in` and exits 1 when there is no login; v3.18+ and v4
// exit 0. Neither is a failure. Anything else is a warning: the pull may still work, and if it does not, the
// pull's own error says why.



const ECR_PUBLIC = 'public.ecr.aws';
const NOT_LOGGED_IN = /not logged in/i;
async function registryLogout(helm, host = ECR_PUBLIC) {
    let result;
    try {
        result = await (0,run/* runHelm */.oU)(helm, ['registry', 'logout', host], { allowFailure: true });
    }
    catch (e) {
        // helm could not even be started: the install will fail on its own with a clearer error
        (0,log/* warning */.$e)(`helm registry logout ${host} could not run: ${(0,errors/* errorMessage */.gJ)(e)}; continuing`);
        return 'failed';
    }
    const said = `${result.stderr}\n${result.stdout}`;
    if (result.exitCode === 0) {
        (0,log/* info */.pq)(`helm registry logout ${host}: ${NOT_LOGGED_IN.test(said) ? 'was not logged in' : 'done'}`);
        return NOT_LOGGED_IN.test(said) ? 'not-logged-in' : 'logged-out';
    }
    if (NOT_LOGGED_IN.test(said)) {
        (0,log/* info */.pq)(`helm registry logout ${host}: not logged in (helm ≤ v3.17 exits 1 for this; not an error)`);
        return 'not-logged-in';
    }
    (0,log/* warning */.$e)(`helm registry logout ${host} failed (exit ${result.exitCode}): ${(0,run/* helmMessage */.S_)(result.stderr, result.stdout)}; ` +
        'continuing with the install');
    return 'failed';
}

// EXTERNAL MODULE: ./src/helm/release.ts
var helm_release = __webpack_require__(9777);
// EXTERNAL MODULE: ./src/core/helm/values-merge.ts
var values_merge = __webpack_require__(7501);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/helm/values-file.ts
// The generated values go to helm as a file, never on the command line: mode 0600 in a private temp folder (it
// names roles and queues), removed after the call.



async function writeValuesFile(tempDir, values) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempDir, 'karpenter-values-'));
    const path = (0,external_node_path_.join)(dir, 'values.yaml');
    await (0,promises_.writeFile)(path, (0,dist/* stringify */.As)(values), { mode: 0o600 });
    // the mode given to writeFile is filtered through the umask; set it outright
    await (0,promises_.chmod)(path, 0o600);
    return { path, remove: () => (0,promises_.rm)(dir, { recursive: true, force: true }) };
}

// EXTERNAL MODULE: ./src/core/together.ts
var together = __webpack_require__(6869);
;// CONCATENATED MODULE: ./src/helm/install.ts
// Installs or upgrades Karpenter with helm (docs/design.md, "Helm"), in an order that changes nothing until every check passed:
//   1. read the installed release (and the CRD release)
//   2. upgrade guard: a jump the upgrade guide does not allow is refused here, naming the steps
//   3. nothing to do when the same chart version is deployed with the same values
//   4. `helm registry logout public.ecr.aws`
//   5. karpenter-crd first (after adopting CRDs the controller chart created), so CRDs are never stale
//   6. the controller chart, values from a 0600 temp file, `--wait --timeout`
// A helm failure is reported with helm's own message and the release's history.












class UpgradeRefusedError extends errors/* ProvisionError */.uv {
    from;
    to;
    reason;
    steps;
    name = 'UpgradeRefusedError';
    constructor(from, to, reason, steps) {
        super(`Refusing to move Karpenter from ${from} to ${to}: ${reason}\nNothing was changed. Steps to take:\n` +
            steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n'));
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.steps = steps;
    }
}
function versionOf(tag, what) {
    const ver = (0,version/* parseVersion */.ot)(tag);
    if (!ver)
        throw new Error(`${what} ${JSON.stringify(tag)} is not a version`);
    return ver;
}
/** Step 2: throws UpgradeRefusedError for a jump the guides do not allow; returns the guard's notes otherwise. */
function guardUpgrade(installed, targetTag) {
    if (!installed)
        return [];
    const from = (0,version/* parseVersion */.ot)(installed.version);
    if (!from) {
        (0,log/* warning */.$e)(`installed release ${installed.name} has chart version ${JSON.stringify(installed.version)}; upgrade path not checked`);
        return [];
    }
    const check = checkUpgrade(from, versionOf(targetTag, 'chart version'));
    if (!check.ok)
        throw new UpgradeRefusedError(installed.version, targetTag, check.reason, check.steps);
    return check.notes;
}
/** Step 3: same chart version deployed with the same values (and the CRD chart at that version too). */
function upToDate(spec, extraValues, main, crd) {
    const target = versionOf(spec.chart.version, 'chart version');
    const sameVersion = (r) => {
        const got = r ? (0,version/* parseVersion */.ot)(r.version) : undefined;
        return r?.status === 'deployed' && got !== undefined && (0,version/* compareVersions */.Zy)(got, target) === 0;
    };
    if (!sameVersion(main) || (spec.crdChart && !sameVersion(crd)))
        return false;
    return (0,values_merge/* sameValues */.Z)(main.values, (0,values_merge/* mergeValues */.D)(spec.values, extraValues));
}
async function failWithHistory(e, o, release, what) {
    if (!(e instanceof run/* HelmError */.t2))
        throw e;
    const history = await (0,helm_release/* releaseHistory */.Cb)(o.helm, o.kubeconfig, release, o.spec.namespace);
    throw new Error(`${what} failed: ${e.helmMessage}\nRelease ${o.spec.namespace}/${release} history:\n${(0,helm_release/* formatHistory */.As)(history)}`, {
        cause: e
    });
}
/** Returns the summary line of what it adopted (none when nothing). */
async function adoptCrds(o) {
    if (!o.crdAdopter) {
        (0,log/* info */.pq)('CRD adoption skipped: no Kubernetes client given (existing unowned Karpenter CRDs would make karpenter-crd fail)');
        return [];
    }
    const plan = crdAdoptionPatches(await o.crdAdopter.listCrds(), { namespace: o.spec.namespace, release: helm_args/* CRD_RELEASE */.MC });
    if (plan.conflicts.length > 0) {
        throw new Error(`Karpenter CRDs belong to another Helm release: ${plan.conflicts.map((c) => `${c.name} (${c.owner})`).join(', ')}. ` +
            `Uninstall that release or move the CRDs to ${o.spec.namespace}/${helm_args/* CRD_RELEASE */.MC} first; nothing was changed.`);
    }
    for (const p of plan.patches)
        await o.crdAdopter.patchCrd(p);
    return plan.patches.length > 0 ? [`adopted CRDs into ${helm_args/* CRD_RELEASE */.MC}: ${plan.patches.map((p) => p.name).join(', ')}`] : [];
}
/**
 * Steps 1–5: reads both releases (at once), guards the upgrade, and unless all is up to date logs out of the
 * registry and installs karpenter-crd. Needs nothing from the CloudFormation stacks, so apply runs it while
 * they deploy (docs/design.md, "Apply latency").
 */
async function installCrds(o) {
    const { helm, kubeconfig, spec } = o;
    const steps = [];
    const chartVersion = spec.chart.version;
    const [main, crd] = await (0,together/* together */.b)((0,helm_release/* readRelease */.iJ)(helm, kubeconfig, spec.release, spec.namespace), spec.crdChart ? (0,helm_release/* readRelease */.iJ)(helm, kubeconfig, helm_args/* CRD_RELEASE */.MC, spec.namespace) : Promise.resolve(undefined));
    // Step 2 once per run: apply has guarded the release it read before the stacks; a release that changed since
    // (another run upgraded it meanwhile) is guarded again.
    if (!(main && o.guardedVersion !== undefined && main.version === o.guardedVersion)) {
        for (const note of guardUpgrade(main, chartVersion))
            steps.push(`upgrade note: ${note}`);
    }
    if (main && upToDate(spec, o.extraValues ?? {}, main, crd))
        return { main, upToDate: true, steps };
    await registryLogout(helm);
    if (spec.crdChart) {
        if (!crd)
            steps.push(...(await adoptCrds(o)));
        try {
            await (0,run/* runHelm */.oU)(helm, (0,helm_args/* crdUpgradeArgs */.hy)(spec), { kubeconfig, silent: false });
        }
        catch (e) {
            await failWithHistory(e, o, helm_args/* CRD_RELEASE */.MC, `helm upgrade --install ${helm_args/* CRD_RELEASE */.MC} ${spec.crdChart.version}`);
        }
        steps.push(`helm: ${helm_args/* CRD_RELEASE */.MC} ${spec.crdChart.version} installed/upgraded in ${spec.namespace}`);
    }
    return { main, upToDate: false, steps };
}
/** Step 6: the controller chart (after installCrds). */
async function installChart(o, crds) {
    const { helm, kubeconfig, spec } = o;
    const chartVersion = spec.chart.version;
    const { main } = crds;
    if (main && crds.upToDate) {
        const step = `helm: ${spec.release} ${chartVersion} already deployed with these values (revision ${main.revision}); nothing to change`;
        return { revision: main.revision, chartVersion, changed: false, steps: [step] };
    }
    const values = await writeValuesFile(o.tempDir, spec.values);
    let printed = '';
    try {
        printed = (await (0,run/* runHelm */.oU)(helm, (0,helm_args/* upgradeArgs */.yv)(spec, values.path), { kubeconfig, silent: false })).stdout;
    }
    catch (e) {
        await failWithHistory(e, o, spec.release, `helm upgrade --install ${spec.release} ${chartVersion}`);
    }
    finally {
        await values.remove();
    }
    // The revision helm made: it prints it (`REVISION: n`); `helm list` (and get values) only when it did not.
    const revision = /^REVISION: (\d+)\s*$/m.exec(printed)?.[1] ?? (await (0,helm_release/* readRelease */.iJ)(helm, kubeconfig, spec.release, spec.namespace))?.revision;
    if (!revision)
        throw new Error(`helm reported success but release ${spec.namespace}/${spec.release} is not listed`);
    const step = main
        ? `helm: upgraded ${spec.release} ${main.version} → ${chartVersion} (revision ${revision})`
        : `helm: installed ${spec.release} ${chartVersion} (revision ${revision})`;
    return { revision, chartVersion, changed: true, steps: [step] };
}
/** Steps 1–6 in one go: the CRD phase's lines, then the chart's. */
async function installKarpenter(o) {
    const crds = await installCrds(o);
    const chart = await installChart(o, crds);
    return { ...chart, changed: chart.changed || !crds.upToDate, steps: [...crds.steps, ...chart.steps] };
}
const NOT_FOUND = /not found/i;
/** The releases delete uninstalls, in order: the controller, then (with includeCrds) karpenter-crd, which DELETES the CRDs and every NodePool/NodeClaim with them. */
function releasesToUninstall(release, includeCrds) {
    return includeCrds ? [release, helm_args/* CRD_RELEASE */.MC] : [release];
}
/** delete mode: uninstalls one release; an absent release is fine. */
async function uninstallRelease(o) {
    const args = (0,helm_args/* uninstallArgs */.qu)(o.release, o.namespace, o.timeoutSeconds);
    const r = await (0,run/* runHelm */.oU)(o.helm, args, { kubeconfig: o.kubeconfig, allowFailure: true, silent: false });
    if (r.exitCode === 0)
        return { removed: true, steps: [`helm: uninstalled ${o.namespace}/${o.release}`], changed: true };
    if (NOT_FOUND.test(r.stderr))
        return { removed: false, steps: [`helm: ${o.namespace}/${o.release} not installed; nothing to uninstall`], changed: false };
    throw new run/* HelmError */.t2(args, r.exitCode, r.stdout, r.stderr);
}


/***/ }),

/***/ 2111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M_: () => (/* binding */ NODE_GROUPS),
/* harmony export */   My: () => (/* binding */ NODE_USERNAME),
/* harmony export */   Vm: () => (/* binding */ findAwsAuthMapping),
/* harmony export */   _7: () => (/* binding */ removeAwsAuthMapping),
/* harmony export */   gP: () => (/* binding */ ensureAwsAuthMapping)
/* harmony export */ });
/* unused harmony exports AWS_AUTH_PATH, WINDOWS_NODE_GROUPS, roleArnWithoutPath, addRoleMapping, removeRoleMapping */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3646);
/* harmony import */ var _runner_wait_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4565);
/* harmony import */ var _core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9207);
/* harmony import */ var _core_karpenter_windows_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1577);
// The aws-auth ConfigMap mapping that lets Karpenter's nodes join a cluster without access entries
// (docs/design.md, "Node access": CONFIG_MAP mode). The ConfigMap is shared with every other node group and
// user of the cluster, so only `data.mapRoles` is ever rewritten, other entries keep their exact text
// wherever the list allows it, and the update is conditional on the resourceVersion that was read.





const AWS_AUTH_PATH = '/api/v1/namespaces/kube-system/configmaps/aws-auth';
const AWS_AUTH_COLLECTION = '/api/v1/namespaces/kube-system/configmaps';
const NODE_USERNAME = 'system:node:{{EC2PrivateDNSName}}';
const NODE_GROUPS = ['system:bootstrappers', 'system:nodes'];
/** A node role that also launches Windows nodes: eksctl's groups for Windows node groups (Windows group first). */
const WINDOWS_NODE_GROUPS = [_core_karpenter_windows_js__WEBPACK_IMPORTED_MODULE_3__/* .WINDOWS_NODE_GROUP */ .DA, ...NODE_GROUPS];
/** concurrent writers (another run, eksctl, terraform) rarely collide more than once or twice */
const MAX_ATTEMPTS = 6;
/**
 * aws-auth does not understand IAM paths in role ARNs (the authenticator compares against the
 * assumed-role ARN, which has none), so eksctl and the EKS docs write `role/<name>`. Compare and write that form.
 */
function roleArnWithoutPath(arn) {
    const m = /^(arn:[^:]+:iam::\d{12}:role)\/(?:.*\/)?([^/]+)$/.exec(arn);
    return m ? `${m[1]}/${m[2]}` : arn;
}
function entriesOf(doc) {
    const js = doc.toJS();
    return Array.isArray(js) ? js : [];
}
/** Parses mapRoles; an empty or missing value is an empty list. Throws on text we must not rewrite. */
function parseMapRoles(text) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter });
    if (doc.errors.length > 0) {
        throw new Error(`kube-system/aws-auth: data.mapRoles is not valid YAML (${doc.errors[0]?.message ?? ''}); fix it by hand before running again`);
    }
    const contents = doc.contents;
    const empty = contents === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(contents) && (contents.value === null || contents.value === ''));
    if (!empty && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(contents)) {
        throw new Error('kube-system/aws-auth: data.mapRoles is not a YAML list; fix it by hand before running again');
    }
    return { doc, lineCounter };
}
function sameRole(a, b) {
    return typeof a === 'string' && roleArnWithoutPath(a.trim()) === b;
}
/** The new mapRoles text with one entry appended; existing entries keep their bytes when the list is block-style. */
function addRoleMapping(mapRoles, rolearn, groups = NODE_GROUPS) {
    const { doc, lineCounter } = parseMapRoles(mapRoles);
    const entry = { groups: [...groups], rolearn, username: NODE_USERNAME };
    const seq = doc.contents;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(seq) && seq.items.length > 0 && !seq.flow) {
        // Append text at the list's own indentation, so the other entries are untouched byte for byte.
        const first = seq.items[0];
        const firstOffset = seq.range?.[0] ?? first.range?.[0] ?? 0;
        const indent = ' '.repeat(Math.max(0, (0,_core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .d)(lineCounter, firstOffset).col - 1));
        const block = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)([entry]).trimEnd().split('\n').map((l) => indent + l).join('\n');
        const candidate = `${mapRoles.replace(/\s*$/, '')}\n${block}\n`;
        if (verifies(candidate, entriesOf(doc).length + 1, rolearn))
            return candidate;
    }
    // flow style, empty, or text we could not append to safely: re-serialise through the YAML document
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(seq)) {
        ;
        seq.add(doc.createNode(entry));
        return doc.toString();
    }
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)([entry]);
}
/** The new mapRoles text without the role's entries; other entries keep their bytes when the list is block-style. */
function removeRoleMapping(mapRoles, rolearn) {
    const { doc, lineCounter } = parseMapRoles(mapRoles);
    const seq = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(seq))
        return mapRoles;
    const entries = entriesOf(doc);
    const keep = entries.map((e) => !(e && typeof e === 'object' && sameRole(e.rolearn, rolearn)));
    if (keep.every(Boolean))
        return mapRoles;
    if (!seq.flow) {
        // each item owns the text from the start of its `- ` line to the start of the next item's line
        const lineStarts = seq.items.map((item) => {
            const offset = item.range?.[0] ?? 0;
            return lineCounter.lineStarts[(0,_core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .d)(lineCounter, offset).line - 1] ?? 0;
        });
        let text = mapRoles.slice(0, lineStarts[0]);
        for (let i = 0; i < seq.items.length; i++) {
            if (keep[i])
                text += mapRoles.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1] : undefined);
        }
        const remaining = keep.filter(Boolean).length;
        if (remaining === 0)
            return '[]\n';
        if (verifies(text, remaining, undefined))
            return text;
    }
    seq.items = seq.items.filter((_, i) => keep[i]);
    return doc.toString();
}
/** The edited text parses to a list of the expected length (ending with our role, when given). */
function verifies(text, expectedLength, lastRole) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text);
    if (doc.errors.length > 0 || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(doc.contents))
        return false;
    const entries = entriesOf(doc);
    if (entries.length !== expectedLength)
        return false;
    return lastRole === undefined || sameRole(entries[entries.length - 1]?.rolearn, lastRole);
}
function existingEntry(mapRoles, rolearn) {
    return entriesOf(parseMapRoles(mapRoles).doc).find((e) => e && typeof e === 'object' && sameRole(e.rolearn, rolearn));
}
/** The aws-auth mapping of the role (read only, for drift): undefined when the ConfigMap or the mapping is missing. */
async function findAwsAuthMapping(kube, roleArn) {
    const cm = await kube.getOptional(AWS_AUTH_PATH);
    const found = cm ? existingEntry(cm.data?.mapRoles ?? '', roleArnWithoutPath(roleArn)) : undefined;
    return found ? { rolearn: roleArnWithoutPath(roleArn), username: found.username, groups: Array.isArray(found.groups) ? found.groups : [] } : undefined;
}
/**
 * A node mapping as this tool writes it (the node username, only node groups): one that predates Windows nodes
 * is rewritten with the Windows group; any other entry for the role was written on purpose and is left alone.
 */
function isNodeMapping(e) {
    const groups = Array.isArray(e.groups) ? e.groups : [];
    return e.username === NODE_USERNAME && groups.every(g => WINDOWS_NODE_GROUPS.includes(g));
}
/**
 * Adds the node role mapping (with eks:kube-proxy-windows when `windows`); creates the ConfigMap when the cluster
 * has none. Idempotent and safe against concurrent writers.
 */
async function ensureAwsAuthMapping(kube, roleArn, signal, opts = {}) {
    const rolearn = roleArnWithoutPath(roleArn);
    const wanted = opts.windows ? WINDOWS_NODE_GROUPS : NODE_GROUPS;
    // another writer got there first (Conflict on update, AlreadyExists on create): read again
    return retryOnConflict(async () => {
        const cm = await kube.getOptional(AWS_AUTH_PATH);
        if (!cm) {
            await kube.create(AWS_AUTH_COLLECTION, {
                apiVersion: 'v1',
                kind: 'ConfigMap',
                metadata: { name: 'aws-auth', namespace: 'kube-system' },
                data: { mapRoles: addRoleMapping('', rolearn, wanted) }
            });
            return { action: 'created-configmap', rolearn };
        }
        const current = cm.data?.mapRoles ?? '';
        const found = existingEntry(current, rolearn);
        if (found) {
            const groups = Array.isArray(found.groups) ? found.groups : [];
            const missing = wanted.filter((g) => !groups.includes(g));
            if (missing.length === 0)
                return { action: 'unchanged', rolearn };
            if (isNodeMapping(found)) {
                // this tool's node mapping from before Windows nodes: the same entry, with the Windows group
                await updateMapRoles(kube, cm, addRoleMapping(removeRoleMapping(current, rolearn), rolearn, wanted));
                return { action: 'updated', rolearn, note: `groups now ${wanted.join(', ')}` };
            }
            // someone mapped this role on purpose; their entry is theirs to change
            return { action: 'unchanged', rolearn, note: `aws-auth already maps ${rolearn} but without group(s) ${missing.join(', ')}: Karpenter's nodes may not be able to join` };
        }
        await updateMapRoles(kube, cm, addRoleMapping(current, rolearn, wanted));
        return { action: 'added', rolearn };
    }, e => (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isConflict */ .dh)(e) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAlreadyExists */ .x9)(e), signal);
}
/** Removes every mapping of the role (delete mode). A missing ConfigMap or mapping is not an error. */
async function removeAwsAuthMapping(kube, roleArn, signal) {
    const rolearn = roleArnWithoutPath(roleArn);
    return retryOnConflict(async () => {
        const cm = await kube.getOptional(AWS_AUTH_PATH);
        const current = cm?.data?.mapRoles;
        if (!cm || current === undefined || !existingEntry(current, rolearn))
            return { action: 'absent', rolearn };
        await updateMapRoles(kube, cm, removeRoleMapping(current, rolearn));
        return { action: 'removed', rolearn };
    }, e => (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isConflict */ .dh)(e) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(e), signal);
}
/** Reads and writes again while another writer keeps getting there first (half-jittered, from 100 ms). */
function retryOnConflict(write, retryable, signal) {
    return (0,_runner_wait_js__WEBPACK_IMPORTED_MODULE_4__/* .retryLoop */ .rU)(write, { attempts: MAX_ATTEMPTS, backoff: { baseMs: 100, maxMs: 2000, jitter: 'half' }, retryable, signal });
}
/** Merge patch of data.mapRoles only, conditional on the resourceVersion read (409 when someone wrote since). */
async function updateMapRoles(kube, cm, mapRoles) {
    const resourceVersion = cm.metadata?.resourceVersion;
    if (!resourceVersion)
        throw new Error('kube-system/aws-auth has no resourceVersion: cannot update it safely');
    await kube.patch(AWS_AUTH_PATH, { metadata: { resourceVersion }, data: { mapRoles } }, 'merge');
}


/***/ })

};
