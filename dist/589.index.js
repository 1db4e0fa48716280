export const id = 589;
export const ids = [589];
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

/***/ 4483:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $9: () => (/* binding */ listNodeClassNames),
/* harmony export */   Ye: () => (/* binding */ parseManifests),
/* harmony export */   ZJ: () => (/* binding */ applyManifests),
/* harmony export */   d5: () => (/* binding */ checkManifests)
/* harmony export */ });
/* unused harmony exports CLUSTER_NAME_VARIABLE, ManifestError */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9207);
/* harmony import */ var _core_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4382);
/* harmony import */ var _core_config_yaml_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(611);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
// The `manifests` input (README, Inputs): NodePool / EC2NodeClass files, parsed with positions and checked
// offline in every mode (so a pull request learns of a bad NodePool without credentials), checked again
// against the cluster's EC2NodeClasses before apply changes anything, then server-side applied after the
// chart is ready. The files are read by runner/input-files.ts (the path rules).





const CLUSTER_NAME_VARIABLE = '${CLUSTER_NAME}';
/** Accepted kinds and their API groups; versions are those Karpenter ≥ 0.32 serves. */
const ACCEPTED = {
    NodePool: { group: 'karpenter.sh', versions: ['v1', 'v1beta1'] },
    EC2NodeClass: { group: 'karpenter.k8s.aws', versions: ['v1', 'v1beta1'] }
};
/** A ConfigError about the manifests: the run annotates each diagnostic, titled as a manifest problem. */
class ManifestError extends _core_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL {
    name = 'ManifestError';
    constructor(diagnostics) {
        super(diagnostics);
        this.message = [`manifests have ${diagnostics.length} error${diagnostics.length === 1 ? '' : 's'}:`, ...diagnostics.map(_core_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_2__/* .formatDiagnostic */ .xy)].join('\n');
    }
}
function problem(file, pos, keyPath, message, got, expected) {
    const d = { severity: 'error', file, line: pos.line, col: pos.col, path: keyPath, message, subject: 'manifest' };
    if (got !== undefined)
        d.got = got;
    if (expected !== undefined)
        d.expected = expected;
    return d;
}
/**
 * Parses every manifest, substituting `${CLUSTER_NAME}` in values. `input` names the file or folder the
 * input gave (for "no objects found"). Throws ManifestError for malformed files or no objects at all.
 */
function parseManifests(files, input, opts) {
    const manifests = [];
    const diagnostics = [];
    for (const { shown: file, text: raw } of files) {
        const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
        const nesting = (0,_core_config_yaml_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .flowNestingProblem */ .m)(text);
        if (nesting) {
            diagnostics.push(problem(file, nesting, '', `malformed YAML: ${nesting.message}`));
            continue;
        }
        const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
        const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseAllDocuments */ .hR)(text, { lineCounter, uniqueKeys: true });
        if (!Array.isArray(docs))
            continue; // only comments
        // malformed YAML: one message per file, at the line where the mistake is
        const errors = docs.flatMap((doc) => doc.errors);
        if (errors.length > 0) {
            const { line, col, message } = (0,_core_config_yaml_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .explainYamlError */ .jW)(text, errors, lineCounter);
            diagnostics.push(problem(file, { line, col }, '', `malformed YAML: ${message}`));
            continue;
        }
        docs.forEach((doc, index) => {
            const root = doc.contents;
            if (root === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(root) && root.value === null))
                return; // empty document (a trailing ---)
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(root)) {
                diagnostics.push(problem(file, (0,_core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_1__/* .positionOf */ .d)(lineCounter, root), '', 'each document must be a Kubernetes object (a mapping with apiVersion, kind, metadata)', (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(root) ? 'a list' : 'a single value', 'a mapping'));
                return;
            }
            const positions = (0,_core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_1__/* .collectPositions */ .j)(root, lineCounter);
            let object;
            try {
                object = doc.toJS({ maxAliasCount: 100 });
            }
            catch (e) {
                diagnostics.push(problem(file, (0,_core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_1__/* .positionOf */ .d)(lineCounter, root), '', `cannot be read: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e)}`));
                return;
            }
            manifests.push({
                file,
                index,
                object: substitute(object, opts.clusterName),
                position: (0,_core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_1__/* .positionOf */ .d)(lineCounter, root),
                positions
            });
        });
    }
    if (diagnostics.length > 0)
        throw new ManifestError(diagnostics);
    if (manifests.length === 0) {
        const what = files.length === 0 ? 'folder has no .yaml or .yml files' : 'no Kubernetes objects found';
        throw new ManifestError([problem(input, { line: 1, col: 1 }, '', `${what}: expected NodePool / EC2NodeClass manifests`)]);
    }
    return manifests;
}
function substitute(value, clusterName) {
    if (typeof value === 'string')
        return value.split(CLUSTER_NAME_VARIABLE).join(clusterName);
    if (Array.isArray(value))
        return value.map((v) => substitute(v, clusterName));
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [substitute(k, clusterName), substitute(v, clusterName)]));
    }
    return value;
}
function describe(value) {
    if (value === undefined || value === null)
        return 'nothing';
    if (typeof value === 'string')
        return value;
    return JSON.stringify(value);
}
function dig(obj, keyPath) {
    let cur = obj;
    for (const key of keyPath.split('.')) {
        if (!cur || typeof cur !== 'object')
            return undefined;
        cur = cur[key];
    }
    return cur;
}
/** Where a key path is, or the nearest enclosing key that exists, or the document start. */
function locate(m, keyPath) {
    const parts = keyPath.split('.');
    while (parts.length > 0) {
        const pos = m.positions.get(parts.join('.'));
        if (pos)
            return pos;
        parts.pop();
    }
    return m.position;
}
function label(m) {
    return `${m.object.kind ?? 'object'} "${m.object.metadata?.name ?? '?'}"`;
}
/**
 * Pure checks on loaded manifests: only NodePool / EC2NodeClass in their Karpenter groups; names present
 * and unique; every EC2NodeClass has exactly one of spec.role and spec.instanceProfile; every NodePool's
 * nodeClassRef names an EC2NodeClass among the manifests or `existingNodeClassNames` (from the cluster;
 * `undefined` offline, where a name not among the manifests cannot be told wrong yet and is left to apply);
 * no `${VARIABLE}` left that only a shell would have filled in.
 */
function checkManifests(manifests, existingNodeClassNames) {
    const out = [];
    const seen = new Map();
    const nodeClasses = new Set(existingNodeClassNames ?? []);
    const offline = existingNodeClassNames === undefined;
    const accepted = [];
    for (const m of manifests) {
        const err = (keyPath, message, got, expected) => {
            out.push(problem(m.file, locate(m, keyPath), keyPath, message, got, expected));
        };
        const { apiVersion, kind } = m.object;
        const rule = typeof kind === 'string' ? ACCEPTED[kind] : undefined;
        if (!rule) {
            err('kind', 'only Karpenter NodePool and EC2NodeClass objects are accepted in manifests', describe(kind), 'NodePool or EC2NodeClass');
            continue;
        }
        const expectedVersions = rule.versions.map((v) => `${rule.group}/${v}`);
        if (typeof apiVersion !== 'string' || !expectedVersions.includes(apiVersion)) {
            err('apiVersion', `wrong API group or version for ${kind}`, describe(apiVersion), expectedVersions.join(' or '));
            continue;
        }
        const name = m.object.metadata?.name;
        if (typeof name !== 'string' || name === '') {
            err('metadata.name', `${kind} needs a name`, describe(name), 'a name');
            continue;
        }
        // what the API server would refuse anyway; refused here so the name is safe in every log line and summary
        if (name.length > 253 || !/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/.test(name)) {
            err('metadata.name', `${kind} name is not a Kubernetes object name`, JSON.stringify(name), "lowercase letters, digits, '-' and '.', at most 253");
            continue;
        }
        const id = `${kind}/${name}`;
        const first = seen.get(id);
        if (first) {
            err('metadata.name', `${kind} "${name}" is defined twice (first at ${first.file}:${first.position.line}:${first.position.col})`, name);
            continue;
        }
        seen.set(id, m);
        accepted.push(m);
        if (kind === 'EC2NodeClass')
            nodeClasses.add(name);
    }
    for (const m of accepted) {
        const err = (keyPath, message, got, expected) => {
            out.push(problem(m.file, locate(m, keyPath), keyPath, message, got, expected));
        };
        if (m.object.kind === 'EC2NodeClass') {
            const role = dig(m.object, 'spec.role');
            const profile = dig(m.object, 'spec.instanceProfile');
            if (role !== undefined && profile !== undefined) {
                err('spec.instanceProfile', `${label(m)} sets both spec.role and spec.instanceProfile`, 'both', 'exactly one of spec.role or spec.instanceProfile');
            }
            else if (role === undefined && profile === undefined) {
                err('spec', `${label(m)} sets neither spec.role nor spec.instanceProfile`, 'neither', 'exactly one of spec.role (e.g. the node role name) or spec.instanceProfile');
            }
            else {
                const [key, value] = role !== undefined ? ['spec.role', role] : ['spec.instanceProfile', profile];
                if (typeof value !== 'string' || value === '')
                    err(key, `${label(m)} ${key} must be a name`, describe(value), 'a non-empty string');
            }
        }
        else {
            checkNodeClassRef(m, nodeClasses, offline, err);
        }
    }
    for (const m of manifests)
        findUnsubstituted(m, m.object, '', out);
    return out;
}
function checkNodeClassRef(m, nodeClasses, offline, err) {
    const refPath = 'spec.template.spec.nodeClassRef';
    const ref = dig(m.object, refPath);
    if (!ref || typeof ref !== 'object') {
        err(refPath, `${label(m)} has no nodeClassRef`, describe(ref), 'a nodeClassRef naming an EC2NodeClass');
        return;
    }
    const r = ref;
    if (r.kind !== undefined && r.kind !== 'EC2NodeClass') {
        err(`${refPath}.kind`, `${label(m)} nodeClassRef must point at an EC2NodeClass`, describe(r.kind), 'EC2NodeClass');
    }
    if (r.group !== undefined && r.group !== 'karpenter.k8s.aws') {
        err(`${refPath}.group`, `${label(m)} nodeClassRef has the wrong group`, describe(r.group), 'karpenter.k8s.aws');
    }
    if (typeof r.name !== 'string' || r.name === '') {
        err(`${refPath}.name`, `${label(m)} nodeClassRef has no name`, describe(r.name), 'the name of an EC2NodeClass');
        return;
    }
    if (!nodeClasses.has(r.name) && !offline) {
        const known = [...nodeClasses].sort();
        err(`${refPath}.name`, `${label(m)} refers to EC2NodeClass "${r.name}", which is neither in the manifests nor in the cluster`, r.name, known.length > 0 ? `one of ${known.join(', ')}` : 'an EC2NodeClass defined in the manifests');
    }
}
function findUnsubstituted(m, value, keyPath, out) {
    if (typeof value === 'string') {
        const variable = /\$\{[A-Za-z_][A-Za-z0-9_]*\}/.exec(value)?.[0];
        if (variable) {
            out.push(problem(m.file, locate(m, keyPath), keyPath, `${variable} is not substituted (only ${CLUSTER_NAME_VARIABLE} is): write the value itself`, value));
        }
    }
    else if (Array.isArray(value)) {
        value.forEach((v, i) => findUnsubstituted(m, v, `${keyPath}${keyPath ? '.' : ''}${i}`, out));
    }
    else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value))
            findUnsubstituted(m, v, `${keyPath}${keyPath ? '.' : ''}${k}`, out);
    }
}
/** Names of the EC2NodeClasses already in the cluster; empty when the CRD is not installed yet. */
async function listNodeClassNames(kube) {
    for (const version of await kube.groupVersions('karpenter.k8s.aws')) {
        const resource = await kube.resource(`karpenter.k8s.aws/${version}`, 'EC2NodeClass');
        if (!resource)
            continue;
        const items = await kube.list(await kube.resourcePath(`karpenter.k8s.aws/${version}`, 'EC2NodeClass'));
        return items.map((i) => i.metadata?.name).filter((n) => typeof n === 'string');
    }
    return [];
}
/** Server-side applies the (checked) manifests, EC2NodeClasses before the NodePools that refer to them. */
async function applyManifests(kube, manifests) {
    // the chart may just have installed the CRDs: ask discovery afresh
    kube.forgetDiscovery();
    const ordered = [...manifests].sort((a, b) => rank(a) - rank(b));
    const results = [];
    for (const m of ordered) {
        const { apiVersion, kind } = m.object;
        const name = m.object.metadata?.name;
        if (typeof apiVersion !== 'string' || typeof kind !== 'string' || typeof name !== 'string') {
            throw new Error(`${m.file}:${m.position.line}:${m.position.col}: not a checked manifest (apiVersion, kind and metadata.name are needed)`);
        }
        const namespace = m.object.metadata?.namespace;
        const objectPath = await kube.resourcePath(apiVersion, kind, namespace, name);
        const before = await kube.getOptional(objectPath);
        const after = await kube.apply(objectPath, m.object);
        const action = !before ? 'created' : before.metadata?.resourceVersion === after.metadata?.resourceVersion ? 'unchanged' : 'configured';
        results.push({ kind, name, action });
    }
    return results;
}
function rank(m) {
    return m.object.kind === 'EC2NodeClass' ? 0 : 1;
}


/***/ }),

/***/ 4589:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runApply: () => (/* binding */ runApply)
});

// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/aws/preflight.ts
var preflight = __webpack_require__(7610);
// EXTERNAL MODULE: ./src/aws/oidc-provider.ts
var oidc_provider = __webpack_require__(244);
// EXTERNAL MODULE: ./src/core/plan/node-access.ts
var node_access = __webpack_require__(3490);
// EXTERNAL MODULE: ./src/aws/access-entry.ts
var access_entry = __webpack_require__(6470);
// EXTERNAL MODULE: ./src/core/karpenter/windows.ts
var karpenter_windows = __webpack_require__(1577);
// EXTERNAL MODULE: ./src/cfn/describe.ts
var describe = __webpack_require__(3948);
// EXTERNAL MODULE: ./src/cfn/changeset.ts
var changeset = __webpack_require__(8621);
// EXTERNAL MODULE: ./src/cfn/prepare.ts
var prepare = __webpack_require__(4710);
// EXTERNAL MODULE: ./src/cfn/events.ts
var cfn_events = __webpack_require__(5444);
// EXTERNAL MODULE: ./src/cfn/deploy-wait.ts
var deploy_wait = __webpack_require__(3370);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/cfn/deploy.ts







class StackDeployError extends errors/* ProvisionError */.uv {
    outcome;
    name = 'StackDeployError';
    constructor(message, outcome, options) {
        super(message, options);
        this.outcome = outcome;
    }
}
class DeployCancelledError extends errors/* ProvisionError */.uv {
    outcome;
    name = 'DeployCancelledError';
    constructor(message, outcome) {
        super(message);
        this.outcome = outcome;
    }
}
const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);
const STUCK = {
    UPDATE_ROLLBACK_FAILED: 'continue the rollback (`aws cloudformation continue-update-rollback`) and re-run',
    ROLLBACK_FAILED: 'delete the stack (resources it could not roll back may need deleting by hand) and re-run',
    DELETE_FAILED: 'finish deleting the stack (`aws cloudformation delete-stack`, retaining what blocks it) and re-run',
    IMPORT_ROLLBACK_FAILED: 'fix the import rollback in the console and re-run'
};
function checkCommand(stack, region) {
    return `aws cloudformation describe-stacks --stack-name ${stack} --region ${region}`;
}
async function deployStack(cfn, spec, opts) {
    const seen = { status: 'UNKNOWN' };
    try {
        return await deployOne(cfn, spec, opts, seen);
    }
    catch (err) {
        // Whatever stopped it (an API refusal, a timeout), the stack is reported with its status and the reason.
        if (err instanceof StackDeployError || err instanceof DeployCancelledError || opts.signal?.aborted)
            throw err;
        const reason = (0,errors/* errorMessage */.gJ)(err);
        throw new StackDeployError(reason, {
            stack: spec.name,
            action: 'failed',
            status: seen.status,
            changes: [],
            failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: 'FAILED', reason }]
        }, { cause: err });
    }
}
async function deployOne(cfn, spec, opts, seen) {
    const poll = (0,prepare/* pollFrom */.y)(opts);
    const outcome = (action, status, changes = []) => ({
        stack: spec.name,
        action,
        status,
        changes,
        failures: []
    });
    throwIfCancelled(opts.signal, spec.name, 'before any change', outcome('failed', 'UNCHANGED'));
    // A wait that runs out of time before a change set is executed fails with the stack's outcome (its status
    // and the reason), like every other failure, so that the summary lists it.
    const timedOut = (err, status, what = '') => {
        if (!(err instanceof deploy_wait/* StackTimeoutError */.mW))
            throw err;
        const reason = `${err.message} (the timeout input)${what}`;
        throw new StackDeployError(`Stack ${spec.name}: ${reason}. Check it with: ${checkCommand(spec.name, opts.region)}`, {
            ...outcome('failed', status),
            failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: 'TIMED_OUT', reason }]
        });
    };
    const prepared = await (0,prepare/* prepareChangeSet */.S)(cfn, spec, {
        poll,
        changeSetName: opts.changeSetName,
        busyNote: status => `Stack ${spec.name} is ${status} (another run or a person is changing it); waiting for it to settle.`,
        waitFailed: timedOut,
        recreate: true,
        refuse: stack => {
            const stuck = stack.StackStatus ? STUCK[stack.StackStatus] : undefined;
            if (!stuck)
                return undefined;
            const o = { ...outcome('failed', stack.StackStatus ?? 'UNKNOWN'), failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: stack.StackStatus ?? '', reason: stack.StackStatusReason ?? '' }] };
            return new StackDeployError(`Stack ${spec.name} is ${stack.StackStatus}: ${stuck}.`, o);
        },
        seen
    });
    if (prepared.kind === 'unchanged')
        return outcome('unchanged', prepared.stack.StackStatus ?? 'UNKNOWN');
    // recreate is on: a ROLLBACK_COMPLETE stack has been deleted and is made anew, so this cannot come back
    if (prepared.kind === 'rollback-complete')
        throw new Error(`Stack ${spec.name} is ROLLBACK_COMPLETE and was not recreated`);
    const { stack, type, name: csName, recreated } = prepared;
    let executing = false;
    try {
        const ready = await (0,changeset/* waitForChangeSet */.bp)(cfn, spec.name, csName, poll);
        if (ready.state === 'empty') {
            await (0,changeset/* deleteChangeSet */.cW)(cfn, spec.name, csName);
            (0,log/* info */.pq)(`Stack ${spec.name}: CloudFormation found no changes; change set deleted.`);
            return outcome('unchanged', stack?.StackStatus ?? 'UNKNOWN');
        }
        if (ready.state === 'failed') {
            await (0,changeset/* deleteChangeSet */.cW)(cfn, spec.name, csName);
            const o = { ...outcome('failed', stack?.StackStatus ?? 'ABSENT'), failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: 'CHANGE_SET_FAILED', reason: ready.reason }] };
            throw new StackDeployError(`Change set for stack ${spec.name} failed: ${ready.reason}`, o);
        }
        const changes = await (0,describe/* describeChanges */.DT)(cfn, spec.name, csName, ready.first);
        throwIfCancelled(opts.signal, spec.name, 'before its change set was executed', outcome('failed', stack?.StackStatus ?? 'ABSENT', changes));
        const events = new cfn_events/* StackEventLog */.hg(cfn, spec.name, opts.print);
        await events.baseline();
        (0,log/* info */.pq)(`Stack ${spec.name}: executing ${type} change set ${csName} (${changes.length} resource change(s)).`);
        executing = true;
        const final = await runChangeSet(cfn, spec, csName, events, poll, opts, changes);
        const action = recreated ? 'recreated' : type === 'CREATE' ? 'created' : 'updated';
        if (type === 'CREATE')
            await ensureTerminationProtection(cfn, spec, final);
        return outcome(action, final.StackStatus ?? 'UNKNOWN', changes);
    }
    catch (err) {
        if (!executing && (isCancellation(err, opts.signal) || err instanceof deploy_wait/* StackTimeoutError */.mW)) {
            const deleted = await (0,changeset/* deleteChangeSet */.cW)(cfn, spec.name, csName);
            if (err instanceof DeployCancelledError || isCancellation(err, opts.signal)) {
                throw new DeployCancelledError(`Cancelled while preparing stack ${spec.name}: change set ${csName} was not executed` + (deleted ? ' and has been deleted.' : ' (deleting it failed; it is harmless).'), outcome('failed', stack?.StackStatus ?? 'ABSENT'));
            }
            timedOut(err, stack?.StackStatus ?? 'ABSENT', `; change set ${csName} was not executed` + (deleted ? ' and has been deleted' : ' (deleting it failed; it is harmless)'));
        }
        throw err;
    }
}
async function runChangeSet(cfn, spec, csName, events, poll, opts, changes) {
    (0,log/* startGroup */.Oh)(`CloudFormation events: ${spec.name}`);
    let settled;
    try {
        try {
            await (0,changeset/* executeChangeSet */._A)(cfn, spec.name, csName);
        }
        catch (err) {
            // An endpoint may fail ExecuteChangeSet itself when a resource fails (leaving the stack *_IN_PROGRESS):
            // the failure is explained from the events and the stack's status, as for a failed operation. Both reads are
            // best effort: when they fail too, the change set's own error is what is reported.
            const current = await (0,describe/* describeStack */.GO)(cfn, spec.name).catch(() => undefined);
            await events.poll().catch(() => []);
            const failures = events.failures((0,errors/* errorMessage */.gJ)(err));
            const reasons = failures.length ? failures : [{ logicalId: spec.name, status: 'EXECUTE_FAILED', reason: (0,errors/* errorMessage */.gJ)(err) }];
            throw new StackDeployError(`Executing the change set of stack ${spec.name} failed: ${describeFailures(reasons)}`, { stack: spec.name, action: 'failed', status: current?.StackStatus ?? 'UNKNOWN', changes, failures: reasons });
        }
        try {
            settled = (await (0,deploy_wait/* waitForStackSettled */.YK)(cfn, spec.name, poll, events)).stack;
        }
        catch (err) {
            if (isCancellation(err, opts.signal)) {
                const msg = `Cancelled while stack ${spec.name} is mid-update. CloudFormation finishes or rolls back the update by itself; ` +
                    `nothing is left half-done by stopping here. Check it with: ${checkCommand(spec.name, opts.region)}`;
                (0,log/* warning */.$e)(msg);
                throw new DeployCancelledError(msg, { stack: spec.name, action: 'failed', status: 'IN_PROGRESS', changes, failures: [] });
            }
            if (err instanceof deploy_wait/* StackTimeoutError */.mW) {
                throw new StackDeployError(`${err.message} (the timeout input). CloudFormation goes on by itself; check it with: ${checkCommand(spec.name, opts.region)}`, { stack: spec.name, action: 'failed', status: 'IN_PROGRESS', changes, failures: [] });
            }
            throw err;
        }
    }
    finally {
        (0,log/* endGroup */.N4)();
    }
    const status = settled?.StackStatus ?? 'ABSENT';
    if (!settled || !SUCCESS.has(status)) {
        const failures = events.failures(settled?.StackStatusReason);
        throw new StackDeployError(`Stack ${spec.name} ended ${status}: ${describeFailures(failures)}`, {
            stack: spec.name,
            action: 'failed',
            status,
            changes,
            failures
        });
    }
    return settled;
}
function describeFailures(failures) {
    if (!failures.length)
        return 'CloudFormation gave no reason';
    return failures.map(f => `${f.logicalId}${f.resourceType ? ` (${f.resourceType})` : ''}: ${f.reason}`).join('; ');
}
/**
 * Termination protection is set outside change sets, once, right after a create (docs/design.md, "What it creates");
 * an existing stack keeps whatever its owner chose. A failure is a warning: the stack itself is fine
 * (an endpoint that does not implement UpdateTerminationProtection answers with an error).
 */
async function ensureTerminationProtection(cfn, spec, stack) {
    if (!spec.terminationProtection || stack.EnableTerminationProtection)
        return;
    const { UpdateTerminationProtectionCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    try {
        await cfn.send(new UpdateTerminationProtectionCommand({ StackName: spec.name, EnableTerminationProtection: true }));
        (0,log/* info */.pq)(`Stack ${spec.name}: termination protection enabled.`);
    }
    catch (err) {
        (0,log/* warning */.$e)(`Could not enable termination protection on stack ${spec.name}: ${(0,errors/* awsErrorName */.ZH)(err)}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
function isCancellation(err, signal) {
    // once the signal has fired, whatever interrupted the wait is the cancellation
    return err instanceof DeployCancelledError || !!signal?.aborted;
}
function throwIfCancelled(signal, stack, when, o) {
    if (signal?.aborted)
        throw new DeployCancelledError(`Cancelled ${when} of stack ${stack}.`, o);
}

// EXTERNAL MODULE: ./src/helm/resolve.ts + 2 modules
var resolve = __webpack_require__(6802);
// EXTERNAL MODULE: ./src/kube/aws-auth.ts
var aws_auth = __webpack_require__(2111);
// EXTERNAL MODULE: ./src/core/config/diagnostics.ts
var diagnostics = __webpack_require__(4382);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/kube/helm-release.ts
// Reads a Helm release straight from its storage (Secrets of type helm.sh/release.v1, Helm's default
// driver) through the Kubernetes API. apply uses it to refuse a bad upgrade before any change, at a
// moment when the helm binary may still be downloading.

/** Helm stores base64(gzip(JSON)); the Secret's data adds the API's own base64 on top. */
function decodeStoredRelease(data) {
    const helmEncoded = Buffer.from(data, 'base64').toString('utf8');
    const raw = Buffer.from(helmEncoded, 'base64');
    const json = raw[0] === 0x1f && raw[1] === 0x8b ? (0,external_node_zlib_.gunzipSync)(raw).toString('utf8') : raw.toString('utf8');
    return JSON.parse(json);
}
/** The newest deployed revision of `release` in `namespace`, or undefined when there is none. */
async function readReleaseFromCluster(kube, release, namespace) {
    const secrets = await kube.list(`/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets`, { labelSelector: `owner=helm,name=${release}` });
    const stored = secrets
        .filter(s => s.type === 'helm.sh/release.v1' && s.data?.release)
        .map(s => decodeStoredRelease(s.data.release))
        .sort((a, b) => b.version - a.version);
    const current = stored.find(r => r.info?.status === 'deployed') ?? stored[0];
    if (!current)
        return undefined;
    return {
        name: current.name,
        namespace: current.namespace,
        version: current.chart?.metadata?.version ?? '',
        chart: current.chart?.metadata?.name ?? '',
        appVersion: current.chart?.metadata?.appVersion,
        revision: String(current.version),
        status: current.info?.status ?? 'unknown',
        values: current.config ?? {}
    };
}

// EXTERNAL MODULE: ./src/kube/manifests.ts
var kube_manifests = __webpack_require__(4483);
// EXTERNAL MODULE: ./src/modes/run-files.ts + 1 modules
var run_files = __webpack_require__(3080);
// EXTERNAL MODULE: ./src/kube/errors.ts
var kube_errors = __webpack_require__(3646);
;// CONCATENATED MODULE: ./src/kube/service-account.ts

const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';
const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const MANAGED_BY_VALUE = 'karpenter-provision';
const HELM_RELEASE_ANNOTATION = 'meta.helm.sh/release-name';
/** Helm leaves a resource with this annotation in place when a release stops rendering it. */
const HELM_KEEP_ANNOTATION = 'helm.sh/resource-policy';
async function ensureNamespace(kube, namespace) {
    if (await kube.getOptional(`/api/v1/namespaces/${encodeURIComponent(namespace)}`))
        return false;
    try {
        await kube.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
        return true;
    }
    catch (e) {
        if ((0,kube_errors/* isAlreadyExists */.x9)(e))
            return false; // made by someone else in between
        throw e;
    }
}
async function ensureServiceAccount(kube, spec) {
    const namespaceCreated = await ensureNamespace(kube, spec.namespace);
    const collection = `/api/v1/namespaces/${encodeURIComponent(spec.namespace)}/serviceaccounts`;
    const objectPath = `${collection}/${encodeURIComponent(spec.name)}`;
    let current = await kube.getOptional(objectPath);
    if (!current) {
        const annotations = {};
        if (spec.roleArn)
            annotations[ROLE_ARN_ANNOTATION] = spec.roleArn;
        try {
            await kube.create(collection, {
                apiVersion: 'v1',
                kind: 'ServiceAccount',
                metadata: { name: spec.name, namespace: spec.namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE }, annotations }
            });
            return { action: 'created', namespaceCreated };
        }
        catch (e) {
            if (!(0,kube_errors/* isAlreadyExists */.x9)(e))
                throw e;
            // made in between: fall through to an update of what is there now
        }
    }
    const target = current ?? (await kube.get(objectPath));
    const patch = metadataPatch(target, spec);
    if (!patch)
        return { action: 'unchanged', namespaceCreated };
    await kube.patch(objectPath, { metadata: patch }, 'merge');
    return { action: 'updated', namespaceCreated };
}
/** The merge patch that brings the SA's metadata in line, or undefined when it already is. */
function metadataPatch(current, spec) {
    const labels = current.metadata?.labels ?? {};
    const annotations = current.metadata?.annotations ?? {};
    const patch = {};
    const annotationPatch = {};
    if (spec.roleArn && annotations[ROLE_ARN_ANNOTATION] !== spec.roleArn)
        annotationPatch[ROLE_ARN_ANNOTATION] = spec.roleArn;
    if (!spec.roleArn && annotations[ROLE_ARN_ANNOTATION] !== undefined)
        annotationPatch[ROLE_ARN_ANNOTATION] = null;
    // A SA the chart made earlier (createServiceAccount was true) would be deleted by the next helm
    // upgrade that stops rendering it; tell Helm to keep it, since we now own it.
    if (annotations[HELM_RELEASE_ANNOTATION] !== undefined && annotations[HELM_KEEP_ANNOTATION] !== 'keep') {
        annotationPatch[HELM_KEEP_ANNOTATION] = 'keep';
    }
    if (labels[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE)
        patch.labels = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
    if (Object.keys(annotationPatch).length > 0)
        patch.annotations = annotationPatch;
    return patch.labels || patch.annotations ? patch : undefined;
}

// EXTERNAL MODULE: ./src/helm/install.ts + 4 modules
var install = __webpack_require__(2885);
;// CONCATENATED MODULE: ./src/helm/crd-adopter.ts
const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
function kubeCrdAdopter(client) {
    return {
        async listCrds() {
            const items = await client.list(CRDS);
            return items
                .filter((i) => i.metadata?.name)
                .map((i) => ({ name: i.metadata?.name, labels: i.metadata?.labels, annotations: i.metadata?.annotations }));
        },
        async patchCrd(p) {
            await client.patch(`${CRDS}/${encodeURIComponent(p.name)}`, p.patch, 'merge');
        }
    };
}

// EXTERNAL MODULE: ./src/report/types.ts
var types = __webpack_require__(2563);
;// CONCATENATED MODULE: ./src/modes/apply-kubernetes.ts









/** Before any change: the upgrade path from the installed release, and the manifests against the cluster's EC2NodeClasses. */
async function checkCluster(ctx, session, desired) {
    const steps = [];
    const installed = await readReleaseFromCluster(session.kube, desired.helm.release, desired.helm.namespace);
    if (installed) {
        for (const note of (0,install/* guardUpgrade */.go)(installed, desired.helm.chart.version))
            steps.push(`upgrade note: ${note}`);
        steps.push(`installed release ${installed.namespace}/${installed.name}: chart ${installed.version}, revision ${installed.revision} (${installed.status})`);
    }
    else {
        steps.push(`no ${desired.helm.release} release in ${desired.helm.namespace} yet: first install`);
    }
    // read and checked offline with the other inputs (run-files.ts); only the cluster knows its EC2NodeClasses
    const manifests = ctx.files.manifests;
    if (manifests.length > 0) {
        const problems = (0,kube_manifests/* checkManifests */.d5)(manifests, await (0,kube_manifests/* listNodeClassNames */.$9)(session.kube));
        if (problems.length > 0)
            throw new diagnostics/* ConfigError */.xL(problems);
        steps.push(`manifests checked against the cluster: ${(0,run_files/* manifestNames */.qI)(manifests)}`);
    }
    return { manifests, steps, guardedVersion: installed?.version };
}
/** While the stacks deploy (every check passed): the release reads, the registry logout and karpenter-crd. */
async function installCrdChart(ctx, session, desired, helm, checks) {
    (0,log/* info */.pq)(`helm ${helm.version} (${helm.source}: ${helm.path})`);
    // Its own list of steps: the stack steps are being added meanwhile, and the summary keeps one order.
    const crds = await (0,install/* installCrds */.Mj)({ ...installOptions(ctx, session, desired, helm), guardedVersion: checks.guardedVersion });
    return { crds, steps: crds.steps };
}
function installOptions(ctx, session, desired, helm) {
    return {
        helm: helm.path,
        kubeconfig: session.kubeconfig,
        // helm reads the values-file at the path it resolved to when it was checked
        spec: { ...desired.helm, valuesFile: ctx.files.values?.real },
        extraValues: ctx.files.values?.values,
        tempDir: ctx.tempDir,
        crdAdopter: kubeCrdAdopter(session.kube)
    };
}
/** After the stacks and node access: ServiceAccount, chart, manifests. */
async function installOnCluster(ctx, session, desired, helm, checks, crds) {
    const { report } = ctx;
    const sa = desired.serviceAccount;
    if (sa.createdBy === 'tool') {
        // createServiceAccount: false (eksctl's meaning): the tool owns the ServiceAccount, the chart does not.
        const r = await ensureServiceAccount(session.kube, { namespace: sa.namespace, name: sa.name, roleArn: sa.roleArn });
        report.steps.push(`ServiceAccount ${sa.namespace}/${sa.name}: ${r.action}${r.namespaceCreated ? ' (namespace created)' : ''}`);
        if (r.action !== 'unchanged' || r.namespaceCreated)
            report.changed = true;
    }
    // Before helm --wait: a replica that cannot be scheduled makes the wait time out, and the warning
    // should be in the summary either way.
    await noteReplicaSpread(ctx, session, desired);
    const result = await (0,install/* installChart */.wJ)(installOptions(ctx, session, desired, helm), crds);
    (0,types/* record */.g)(report, result);
    report.helmRevision = result.revision;
    if (checks.manifests.length > 0) {
        const applied = await (0,kube_manifests/* applyManifests */.ZJ)(session.kube, checks.manifests);
        report.steps.push(`manifests applied: ${applied.map(a => `${a.kind}/${a.name} ${a.action}`).join(', ')}`);
        if (applied.some(a => a.action !== 'unchanged'))
            report.changed = true;
    }
}
/**
 * The chart runs 2 replicas with a required hostname anti-affinity and (from 1.0) a hard zone spread:
 * say so when the cluster's non-Karpenter nodes cannot hold them (docs/design.md, "Helm").
 */
async function noteReplicaSpread(ctx, session, desired) {
    const replicas = typeof desired.helm.values.replicas === 'number' ? desired.helm.values.replicas : 2;
    if (replicas < 2)
        return;
    const nodes = await session.kube.list('/api/v1/nodes');
    const eligible = nodes.filter(n => !n.metadata?.labels?.['karpenter.sh/nodepool']);
    const zones = new Set(eligible.map(n => n.metadata?.labels?.['topology.kubernetes.io/zone']).filter(Boolean));
    if (eligible.length < replicas || zones.size < Math.min(replicas, 2)) {
        ctx.report.warnings.push(`The Karpenter chart runs ${replicas} replicas on separate nodes spread across zones, but the cluster has ${eligible.length} ` +
            `non-Karpenter node(s) in ${zones.size} zone(s): some replicas will stay Pending. Add nodes in another zone, or set replicas: 1 in values-file.`);
    }
}

// EXTERNAL MODULE: ./src/modes/cluster-session.ts + 3 modules
var cluster_session = __webpack_require__(8494);
// EXTERNAL MODULE: ./src/modes/lifecycle.ts + 4 modules
var lifecycle = __webpack_require__(1808);
// EXTERNAL MODULE: ./src/core/together.ts
var together = __webpack_require__(6869);
// EXTERNAL MODULE: ./src/aws/addons.ts
var addons = __webpack_require__(1722);
// EXTERNAL MODULE: ./src/aws/pod-identity-role.ts
var pod_identity_role = __webpack_require__(9062);
// EXTERNAL MODULE: ./src/aws/pod-identity.ts
var pod_identity = __webpack_require__(2117);
// EXTERNAL MODULE: ./src/core/plan/pod-identity-state.ts
var pod_identity_state = __webpack_require__(6883);
// EXTERNAL MODULE: ./src/aws/identity-switch.ts
var identity_switch = __webpack_require__(948);
;// CONCATENATED MODULE: ./src/modes/apply-identity.ts







/**
 * The identity facts first (refusing Pod Identity that cannot work; the existing association, its role adopted),
 * then the desired state, built once from them and the caller's and the cluster's facts.
 */
async function desiredWithIdentity(ctx, aws, caller, cluster) {
    const { config, report, offline } = ctx;
    if (offline.controllerIdentity === 'pod-identity') {
        const agent = await (0,addons/* requirePodIdentityAgent */.IE)(await aws.eks(), config.name);
        await (0,pod_identity_role/* requirePoliciesExist */.j7)(await aws.iam(), offline.podIdentity?.permissionPolicyArns ?? []);
        report.steps.push(`preflight: eks-pod-identity-agent addon ACTIVE${agent ? ` (${agent})` : ''}${offline.podIdentity?.permissionPolicyArns.length ? `; permissionPolicyARNs exist` : ''}`);
    }
    const { state, adopt } = await (0,lifecycle/* readIdentity */.xN)(ctx, aws);
    const desired = (0,lifecycle/* desiredFor */.ER)(ctx, caller, cluster, adopt);
    // the entry's roleARN is the config's: the offline state has it as given
    const given = offline.podIdentity?.roleArn;
    if (adopt && given && given !== adopt) {
        report.warnings.push(`iam.podIdentityAssociations roleARN ${given} is not used: the existing association ${state.association?.id} (not made by this tool) uses ${adopt}, which is adopted as it is.`);
    }
    if (desired.controllerIdentity === 'irsa' && state.association && !state.association.ours) {
        report.warnings.push(`A Pod Identity association for ${desired.names.namespace}/${desired.names.serviceAccount} (${state.association.id}, role ${state.association.roleArn}) exists and was not made by this tool; ` +
            'it is kept, and the controller uses IRSA, which takes precedence while both exist.');
    }
    if (state.podIdentityApiMissing)
        report.steps.push('Pod Identity: the EKS endpoint does not serve the Pod Identity API; no association looked for');
    if (desired.controllerIdentity === 'pod-identity')
        report.steps.push(`controller identity: Pod Identity, ${(0,pod_identity_state/* podIdentityRoleNote */.iz)(desired)}`);
    if (state.previous) {
        report.steps.push(`identity switch ${state.previous === 'irsa' ? 'IRSA → Pod Identity' : 'Pod Identity → IRSA'} detected: ` +
            (state.previous === 'irsa' ? `stack ${desired.names.irsaStack} exists` : state.association?.ours ? `association ${state.association.id} exists` : `stack ${desired.names.podIdentityStack} exists`) +
            '; the new identity is made before the chart upgrade, the previous one retired after it');
    }
    return { desired, state };
}
/** Before the chart upgrade (after the stacks): the Pod Identity role's policies and the association. */
async function prepareIdentity(ctx, aws, plan) {
    const { desired, state } = plan;
    const { report } = ctx;
    if (desired.controllerIdentity === 'irsa') {
        if (state.previous)
            report.steps.push(`identity switch Pod Identity → IRSA: IRSA role ${desired.arns.controllerRole} in place before the chart upgrade`);
        return;
    }
    const pod = desired.podIdentity;
    if ((pod.roleSource ?? 'stack') !== 'stack') {
        // CloudFormation attaches the policies to the stack's own role; any other role gets them here.
        const attached = await (0,pod_identity_role/* attachRolePolicies */.Y8)(await aws.iam(), desired.arns.controllerRole, (0,pod_identity_state/* podIdentityRolePolicies */.i_)(desired));
        if (attached.length) {
            report.changed = true;
            report.steps.push(`Pod Identity role ${desired.arns.controllerRole}: attached ${attached.join(', ')}`);
        }
        else {
            report.steps.push(`Pod Identity role ${desired.arns.controllerRole}: controller policies already attached`);
        }
    }
    const outcome = await (0,pod_identity/* ensureAssociation */.yD)(await aws.eks(), { cluster: desired.names.cluster, namespace: pod.namespace, serviceAccount: pod.serviceAccount, roleArn: desired.arns.controllerRole, tags: pod.tags }, state.association);
    const subject = `${pod.namespace}/${pod.serviceAccount}`;
    switch (outcome.action) {
        case 'created':
            report.changed = true;
            report.steps.push(`Pod Identity association ${outcome.id} created for ${subject} → ${desired.arns.controllerRole}${state.previous ? ' (before the chart upgrade)' : ''}`);
            break;
        case 'updated':
            report.changed = true;
            report.steps.push(`Pod Identity association ${outcome.id} for ${subject} moved from ${outcome.previousRoleArn} to ${desired.arns.controllerRole}`);
            break;
        case 'unchanged':
            report.steps.push(`Pod Identity association ${outcome.id} for ${subject} → ${desired.arns.controllerRole}: unchanged`);
            break;
        case 'kept-foreign':
            report.warnings.push(`Pod Identity association ${outcome.id} for ${subject} uses ${outcome.roleArn} and was not made by this tool: it is kept as it is.`);
            report.steps.push(`Pod Identity association ${outcome.id}: kept (not this tool's)`);
    }
}
/** After the chart upgrade: the identity the cluster switched away from, deleted (or kept with install-chart: false). */
async function retirePreviousIdentity(ctx, aws, plan) {
    const { desired, state } = plan;
    const { report } = ctx;
    if (!state.previous)
        return;
    if (!ctx.inputs.installChart)
        return (0,types/* record */.g)(report, (0,identity_switch/* keepPrevious */.$B)(desired, state.previous));
    const sw = { poll: (0,lifecycle/* pollOptions */.Oh)(ctx), accountId: desired.accountId ?? '' };
    if (state.previous === 'irsa')
        return (0,types/* record */.g)(report, await (0,identity_switch/* retireIrsa */.Dj)(aws, desired, sw));
    // Pod Identity → IRSA: the association (only ours), policies this tool attached to a role not its own, the stack.
    (0,types/* record */.g)(report, await (0,identity_switch/* retireAssociation */.po)(aws, desired, state));
    (0,types/* record */.g)(report, await (0,identity_switch/* detachFromAssociationRole */.j9)(aws, desired, state));
    (0,types/* record */.g)(report, await (0,identity_switch/* retirePodIdentityStack */.tK)(aws, desired, sw));
}

;// CONCATENATED MODULE: ./src/modes/apply.ts
















async function runApply(ctx) {
    // helm is resolved (and downloaded if need be) while the stacks deploy, not after. However apply ends (a
    // refusal, a failure, done), the download stops with it, so a refused run exits at once.
    const ended = new AbortController();
    const signal = AbortSignal.any([ctx.signal, ended.signal]);
    const helm = ctx.inputs.installChart ? (0,resolve/* prefetchHelm */.uD)(ctx.inputs.helmVersion, { tempDir: ctx.tempDir, signal }) : undefined;
    try {
        await applyWith(ctx, helm);
    }
    finally {
        ended.abort(new Error('apply ended: helm is not needed any more'));
    }
}
async function applyWith(ctx, helm) {
    const { inputs, config, report } = ctx;
    const { region, aws } = await (0,lifecycle/* openClients */.Bf)(ctx);
    // Reads that do not depend on each other go at once; `together` answers (and fails) as if in sequence.
    const [identity, pre] = await (0,together/* together */.b)((0,lifecycle/* identify */.ls)(ctx, aws), (async () => (0,preflight/* preflight */.Mz)(await aws.eks(), {
        cluster: config.name,
        region,
        karpenterVersion: config.karpenter.version,
        configK8sVersion: config.kubernetesVersion
    }))());
    report.warnings.push(...pre.warnings);
    const cluster = pre.cluster;
    report.steps.push(`preflight: cluster ${cluster.name} is ${cluster.status}, Kubernetes ${cluster.version}, authentication mode ${cluster.authenticationMode ?? 'CONFIG_MAP (no accessConfig)'}`);
    // Pod Identity checks, the existing association (its role adopted) and a switch of identity: before any change.
    // Refusals that need the cluster (upgrade path, manifests) also come before the first change; they read only
    // the release and the manifests, which the identity does not change, so both go at once.
    // The IRSA provider look-up and the instance profile's owner (reads; neither name depends on the identity) go along.
    // These read by names and the chart version, which come from the config alone: the offline desired state has them.
    const { offline } = ctx;
    const [identityPlan, , clusterChecks, oidcLookup] = await (0,together/* together */.b)(desiredWithIdentity(ctx, aws, identity, cluster), (async () => (0,preflight/* checkInstanceProfileFree */.ZN)(await aws.iam(), await aws.cfn(), {
        profile: offline.names.instanceProfile,
        stack: offline.karpenterStack.name,
        region,
        cluster: config.name,
        configKey: config.karpenter.defaultInstanceProfile ? 'karpenter.defaultInstanceProfile' : 'the default name'
    }))(), inputs.installChart ? (0,cluster_session/* withCluster */.B)(ctx, aws, cluster, s => checkCluster(ctx, s, offline)) : Promise.resolve(undefined), offline.controllerIdentity === 'irsa' && cluster.oidcIssuer
        ? (async () => ({ arn: await (0,oidc_provider/* findOidcProvider */.UC)(await aws.iam(), cluster.oidcIssuer) }))()
        : Promise.resolve(undefined));
    const desired = identityPlan.desired;
    (0,lifecycle/* reportDesired */.Bd)(ctx, desired);
    if (clusterChecks)
        report.steps.push(...clusterChecks.steps);
    // Windows nodes (the file's node groups, the manifests' EC2NodeClasses) decide how the node role is mapped.
    const windows = (0,karpenter_windows/* windowsNodeReasons */.vE)(config.windowsNodeGroups, (0,lifecycle/* readManifestObjects */.M$)(ctx));
    const nodeAccess = (0,node_access/* resolveNodeAccess */.n)(desired.nodeAccess, cluster.authenticationMode, windows);
    if (desired.controllerIdentity === 'irsa') {
        const issuer = (0,preflight/* requireIssuer */.R7)(cluster);
        const provider = await (0,oidc_provider/* ensureOidcProvider */.hb)(await aws.iam(), issuer, { cluster: config.name, found: oidcLookup });
        report.steps.push(provider.created ? `created IAM OIDC provider ${provider.arn}` : `IAM OIDC provider ${provider.arn} already exists`);
        if (provider.created)
            report.changed = true;
    }
    // Every check has passed: the CRD chart goes in while the stacks deploy (docs/design.md, "Apply latency").
    const checks = clusterChecks;
    const crdChart = helm && checks ? (0,together/* settle */.G)((0,cluster_session/* withCluster */.B)(ctx, aws, cluster, async (s) => installCrdChart(ctx, s, desired, await helm, checks))) : undefined;
    try {
        await deploy(ctx, aws, desired.karpenterStack, region);
        if ((0,pod_identity_state/* controllerStackInUse */.b4)(desired))
            await deploy(ctx, aws, desired.controllerStack, region);
        await prepareIdentity(ctx, aws, identityPlan);
        await grantNodeAccess(ctx, aws, desired, cluster, nodeAccess);
    }
    catch (err) {
        // What the CRD chart did meanwhile belongs in the summary of the failed run (not waited for on cancellation).
        const done = crdChart && !ctx.signal?.aborted ? await crdChart : undefined;
        if (done?.ok)
            await crdChartSteps(ctx, done);
        else if (done)
            report.warnings.push(`karpenter-crd was being installed while the stacks deployed and failed too: ${(0,errors/* errorMessage */.gJ)(done.error)}`);
        throw err;
    }
    if (crdChart && clusterChecks) {
        const crds = await crdChartSteps(ctx, await crdChart);
        const resolvedHelm = await helm;
        // A fresh session: the EKS token of the checks may be near its ~15-minute limit after long stack waits.
        await (0,cluster_session/* withCluster */.B)(ctx, aws, cluster, s => installOnCluster(ctx, s, desired, resolvedHelm, clusterChecks, crds));
    }
    else {
        report.steps.push('install-chart: false — the chart is left to its owner (Argo CD, Flux…)');
    }
    await retirePreviousIdentity(ctx, aws, identityPlan);
    (0,log/* info */.pq)(report.changed ? 'apply: done, changes made.' : 'apply: done, nothing to change.');
}
/** The CRD chart's outcome: its steps into the summary, its error thrown, its phase returned. */
async function crdChartSteps(ctx, done) {
    if (!done.ok)
        throw done.error;
    ctx.report.steps.push(...done.value.steps);
    if (!done.value.crds.upToDate)
        ctx.report.changed = true;
    return done.value.crds;
}
async function deploy(ctx, aws, spec, region) {
    let outcome;
    try {
        outcome = await deployStack(await aws.cfn(), spec, { region, timeoutMs: ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal });
    }
    catch (err) {
        if (err instanceof StackDeployError || err instanceof DeployCancelledError) {
            ctx.report.stacks.push(err.outcome);
            ctx.report.changed = true;
        }
        throw err;
    }
    ctx.report.stacks.push(outcome);
    ctx.report.steps.push(`stack ${spec.name}: ${outcome.action} (${outcome.status})`);
    if (outcome.action !== 'unchanged')
        ctx.report.changed = true;
    return outcome;
}
async function grantNodeAccess(ctx, aws, desired, cluster, decision) {
    const { report } = ctx;
    if (decision.method === 'none') {
        report.steps.push(`node access: skipped (${decision.reason})`);
        return;
    }
    if (decision.method === 'access-entry') {
        const tags = { 'alpha.eksctl.io/cluster-name': cluster.name };
        const r = await (0,access_entry/* ensureNodeAccessEntry */.rS)(await aws.eks(), cluster.name, desired.arns.nodeRole, tags);
        if (r.warning)
            (0,log/* warning */.$e)(r.warning);
        report.steps.push(`node access: EC2_LINUX access entry for ${desired.arns.nodeRole} ${r.created ? 'created' : 'already present'} (${decision.reason})`);
        if (r.created)
            report.changed = true;
        return;
    }
    const r = await (0,cluster_session/* withCluster */.B)(ctx, aws, cluster, s => (0,aws_auth/* ensureAwsAuthMapping */.gP)(s.kube, desired.arns.nodeRole, ctx.signal, { windows: decision.windows }));
    report.steps.push(`node access: aws-auth mapping for ${r.rolearn} ${r.action} (${decision.reason})${r.note ? ` — ${r.note}` : ''}`);
    if (r.action !== 'unchanged')
        report.changed = true;
    if (decision.windows && (0,node_access/* includesApi */.o)(cluster.authenticationMode)) {
        // An access entry for the same role takes precedence over aws-auth, so an EC2_LINUX entry from a run before
        // Windows nodes would keep them out: removed once the mapping that replaces it is in place.
        const removed = await (0,access_entry/* deleteNodeAccessEntry */.Cy)(await aws.eks(), cluster.name, desired.arns.nodeRole);
        if (removed) {
            report.steps.push(`node access: access entry for ${desired.arns.nodeRole} deleted (it takes precedence over aws-auth and cannot serve Windows nodes)`);
            report.changed = true;
        }
    }
}


/***/ })

};
