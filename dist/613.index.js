export const id = 613;
export const ids = [613];
export const modules = {

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

/***/ 3613:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadManifests: () => (/* binding */ loadManifests),
/* harmony export */   readManifests: () => (/* binding */ readManifests)
/* harmony export */ });
/* harmony import */ var _core_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4382);
/* harmony import */ var _runner_input_files_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2176);
/* harmony import */ var _kube_manifests_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4483);
// The `manifests` input's files, read through the path rules and checked offline (run-files.ts loads this only
// when the input is given).



/** Manifest folders hold a handful of small files. */
const MANIFEST_LIMITS = { match: /\.ya?ml$/i, maxFiles: 100, maxTotalBytes: 4 * _runner_input_files_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_INPUT_FILE_BYTES */ .hu };
/** The manifests, parsed and checked offline: everything but whether an EC2NodeClass named only by a NodePool is in the cluster. */
function readManifests(given, clusterName, rules) {
    const manifests = loadManifests(given, clusterName, rules);
    const problems = (0,_kube_manifests_js__WEBPACK_IMPORTED_MODULE_2__/* .checkManifests */ .d5)(manifests, undefined);
    if (problems.length > 0)
        throw new _core_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigError */ .xL(problems);
    return manifests;
}
/** The `manifests` input's file, or its folder's .yaml/.yml files in name order, parsed (not yet checked). */
function loadManifests(given, clusterName, rules) {
    const read = (0,_runner_input_files_js__WEBPACK_IMPORTED_MODULE_1__/* .readInputFiles */ .UK)('manifests', given, rules, MANIFEST_LIMITS);
    return (0,_kube_manifests_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifests */ .Ye)(read.files, read.shown, { clusterName });
}


/***/ })

};
