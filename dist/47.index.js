export const id = 47;
export const ids = [47];
export const modules = {

/***/ 3756:
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

/***/ 7878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IA: () => (/* binding */ isNotImplemented),
/* harmony export */   Il: () => (/* binding */ cloudFormationEndpoint),
/* harmony export */   Xh: () => (/* binding */ detectStackDrift)
/* harmony export */ });
/* unused harmony exports DriftDetectionUnavailableError, resourceDrifts */
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3948);
/* harmony import */ var _deploy_wait_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3370);


class DriftDetectionUnavailableError extends Error {
    endpoint;
    cause;
    constructor(endpoint, cause) {
        super(`CloudFormation drift detection is not available at ${endpoint} (${cause?.name ?? 'error'}: ${cause?.message ?? String(cause)}). ` +
            'Run drift against AWS itself; emulators such as moto do not implement DetectStackDrift.');
        this.endpoint = endpoint;
        this.cause = cause;
        this.name = 'DriftDetectionUnavailableError';
    }
}
/** Where the CloudFormation client sends requests, for the message: the configured override or AWS's own. */
function cloudFormationEndpoint(region, env = process.env) {
    return env.AWS_ENDPOINT_URL_CLOUDFORMATION ?? env.AWS_ENDPOINT_URL ?? `https://cloudformation.${region}.amazonaws.com`;
}
/** moto: HTTP 500 with "The … action has not been implemented"; others: NotImplemented / UnknownOperation. */
function isNotImplemented(err) {
    const e = err;
    if (!e || typeof e !== 'object')
        return false;
    if (/^(NotImplemented|NotImplementedError|UnknownOperation(Exception)?|InvalidAction)$/.test(e.name ?? ''))
        return true;
    if (/not (yet )?(been )?implemented/i.test(e.message ?? ''))
        return true;
    return e.$metadata?.httpStatusCode === 501;
}
async function detectStackDrift(cfn, stackName, poll, endpoint) {
    const { DetectStackDriftCommand, DescribeStackDriftDetectionStatusCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const stack = await (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .describeStack */ .GO)(cfn, stackName);
    if (!stack || stack.StackStatus === 'DELETE_COMPLETE' || stack.StackStatus === 'REVIEW_IN_PROGRESS') {
        return {
            stack: stackName,
            status: 'DELETED',
            items: [{ source: stackName, status: 'DELETED', differences: [{ path: '(stack)', expected: 'present', actual: stack ? stack.StackStatus : 'absent', type: 'REMOVE' }] }]
        };
    }
    let detectionId;
    try {
        detectionId = (await cfn.send(new DetectStackDriftCommand({ StackName: stackName }))).StackDriftDetectionId;
    }
    catch (err) {
        if (isNotImplemented(err) || err.$metadata?.httpStatusCode === 500) {
            throw new DriftDetectionUnavailableError(endpoint, err);
        }
        throw err;
    }
    if (!detectionId)
        throw new Error(`DetectStackDrift on ${stackName} returned no detection id`);
    const done = await (0,_deploy_wait_js__WEBPACK_IMPORTED_MODULE_0__/* .pollUntil */ .g3)(async () => {
        const s = await cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: detectionId }));
        return s.DetectionStatus === 'DETECTION_IN_PROGRESS' ? undefined : s;
    }, poll, () => `drift detection ${detectionId} on stack ${stackName}`);
    const items = await resourceDrifts(cfn, stackName);
    const result = { stack: stackName, status: done.StackDriftStatus ?? 'UNKNOWN', items };
    if (done.DetectionStatus === 'DETECTION_FAILED')
        result.partialReason = done.DetectionStatusReason ?? 'no reason given';
    // a resource list that says drift wins over a status that does not (and vice versa is impossible)
    if (items.length > 0)
        result.status = 'DRIFTED';
    return result;
}
/** The MODIFIED and DELETED resources of the last detection, with expected vs actual per property. */
async function resourceDrifts(cfn, stackName) {
    const { DescribeStackResourceDriftsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const items = [];
    let token;
    do {
        const page = await cfn.send(new DescribeStackResourceDriftsCommand({ StackName: stackName, StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'], NextToken: token }));
        for (const d of page.StackResourceDrifts ?? []) {
            const status = d.StackResourceDriftStatus ?? 'UNKNOWN';
            if (status !== 'MODIFIED' && status !== 'DELETED')
                continue;
            items.push({
                source: stackName,
                logicalId: d.LogicalResourceId,
                resourceType: d.ResourceType,
                status,
                differences: status === 'DELETED'
                    ? [{ path: '(resource)', expected: d.PhysicalResourceId ?? 'present', actual: 'deleted', type: 'REMOVE' }]
                    : (d.PropertyDifferences ?? []).map(p => ({ path: p.PropertyPath ?? '', expected: p.ExpectedValue, actual: p.ActualValue, type: p.DifferenceType }))
            });
        }
        token = page.NextToken;
    } while (token);
    return items;
}


/***/ }),

/***/ 6801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BN: () => (/* binding */ describeChartDiff),
/* harmony export */   uZ: () => (/* binding */ hasChartChanges),
/* harmony export */   y: () => (/* binding */ chartDiff)
/* harmony export */ });
/* unused harmony export valueDifferences */
/* harmony import */ var _karpenter_version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1112);
/* harmony import */ var _values_merge_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5009);
// The installed Karpenter release against the desired chart tag and values: what `plan` says would change and
// what `drift` reports. Pure: the release is read elsewhere (readRelease: helm list + helm get values).


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

/***/ 2047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DriftFoundError: () => (/* binding */ DriftFoundError),
/* harmony export */   runDrift: () => (/* binding */ runDrift)
/* harmony export */ });
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7708);
/* harmony import */ var _cfn_describe_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3948);
/* harmony import */ var _cfn_deploy_compare_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3756);
/* harmony import */ var _cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7878);
/* harmony import */ var _helm_diff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6801);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2397);
/* harmony import */ var _cluster_session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2934);







class DriftFoundError extends Error {
}
async function runDrift(ctx) {
    const { config, report } = ctx;
    const session = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .openSession */ .fA)(ctx);
    const cluster = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .findCluster */ .KG)(session.aws, config.name, session.region);
    if (!cluster)
        report.warnings.push(`EKS cluster "${config.name}" was not found in ${session.region}; only the stacks are checked.`);
    const desired = (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .desiredFor */ .ER)(ctx, session, cluster);
    const cfn = await session.aws.cfn();
    const endpoint = (0,_cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__/* .cloudFormationEndpoint */ .Il)(session.region);
    for (const spec of [desired.karpenterStack, desired.controllerStack]) {
        const result = await (0,_cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__/* .detectStackDrift */ .Xh)(cfn, spec.name, (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .pollOptions */ .Oh)(ctx), endpoint);
        report.drift.push(...result.items);
        report.stacks.push({ stack: spec.name, action: result.status === 'DELETED' ? 'absent' : 'unchanged', status: result.status === 'DELETED' ? 'ABSENT' : `drift ${result.status}`, changes: [], failures: [] });
        if (result.partialReason)
            report.warnings.push(`drift detection on ${spec.name} did not check every resource: ${result.partialReason}`);
        report.steps.push(`stack ${spec.name}: ${result.status === 'DELETED' ? 'missing (drift)' : `drift status ${result.status}, ${result.items.length} drifted resource(s)`}`);
        if (result.status !== 'DELETED')
            await noteConfigChanges(ctx, cfn, spec);
    }
    await chartDrift(ctx, session, cluster);
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
        const stack = await (0,_cfn_describe_js__WEBPACK_IMPORTED_MODULE_5__/* .describeStack */ .GO)(cfn, spec.name);
        if (!stack)
            return;
        const diffs = (0,_cfn_deploy_compare_js__WEBPACK_IMPORTED_MODULE_6__/* .stackDifferences */ .Lj)(stack, await (0,_cfn_describe_js__WEBPACK_IMPORTED_MODULE_5__/* .deployedTemplate */ .Bk)(cfn, spec.name), spec);
        if (diffs.length)
            ctx.report.steps.push(`stack ${spec.name}: the config differs from what was last applied (${diffs.map(d => d.detail).join('; ')}); run plan to see what apply would change`);
    }
    catch (err) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`could not compare stack ${spec.name} with the config: ${err.message}`);
    }
}
/** The chart half: the release missing, another chart version, or other values are drift. */
async function chartDrift(ctx, session, cluster) {
    const { report } = ctx;
    const desired = report.desired;
    if (!ctx.inputs.installChart) {
        report.steps.push('chart: not checked (install-chart: false — the chart is left to its owner)');
        return;
    }
    if (!cluster && !ctx.inputs.kubeconfig) {
        report.steps.push('chart: not checked (no cluster to reach)');
        return;
    }
    let access;
    try {
        access = await (0,_cluster_session_js__WEBPACK_IMPORTED_MODULE_4__/* .openCluster */ .D)(ctx, session.aws, cluster);
    }
    catch (err) {
        throw new Error(`drift: cannot reach cluster ${ctx.config.name} to check the chart: ${err.message}. Set install-chart: false to check the stacks only.`);
    }
    try {
        const installed = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .readInstalledChart */ .Pk)(ctx, access, desired);
        const diff = (0,_helm_diff_js__WEBPACK_IMPORTED_MODULE_2__/* .chartDiff */ .y)(installed.release, desired.helm, installed.extraValues);
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
    finally {
        await access.dispose();
    }
}


/***/ })

};
