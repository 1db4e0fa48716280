export const id = 444;
export const ids = [444];
export const modules = {

/***/ 3200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Lj: () => (/* binding */ stackDifferences),
/* harmony export */   xt: () => (/* binding */ templateBody)
/* harmony export */ });
/* unused harmony exports canonicalJson, templateDiffers, parameterDifferences, tagDifferences */
/** JSON with object keys sorted at every level: equal documents give equal strings. */
function canonicalJson(value) {
    return JSON.stringify(sortKeys(value));
}
function sortKeys(value) {
    if (Array.isArray(value))
        return value.map(sortKeys);
    if (value === null || typeof value !== 'object')
        return value;
    const obj = value;
    return Object.fromEntries(Object.keys(obj).sort().map(k => [k, sortKeys(obj[k])]));
}
/** The template body serialised the way we send it. */
function templateBody(spec) {
    return JSON.stringify(spec.template);
}
/** Compares a deployed template body (JSON or not) with the desired template. */
function templateDiffers(deployedBody, spec) {
    if (!deployedBody)
        return true;
    let parsed;
    try {
        parsed = JSON.parse(deployedBody);
    }
    catch {
        return true; // YAML or otherwise unparsable here: let a change set decide
    }
    return canonicalJson(parsed) !== canonicalJson(spec.template);
}
function parameterDifferences(stack, spec) {
    const deployed = new Map((stack.Parameters ?? []).map(p => [p.ParameterKey ?? '', p.ParameterValue ?? '']));
    const out = [];
    for (const [k, v] of Object.entries(spec.parameters)) {
        if (deployed.get(k) !== v)
            out.push(`${k}: ${deployed.get(k) ?? '(unset)'} → ${v}`);
    }
    const declared = (spec.template.Parameters ?? {});
    for (const [k, v] of deployed) {
        if (k in spec.parameters)
            continue;
        const def = declared[k]?.Default;
        if (def === undefined || String(def) !== v)
            out.push(`${k}: ${v} → (default)`);
    }
    return out;
}
function tagDifferences(stack, spec) {
    const deployed = new Map((stack.Tags ?? []).map(t => [t.Key ?? '', t.Value ?? '']));
    const out = [];
    for (const [k, v] of Object.entries(spec.tags))
        if (deployed.get(k) !== v)
            out.push(`${k}: ${deployed.get(k) ?? '(unset)'} → ${v}`);
    for (const k of deployed.keys())
        if (!(k in spec.tags))
            out.push(`${k}: removed`);
    return out;
}
/** Every difference between the deployed stack and the spec; empty means nothing to do. */
function stackDifferences(stack, deployedBody, spec) {
    const diffs = [];
    if (templateDiffers(deployedBody, spec))
        diffs.push({ what: 'template', detail: 'template body differs' });
    for (const d of parameterDifferences(stack, spec))
        diffs.push({ what: 'parameters', detail: d });
    for (const d of tagDifferences(stack, spec))
        diffs.push({ what: 'tags', detail: d });
    return diffs;
}


/***/ }),

/***/ 5341:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BN: () => (/* binding */ describeChartDiff),
/* harmony export */   uZ: () => (/* binding */ hasChartChanges),
/* harmony export */   y: () => (/* binding */ chartDiff)
/* harmony export */ });
/* unused harmony export valueDifferences */
/* harmony import */ var _karpenter_version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(9028);
/* harmony import */ var _values_merge_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7501);
// The installed Karpenter release against the desired chart tag and values: what `plan` says would change and
// what `drift` reports. Pure: the release is read elsewhere (kube/helm-release.ts, from its release records).


function isMap(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function key(k) {
    return k.replace(/\./g, '\\.');
}
function show(v) {
    return typeof v === 'string' ? v : JSON.stringify(v);
}
/** Leaf-by-leaf differences of two values documents; arrays and scalars compare as wholes. */
function valueDifferences(wanted, actual, prefix = '') {
    const out = [];
    const keys = [...new Set([...Object.keys(wanted), ...Object.keys(actual)])].sort();
    for (const k of keys) {
        const path = prefix ? `${prefix}.${key(k)}` : key(k);
        const w = wanted[k];
        const a = actual[k];
        if (isMap(w) && isMap(a)) {
            out.push(...valueDifferences(w, a, path));
        }
        else if (!(k in actual) || a === undefined) {
            if (w !== undefined)
                out.push({ path, expected: show(w), type: 'ADD' });
        }
        else if (!(k in wanted) || w === undefined) {
            out.push({ path, actual: show(a), type: 'REMOVE' });
        }
        else if (JSON.stringify(w) !== JSON.stringify(a)) {
            out.push({ path, expected: show(w), actual: show(a), type: 'NOT_EQUAL' });
        }
    }
    return out;
}
/** `extraValues`: the values-file input's document (applied last, as helm will). */
function chartDiff(installed, spec, extraValues = {}) {
    const wantedValues = JSON.parse(JSON.stringify((0,_values_merge_js__WEBPACK_IMPORTED_MODULE_1__/* .mergeValues */ .D)(spec.values, extraValues)));
    if (!installed) {
        return { installed: false, versionChanged: true, wantedVersion: spec.chart.version, values: valueDifferences(wantedValues, {}) };
    }
    const have = (0,_karpenter_version_js__WEBPACK_IMPORTED_MODULE_0__/* .parseVersion */ .ot)(installed.version);
    const want = (0,_karpenter_version_js__WEBPACK_IMPORTED_MODULE_0__/* .parseVersion */ .ot)(spec.chart.version);
    const versionChanged = !have || !want || (0,_karpenter_version_js__WEBPACK_IMPORTED_MODULE_0__/* .compareVersions */ .Zy)(have, want) !== 0;
    const diff = {
        installed: true,
        versionChanged,
        installedVersion: installed.version,
        wantedVersion: spec.chart.version,
        values: valueDifferences(wantedValues, installed.values)
    };
    if (installed.status !== 'deployed')
        diff.statusNote = `release is ${installed.status}, not deployed`;
    return diff;
}
function hasChartChanges(d) {
    return !d.installed || d.versionChanged || d.values.length > 0 || d.statusNote !== undefined;
}
/** One line per difference, for the log and the summary. */
function describeChartDiff(d, release) {
    if (!d.installed)
        return [`${release} is not installed: apply would install chart ${d.wantedVersion}`];
    const lines = [];
    if (d.versionChanged)
        lines.push(`chart version ${d.installedVersion} → ${d.wantedVersion}`);
    if (d.statusNote)
        lines.push(d.statusNote);
    for (const v of d.values) {
        lines.push(v.type === 'ADD' ? `values ${v.path}: (unset) → ${v.expected}` : v.type === 'REMOVE' ? `values ${v.path}: ${v.actual} → (unset)` : `values ${v.path}: ${v.actual} → ${v.expected}`);
    }
    return lines;
}


/***/ }),

/***/ 7501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ mergeValues)
/* harmony export */ });
/* unused harmony export sameValues */
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
// What `helm get values` will report after an install with several --values files: helm deep-merges them in
// order (maps merge key by key, anything else is replaced by the later file; a null is kept as null). Used to
// tell whether a re-run would change the release at all.

function isMap(x) {
    return typeof x === 'object' && x !== null && !Array.isArray(x);
}
function mergeValues(base, ...overrides) {
    const out = { ...base };
    for (const o of overrides) {
        for (const [k, v] of Object.entries(o)) {
            const cur = out[k];
            out[k] = isMap(cur) && isMap(v) ? mergeValues(cur, v) : v;
        }
    }
    return out;
}
/** Equal as JSON documents (key order ignored); what matters for "would helm change anything". */
function sameValues(a, b) {
    return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}


/***/ }),

/***/ 2444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DriftFoundError: () => (/* binding */ DriftFoundError),
  runDrift: () => (/* binding */ runDrift)
});

// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/cfn/drift.ts
var drift = __webpack_require__(7878);
// EXTERNAL MODULE: ./src/modes/lifecycle.ts + 4 modules
var lifecycle = __webpack_require__(1808);
// EXTERNAL MODULE: ./src/modes/cluster-session.ts + 3 modules
var cluster_session = __webpack_require__(8494);
// EXTERNAL MODULE: ./src/modes/facts.ts
var modes_facts = __webpack_require__(419);
// EXTERNAL MODULE: ./src/core/plan/pod-identity-state.ts
var pod_identity_state = __webpack_require__(6883);
// EXTERNAL MODULE: ./src/core/plan/node-access.ts
var node_access = __webpack_require__(3490);
// EXTERNAL MODULE: ./src/core/cfn/deploy-compare.ts
var deploy_compare = __webpack_require__(3200);
// EXTERNAL MODULE: ./src/core/helm/diff.ts
var helm_diff = __webpack_require__(5341);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/plan/drift.ts





/** Stack statuses in which the stack has no resources to compare: it is missing (a change set never executed). */
const NO_STACK = new Set(['DELETE_COMPLETE', 'REVIEW_IN_PROGRESS']);
/** A stack in use is missing: not found, deleted, or only a change set that was never executed. */
function stackMissing(facts, name) {
    const status = facts.stacks[name]?.status;
    return status === undefined || NO_STACK.has(status);
}
/** Which node access to compare: the node-access decision for this cluster, none without a cluster; a refusal apply would make is said, not thrown. */
function nodeAccessToCompare(desired, facts) {
    if (!facts.cluster)
        return {};
    try {
        return { decision: (0,node_access/* resolveNodeAccess */.nL)(desired.nodeAccess, facts.cluster.authenticationMode, facts.windows) };
    }
    catch (err) {
        // the input does not fit the cluster: apply refuses with this message; drift has nothing to compare and says why
        return { refusal: (0,errors/* errorMessage */.gJ)(err) };
    }
}
/** The facts drift read, compared with the desired state. */
function compareDrift(desired, facts, inputs) {
    const out = { items: [], steps: [], warnings: [], stacks: [] };
    if (!facts.cluster)
        out.warnings.push(`EKS cluster "${desired.names.cluster}" was not found in ${facts.region}; only the stacks are checked.`);
    identityDrift(desired, facts, out);
    for (const spec of (0,pod_identity_state/* stacksInUse */._p)(desired))
        stackDrift(spec, facts, out);
    nodeAccessDrift(desired, facts, out);
    chartDrift(desired, facts, inputs, out);
    return out;
}
/** One line per item, for the log: "drift: <source> <logicalId> <type> <status>: <path> expected … actual …". */
function driftLine(item) {
    const what = [item.logicalId, item.resourceType].filter(Boolean).join(' ');
    return `drift: ${item.source} ${what} ${item.status}: ${item.differences.map(d => `${d.path} expected ${d.expected ?? '∅'} actual ${d.actual ?? '∅'}`).join('; ')}`;
}
/** Pod Identity on a cluster that exists: the association missing or on another role; the role's policies when the role is not the stack's. */
function identityDrift(desired, facts, out) {
    if (desired.controllerIdentity !== 'pod-identity' || facts.association === undefined)
        return;
    const pod = desired.podIdentity;
    const role = desired.arns.controllerRole;
    const logicalId = `PodIdentityAssociation ${pod.namespace}/${pod.serviceAccount}`;
    const resourceType = 'AWS::EKS::PodIdentityAssociation';
    const items = [];
    const a = facts.association;
    if (!a) {
        items.push({ source: 'eks', logicalId, resourceType, status: 'DELETED', differences: [{ path: 'association', expected: role, actual: 'not found', type: 'REMOVE' }] });
    }
    else if (a.roleArn !== role) {
        items.push({ source: 'eks', logicalId: `${logicalId} (${a.id})`, resourceType, status: 'MODIFIED', differences: [{ path: 'roleArn', expected: role, actual: a.roleArn, type: 'NOT_EQUAL' }] });
    }
    const policies = facts.controllerRolePolicies;
    if ((pod.roleSource ?? 'stack') !== 'stack' && policies) {
        const missing = (0,pod_identity_state/* podIdentityRolePolicies */.i_)(desired).filter(p => !policies.attached?.includes(p));
        if (missing.length) {
            items.push({ source: 'iam', logicalId: role, resourceType: 'AWS::IAM::Role', status: 'MODIFIED', differences: missing.map(p => ({ path: 'AttachedPolicies', expected: p, actual: 'not attached', type: 'REMOVE' })) });
        }
    }
    out.items.push(...items);
    out.steps.push(items.length
        ? `Pod Identity: ${items.map(i => `${i.logicalId} ${i.status}`).join('; ')}`
        : `Pod Identity association ${a?.id} → ${role}: in sync${a && !a.ours ? ' (not made by this tool; its role adopted)' : ''}`);
}
/** A stack in use: missing is drift; else CloudFormation's drift detection, and a note when the config moved on since the last apply. */
function stackDrift(spec, facts, out) {
    const name = spec.name;
    const detected = facts.stackDrift?.[name];
    if (stackMissing(facts, name) || detected?.status === 'DELETED') {
        // gone before detection, or between the look-up and detection (then detection's own item says so)
        out.items.push(...(detected?.status === 'DELETED' ? detected.items : [{ source: name, status: 'DELETED', differences: [{ path: '(stack)', expected: 'present', actual: facts.stacks[name]?.status ?? 'absent', type: 'REMOVE' }] }]));
        out.stacks.push({ stack: name, action: 'absent', status: 'ABSENT' });
        out.steps.push(`stack ${name}: missing (drift)`);
        return;
    }
    if (!detected) {
        out.stacks.push({ stack: name, action: 'unchanged', status: facts.stacks[name]?.status ?? 'UNKNOWN' });
        out.steps.push(`stack ${name}: drift not checked (${facts.unread['stack-drift'] ?? 'not read'})`);
        return;
    }
    out.items.push(...detected.items);
    out.stacks.push({ stack: name, action: 'unchanged', status: `drift ${detected.status}` });
    if (detected.partialReason)
        out.warnings.push(`drift detection on ${name} did not check every resource: ${detected.partialReason}`);
    out.steps.push(`stack ${name}: drift status ${detected.status}, ${detected.items.length} drifted resource(s)`);
    // Not drift (CloudFormation's own view is), but worth a line: the config has moved on since the last apply.
    const deployed = facts.deployedStacks?.[name];
    const diffs = deployed ? (0,deploy_compare/* stackDifferences */.Lj)(deployed.stack, deployed.templateBody, spec) : [];
    if (diffs.length)
        out.steps.push(`stack ${name}: the config differs from what was last applied (${diffs.map(d => d.detail).join('; ')}); run plan to see what apply would change`);
}
/** The node role's access entry (missing or of another type) or aws-auth mapping (missing or lacking groups), by the node-access decision. */
function nodeAccessDrift(desired, facts, out) {
    const { decision, refusal } = nodeAccessToCompare(desired, facts);
    if (refusal)
        out.steps.push(`node access: not compared (${refusal})`);
    if (!decision || decision.method === 'none')
        return;
    const roleArn = desired.arns.nodeRole;
    if (decision.method === 'access-entry') {
        const type = facts.nodeAccess?.accessEntryType;
        if (type === undefined) {
            out.steps.push(`node access: access entry for ${roleArn} not checked (${facts.unread['node-access'] ?? 'not read'})`);
            return;
        }
        if (type === node_access/* NODE_ACCESS_ENTRY_TYPE */.w5) {
            out.steps.push(`node access: access entry for ${roleArn} present (${type})`);
            return;
        }
        out.items.push({
            source: 'eks',
            logicalId: `access-entry/${roleArn}`,
            resourceType: 'AccessEntry',
            status: type ? 'MODIFIED' : 'DELETED',
            differences: [type ? { path: 'type', expected: node_access/* NODE_ACCESS_ENTRY_TYPE */.w5, actual: type, type: 'NOT_EQUAL' } : { path: '(resource)', expected: `${node_access/* NODE_ACCESS_ENTRY_TYPE */.w5} access entry`, actual: 'deleted', type: 'REMOVE' }]
        });
        out.steps.push(`node access: access entry for ${roleArn} ${type ? `has type ${type}` : 'missing'} (drift)`);
        return;
    }
    const found = facts.nodeAccess?.awsAuthMapping;
    if (found === undefined) {
        out.warnings.push(`node access: the aws-auth mapping was not checked, ${facts.unread['node-access'] ?? 'it was not read'}`);
        return;
    }
    const groups = (0,node_access/* nodeGroups */.f$)(decision);
    const missingGroups = found ? groups.filter(g => !found.groups.includes(g)) : [];
    if (found && missingGroups.length === 0) {
        out.steps.push(`node access: aws-auth maps ${found.rolearn}`);
        return;
    }
    out.items.push({
        source: 'kube-system/aws-auth',
        logicalId: 'mapRoles',
        resourceType: 'ConfigMap',
        status: found ? 'MODIFIED' : 'DELETED',
        differences: found
            ? [{ path: `mapRoles[rolearn=${found.rolearn}].groups`, expected: groups.join(','), actual: found.groups.join(','), type: 'NOT_EQUAL' }]
            : [{ path: `mapRoles[rolearn=${roleArn}]`, expected: `${node_access/* NODE_USERNAME */.My} in ${groups.join(', ')}`, actual: 'absent', type: 'REMOVE' }]
    });
    out.steps.push(`node access: aws-auth mapping for ${roleArn} ${found ? 'lacks groups' : 'missing'} (drift)`);
}
/** The controller release against the config: missing, another chart version, not deployed, other values. */
function chartDrift(desired, facts, inputs, out) {
    if (!inputs.installChart) {
        out.steps.push('chart: not checked (install-chart: false — the chart is left to its owner)');
        return;
    }
    if (!facts.releases) {
        out.steps.push(`chart: not checked (${facts.unread.releases ?? 'not read'})`);
        return;
    }
    const installed = facts.releases.main;
    const diff = (0,helm_diff/* chartDiff */.y)(installed, desired.helm, inputs.extraValues ?? {});
    const source = 'helm';
    const resource = `${desired.helm.namespace}/${desired.helm.release}`;
    const items = [];
    if (!diff.installed) {
        items.push({ source, logicalId: resource, resourceType: 'HelmRelease', status: 'DELETED', differences: [{ path: 'release', expected: diff.wantedVersion, actual: 'not installed', type: 'REMOVE' }] });
    }
    else {
        const differences = [];
        if (diff.versionChanged)
            differences.push({ path: 'chart.version', expected: diff.wantedVersion, actual: diff.installedVersion, type: 'NOT_EQUAL' });
        if (diff.statusNote)
            differences.push({ path: 'status', expected: 'deployed', actual: installed?.status, type: 'NOT_EQUAL' });
        for (const v of diff.values)
            differences.push({ path: `values.${v.path}`, expected: v.expected, actual: v.actual, type: v.type });
        if (differences.length)
            items.push({ source, logicalId: resource, resourceType: 'HelmRelease', status: 'MODIFIED', differences });
    }
    out.items.push(...items);
    out.steps.push(items.length ? `chart: ${resource} differs from the config` : `chart: ${resource} ${diff.installedVersion} matches the config`);
}

// EXTERNAL MODULE: ./src/core/plan/identity.ts
var identity = __webpack_require__(1565);
// EXTERNAL MODULE: ./src/core/karpenter/windows.ts
var windows = __webpack_require__(1577);
// EXTERNAL MODULE: ./src/kube/errors.ts
var kube_errors = __webpack_require__(3646);
;// CONCATENATED MODULE: ./src/modes/drift.ts











class DriftFoundError extends errors/* ProvisionError */.uv {
    name = 'DriftFoundError';
}
async function runDrift(ctx) {
    const session = await (0,lifecycle/* openSession */.fA)(ctx);
    const { facts, desired, detectionUnavailable } = await readDriftFacts(ctx, session);
    (0,lifecycle/* reportDesired */.Bd)(ctx, desired);
    const result = compareDrift(desired, facts, { installChart: ctx.inputs.installChart, extraValues: ctx.files.values?.values });
    reportDrift(ctx.report, result);
    if (facts.unread['deployed-stacks'])
        (0,log/* info */.pq)(`could not compare the stacks with the config: ${facts.unread['deployed-stacks']}`);
    // the association, node access and the chart are reported; the stacks could not be compared
    if (detectionUnavailable)
        throw detectionUnavailable;
    const drifted = result.items.length > 0;
    ctx.report.outputs['drifted'] = String(drifted);
    for (const item of result.items)
        (0,log/* info */.pq)(driftLine(item));
    if (!drifted) {
        (0,log/* info */.pq)('drift: none found.');
        return;
    }
    if (ctx.inputs.failOnDrift)
        throw new DriftFoundError(`Drift found in ${result.items.length} item(s) (see the summary); run apply to restore the configured state, or set fail-on-drift: false.`);
    (0,log/* warning */.$e)(`Drift found in ${result.items.length} item(s); not failing (fail-on-drift: false).`);
}
/**
 * The read phase: what exists (the cluster, then its Pod Identity association; the stacks) at once; the desired
 * state, built once from it (an association someone else made keeps its role); then, at once, what the desired
 * state names: drift detection and the deployed record of each stack in use, the Pod Identity role's policies,
 * the node role's access entry, and — through one cluster session — its aws-auth mapping and the release.
 */
async function readDriftFacts(ctx, session) {
    const { config, offline } = ctx;
    const { aws, region } = session;
    const podIdentity = offline.controllerIdentity === 'pod-identity';
    const [found, stacks] = await Promise.all([
        (0,modes_facts/* readCluster */.D$)(aws, config.name, region).then(async (cluster) => ({ cluster, identity: podIdentity && cluster ? await (0,modes_facts/* readAssociation */.g9)(aws, cluster.name, offline.names, true) : undefined })),
        (0,modes_facts/* describeStacks */.PR)(aws, offline.names)
    ]);
    const facts = { caller: session.identity, region, stacks: stacks.facts, windows: (0,windows/* windowsNodeReasons */.vE)(config.windowsNodeGroups, (0,lifecycle/* readManifestObjects */.M$)(ctx)), unread: {} };
    const cluster = found.cluster;
    if (cluster)
        facts.cluster = cluster;
    if (found.identity)
        facts.association = found.identity.association;
    const adopt = podIdentity ? (0,identity/* roleToAdopt */.u)((0,identity/* identityState */.A)(facts, offline.names, 'pod-identity')) : undefined;
    const desired = (0,lifecycle/* desiredFor */.ER)(ctx, session.identity, cluster, adopt);
    const inUse = (0,pod_identity_state/* stacksInUse */._p)(desired).map(s => s.name).filter(name => !stackMissing(facts, name));
    const { decision } = nodeAccessToCompare(desired, facts);
    const method = decision?.method ?? 'none';
    const nodeRole = desired.arns.nodeRole;
    let detectionUnavailable;
    const [stackDrift, deployedStacks, rolePolicies, accessEntryType, clusterSide] = await Promise.all([
        (0,modes_facts/* readStackDrift */.sE)(aws, inUse, (0,lifecycle/* pollOptions */.Oh)(ctx), (0,drift/* cloudFormationEndpoint */.Il)(region)).catch((err) => {
            if (!(err instanceof drift/* DriftDetectionUnavailableError */.tP))
                throw err;
            detectionUnavailable = err;
            facts.unread['stack-drift'] = err.message;
            return undefined;
        }),
        (0,modes_facts/* readDeployedStacks */.eT)(aws, inUse.flatMap(name => stacks.described[name] ?? [])).catch((err) => {
            // a note, not drift: the comparison goes on without it (the mode logs why)
            facts.unread['deployed-stacks'] = (0,errors/* errorMessage */.gJ)(err);
            return undefined;
        }),
        podIdentity && cluster && (desired.podIdentity?.roleSource ?? 'stack') !== 'stack' ? (0,modes_facts/* readRolePolicies */.BD)(aws, desired.arns.controllerRole) : undefined,
        cluster && method === 'access-entry' ? (0,modes_facts/* readAccessEntry */.Lx)(aws, cluster.name, nodeRole) : undefined,
        readClusterSide(ctx, session, desired, facts, method === 'aws-auth')
    ]);
    if (stackDrift)
        facts.stackDrift = stackDrift;
    if (deployedStacks)
        facts.deployedStacks = deployedStacks;
    if (rolePolicies)
        facts.controllerRolePolicies = rolePolicies;
    const nodeAccess = {};
    if (accessEntryType !== undefined)
        nodeAccess.accessEntryType = accessEntryType;
    if (clusterSide?.awsAuthMapping !== undefined)
        nodeAccess.awsAuthMapping = clusterSide.awsAuthMapping;
    facts.nodeAccess = nodeAccess;
    if (clusterSide?.releases)
        facts.releases = clusterSide.releases;
    return detectionUnavailable ? { facts, desired, detectionUnavailable } : { facts, desired };
}
/**
 * The cluster side, through one session: the node role's aws-auth mapping (when node access uses it) and the
 * controller release (with install-chart). A cluster that cannot be reached (no session, or no connection to its
 * API) fails the run when the chart is to be checked; for the mapping alone it is noted as unread.
 */
async function readClusterSide(ctx, session, desired, facts, awsAuth) {
    const chart = ctx.inputs.installChart;
    if (!chart && !awsAuth)
        return undefined;
    if (!facts.cluster && !ctx.files.kubeconfig) {
        facts.unread.releases = 'no cluster to reach';
        return undefined;
    }
    const unreachable = (err) => {
        if (chart)
            throw new Error(`drift: cannot reach cluster ${ctx.config.name} to check the chart: ${(0,errors/* errorMessage */.gJ)(err)}. Set install-chart: false to check the stacks only.`);
        facts.unread['node-access'] = `the cluster could not be reached: ${(0,errors/* errorMessage */.gJ)(err)}`;
        return undefined;
    };
    let access;
    try {
        access = await (0,cluster_session/* openCluster */.D)(ctx, session.aws, facts.cluster);
    }
    catch (err) {
        return unreachable(err);
    }
    try {
        const [awsAuthMapping, releases] = await Promise.all([
            awsAuth ? (0,modes_facts/* readAwsAuthMapping */.sY)(access, desired.arns.nodeRole) : undefined,
            chart ? (0,modes_facts/* readReleases */.tl)(access, desired.helm, desired.names.crdRelease) : undefined
        ]);
        return { ...(awsAuthMapping !== undefined ? { awsAuthMapping } : {}), ...(releases ? { releases } : {}) };
    }
    catch (err) {
        // no connection (refused, timed out, TLS): the API was not reached; anything the API answered is rethrown
        if (err instanceof kube_errors/* KubeApiError */.W3 || !((0,errors/* errnoCode */.UK)(err) ?? (0,errors/* errnoCode */.UK)(err instanceof Error ? err.cause : undefined)))
            throw err;
        return unreachable(err);
    }
    finally {
        await access.dispose();
    }
}
/** What the comparison found goes into the report: the stacks, the steps in order, the drift items, the warnings. */
function reportDrift(report, result) {
    report.stacks.push(...result.stacks.map(s => ({ ...s, changes: [], failures: [] })));
    report.steps.push(...result.steps);
    report.drift.push(...result.items);
    report.warnings.push(...result.warnings);
}


/***/ })

};
