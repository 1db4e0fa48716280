export const id = 113;
export const ids = [113];
export const modules = {

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

/***/ 4113:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDelete: () => (/* binding */ runDelete)
});

// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/core/facts.ts
var core_facts = __webpack_require__(7532);
// EXTERNAL MODULE: ./src/core/plan/identity.ts
var identity = __webpack_require__(1565);
// EXTERNAL MODULE: ./src/core/plan/node-access.ts
var node_access = __webpack_require__(3490);
// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(2483);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/plan/teardown.ts





/** Cluster states in which its Kubernetes API answers. */
const REACHABLE = new Set(['ACTIVE', 'UPDATING']);
function kubernetesReachable(cluster) {
    return REACHABLE.has(cluster.status);
}
function teardownReads(desired, inputs, cluster, windows) {
    const reads = { kubernetes: false, releases: false, accessEntry: false, awsAuth: false, association: cluster !== undefined };
    if (!cluster || !kubernetesReachable(cluster))
        return reads;
    const decision = nodeAccessDecision(desired, cluster, windows);
    const method = 'refused' in decision ? undefined : decision.method;
    reads.awsAuth = method === 'aws-auth';
    reads.accessEntry = method === 'access-entry' || (!('refused' in decision) && accessEntryLeftByWindows(decision, cluster));
    reads.releases = inputs.installChart;
    reads.kubernetes = inputs.installChart || reads.awsAuth;
    return reads;
}
/** The teardown, in the order it runs. */
function teardownPlan(desired, inputs, facts) {
    return [...clusterSteps(desired, inputs, facts), ...identitySteps(desired, facts), ...stackSteps(desired, facts), instancesStep(desired)];
}
function clusterSteps(desired, inputs, facts) {
    const cluster = desired.names.cluster;
    const region = facts.region;
    const subject = `cluster ${cluster}`;
    if (!facts.cluster) {
        return [{ kind: 'cluster', cluster, region, subject, action: 'none', destructive: false, reason: `not found in ${region}: NodePools, chart and node access skipped; deleting the stacks` }];
    }
    if (!kubernetesReachable(facts.cluster)) {
        const status = facts.cluster.status;
        return [{ kind: 'cluster', cluster, region, status, subject, action: 'none', destructive: false, reason: `${status}: its Kubernetes API is not used; NodePools, chart and in-cluster node access skipped` }];
    }
    return [...chartSteps(desired, inputs, facts), ...nodeAccessSteps(desired, facts.cluster, facts)];
}
function chartSteps(desired, inputs, facts) {
    if (!inputs.installChart) {
        return [{ kind: 'nodepools', timeoutSeconds: inputs.timeoutSeconds, subject: 'NodePools and chart', action: 'none', destructive: false, reason: 'left to their owner (install-chart: false)' }];
    }
    const { release, namespace } = desired.helm;
    const installed = facts.releases;
    return [
        {
            kind: 'nodepools',
            timeoutSeconds: inputs.timeoutSeconds,
            subject: 'NodePools',
            action: 'delete',
            destructive: true,
            reason: `Karpenter drains and terminates its own nodes while it runs: its NodeClaims are waited for (up to ${inputs.timeoutSeconds}s), before the chart goes`
        },
        releaseStep(release, namespace, installed === undefined ? undefined : (installed.main ?? null)),
        releaseStep(desired.names.crdRelease, namespace, installed === undefined ? undefined : (installed.crd ?? null))
    ];
}
function releaseStep(release, namespace, installed) {
    const subject = `release ${namespace}/${release}`;
    if (installed === null)
        return { kind: 'release', release, namespace, subject, action: 'none', destructive: false, reason: 'not installed' };
    return {
        kind: 'release',
        release,
        namespace,
        subject,
        action: 'delete',
        destructive: true,
        reason: installed ? `chart ${installed.chart} ${installed.version}, revision ${installed.revision} (${installed.status})` : 'not read: uninstalled if installed'
    };
}
/** apply's decision (node-access.ts); a combination apply refuses granted nothing, so it is reported as a string. */
function nodeAccessDecision(desired, cluster, windows) {
    try {
        return (0,node_access/* resolveNodeAccess */.nL)(desired.nodeAccess, cluster.authenticationMode, windows);
    }
    catch (err) {
        return { refused: (0,errors/* errorMessage */.gJ)(err).split('. ')[0] ?? '' };
    }
}
/** With Windows nodes apply maps the role in aws-auth and deletes an access entry left from before them: delete removes both. */
function accessEntryLeftByWindows(decision, cluster) {
    return decision.windows === true && (0,node_access/* includesApi */.oT)(cluster.authenticationMode);
}
function nodeAccessSteps(desired, cluster, facts) {
    const decision = nodeAccessDecision(desired, cluster, facts.windows);
    if ('refused' in decision) {
        return [{ kind: 'node-access', refused: true, subject: 'node access', action: 'none', destructive: false, reason: `${decision.refused}; nothing to remove` }];
    }
    if (decision.method === 'none') {
        return [{ kind: 'node-access', refused: false, subject: 'node access', action: 'none', destructive: false, reason: `nothing to remove (${decision.reason})` }];
    }
    const role = desired.arns.nodeRole;
    const entry = facts.nodeAccess?.accessEntryType;
    const accessEntry = (why) => {
        const subject = `access entry for ${role}`;
        if (entry === null)
            return { kind: 'access-entry', principalArn: role, subject, action: 'none', destructive: false, reason: `not found (${why})` };
        const found = entry === undefined ? 'not read: deleted if present' : `found, type ${entry}`;
        return { kind: 'access-entry', principalArn: role, subject, action: 'delete', destructive: true, reason: `${found} (${why})` };
    };
    if (decision.method === 'access-entry')
        return [accessEntry(decision.reason)];
    const mapping = facts.nodeAccess?.awsAuthMapping;
    const subject = `aws-auth mapping for ${role}`;
    const awsAuth = mapping === null
        ? { kind: 'aws-auth', roleArn: role, subject, action: 'none', destructive: false, reason: `not found (${decision.reason})` }
        : {
            kind: 'aws-auth',
            roleArn: role,
            subject,
            action: 'delete',
            destructive: true,
            reason: `${mapping ? `found, groups ${mapping.groups.join(', ')}` : 'not read: removed if present'} (${decision.reason})`
        };
    return accessEntryLeftByWindows(decision, cluster) ? [accessEntry('apply deletes an access entry left from before Windows nodes'), awsAuth] : [awsAuth];
}
/**
 * The association, on a cluster that exists: with Pod Identity; with IRSA only when this tool made one (a switch
 * from Pod Identity that did not finish). Then, with Pod Identity, the controller policies this tool attached to a
 * role that is not its stack's (an adopted role, or the role the config names): else the Karpenter stack's
 * policies could not be deleted. The role itself stays.
 */
function identitySteps(desired, facts) {
    const { namespace, serviceAccount } = desired.names;
    const podIdentity = desired.controllerIdentity === 'pod-identity';
    const subject = `Pod Identity association for ${namespace}/${serviceAccount}`;
    const base = { kind: 'association', namespace, serviceAccount, subject };
    const a = facts.association ?? undefined;
    const out = [];
    if (facts.cluster && facts.podIdentityApiMissing) {
        if (podIdentity)
            out.push({ ...base, podIdentityApiMissing: true, action: 'none', destructive: false, reason: 'the EKS endpoint does not serve the Pod Identity API: not checked' });
        return out;
    }
    if (facts.cluster && (podIdentity || a?.ours)) {
        if (!a)
            out.push({ ...base, action: 'none', destructive: false, reason: facts.association === null ? 'none found' : 'not read' });
        else if (!a.ours)
            out.push({ ...base, association: a, action: 'none', destructive: false, reason: `${a.id} was not made by this tool (role ${a.roleArn}): kept` });
        else {
            const why = podIdentity ? `${a.id} made by this tool (role ${a.roleArn})` : `${a.id} made by this tool (role ${a.roleArn}), left from Pod Identity before the switch to IRSA`;
            out.push({ ...base, association: a, action: 'delete', destructive: true, reason: why });
        }
    }
    const pod = desired.podIdentity;
    if (podIdentity && pod) {
        const role = a?.roleArn || (pod.roleSource === 'roleARN' ? pod.roleArn : undefined);
        if (role && (0,names/* roleNameFromArn */.Zq)(role) !== desired.names.podIdentityRole) {
            out.push({
                kind: 'detach-policies',
                roleArn: role,
                policyArns: desired.arns.controllerPolicies,
                subject: `Pod Identity role ${role}`,
                action: 'update',
                destructive: true,
                reason: "the role is not this tool's and stays: the controller policies this tool attached to it are detached, else the Karpenter stack's policies could not be deleted"
            });
        }
    }
    return out;
}
/**
 * The controller stack first (its role has the Karpenter stack's policies attached), and the other identity's
 * stack when a switch left it (identity.ts: the previous identity), then the Karpenter stack.
 */
function stackSteps(desired, facts) {
    const names = desired.names;
    const previous = (0,identity/* identityState */.A)(facts, names, desired.controllerIdentity).previous;
    const previousStack = previous === 'irsa' ? names.irsaStack : previous === 'pod-identity' ? names.podIdentityStack : undefined;
    const controller = [desired.controllerStack.name, ...(previousStack && previousStack !== desired.controllerStack.name && (0,core_facts/* stackExists */.n)(facts, previousStack) ? [previousStack] : [])];
    const step = (stack, why) => {
        const status = facts.stacks[stack]?.status;
        return (0,core_facts/* stackExists */.n)(facts, stack)
            ? { kind: 'stack', stack, subject: `stack ${stack}`, action: 'delete', destructive: true, reason: `${status}; ${why}` }
            : { kind: 'stack', stack, subject: `stack ${stack}`, action: 'none', destructive: false, reason: 'not found' };
    };
    return [
        ...controller.map(stack => step(stack, stack === desired.controllerStack.name ? "the controller's role, before the Karpenter stack whose policies it has attached" : `left by the ${previous === 'irsa' ? 'IRSA' : 'Pod Identity'} controller before the switch`)),
        step(names.karpenterStack, 'last of the stacks: it holds the node role and the controller policies')
    ];
}
function instancesStep(desired) {
    const cluster = desired.names.cluster;
    return {
        kind: 'instances',
        cluster,
        subject: `instances Karpenter launched for cluster ${cluster}`,
        action: 'delete',
        destructive: true,
        reason: 'looked for once the stacks are gone: any still tagged by Karpenter for this cluster is terminated'
    };
}

// EXTERNAL MODULE: ./src/core/plan/change.ts
var plan_change = __webpack_require__(243);
// EXTERNAL MODULE: ./src/core/karpenter/windows.ts
var karpenter_windows = __webpack_require__(1577);
// EXTERNAL MODULE: ./src/core/plan/delete-policies.ts
var delete_policies = __webpack_require__(8215);
// EXTERNAL MODULE: ./src/aws/access-entry.ts
var access_entry = __webpack_require__(6470);
// EXTERNAL MODULE: ./src/aws/pod-identity.ts
var pod_identity = __webpack_require__(2117);
// EXTERNAL MODULE: ./src/aws/pod-identity-role.ts
var pod_identity_role = __webpack_require__(9062);
;// CONCATENATED MODULE: ./src/aws/instances.ts


const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped'];
/** EC2 filters AND together, so each Karpenter tag × cluster tag pair is its own query. */
function leftoverFilters(cluster) {
    const clusterTags = (0,names/* clusterInstanceTags */.X8)(cluster).flatMap(t => Object.entries(t).map(([k, v]) => ({ Name: `tag:${k}`, Values: [v] })));
    const out = [];
    for (const karpenterTag of names/* KARPENTER_INSTANCE_TAGS */.Hn) {
        for (const clusterTag of clusterTags) {
            out.push([{ Name: 'tag-key', Values: [karpenterTag] }, clusterTag, { Name: 'instance-state-name', Values: LIVE_STATES }]);
        }
    }
    return out;
}
async function findLeftoverInstances(ec2, cluster) {
    const { DescribeInstancesCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
    const found = new Map();
    for (const Filters of leftoverFilters(cluster)) {
        let token;
        do {
            const page = await ec2.send(new DescribeInstancesCommand({ Filters, NextToken: token }));
            for (const r of page.Reservations ?? []) {
                for (const i of r.Instances ?? []) {
                    if (!i.InstanceId || !isKarpenterInstanceOf(i.Tags ?? [], cluster))
                        continue;
                    const nodepool = i.Tags?.find(t => names/* KARPENTER_INSTANCE_TAGS */.Hn.includes(t.Key ?? ''))?.Value;
                    found.set(i.InstanceId, { id: i.InstanceId, state: i.State?.Name ?? 'unknown', ...(nodepool ? { nodepool } : {}) });
                }
            }
            token = page.NextToken;
        } while (token);
    }
    return [...found.values()];
}
/** Checked again on the answer: an endpoint that ignores a filter must not widen what gets terminated. */
function isKarpenterInstanceOf(tags, cluster) {
    const has = (k, v) => tags.some(t => t.Key === k && (v === undefined || t.Value === v));
    const karpenter = names/* KARPENTER_INSTANCE_TAGS */.Hn.some(k => has(k));
    const ofCluster = (0,names/* clusterInstanceTags */.X8)(cluster).some(t => Object.entries(t).every(([k, v]) => has(k, v)));
    return karpenter && ofCluster;
}
async function terminateInstances(ec2, ids) {
    if (ids.length === 0)
        return;
    const { TerminateInstancesCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19));
    // TerminateInstances takes up to 1000 ids per call
    for (let i = 0; i < ids.length; i += 1000)
        await ec2.send(new TerminateInstancesCommand({ InstanceIds: ids.slice(i, i + 1000) }));
}

// EXTERNAL MODULE: ./src/cfn/delete.ts
var cfn_delete = __webpack_require__(8182);
// EXTERNAL MODULE: ./src/runner/wait.ts
var wait = __webpack_require__(4565);
;// CONCATENATED MODULE: ./src/kube/nodepools.ts

const GROUP = 'karpenter.sh';
/** Pool kind → claim kind per API generation: v1/v1beta1 (0.32+) and v1alpha5 (0.28–0.32: Provisioner/Machine). */
const GENERATIONS = [
    { pool: 'NodePool', claim: 'NodeClaim' },
    { pool: 'Provisioner', claim: 'Machine' }
];
/** The collection paths for one kind, using the first served version that has it (preferred first). */
async function locate(kube, versions, kind) {
    for (const version of versions) {
        const apiVersion = `${GROUP}/${version}`;
        if (await kube.resource(apiVersion, kind))
            return { kind, path: await kube.resourcePath(apiVersion, kind) };
    }
    return undefined;
}
function nodepools_names(items) {
    return items.map((i) => i.metadata?.name).filter((n) => typeof n === 'string');
}
async function deleteNodePools(kube, opts) {
    const versions = await kube.groupVersions(GROUP);
    const result = { karpenterApiFound: versions.length > 0, deleted: [], claimsAtStart: 0 };
    if (versions.length === 0)
        return result;
    const pools = [];
    const claims = [];
    for (const generation of GENERATIONS) {
        const pool = await locate(kube, versions, generation.pool);
        if (pool)
            pools.push(pool);
        const claim = await locate(kube, versions, generation.claim);
        if (claim)
            claims.push(claim);
    }
    for (const pool of pools) {
        for (const name of nodepools_names(await kube.list(pool.path))) {
            await kube.delete(`${pool.path}/${encodeURIComponent(name)}`);
            result.deleted.push(`${pool.kind}/${name}`);
        }
    }
    if (result.deleted.length > 0)
        opts.onProgress?.(`deleted ${result.deleted.join(', ')}; waiting for Karpenter to terminate its nodes`);
    const deadline = Date.now() + opts.timeoutSeconds * 1000;
    let remaining = [];
    return (0,wait/* pollLoop */.A8)(async (look) => {
        remaining = [];
        for (const c of [...claims, ...pools])
            remaining.push(...nodepools_names(await kube.list(c.path)).map((n) => `${c.kind}/${n}`));
        if (look === 0)
            result.claimsAtStart = remaining.filter((r) => claims.some((c) => r.startsWith(`${c.kind}/`))).length;
        if (remaining.length === 0)
            return result;
        // said before the wait, unless the deadline has passed (then the error says what is left)
        if (look % 5 === 0 && deadline > Date.now())
            opts.onProgress?.(`waiting for ${remaining.length} Karpenter object(s): ${remaining.slice(0, 10).join(', ')}`);
        return undefined;
    }, { deadline, backoff: { baseMs: opts.pollBaseMs ?? 2000, maxMs: opts.pollMaxMs ?? 15_000, jitter: 'half' }, signal: opts.signal }, () => new Error(`Karpenter did not finish terminating its nodes within ${opts.timeoutSeconds}s; still present: ${remaining.join(', ')}. ` +
        'The Karpenter controller must be running to drain and terminate them (is it healthy? kubectl -n <namespace> logs deploy/karpenter); ' +
        'raise the timeout input, or remove the leftovers by hand and run delete again'));
}

// EXTERNAL MODULE: ./src/kube/aws-auth.ts
var aws_auth = __webpack_require__(2111);
// EXTERNAL MODULE: ./src/helm/resolve.ts + 2 modules
var resolve = __webpack_require__(6802);
// EXTERNAL MODULE: ./src/helm/install.ts + 4 modules
var install = __webpack_require__(3347);
// EXTERNAL MODULE: ./src/report/types.ts
var types = __webpack_require__(2563);
// EXTERNAL MODULE: ./src/modes/lifecycle.ts + 4 modules
var lifecycle = __webpack_require__(1808);
// EXTERNAL MODULE: ./src/modes/cluster-session.ts + 3 modules
var cluster_session = __webpack_require__(8494);
// EXTERNAL MODULE: ./src/modes/facts.ts
var modes_facts = __webpack_require__(419);
;// CONCATENATED MODULE: ./src/modes/delete.ts


















async function runDelete(ctx) {
    const session = await (0,lifecycle/* openSession */.fA)(ctx);
    const cluster = await (0,modes_facts/* readCluster */.D$)(session.aws, ctx.config.name, session.region);
    // built once from the account and the cluster; delete adopts nothing: it removes only what this tool made
    const desired = (0,lifecycle/* desiredFor */.ER)(ctx, session.identity, cluster);
    (0,lifecycle/* reportDesired */.Bd)(ctx, desired);
    const windows = (0,karpenter_windows/* windowsNodeReasons */.vE)(ctx.config.windowsNodeGroups, (0,lifecycle/* readManifestObjects */.M$)(ctx));
    const reads = teardownReads(desired, ctx.inputs, cluster, windows);
    const kube = reads.kubernetes ? await (0,cluster_session/* openCluster */.D)(ctx, session.aws, cluster) : undefined;
    try {
        const facts = await readFacts(session, desired, { cluster, windows, reads, kube });
        const plan = teardownPlan(desired, ctx.inputs, facts);
        (0,log/* info */.pq)('delete plan:');
        for (const change of plan)
            (0,log/* info */.pq)(`  ${(0,plan_change/* describeChange */.uQ)(change)}`);
        const execute = executor(ctx, session, desired, kube);
        for (const change of plan) {
            try {
                (0,types/* record */.g)(ctx.report, await execute(change));
            }
            catch (err) {
                if (err instanceof cfn_delete/* StackDeleteError */.SJ)
                    (0,types/* record */.g)(ctx.report, { steps: [], changed: false, stacks: [err.outcome] });
                throw err;
            }
        }
    }
    finally {
        await kube?.dispose();
    }
    (0,log/* info */.pq)(ctx.report.changed ? 'delete: done.' : 'delete: done; nothing of Karpenter was found.');
}
/** The read phase: the stacks, the association, the node access and the releases, at once. */
async function readFacts(session, desired, known) {
    const { aws, identity, region } = session;
    const { cluster, reads, kube } = known;
    const nodeRole = desired.arns.nodeRole;
    const [stacks, association, accessEntryType, awsAuthMapping, releases] = await Promise.all([
        (0,modes_facts/* readStacks */.QB)(aws, desired.names),
        reads.association && cluster ? (0,modes_facts/* readAssociation */.g9)(aws, cluster.name, desired.names, false) : undefined,
        reads.accessEntry && cluster ? (0,modes_facts/* readAccessEntry */.Lx)(aws, cluster.name, nodeRole) : undefined,
        reads.awsAuth && kube ? (0,modes_facts/* readAwsAuthMapping */.sY)(kube, nodeRole) : undefined,
        reads.releases && kube ? (0,modes_facts/* readReleasesToRemove */.UU)(kube, desired.helm, desired.names.crdRelease) : undefined
    ]);
    const facts = { caller: identity, region, stacks, windows: known.windows, unread: {}, nodeAccess: {} };
    if (cluster)
        facts.cluster = cluster;
    if (association)
        Object.assign(facts, association);
    if (accessEntryType !== undefined)
        facts.nodeAccess.accessEntryType = accessEntryType;
    if (awsAuthMapping !== undefined)
        facts.nodeAccess.awsAuthMapping = awsAuthMapping;
    if (releases)
        facts.releases = releases;
    return facts;
}
/** One step of the plan → the executor that makes it → what it found and did, as data for the report. */
function executor(ctx, session, desired, kube) {
    let helm;
    const helmPath = () => (helm ??= (0,resolve/* resolveHelm */.Fr)(ctx.inputs.helmVersion, { tempDir: ctx.tempDir, signal: ctx.signal }).then(h => h.path));
    const needKube = () => {
        if (!kube)
            throw new Error('internal: a Kubernetes step was planned without a connection to the cluster');
        return kube;
    };
    const said = (line, changed = false) => ({ steps: [line], changed });
    const warned = (warning) => ({ steps: [], changed: false, warnings: [warning] });
    return async (change) => {
        switch (change.kind) {
            case 'cluster':
                return change.status === undefined
                    ? said(`cluster ${change.cluster} not found in ${change.region}: NodePools, chart and node access skipped; deleting the stacks`)
                    : warned(`cluster ${change.cluster} is ${change.reason}.`);
            case 'nodepools': {
                if (change.action === 'none')
                    return said(`${change.subject}: ${change.reason}`);
                const pools = await deleteNodePools(needKube().kube, { timeoutSeconds: change.timeoutSeconds, signal: ctx.signal, onProgress: log/* info */.pq });
                if (!pools.karpenterApiFound)
                    return said('NodePools: no Karpenter API in the cluster (never installed, or its CRDs are gone)');
                if (pools.deleted.length === 0)
                    return said('NodePools: none found');
                return said(`NodePools: deleted ${pools.deleted.join(', ')}; ${pools.claimsAtStart} NodeClaim(s) terminated by Karpenter`, true);
            }
            case 'release': {
                if (change.action === 'none')
                    return said(`helm: ${change.namespace}/${change.release} not installed; nothing to uninstall`);
                const access = needKube();
                return (0,install/* uninstallRelease */.an)({ helm: await helmPath(), kubeconfig: access.kubeconfig, namespace: change.namespace, release: change.release, timeoutSeconds: ctx.inputs.timeoutSeconds });
            }
            case 'node-access':
                return change.refused ? warned(`node access: ${change.reason}.`) : said(`node access: ${change.reason}`);
            case 'access-entry': {
                const removed = change.action === 'delete' && (await (0,access_entry/* deleteNodeAccessEntry */.Cy)(await session.aws.eks(), desired.names.cluster, change.principalArn));
                return said(`node access: access entry for ${change.principalArn} ${removed ? 'deleted' : 'not found'}`, removed);
            }
            case 'aws-auth': {
                if (change.action === 'none')
                    return said(`node access: aws-auth mapping for ${change.roleArn} not found`);
                const r = await (0,aws_auth/* removeAwsAuthMapping */._7)(needKube().kube, change.roleArn, ctx.signal);
                return said(`node access: aws-auth mapping for ${r.rolearn} ${r.action === 'removed' ? 'removed' : 'not found'}`, r.action === 'removed');
            }
            case 'association': {
                const subject = `${change.namespace}/${change.serviceAccount}`;
                const a = change.association;
                if (change.podIdentityApiMissing)
                    return warned('The EKS endpoint does not serve the Pod Identity API; association not checked.');
                if (a && !a.ours)
                    return said(`Pod Identity association ${a.id} kept: it was not made by this tool (role ${a.roleArn})`);
                const result = change.action === 'delete' ? await (0,pod_identity/* deleteOwnAssociation */.TB)(await session.aws.eks(), desired.names.cluster, a) : 'absent';
                return result === 'deleted' ? said(`Pod Identity association ${a?.id} (${subject}) deleted`, true) : said(`Pod Identity association for ${subject}: none found`);
            }
            case 'detach-policies': {
                const detached = await (0,pod_identity_role/* detachRolePolicies */.MV)(await session.aws.iam(), change.roleArn, change.policyArns);
                return detached.length
                    ? said(`Pod Identity role ${change.roleArn}: detached ${detached.join(', ')} (the role itself is not this tool's and stays)`, true)
                    : said(`Pod Identity role ${change.roleArn}: none of the controller policies attached (the role itself is not this tool's and stays)`);
            }
            case 'stack': {
                if (change.action === 'none') {
                    return { steps: [`stack ${change.stack}: not found, nothing to delete`], changed: false, stacks: [{ stack: change.stack, action: 'absent', status: 'ABSENT', changes: [], failures: [] }] };
                }
                const isOwnPolicy = (0,delete_policies/* ownPolicyMatcher */.l)(desired, session.identity.accountId);
                const outcome = await (0,cfn_delete/* deleteStackFully */.Qq)(await session.aws.cfn(), await session.aws.iam(), change.stack, { poll: (0,lifecycle/* pollOptions */.Oh)(ctx), isOwnPolicy });
                const deleted = outcome.action === 'deleted';
                return { steps: [`stack ${change.stack}: ${deleted ? 'deleted' : 'not found, nothing to delete'}`], changed: deleted, stacks: [outcome] };
            }
            case 'instances': {
                const ec2 = await session.aws.ec2();
                const leftovers = await findLeftoverInstances(ec2, change.cluster);
                if (leftovers.length === 0)
                    return said('instances: none left tagged for this cluster by Karpenter');
                const ids = leftovers.map(i => i.id);
                await terminateInstances(ec2, ids);
                return said(`instances: terminated ${ids.length} left by Karpenter (${leftovers.map(i => `${i.id}${i.nodepool ? ` nodepool ${i.nodepool}` : ''}`).join(', ')})`, true);
            }
        }
    };
}


/***/ })

};
