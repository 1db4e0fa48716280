export const id = 47;
export const ids = [47];
export const modules = {

/***/ 6470:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cy: () => (/* binding */ deleteNodeAccessEntry),
/* harmony export */   cy: () => (/* binding */ describeNodeAccessEntry),
/* harmony export */   rS: () => (/* binding */ ensureNodeAccessEntry)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

async function ensureNodeAccessEntry(eks, cluster, roleArn, tags = {}) {
    const { CreateAccessEntryCommand, DescribeAccessEntryCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    try {
        // EKS's tag map takes at least one entry when present: none is sent rather than an empty one
        await eks.send(new CreateAccessEntryCommand({ clusterName: cluster, principalArn: roleArn, type: 'EC2_LINUX', ...(Object.keys(tags).length > 0 ? { tags } : {}) }));
        return { created: true };
    }
    catch (err) {
        if (!(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'ResourceInUseException'))
            throw err;
    }
    // It exists. Its type cannot be changed in place; a STANDARD entry would not let nodes join, so say so.
    const { accessEntry } = await eks.send(new DescribeAccessEntryCommand({ clusterName: cluster, principalArn: roleArn }));
    if (accessEntry?.type && accessEntry.type !== 'EC2_LINUX') {
        return {
            created: false,
            warning: `the access entry for ${roleArn} on cluster ${cluster} has type ${accessEntry.type}, not EC2_LINUX; Karpenter's nodes may not join. Delete it and re-run.`
        };
    }
    return { created: false };
}
/** For delete: removes the entry; a missing one is fine (running delete twice is fine). */
async function deleteNodeAccessEntry(eks, cluster, roleArn) {
    const { DeleteAccessEntryCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    try {
        await eks.send(new DeleteAccessEntryCommand({ clusterName: cluster, principalArn: roleArn }));
        return true;
    }
    catch (err) {
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'ResourceNotFoundException'))
            return false;
        throw err;
    }
}
/** The node role's access entry type (read only, for drift); undefined when there is no entry. */
async function describeNodeAccessEntry(eks, cluster, roleArn) {
    const { DescribeAccessEntryCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    try {
        const { accessEntry } = await eks.send(new DescribeAccessEntryCommand({ clusterName: cluster, principalArn: roleArn }));
        return accessEntry?.type ?? 'STANDARD';
    }
    catch (err) {
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'ResourceNotFoundException'))
            return undefined;
        throw err;
    }
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
// what `drift` reports. Pure: the release is read elsewhere (readRelease: helm list + helm get values).


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

/***/ 2111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M_: () => (/* binding */ NODE_GROUPS),
/* harmony export */   My: () => (/* binding */ NODE_USERNAME),
/* harmony export */   Vm: () => (/* binding */ findAwsAuthMapping),
/* harmony export */   _7: () => (/* binding */ removeAwsAuthMapping),
/* harmony export */   gP: () => (/* binding */ ensureAwsAuthMapping)
/* harmony export */ });
/* unused harmony exports AWS_AUTH_PATH, WINDOWS_NODE_GROUPS, roleArnWithoutPath, addRoleMapping, removeRoleMapping */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3646);
/* harmony import */ var _runner_wait_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4565);
/* harmony import */ var _core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9207);
/* harmony import */ var _core_karpenter_windows_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1577);
// The aws-auth ConfigMap mapping that lets Karpenter's nodes join a cluster without access entries
// (docs/design.md, "Node access": CONFIG_MAP mode). The ConfigMap is shared with every other node group and
// user of the cluster, so only `data.mapRoles` is ever rewritten, other entries keep their exact text
// wherever the list allows it, and the update is conditional on the resourceVersion that was read.





const AWS_AUTH_PATH = '/api/v1/namespaces/kube-system/configmaps/aws-auth';
const AWS_AUTH_COLLECTION = '/api/v1/namespaces/kube-system/configmaps';
const NODE_USERNAME = 'system:node:{{EC2PrivateDNSName}}';
const NODE_GROUPS = ['system:bootstrappers', 'system:nodes'];
/** A node role that also launches Windows nodes: eksctl's groups for Windows node groups (Windows group first). */
const WINDOWS_NODE_GROUPS = [_core_karpenter_windows_js__WEBPACK_IMPORTED_MODULE_3__/* .WINDOWS_NODE_GROUP */ .DA, ...NODE_GROUPS];
/** concurrent writers (another run, eksctl, terraform) rarely collide more than once or twice */
const MAX_ATTEMPTS = 6;
/**
 * aws-auth does not understand IAM paths in role ARNs (the authenticator compares against the
 * assumed-role ARN, which has none), so eksctl and the EKS docs write `role/<name>`. Compare and write that form.
 */
function roleArnWithoutPath(arn) {
    const m = /^(arn:[^:]+:iam::\d{12}:role)\/(?:.*\/)?([^/]+)$/.exec(arn);
    return m ? `${m[1]}/${m[2]}` : arn;
}
function entriesOf(doc) {
    const js = doc.toJS();
    return Array.isArray(js) ? js : [];
}
/** Parses mapRoles; an empty or missing value is an empty list. Throws on text we must not rewrite. */
function parseMapRoles(text) {
    const lineCounter = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter });
    if (doc.errors.length > 0) {
        throw new Error(`kube-system/aws-auth: data.mapRoles is not valid YAML (${doc.errors[0]?.message ?? ''}); fix it by hand before running again`);
    }
    const contents = doc.contents;
    const empty = contents === null || ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(contents) && (contents.value === null || contents.value === ''));
    if (!empty && !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(contents)) {
        throw new Error('kube-system/aws-auth: data.mapRoles is not a YAML list; fix it by hand before running again');
    }
    return { doc, lineCounter };
}
function sameRole(a, b) {
    return typeof a === 'string' && roleArnWithoutPath(a.trim()) === b;
}
/** The new mapRoles text with one entry appended; existing entries keep their bytes when the list is block-style. */
function addRoleMapping(mapRoles, rolearn, groups = NODE_GROUPS) {
    const { doc, lineCounter } = parseMapRoles(mapRoles);
    const entry = { groups: [...groups], rolearn, username: NODE_USERNAME };
    const seq = doc.contents;
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(seq) && seq.items.length > 0 && !seq.flow) {
        // Append text at the list's own indentation, so the other entries are untouched byte for byte.
        const first = seq.items[0];
        const firstOffset = seq.range?.[0] ?? first.range?.[0] ?? 0;
        const indent = ' '.repeat(Math.max(0, (0,_core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .d)(lineCounter, firstOffset).col - 1));
        const block = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)([entry]).trimEnd().split('\n').map((l) => indent + l).join('\n');
        const candidate = `${mapRoles.replace(/\s*$/, '')}\n${block}\n`;
        if (verifies(candidate, entriesOf(doc).length + 1, rolearn))
            return candidate;
    }
    // flow style, empty, or text we could not append to safely: re-serialise through the YAML document
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(seq)) {
        ;
        seq.add(doc.createNode(entry));
        return doc.toString();
    }
    return (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .stringify */ .As)([entry]);
}
/** The new mapRoles text without the role's entries; other entries keep their bytes when the list is block-style. */
function removeRoleMapping(mapRoles, rolearn) {
    const { doc, lineCounter } = parseMapRoles(mapRoles);
    const seq = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(seq))
        return mapRoles;
    const entries = entriesOf(doc);
    const keep = entries.map((e) => !(e && typeof e === 'object' && sameRole(e.rolearn, rolearn)));
    if (keep.every(Boolean))
        return mapRoles;
    if (!seq.flow) {
        // each item owns the text from the start of its `- ` line to the start of the next item's line
        const lineStarts = seq.items.map((item) => {
            const offset = item.range?.[0] ?? 0;
            return lineCounter.lineStarts[(0,_core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_2__/* .positionOf */ .d)(lineCounter, offset).line - 1] ?? 0;
        });
        let text = mapRoles.slice(0, lineStarts[0]);
        for (let i = 0; i < seq.items.length; i++) {
            if (keep[i])
                text += mapRoles.slice(lineStarts[i], i + 1 < lineStarts.length ? lineStarts[i + 1] : undefined);
        }
        const remaining = keep.filter(Boolean).length;
        if (remaining === 0)
            return '[]\n';
        if (verifies(text, remaining, undefined))
            return text;
    }
    seq.items = seq.items.filter((_, i) => keep[i]);
    return doc.toString();
}
/** The edited text parses to a list of the expected length (ending with our role, when given). */
function verifies(text, expectedLength, lastRole) {
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text);
    if (doc.errors.length > 0 || !(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(doc.contents))
        return false;
    const entries = entriesOf(doc);
    if (entries.length !== expectedLength)
        return false;
    return lastRole === undefined || sameRole(entries[entries.length - 1]?.rolearn, lastRole);
}
function existingEntry(mapRoles, rolearn) {
    return entriesOf(parseMapRoles(mapRoles).doc).find((e) => e && typeof e === 'object' && sameRole(e.rolearn, rolearn));
}
/** The aws-auth mapping of the role (read only, for drift): undefined when the ConfigMap or the mapping is missing. */
async function findAwsAuthMapping(kube, roleArn) {
    const cm = await kube.getOptional(AWS_AUTH_PATH);
    const found = cm ? existingEntry(cm.data?.mapRoles ?? '', roleArnWithoutPath(roleArn)) : undefined;
    return found ? { rolearn: roleArnWithoutPath(roleArn), username: found.username, groups: Array.isArray(found.groups) ? found.groups : [] } : undefined;
}
/**
 * A node mapping as this tool writes it (the node username, only node groups): one that predates Windows nodes
 * is rewritten with the Windows group; any other entry for the role was written on purpose and is left alone.
 */
function isNodeMapping(e) {
    const groups = Array.isArray(e.groups) ? e.groups : [];
    return e.username === NODE_USERNAME && groups.every(g => WINDOWS_NODE_GROUPS.includes(g));
}
/**
 * Adds the node role mapping (with eks:kube-proxy-windows when `windows`); creates the ConfigMap when the cluster
 * has none. Idempotent and safe against concurrent writers.
 */
async function ensureAwsAuthMapping(kube, roleArn, signal, opts = {}) {
    const rolearn = roleArnWithoutPath(roleArn);
    const wanted = opts.windows ? WINDOWS_NODE_GROUPS : NODE_GROUPS;
    // another writer got there first (Conflict on update, AlreadyExists on create): read again
    return retryOnConflict(async () => {
        const cm = await kube.getOptional(AWS_AUTH_PATH);
        if (!cm) {
            await kube.create(AWS_AUTH_COLLECTION, {
                apiVersion: 'v1',
                kind: 'ConfigMap',
                metadata: { name: 'aws-auth', namespace: 'kube-system' },
                data: { mapRoles: addRoleMapping('', rolearn, wanted) }
            });
            return { action: 'created-configmap', rolearn };
        }
        const current = cm.data?.mapRoles ?? '';
        const found = existingEntry(current, rolearn);
        if (found) {
            const groups = Array.isArray(found.groups) ? found.groups : [];
            const missing = wanted.filter((g) => !groups.includes(g));
            if (missing.length === 0)
                return { action: 'unchanged', rolearn };
            if (isNodeMapping(found)) {
                // this tool's node mapping from before Windows nodes: the same entry, with the Windows group
                await updateMapRoles(kube, cm, addRoleMapping(removeRoleMapping(current, rolearn), rolearn, wanted));
                return { action: 'updated', rolearn, note: `groups now ${wanted.join(', ')}` };
            }
            // someone mapped this role on purpose; their entry is theirs to change
            return { action: 'unchanged', rolearn, note: `aws-auth already maps ${rolearn} but without group(s) ${missing.join(', ')}: Karpenter's nodes may not be able to join` };
        }
        await updateMapRoles(kube, cm, addRoleMapping(current, rolearn, wanted));
        return { action: 'added', rolearn };
    }, e => (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isConflict */ .dh)(e) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isAlreadyExists */ .x9)(e), signal);
}
/** Removes every mapping of the role (delete mode). A missing ConfigMap or mapping is not an error. */
async function removeAwsAuthMapping(kube, roleArn, signal) {
    const rolearn = roleArnWithoutPath(roleArn);
    return retryOnConflict(async () => {
        const cm = await kube.getOptional(AWS_AUTH_PATH);
        const current = cm?.data?.mapRoles;
        if (!cm || current === undefined || !existingEntry(current, rolearn))
            return { action: 'absent', rolearn };
        await updateMapRoles(kube, cm, removeRoleMapping(current, rolearn));
        return { action: 'removed', rolearn };
    }, e => (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isConflict */ .dh)(e) || (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .isNotFound */ .c4)(e), signal);
}
/** Reads and writes again while another writer keeps getting there first (half-jittered, from 100 ms). */
function retryOnConflict(write, retryable, signal) {
    return (0,_runner_wait_js__WEBPACK_IMPORTED_MODULE_4__/* .retryLoop */ .rU)(write, { attempts: MAX_ATTEMPTS, backoff: { baseMs: 100, maxMs: 2000, jitter: 'half' }, retryable, signal });
}
/** Merge patch of data.mapRoles only, conditional on the resourceVersion read (409 when someone wrote since). */
async function updateMapRoles(kube, cm, mapRoles) {
    const resourceVersion = cm.metadata?.resourceVersion;
    if (!resourceVersion)
        throw new Error('kube-system/aws-auth has no resourceVersion: cannot update it safely');
    await kube.patch(AWS_AUTH_PATH, { metadata: { resourceVersion }, data: { mapRoles } }, 'merge');
}


/***/ }),

/***/ 2698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NP: () => (/* binding */ podIdentityChecks),
/* harmony export */   Ut: () => (/* binding */ deleteIdentity),
/* harmony export */   gt: () => (/* binding */ planIdentity),
/* harmony export */   oA: () => (/* binding */ driftIdentity)
/* harmony export */ });
/* harmony import */ var _core_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2483);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7708);
/* harmony import */ var _aws_addons_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1722);
/* harmony import */ var _aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9062);
/* harmony import */ var _aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2117);
/* harmony import */ var _core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6883);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);







/**
 * plan, before anything else of the identity: the checks apply would refuse on, as warnings (plan shows, it does
 * not fail on them). They need the config alone (the offline desired state).
 */
async function podIdentityChecks(ctx, aws) {
    const desired = ctx.offline;
    if (desired.controllerIdentity !== 'pod-identity')
        return;
    try {
        await (0,_aws_addons_js__WEBPACK_IMPORTED_MODULE_2__/* .requirePodIdentityAgent */ .IE)(await aws.eks(), ctx.config.name);
    }
    catch (err) {
        ctx.report.warnings.push(`apply would refuse: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`);
    }
    try {
        await (0,_aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__/* .requirePoliciesExist */ .j7)(await aws.iam(), desired.podIdentity?.permissionPolicyArns ?? []);
    }
    catch (err) {
        ctx.report.warnings.push(`apply would refuse: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(err)}`);
    }
}
/** plan: the association and role changes apply would make (the identity read by readIdentity); returns whether there are any. */
async function planIdentity(ctx, aws, desired, state) {
    const { report } = ctx;
    let changes = false;
    const line = (s, change) => {
        report.steps.push(s);
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`  ${s}`);
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
            const missing = await (0,_aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__/* .missingRolePolicies */ .Je)(await aws.iam(), role, (0,_core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_5__/* .podIdentityRolePolicies */ .i_)(desired));
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
        const missing = await (0,_aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_3__/* .missingRolePolicies */ .Je)(await aws.iam(), role, (0,_core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_5__/* .podIdentityRolePolicies */ .i_)(desired));
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
        association = await (0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .findAssociation */ .Zo)(await aws.eks(), ctx.config.name, pod.namespace, pod.serviceAccount);
    }
    catch (err) {
        if (!(0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .isPodIdentityApiMissing */ .Gl)(err))
            throw err;
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_1__/* .warning */ .$e)('The EKS endpoint does not serve the Pod Identity API; association not checked.');
        return;
    }
    const result = await (0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .deleteOwnAssociation */ .TB)(await aws.eks(), ctx.config.name, association);
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

/***/ 2047:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DriftFoundError: () => (/* binding */ DriftFoundError),
/* harmony export */   runDrift: () => (/* binding */ runDrift)
/* harmony export */ });
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7708);
/* harmony import */ var _cfn_describe_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(3948);
/* harmony import */ var _core_cfn_deploy_compare_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(3200);
/* harmony import */ var _cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7878);
/* harmony import */ var _core_helm_diff_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5341);
/* harmony import */ var _lifecycle_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1808);
/* harmony import */ var _cluster_session_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8494);
/* harmony import */ var _apply_identity_modes_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(2698);
/* harmony import */ var _core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6883);
/* harmony import */ var _core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(3490);
/* harmony import */ var _aws_access_entry_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(6470);
/* harmony import */ var _kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(2111);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(4296);













class DriftFoundError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ProvisionError */ .uv {
    name = 'DriftFoundError';
}
async function runDrift(ctx) {
    const { config, report } = ctx;
    const session = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .openSession */ .fA)(ctx);
    const cluster = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .findCluster */ .KG)(session.aws, config.name, session.region);
    if (!cluster)
        report.warnings.push(`EKS cluster "${config.name}" was not found in ${session.region}; only the stacks are checked.`);
    // Pod Identity on a cluster that exists: the association first (its role adopted when someone else made it), then
    // the desired state built once from the facts. Its drift (an association missing or on another role) is reported
    // even where stack drift detection is not.
    const identity = ctx.offline.controllerIdentity === 'pod-identity' && cluster ? await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .readIdentity */ .xN)(ctx, session.aws) : undefined;
    const desired = (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .desiredFor */ .ER)(ctx, session.identity, cluster, identity?.adopt);
    (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .reportDesired */ .Bd)(ctx, desired);
    if (identity)
        await (0,_apply_identity_modes_js__WEBPACK_IMPORTED_MODULE_5__/* .driftIdentity */ .oA)(ctx, session.aws, desired, identity.state);
    const cfn = await session.aws.cfn();
    const endpoint = (0,_cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__/* .cloudFormationEndpoint */ .Il)(session.region);
    for (const spec of (0,_core_plan_pod_identity_state_js__WEBPACK_IMPORTED_MODULE_8__/* .stacksInUse */ ._p)(desired)) {
        const result = await (0,_cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__/* .detectStackDrift */ .Xh)(cfn, spec.name, (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .pollOptions */ .Oh)(ctx), endpoint);
        report.drift.push(...result.items);
        report.stacks.push({ stack: spec.name, action: result.status === 'DELETED' ? 'absent' : 'unchanged', status: result.status === 'DELETED' ? 'ABSENT' : `drift ${result.status}`, changes: [], failures: [] });
        if (result.partialReason)
            report.warnings.push(`drift detection on ${spec.name} did not check every resource: ${result.partialReason}`);
        report.steps.push(`stack ${spec.name}: ${result.status === 'DELETED' ? 'missing (drift)' : `drift status ${result.status}, ${result.items.length} drifted resource(s)`}`);
        if (result.status !== 'DELETED')
            await noteConfigChanges(ctx, cfn, spec);
    }
    if (cluster)
        await accessEntryDrift(ctx, session, desired, cluster);
    await clusterDrift(ctx, session, desired, cluster);
    const drifted = report.drift.length > 0;
    report.outputs['drifted'] = String(drifted);
    for (const item of report.drift) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`drift: ${item.source} ${[item.logicalId, item.resourceType].filter(Boolean).join(' ')} ${item.status}: ${item.differences.map(d => `${d.path} expected ${d.expected ?? '∅'} actual ${d.actual ?? '∅'}`).join('; ')}`);
    }
    if (!drifted) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)('drift: none found.');
        return;
    }
    if (ctx.inputs.failOnDrift)
        throw new DriftFoundError(`Drift found in ${report.drift.length} item(s) (see the summary); run apply to restore the configured state, or set fail-on-drift: false.`);
    (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e)(`Drift found in ${report.drift.length} item(s); not failing (fail-on-drift: false).`);
}
/** Not drift (CloudFormation's own view is), but worth a line: the config has moved on since the last apply. */
async function noteConfigChanges(ctx, cfn, spec) {
    try {
        const stack = await (0,_cfn_describe_js__WEBPACK_IMPORTED_MODULE_9__/* .describeStack */ .GO)(cfn, spec.name);
        if (!stack)
            return;
        const diffs = (0,_core_cfn_deploy_compare_js__WEBPACK_IMPORTED_MODULE_10__/* .stackDifferences */ .Lj)(stack, await (0,_cfn_describe_js__WEBPACK_IMPORTED_MODULE_9__/* .deployedTemplate */ .Bk)(cfn, spec.name), spec);
        if (diffs.length)
            ctx.report.steps.push(`stack ${spec.name}: the config differs from what was last applied (${diffs.map(d => d.detail).join('; ')}); run plan to see what apply would change`);
    }
    catch (err) {
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`could not compare stack ${spec.name} with the config: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .gJ)(err)}`);
    }
}
/** The node role's EKS access entry (when node access goes through access entries): missing or of another type is drift. */
async function accessEntryDrift(ctx, session, desired, cluster) {
    const { report } = ctx;
    if (nodeAccessMethod(desired, cluster) !== 'access-entry')
        return;
    const type = await (0,_aws_access_entry_js__WEBPACK_IMPORTED_MODULE_11__/* .describeNodeAccessEntry */ .cy)(await session.aws.eks(), cluster.name, desired.arns.nodeRole);
    const resource = `access-entry/${desired.arns.nodeRole}`;
    if (type === 'EC2_LINUX') {
        report.steps.push(`node access: access entry for ${desired.arns.nodeRole} present (EC2_LINUX)`);
        return;
    }
    report.drift.push({
        source: 'eks',
        logicalId: resource,
        resourceType: 'AccessEntry',
        status: type ? 'MODIFIED' : 'DELETED',
        differences: [type ? { path: 'type', expected: 'EC2_LINUX', actual: type, type: 'NOT_EQUAL' } : { path: '(resource)', expected: 'EC2_LINUX access entry', actual: 'deleted', type: 'REMOVE' }]
    });
    report.steps.push(`node access: access entry for ${desired.arns.nodeRole} ${type ? `has type ${type}` : 'missing'} (drift)`);
}
function nodeAccessMethod(desired, cluster) {
    if (!cluster)
        return 'none';
    try {
        return (0,_core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_12__/* .resolveNodeAccess */ .n)(desired.nodeAccess, cluster.authenticationMode).method;
    }
    catch {
        return 'none'; // the input does not fit the cluster: apply says so; drift has nothing to compare
    }
}
/** The node role's aws-auth mapping (when node access goes through aws-auth): missing, or without the node groups, is drift. */
async function awsAuthDrift(ctx, access, desired) {
    const { report } = ctx;
    const roleArn = desired.arns.nodeRole;
    const found = await (0,_kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .findAwsAuthMapping */ .Vm)(access.kube, roleArn);
    const missingGroups = found ? _kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .NODE_GROUPS */ .M_.filter(g => !found.groups.includes(g)) : [];
    if (found && missingGroups.length === 0) {
        report.steps.push(`node access: aws-auth maps ${found.rolearn}`);
        return;
    }
    report.drift.push({
        source: 'kube-system/aws-auth',
        logicalId: 'mapRoles',
        resourceType: 'ConfigMap',
        status: found ? 'MODIFIED' : 'DELETED',
        differences: found
            ? [{ path: `mapRoles[rolearn=${found.rolearn}].groups`, expected: _kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .NODE_GROUPS */ .M_.join(','), actual: found.groups.join(','), type: 'NOT_EQUAL' }]
            : [{ path: `mapRoles[rolearn=${roleArn}]`, expected: `${_kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .NODE_USERNAME */ .My} in ${_kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_6__/* .NODE_GROUPS */ .M_.join(', ')}`, actual: 'absent', type: 'REMOVE' }]
    });
    report.steps.push(`node access: aws-auth mapping for ${roleArn} ${found ? 'lacks groups' : 'missing'} (drift)`);
}
/** The Kubernetes half: the node role's aws-auth mapping (when used) and the chart (release missing, another version, other values). */
async function clusterDrift(ctx, session, desired, cluster) {
    const { report } = ctx;
    const checkAwsAuth = nodeAccessMethod(desired, cluster) === 'aws-auth';
    if (!ctx.inputs.installChart)
        report.steps.push('chart: not checked (install-chart: false — the chart is left to its owner)');
    if (!ctx.inputs.installChart && !checkAwsAuth)
        return;
    if (!cluster && !ctx.inputs.kubeconfig) {
        report.steps.push('chart: not checked (no cluster to reach)');
        return;
    }
    let access;
    try {
        access = await (0,_cluster_session_js__WEBPACK_IMPORTED_MODULE_4__/* .openCluster */ .D)(ctx, session.aws, cluster);
    }
    catch (err) {
        if (ctx.inputs.installChart)
            throw new Error(`drift: cannot reach cluster ${ctx.config.name} to check the chart: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .gJ)(err)}. Set install-chart: false to check the stacks only.`);
        // only the aws-auth mapping was to be read: say it was not checked, and why
        report.warnings.push(`node access: the aws-auth mapping was not checked, the cluster could not be reached: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .errorMessage */ .gJ)(err)}`);
        return;
    }
    try {
        if (checkAwsAuth)
            await awsAuthDrift(ctx, access, desired);
        if (ctx.inputs.installChart)
            await chartDrift(ctx, access, desired);
    }
    finally {
        await access.dispose();
    }
}
async function chartDrift(ctx, access, desired) {
    const { report } = ctx;
    const installed = await (0,_lifecycle_js__WEBPACK_IMPORTED_MODULE_3__/* .readInstalledChart */ .Pk)(ctx, access, desired);
    const diff = (0,_core_helm_diff_js__WEBPACK_IMPORTED_MODULE_2__/* .chartDiff */ .y)(installed.release, desired.helm, installed.extraValues);
    const source = 'helm';
    const resource = `${desired.helm.namespace}/${desired.helm.release}`;
    const items = [];
    if (!diff.installed) {
        items.push({ source, logicalId: resource, resourceType: 'HelmRelease', status: 'DELETED', differences: [{ path: 'release', expected: diff.wantedVersion, actual: 'not installed', type: 'REMOVE' }] });
    }
    else {
        const differences = [];
        if (diff.versionChanged)
            differences.push({ path: 'chart.version', expected: diff.wantedVersion, actual: diff.installedVersion, type: 'NOT_EQUAL' });
        if (diff.statusNote)
            differences.push({ path: 'status', expected: 'deployed', actual: installed.release?.status, type: 'NOT_EQUAL' });
        for (const v of diff.values)
            differences.push({ path: `values.${v.path}`, expected: v.expected, actual: v.actual, type: v.type });
        if (differences.length)
            items.push({ source, logicalId: resource, resourceType: 'HelmRelease', status: 'MODIFIED', differences });
    }
    report.drift.push(...items);
    report.steps.push(items.length ? `chart: ${resource} differs from the config` : `chart: ${resource} ${diff.installedVersion} matches the config`);
}


/***/ })

};
