export const id = 872;
export const ids = [872];
export const modules = {

/***/ 872:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runApply: () => (/* binding */ runApply)
});

// EXTERNAL MODULE: ./src/report/types.ts
var types = __webpack_require__(2563);
// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/aws/preflight.ts
var preflight = __webpack_require__(7610);
// EXTERNAL MODULE: ./src/aws/oidc-provider.ts
var oidc_provider = __webpack_require__(244);
// EXTERNAL MODULE: ./src/aws/access-entry.ts
var access_entry = __webpack_require__(6470);
// EXTERNAL MODULE: ./src/kube/aws-auth.ts
var aws_auth = __webpack_require__(2111);
// EXTERNAL MODULE: ./src/cfn/describe.ts
var describe = __webpack_require__(3948);
// EXTERNAL MODULE: ./src/cfn/changeset.ts
var changeset = __webpack_require__(8621);
// EXTERNAL MODULE: ./src/cfn/prepare.ts
var prepare = __webpack_require__(4710);
// EXTERNAL MODULE: ./src/cfn/events.ts
var cfn_events = __webpack_require__(5444);
// EXTERNAL MODULE: ./src/cfn/deploy-wait.ts
var deploy_wait = __webpack_require__(3370);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/cfn/deploy.ts







class StackDeployError extends errors/* ProvisionError */.uv {
    outcome;
    name = 'StackDeployError';
    constructor(message, outcome, options) {
        super(message, options);
        this.outcome = outcome;
    }
}
class DeployCancelledError extends errors/* ProvisionError */.uv {
    outcome;
    name = 'DeployCancelledError';
    constructor(message, outcome) {
        super(message);
        this.outcome = outcome;
    }
}
const SUCCESS = new Set(['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'IMPORT_COMPLETE']);
const STUCK = {
    UPDATE_ROLLBACK_FAILED: 'continue the rollback (`aws cloudformation continue-update-rollback`) and re-run',
    ROLLBACK_FAILED: 'delete the stack (resources it could not roll back may need deleting by hand) and re-run',
    DELETE_FAILED: 'finish deleting the stack (`aws cloudformation delete-stack`, retaining what blocks it) and re-run',
    IMPORT_ROLLBACK_FAILED: 'fix the import rollback in the console and re-run'
};
function checkCommand(stack, region) {
    return `aws cloudformation describe-stacks --stack-name ${stack} --region ${region}`;
}
async function deployStack(cfn, spec, opts) {
    const seen = { status: 'UNKNOWN' };
    try {
        return await deployOne(cfn, spec, opts, seen);
    }
    catch (err) {
        // Whatever stopped it (an API refusal, a timeout), the stack is reported with its status and the reason.
        if (err instanceof StackDeployError || err instanceof DeployCancelledError || opts.signal?.aborted)
            throw err;
        const reason = (0,errors/* errorMessage */.gJ)(err);
        throw new StackDeployError(reason, {
            stack: spec.name,
            action: 'failed',
            status: seen.status,
            changes: [],
            failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: 'FAILED', reason }]
        }, { cause: err });
    }
}
async function deployOne(cfn, spec, opts, seen) {
    const poll = (0,prepare/* pollFrom */.y)(opts);
    const outcome = (action, status, changes = []) => ({
        stack: spec.name,
        action,
        status,
        changes,
        failures: []
    });
    throwIfCancelled(opts.signal, spec.name, 'before any change', outcome('failed', 'UNCHANGED'));
    // A wait that runs out of time before a change set is executed fails with the stack's outcome (its status
    // and the reason), like every other failure, so that the summary lists it.
    const timedOut = (err, status, what = '') => {
        if (!(err instanceof deploy_wait/* StackTimeoutError */.mW))
            throw err;
        const reason = `${err.message} (the timeout input)${what}`;
        throw new StackDeployError(`Stack ${spec.name}: ${reason}. Check it with: ${checkCommand(spec.name, opts.region)}`, {
            ...outcome('failed', status),
            failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: 'TIMED_OUT', reason }]
        });
    };
    const prepared = await (0,prepare/* prepareChangeSet */.S)(cfn, spec, {
        poll,
        described: opts.described,
        changeSetName: opts.changeSetName,
        busyNote: status => `Stack ${spec.name} is ${status} (another run or a person is changing it); waiting for it to settle.`,
        waitFailed: timedOut,
        recreate: true,
        refuse: stack => {
            const stuck = stack.StackStatus ? STUCK[stack.StackStatus] : undefined;
            if (!stuck)
                return undefined;
            const o = { ...outcome('failed', stack.StackStatus ?? 'UNKNOWN'), failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: stack.StackStatus ?? '', reason: stack.StackStatusReason ?? '' }] };
            return new StackDeployError(`Stack ${spec.name} is ${stack.StackStatus}: ${stuck}.`, o);
        },
        seen
    });
    if (prepared.kind === 'unchanged')
        return outcome('unchanged', prepared.stack.StackStatus ?? 'UNKNOWN');
    // recreate is on: a ROLLBACK_COMPLETE stack has been deleted and is made anew, so this cannot come back
    if (prepared.kind === 'rollback-complete')
        throw new Error(`Stack ${spec.name} is ROLLBACK_COMPLETE and was not recreated`);
    const { stack, type, name: csName, recreated } = prepared;
    let executing = false;
    try {
        const ready = await (0,changeset/* waitForChangeSet */.bp)(cfn, spec.name, csName, poll);
        if (ready.state === 'empty') {
            await (0,changeset/* deleteChangeSet */.cW)(cfn, spec.name, csName);
            (0,log/* info */.pq)(`Stack ${spec.name}: CloudFormation found no changes; change set deleted.`);
            return outcome('unchanged', stack?.StackStatus ?? 'UNKNOWN');
        }
        if (ready.state === 'failed') {
            await (0,changeset/* deleteChangeSet */.cW)(cfn, spec.name, csName);
            const o = { ...outcome('failed', stack?.StackStatus ?? 'ABSENT'), failures: [{ logicalId: spec.name, resourceType: 'AWS::CloudFormation::Stack', status: 'CHANGE_SET_FAILED', reason: ready.reason }] };
            throw new StackDeployError(`Change set for stack ${spec.name} failed: ${ready.reason}`, o);
        }
        const changes = await (0,describe/* describeChanges */.DT)(cfn, spec.name, csName, ready.first);
        throwIfCancelled(opts.signal, spec.name, 'before its change set was executed', outcome('failed', stack?.StackStatus ?? 'ABSENT', changes));
        const events = new cfn_events/* StackEventLog */.hg(cfn, spec.name, opts.print);
        await events.baseline();
        (0,log/* info */.pq)(`Stack ${spec.name}: executing ${type} change set ${csName} (${changes.length} resource change(s)).`);
        executing = true;
        const final = await runChangeSet(cfn, spec, csName, events, poll, opts, changes);
        const action = recreated ? 'recreated' : type === 'CREATE' ? 'created' : 'updated';
        if (type === 'CREATE')
            await ensureTerminationProtection(cfn, spec, final);
        return outcome(action, final.StackStatus ?? 'UNKNOWN', changes);
    }
    catch (err) {
        if (!executing && (isCancellation(err, opts.signal) || err instanceof deploy_wait/* StackTimeoutError */.mW)) {
            const deleted = await (0,changeset/* deleteChangeSet */.cW)(cfn, spec.name, csName);
            if (err instanceof DeployCancelledError || isCancellation(err, opts.signal)) {
                throw new DeployCancelledError(`Cancelled while preparing stack ${spec.name}: change set ${csName} was not executed` + (deleted ? ' and has been deleted.' : ' (deleting it failed; it is harmless).'), outcome('failed', stack?.StackStatus ?? 'ABSENT'));
            }
            timedOut(err, stack?.StackStatus ?? 'ABSENT', `; change set ${csName} was not executed` + (deleted ? ' and has been deleted' : ' (deleting it failed; it is harmless)'));
        }
        throw err;
    }
}
async function runChangeSet(cfn, spec, csName, events, poll, opts, changes) {
    (0,log/* startGroup */.Oh)(`CloudFormation events: ${spec.name}`);
    let settled;
    try {
        try {
            await (0,changeset/* executeChangeSet */._A)(cfn, spec.name, csName);
        }
        catch (err) {
            // An endpoint may fail ExecuteChangeSet itself when a resource fails (leaving the stack *_IN_PROGRESS):
            // the failure is explained from the events and the stack's status, as for a failed operation. Both reads are
            // best effort: when they fail too, the change set's own error is what is reported.
            const current = await (0,describe/* describeStack */.GO)(cfn, spec.name).catch(() => undefined);
            await events.poll().catch(() => []);
            const failures = events.failures((0,errors/* errorMessage */.gJ)(err));
            const reasons = failures.length ? failures : [{ logicalId: spec.name, status: 'EXECUTE_FAILED', reason: (0,errors/* errorMessage */.gJ)(err) }];
            throw new StackDeployError(`Executing the change set of stack ${spec.name} failed: ${describeFailures(reasons)}`, { stack: spec.name, action: 'failed', status: current?.StackStatus ?? 'UNKNOWN', changes, failures: reasons });
        }
        try {
            settled = (await (0,deploy_wait/* waitForStackSettled */.YK)(cfn, spec.name, poll, events)).stack;
        }
        catch (err) {
            if (isCancellation(err, opts.signal)) {
                const msg = `Cancelled while stack ${spec.name} is mid-update. CloudFormation finishes or rolls back the update by itself; ` +
                    `nothing is left half-done by stopping here. Check it with: ${checkCommand(spec.name, opts.region)}`;
                (0,log/* warning */.$e)(msg);
                throw new DeployCancelledError(msg, { stack: spec.name, action: 'failed', status: 'IN_PROGRESS', changes, failures: [] });
            }
            if (err instanceof deploy_wait/* StackTimeoutError */.mW) {
                throw new StackDeployError(`${err.message} (the timeout input). CloudFormation goes on by itself; check it with: ${checkCommand(spec.name, opts.region)}`, { stack: spec.name, action: 'failed', status: 'IN_PROGRESS', changes, failures: [] });
            }
            throw err;
        }
    }
    finally {
        (0,log/* endGroup */.N4)();
    }
    const status = settled?.StackStatus ?? 'ABSENT';
    if (!settled || !SUCCESS.has(status)) {
        const failures = events.failures(settled?.StackStatusReason);
        throw new StackDeployError(`Stack ${spec.name} ended ${status}: ${describeFailures(failures)}`, {
            stack: spec.name,
            action: 'failed',
            status,
            changes,
            failures
        });
    }
    return settled;
}
function describeFailures(failures) {
    if (!failures.length)
        return 'CloudFormation gave no reason';
    return failures.map(f => `${f.logicalId}${f.resourceType ? ` (${f.resourceType})` : ''}: ${f.reason}`).join('; ');
}
/**
 * Termination protection is set outside change sets, once, right after a create (docs/design.md, "What it creates");
 * an existing stack keeps whatever its owner chose. A failure is a warning: the stack itself is fine
 * (an endpoint that does not implement UpdateTerminationProtection answers with an error).
 */
async function ensureTerminationProtection(cfn, spec, stack) {
    if (!spec.terminationProtection || stack.EnableTerminationProtection)
        return;
    const { UpdateTerminationProtectionCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    try {
        await cfn.send(new UpdateTerminationProtectionCommand({ StackName: spec.name, EnableTerminationProtection: true }));
        (0,log/* info */.pq)(`Stack ${spec.name}: termination protection enabled.`);
    }
    catch (err) {
        (0,log/* warning */.$e)(`Could not enable termination protection on stack ${spec.name}: ${(0,errors/* awsErrorName */.ZH)(err)}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}
function isCancellation(err, signal) {
    // once the signal has fired, whatever interrupted the wait is the cancellation
    return err instanceof DeployCancelledError || !!signal?.aborted;
}
function throwIfCancelled(signal, stack, when, o) {
    if (signal?.aborted)
        throw new DeployCancelledError(`Cancelled ${when} of stack ${stack}.`, o);
}

// EXTERNAL MODULE: ./src/helm/resolve.ts + 2 modules
var resolve = __webpack_require__(6802);
// EXTERNAL MODULE: ./src/core/plan/apply-plan.ts + 1 modules
var apply_plan = __webpack_require__(6198);
// EXTERNAL MODULE: ./src/core/together.ts
var together = __webpack_require__(6869);
// EXTERNAL MODULE: ./src/kube/manifests.ts
var manifests = __webpack_require__(4483);
// EXTERNAL MODULE: ./src/kube/errors.ts
var kube_errors = __webpack_require__(3646);
;// CONCATENATED MODULE: ./src/kube/service-account.ts

const ROLE_ARN_ANNOTATION = 'eks.amazonaws.com/role-arn';
const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const MANAGED_BY_VALUE = 'karpenter-provision';
const HELM_RELEASE_ANNOTATION = 'meta.helm.sh/release-name';
/** Helm leaves a resource with this annotation in place when a release stops rendering it. */
const HELM_KEEP_ANNOTATION = 'helm.sh/resource-policy';
async function ensureNamespace(kube, namespace) {
    if (await kube.getOptional(`/api/v1/namespaces/${encodeURIComponent(namespace)}`))
        return false;
    try {
        await kube.create('/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: namespace } });
        return true;
    }
    catch (e) {
        if ((0,kube_errors/* isAlreadyExists */.x9)(e))
            return false; // made by someone else in between
        throw e;
    }
}
async function ensureServiceAccount(kube, spec) {
    const namespaceCreated = await ensureNamespace(kube, spec.namespace);
    const collection = `/api/v1/namespaces/${encodeURIComponent(spec.namespace)}/serviceaccounts`;
    const objectPath = `${collection}/${encodeURIComponent(spec.name)}`;
    let current = await kube.getOptional(objectPath);
    if (!current) {
        const annotations = {};
        if (spec.roleArn)
            annotations[ROLE_ARN_ANNOTATION] = spec.roleArn;
        try {
            await kube.create(collection, {
                apiVersion: 'v1',
                kind: 'ServiceAccount',
                metadata: { name: spec.name, namespace: spec.namespace, labels: { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE }, annotations }
            });
            return { action: 'created', namespaceCreated };
        }
        catch (e) {
            if (!(0,kube_errors/* isAlreadyExists */.x9)(e))
                throw e;
            // made in between: fall through to an update of what is there now
        }
    }
    const target = current ?? (await kube.get(objectPath));
    const patch = metadataPatch(target, spec);
    if (!patch)
        return { action: 'unchanged', namespaceCreated };
    await kube.patch(objectPath, { metadata: patch }, 'merge');
    return { action: 'updated', namespaceCreated };
}
/** The merge patch that brings the SA's metadata in line, or undefined when it already is. */
function metadataPatch(current, spec) {
    const labels = current.metadata?.labels ?? {};
    const annotations = current.metadata?.annotations ?? {};
    const patch = {};
    const annotationPatch = {};
    if (spec.roleArn && annotations[ROLE_ARN_ANNOTATION] !== spec.roleArn)
        annotationPatch[ROLE_ARN_ANNOTATION] = spec.roleArn;
    if (!spec.roleArn && annotations[ROLE_ARN_ANNOTATION] !== undefined)
        annotationPatch[ROLE_ARN_ANNOTATION] = null;
    // A SA the chart made earlier (createServiceAccount was true) would be deleted by the next helm
    // upgrade that stops rendering it; tell Helm to keep it, since we now own it.
    if (annotations[HELM_RELEASE_ANNOTATION] !== undefined && annotations[HELM_KEEP_ANNOTATION] !== 'keep') {
        annotationPatch[HELM_KEEP_ANNOTATION] = 'keep';
    }
    if (labels[MANAGED_BY_LABEL] !== MANAGED_BY_VALUE)
        patch.labels = { [MANAGED_BY_LABEL]: MANAGED_BY_VALUE };
    if (Object.keys(annotationPatch).length > 0)
        patch.annotations = annotationPatch;
    return patch.labels || patch.annotations ? patch : undefined;
}

// EXTERNAL MODULE: ./src/helm/install.ts + 4 modules
var install = __webpack_require__(3347);
;// CONCATENATED MODULE: ./src/helm/crd-adopter.ts
const CRDS = '/apis/apiextensions.k8s.io/v1/customresourcedefinitions';
function kubeCrdAdopter(client) {
    return {
        async listCrds() {
            const items = await client.list(CRDS);
            return items
                .filter((i) => i.metadata?.name)
                .map((i) => ({ name: i.metadata?.name, labels: i.metadata?.labels, annotations: i.metadata?.annotations }));
        },
        async patchCrd(p) {
            await client.patch(`${CRDS}/${encodeURIComponent(p.name)}`, p.patch, 'merge');
        }
    };
}

// EXTERNAL MODULE: ./src/kube/helm-release.ts
var helm_release = __webpack_require__(6849);
;// CONCATENATED MODULE: ./src/modes/apply-kubernetes.ts






function installOptions(ctx, session, desired, helm) {
    return {
        helm: helm.path,
        kubeconfig: session.kubeconfig,
        // helm reads the values-file at the path it resolved to when it was checked
        spec: { ...desired.helm, valuesFile: ctx.files.values?.real },
        tempDir: ctx.tempDir,
        crdAdopter: kubeCrdAdopter(session.kube),
        // the revision helm made, when it does not print it
        readRelease: () => (0,helm_release/* readRelease */.iJ)(session.kube, desired.helm.release, desired.helm.namespace)
    };
}
/** The registry logout and karpenter-crd (apply runs it while the stacks deploy). */
async function installCrdChart(ctx, session, desired, helm, releases) {
    (0,log/* info */.pq)(`helm ${helm.version} (${helm.source}: ${helm.path})`);
    return (0,install/* installCrds */.Mj)(installOptions(ctx, session, desired, helm), releases);
}
/** createServiceAccount: false (eksctl's meaning): the tool owns the ServiceAccount, the chart does not. */
async function applyServiceAccount(session, desired) {
    const sa = desired.serviceAccount;
    const r = await ensureServiceAccount(session.kube, { namespace: sa.namespace, name: sa.name, roleArn: sa.roleArn });
    return { steps: [`ServiceAccount ${sa.namespace}/${sa.name}: ${r.action}${r.namespaceCreated ? ' (namespace created)' : ''}`], changed: r.action !== 'unchanged' || r.namespaceCreated };
}
/** The controller chart, after karpenter-crd. */
async function applyChart(ctx, session, desired, helm, crds) {
    return (0,install/* installChart */.wJ)(installOptions(ctx, session, desired, helm), crds);
}
/** The manifests input, applied. */
async function applyManifestFiles(ctx, session) {
    const applied = await (0,manifests/* applyManifests */.ZJ)(session.kube, ctx.files.manifests);
    return { steps: [`manifests applied: ${applied.map(a => `${a.kind}/${a.name} ${a.action}`).join(', ')}`], changed: applied.some(a => a.action !== 'unchanged') };
}
/**
 * The chart runs 2 replicas with a required hostname anti-affinity and (from 1.0) a hard zone spread:
 * say so when the cluster's non-Karpenter nodes cannot hold them (docs/design.md, "Helm").
 */
async function replicaSpread(session, desired) {
    const replicas = typeof desired.helm.values.replicas === 'number' ? desired.helm.values.replicas : 2;
    if (replicas < 2)
        return [];
    const nodes = await session.kube.list('/api/v1/nodes');
    const eligible = nodes.filter(n => !n.metadata?.labels?.['karpenter.sh/nodepool']);
    const zones = new Set(eligible.map(n => n.metadata?.labels?.['topology.kubernetes.io/zone']).filter(Boolean));
    if (eligible.length >= replicas && zones.size >= Math.min(replicas, 2))
        return [];
    return [
        `The Karpenter chart runs ${replicas} replicas on separate nodes spread across zones, but the cluster has ${eligible.length} ` +
            `non-Karpenter node(s) in ${zones.size} zone(s): some replicas will stay Pending. Add nodes in another zone, or set replicas: 1 in values-file.`
    ];
}

// EXTERNAL MODULE: ./src/modes/apply-identity.ts + 1 modules
var apply_identity = __webpack_require__(2396);
// EXTERNAL MODULE: ./src/modes/apply-facts.ts + 1 modules
var apply_facts = __webpack_require__(6364);
// EXTERNAL MODULE: ./src/modes/cluster-session.ts + 3 modules
var cluster_session = __webpack_require__(8494);
// EXTERNAL MODULE: ./src/modes/lifecycle.ts + 4 modules
var lifecycle = __webpack_require__(1808);
// EXTERNAL MODULE: ./src/modes/run-files.ts + 1 modules
var run_files = __webpack_require__(3080);
;// CONCATENATED MODULE: ./src/modes/apply.ts

















async function runApply(ctx) {
    // However apply ends (a refusal, a failure, done), the helm download stops with it, so a refused run exits at once.
    const ended = new AbortController();
    const signal = AbortSignal.any([ctx.signal, ended.signal]);
    const helm = ctx.inputs.installChart ? (0,resolve/* prefetchHelm */.uD)(ctx.inputs.helmVersion, { tempDir: ctx.tempDir, signal }) : undefined;
    try {
        await applyWith(ctx, helm);
    }
    finally {
        ended.abort(new Error('apply ended: helm is not needed any more'));
    }
}
/** The one function that reads apply top down. */
async function applyWith(ctx, helm) {
    const { inputs, config, report } = ctx;
    const { region, aws } = await (0,lifecycle/* openClients */.Bf)(ctx);
    // 1. The caller and the cluster, at once.
    const [caller, pre] = await (0,together/* together */.b)((0,lifecycle/* identify */.ls)(ctx, aws), (async () => (0,preflight/* preflight */.Mz)(await aws.eks(), { cluster: config.name, region, karpenterVersion: config.karpenter.version, configK8sVersion: config.kubernetesVersion }))());
    const cluster = pre.cluster;
    report.warnings.push(...pre.warnings);
    report.steps.push(`preflight: cluster ${cluster.name} is ${cluster.status}, Kubernetes ${cluster.version}, authentication mode ${cluster.authenticationMode ?? 'CONFIG_MAP (no accessConfig)'}`);
    // 2. The facts (refusing what cannot work) and the desired state, built once from them.
    const read = await (0,apply_facts/* readApplyFacts */.q)(ctx, aws, { mode: 'apply', caller, cluster, region });
    const { facts, desired } = read;
    report.steps.push(...read.steps);
    (0,lifecycle/* reportDesired */.Bd)(ctx, desired);
    // 3. The plan: pure, and the last refusal (the upgrade path) before the first change.
    const plan = (0,apply_plan/* applyPlan */.g)(desired, facts, { installChart: inputs.installChart, extraValues: ctx.files.values?.values ?? {}, manifests: (0,run_files/* manifestNames */.qI)(ctx.files.manifests) });
    if (plan.refusal)
        throw plan.refusal;
    report.warnings.push(...plan.upgrade.warnings);
    for (const note of plan.upgrade.notes)
        report.steps.push(`upgrade note: ${note}`);
    (0,types/* record */.g)(report, (0,apply_identity/* identityNotes */.gl)(ctx, desired, plan.identity));
    if (!inputs.installChart)
        report.steps.push('install-chart: false — the chart is left to its owner (Argo CD, Flux…)');
    // 4. The changes, in the plan's order.
    await execute(ctx, aws, { desired, facts, plan, helm, described: read.described });
    (0,log/* info */.pq)(report.changed ? 'apply: done, changes made.' : 'apply: done, nothing to change.');
}
async function execute(ctx, aws, run) {
    const { report } = ctx;
    const { desired, facts, plan } = run;
    let crdChart;
    let crds;
    let install;
    /** The CRD phase's outcome (it ran alongside the stacks): its steps into the summary, its error thrown. */
    const crdPhase = async () => {
        if (crds)
            return crds;
        // no karpenter-crd at this version: the registry logout still comes before a chart to install or upgrade
        const chartToChange = plan.changes.some(c => c.kind === 'chart' && c.action !== 'none');
        if (!crdChart && chartToChange && run.helm)
            crdChart = (0,together/* settle */.G)(installSession().then(async (s) => installCrdChart(ctx, s, desired, await run.helm, facts.releases ?? {})));
        const done = crdChart ? await crdChart : { ok: true, value: { main: facts.releases?.main, steps: [] } };
        if (!done.ok)
            throw done.error;
        crds = done.value;
        report.steps.push(...crds.steps);
        if (crdChart)
            report.changed = true;
        return crds;
    };
    /** A fresh session for the install: the EKS token of the read phase may be near its ~15-minute limit after long stack waits. */
    const installSession = async () => (install ??= await (0,cluster_session/* openCluster */.D)(ctx, aws, facts.cluster));
    try {
        for (const change of plan.changes) {
            switch (change.kind) {
                case 'oidc-provider': {
                    if (change.action === 'none') {
                        report.steps.push(`IAM OIDC provider ${change.arn} already exists`);
                        break;
                    }
                    const provider = await (0,oidc_provider/* ensureOidcProvider */.hb)(await aws.iam(), change.issuer, { cluster: desired.names.cluster, found: { arn: change.arn } });
                    report.steps.push(provider.created ? `created IAM OIDC provider ${provider.arn}` : `IAM OIDC provider ${provider.arn} already exists`);
                    if (provider.created)
                        report.changed = true;
                    break;
                }
                case 'crd-chart':
                    // starts now and runs alongside the stacks; its outcome is taken before the chart (crdPhase)
                    if (change.action !== 'none' && run.helm) {
                        const helm = run.helm;
                        crdChart = (0,together/* settle */.G)((0,cluster_session/* withCluster */.B)(ctx, aws, facts.cluster, async (s) => installCrdChart(ctx, s, desired, await helm, facts.releases ?? {})));
                    }
                    break;
                case 'stack':
                    await deploy(ctx, aws, change.spec, facts.region, run.described[change.spec.name] ?? null);
                    break;
                case 'role-policies':
                    (0,types/* record */.g)(report, await (0,apply_identity/* applyRolePolicies */.ft)(aws, change));
                    break;
                case 'association':
                    (0,types/* record */.g)(report, await (0,apply_identity/* applyAssociation */.QG)(aws, desired, change, plan.identity.previous !== undefined));
                    break;
                case 'access-entry':
                    await accessEntry(ctx, aws, change);
                    break;
                case 'aws-auth':
                    await awsAuth(ctx, aws, facts, change);
                    break;
                case 'service-account':
                    await crdPhase();
                    (0,types/* record */.g)(report, await applyServiceAccount(await installSession(), desired));
                    break;
                case 'chart':
                    await chart(ctx, await crdPhase(), run, change, installSession);
                    break;
                case 'manifests':
                    (0,types/* record */.g)(report, await applyManifestFiles(ctx, await installSession()));
                    break;
                case 'retire-identity':
                    for (const done of await (0,apply_identity/* retirePreviousIdentity */.r1)(ctx, aws, desired, plan.identity, change))
                        (0,types/* record */.g)(report, done);
                    break;
            }
        }
    }
    catch (err) {
        // What the CRD chart did meanwhile belongs in the summary of the failed run (not waited for on cancellation).
        if (crdChart && !crds && !ctx.signal.aborted) {
            const done = await crdChart;
            if (done.ok) {
                report.steps.push(...done.value.steps);
                report.changed = true;
            }
            else
                report.warnings.push(`karpenter-crd was being installed while the stacks deployed and failed too: ${(0,errors/* errorMessage */.gJ)(done.error)}`);
        }
        throw err;
    }
    finally {
        await install?.dispose();
    }
}
async function deploy(ctx, aws, spec, region, described) {
    let outcome;
    try {
        outcome = await deployStack(await aws.cfn(), spec, { region, timeoutMs: ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal, described });
    }
    catch (err) {
        if (err instanceof StackDeployError || err instanceof DeployCancelledError) {
            ctx.report.stacks.push(err.outcome);
            ctx.report.changed = true;
        }
        throw err;
    }
    ctx.report.stacks.push(outcome);
    ctx.report.steps.push(`stack ${spec.name}: ${outcome.action} (${outcome.status})`);
    if (outcome.action !== 'unchanged')
        ctx.report.changed = true;
    return outcome;
}
async function accessEntry(ctx, aws, change) {
    const { report } = ctx;
    const cluster = ctx.config.name;
    if (change.action === 'delete') {
        if (await (0,access_entry/* deleteNodeAccessEntry */.Cy)(await aws.eks(), cluster, change.roleArn)) {
            report.steps.push(`node access: access entry for ${change.roleArn} deleted (${change.reason})`);
            report.changed = true;
        }
        return;
    }
    if (change.action === 'none') {
        report.steps.push(`node access: EC2_LINUX access entry for ${change.roleArn} already present (${change.reason})`);
        return;
    }
    const r = await (0,access_entry/* ensureNodeAccessEntry */.rS)(await aws.eks(), cluster, change.roleArn, { 'alpha.eksctl.io/cluster-name': cluster });
    if (r.warning)
        (0,log/* warning */.$e)(r.warning);
    report.steps.push(`node access: EC2_LINUX access entry for ${change.roleArn} ${r.created ? 'created' : 'already present'} (${change.reason})`);
    if (r.created)
        report.changed = true;
}
async function awsAuth(ctx, aws, facts, change) {
    const { report } = ctx;
    if (change.action === 'none') {
        report.steps.push(`node access: aws-auth mapping for ${facts.nodeAccess?.awsAuthMapping?.rolearn ?? change.roleArn} unchanged (${change.reason})`);
        return;
    }
    const r = await (0,cluster_session/* withCluster */.B)(ctx, aws, facts.cluster, s => (0,aws_auth/* ensureAwsAuthMapping */.gP)(s.kube, change.roleArn, ctx.signal, { windows: change.windows }));
    report.steps.push(`node access: aws-auth mapping for ${r.rolearn} ${r.action} (${change.reason})${r.note ? ` — ${r.note}` : ''}`);
    if (r.action !== 'unchanged')
        report.changed = true;
}
async function chart(ctx, crds, run, change, session) {
    const { report } = ctx;
    const { helm: spec } = run.desired;
    const main = run.facts.releases?.main;
    if (change.action === 'none' && main) {
        report.steps.push(`helm: ${spec.release} ${spec.chart.version} already deployed with these values (revision ${main.revision}); nothing to change`);
        report.helmRevision = main.revision;
        return;
    }
    const s = await session();
    // before helm --wait: a replica that cannot be scheduled makes the wait time out, and the warning belongs in the summary either way
    report.warnings.push(...(await replicaSpread(s, run.desired)));
    const result = await applyChart(ctx, s, run.desired, await run.helm, crds);
    (0,types/* record */.g)(report, result);
    report.helmRevision = result.revision;
}


/***/ })

};
