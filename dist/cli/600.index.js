export const id = 600;
export const ids = [600];
export const modules = {

/***/ 7878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IA: () => (/* binding */ isNotImplemented),
/* harmony export */   Il: () => (/* binding */ cloudFormationEndpoint),
/* harmony export */   Xh: () => (/* binding */ detectStackDrift)
/* harmony export */ });
/* unused harmony exports DriftDetectionUnavailableError, resourceDrifts */
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3948);
/* harmony import */ var _deploy_wait_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3370);


class DriftDetectionUnavailableError extends Error {
    endpoint;
    cause;
    constructor(endpoint, cause) {
        super(`CloudFormation drift detection is not available at ${endpoint} (${cause?.name ?? 'error'}: ${cause?.message ?? String(cause)}). ` +
            'Run drift against AWS itself; emulators such as moto do not implement DetectStackDrift.');
        this.endpoint = endpoint;
        this.cause = cause;
        this.name = 'DriftDetectionUnavailableError';
    }
}
/** Where the CloudFormation client sends requests, for the message: the configured override or AWS's own. */
function cloudFormationEndpoint(region, env = process.env) {
    return env.AWS_ENDPOINT_URL_CLOUDFORMATION ?? env.AWS_ENDPOINT_URL ?? `https://cloudformation.${region}.amazonaws.com`;
}
/** moto: HTTP 500 with "The … action has not been implemented"; others: NotImplemented / UnknownOperation. */
function isNotImplemented(err) {
    const e = err;
    if (!e || typeof e !== 'object')
        return false;
    if (/^(NotImplemented|NotImplementedError|UnknownOperation(Exception)?|InvalidAction)$/.test(e.name ?? ''))
        return true;
    if (/not (yet )?(been )?implemented/i.test(e.message ?? ''))
        return true;
    return e.$metadata?.httpStatusCode === 501;
}
async function detectStackDrift(cfn, stackName, poll, endpoint) {
    const { DetectStackDriftCommand, DescribeStackDriftDetectionStatusCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const stack = await (0,_describe_js__WEBPACK_IMPORTED_MODULE_1__/* .describeStack */ .GO)(cfn, stackName);
    if (!stack || stack.StackStatus === 'DELETE_COMPLETE' || stack.StackStatus === 'REVIEW_IN_PROGRESS') {
        return {
            stack: stackName,
            status: 'DELETED',
            items: [{ source: stackName, status: 'DELETED', differences: [{ path: '(stack)', expected: 'present', actual: stack ? stack.StackStatus : 'absent', type: 'REMOVE' }] }]
        };
    }
    let detectionId;
    try {
        detectionId = (await cfn.send(new DetectStackDriftCommand({ StackName: stackName }))).StackDriftDetectionId;
    }
    catch (err) {
        if (isNotImplemented(err) || err.$metadata?.httpStatusCode === 500) {
            throw new DriftDetectionUnavailableError(endpoint, err);
        }
        throw err;
    }
    if (!detectionId)
        throw new Error(`DetectStackDrift on ${stackName} returned no detection id`);
    const done = await (0,_deploy_wait_js__WEBPACK_IMPORTED_MODULE_0__/* .pollUntil */ .g3)(async () => {
        const s = await cfn.send(new DescribeStackDriftDetectionStatusCommand({ StackDriftDetectionId: detectionId }));
        return s.DetectionStatus === 'DETECTION_IN_PROGRESS' ? undefined : s;
    }, poll, () => `drift detection ${detectionId} on stack ${stackName}`);
    const items = await resourceDrifts(cfn, stackName);
    const result = { stack: stackName, status: done.StackDriftStatus ?? 'UNKNOWN', items };
    if (done.DetectionStatus === 'DETECTION_FAILED')
        result.partialReason = done.DetectionStatusReason ?? 'no reason given';
    // a resource list that says drift wins over a status that does not (and vice versa is impossible)
    if (items.length > 0)
        result.status = 'DRIFTED';
    return result;
}
/** The MODIFIED and DELETED resources of the last detection, with expected vs actual per property. */
async function resourceDrifts(cfn, stackName) {
    const { DescribeStackResourceDriftsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const items = [];
    let token;
    do {
        const page = await cfn.send(new DescribeStackResourceDriftsCommand({ StackName: stackName, StackResourceDriftStatusFilters: ['MODIFIED', 'DELETED'], NextToken: token }));
        for (const d of page.StackResourceDrifts ?? []) {
            const status = d.StackResourceDriftStatus ?? 'UNKNOWN';
            if (status !== 'MODIFIED' && status !== 'DELETED')
                continue;
            items.push({
                source: stackName,
                logicalId: d.LogicalResourceId,
                resourceType: d.ResourceType,
                status,
                differences: status === 'DELETED'
                    ? [{ path: '(resource)', expected: d.PhysicalResourceId ?? 'present', actual: 'deleted', type: 'REMOVE' }]
                    : (d.PropertyDifferences ?? []).map(p => ({ path: p.PropertyPath ?? '', expected: p.ExpectedValue, actual: p.ActualValue, type: p.DifferenceType }))
            });
        }
        token = page.NextToken;
    } while (token);
    return items;
}


/***/ }),

/***/ 6600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDelete: () => (/* binding */ runDelete)
});

// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/aws/node-access.ts
var node_access = __webpack_require__(2388);
// EXTERNAL MODULE: ./src/aws/access-entry.ts
var access_entry = __webpack_require__(6470);
;// CONCATENATED MODULE: ./src/aws/teardown.ts
async function deletePodIdentityAssociation(eks, cluster, namespace, serviceAccount, ownRoleArn) {
    const { ListPodIdentityAssociationsCommand, DescribePodIdentityAssociationCommand, DeletePodIdentityAssociationCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    const list = await eks.send(new ListPodIdentityAssociationsCommand({ clusterName: cluster, namespace, serviceAccount }));
    const found = list.associations?.find(a => a.namespace === namespace && a.serviceAccount === serviceAccount && a.associationId);
    if (!found?.associationId)
        return { result: 'absent' };
    const { association } = await eks.send(new DescribePodIdentityAssociationCommand({ clusterName: cluster, associationId: found.associationId }));
    const roleArn = association?.roleArn ?? '';
    if (roleArn !== ownRoleArn)
        return { result: 'kept', id: found.associationId, roleArn };
    try {
        await eks.send(new DeletePodIdentityAssociationCommand({ clusterName: cluster, associationId: found.associationId }));
    }
    catch (err) {
        if (err.name === 'ResourceNotFoundException')
            return { result: 'absent' };
        throw err;
    }
    return { result: 'deleted', id: found.associationId };
}

;// CONCATENATED MODULE: ./src/aws/instances.ts
const KARPENTER_INSTANCE_TAGS = ['karpenter.sh/nodepool', 'karpenter.sh/provisioner-name'];
const LIVE_STATES = ['pending', 'running', 'stopping', 'stopped'];
/** EC2 filters AND together, so each Karpenter tag × cluster tag pair is its own query. */
function leftoverFilters(cluster) {
    const clusterTags = [
        { Name: `tag:kubernetes.io/cluster/${cluster}`, Values: ['owned'] },
        { Name: 'tag:eks:eks-cluster-name', Values: [cluster] }
    ];
    const out = [];
    for (const karpenterTag of KARPENTER_INSTANCE_TAGS) {
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
                    const nodepool = i.Tags?.find(t => KARPENTER_INSTANCE_TAGS.includes(t.Key ?? ''))?.Value;
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
    const karpenter = KARPENTER_INSTANCE_TAGS.some(k => has(k));
    const ofCluster = has(`kubernetes.io/cluster/${cluster}`, 'owned') || has('eks:eks-cluster-name', cluster);
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

// EXTERNAL MODULE: ./src/cfn/describe.ts
var describe = __webpack_require__(3948);
// EXTERNAL MODULE: ./src/cfn/deploy-wait.ts
var deploy_wait = __webpack_require__(3370);
// EXTERNAL MODULE: ./src/cfn/events.ts
var cfn_events = __webpack_require__(5444);
// EXTERNAL MODULE: ./src/cfn/drift.ts
var drift = __webpack_require__(7878);
;// CONCATENATED MODULE: ./src/cfn/delete.ts





class StackDeleteError extends Error {
    outcome;
    constructor(message, outcome) {
        super(message);
        this.outcome = outcome;
        this.name = 'StackDeleteError';
    }
}
async function deleteStackFully(cfn, iam, name, opts) {
    const outcome = (action, status) => ({ stack: name, action, status, changes: [], failures: [] });
    let stack = await (0,describe/* describeStack */.GO)(cfn, name);
    if (!stack || stack.StackStatus === 'DELETE_COMPLETE') {
        (0,log/* info */.pq)(`Stack ${name} does not exist; nothing to delete.`);
        return outcome('absent', 'ABSENT');
    }
    if ((0,deploy_wait/* isInProgress */.LT)(stack.StackStatus) && stack.StackStatus !== 'REVIEW_IN_PROGRESS' && stack.StackStatus !== 'DELETE_IN_PROGRESS') {
        (0,log/* info */.pq)(`Stack ${name} is ${stack.StackStatus}; waiting for it to settle before deleting it.`);
        stack = (await (0,deploy_wait/* waitForStackSettled */.YK)(cfn, name, opts.poll)).stack;
        if (!stack)
            return outcome('deleted', 'DELETE_COMPLETE');
    }
    await turnOffTerminationProtection(cfn, stack);
    const events = new cfn_events/* StackEventLog */.hg(cfn, name, opts.print);
    await events.baseline().catch(() => undefined);
    for (let attempt = 1;; attempt++) {
        if (stack.StackStatus !== 'DELETE_IN_PROGRESS') {
            await detachOwnPolicies(cfn, iam, name, opts.isOwnPolicy);
            const { DeleteStackCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
            (0,log/* info */.pq)(`Stack ${name}: deleting${attempt > 1 ? ' (again, after DELETE_FAILED)' : ''}.`);
            await cfn.send(new DeleteStackCommand({ StackName: stack.StackId ?? name }));
        }
        let left;
        try {
            left = (await (0,deploy_wait/* waitForStackSettled */.YK)(cfn, stack.StackId ?? name, opts.poll, events)).stack;
        }
        catch (err) {
            if (err instanceof deploy_wait/* StackTimeoutError */.mW) {
                throw new StackDeleteError(`${err.message} (the timeout input); CloudFormation goes on deleting it by itself.`, outcome('failed', 'DELETE_IN_PROGRESS'));
            }
            throw err;
        }
        if (!left || left.StackStatus === 'DELETE_COMPLETE')
            return outcome('deleted', 'DELETE_COMPLETE');
        if (left.StackStatus === 'DELETE_FAILED' && attempt < 2) {
            (0,log/* warning */.$e)(`Stack ${name} is DELETE_FAILED (${left.StackStatusReason ?? 'no reason given'}); retrying once.`);
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
 * Termination protection must be off before DeleteStack. moto does not implement
 * UpdateTerminationProtection (and ignores the flag on create, so it never reports it on): a known limit,
 * logged, and the delete goes on.
 */
async function turnOffTerminationProtection(cfn, stack) {
    if (!stack.EnableTerminationProtection)
        return;
    const { UpdateTerminationProtectionCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    try {
        await cfn.send(new UpdateTerminationProtectionCommand({ StackName: stack.StackName, EnableTerminationProtection: false }));
        (0,log/* info */.pq)(`Stack ${stack.StackName}: termination protection turned off.`);
    }
    catch (err) {
        if (!(0,drift/* isNotImplemented */.IA)(err))
            throw err;
        (0,log/* warning */.$e)(`UpdateTerminationProtection is not implemented by this endpoint (a known emulator limit); deleting stack ${stack.StackName} anyway.`);
    }
}
/** The physical names of the stack's AWS::IAM::Role resources. */
async function stackRoles(cfn, name) {
    const { ListStackResourcesCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(805)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
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
            if (err.name === 'NoSuchEntityException' || err.name === 'NoSuchEntity')
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
        (0,log/* info */.pq)(`Stack ${stackName}: detached ${detached.join(', ')} before deleting the stack.`);
    if (foreign.length) {
        throw new Error(`Stack ${stackName} cannot be deleted cleanly: its role(s) have managed policies this tool did not attach: ${foreign.join(', ')}. ` +
            'Detach them (aws iam detach-role-policy --role-name <role> --policy-arn <arn>) and run delete again; nothing of this stack was deleted.');
    }
    return detached;
}

// EXTERNAL MODULE: ./src/cfn/templates/resolve.ts
var resolve = __webpack_require__(1797);
;// CONCATENATED MODULE: ./src/cfn/delete-policies.ts

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
                const resolved = (0,resolve/* resolveIntrinsics */.l)(value, { partition: desired.partition, region: desired.region, accountId, stackName: spec.name, attributes: {} });
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
    const cluster = desired.names.cluster.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const part = new RegExp(`^arn:[^:]+:iam::${accountId}:policy/(.*/)?eksctl-KarpenterController[A-Za-z0-9]*Policy-${cluster}$`);
    return arn => own.has(arn) || part.test(arn);
}

// EXTERNAL MODULE: ./src/kube/backoff.ts
var kube_backoff = __webpack_require__(9054);
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
function names(items) {
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
        for (const name of names(await kube.list(pool.path))) {
            await kube.delete(`${pool.path}/${encodeURIComponent(name)}`);
            result.deleted.push(`${pool.kind}/${name}`);
        }
    }
    if (result.deleted.length > 0)
        opts.onProgress?.(`deleted ${result.deleted.join(', ')}; waiting for Karpenter to terminate its nodes`);
    const deadline = Date.now() + opts.timeoutSeconds * 1000;
    const backoff = { baseMs: opts.pollBaseMs ?? 2000, maxMs: opts.pollMaxMs ?? 15_000 };
    for (let attempt = 0;; attempt++) {
        const remaining = [];
        for (const c of [...claims, ...pools])
            remaining.push(...names(await kube.list(c.path)).map((n) => `${c.kind}/${n}`));
        if (attempt === 0)
            result.claimsAtStart = remaining.filter((r) => claims.some((c) => r.startsWith(`${c.kind}/`))).length;
        if (remaining.length === 0)
            return result;
        const left = deadline - Date.now();
        if (left <= 0) {
            throw new Error(`Karpenter did not finish terminating its nodes within ${opts.timeoutSeconds}s; still present: ${remaining.join(', ')}. ` +
                'The Karpenter controller must be running to drain and terminate them (is it healthy? kubectl -n <namespace> logs deploy/karpenter); ' +
                'raise the timeout input, or remove the leftovers by hand and run delete again');
        }
        if (attempt % 5 === 0)
            opts.onProgress?.(`waiting for ${remaining.length} Karpenter object(s): ${remaining.slice(0, 10).join(', ')}`);
        await (0,kube_backoff/* sleep */.y)(Math.min((0,kube_backoff/* backoffDelay */.E)(attempt, backoff), left), opts.signal);
    }
}

// EXTERNAL MODULE: ./src/kube/aws-auth.ts
var aws_auth = __webpack_require__(2111);
// EXTERNAL MODULE: ./src/helm/resolve.ts + 2 modules
var helm_resolve = __webpack_require__(9215);
// EXTERNAL MODULE: ./src/helm/install.ts + 4 modules
var install = __webpack_require__(4075);
// EXTERNAL MODULE: ./src/modes/lifecycle.ts + 3 modules
var lifecycle = __webpack_require__(2397);
// EXTERNAL MODULE: ./src/modes/cluster-session.ts + 4 modules
var cluster_session = __webpack_require__(2934);
;// CONCATENATED MODULE: ./src/modes/delete.ts














/** Cluster states in which its Kubernetes API answers. */
const REACHABLE = new Set(['ACTIVE', 'UPDATING']);
async function runDelete(ctx) {
    const { config, report } = ctx;
    const session = await (0,lifecycle/* openSession */.fA)(ctx);
    const cluster = await (0,lifecycle/* findCluster */.KG)(session.aws, config.name, session.region);
    const desired = (0,lifecycle/* desiredFor */.ER)(ctx, session, cluster);
    let access;
    try {
        if (!cluster) {
            report.steps.push(`cluster ${config.name} not found in ${session.region}: NodePools, chart and node access skipped; deleting the stacks`);
        }
        else if (!REACHABLE.has(cluster.status)) {
            report.warnings.push(`cluster ${config.name} is ${cluster.status}: its Kubernetes API is not used; NodePools, chart and in-cluster node access skipped.`);
        }
        else {
            const needsKube = ctx.inputs.installChart || nodeAccessOf(ctx, desired, cluster)?.method === 'aws-auth';
            if (needsKube)
                access = await (0,cluster_session/* openCluster */.D)(ctx, session.aws, cluster);
            await removeKarpenterFromCluster(ctx, access);
            await removeNodeAccess(ctx, session, desired, cluster, access);
        }
    }
    finally {
        await access?.dispose();
    }
    if (cluster && desired.controllerIdentity === 'pod-identity')
        await removeAssociation(ctx, session, desired);
    // Controller stack first: its role has the Karpenter stack's policies attached.
    const isOwnPolicy = ownPolicyMatcher(desired, session.identity.accountId);
    for (const name of [desired.controllerStack.name, desired.karpenterStack.name]) {
        try {
            const outcome = await deleteStackFully(await session.aws.cfn(), await session.aws.iam(), name, { poll: (0,lifecycle/* pollOptions */.Oh)(ctx), isOwnPolicy });
            report.stacks.push(outcome);
            report.steps.push(outcome.action === 'absent' ? `stack ${name}: not found, nothing to delete` : `stack ${name}: deleted`);
            if (outcome.action === 'deleted')
                report.changed = true;
        }
        catch (err) {
            if (err instanceof StackDeleteError)
                report.stacks.push(err.outcome);
            throw err;
        }
    }
    await terminateLeftovers(ctx, session);
    (0,log/* info */.pq)(report.changed ? 'delete: done.' : 'delete: done; nothing of Karpenter was found.');
}
function nodeAccessOf(ctx, desired, cluster) {
    try {
        return (0,node_access/* resolveNodeAccess */.n)(desired.nodeAccess, cluster.authenticationMode);
    }
    catch (err) {
        // apply would have refused this combination, so it granted nothing this way: nothing to remove
        ctx.report.warnings.push(`node access: ${err.message.split('. ')[0]}; nothing to remove.`);
        return undefined;
    }
}
async function removeKarpenterFromCluster(ctx, access) {
    const { report } = ctx;
    const desired = report.desired;
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
    const helm = await (0,helm_resolve/* resolveHelm */.Fr)(ctx.inputs.helmVersion, { tempDir: ctx.tempDir });
    await (0,install/* uninstallKarpenter */.fI)({
        helm: helm.path,
        kubeconfig: access.kubeconfig,
        namespace: desired.helm.namespace,
        release: desired.helm.release,
        timeoutSeconds: ctx.inputs.timeoutSeconds,
        report,
        includeCrds: true
    });
}
async function removeNodeAccess(ctx, session, desired, cluster, access) {
    const { report } = ctx;
    const decision = nodeAccessOf(ctx, desired, cluster);
    if (!decision)
        return;
    if (decision.method === 'none') {
        report.steps.push(`node access: nothing to remove (${decision.reason})`);
        return;
    }
    if (decision.method === 'access-entry') {
        const removed = await (0,access_entry/* deleteNodeAccessEntry */.C)(await session.aws.eks(), cluster.name, desired.arns.nodeRole);
        report.steps.push(`node access: access entry for ${desired.arns.nodeRole} ${removed ? 'deleted' : 'not found'}`);
        if (removed)
            report.changed = true;
        return;
    }
    if (!access)
        return;
    const r = await (0,aws_auth/* removeAwsAuthMapping */._7)(access.kube, desired.arns.nodeRole, ctx.signal);
    report.steps.push(`node access: aws-auth mapping for ${r.rolearn} ${r.action === 'removed' ? 'removed' : 'not found'}`);
    if (r.action === 'removed')
        report.changed = true;
}
async function removeAssociation(ctx, session, desired) {
    const { report } = ctx;
    const ns = desired.serviceAccount.namespace;
    try {
        const r = await deletePodIdentityAssociation(await session.aws.eks(), ctx.config.name, ns, desired.serviceAccount.name, desired.arns.controllerRole);
        if (r.result === 'deleted')
            report.changed = true;
        report.steps.push(r.result === 'deleted'
            ? `Pod Identity association ${r.id} (${ns}/${desired.serviceAccount.name}) deleted`
            : r.result === 'absent'
                ? `Pod Identity association for ${ns}/${desired.serviceAccount.name}: none found`
                : `Pod Identity association ${r.id} kept: it uses ${r.roleArn}, not this tool's role`);
    }
    catch (err) {
        const e = err;
        if (!(0,drift/* isNotImplemented */.IA)(err) && e.$metadata?.httpStatusCode !== 404)
            throw err;
        (0,log/* warning */.$e)(`EKS Pod Identity is not available at this endpoint (a known emulator limit); association not checked.`);
    }
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
