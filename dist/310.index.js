export const id = 310;
export const ids = [310];
export const modules = {

/***/ 5310:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   renderArtefacts: () => (/* binding */ renderArtefacts),
/* harmony export */   runRender: () => (/* binding */ runRender)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _state_desired_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6462);
/* harmony import */ var _state_deployer_policy_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6429);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7708);
// render: offline. Validates the config and shows the templates, the Helm values and the exact helm
// command in the log and the summary; the command line also writes them to a folder.




async function runRender(ctx) {
    const desired = (0,_state_desired_js__WEBPACK_IMPORTED_MODULE_1__/* .buildDesiredState */ .kL)(ctx.config, ctx.inputs);
    ctx.report.desired = desired;
    ctx.report.deployerPolicies = (0,_state_deployer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .deployerPolicies */ .lT)(desired, ctx.inputs.account);
    for (const [file, body] of Object.entries(renderArtefacts(desired, ctx.report.deployerPolicies))) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .startGroup */ .Oh)(file);
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq)(body);
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_3__/* .endGroup */ .N4)();
    }
}
/** The files `render --out DIR` writes (SPEC §3). */
function renderArtefacts(d, policies) {
    return {
        'karpenter-stack.json': JSON.stringify(d.karpenterStack.template, null, 2) + '\n',
        'controller-stack.json': JSON.stringify(d.controllerStack.template, null, 2) + '\n',
        'values.yaml': (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)(d.helm.values),
        'helm-args.json': JSON.stringify(d.helmArgs, null, 2) + '\n',
        ...(policies ? (0,_state_deployer_policy_js__WEBPACK_IMPORTED_MODULE_2__/* .deployerPolicyFiles */ .EO)(policies) : {})
    };
}


/***/ })

};
