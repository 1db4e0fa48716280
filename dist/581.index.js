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
/* harmony import */ var _inputs_action_yml_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1068);
/* harmony import */ var _core_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4382);
/* harmony import */ var _run_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(354);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7708);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4296);
// The command line (package bin `karpenter-provision`, dist/cli.js — a shim into the action's bundle): the same core as the
// action, with flags instead of INPUT_* variables, so users can render and plan from a laptop.









// Every input action.yml declares is a flag of the same name (src/inputs/action-yml.ts is generated from it), except
// cluster-config, which is --config.
const INPUT_FLAGS = _inputs_action_yml_js__WEBPACK_IMPORTED_MODULE_4__/* .ACTION_INPUTS */ .b.map(i => i.name).filter(name => name !== 'cluster-config');
const flagLine = (flag, text) => `  ${flag.padEnd(30)} ${text}`;
const USAGE = [
    'usage: karpenter-provision --config FILE [--mode MODE] [--out DIR] [--summary FILE] [--INPUT VALUE]...',
    '',
    "The action's inputs are flags of the same names, meanings and defaults (from action.yml); only --mode's default differs.",
    '',
    ..._inputs_action_yml_js__WEBPACK_IMPORTED_MODULE_4__/* .ACTION_INPUTS */ .b.map(i => i.name === 'cluster-config'
        ? flagLine('--config FILE', i.description)
        : i.name === 'mode'
            ? flagLine('--mode MODE', `${i.description} Default on the command line: render.`)
            : flagLine(`--${i.name} VALUE`, `${i.description}${'default' in i ? ` Default: ${i.default}.` : ''}`)),
    flagLine('--out DIR', 'render: write karpenter-stack.json, controller-stack.json, values.yaml, helm-args.json and the deployer policies (deployer-policy.json, deployer-policy-read-only.json) to DIR.'),
    flagLine('--summary FILE', 'Write the job summary (Markdown) to FILE.'),
    flagLine('-h, --help', 'This text.')
].join('\n');
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
        process.stderr.write(`${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .gJ)(e)}\n${USAGE}\n`);
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
        process.stderr.write(`error: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .errorMessage */ .gJ)(e)}\n`);
        return 2;
    }
    const outputs = {};
    let summary = '';
    // A config error's message already lists its diagnostics under a heading, so errors are held back
    // and printed only if the failure message does not carry them: each appears once.
    const heldErrors = [];
    const result = await (0,_run_js__WEBPACK_IMPORTED_MODULE_6__/* .execute */ .g)(inputs, {
        workspace: process.cwd(),
        setOutput: (name, value) => (outputs[name] = value),
        writeSummary: async (markdown) => void (summary = markdown),
        // plainLines: a line of config-derived text never reads as a workflow command when this runs in a workflow step
        annotate: ds => {
            for (const d of ds) {
                if (d.severity === 'error')
                    heldErrors.push((0,_core_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDiagnostic */ .xy)(d));
                else
                    process.stderr.write(`${d.severity}: ${(0,_runner_log_js__WEBPACK_IMPORTED_MODULE_7__/* .plainLines */ .y1)((0,_core_config_diagnostics_js__WEBPACK_IMPORTED_MODULE_5__/* .formatDiagnostic */ .xy)(d))}\n`);
            }
        },
        fail: message => {
            const shown = new Set(message.split('\n'));
            const missing = heldErrors.splice(0).filter(line => !shown.has(line));
            process.stderr.write(`error: ${(0,_runner_log_js__WEBPACK_IMPORTED_MODULE_7__/* .plainLines */ .y1)([message, ...missing].join('\n'))}\n`);
        }
    });
    if (heldErrors.length > 0)
        process.stderr.write(heldErrors.map(line => `error: ${(0,_runner_log_js__WEBPACK_IMPORTED_MODULE_7__/* .plainLines */ .y1)(line)}\n`).join(''));
    if (typeof values.summary === 'string' && summary)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.writeFile)(values.summary, summary);
    if (!result.ok)
        return 1;
    if (typeof values.out === 'string' && result.report.desired) {
        // render made them already; another mode's desired state is written the same way, without the deployer policies
        const files = result.report.artefacts ?? (await __webpack_require__.e(/* import() */ 987).then(__webpack_require__.bind(__webpack_require__, 9987))).renderArtefacts(result.report.desired);
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.mkdir)(values.out, { recursive: true });
        for (const [file, body] of Object.entries(files)) {
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
