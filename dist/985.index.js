export const id = 985;
export const ids = [985];
export const modules = {

/***/ 2698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ut: () => (/* binding */ deleteIdentity),
/* harmony export */   oA: () => (/* binding */ driftIdentity)
/* harmony export */ });
/* unused harmony exports podIdentityChecks, planIdentity */
/* harmony import */ var _core_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2483);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7708);
/* harmony import */ var _aws_addons_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1722);
/* harmony import */ var _aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9062);
/* harmony import */ var _aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2117);
/* harmony import */ var _core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6883);







/**
 * plan, before anything else of the identity: the checks apply would refuse on, as warnings (plan shows, it does
 * not fail on them). They need the config alone (the offline desired state).
 */
async function podIdentityChecks(ctx, aws) {
    const desired = ctx.offline;
    if (desired.controllerIdentity !== 'pod-identity')
        return;
    try {
        await requirePodIdentityAgent(await aws.eks(), ctx.config.name);
    }
    catch (err) {
        ctx.report.warnings.push(`apply would refuse: ${errorMessage(err)}`);
    }
    try {
        await requirePoliciesExist(await aws.iam(), desired.podIdentity?.permissionPolicyArns ?? []);
    }
    catch (err) {
        ctx.report.warnings.push(`apply would refuse: ${errorMessage(err)}`);
    }
}
/** plan: the association and role changes apply would make (the identity read by readIdentity); returns whether there are any. */
async function planIdentity(ctx, aws, desired, state) {
    const { report } = ctx;
    let changes = false;
    const line = (s, change) => {
        report.steps.push(s);
        info(`  ${s}`);
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
            const missing = await missingRolePolicies(await aws.iam(), role, podIdentityRolePolicies(desired));
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
        const missing = await (0,_aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__/* .missingRolePolicies */ .Je)(await aws.iam(), role, (0,_core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_4__/* .podIdentityRolePolicies */ .i_)(desired));
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
        association = await (0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .findAssociation */ .Zo)(await aws.eks(), ctx.config.name, pod.namespace, pod.serviceAccount);
    }
    catch (err) {
        if (!(0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .isPodIdentityApiMissing */ .Gl)(err))
            throw err;
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)('The EKS endpoint does not serve the Pod Identity API; association not checked.');
        return;
    }
    const result = await (0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_5__/* .deleteOwnAssociation */ .TB)(await aws.eks(), ctx.config.name, association);
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

/***/ 7985:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDelete: () => (/* binding */ runDelete)
});

// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/core/plan/node-access.ts
var node_access = __webpack_require__(3490);
// EXTERNAL MODULE: ./src/core/karpenter/windows.ts
var windows = __webpack_require__(1577);
// EXTERNAL MODULE: ./src/aws/access-entry.ts
var access_entry = __webpack_require__(6470);
// EXTERNAL MODULE: ./src/modes/apply-identity-modes.ts
var apply_identity_modes = __webpack_require__(2698);
// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(2483);
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
// EXTERNAL MODULE: ./src/core/plan/delete-policies.ts
var delete_policies = __webpack_require__(8215);
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
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/modes/delete.ts
















/** Cluster states in which its Kubernetes API answers. */
const REACHABLE = new Set(['ACTIVE', 'UPDATING']);
async function runDelete(ctx) {
    const { config, report } = ctx;
    const session = await (0,lifecycle/* openSession */.fA)(ctx);
    const cluster = await (0,lifecycle/* findCluster */.KG)(session.aws, config.name, session.region);
    // delete adopts nothing: it removes only what this tool made
    const desired = (0,lifecycle/* desiredFor */.ER)(ctx, session.identity, cluster);
    (0,lifecycle/* reportDesired */.Bd)(ctx, desired);
    let access;
    try {
        if (!cluster) {
            report.steps.push(`cluster ${config.name} not found in ${session.region}: NodePools, chart and node access skipped; deleting the stacks`);
        }
        else if (!REACHABLE.has(cluster.status)) {
            report.warnings.push(`cluster ${config.name} is ${cluster.status}: its Kubernetes API is not used; NodePools, chart and in-cluster node access skipped.`);
        }
        else {
            const decision = nodeAccessOf(ctx, desired, cluster, windowsReasons(ctx));
            const needsKube = ctx.inputs.installChart || decision?.method === 'aws-auth';
            if (needsKube)
                access = await (0,cluster_session/* openCluster */.D)(ctx, session.aws, cluster);
            await removeKarpenterFromCluster(ctx, desired, access);
            await removeNodeAccess(ctx, session, desired, cluster, access, decision);
        }
    }
    finally {
        await access?.dispose();
    }
    // the association (only one this tool made) and the policies this tool attached to a role not its own
    if (cluster)
        await (0,apply_identity_modes/* deleteIdentity */.Ut)(ctx, session.aws, desired);
    // Controller stack first: its role has the Karpenter stack's policies attached.
    const isOwnPolicy = (0,delete_policies/* ownPolicyMatcher */.l)(desired, session.identity.accountId);
    for (const name of [desired.controllerStack.name, desired.karpenterStack.name]) {
        try {
            const outcome = await (0,cfn_delete/* deleteStackFully */.Qq)(await session.aws.cfn(), await session.aws.iam(), name, { poll: (0,lifecycle/* pollOptions */.Oh)(ctx), isOwnPolicy });
            report.stacks.push(outcome);
            report.steps.push(outcome.action === 'absent' ? `stack ${name}: not found, nothing to delete` : `stack ${name}: deleted`);
            if (outcome.action === 'deleted')
                report.changed = true;
        }
        catch (err) {
            if (err instanceof cfn_delete/* StackDeleteError */.SJ)
                report.stacks.push(err.outcome);
            throw err;
        }
    }
    await terminateLeftovers(ctx, session);
    (0,log/* info */.pq)(report.changed ? 'delete: done.' : 'delete: done; nothing of Karpenter was found.');
}
function nodeAccessOf(ctx, desired, cluster, windows) {
    try {
        return (0,node_access/* resolveNodeAccess */.nL)(desired.nodeAccess, cluster.authenticationMode, windows);
    }
    catch (err) {
        // apply would have refused this combination, so it granted nothing this way: nothing to remove
        ctx.report.warnings.push(`node access: ${(0,errors/* errorMessage */.gJ)(err).split('. ')[0]}; nothing to remove.`);
        return undefined;
    }
}
/** Windows nodes as apply saw them (the file's node groups, the manifests' EC2NodeClasses), so delete removes the same grant. */
function windowsReasons(ctx) {
    let objects = [];
    try {
        objects = (0,lifecycle/* readManifestObjects */.M$)(ctx);
    }
    catch (err) {
        ctx.report.warnings.push(`manifests not read (${(0,errors/* errorMessage */.gJ)(err).split('\n')[0]}): Windows EC2NodeClasses in them are not taken into account for node access.`);
    }
    return (0,windows/* windowsNodeReasons */.vE)(ctx.config.windowsNodeGroups, objects);
}
async function removeKarpenterFromCluster(ctx, desired, access) {
    const { report } = ctx;
    if (!ctx.inputs.installChart || !access) {
        report.steps.push('NodePools and chart: left to their owner (install-chart: false)');
        return;
    }
    const pools = await deleteNodePools(access.kube, { timeoutSeconds: ctx.inputs.timeoutSeconds, signal: ctx.signal, onProgress: log/* info */.pq });
    if (!pools.karpenterApiFound)
        report.steps.push('NodePools: no Karpenter API in the cluster (never installed, or its CRDs are gone)');
    else if (pools.deleted.length === 0)
        report.steps.push('NodePools: none found');
    else {
        report.steps.push(`NodePools: deleted ${pools.deleted.join(', ')}; ${pools.claimsAtStart} NodeClaim(s) terminated by Karpenter`);
        report.changed = true;
    }
    const helm = await (0,resolve/* resolveHelm */.Fr)(ctx.inputs.helmVersion, { tempDir: ctx.tempDir, signal: ctx.signal });
    for (const release of (0,install/* releasesToUninstall */.AB)(desired.helm.release, true)) {
        const r = await (0,install/* uninstallRelease */.an)({ helm: helm.path, kubeconfig: access.kubeconfig, namespace: desired.helm.namespace, release, timeoutSeconds: ctx.inputs.timeoutSeconds });
        (0,types/* record */.g)(report, r);
    }
}
async function removeNodeAccess(ctx, session, desired, cluster, access, decision) {
    const { report } = ctx;
    if (!decision)
        return;
    if (decision.method === 'none') {
        report.steps.push(`node access: nothing to remove (${decision.reason})`);
        return;
    }
    if (decision.method === 'access-entry') {
        const removed = await (0,access_entry/* deleteNodeAccessEntry */.Cy)(await session.aws.eks(), cluster.name, desired.arns.nodeRole);
        report.steps.push(`node access: access entry for ${desired.arns.nodeRole} ${removed ? 'deleted' : 'not found'}`);
        if (removed)
            report.changed = true;
        return;
    }
    if (decision.windows && (0,node_access/* includesApi */.oT)(cluster.authenticationMode)) {
        // apply maps Windows nodes through aws-auth; an access entry left from before them is removed as well
        const removed = await (0,access_entry/* deleteNodeAccessEntry */.Cy)(await session.aws.eks(), cluster.name, desired.arns.nodeRole);
        if (removed) {
            report.steps.push(`node access: access entry for ${desired.arns.nodeRole} deleted`);
            report.changed = true;
        }
    }
    if (!access)
        return;
    const r = await (0,aws_auth/* removeAwsAuthMapping */._7)(access.kube, desired.arns.nodeRole, ctx.signal);
    report.steps.push(`node access: aws-auth mapping for ${r.rolearn} ${r.action === 'removed' ? 'removed' : 'not found'}`);
    if (r.action === 'removed')
        report.changed = true;
}
async function terminateLeftovers(ctx, session) {
    const { report } = ctx;
    const ec2 = await session.aws.ec2();
    const leftovers = await findLeftoverInstances(ec2, ctx.config.name);
    if (leftovers.length === 0) {
        report.steps.push('instances: none left tagged for this cluster by Karpenter');
        return;
    }
    const ids = leftovers.map(i => i.id);
    await terminateInstances(ec2, ids);
    report.changed = true;
    report.steps.push(`instances: terminated ${ids.length} left by Karpenter (${leftovers.map(i => `${i.id}${i.nodepool ? ` nodepool ${i.nodepool}` : ''}`).join(', ')})`);
}


/***/ })

};
