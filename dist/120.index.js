export const id = 120;
export const ids = [120];
export const modules = {

/***/ 244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UC: () => (/* binding */ findOidcProvider),
/* harmony export */   hb: () => (/* binding */ ensureOidcProvider)
/* harmony export */ });
/* unused harmony exports EKS_ROOT_CA_THUMBPRINT, STS_AUDIENCE, tlsThumbprint */
/* harmony import */ var _core_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2483);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7708);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);




const EKS_ROOT_CA_THUMBPRINT = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280';
const STS_AUDIENCE = 'sts.amazonaws.com';
/** SHA-1 (hex, lower case, no colons) of the last certificate of the issuer's chain; undefined if unreachable. */
const tlsThumbprint = issuerUrl => new Promise(resolve => {
    let url;
    try {
        url = new URL(issuerUrl);
    }
    catch {
        return resolve(undefined); // not a URL: no thumbprint, as for an issuer that cannot be reached
    }
    const socket = (0,node_tls__WEBPACK_IMPORTED_MODULE_1__.connect)({ host: url.hostname, port: Number(url.port || 443), servername: url.hostname, timeout: 5000 });
    const done = (v) => {
        socket.destroy();
        resolve(v);
    };
    socket.once('secureConnect', () => {
        let cert = socket.getPeerCertificate(true);
        // walk to the top of the chain (a self-signed cert is its own issuer)
        while (cert?.issuerCertificate && cert.issuerCertificate !== cert && cert.issuerCertificate.fingerprint)
            cert = cert.issuerCertificate;
        done(cert?.fingerprint ? cert.fingerprint.replace(/:/g, '').toLowerCase() : undefined);
    });
    socket.once('timeout', () => done(undefined));
    socket.once('error', () => done(undefined));
});
async function findOidcProvider(iam, issuerUrl) {
    const { ListOpenIDConnectProvidersCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    const want = `:oidc-provider/${(0,_core_names_js__WEBPACK_IMPORTED_MODULE_0__/* .issuerHostPath */ .rw)(issuerUrl)}`;
    const out = await iam.send(new ListOpenIDConnectProvidersCommand({}));
    return out.OpenIDConnectProviderList?.map(p => p.Arn ?? '').find(arn => arn.endsWith(want));
}
async function ensureOidcProvider(iam, issuerUrl, opts = { cluster: '' }) {
    // found: the look-up made already (apply makes it alongside its other reads, before any change)
    const existing = opts.found ? opts.found.arn : await findOidcProvider(iam, issuerUrl);
    if (existing)
        return { arn: existing, created: false };
    const { CreateOpenIDConnectProviderCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    const thumb = (await (opts.thumbprint ?? tlsThumbprint)(issuerUrl)) ?? EKS_ROOT_CA_THUMBPRINT;
    try {
        const out = await iam.send(new CreateOpenIDConnectProviderCommand({
            Url: issuerUrl,
            ClientIDList: [STS_AUDIENCE],
            ThumbprintList: [thumb],
            Tags: opts.cluster ? [{ Key: 'alpha.eksctl.io/cluster-name', Value: opts.cluster }] : undefined
        }));
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq)(`Created IAM OIDC provider ${out.OpenIDConnectProviderArn} for ${issuerUrl}.`);
        return { arn: out.OpenIDConnectProviderArn ?? '', created: true };
    }
    catch (err) {
        // another run created it between our list and create: that is the state we wanted
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isAwsError */ .m_)(err, 'EntityAlreadyExistsException')) {
            const arn = await findOidcProvider(iam, issuerUrl);
            if (arn)
                return { arn, created: false };
        }
        throw err;
    }
}


/***/ }),

/***/ 8621:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ changeSetName),
/* harmony export */   V$: () => (/* binding */ createChangeSet),
/* harmony export */   _A: () => (/* binding */ executeChangeSet),
/* harmony export */   bp: () => (/* binding */ waitForChangeSet),
/* harmony export */   cW: () => (/* binding */ deleteChangeSet)
/* harmony export */ });
/* unused harmony export isNoChangeReason */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_names_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2483);
/* harmony import */ var _deploy_wait_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3370);
/* harmony import */ var _core_cfn_deploy_compare_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3200);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3948);





/** [a-zA-Z][-a-zA-Z0-9]*, ≤ 128: run id and attempt when on Actions, a time and random suffix always. */
function changeSetName(env = process.env, now = Date.now()) {
    const run = env.GITHUB_RUN_ID ? `-r${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}` : '';
    return `${_core_names_js__WEBPACK_IMPORTED_MODULE_1__/* .CHANGE_SET_PREFIX */ .tt}${run}-${now.toString(36)}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`.replace(/[^-a-zA-Z0-9]/g, '');
}
async function createChangeSet(cfn, spec, name, type) {
    const { CreateChangeSetCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const capabilities = new Set([...spec.capabilities, 'CAPABILITY_NAMED_IAM']);
    await cfn.send(new CreateChangeSetCommand({
        StackName: spec.name,
        ChangeSetName: name,
        ChangeSetType: type,
        TemplateBody: (0,_core_cfn_deploy_compare_js__WEBPACK_IMPORTED_MODULE_2__/* .templateBody */ .xt)(spec),
        Parameters: Object.entries(spec.parameters).map(([ParameterKey, ParameterValue]) => ({ ParameterKey, ParameterValue })),
        Tags: Object.entries(spec.tags).map(([Key, Value]) => ({ Key, Value })),
        Capabilities: [...capabilities],
        Description: 'karpenter-provision'
    }));
}
// CloudFormation's words for "nothing to change" (both have been seen over the years).
const NO_CHANGES = /didn't contain changes|No updates are to be performed|submitted information didn't contain changes/i;
function isNoChangeReason(reason) {
    return NO_CHANGES.test(reason ?? '');
}
async function waitForChangeSet(cfn, stack, name, opts) {
    let status = 'unknown';
    let withValues = true;
    return (0,_deploy_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .pollUntil */ .g3)(async () => {
        // Asked the way describeChanges asks, so the last answer is also the first page of changes.
        const out = await (0,_describe_js__WEBPACK_IMPORTED_MODULE_4__/* .describeChangeSetPage */ .lj)(cfn, stack, name, withValues).catch(err => {
            if (!withValues || !(0,_describe_js__WEBPACK_IMPORTED_MODULE_4__/* .refusesPropertyValues */ .vJ)(err))
                throw err;
            withValues = false;
            return (0,_describe_js__WEBPACK_IMPORTED_MODULE_4__/* .describeChangeSetPage */ .lj)(cfn, stack, name, false);
        });
        status = out.Status ?? 'unknown';
        if (out.Status === 'CREATE_COMPLETE')
            return { state: 'ready', first: { page: out, withValues } };
        if (out.Status === 'FAILED') {
            const reason = out.StatusReason ?? 'no reason given';
            return isNoChangeReason(reason) ? { state: 'empty', reason } : { state: 'failed', reason };
        }
        return undefined;
    }, opts, () => `change set ${name} of stack ${stack} (still ${status})`);
}
/** Best effort: a change set left behind is harmless, so a failure to delete it is not the run's failure. */
async function deleteChangeSet(cfn, stack, name) {
    const { DeleteChangeSetCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    try {
        await cfn.send(new DeleteChangeSetCommand({ StackName: stack, ChangeSetName: name }));
        return true;
    }
    catch {
        return false; // harmless (see above); the caller says when a change set was left behind
    }
}
async function executeChangeSet(cfn, stack, name) {
    const { ExecuteChangeSetCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    await cfn.send(new ExecuteChangeSetCommand({ StackName: stack, ChangeSetName: name }));
}


/***/ }),

/***/ 4710:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ prepareChangeSet),
/* harmony export */   y: () => (/* binding */ pollFrom)
/* harmony export */ });
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7708);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3948);
/* harmony import */ var _core_cfn_deploy_compare_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3200);
/* harmony import */ var _changeset_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8621);
/* harmony import */ var _deploy_wait_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3370);





function pollFrom(opts) {
    const now = opts.now ?? Date.now;
    return { deadline: now() + opts.timeoutMs, signal: opts.signal, sleep: opts.sleep, now, pollStartMs: opts.pollStartMs, pollCapMs: opts.pollCapMs };
}
async function prepareChangeSet(cfn, spec, o) {
    let stack = await (0,_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStack */ .GO)(cfn, spec.name);
    o.seen.status = stack?.StackStatus ?? 'ABSENT';
    if (stack && (0,_deploy_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .isInProgress */ .LT)(stack.StackStatus) && stack.StackStatus !== 'REVIEW_IN_PROGRESS') {
        const busy = stack.StackStatus ?? 'UNKNOWN';
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(o.busyNote(busy));
        stack = (await (0,_deploy_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .waitForStackSettled */ .YK)(cfn, spec.name, o.poll).catch(err => o.waitFailed(err, busy, '; nothing was changed'))).stack;
        o.seen.status = stack?.StackStatus ?? 'ABSENT';
    }
    let recreated = false;
    if (stack?.StackStatus === 'ROLLBACK_COMPLETE') {
        if (!o.recreate)
            return { kind: 'rollback-complete', stack };
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${spec.name} is ROLLBACK_COMPLETE (its first create failed: ${stack.StackStatusReason ?? 'no reason given'}); deleting and recreating it.`);
        await deleteFailedStack(cfn, stack, o.poll).catch(err => o.waitFailed(err, 'DELETE_IN_PROGRESS', '; deleting the failed stack goes on'));
        stack = undefined;
        o.seen.status = 'ABSENT';
        recreated = true;
    }
    const refusal = stack ? o.refuse?.(stack) : undefined;
    if (refusal)
        throw refusal;
    const exists = !!stack && stack.StackStatus !== 'REVIEW_IN_PROGRESS';
    let differences = [];
    if (stack && exists) {
        differences = (0,_core_cfn_deploy_compare_js__WEBPACK_IMPORTED_MODULE_4__/* .stackDifferences */ .Lj)(stack, await (0,_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .deployedTemplate */ .Bk)(cfn, spec.name), spec).map(d => d.detail);
        if (differences.length === 0) {
            (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${spec.name}: no changes (template, parameters and tags match); no change set made.`);
            return { kind: 'unchanged', stack };
        }
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${spec.name}: ${differences.join('; ')}.`);
    }
    const type = exists ? 'UPDATE' : 'CREATE';
    const name = o.changeSetName ?? (0,_changeset_js__WEBPACK_IMPORTED_MODULE_1__/* .changeSetName */ .G)();
    await (0,_changeset_js__WEBPACK_IMPORTED_MODULE_1__/* .createChangeSet */ .V$)(cfn, spec, name, type);
    return { kind: 'change-set', type, name, stack, exists, recreated, differences };
}
async function deleteFailedStack(cfn, stack, poll) {
    const { DeleteStackCommand, UpdateTerminationProtectionCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const name = stack.StackName ?? '';
    if (stack.EnableTerminationProtection) {
        await cfn.send(new UpdateTerminationProtectionCommand({ StackName: name, EnableTerminationProtection: false }));
    }
    await cfn.send(new DeleteStackCommand({ StackName: name }));
    const { stack: left } = await (0,_deploy_wait_js__WEBPACK_IMPORTED_MODULE_3__/* .waitForStackSettled */ .YK)(cfn, name, poll);
    if (left)
        throw new Error(`Stack ${name} could not be deleted for recreation: it is ${left.StackStatus} (${left.StackStatusReason ?? 'no reason given'}).`);
}


/***/ }),

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

/***/ 2698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NP: () => (/* binding */ podIdentityChecks),
/* harmony export */   Ut: () => (/* binding */ deleteIdentity),
/* harmony export */   gt: () => (/* binding */ planIdentity),
/* harmony export */   oA: () => (/* binding */ driftIdentity)
/* harmony export */ });
/* harmony import */ var _core_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2483);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7708);
/* harmony import */ var _aws_addons_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1722);
/* harmony import */ var _aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9062);
/* harmony import */ var _aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2117);
/* harmony import */ var _core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6883);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);







/**
 * plan, before anything else of the identity: the checks apply would refuse on, as warnings (plan shows, it does
 * not fail on them). They need the config alone (the offline desired state).
 */
async function podIdentityChecks(ctx, aws) {
    const desired = ctx.offline;
    if (desired.controllerIdentity !== 'pod-identity')
        return;
    try {
        await (0,_aws_addons_js__WEBPACK_IMPORTED_MODULE_2__/* .requirePodIdentityAgent */ .IE)(await aws.eks(), ctx.config.name);
    }
    catch (err) {
        ctx.report.warnings.push(`apply would refuse: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`);
    }
    try {
        await (0,_aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__/* .requirePoliciesExist */ .j7)(await aws.iam(), desired.podIdentity?.permissionPolicyArns ?? []);
    }
    catch (err) {
        ctx.report.warnings.push(`apply would refuse: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`);
    }
}
/** plan: the association and role changes apply would make (the identity read by readIdentity); returns whether there are any. */
async function planIdentity(ctx, aws, desired, state) {
    const { report } = ctx;
    let changes = false;
    const line = (s, change) => {
        report.steps.push(s);
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`  ${s}`);
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
            const missing = await (0,_aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__/* .missingRolePolicies */ .Je)(await aws.iam(), role, (0,_core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_5__/* .podIdentityRolePolicies */ .i_)(desired));
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
        const missing = await (0,_aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__/* .missingRolePolicies */ .Je)(await aws.iam(), role, (0,_core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_5__/* .podIdentityRolePolicies */ .i_)(desired));
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
        association = await (0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .findAssociation */ .Zo)(await aws.eks(), ctx.config.name, pod.namespace, pod.serviceAccount);
    }
    catch (err) {
        if (!(0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .isPodIdentityApiMissing */ .Gl)(err))
            throw err;
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)('The EKS endpoint does not serve the Pod Identity API; association not checked.');
        return;
    }
    const result = await (0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .deleteOwnAssociation */ .TB)(await aws.eks(), ctx.config.name, association);
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

/***/ 6120:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runPlan: () => (/* binding */ runPlan)
});

// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
// EXTERNAL MODULE: ./src/report/summary.ts + 1 modules
var summary = __webpack_require__(5133);
// EXTERNAL MODULE: ./src/aws/preflight.ts
var preflight = __webpack_require__(7610);
// EXTERNAL MODULE: ./src/aws/oidc-provider.ts
var oidc_provider = __webpack_require__(244);
// EXTERNAL MODULE: ./src/cfn/describe.ts
var describe = __webpack_require__(3948);
// EXTERNAL MODULE: ./src/cfn/changeset.ts
var changeset = __webpack_require__(8621);
// EXTERNAL MODULE: ./src/cfn/deploy-wait.ts
var deploy_wait = __webpack_require__(3370);
// EXTERNAL MODULE: ./src/cfn/prepare.ts
var prepare = __webpack_require__(4710);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/cfn/plan.ts






/** A plan of one stack that could not finish: the stack as far as it was seen, and the reason. */
class StackPlanError extends errors/* ProvisionError */.uv {
    outcome;
    name = 'StackPlanError';
    constructor(message, outcome) {
        super(message);
        this.outcome = outcome;
    }
}
async function planStack(cfn, spec, opts) {
    const seen = { status: 'UNKNOWN' };
    try {
        return await planOne(cfn, spec, opts, seen);
    }
    catch (err) {
        const reason = err instanceof deploy_wait/* StackTimeoutError */.mW ? `${(0,errors/* errorMessage */.gJ)(err)} (the timeout input)` : (0,errors/* errorMessage */.gJ)(err);
        throw new StackPlanError(reason.includes(spec.name) ? reason : `Stack ${spec.name}: ${reason}`, {
            stack: spec.name,
            action: 'failed',
            status: seen.status,
            changes: [],
            failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: err instanceof deploy_wait/* StackTimeoutError */.mW ? 'TIMED_OUT' : 'PLAN_FAILED', reason }]
        });
    }
}
async function planOne(cfn, spec, opts, seen) {
    const poll = (0,prepare/* pollFrom */.y)(opts);
    const outcome = (status, changes, action = 'planned') => ({ stack: spec.name, action, status, changes, failures: [] });
    const prepared = await (0,prepare/* prepareChangeSet */.S)(cfn, spec, {
        poll,
        changeSetName: opts.changeSetName,
        busyNote: status => `Stack ${spec.name} is ${status}; waiting for it to settle before planning.`,
        // planStack turns a timeout into its StackPlanError
        waitFailed: err => {
            throw err;
        },
        recreate: false,
        seen
    });
    if (prepared.kind === 'rollback-complete') {
        // A change set cannot be made on it; apply deletes and recreates it, so every resource is an Add.
        const changes = templateAdds(spec);
        (0,log/* info */.pq)(`Stack ${spec.name} is ROLLBACK_COMPLETE: apply would delete and recreate it (${changes.length} resource(s)).`);
        return { outcome: outcome('ROLLBACK_COMPLETE', changes), differences: ['stack would be deleted and recreated'], hasChanges: true };
    }
    if (prepared.kind === 'unchanged')
        return { outcome: outcome(prepared.stack.StackStatus ?? 'UNKNOWN', [], 'unchanged'), differences: [], hasChanges: false };
    const { type, name, stack, exists, differences } = prepared;
    const status = stack?.StackStatus && exists ? stack.StackStatus : 'ABSENT';
    try {
        const ready = await (0,changeset/* waitForChangeSet */.bp)(cfn, spec.name, name, poll);
        if (ready.state === 'empty') {
            (0,log/* info */.pq)(`Stack ${spec.name}: CloudFormation found no resource changes.`);
            return { outcome: outcome(status, [], 'unchanged'), differences, hasChanges: false };
        }
        if (ready.state === 'failed')
            throw new Error(`Change set for stack ${spec.name} failed: ${ready.reason}`);
        const changes = await (0,describe/* describeChanges */.DT)(cfn, spec.name, name, ready.first);
        (0,log/* info */.pq)(`Stack ${spec.name}: ${type} change set ${name} lists ${changes.length} resource change(s); it will be deleted, not executed.`);
        return { outcome: outcome(status, changes), differences, hasChanges: true };
    }
    finally {
        // Always, whatever happened above: a plan never leaves a change set (or the empty stack a CREATE one makes).
        const deleted = await (0,changeset/* deleteChangeSet */.cW)(cfn, spec.name, name);
        if (!deleted)
            (0,log/* warning */.$e)(`Could not delete change set ${name} of stack ${spec.name}; it is harmless, delete it with: aws cloudformation delete-change-set --stack-name ${spec.name} --change-set-name ${name}`);
        if (type === 'CREATE')
            await removeReviewStack(cfn, spec.name);
    }
}
/** Every resource of the template as an Add (a stack that would be made from scratch). */
function templateAdds(spec) {
    return Object.entries(spec.template.Resources).map(([logicalId, r]) => ({ action: 'Add', logicalId, resourceType: r.Type }));
}
/** After a CREATE change set is deleted the stack remains, empty, in REVIEW_IN_PROGRESS: remove it. */
async function removeReviewStack(cfn, name) {
    const { DeleteStackCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    try {
        const left = await (0,describe/* describeStack */.GO)(cfn, name);
        if (left?.StackStatus !== 'REVIEW_IN_PROGRESS')
            return;
        await cfn.send(new DeleteStackCommand({ StackName: name }));
    }
    catch (err) {
        (0,log/* warning */.$e)(`Could not remove the empty REVIEW_IN_PROGRESS stack ${name} that the plan's change set left: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}

// EXTERNAL MODULE: ./src/core/helm/diff.ts
var helm_diff = __webpack_require__(5341);
// EXTERNAL MODULE: ./src/modes/lifecycle.ts + 4 modules
var lifecycle = __webpack_require__(1808);
// EXTERNAL MODULE: ./src/core/plan/node-access.ts
var node_access = __webpack_require__(3490);
// EXTERNAL MODULE: ./src/core/karpenter/windows.ts
var windows = __webpack_require__(1577);
// EXTERNAL MODULE: ./src/modes/cluster-session.ts + 3 modules
var cluster_session = __webpack_require__(8494);
// EXTERNAL MODULE: ./src/modes/apply-identity-modes.ts
var apply_identity_modes = __webpack_require__(2698);
// EXTERNAL MODULE: ./src/core/plan/pod-identity-state.ts
var pod_identity_state = __webpack_require__(6883);
;// CONCATENATED MODULE: ./src/modes/plan.ts














async function runPlan(ctx) {
    const { config, report } = ctx;
    const session = await (0,lifecycle/* openSession */.fA)(ctx);
    const cluster = await (0,lifecycle/* findCluster */.KG)(session.aws, config.name, session.region);
    if (!cluster) {
        throw new preflight/* PreflightError */.wG(`EKS cluster "${config.name}" was not found in region ${session.region}; apply needs an existing cluster, so there is nothing to plan. ` +
            'Create the cluster first (`eksctl create cluster -f <file>`), or check metadata.name, metadata.region and the aws-region input.');
    }
    report.warnings.push(...(0,preflight/* checkCluster */.zc)(cluster, config.karpenter.version, config.kubernetesVersion));
    // Pod Identity: what apply would refuse on, then the identity facts (an existing association's role adopted, as
    // apply does); the desired state is built once from them.
    await (0,apply_identity_modes/* podIdentityChecks */.NP)(ctx, session.aws);
    const identity = await (0,lifecycle/* readIdentity */.xN)(ctx, session.aws);
    const desired = (0,lifecycle/* desiredFor */.ER)(ctx, session.identity, cluster, identity.adopt);
    (0,lifecycle/* reportDesired */.Bd)(ctx, desired);
    let changes = await (0,apply_identity_modes/* planIdentity */.gt)(ctx, session.aws, desired, identity.state);
    // What apply would refuse about node access (Windows nodes without aws-auth, a mode that cannot work) is refused here too.
    const nodeAccess = (0,node_access/* resolveNodeAccess */.n)(desired.nodeAccess, cluster.authenticationMode, (0,windows/* windowsNodeReasons */.vE)(config.windowsNodeGroups, (0,lifecycle/* readManifestObjects */.M$)(ctx)));
    report.steps.push(`node access: apply would use ${nodeAccess.method} (${nodeAccess.reason})`);
    if (desired.controllerIdentity === 'irsa') {
        const issuer = (0,preflight/* requireIssuer */.R7)(cluster);
        const provider = await (0,oidc_provider/* findOidcProvider */.UC)(await session.aws.iam(), issuer);
        report.steps.push(provider ? `IAM OIDC provider ${provider} exists` : `would create the IAM OIDC provider for ${issuer}`);
        if (!provider)
            changes = true;
    }
    for (const spec of (0,pod_identity_state/* stacksInUse */._p)(desired))
        changes = (await plan(ctx, session, spec)) || changes;
    changes = (await planChart(ctx, session, desired, cluster)) || changes;
    report.changed = changes;
    report.outputs['has-changes'] = String(changes);
    const destructive = (0,summary/* destructiveChanges */.OQ)(report.stacks);
    if (destructive.length > 0) {
        (0,log/* warning */.$e)(`apply would remove or replace: ${destructive.map(c => `${c.stack} ${c.logicalId} (${c.resourceType}${c.replacement ? `, replacement ${c.replacement}` : ', removed'})`).join('; ')}`);
    }
    (0,log/* info */.pq)(changes ? 'plan: apply would make changes (nothing was changed).' : 'plan: nothing to change.');
}
async function plan(ctx, session, spec) {
    let result;
    try {
        result = await planStack(await session.aws.cfn(), spec, { timeoutMs: ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal });
    }
    catch (err) {
        // the stack is in the summary with what was seen of it and why its plan stopped
        if (err instanceof StackPlanError)
            ctx.report.stacks.push(err.outcome);
        throw err;
    }
    ctx.report.stacks.push(result.outcome);
    for (const c of result.outcome.changes) {
        (0,log/* info */.pq)(`  ${spec.name}: ${c.action} ${c.logicalId} (${c.resourceType})${c.replacement ? ` replacement: ${c.replacement}` : ''}${c.details?.length ? ` — ${c.details.join('; ')}` : ''}`);
    }
    ctx.report.steps.push(result.hasChanges
        ? `stack ${spec.name}: ${result.outcome.status === 'ABSENT' ? 'would be created' : 'would be updated'} (${result.outcome.changes.length} resource change(s); change set deleted, not executed)`
        : `stack ${spec.name}: no changes`);
    return result.hasChanges;
}
/** The chart half. Skipped, with the reason, when the chart is not ours or the cluster cannot be reached. */
async function planChart(ctx, session, desired, cluster) {
    const { report } = ctx;
    if (!ctx.inputs.installChart) {
        report.steps.push('chart: not compared (install-chart: false — the chart is left to its owner)');
        return false;
    }
    let access;
    try {
        access = await (0,cluster_session/* openCluster */.D)(ctx, session.aws, cluster);
    }
    catch (err) {
        return unreachable(ctx, err);
    }
    try {
        let installed;
        try {
            installed = await (0,lifecycle/* readInstalledChart */.Pk)(ctx, access, desired);
        }
        catch (err) {
            return unreachable(ctx, err);
        }
        const diff = (0,helm_diff/* chartDiff */.y)(installed.release, desired.helm, installed.extraValues);
        const lines = (0,helm_diff/* describeChartDiff */.BN)(diff, `${desired.helm.namespace}/${desired.helm.release}`);
        if (!(0,helm_diff/* hasChartChanges */.uZ)(diff)) {
            report.steps.push(`chart: ${desired.helm.release} ${diff.installedVersion} deployed with the desired values; no changes`);
            return false;
        }
        for (const l of lines)
            (0,log/* info */.pq)(`  chart: ${l}`);
        report.steps.push(`chart: apply would ${diff.installed ? 'upgrade' : 'install'} ${desired.helm.release} (${lines.length} change(s))`);
        report.sections.push({ title: 'Chart changes', body: lines.map(l => `- ${(0,html/* text */.Qq)(l)}`).join('\n') });
        return true;
    }
    finally {
        await access.dispose();
    }
}
function unreachable(ctx, err) {
    const msg = `chart: not compared — the cluster could not be reached (${(0,errors/* errorMessage */.gJ)(err).split('\n')[0]}); the plan covers the AWS side only`;
    (0,log/* warning */.$e)(msg);
    ctx.report.steps.push(msg);
    return false;
}


/***/ })

};
