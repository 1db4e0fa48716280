export const id = 47;
export const ids = [47];
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

/***/ 2698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ut: () => (/* binding */ deleteIdentity),
/* harmony export */   oA: () => (/* binding */ driftIdentity)
/* harmony export */ });
/* unused harmony exports podIdentityChecks, planIdentity */
/* harmony import */ var _core_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2483);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7708);
/* harmony import */ var _aws_addons_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1722);
/* harmony import */ var _aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9062);
/* harmony import */ var _aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2117);
/* harmony import */ var _core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6883);







/**
 * plan, before anything else of the identity: the checks apply would refuse on, as warnings (plan shows, it does
 * not fail on them). They need the config alone (the offline desired state).
 */
async function podIdentityChecks(ctx, aws) {
    const desired = ctx.offline;
    if (desired.controllerIdentity !== 'pod-identity')
        return;
    try {
        await requirePodIdentityAgent(await aws.eks(), ctx.config.name);
    }
    catch (err) {
        ctx.report.warnings.push(`apply would refuse: ${errorMessage(err)}`);
    }
    try {
        await requirePoliciesExist(await aws.iam(), desired.podIdentity?.permissionPolicyArns ?? []);
    }
    catch (err) {
        ctx.report.warnings.push(`apply would refuse: ${errorMessage(err)}`);
    }
}
/** plan: the association and role changes apply would make (the identity read by readIdentity); returns whether there are any. */
async function planIdentity(ctx, aws, desired, state) {
    const { report } = ctx;
    let changes = false;
    const line = (s, change) => {
        report.steps.push(s);
        info(`  ${s}`);
        if (change)
            changes = true;
    };
    if (desired.controllerIdentity === 'pod-identity') {
        const pod = desired.podIdentity;
        const role = desired.arns.controllerRole;
        const subject = `${pod.namespace}/${pod.serviceAccount}`;
        const a = state.association;
        if (!a)
            line(`Pod Identity association for ${subject}: would be created → ${role}`, true);
        else if (a.roleArn === role)
            line(`Pod Identity association ${a.id} for ${subject} → ${role}: no changes`, false);
        else if (a.ours)
            line(`Pod Identity association ${a.id} for ${subject}: would be updated from ${a.roleArn} to ${role}`, true);
        if (a && !a.ours)
            line(`Pod Identity association ${a.id} for ${subject} was not made by this tool: its role ${a.roleArn} is adopted as it is`, false);
        if ((pod.roleSource ?? 'stack') !== 'stack') {
            const missing = await missingRolePolicies(await aws.iam(), role, podIdentityRolePolicies(desired));
            line(missing.length ? `Pod Identity role ${role}: would attach ${missing.join(', ')}` : `Pod Identity role ${role}: policies attached, no changes`, missing.length > 0);
        }
    }
    if (state.previous === 'irsa')
        line(`identity switch IRSA → Pod Identity: after the chart upgrade apply would delete stack ${desired.names.irsaStack}${ctx.inputs.installChart ? '' : ' (not with install-chart: false: kept)'}`, true);
    if (state.previous === 'pod-identity') {
        line(`identity switch Pod Identity → IRSA: after the chart upgrade apply would delete ${state.association?.ours ? `association ${state.association.id} and ` : ''}stack ${desired.names.podIdentityStack}` +
            (ctx.inputs.installChart ? '' : ' (not with install-chart: false: kept)'), true);
    }
    return changes;
}
/**
 * drift, for Pod Identity on a cluster that exists: the association missing, or pointing at another role than the
 * one this tool gave it; the role's policies.
 */
async function driftIdentity(ctx, aws, desired, state) {
    const { report } = ctx;
    const pod = desired.podIdentity;
    const role = desired.arns.controllerRole;
    const logicalId = `PodIdentityAssociation ${pod.namespace}/${pod.serviceAccount}`;
    const items = [];
    const a = state.association;
    if (!a) {
        items.push({ source: 'eks', logicalId, resourceType: 'AWS::EKS::PodIdentityAssociation', status: 'DELETED', differences: [{ path: 'association', expected: role, actual: 'not found', type: 'REMOVE' }] });
    }
    else if (a.roleArn !== role) {
        items.push({ source: 'eks', logicalId: `${logicalId} (${a.id})`, resourceType: 'AWS::EKS::PodIdentityAssociation', status: 'MODIFIED', differences: [{ path: 'roleArn', expected: role, actual: a.roleArn, type: 'NOT_EQUAL' }] });
    }
    if ((pod.roleSource ?? 'stack') !== 'stack') {
        const missing = await (0,_aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__/* .missingRolePolicies */ .Je)(await aws.iam(), role, (0,_core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_4__/* .podIdentityRolePolicies */ .i_)(desired));
        if (missing.length) {
            items.push({ source: 'iam', logicalId: role, resourceType: 'AWS::IAM::Role', status: 'MODIFIED', differences: missing.map(p => ({ path: 'AttachedPolicies', expected: p, actual: 'not attached', type: 'REMOVE' })) });
        }
    }
    report.drift.push(...items);
    report.steps.push(items.length
        ? `Pod Identity: ${items.map(i => `${i.logicalId} ${i.status}`).join('; ')}`
        : `Pod Identity association ${a?.id} → ${role}: in sync${a && !a.ours ? ' (not made by this tool; its role adopted)' : ''}`);
}
/**
 * delete: the association, only when this tool made it; and the controller policies this tool attached to a role
 * that is not its stack's (else the Karpenter stack's policies could not be deleted). Before the stacks go.
 */
async function deleteIdentity(ctx, aws, desired) {
    const { report } = ctx;
    if (desired.controllerIdentity !== 'pod-identity')
        return;
    const pod = desired.podIdentity;
    const subject = `${pod.namespace}/${pod.serviceAccount}`;
    let association;
    try {
        association = await (0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .findAssociation */ .Zo)(await aws.eks(), ctx.config.name, pod.namespace, pod.serviceAccount);
    }
    catch (err) {
        if (!(0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .isPodIdentityApiMissing */ .Gl)(err))
            throw err;
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)('The EKS endpoint does not serve the Pod Identity API; association not checked.');
        return;
    }
    const result = await (0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .deleteOwnAssociation */ .TB)(await aws.eks(), ctx.config.name, association);
    if (result === 'deleted')
        report.changed = true;
    report.steps.push(result === 'deleted'
        ? `Pod Identity association ${association?.id} (${subject}) deleted`
        : result === 'absent'
            ? `Pod Identity association for ${subject}: none found`
            : `Pod Identity association ${association?.id} kept: it was not made by this tool (role ${association?.roleArn})`);
    const role = association?.roleArn ?? (pod.roleSource === 'roleARN' ? pod.roleArn : undefined);
    if (role && (0,_core_names_js__WEBPACK_IMPORTED_MODULE_0__/* .roleNameFromArn */ .Zq)(role) !== desired.names.podIdentityRole) {
        const detached = await (0,_aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__/* .detachRolePolicies */ .MV)(await aws.iam(), role, desired.arns.controllerPolicies);
        if (detached.length) {
            report.changed = true;
            report.steps.push(`Pod Identity role ${role}: detached ${detached.join(', ')} (the role itself is not this tool's and stays)`);
        }
    }
}


/***/ }),

/***/ 2047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DriftFoundError: () => (/* binding */ DriftFoundError),
/* harmony export */   runDrift: () => (/* binding */ runDrift)
/* harmony export */ });
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7708);
/* harmony import */ var _cfn_describe_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3948);
/* harmony import */ var _core_cfn_deploy_compare_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3200);
/* harmony import */ var _cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7878);
/* harmony import */ var _core_helm_diff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5341);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1808);
/* harmony import */ var _cluster_session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8494);
/* harmony import */ var _apply_identity_modes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2698);
/* harmony import */ var _core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6883);
/* harmony import */ var _core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3490);
/* harmony import */ var _aws_access_entry_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6470);
/* harmony import */ var _kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2111);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4296);













class DriftFoundError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ProvisionError */ .uv {
    name = 'DriftFoundError';
}
async function runDrift(ctx) {
    const { config, report } = ctx;
    const session = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .openSession */ .fA)(ctx);
    const cluster = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .findCluster */ .KG)(session.aws, config.name, session.region);
    if (!cluster)
        report.warnings.push(`EKS cluster "${config.name}" was not found in ${session.region}; only the stacks are checked.`);
    // Pod Identity on a cluster that exists: the association first (its role adopted when someone else made it), then
    // the desired state built once from the facts. Its drift (an association missing or on another role) is reported
    // even where stack drift detection is not.
    const identity = ctx.offline.controllerIdentity === 'pod-identity' && cluster ? await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .readIdentity */ .xN)(ctx, session.aws) : undefined;
    const desired = (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .desiredFor */ .ER)(ctx, session.identity, cluster, identity?.adopt);
    (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .reportDesired */ .Bd)(ctx, desired);
    if (identity)
        await (0,_apply_identity_modes_js__WEBPACK_IMPORTED_MODULE_5__/* .driftIdentity */ .oA)(ctx, session.aws, desired, identity.state);
    const cfn = await session.aws.cfn();
    const endpoint = (0,_cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__/* .cloudFormationEndpoint */ .Il)(session.region);
    for (const spec of (0,_core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_9__/* .stacksInUse */ ._p)(desired)) {
        const result = await (0,_cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__/* .detectStackDrift */ .Xh)(cfn, spec.name, (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .pollOptions */ .Oh)(ctx), endpoint);
        report.drift.push(...result.items);
        report.stacks.push({ stack: spec.name, action: result.status === 'DELETED' ? 'absent' : 'unchanged', status: result.status === 'DELETED' ? 'ABSENT' : `drift ${result.status}`, changes: [], failures: [] });
        if (result.partialReason)
            report.warnings.push(`drift detection on ${spec.name} did not check every resource: ${result.partialReason}`);
        report.steps.push(`stack ${spec.name}: ${result.status === 'DELETED' ? 'missing (drift)' : `drift status ${result.status}, ${result.items.length} drifted resource(s)`}`);
        if (result.status !== 'DELETED')
            await noteConfigChanges(ctx, cfn, spec);
    }
    if (cluster)
        await accessEntryDrift(ctx, session, desired, cluster);
    await clusterDrift(ctx, session, desired, cluster);
    const drifted = report.drift.length > 0;
    report.outputs['drifted'] = String(drifted);
    for (const item of report.drift) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`drift: ${item.source} ${[item.logicalId, item.resourceType].filter(Boolean).join(' ')} ${item.status}: ${item.differences.map(d => `${d.path} expected ${d.expected ?? '∅'} actual ${d.actual ?? '∅'}`).join('; ')}`);
    }
    if (!drifted) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)('drift: none found.');
        return;
    }
    if (ctx.inputs.failOnDrift)
        throw new DriftFoundError(`Drift found in ${report.drift.length} item(s) (see the summary); run apply to restore the configured state, or set fail-on-drift: false.`);
    (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(`Drift found in ${report.drift.length} item(s); not failing (fail-on-drift: false).`);
}
/** Not drift (CloudFormation's own view is), but worth a line: the config has moved on since the last apply. */
async function noteConfigChanges(ctx, cfn, spec) {
    try {
        const stack = await (0,_cfn_describe_js__WEBPACK_IMPORTED_MODULE_10__/* .describeStack */ .GO)(cfn, spec.name);
        if (!stack)
            return;
        const diffs = (0,_core_cfn_deploy_compare_js__WEBPACK_IMPORTED_MODULE_11__/* .stackDifferences */ .Lj)(stack, await (0,_cfn_describe_js__WEBPACK_IMPORTED_MODULE_10__/* .deployedTemplate */ .Bk)(cfn, spec.name), spec);
        if (diffs.length)
            ctx.report.steps.push(`stack ${spec.name}: the config differs from what was last applied (${diffs.map(d => d.detail).join('; ')}); run plan to see what apply would change`);
    }
    catch (err) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`could not compare stack ${spec.name} with the config: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .gJ)(err)}`);
    }
}
/** The node role's EKS access entry (when node access goes through access entries): missing or of another type is drift. */
async function accessEntryDrift(ctx, session, desired, cluster) {
    const { report } = ctx;
    if (nodeAccessMethod(desired, cluster) !== 'access-entry')
        return;
    const type = await (0,_aws_access_entry_js__WEBPACK_IMPORTED_MODULE_12__/* .describeNodeAccessEntry */ .cy)(await session.aws.eks(), cluster.name, desired.arns.nodeRole);
    const resource = `access-entry/${desired.arns.nodeRole}`;
    if (type === 'EC2_LINUX') {
        report.steps.push(`node access: access entry for ${desired.arns.nodeRole} present (EC2_LINUX)`);
        return;
    }
    report.drift.push({
        source: 'eks',
        logicalId: resource,
        resourceType: 'AccessEntry',
        status: type ? 'MODIFIED' : 'DELETED',
        differences: [type ? { path: 'type', expected: 'EC2_LINUX', actual: type, type: 'NOT_EQUAL' } : { path: '(resource)', expected: 'EC2_LINUX access entry', actual: 'deleted', type: 'REMOVE' }]
    });
    report.steps.push(`node access: access entry for ${desired.arns.nodeRole} ${type ? `has type ${type}` : 'missing'} (drift)`);
}
function nodeAccessMethod(desired, cluster) {
    if (!cluster)
        return 'none';
    try {
        return (0,_core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_6__/* .resolveNodeAccess */ .nL)(desired.nodeAccess, cluster.authenticationMode).method;
    }
    catch {
        return 'none'; // the input does not fit the cluster: apply says so; drift has nothing to compare
    }
}
/** The node role's aws-auth mapping (when node access goes through aws-auth): missing, or without the node groups, is drift. */
async function awsAuthDrift(ctx, access, desired) {
    const { report } = ctx;
    const roleArn = desired.arns.nodeRole;
    const found = await (0,_kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_7__/* .findAwsAuthMapping */ .Vm)(access.kube, roleArn);
    const missingGroups = found ? _kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_7__/* .NODE_GROUPS */ .M_.filter(g => !found.groups.includes(g)) : [];
    if (found && missingGroups.length === 0) {
        report.steps.push(`node access: aws-auth maps ${found.rolearn}`);
        return;
    }
    report.drift.push({
        source: 'kube-system/aws-auth',
        logicalId: 'mapRoles',
        resourceType: 'ConfigMap',
        status: found ? 'MODIFIED' : 'DELETED',
        differences: found
            ? [{ path: `mapRoles[rolearn=${found.rolearn}].groups`, expected: _kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_7__/* .NODE_GROUPS */ .M_.join(','), actual: found.groups.join(','), type: 'NOT_EQUAL' }]
            : [{ path: `mapRoles[rolearn=${roleArn}]`, expected: `${_kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_7__/* .NODE_USERNAME */ .My} in ${_kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_7__/* .NODE_GROUPS */ .M_.join(', ')}`, actual: 'absent', type: 'REMOVE' }]
    });
    report.steps.push(`node access: aws-auth mapping for ${roleArn} ${found ? 'lacks groups' : 'missing'} (drift)`);
}
/** The Kubernetes half: the node role's aws-auth mapping (when used) and the chart (release missing, another version, other values). */
async function clusterDrift(ctx, session, desired, cluster) {
    const { report } = ctx;
    const checkAwsAuth = nodeAccessMethod(desired, cluster) === 'aws-auth';
    if (!ctx.inputs.installChart)
        report.steps.push('chart: not checked (install-chart: false — the chart is left to its owner)');
    if (!ctx.inputs.installChart && !checkAwsAuth)
        return;
    if (!cluster && !ctx.inputs.kubeconfig) {
        report.steps.push('chart: not checked (no cluster to reach)');
        return;
    }
    let access;
    try {
        access = await (0,_cluster_session_js__WEBPACK_IMPORTED_MODULE_4__/* .openCluster */ .D)(ctx, session.aws, cluster);
    }
    catch (err) {
        if (ctx.inputs.installChart)
            throw new Error(`drift: cannot reach cluster ${ctx.config.name} to check the chart: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .gJ)(err)}. Set install-chart: false to check the stacks only.`);
        // only the aws-auth mapping was to be read: say it was not checked, and why
        report.warnings.push(`node access: the aws-auth mapping was not checked, the cluster could not be reached: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .gJ)(err)}`);
        return;
    }
    try {
        if (checkAwsAuth)
            await awsAuthDrift(ctx, access, desired);
        if (ctx.inputs.installChart)
            await chartDrift(ctx, access, desired);
    }
    finally {
        await access.dispose();
    }
}
async function chartDrift(ctx, access, desired) {
    const { report } = ctx;
    const installed = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .readInstalledChart */ .Pk)(ctx, access, desired);
    const diff = (0,_core_helm_diff_js__WEBPACK_IMPORTED_MODULE_2__/* .chartDiff */ .y)(installed.release, desired.helm, installed.extraValues);
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
            differences.push({ path: 'status', expected: 'deployed', actual: installed.release?.status, type: 'NOT_EQUAL' });
        for (const v of diff.values)
            differences.push({ path: `values.${v.path}`, expected: v.expected, actual: v.actual, type: v.type });
        if (differences.length)
            items.push({ source, logicalId: resource, resourceType: 'HelmRelease', status: 'MODIFIED', differences });
    }
    report.drift.push(...items);
    report.steps.push(items.length ? `chart: ${resource} differs from the config` : `chart: ${resource} ${diff.installedVersion} matches the config`);
}


/***/ })

};
