export const id = 317;
export const ids = [317];
export const modules = {

/***/ 243:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ao: () => (/* binding */ changes),
/* harmony export */   uQ: () => (/* binding */ describeChange)
/* harmony export */ });
/* unused harmony export toExecute */
// One intended change (docs/design.md, "The pipeline", step 5): what it touches, what would be done, why, and
// whether it removes or replaces something. A plan is an ordered list of these: `plan` renders it, `apply` and
// `delete` execute it step by step, in order.
/** The changes that certainly change something (not `none`, not `ensure`): what plan's has-changes counts. */
function changes(plan) {
    return plan.filter(c => c.action !== 'none' && c.action !== 'ensure');
}
/** The changes an executor runs (all but `none`). */
function toExecute(plan) {
    return plan.filter(c => c.action !== 'none');
}
/** "create stack eksctl-dev-karpenter — the stack does not exist" */
function describeChange(c) {
    const verb = c.action === 'none' ? 'no change to' : c.action;
    return `${verb} ${c.subject} — ${c.reason}${c.destructive ? ' (removes or replaces)' : ''}`;
}


/***/ }),

/***/ 2317:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runPlan: () => (/* binding */ runPlan)
/* harmony export */ });
/* harmony import */ var _report_types_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(2563);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7708);
/* harmony import */ var _report_html_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6433);
/* harmony import */ var _report_summary_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5133);
/* harmony import */ var _aws_preflight_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7610);
/* harmony import */ var _core_plan_apply_plan_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6198);
/* harmony import */ var _core_plan_change_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(243);
/* harmony import */ var _core_helm_diff_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(5341);
/* harmony import */ var _apply_facts_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(6364);
/* harmony import */ var _cfn_plan_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2494);
/* harmony import */ var _apply_identity_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(2396);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1808);
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(419);
/* harmony import */ var _run_files_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(3080);














/** The one function that reads plan top down. */
async function runPlan(ctx) {
    const { config, report, inputs } = ctx;
    const session = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_9__/* .openSession */ .fA)(ctx);
    const cluster = await (0,_facts_js__WEBPACK_IMPORTED_MODULE_10__/* .readCluster */ .D$)(session.aws, config.name, session.region);
    if (!cluster) {
        throw new _aws_preflight_js__WEBPACK_IMPORTED_MODULE_3__/* .PreflightError */ .wG(`EKS cluster "${config.name}" was not found in region ${session.region}; apply needs an existing cluster, so there is nothing to plan. ` +
            'Create the cluster first (`eksctl create cluster -f <file>`), or check metadata.name, metadata.region and the aws-region input.');
    }
    report.warnings.push(...(0,_aws_preflight_js__WEBPACK_IMPORTED_MODULE_3__/* .checkCluster */ .zc)(cluster, config.karpenter.version, config.kubernetesVersion));
    let read;
    try {
        read = await (0,_apply_facts_js__WEBPACK_IMPORTED_MODULE_6__/* .readApplyFacts */ .q)(ctx, session.aws, { mode: 'plan', caller: session.identity, cluster, region: session.region });
    }
    catch (err) {
        // the stack is in the summary with what was seen of it and why its plan stopped
        if (err instanceof _cfn_plan_js__WEBPACK_IMPORTED_MODULE_7__/* .StackPlanError */ .UQ)
            report.stacks.push(err.outcome);
        throw err;
    }
    const { facts, desired } = read;
    report.warnings.push(...read.refusals);
    report.steps.push(...read.steps);
    (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_9__/* .reportDesired */ .Bd)(ctx, desired);
    const plan = (0,_core_plan_apply_plan_js__WEBPACK_IMPORTED_MODULE_4__/* .applyPlan */ .g)(desired, facts, { installChart: inputs.installChart, extraValues: ctx.files.values?.values ?? {}, manifests: (0,_run_files_js__WEBPACK_IMPORTED_MODULE_11__/* .manifestNames */ .qI)(ctx.files.manifests) });
    if (plan.refusal)
        report.warnings.push(`apply would refuse: ${plan.refusal.message}`);
    report.warnings.push(...plan.upgrade.warnings);
    for (const note of plan.upgrade.notes)
        report.steps.push(`upgrade note: ${note}`);
    (0,_report_types_js__WEBPACK_IMPORTED_MODULE_12__/* .record */ .g)(report, (0,_apply_identity_js__WEBPACK_IMPORTED_MODULE_8__/* .identityNotes */ .gl)(ctx, desired, plan.identity));
    render(ctx, read, plan);
    const changed = (0,_core_plan_change_js__WEBPACK_IMPORTED_MODULE_13__/* .changes */ .Ao)(plan.changes).length > 0;
    report.changed = changed;
    report.outputs['has-changes'] = String(changed);
    const destructive = (0,_report_summary_js__WEBPACK_IMPORTED_MODULE_2__/* .destructiveChanges */ .OQ)(report.stacks);
    if (destructive.length > 0) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(`apply would remove or replace: ${destructive.map(c => `${c.stack} ${c.logicalId} (${c.resourceType}${c.replacement ? `, replacement ${c.replacement}` : ', removed'})`).join('; ')}`);
    }
    (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(changed ? 'plan: apply would make changes (nothing was changed).' : 'plan: nothing to change.');
}
/** Each change as a line of the summary (and the log), in apply's order. */
function render(ctx, read, plan) {
    const { report } = ctx;
    if (plan.nodeAccess)
        report.steps.push(`node access: apply would use ${plan.nodeAccess.method} (${plan.nodeAccess.reason})`);
    report.stacks.push(...read.stackPlans);
    for (const c of plan.changes) {
        const s = describe(c, read.stackPlans);
        if (!s)
            continue;
        report.steps.push(s);
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`  ${s}`);
    }
    chartSection(ctx, read, plan);
}
function describe(c, stackPlans) {
    switch (c.kind) {
        case 'oidc-provider':
            return c.action === 'none' ? `IAM OIDC provider ${c.arn} exists` : `would create the IAM OIDC provider for ${c.issuer}`;
        case 'stack': {
            const outcome = stackPlans.find(o => o.stack === c.spec.name);
            for (const r of outcome?.changes ?? []) {
                (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`  ${c.spec.name}: ${r.action} ${r.logicalId} (${r.resourceType})${r.replacement ? ` replacement: ${r.replacement}` : ''}${r.details?.length ? ` — ${r.details.join('; ')}` : ''}`);
            }
            if (c.action === 'none')
                return `stack ${c.spec.name}: no changes`;
            const count = outcome?.changes.length ?? 0;
            return `stack ${c.spec.name}: ${c.action === 'create' ? 'would be created' : c.action === 'replace' ? 'would be deleted and created again (ROLLBACK_COMPLETE)' : 'would be updated'} (${count} resource change(s); change set deleted, not executed)`;
        }
        case 'role-policies':
            return c.action === 'none' ? `Pod Identity role ${c.roleArn}: policies attached, no changes` : `Pod Identity role ${c.roleArn}: would attach ${c.policies.join(', ')}`;
        case 'association': {
            const a = c.existing;
            if (!a)
                return `${c.subject}: would be created → ${c.roleArn}`;
            if (a.roleArn === c.roleArn)
                return `${c.subject} → ${c.roleArn}: no changes${a.ours ? '' : ' (not made by this tool: its role is adopted as it is)'}`;
            if (c.action === 'update')
                return `${c.subject}: would be updated from ${a.roleArn} to ${c.roleArn}`;
            return `${c.subject} was not made by this tool: its role ${a.roleArn} is adopted as it is`;
        }
        case 'access-entry':
        case 'aws-auth':
            return `node access: ${c.subject}: ${verb(c)} (${c.reason})`;
        case 'crd-chart':
        case 'service-account':
        case 'manifests':
            return `${c.subject}: ${verb(c)} (${c.reason})`;
        case 'chart':
            return undefined; // chartSection
        case 'retire-identity':
            return (`identity switch ${c.previous === 'irsa' ? 'IRSA → Pod Identity' : 'Pod Identity → IRSA'}: after the chart upgrade apply would delete ${c.subject.replace(/^[^(]*\(|\)$/g, '')}` +
                (c.keep ? ' (not with install-chart: false: kept)' : ''));
    }
}
function verb(c) {
    switch (c.action) {
        case 'none':
            return 'no changes';
        case 'ensure':
            return 'apply would make sure of it';
        case 'create':
            return 'would be created';
        case 'update':
            return 'would be updated';
        case 'replace':
            return 'would be replaced';
        case 'delete':
            return 'would be deleted';
    }
}
/** The chart half: what apply would install or upgrade, or why it was not compared. */
function chartSection(ctx, read, plan) {
    const { report } = ctx;
    if (!ctx.inputs.installChart) {
        report.steps.push('chart: not compared (install-chart: false — the chart is left to its owner)');
        return;
    }
    const c = plan.changes.find((x) => x.kind === 'chart');
    if (!c)
        return;
    const unread = read.facts.unread.releases;
    if (unread !== undefined) {
        const msg = `chart: not compared — the cluster could not be reached (${unread}); the plan covers the AWS side only`;
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(msg);
        report.steps.push(msg);
        return;
    }
    const helm = read.desired.helm;
    if (c.action === 'none') {
        report.steps.push(`chart: ${helm.release} ${c.diff.installedVersion} deployed with the desired values; no changes`);
        return;
    }
    const lines = (0,_core_helm_diff_js__WEBPACK_IMPORTED_MODULE_5__/* .describeChartDiff */ .BN)(c.diff, `${helm.namespace}/${helm.release}`);
    for (const l of lines)
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`  chart: ${l}`);
    report.steps.push(`chart: apply would ${c.diff.installed ? 'upgrade' : 'install'} ${helm.release} (${lines.length} change(s))`);
    report.sections.push({ title: 'Chart changes', body: lines.map(l => `- ${(0,_report_html_js__WEBPACK_IMPORTED_MODULE_1__/* .text */ .Qq)(l)}`).join('\n') });
}


/***/ })

};
