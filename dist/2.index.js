export const id = 2;
export const ids = [2];
export const modules = {

/***/ 7501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ mergeValues),
/* harmony export */   Z: () => (/* binding */ sameValues)
/* harmony export */ });
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
    return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.isDeepStrictEqual)(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}


/***/ }),

/***/ 3490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ resolveNodeAccess),
/* harmony export */   o: () => (/* binding */ includesApi)
/* harmony export */ });
/* harmony import */ var _karpenter_unsupported_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1027);

/** Clusters that predate access entries report no accessConfig: they authenticate through aws-auth only. */
function modeOf(authenticationMode) {
    return authenticationMode ?? 'CONFIG_MAP';
}
function includesApi(authenticationMode) {
    const mode = modeOf(authenticationMode);
    return mode === 'API' || mode === 'API_AND_CONFIG_MAP';
}
/** `windows`: why the run's nodes include Windows (windowsNodeReasons in src/core/karpenter/windows.ts); none by default. */
function resolveNodeAccess(input, authenticationMode, windows = []) {
    const decision = resolveMethod(input, authenticationMode, windows.length > 0);
    const refusal = (0,_karpenter_unsupported_js__WEBPACK_IMPORTED_MODULE_0__/* .windowsNodeAccessRefusal */ .wr)({ input, mode: modeOf(authenticationMode), method: decision.method, reasons: windows });
    if (refusal)
        throw new Error(refusal);
    if (windows.length > 0 && decision.method === 'aws-auth') {
        return { ...decision, windows: true, reason: `${decision.reason}; Windows nodes (${windows.join('; ')}): mapped with eks:kube-proxy-windows too` };
    }
    return decision;
}
function resolveMethod(input, authenticationMode, windows) {
    const mode = modeOf(authenticationMode);
    const api = includesApi(authenticationMode);
    const configMap = mode === 'CONFIG_MAP' || mode === 'API_AND_CONFIG_MAP';
    switch (input) {
        case 'none':
            return { method: 'none', reason: 'node-access: none — node access is managed elsewhere' };
        case 'auto':
            if (windows && configMap)
                return { method: 'aws-auth', reason: `authentication mode ${mode} includes CONFIG_MAP, and one access entry cannot serve Linux and Windows nodes` };
            return api
                ? { method: 'access-entry', reason: `authentication mode ${mode} includes API` }
                : { method: 'aws-auth', reason: `authentication mode ${mode} does not include API` };
        case 'access-entry':
            if (!api) {
                throw new Error(`node-access: access-entry needs a cluster whose authentication mode includes API, but this one is ${mode}. ` +
                    'Switch the cluster to API_AND_CONFIG_MAP (`aws eks update-cluster-config --access-config authenticationMode=API_AND_CONFIG_MAP`) or use node-access: aws-auth.');
            }
            return { method: 'access-entry', reason: 'node-access: access-entry' };
        case 'aws-auth':
            if (!configMap) {
                throw new Error(`node-access: aws-auth has no effect on a cluster in authentication mode ${mode} (the aws-auth ConfigMap is ignored); use node-access: access-entry or auto.`);
            }
            return { method: 'aws-auth', reason: 'node-access: aws-auth' };
    }
}


/***/ }),

/***/ 8002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderArtefacts: () => (/* binding */ renderArtefacts),
  runRender: () => (/* binding */ runRender)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
// EXTERNAL MODULE: ./src/core/deployer-policy.ts + 1 modules
var deployer_policy = __webpack_require__(9948);
// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/core/helm/values-merge.ts
var values_merge = __webpack_require__(7501);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
// EXTERNAL MODULE: ./src/core/config/diagnostics.ts
var diagnostics = __webpack_require__(4382);
// EXTERNAL MODULE: ./src/core/plan/node-access.ts
var node_access = __webpack_require__(3490);
// EXTERNAL MODULE: ./src/core/karpenter/windows.ts
var windows = __webpack_require__(1577);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/karpenter/windows-render.ts



/** eksctl creates clusters in this mode when the file does not say. */
const EKSCTL_DEFAULT_MODE = 'API_AND_CONFIG_MAP';
function windowsRenderView(config, nodeAccess) {
    const groups = config.windowsNodeGroups;
    if (groups.length === 0)
        return { problems: [] };
    const reasons = (0,windows/* windowsNodeReasons */.vE)(groups, []);
    const mode = config.authenticationMode ?? EKSCTL_DEFAULT_MODE;
    try {
        const decision = (0,node_access/* resolveNodeAccess */.n)(nodeAccess, mode, reasons);
        const how = decision.method === 'aws-auth'
            ? `the node role is mapped in aws-auth with groups eks:kube-proxy-windows, system:bootstrappers, system:nodes`
            : 'node access is left to you (node-access: none)';
        return { problems: [], step: `Windows nodes (${reasons.join('; ')}): ${how}; apply decides from the cluster's authentication mode (${mode} in the file${config.authenticationMode ? '' : ', eksctl\'s default'})` };
    }
    catch (err) {
        const first = groups[0];
        const problem = {
            severity: 'error',
            file: config.file,
            line: first.position.line,
            col: first.position.col,
            path: `${first.path}.amiFamily`,
            message: (0,errors/* errorMessage */.gJ)(err),
            got: first.amiFamily,
            expected: `a node-access that can map Windows nodes (aws-auth) on a cluster whose authentication mode includes CONFIG_MAP`
        };
        return { problems: [problem] };
    }
}

;// CONCATENATED MODULE: ./src/modes/render.ts
// render: offline. Validates the config and shows the templates, the Helm values and the exact helm
// command in the log and the summary; the command line also writes them to a folder.







async function runRender(ctx) {
    // built offline before the mode ran (run.ts): render shows it as it is
    const desired = ctx.offline;
    ctx.report.desired = desired;
    const windows = windowsRenderView(ctx.config, ctx.inputs.nodeAccess);
    if (windows.problems.length > 0)
        throw new diagnostics/* ConfigError */.xL(windows.problems);
    if (windows.step)
        ctx.report.steps.push(windows.step);
    ctx.report.deployerPolicies = (0,deployer_policy/* deployerPolicies */.lT)(desired, ctx.inputs.account);
    for (const [file, body] of Object.entries(renderArtefacts(desired, ctx.report.deployerPolicies))) {
        (0,log/* startGroup */.Oh)(file);
        (0,log/* infoBlock */.e7)(body);
        (0,log/* endGroup */.N4)();
    }
    const extra = ctx.files.values;
    if (extra) {
        // What helm ends up with: the generated values, then the values-file over them (README, Inputs). The log
        // gets JSON: the file is the user's, and no JSON line can start with `::` (a workflow command), as a YAML
        // key or block scalar line could. The summary shows YAML, HTML-escaped.
        const title = `values.yaml with ${extra.file} applied last`;
        const merged = (0,values_merge/* mergeValues */.D)(desired.helm.values, extra.values);
        (0,log/* startGroup */.Oh)(`${title} (as JSON)`);
        (0,log/* infoBlock */.e7)(JSON.stringify(merged, null, 2));
        (0,log/* endGroup */.N4)();
        ctx.report.sections.push({ title: 'Helm values with the values-file', body: (0,html/* details */.zH)(title, (0,dist/* stringify */.As)(merged)) });
    }
}
/** The files `render --out DIR` writes (docs/design.md, "Modes"). */
function renderArtefacts(d, policies) {
    return {
        'karpenter-stack.json': JSON.stringify(d.karpenterStack.template, null, 2) + '\n',
        'controller-stack.json': JSON.stringify(d.controllerStack.template, null, 2) + '\n',
        'values.yaml': (0,dist/* stringify */.As)(d.helm.values),
        'helm-args.json': JSON.stringify(d.helmArgs, null, 2) + '\n',
        ...(policies ? (0,deployer_policy/* deployerPolicyFiles */.EO)(policies) : {})
    };
}


/***/ })

};
