export const id = 581;
export const ids = [581];
export const modules = {

/***/ 5581:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runCli: () => (/* binding */ runCli)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _inputs_read_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4245);
/* harmony import */ var _config_diagnostics_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7410);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7540);
// The command line (package bin `karpenter-provision`, dist/cli.js — a shim into the action's bundle): the same core as the
// action, with flags instead of INPUT_* variables, so users can render and plan from a laptop.






const INPUT_FLAGS = [
    'mode', 'role-to-assume', 'audience', 'role-session-name', 'role-duration-seconds', 'aws-region', 'kubeconfig',
    'helm-version', 'chart', 'namespace', 'values-file', 'manifests', 'timeout', 'fail-on-drift', 'install-chart',
    'node-access', 'controller-identity', 'account'
];
const USAGE = `usage: karpenter-provision --config FILE [--mode render|plan|apply|drift|delete] [--out DIR] [--summary FILE]
                          [--${INPUT_FLAGS.filter(f => f !== 'mode').join(' V] [--')} V]
Flags carry the action's input names and defaults (${Object.entries(_inputs_read_js__WEBPACK_IMPORTED_MODULE_3__/* .INPUT_DEFAULTS */ .WJ).map(([k, v]) => `${k}=${v}`).join(', ')}).
The mode defaults to render on the command line. render is offline: no credentials, no network.
--out DIR (render) writes karpenter-stack.json, controller-stack.json, values.yaml, helm-args.json and the deployer
policies (deployer-policy.json, deployer-policy-read-only.json; --account sets the account in their ARNs).`;
async function runCli(argv) {
    const options = Object.fromEntries([
        ['config', { type: 'string' }], ['out', { type: 'string' }], ['summary', { type: 'string' }], ['help', { type: 'boolean', short: 'h' }],
        ...INPUT_FLAGS.map(f => [f, { type: 'string' }])
    ]);
    let values;
    try {
        values = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals: false }).values;
    }
    catch (e) {
        process.stderr.write(`${e.message}\n${USAGE}\n`);
        return 2;
    }
    if (values.help) {
        process.stdout.write(`${USAGE}\n`);
        return 0;
    }
    const flags = { 'cluster-config': String(values.config ?? ''), mode: String(values.mode ?? 'render') };
    for (const f of INPUT_FLAGS)
        if (f !== 'mode' && typeof values[f] === 'string')
            flags[f] = values[f];
    let inputs;
    try {
        inputs = (0,_inputs_read_js__WEBPACK_IMPORTED_MODULE_3__/* .readInputs */ .Ko)(name => flags[name] ?? '');
    }
    catch (e) {
        process.stderr.write(`error: ${e.message}\n`);
        return 2;
    }
    const outputs = {};
    let summary = '';
    const result = await (0,_run_js__WEBPACK_IMPORTED_MODULE_5__/* .execute */ .g)(inputs, {
        workspace: process.cwd(),
        setOutput: (name, value) => (outputs[name] = value),
        writeSummary: async (markdown) => void (summary = markdown),
        annotate: ds => ds.forEach(d => process.stderr.write(`${d.severity}: ${(0,_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_4__/* .formatDiagnostic */ .xy)(d)}\n`)),
        fail: message => process.stderr.write(`error: ${message}\n`)
    });
    if (typeof values.summary === 'string' && summary)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(values.summary, summary);
    if (!result.ok)
        return 1;
    if (typeof values.out === 'string' && result.report.desired) {
        const { renderArtefacts } = await __webpack_require__.e(/* import() */ 310).then(__webpack_require__.bind(__webpack_require__, 5310));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(values.out, { recursive: true });
        for (const [file, body] of Object.entries(renderArtefacts(result.report.desired, result.report.deployerPolicies))) {
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(values.out, file), body);
            process.stdout.write(`wrote ${(0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(values.out, file)}\n`);
        }
    }
    for (const [name, value] of Object.entries(outputs))
        process.stdout.write(`${name}=${value}\n`);
    return 0;
}


/***/ })

};
