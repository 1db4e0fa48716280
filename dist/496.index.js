export const id = 496;
export const ids = [496];
export const modules = {

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
    const { CreateChangeSetCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
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
    const { DeleteChangeSetCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    try {
        await cfn.send(new DeleteChangeSetCommand({ StackName: stack, ChangeSetName: name }));
        return true;
    }
    catch {
        return false; // harmless (see above); the caller says when a change set was left behind
    }
}
async function executeChangeSet(cfn, stack, name) {
    const { ExecuteChangeSetCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    await cfn.send(new ExecuteChangeSetCommand({ StackName: stack, ChangeSetName: name }));
}


/***/ }),

/***/ 8182:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qq: () => (/* binding */ deleteStackFully),
/* harmony export */   SJ: () => (/* binding */ StackDeleteError)
/* harmony export */ });
/* unused harmony export detachOwnPolicies */
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7708);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3948);
/* harmony import */ var _deploy_wait_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3370);
/* harmony import */ var _events_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5444);
/* harmony import */ var _drift_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7878);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);






class StackDeleteError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProvisionError */ .uv {
    outcome;
    name = 'StackDeleteError';
    constructor(message, outcome) {
        super(message);
        this.outcome = outcome;
    }
}
async function deleteStackFully(cfn, iam, name, opts) {
    const outcome = (action, status) => ({ stack: name, action, status, changes: [], failures: [] });
    let stack = await (0,_describe_js__WEBPACK_IMPORTED_MODULE_4__/* .describeStack */ .GO)(cfn, name);
    if (!stack || stack.StackStatus === 'DELETE_COMPLETE') {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${name} does not exist; nothing to delete.`);
        return outcome('absent', 'ABSENT');
    }
    if ((0,_deploy_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .isInProgress */ .LT)(stack.StackStatus) && stack.StackStatus !== 'REVIEW_IN_PROGRESS' && stack.StackStatus !== 'DELETE_IN_PROGRESS') {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${name} is ${stack.StackStatus}; waiting for it to settle before deleting it.`);
        stack = (await (0,_deploy_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitForStackSettled */ .YK)(cfn, name, opts.poll)).stack;
        if (!stack)
            return outcome('deleted', 'DELETE_COMPLETE');
    }
    await turnOffTerminationProtection(cfn, stack);
    const events = new _events_js__WEBPACK_IMPORTED_MODULE_1__/* .StackEventLog */ .hg(cfn, name, opts.print);
    // best effort: without a baseline older events are printed too; the delete does not depend on them
    await events.baseline().catch(() => undefined);
    for (let attempt = 1;; attempt++) {
        if (stack.StackStatus !== 'DELETE_IN_PROGRESS') {
            await detachOwnPolicies(cfn, iam, name, opts.isOwnPolicy);
            const { DeleteStackCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
            (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${name}: deleting${attempt > 1 ? ' (again, after DELETE_FAILED)' : ''}.`);
            await cfn.send(new DeleteStackCommand({ StackName: stack.StackId ?? name }));
        }
        let left;
        try {
            left = (await (0,_deploy_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .waitForStackSettled */ .YK)(cfn, stack.StackId ?? name, opts.poll, events)).stack;
        }
        catch (err) {
            if (err instanceof _deploy_wait_js__WEBPACK_IMPORTED_MODULE_5__/* .StackTimeoutError */ .mW) {
                throw new StackDeleteError(`${err.message} (the timeout input); CloudFormation goes on deleting it by itself.`, outcome('failed', 'DELETE_IN_PROGRESS'));
            }
            throw err;
        }
        if (!left || left.StackStatus === 'DELETE_COMPLETE')
            return outcome('deleted', 'DELETE_COMPLETE');
        if (left.StackStatus === 'DELETE_FAILED' && attempt < 2) {
            (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(`Stack ${name} is DELETE_FAILED (${left.StackStatusReason ?? 'no reason given'}); retrying once.`);
            stack = left;
            continue;
        }
        const failures = events.failures(left.StackStatusReason);
        throw new StackDeleteError(`Stack ${name} could not be deleted: it is ${left.StackStatus}` +
            (failures.length ? ` — ${failures.map(f => `${f.logicalId}: ${f.reason}`).join('; ')}` : left.StackStatusReason ? ` — ${left.StackStatusReason}` : '') +
            `. Fix what blocks it and run delete again (aws cloudformation describe-stack-events --stack-name ${name}).`, { ...outcome('failed', left.StackStatus ?? 'UNKNOWN'), failures });
    }
}
/**
 * Termination protection must be off before DeleteStack. An endpoint that does not implement
 * UpdateTerminationProtection cannot have turned it on either: that is logged, and the delete goes on.
 */
async function turnOffTerminationProtection(cfn, stack) {
    if (!stack.EnableTerminationProtection)
        return;
    const { UpdateTerminationProtectionCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    try {
        await cfn.send(new UpdateTerminationProtectionCommand({ StackName: stack.StackName, EnableTerminationProtection: false }));
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${stack.StackName}: termination protection turned off.`);
    }
    catch (err) {
        if (!(0,_drift_js__WEBPACK_IMPORTED_MODULE_2__/* .isNotImplemented */ .IA)(err))
            throw err;
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(`UpdateTerminationProtection is not implemented by this CloudFormation endpoint; deleting stack ${stack.StackName} anyway.`);
    }
}
/** The physical names of the stack's AWS::IAM::Role resources. */
async function stackRoles(cfn, name) {
    const { ListStackResourcesCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const roles = [];
    let token;
    do {
        const page = await cfn.send(new ListStackResourcesCommand({ StackName: name, NextToken: token }));
        for (const r of page.StackResourceSummaries ?? []) {
            if (r.ResourceType === 'AWS::IAM::Role' && r.PhysicalResourceId && r.ResourceStatus !== 'DELETE_COMPLETE')
                roles.push(r.PhysicalResourceId);
        }
        token = page.NextToken;
    } while (token);
    return roles;
}
async function detachOwnPolicies(cfn, iam, stackName, isOwnPolicy) {
    const { ListAttachedRolePoliciesCommand, DetachRolePolicyCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    const detached = [];
    const foreign = [];
    for (const role of await stackRoles(cfn, stackName)) {
        let marker;
        const attached = [];
        try {
            do {
                const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: role, Marker: marker }));
                attached.push(...(page.AttachedPolicies ?? []).map(p => p.PolicyArn ?? '').filter(Boolean));
                marker = page.IsTruncated ? page.Marker : undefined;
            } while (marker);
        }
        catch (err) {
            if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isAwsError */ .m_)(err, 'NoSuchEntityException', 'NoSuchEntity'))
                continue;
            throw err;
        }
        for (const arn of attached) {
            if (!isOwnPolicy(arn)) {
                foreign.push(`${arn} on role ${role}`);
                continue;
            }
            await iam.send(new DetachRolePolicyCommand({ RoleName: role, PolicyArn: arn }));
            detached.push(`${arn} from ${role}`);
        }
    }
    if (detached.length)
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${stackName}: detached ${detached.join(', ')} before deleting the stack.`);
    if (foreign.length) {
        throw new Error(`Stack ${stackName} cannot be deleted cleanly: its role(s) have managed policies this tool did not attach: ${foreign.join(', ')}. ` +
            'Detach them (aws iam detach-role-policy --role-name <role> --policy-arn <arn>) and run delete again; nothing of this stack was deleted.');
    }
    return detached;
}


/***/ }),

/***/ 5444:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hg: () => (/* binding */ StackEventLog)
/* harmony export */ });
/* unused harmony exports formatEvent, failuresFrom */
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7708);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3948);


const MAX_PAGES = 5;
// Follow-on noise: the resources CloudFormation stopped because another one failed.
const CANCELLED = /^Resource (creation|update) cancelled$/i;
function formatEvent(e) {
    const time = e.Timestamp ? new Date(e.Timestamp).toISOString().slice(11, 19) : '--:--:--';
    const reason = e.ResourceStatusReason ? ` — ${e.ResourceStatusReason}` : '';
    return `${time} ${e.LogicalResourceId ?? '?'} (${e.ResourceType ?? '?'}) ${e.ResourceStatus ?? '?'}${reason}`;
}
class StackEventLog {
    cfn;
    stackName;
    print;
    seen = new Set();
    events = [];
    constructor(cfn, stackName, print = _runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq) {
        this.cfn = cfn;
        this.stackName = stackName;
        this.print = print;
    }
    /** Marks every event that exists now as old: only later ones are printed and counted. */
    async baseline() {
        for (const e of await this.fetchUnseen())
            this.seen.add(e.EventId ?? '');
    }
    /** Prints the events that appeared since the last call, oldest first. */
    async poll() {
        const fresh = (await this.fetchUnseen()).reverse();
        for (const e of fresh) {
            this.seen.add(e.EventId ?? '');
            this.events.push(e);
            this.print(formatEvent(e));
        }
        return fresh;
    }
    // Events come newest first; stop at the first page that reaches an event we have seen.
    async fetchUnseen() {
        const { DescribeStackEventsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
        const out = [];
        let token;
        for (let page = 0; page < MAX_PAGES; page++) {
            let res;
            try {
                res = await this.cfn.send(new DescribeStackEventsCommand({ StackName: this.stackName, NextToken: token }));
            }
            catch (err) {
                if ((0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .isMissingStack */ .fH)(err))
                    return out;
                throw err;
            }
            for (const e of res.StackEvents ?? []) {
                if (this.seen.has(e.EventId ?? ''))
                    return out;
                out.push(e);
            }
            token = res.NextToken;
            if (!token)
                break;
        }
        return out;
    }
    /** The failures among the events seen since the baseline, most telling first. */
    failures(stackStatusReason) {
        return failuresFrom(this.events, this.stackName, stackStatusReason);
    }
}
function failuresFrom(events, stackName, stackStatusReason) {
    const failed = events.filter(e => (e.ResourceStatus ?? '').endsWith('_FAILED'));
    const toFailure = (e) => ({
        logicalId: e.LogicalResourceId ?? '?',
        resourceType: e.ResourceType,
        status: e.ResourceStatus ?? '?',
        reason: e.ResourceStatusReason ?? '(no reason given)'
    });
    const resources = failed.filter(e => e.LogicalResourceId !== stackName);
    const real = resources.filter(e => !CANCELLED.test(e.ResourceStatusReason ?? ''));
    const chosen = real.length ? real : resources;
    if (chosen.length)
        return dedupe(chosen.map(toFailure));
    // Only stack-level events, or none: the stack's own reason is the best we have.
    const stackLevel = failed.filter(e => e.LogicalResourceId === stackName).map(toFailure);
    if (stackLevel.length)
        return dedupe(stackLevel);
    return stackStatusReason ? [{ logicalId: stackName, resourceType: 'AWS::CloudFormation::Stack', status: 'FAILED', reason: stackStatusReason }] : [];
}
function dedupe(fs) {
    const keyed = new Map(fs.map(f => [`${f.logicalId}|${f.status}|${f.reason}`, f]));
    return [...keyed.values()];
}


/***/ }),

/***/ 2494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UQ: () => (/* binding */ StackPlanError),
/* harmony export */   qz: () => (/* binding */ planStack)
/* harmony export */ });
/* unused harmony export templateAdds */
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7708);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3948);
/* harmony import */ var _changeset_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8621);
/* harmony import */ var _deploy_wait_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(3370);
/* harmony import */ var _prepare_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4710);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);






/** A plan of one stack that could not finish: the stack as far as it was seen, and the reason. */
class StackPlanError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProvisionError */ .uv {
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
        const reason = err instanceof _deploy_wait_js__WEBPACK_IMPORTED_MODULE_4__/* .StackTimeoutError */ .mW ? `${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)} (the timeout input)` : (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err);
        throw new StackPlanError(reason.includes(spec.name) ? reason : `Stack ${spec.name}: ${reason}`, {
            stack: spec.name,
            action: 'failed',
            status: seen.status,
            changes: [],
            failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: err instanceof _deploy_wait_js__WEBPACK_IMPORTED_MODULE_4__/* .StackTimeoutError */ .mW ? 'TIMED_OUT' : 'PLAN_FAILED', reason }]
        });
    }
}
async function planOne(cfn, spec, opts, seen) {
    const poll = (0,_prepare_js__WEBPACK_IMPORTED_MODULE_2__/* .pollFrom */ .y)(opts);
    const outcome = (status, changes, action = 'planned') => ({ stack: spec.name, action, status, changes, failures: [] });
    const prepared = await (0,_prepare_js__WEBPACK_IMPORTED_MODULE_2__/* .prepareChangeSet */ .S)(cfn, spec, {
        poll,
        described: opts.described,
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
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${spec.name} is ROLLBACK_COMPLETE: apply would delete and recreate it (${changes.length} resource(s)).`);
        return { outcome: outcome('ROLLBACK_COMPLETE', changes), differences: ['stack would be deleted and recreated'], hasChanges: true };
    }
    if (prepared.kind === 'unchanged')
        return { outcome: outcome(prepared.stack.StackStatus ?? 'UNKNOWN', [], 'unchanged'), differences: [], hasChanges: false };
    const { type, name, stack, exists, differences } = prepared;
    const status = stack?.StackStatus && exists ? stack.StackStatus : 'ABSENT';
    try {
        const ready = await (0,_changeset_js__WEBPACK_IMPORTED_MODULE_1__/* .waitForChangeSet */ .bp)(cfn, spec.name, name, poll);
        if (ready.state === 'empty') {
            (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${spec.name}: CloudFormation found no resource changes.`);
            return { outcome: outcome(status, [], 'unchanged'), differences, hasChanges: false };
        }
        if (ready.state === 'failed')
            throw new Error(`Change set for stack ${spec.name} failed: ${ready.reason}`);
        const changes = await (0,_describe_js__WEBPACK_IMPORTED_MODULE_5__/* .describeChanges */ .DT)(cfn, spec.name, name, ready.first);
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`Stack ${spec.name}: ${type} change set ${name} lists ${changes.length} resource change(s); it will be deleted, not executed.`);
        return { outcome: outcome(status, changes), differences, hasChanges: true };
    }
    finally {
        // Always, whatever happened above: a plan never leaves a change set (or the empty stack a CREATE one makes).
        const deleted = await (0,_changeset_js__WEBPACK_IMPORTED_MODULE_1__/* .deleteChangeSet */ .cW)(cfn, spec.name, name);
        if (!deleted)
            (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(`Could not delete change set ${name} of stack ${spec.name}; it is harmless, delete it with: aws cloudformation delete-change-set --stack-name ${spec.name} --change-set-name ${name}`);
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
    const { DeleteStackCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    try {
        const left = await (0,_describe_js__WEBPACK_IMPORTED_MODULE_5__/* .describeStack */ .GO)(cfn, name);
        if (left?.StackStatus !== 'REVIEW_IN_PROGRESS')
            return;
        await cfn.send(new DeleteStackCommand({ StackName: name }));
    }
    catch (err) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(`Could not remove the empty REVIEW_IN_PROGRESS stack ${name} that the plan's change set left: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err)}`);
    }
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
    let stack = o.described !== undefined ? (o.described ?? undefined) : await (0,_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStack */ .GO)(cfn, spec.name);
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
    const { DeleteStackCommand, UpdateTerminationProtectionCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
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

/***/ 7501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ mergeValues)
/* harmony export */ });
/* unused harmony export sameValues */
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
    return isDeepStrictEqual(JSON.parse(JSON.stringify(a)), JSON.parse(JSON.stringify(b)));
}


/***/ }),

/***/ 6198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  g: () => (/* binding */ applyPlan)
});

// EXTERNAL MODULE: ./src/core/plan/identity.ts
var plan_identity = __webpack_require__(1565);
// EXTERNAL MODULE: ./src/core/plan/node-access.ts
var node_access = __webpack_require__(3490);
// EXTERNAL MODULE: ./src/core/plan/pod-identity-state.ts
var pod_identity_state = __webpack_require__(6883);
// EXTERNAL MODULE: ./src/core/helm/diff.ts
var helm_diff = __webpack_require__(5341);
// EXTERNAL MODULE: ./src/core/karpenter/version.ts
var version = __webpack_require__(9028);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
// EXTERNAL MODULE: ./src/core/helm/release.ts
var release = __webpack_require__(7757);
;// CONCATENATED MODULE: ./src/core/karpenter/upgrade.ts
// Which Karpenter version jumps the upgrade guide allows (docs/design.md, "Helm"; upstream upgrade-guide.md,
// v1beta1-migration.md and v1-migration.md), the steps to name when a jump is refused, and the guard that applies
// it to the installed release.
//
// API eras:  ≤0.31 v1alpha5 · 0.32 v1alpha5 + v1beta1 · 0.33–0.37 v1beta1 · 1.0 v1 + v1beta1 (conversion
// webhooks) · ≥1.1 v1 only.
//
// Upgrades: one era at a time, through the bridge releases the guides name:
//   ≤0.31 → 0.32.x → 0.33+ (migrate alpha resources while on 0.32);
//   0.33–0.37 → 1.0.x only from the rollback-capable latest patch of the minor (the v1 guide's steps 1–6 put you
//   there first; upgrading from an older patch works but makes rolling back from 1.0 impossible);
//   → ≥1.1 only from ≥1.0.6: 1.1 drops v1beta1, so every stored object must already be v1, and 1.0.6+ is the
//   first release that migrates stored versions by itself. (Earlier 1.0 patches need a manual storage migration
//   that this tool cannot verify, so we ask for 1.0.6+.)
// Downgrades (rollback): allowed within an era, and backwards across one era only to the releases the guides
// name as rollback targets (0.31.4+ from 0.32; 0.33.12/0.34.13/0.35.12/0.36.9/0.37.7+ from 1.0.x). Anything
// that would leave stored objects in an API version the target does not serve is refused.



function eraOf(x) {
    if (x.major >= 1)
        return x.major === 1 && x.minor === 0 ? 'v1-conversion' : 'v1';
    if (x.minor <= 31)
        return 'alpha';
    if (x.minor === 32)
        return 'dual';
    return 'beta';
}
/** Latest patch of the 0.32 line: the bridge between v1alpha5 and v1beta1. */
const LATEST_V032 = '0.32.10';
/** Latest 0.31 patch; 0.31.4+ is the only ≤0.31 line that can take a rollback from 0.32. */
const ROLLBACK_FROM_V032 = (0,version.v)(0, 31, 4);
const LATEST_V031 = '0.31.5';
/** Newest 1.0.x tag; any 1.0.6+ migrates stored versions to v1 on its own. */
const LATEST_V1_0 = '1.0.14';
const AUTO_STORAGE_MIGRATION = (0,version.v)(1, 0, 6);
/** Per 0.33–0.37 minor: the patch that supports rolling back from 1.0.x (v1-migration "Downgrading"). */
const V1_ROLLBACK_PATCHES = {
    33: (0,version.v)(0, 33, 12),
    34: (0,version.v)(0, 34, 13),
    35: (0,version.v)(0, 35, 12),
    36: (0,version.v)(0, 36, 9),
    37: (0,version.v)(0, 37, 7)
};
// 0.36 changed drift hashing; rolling back from ≥0.36 to an older minor needs these patches or every node drifts.
const DRIFT_ROLLBACK_PATCHES = {
    32: (0,version.v)(0, 32, 9),
    33: (0,version.v)(0, 33, 4),
    34: (0,version.v)(0, 34, 5),
    35: (0,version.v)(0, 35, 4)
};
const fmt = version/* formatVersion */.qh;
const ge = (a, b) => (0,version/* compareVersions */.Zy)(a, b) >= 0;
function rollbackPatchFor(x) {
    return x.major === 0 ? V1_ROLLBACK_PATCHES[x.minor] : undefined;
}
const CRD_WEBHOOK_STEP = (ver) => `apply the ${ver} CRDs through the karpenter-crd chart with webhook.enabled=true, webhook.serviceName=karpenter ` +
    `(the controller's Service), webhook.serviceNamespace=<namespace>, webhook.port=8443`;
const V1_STEPS_TAIL = (v1 = LATEST_V1_0) => [
    'update the controller IAM policy to the 1.0 permissions (eks:eks-cluster-name scoping) — this tool does that when it applies 1.0.x',
    `upgrade to ${v1}: karpenter-crd first (v1 CRDs with the conversion webhook), then the controller`
];
const V1_1_PREREQS = [
    'convert every NodePool, NodeClaim and EC2NodeClass manifest to v1, with nodeClassRef.group (karpenter.k8s.aws) and nodeClassRef.kind (EC2NodeClass) set — required from 1.1.0',
    'check that each Karpenter CRD reports storedVersions ["v1"] (kubectl get crd nodepools.karpenter.sh -o jsonpath={.status.storedVersions})'
];
/** The rollback-capable patch of a 0.33–0.37 version's minor when the version is older than it. */
function unmetRollbackPatch(x) {
    const patch = rollbackPatchFor(x);
    return ge(x, patch) ? undefined : patch;
}
function refuse(reason, steps) {
    return { ok: false, reason, steps };
}
function stepsToV1From(installed, v1) {
    const patch = rollbackPatchFor(installed);
    const bridge = patch && ge(installed, patch) ? fmt(installed) : fmt(patch ?? V1_ROLLBACK_PATCHES[37]);
    const steps = [];
    if (!patch || !ge(installed, patch))
        steps.push(`upgrade to ${bridge} first (the rollback-capable patch of your minor)`);
    steps.push(CRD_WEBHOOK_STEP(bridge), ...V1_STEPS_TAIL(v1));
    return steps;
}
function checkForward(installed, target) {
    const from = eraOf(installed);
    const to = eraOf(target);
    const i = fmt(installed);
    const t = fmt(target);
    const notes = [];
    if (from === 'alpha' && to !== 'alpha' && to !== 'dual') {
        return {
            ok: false,
            reason: `Karpenter ${i} uses the v1alpha5 APIs; ${t} serves only ${to === 'beta' ? 'v1beta1' : 'v1'}. The upgrade guide: "Do not upgrade to 0.33.0+ without first upgrading to 0.32.x".`,
            steps: [
                ...(ge(installed, ROLLBACK_FROM_V032) ? [] : [`upgrade to ${LATEST_V031} first (only 0.31.4+ can roll back from 0.32)`]),
                `upgrade to ${LATEST_V032} (serves v1alpha5 and v1beta1 side by side)`,
                'migrate every Provisioner, AWSNodeTemplate and Machine to NodePool, EC2NodeClass and NodeClaim (v1beta1 migration guide)',
                ...(to === 'beta' ? [`then upgrade to ${t}`] : ['then upgrade to the latest patch of 0.33–0.37 and follow the v1 migration to 1.0.x', `then upgrade to ${t}`])
            ]
        };
    }
    if (from === 'alpha' && to === 'dual') {
        notes.push(`0.32 serves v1alpha5 and v1beta1: migrate Provisioners/AWSNodeTemplates/Machines to v1beta1 before going to 0.33+.`);
        if (!ge(installed, ROLLBACK_FROM_V032)) {
            notes.push(`Only 0.31.4+ can take a rollback from 0.32 once v1beta1 objects exist; ${i} cannot (upgrade to ${LATEST_V031} first if you may need to roll back).`);
        }
        return { ok: true, notes };
    }
    if (from === 'dual' && (to === 'v1-conversion' || to === 'v1')) {
        return {
            ok: false,
            reason: `Karpenter 1.0 can only be installed over 0.33–0.37; ${i} must first move to v1beta1-only 0.33+.`,
            steps: [
                'migrate every v1alpha5 object to v1beta1 while on 0.32',
                `upgrade to ${fmt(V1_ROLLBACK_PATCHES[37])}`,
                CRD_WEBHOOK_STEP(fmt(V1_ROLLBACK_PATCHES[37])),
                ...V1_STEPS_TAIL(to === 'v1-conversion' ? t : LATEST_V1_0),
                ...(to === 'v1' ? [...V1_1_PREREQS, `then upgrade to ${t}`] : [])
            ]
        };
    }
    if (from === 'dual' && to === 'beta') {
        notes.push('0.33+ serves only v1beta1: every Provisioner, AWSNodeTemplate and Machine must be migrated first, and the old settings.aws.* values stop working.');
        return { ok: true, notes };
    }
    if (from === 'beta' && to === 'v1-conversion') {
        const patch = unmetRollbackPatch(installed);
        if (patch) {
            return refuse(`Rolling back from 1.0.x is only supported from the latest patch of each 0.33–0.37 minor; ${i} is older than ${fmt(patch)}.`, stepsToV1From(installed, t));
        }
        notes.push(`v1 migration: the karpenter-crd chart must carry the conversion webhook (webhook.enabled=true, webhook.serviceName, webhook.port=8443) for ${t}.`, `Rollback targets from 1.0.x: ${Object.values(V1_ROLLBACK_PATCHES).map(fmt).join(', ')}.`);
        return { ok: true, notes };
    }
    if (from === 'beta' && to === 'v1') {
        return {
            ok: false,
            reason: `Karpenter ${t} serves only the v1 APIs; from ${i} (v1beta1) you must pass through 1.0.x, which converts stored objects.`,
            steps: [...stepsToV1From(installed), ...V1_1_PREREQS, `then upgrade to ${t}`]
        };
    }
    if (from === 'v1-conversion' && to === 'v1') {
        if (!ge(installed, AUTO_STORAGE_MIGRATION)) {
            return {
                ok: false,
                reason: `Karpenter ${t} drops v1beta1; stored objects must be migrated to v1 first, which 1.0.6+ does automatically and ${i} does not.`,
                steps: [`upgrade to ${LATEST_V1_0} (any 1.0.6+) and let it migrate stored versions`, ...V1_1_PREREQS, `then upgrade to ${t}`]
            };
        }
        notes.push(`1.1.0 drops v1beta1 and the conversion webhooks: ${V1_1_PREREQS[0]}.`);
        return { ok: true, notes };
    }
    return { ok: true, notes };
}
function checkBackward(installed, target) {
    const from = eraOf(installed);
    const to = eraOf(target);
    const i = fmt(installed);
    const t = fmt(target);
    const notes = [
        `Downgrading ${i} → ${t}: fields that only ${i} understands are dropped from objects when the older CRDs are applied.`
    ];
    const lostCrds = [];
    if (ge(installed, (0,version.v)(1, 14, 0)) && (0,version/* compareVersions */.Zy)(target, (0,version.v)(1, 14, 0)) < 0)
        lostCrds.push('CapacityBuffer (capacitybuffers.autoscaling.x-k8s.io)');
    if (ge(installed, (0,version.v)(1, 7, 0)) && (0,version/* compareVersions */.Zy)(target, (0,version.v)(1, 7, 0)) < 0)
        lostCrds.push('NodeOverlay (nodeoverlays.karpenter.sh)');
    if (lostCrds.length > 0) {
        notes.push(`The karpenter-crd chart of ${t} has no ${lostCrds.join(' or ')} CRD: helm deletes it, and every object of that kind with it.`);
    }
    if (from === to) {
        if (from === 'beta' && ge(installed, (0,version.v)(0, 36, 0)) && target.minor < 36) {
            const patch = DRIFT_ROLLBACK_PATCHES[target.minor];
            if (!ge(target, patch)) {
                return {
                    ok: false,
                    reason: `0.36 changed drift detection; rolling back from ${i} to ${t} would drift every node. Supported rollback patches: ${Object.values(DRIFT_ROLLBACK_PATCHES).map(fmt).join(', ')}.`,
                    steps: [`roll back to ${fmt(patch)} or later instead of ${t}`]
                };
            }
        }
        return { ok: true, notes };
    }
    if (from === 'dual' && to === 'alpha') {
        if (!ge(target, ROLLBACK_FROM_V032)) {
            return {
                ok: false,
                reason: `After 0.32, only 0.31.4+ handles a rollback once v1beta1 objects exist; ${t} does not.`,
                steps: [`roll back to ${LATEST_V031} (0.31.4 or later) instead`]
            };
        }
        notes.push('Delete any NodePool/EC2NodeClass/NodeClaim objects first: 0.31 does not manage them.');
        return { ok: true, notes };
    }
    if (from === 'beta' && to === 'dual') {
        if (ge(installed, (0,version.v)(0, 36, 0)) && !ge(target, DRIFT_ROLLBACK_PATCHES[32])) {
            return {
                ok: false,
                reason: `0.36 changed drift detection; rolling back from ${i} to ${t} would drift every node.`,
                steps: [`roll back to ${fmt(DRIFT_ROLLBACK_PATCHES[32])} or later instead`]
            };
        }
        return { ok: true, notes };
    }
    if (from === 'v1-conversion' && to === 'beta') {
        const patch = unmetRollbackPatch(target);
        if (patch) {
            return refuse(`From 1.0.x you may only roll back to a release with the conversion webhooks: ${Object.values(V1_ROLLBACK_PATCHES).map(fmt).join(', ')} (or later patches of those minors).`, [`roll back to ${fmt(patch)} instead of ${t}`, 'restore the pre-1.0 controller policy and CRDs (karpenter-crd of that version, webhook values set)']);
        }
        notes.push('v1-only fields are not kept; re-add the compatibility.karpenter.sh/v1beta1-kubelet-conversion annotation on NodePools if you removed it.');
        return { ok: true, notes };
    }
    if (from === 'v1' && to === 'v1-conversion') {
        return { ok: true, notes };
    }
    if (from === 'v1' && to === 'beta') {
        const patch = rollbackPatchFor(target);
        return {
            ok: false,
            reason: `${t} does not serve the v1 APIs that ${i} stores; only 1.0.x converts between v1 and v1beta1.`,
            steps: [
                `roll back to ${LATEST_V1_0} first (it serves v1 and v1beta1 through conversion webhooks)`,
                `then roll back to ${fmt(ge(target, patch) ? target : patch)} as the v1 migration guide's "Downgrading" section describes`
            ]
        };
    }
    return {
        ok: false,
        reason: `Rolling back from ${i} to ${t} crosses more than one Karpenter API era (${from} → ${to}); the stored objects would be in an API version ${t} does not serve.`,
        steps: [`pick a rollback target in the era just before ${i}'s, as the upgrade guide lists`]
    };
}
/**
 * Whether moving an installed release to `target` is a jump the upgrade guide allows. Notes carry what the
 * user must know on an allowed jump; refusals name the steps in order.
 */
function checkUpgrade(installed, target) {
    const c = (0,version/* compareVersions */.Zy)(target, installed);
    if (c === 0)
        return { ok: true, notes: [] };
    return c > 0 ? checkForward(installed, target) : checkBackward(installed, target);
}
/** A jump the upgrade guide does not allow: nothing was changed; the message names the steps in order. */
class UpgradeRefusedError extends errors/* ProvisionError */.uv {
    from;
    to;
    reason;
    steps;
    name = 'UpgradeRefusedError';
    constructor(from, to, reason, steps) {
        super(`Refusing to move Karpenter from ${from} to ${to}: ${reason}\nNothing was changed. Steps to take:\n` +
            steps.map((s, i) => `  ${i + 1}. ${s}`).join('\n'));
        this.from = from;
        this.to = to;
        this.reason = reason;
        this.steps = steps;
    }
}
/**
 * The upgrade guard (docs/design.md, "Helm"), run once per apply before any change: from the version the cluster
 * runs (the newest deployed revision, not a failed upgrade on top of it) to the chart version asked for. Throws
 * UpgradeRefusedError for a jump the guide does not allow; nothing installed is a first install.
 */
function guardUpgrade(installed, targetTag) {
    if (!installed)
        return { notes: [], warnings: [] };
    const running = (0,release/* runningVersion */.c)(installed);
    const from = (0,version/* parseVersion */.ot)(running);
    if (!from) {
        return { notes: [], warnings: [`installed release ${installed.name} runs chart version ${JSON.stringify(running)}, which is not a version; upgrade path not checked`] };
    }
    const target = (0,version/* parseVersion */.ot)(targetTag);
    if (!target)
        throw new Error(`chart version ${JSON.stringify(targetTag)} is not a version`);
    const check = checkUpgrade(from, target);
    if (!check.ok)
        throw new UpgradeRefusedError(running, targetTag, check.reason, check.steps);
    return { notes: check.notes, warnings: [] };
}

;// CONCATENATED MODULE: ./src/core/plan/apply-plan.ts






/** The plan. `desired` is the state built from these facts (its adopted role included). */
function applyPlan(desired, facts, opts) {
    const identity = (0,plan_identity/* identityState */.A)(facts, desired.names, desired.controllerIdentity);
    const nodeAccess = facts.cluster ? (0,node_access/* resolveNodeAccess */.nL)(desired.nodeAccess, facts.cluster.authenticationMode, facts.windows) : undefined;
    const out = [];
    const oidc = oidcProviderChange(desired, facts);
    if (oidc)
        out.push(oidc);
    const chart = opts.installChart ? chartChanges(desired, facts, opts) : undefined;
    if (chart?.crd)
        out.push(chart.crd);
    for (const spec of (0,pod_identity_state/* stacksInUse */._p)(desired))
        out.push(stackChange(spec, facts));
    out.push(...identityChanges(desired, facts, identity));
    if (nodeAccess)
        out.push(...nodeAccessChanges(desired, facts, nodeAccess));
    if (chart)
        out.push(...chart.rest);
    const retire = retireChange(desired, identity, opts.installChart);
    if (retire)
        out.push(retire);
    const plan = { changes: out, identity, nodeAccess, upgrade: { notes: [], warnings: [] } };
    // The upgrade guard: once, on the release as read, before the first change.
    if (opts.installChart && facts.releases?.main) {
        try {
            plan.upgrade = guardUpgrade(facts.releases.main, desired.helm.chart.version);
        }
        catch (err) {
            if (!(err instanceof UpgradeRefusedError))
                throw err;
            plan.refusal = err;
        }
    }
    return plan;
}
function oidcProviderChange(desired, facts) {
    if (desired.controllerIdentity !== 'irsa' || facts.oidcProvider === undefined)
        return undefined;
    const issuer = facts.cluster?.oidcIssuer ?? '';
    const subject = `IAM OIDC provider for ${issuer}`;
    if (facts.oidcProvider)
        return { kind: 'oidc-provider', issuer, arn: facts.oidcProvider, subject, action: 'none', reason: `${facts.oidcProvider} exists`, destructive: false };
    return { kind: 'oidc-provider', issuer, subject, action: 'create', reason: 'IRSA trusts the cluster through it, and the account has none for this issuer', destructive: false };
}
function stackChange(spec, facts) {
    const subject = `stack ${spec.name}`;
    const status = facts.stacks[spec.name]?.status;
    const base = { kind: 'stack', spec, subject };
    if (status === undefined)
        return { ...base, action: 'create', reason: 'the stack does not exist', destructive: false };
    if (status === 'ROLLBACK_COMPLETE') {
        return { ...base, action: 'replace', reason: 'its first creation failed and rolled back (ROLLBACK_COMPLETE): CloudFormation cannot update it, so it is deleted and created again', destructive: true };
    }
    const preview = facts.stackPreviews?.[spec.name];
    if (!preview)
        return { ...base, action: 'ensure', reason: `it exists (${status}): updated through a change set where the template, parameters or tags differ`, destructive: false };
    if (!preview.hasChanges)
        return { ...base, action: 'none', reason: 'no changes', destructive: false };
    return { ...base, action: 'update', reason: `${preview.resourceChanges} resource change(s)`, destructive: preview.destructive };
}
function identityChanges(desired, facts, identity) {
    if (desired.controllerIdentity !== 'pod-identity' || !desired.podIdentity)
        return [];
    const pod = desired.podIdentity;
    const role = desired.arns.controllerRole;
    const out = [];
    if (!(0,pod_identity_state/* controllerStackInUse */.b4)(desired)) {
        const policies = (0,pod_identity_state/* podIdentityRolePolicies */.i_)(desired);
        const read = facts.controllerRolePolicies;
        const missing = read ? policies.filter(p => !read.attached?.includes(p)) : undefined;
        const subject = `Pod Identity role ${role}`;
        if (missing === undefined)
            out.push({ kind: 'role-policies', roleArn: role, policies, subject, action: 'ensure', reason: 'CloudFormation attaches policies to its own role only: the controller policies are attached to this one', destructive: false });
        else if (missing.length === 0)
            out.push({ kind: 'role-policies', roleArn: role, policies, subject, action: 'none', reason: 'the controller policies are attached', destructive: false });
        else
            out.push({ kind: 'role-policies', roleArn: role, policies: missing, subject, action: 'update', reason: `attach ${missing.join(', ')}`, destructive: false });
    }
    const a = identity.association;
    const target = `${pod.namespace}/${pod.serviceAccount}`;
    const base = { kind: 'association', roleArn: role, destructive: false };
    if (!a)
        out.push({ ...base, subject: `Pod Identity association for ${target}`, action: 'create', reason: `none exists: created → ${role}` });
    else if (a.roleArn === role) {
        const reason = a.ours ? `→ ${role}` : `→ ${role}; not made by this tool: its role is adopted as it is`;
        out.push({ ...base, existing: a, subject: `Pod Identity association ${a.id} for ${target}`, action: 'none', reason });
    }
    else if (a.ours)
        out.push({ ...base, existing: a, subject: `Pod Identity association ${a.id} for ${target}`, action: 'update', reason: `moved from ${a.roleArn} to ${role}` });
    else
        out.push({ ...base, existing: a, subject: `Pod Identity association ${a.id} for ${target}`, action: 'none', reason: `not made by this tool: its role ${a.roleArn} is adopted as it is` });
    return out;
}
function nodeAccessChanges(desired, facts, decision) {
    const role = desired.arns.nodeRole;
    const entry = facts.nodeAccess?.accessEntryType;
    if (decision.method === 'none')
        return [];
    if (decision.method === 'access-entry') {
        const base = { kind: 'access-entry', roleArn: role, subject: `EC2_LINUX access entry for ${role}`, destructive: false };
        if (entry === undefined)
            return [{ ...base, action: 'ensure', reason: decision.reason }];
        if (entry === null)
            return [{ ...base, action: 'create', reason: decision.reason }];
        return [{ ...base, action: 'none', reason: `present (${entry}); ${decision.reason}` }];
    }
    const out = [];
    const mapping = facts.nodeAccess?.awsAuthMapping;
    const groups = (0,node_access/* nodeGroups */.f$)(decision);
    const base = { kind: 'aws-auth', roleArn: role, windows: decision.windows === true, subject: `aws-auth mapping for ${role}`, destructive: false };
    if (mapping === undefined)
        out.push({ ...base, action: 'ensure', reason: decision.reason });
    else if (mapping === null)
        out.push({ ...base, action: 'create', reason: decision.reason });
    else if (groups.every(g => mapping.groups.includes(g)))
        out.push({ ...base, action: 'none', reason: `present; ${decision.reason}` });
    else
        out.push({ ...base, action: 'update', reason: `lacks ${groups.filter(g => !mapping.groups.includes(g)).join(', ')}; ${decision.reason}` });
    // An access entry for the same role takes precedence over aws-auth, so an EC2_LINUX entry from a run before
    // Windows nodes would keep them out: removed once the mapping that replaces it is in place.
    if (decision.windows && (0,node_access/* includesApi */.oT)(facts.cluster?.authenticationMode) && entry !== null) {
        out.push({
            kind: 'access-entry',
            roleArn: role,
            subject: `access entry for ${role}`,
            action: 'delete',
            reason: 'it takes precedence over aws-auth and cannot serve Windows nodes',
            destructive: true
        });
    }
    return out;
}
/** Whether the deployed release (and karpenter-crd) already run the desired chart version with the desired values. */
function upToDate(desired, facts, diff) {
    if ((0,helm_diff/* hasChartChanges */.uZ)(diff))
        return false;
    if (!desired.helm.crdChart)
        return true;
    const crd = facts.releases?.crd;
    const want = (0,version/* parseVersion */.ot)(desired.helm.crdChart.version);
    const have = crd ? (0,version/* parseVersion */.ot)(crd.version) : undefined;
    return crd?.status === 'deployed' && !!want && !!have && (0,version/* compareVersions */.Zy)(have, want) === 0;
}
function chartChanges(desired, facts, opts) {
    const { helm } = desired;
    const diff = (0,helm_diff/* chartDiff */.y)(facts.releases?.main, helm, opts.extraValues);
    const current = facts.releases !== undefined && upToDate(desired, facts, diff);
    const rest = [];
    let crd;
    if (helm.crdChart) {
        const subject = `release ${helm.namespace}/${desired.names.crdRelease} ${helm.crdChart.version}`;
        const installed = facts.releases?.crd;
        crd = current
            ? { kind: 'crd-chart', subject, action: 'none', reason: 'deployed at this version', destructive: false }
            : { kind: 'crd-chart', subject, action: installed ? 'update' : 'create', reason: 'CRDs first, so they are never older than the controller', destructive: false };
    }
    if (desired.serviceAccount.createdBy === 'tool') {
        const sa = desired.serviceAccount;
        rest.push({ kind: 'service-account', subject: `ServiceAccount ${sa.namespace}/${sa.name}`, action: 'ensure', reason: 'createServiceAccount: false — this tool owns it, the chart does not', destructive: false });
    }
    const subject = `release ${helm.namespace}/${helm.release} ${helm.chart.version}`;
    if (facts.releases === undefined)
        rest.push({ kind: 'chart', diff, subject, action: 'ensure', reason: 'the installed release was not read', destructive: false });
    else if (current)
        rest.push({ kind: 'chart', diff, subject, action: 'none', reason: 'deployed with the desired values', destructive: false });
    else
        rest.push({ kind: 'chart', diff, subject, action: diff.installed ? 'update' : 'create', reason: diff.installed ? `installed ${diff.installedVersion}` : 'not installed', destructive: false });
    if (opts.manifests)
        rest.push({ kind: 'manifests', names: opts.manifests, subject: `manifests ${opts.manifests}`, action: 'ensure', reason: 'server-side apply changes only what differs', destructive: false });
    return { crd, rest };
}
function retireChange(desired, identity, installChart) {
    const previous = identity.previous;
    if (!previous)
        return undefined;
    const what = previous === 'irsa'
        ? `stack ${desired.names.irsaStack}`
        : `${identity.association?.ours ? `association ${identity.association.id} and ` : ''}stack ${desired.names.podIdentityStack}`;
    const subject = `${previous === 'irsa' ? 'IRSA' : 'Pod Identity'} (${what})`;
    if (!installChart) {
        return { kind: 'retire-identity', previous, keep: true, subject, action: 'none', reason: 'kept: with install-chart: false the chart\'s owner moves the controller first', destructive: false };
    }
    return { kind: 'retire-identity', previous, keep: false, subject, action: 'delete', reason: 'the cluster switches identity: deleted after the chart upgrade, so the controller is never without credentials', destructive: true };
}


/***/ }),

/***/ 8215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ ownPolicyMatcher)
/* harmony export */ });
/* unused harmony export ownPolicyArns */
/* harmony import */ var _names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2483);
/* harmony import */ var _templates_resolve_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8955);


function ownPolicyArns(desired, accountId) {
    const arns = new Set(desired.arns.controllerPolicies);
    for (const spec of [desired.karpenterStack, desired.controllerStack]) {
        for (const arn of rolePolicyArns(spec, desired, accountId))
            arns.add(arn);
    }
    return [...arns];
}
function rolePolicyArns(spec, desired, accountId) {
    const out = [];
    for (const resource of Object.values(spec.template.Resources)) {
        if (resource.Type !== 'AWS::IAM::Role')
            continue;
        const listed = resource.Properties?.ManagedPolicyArns;
        if (!Array.isArray(listed))
            continue;
        for (const value of listed) {
            try {
                const resolved = (0,_templates_resolve_js__WEBPACK_IMPORTED_MODULE_1__/* .resolveIntrinsics */ .l)(value, { partition: desired.partition, region: desired.region, accountId, stackName: spec.name, attributes: {} });
                if (typeof resolved === 'string')
                    out.push(resolved);
            }
            catch {
                // an ARN that depends on another resource (GetAtt) is one of the controller policies, already listed
            }
        }
    }
    return out;
}
/**
 * ownPolicyArns, plus any eksctl-KarpenterController…Policy-<cluster> of the account: a config changed since the
 * last apply may have split the controller policy differently, and those parts are still this tool's.
 */
function ownPolicyMatcher(desired, accountId) {
    const own = new Set(ownPolicyArns(desired, accountId));
    const part = (0,_names_js__WEBPACK_IMPORTED_MODULE_0__/* .controllerPolicyArnPattern */ .eq)(accountId, desired.names.cluster);
    return arn => own.has(arn) || part.test(arn);
}


/***/ }),

/***/ 6869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   G: () => (/* binding */ settle),
/* harmony export */   b: () => (/* binding */ together)
/* harmony export */ });
// Steps that do not depend on each other, run at once but answered as if they had run one after the other.
// Pure: no I/O of its own.
/**
 * Waits for every promise, then returns their values in order — or throws the error of the first one, in
 * the order given, that failed. So a refusal reads the same as when the steps ran in sequence, and nothing is
 * still running behind the error.
 */
async function together(...steps) {
    const settled = await Promise.allSettled(steps);
    for (const s of settled)
        if (s.status === 'rejected')
            throw s.reason;
    return settled.map(s => s.value);
}
/** A promise that never rejects (so it can wait unobserved while other work goes on), with its outcome. */
function settle(p) {
    return p.then(value => ({ ok: true, value }), error => ({ ok: false, error }));
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

/***/ 6364:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  q: () => (/* binding */ readApplyFacts)
});

// EXTERNAL MODULE: ./src/report/summary.ts + 1 modules
var summary = __webpack_require__(5133);
// EXTERNAL MODULE: ./src/core/config/diagnostics.ts
var diagnostics = __webpack_require__(4382);
// EXTERNAL MODULE: ./src/aws/preflight.ts
var preflight = __webpack_require__(7610);
// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(2483);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/aws/addons.ts



const POD_IDENTITY_AGENT = names/* POD_IDENTITY_AGENT_ADDON */.Qt;
function agentFix(cluster) {
    return (`add \`addons: [{name: ${POD_IDENTITY_AGENT}}]\` to the cluster file and run ` +
        `\`eksctl create addon --cluster ${cluster} --name ${POD_IDENTITY_AGENT}\` (or use IRSA: controller-identity: irsa)`);
}
/** Throws PreflightError naming the fix unless the addon exists and is ACTIVE. Returns its version. */
async function requirePodIdentityAgent(eks, cluster) {
    const { DescribeAddonCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    let status;
    let version;
    try {
        const { addon } = await eks.send(new DescribeAddonCommand({ clusterName: cluster, addonName: POD_IDENTITY_AGENT }));
        status = addon?.status;
        version = addon?.addonVersion;
    }
    catch (err) {
        if (!(0,errors/* isAwsError */.m_)(err, 'ResourceNotFoundException'))
            throw err;
        throw new preflight/* PreflightError */.wG(`EKS Pod Identity needs the ${POD_IDENTITY_AGENT} addon on cluster ${cluster}, and it is not installed: ${agentFix(cluster)}. Nothing was changed.`);
    }
    if (status !== 'ACTIVE') {
        throw new preflight/* PreflightError */.wG(`The ${POD_IDENTITY_AGENT} addon on cluster ${cluster} is ${status ?? 'in an unknown state'}, not ACTIVE, so Pod Identity cannot give the controller credentials yet. ` +
            `Wait for it (\`aws eks wait addon-active --cluster-name ${cluster} --addon-name ${POD_IDENTITY_AGENT}\`) or fix it, then re-run. Nothing was changed.`);
    }
    return version;
}

// EXTERNAL MODULE: ./src/aws/pod-identity-role.ts
var pod_identity_role = __webpack_require__(9062);
// EXTERNAL MODULE: ./src/kube/manifests.ts
var kube_manifests = __webpack_require__(4483);
// EXTERNAL MODULE: ./src/cfn/plan.ts
var plan = __webpack_require__(2494);
// EXTERNAL MODULE: ./src/core/plan/node-access.ts
var node_access = __webpack_require__(3490);
// EXTERNAL MODULE: ./src/core/plan/pod-identity-state.ts
var pod_identity_state = __webpack_require__(6883);
// EXTERNAL MODULE: ./src/core/plan/identity.ts
var identity = __webpack_require__(1565);
// EXTERNAL MODULE: ./src/core/karpenter/windows.ts
var karpenter_windows = __webpack_require__(1577);
// EXTERNAL MODULE: ./src/core/together.ts
var together = __webpack_require__(6869);
// EXTERNAL MODULE: ./src/modes/cluster-session.ts + 3 modules
var cluster_session = __webpack_require__(8494);
// EXTERNAL MODULE: ./src/modes/lifecycle.ts + 4 modules
var lifecycle = __webpack_require__(1808);
// EXTERNAL MODULE: ./src/modes/facts.ts
var modes_facts = __webpack_require__(419);
// EXTERNAL MODULE: ./src/modes/run-files.ts + 1 modules
var run_files = __webpack_require__(3080);
;// CONCATENATED MODULE: ./src/modes/apply-facts.ts

















async function readApplyFacts(ctx, aws, opts) {
    const { config, inputs, offline } = ctx;
    const { cluster, mode } = opts;
    const refusals = [];
    const steps = [];
    /** apply: a refusal stops the run; plan: it is noted and the read goes on */
    const check = async (p) => {
        if (mode === 'apply')
            return p();
        try {
            await p();
        }
        catch (err) {
            if (!(err instanceof Error))
                throw err;
            refusals.push(`apply would refuse: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    };
    const windows = (0,karpenter_windows/* windowsNodeReasons */.vE)(config.windowsNodeGroups, (0,lifecycle/* readManifestObjects */.M$)(ctx));
    // resolveNodeAccess throws for an input that does not fit the cluster, in both modes: nothing to plan around it
    const decision = (0,node_access/* resolveNodeAccess */.nL)(offline.nodeAccess, cluster.authenticationMode, windows);
    const irsa = offline.controllerIdentity === 'irsa';
    const podIdentity = offline.controllerIdentity === 'pod-identity';
    const needsCluster = inputs.installChart || decision.method === 'aws-auth';
    const unread = {};
    let session;
    if (needsCluster) {
        try {
            session = await (0,cluster_session/* openCluster */.D)(ctx, aws, cluster);
        }
        catch (err) {
            if (mode === 'apply')
                throw err;
            unread['cluster-api'] = (0,errors/* errorMessage */.gJ)(err).split('\n')[0];
        }
    }
    try {
        // Round 2: by the config's names.
        const [stacks, association, oidcProvider, inCluster] = await (0,together/* together */.b)((0,modes_facts/* describeStacks */.PR)(aws, offline.names), (0,modes_facts/* readAssociation */.g9)(aws, config.name, offline.names, podIdentity), irsa ? (0,modes_facts/* readOidcProvider */.Dh)(aws, (0,preflight/* requireIssuer */.R7)(cluster)) : Promise.resolve(undefined), session && inputs.installChart
            ? readInCluster(ctx, session, offline, check).catch((err) => {
                // plan reads on without the cluster's half; apply cannot
                if (mode === 'apply')
                    throw err;
                unread['cluster-api'] = (0,errors/* errorMessage */.gJ)(err).split('\n')[0];
                return undefined;
            })
            : Promise.resolve(undefined), podIdentity ? podIdentityPreflight(ctx, aws, check).then(line => void (line && steps.push(line))) : Promise.resolve(), check(async () => (0,preflight/* checkInstanceProfileFree */.ZN)(await aws.iam(), await aws.cfn(), {
            profile: offline.names.instanceProfile,
            stack: offline.karpenterStack.name,
            region: opts.region,
            cluster: config.name,
            configKey: config.karpenter.defaultInstanceProfile ? 'karpenter.defaultInstanceProfile' : 'the default name'
        })));
        if (inCluster)
            steps.push(...inCluster.steps);
        const facts = {
            caller: opts.caller,
            region: opts.region,
            cluster,
            stacks: stacks.facts,
            association: association.association,
            podIdentityApiMissing: association.podIdentityApiMissing,
            windows,
            unread
        };
        if (oidcProvider !== undefined)
            facts.oidcProvider = oidcProvider;
        if (inCluster)
            facts.releases = inCluster.releases;
        else if (inputs.installChart)
            unread.releases = unread['cluster-api'] ?? 'the cluster was not reached';
        const desired = (0,lifecycle/* desiredFor */.ER)(ctx, opts.caller, cluster, (0,identity/* roleToAdopt */.u)((0,identity/* identityState */.A)(facts, offline.names, offline.controllerIdentity)));
        // Round 3: by the desired state's names.
        const accessEntryNeeded = decision.method === 'access-entry' || (decision.windows === true && (0,node_access/* includesApi */.oT)(cluster.authenticationMode));
        const [rolePolicies, accessEntry, awsAuth, previews] = await (0,together/* together */.b)(desired.controllerIdentity === 'pod-identity' && !(0,pod_identity_state/* controllerStackInUse */.b4)(desired) ? (0,modes_facts/* readRolePolicies */.BD)(aws, desired.arns.controllerRole) : Promise.resolve(undefined), accessEntryNeeded ? (0,modes_facts/* readAccessEntry */.Lx)(aws, cluster.name, desired.arns.nodeRole) : Promise.resolve(undefined), session && decision.method === 'aws-auth' ? (0,modes_facts/* readAwsAuthMapping */.sY)(session, desired.arns.nodeRole) : Promise.resolve(undefined), mode === 'plan' ? previewStacks(ctx, aws, desired, stacks.described) : Promise.resolve(undefined));
        if (rolePolicies)
            facts.controllerRolePolicies = rolePolicies;
        facts.nodeAccess = {};
        if (accessEntry !== undefined)
            facts.nodeAccess.accessEntryType = accessEntry;
        if (awsAuth !== undefined)
            facts.nodeAccess.awsAuthMapping = awsAuth;
        if (decision.method === 'aws-auth' && !session)
            unread['node-access'] = unread['cluster-api'] ?? 'the cluster was not reached';
        if (previews)
            facts.stackPreviews = previews.previews;
        return { facts, desired, refusals, steps, stackPlans: previews?.outcomes ?? [], described: stacks.described };
    }
    finally {
        await session?.dispose();
    }
}
/** The Pod Identity agent addon and the entry's permissionPolicyARNs: apply refuses without them. The summary line, when both hold. */
async function podIdentityPreflight(ctx, aws, check) {
    const policies = ctx.offline.podIdentity?.permissionPolicyArns ?? [];
    let agent;
    let ok = 0;
    await (0,together/* together */.b)(check(async () => {
        agent = await requirePodIdentityAgent(await aws.eks(), ctx.config.name);
        ok++;
    }), check(async () => {
        await (0,pod_identity_role/* requirePoliciesExist */.j7)(await aws.iam(), policies);
        ok++;
    }));
    if (ok < 2)
        return undefined;
    return `preflight: eks-pod-identity-agent addon ACTIVE${agent ? ` (${agent})` : ''}${policies.length ? '; permissionPolicyARNs exist' : ''}`;
}
/** The installed releases, and the manifests against the cluster's EC2NodeClasses (a refusal in apply). */
async function readInCluster(ctx, session, offline, check) {
    const steps = [];
    const manifests = ctx.files.manifests;
    const [releases] = await (0,together/* together */.b)((0,modes_facts/* readReleases */.tl)(session, offline.helm, offline.names.crdRelease), manifests.length > 0
        ? check(async () => {
            const problems = (0,kube_manifests/* checkManifests */.d5)(manifests, await (0,kube_manifests/* listNodeClassNames */.$9)(session.kube));
            if (problems.length > 0)
                throw new diagnostics/* ConfigError */.xL(problems);
            steps.push(`manifests checked against the cluster: ${(0,run_files/* manifestNames */.qI)(manifests)}`);
        })
        : Promise.resolve());
    const main = releases.main;
    steps.push(main
        ? `installed release ${main.namespace}/${main.name}: chart ${main.version}, revision ${main.revision} (${main.status})`
        : `no ${offline.helm.release} release in ${offline.helm.namespace} yet: first install`);
    return { releases, steps };
}
/** plan: each stack's change set (created, described, deleted), in stack order. */
async function previewStacks(ctx, aws, desired, described) {
    const previews = {};
    const outcomes = [];
    for (const spec of (0,pod_identity_state/* stacksInUse */._p)(desired)) {
        // a StackPlanError carries the stack as far as it was seen: plan puts it in the summary
        const result = await (0,plan/* planStack */.qz)(await aws.cfn(), spec, { timeoutMs: ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal, described: described[spec.name] ?? null });
        outcomes.push(result.outcome);
        const changes = result.outcome.changes;
        previews[spec.name] = {
            hasChanges: result.hasChanges,
            resourceChanges: changes.length,
            destructive: (0,summary/* destructiveChanges */.OQ)([result.outcome]).length > 0
        };
    }
    return { previews, outcomes };
}


/***/ }),

/***/ 2396:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  QG: () => (/* binding */ applyAssociation),
  ft: () => (/* binding */ applyRolePolicies),
  gl: () => (/* binding */ identityNotes),
  r1: () => (/* binding */ retirePreviousIdentity)
});

// EXTERNAL MODULE: ./src/aws/pod-identity-role.ts
var pod_identity_role = __webpack_require__(9062);
// EXTERNAL MODULE: ./src/aws/pod-identity.ts
var pod_identity = __webpack_require__(2117);
// EXTERNAL MODULE: ./src/core/plan/pod-identity-state.ts
var pod_identity_state = __webpack_require__(6883);
// EXTERNAL MODULE: ./src/cfn/describe.ts
var describe = __webpack_require__(3948);
// EXTERNAL MODULE: ./src/cfn/delete.ts
var cfn_delete = __webpack_require__(8182);
// EXTERNAL MODULE: ./src/core/plan/delete-policies.ts
var delete_policies = __webpack_require__(8215);
// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(2483);
;// CONCATENATED MODULE: ./src/aws/identity-switch.ts






const label = (identity) => (identity === 'irsa' ? 'IRSA' : 'Pod Identity');
/**
 * With install-chart: false the chart's owner must move the controller first, so the previous identity is left in
 * place with a warning (nothing to call: what to say).
 */
function keepPrevious(desired, previous) {
    const from = label(previous);
    const to = label(desired.controllerIdentity);
    const keep = previous === 'irsa' ? `stack ${desired.names.irsaStack}` : `the Pod Identity association and stack ${desired.names.podIdentityStack}`;
    return {
        changed: false,
        warnings: [
            `Switching the controller from ${from} to ${to}, but install-chart is false: ${from} (${keep}) is left in place. ` +
                `The chart's owner must ${desired.controllerIdentity === 'irsa' ? 'add' : 'remove'} the eks.amazonaws.com/role-arn ServiceAccount annotation and restart the controller first; ` +
                `then delete ${keep} (or run this action with install-chart: true).`
        ],
        steps: [`identity switch ${from} → ${to}: ${to} is ready; ${from} kept (install-chart: false)`]
    };
}
/** IRSA → Pod Identity, after the chart upgrade: the IRSA stack deleted. */
async function retireIrsa(aws, desired, ctx) {
    const outcome = await (0,cfn_delete/* deleteStackFully */.Qq)(await aws.cfn(), await aws.iam(), desired.names.irsaStack, { poll: ctx.poll, isOwnPolicy: (0,delete_policies/* ownPolicyMatcher */.l)(desired, ctx.accountId) });
    return {
        stacks: [outcome],
        steps: [`identity switch IRSA → Pod Identity: stack ${desired.names.irsaStack} ${outcome.action === 'absent' ? 'already gone' : 'deleted'} after the chart upgrade`],
        changed: outcome.action === 'deleted'
    };
}
/** Pod Identity → IRSA, after the chart upgrade, first: the association, only when this tool made it. */
async function retireAssociation(aws, desired, state) {
    const assoc = state.association;
    const result = await (0,pod_identity/* deleteOwnAssociation */.TB)(await aws.eks(), desired.names.cluster, assoc);
    return {
        changed: result === 'deleted',
        steps: [
            result === 'deleted'
                ? `identity switch Pod Identity → IRSA: association ${assoc?.id} deleted after the chart upgrade`
                : result === 'kept-foreign'
                    ? `identity switch Pod Identity → IRSA: association ${assoc?.id} (role ${assoc?.roleArn}) was not made by this tool and is kept; IRSA takes precedence over it`
                    : 'identity switch Pod Identity → IRSA: no association to delete'
        ]
    };
}
/** Pod Identity → IRSA, second: the controller policies this tool attached to a role not its own, detached. */
async function detachFromAssociationRole(aws, desired, state) {
    const assoc = state.association;
    if (!assoc || (0,names/* roleNameFromArn */.Zq)(assoc.roleArn) === desired.names.podIdentityRole)
        return { steps: [], changed: false };
    const detached = await (0,pod_identity_role/* detachRolePolicies */.MV)(await aws.iam(), assoc.roleArn, desired.arns.controllerPolicies);
    if (!detached.length)
        return { steps: [], changed: false };
    return { changed: true, steps: [`identity switch Pod Identity → IRSA: controller policies detached from ${assoc.roleArn}`] };
}
/** Pod Identity → IRSA, last: the Pod Identity stack deleted (with the policies its roles list). */
async function retirePodIdentityStack(aws, desired, ctx) {
    const cfn = await aws.cfn();
    const isOwn = (0,delete_policies/* ownPolicyMatcher */.l)(desired, ctx.accountId);
    const listed = await stackPolicyArns(cfn, desired.names.podIdentityStack);
    const outcome = await (0,cfn_delete/* deleteStackFully */.Qq)(cfn, await aws.iam(), desired.names.podIdentityStack, { poll: ctx.poll, isOwnPolicy: arn => isOwn(arn) || listed.has(arn) });
    return {
        stacks: [outcome],
        steps: [`identity switch Pod Identity → IRSA: stack ${desired.names.podIdentityStack} ${outcome.action === 'absent' ? 'not found' : 'deleted'}`],
        changed: outcome.action === 'deleted'
    };
}
/** The literal policy ARNs a deployed stack's roles list (the entry's permissionPolicyARNs the stack attached). */
async function stackPolicyArns(cfn, stack) {
    const out = new Set();
    // no readable template: only the controller policies count as this tool's
    const body = await (0,describe/* deployedTemplate */.Bk)(cfn, stack).catch(() => undefined);
    if (!body)
        return out;
    try {
        const template = JSON.parse(body);
        for (const r of Object.values(template.Resources ?? {})) {
            for (const arn of r.Type === 'AWS::IAM::Role' ? (r.Properties?.ManagedPolicyArns ?? []) : [])
                if (typeof arn === 'string')
                    out.add(arn);
        }
    }
    catch {
        // not JSON (a stack this tool did not write): nothing beyond the controller policies is ours
    }
    return out;
}

// EXTERNAL MODULE: ./src/modes/lifecycle.ts + 4 modules
var lifecycle = __webpack_require__(1808);
;// CONCATENATED MODULE: ./src/modes/apply-identity.ts





/** What the facts say about the identity: an adopted or kept association, a switch under way. */
function identityNotes(ctx, desired, state) {
    const done = { steps: [], warnings: [], changed: false, stacks: [] };
    // the entry's roleARN is the config's: the offline state has it as given
    const given = ctx.offline.podIdentity?.roleArn;
    const adopted = desired.podIdentity?.roleSource === 'adopted' ? desired.podIdentity.roleArn : undefined;
    if (adopted && given && given !== adopted) {
        done.warnings.push(`iam.podIdentityAssociations roleARN ${given} is not used: the existing association ${state.association?.id} (not made by this tool) uses ${adopted}, which is adopted as it is.`);
    }
    if (desired.controllerIdentity === 'irsa' && state.association && !state.association.ours) {
        done.warnings.push(`A Pod Identity association for ${desired.names.namespace}/${desired.names.serviceAccount} (${state.association.id}, role ${state.association.roleArn}) exists and was not made by this tool; ` +
            'it is kept, and the controller uses IRSA, which takes precedence while both exist.');
    }
    if (state.podIdentityApiMissing)
        done.steps.push('Pod Identity: the EKS endpoint does not serve the Pod Identity API; no association looked for');
    if (desired.controllerIdentity === 'pod-identity')
        done.steps.push(`controller identity: Pod Identity, ${(0,pod_identity_state/* podIdentityRoleNote */.iz)(desired)}`);
    if (state.previous) {
        done.steps.push(`identity switch ${state.previous === 'irsa' ? 'IRSA → Pod Identity' : 'Pod Identity → IRSA'} detected: ` +
            (state.previous === 'irsa' ? `stack ${desired.names.irsaStack} exists` : state.association?.ours ? `association ${state.association.id} exists` : `stack ${desired.names.podIdentityStack} exists`) +
            '; the new identity is made before the chart upgrade, the previous one retired after it');
    }
    return done;
}
/** CloudFormation attaches the policies to the stack's own role; any other role gets them here. */
async function applyRolePolicies(aws, change) {
    if (change.action === 'none')
        return { steps: [`Pod Identity role ${change.roleArn}: controller policies already attached`], changed: false };
    const attached = await (0,pod_identity_role/* attachRolePolicies */.Y8)(await aws.iam(), change.roleArn, change.policies);
    return attached.length
        ? { steps: [`Pod Identity role ${change.roleArn}: attached ${attached.join(', ')}`], changed: true }
        : { steps: [`Pod Identity role ${change.roleArn}: controller policies already attached`], changed: false };
}
/** The association for the controller's ServiceAccount, made or moved to the desired role. */
async function applyAssociation(aws, desired, change, switching) {
    const pod = desired.podIdentity;
    const subject = `${pod.namespace}/${pod.serviceAccount}`;
    const role = change.roleArn;
    const outcome = change.action === 'none' && change.existing
        ? change.existing.roleArn === role
            ? { action: 'unchanged', id: change.existing.id }
            : { action: 'kept-foreign', id: change.existing.id, roleArn: change.existing.roleArn }
        : await (0,pod_identity/* ensureAssociation */.yD)(await aws.eks(), { cluster: desired.names.cluster, namespace: pod.namespace, serviceAccount: pod.serviceAccount, roleArn: role, tags: pod.tags }, change.existing);
    switch (outcome.action) {
        case 'created':
            return { changed: true, steps: [`Pod Identity association ${outcome.id} created for ${subject} → ${role}${switching ? ' (before the chart upgrade)' : ''}`] };
        case 'updated':
            return { changed: true, steps: [`Pod Identity association ${outcome.id} for ${subject} moved from ${outcome.previousRoleArn} to ${role}`] };
        case 'unchanged':
            return { changed: false, steps: [`Pod Identity association ${outcome.id} for ${subject} → ${role}: unchanged`] };
        case 'kept-foreign':
            return {
                changed: false,
                warnings: [`Pod Identity association ${outcome.id} for ${subject} uses ${outcome.roleArn} and was not made by this tool: it is kept as it is.`],
                steps: [`Pod Identity association ${outcome.id}: kept (not this tool's)`]
            };
    }
}
/** After the chart upgrade: the identity the cluster switched away from, deleted (or kept with install-chart: false). */
async function retirePreviousIdentity(ctx, aws, desired, state, change) {
    if (change.keep)
        return [keepPrevious(desired, change.previous)];
    const sw = { poll: (0,lifecycle/* pollOptions */.Oh)(ctx), accountId: desired.accountId ?? '' };
    if (change.previous === 'irsa')
        return [await retireIrsa(aws, desired, sw)];
    // Pod Identity → IRSA: the association (only ours), policies this tool attached to a role not its own, the stack.
    return [await retireAssociation(aws, desired, state), await detachFromAssociationRole(aws, desired, state), await retirePodIdentityStack(aws, desired, sw)];
}


/***/ })

};
