export const id = 903;
export const ids = [903,598];
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

/***/ 244:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   UC: () => (/* binding */ findOidcProvider),
/* harmony export */   hb: () => (/* binding */ ensureOidcProvider)
/* harmony export */ });
/* unused harmony exports EKS_ROOT_CA_THUMBPRINT, STS_AUDIENCE, tlsThumbprint */
/* harmony import */ var _core_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2483);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1692);
/* harmony import */ var node_tls__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_tls__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7708);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);




const EKS_ROOT_CA_THUMBPRINT = '9e99a48a9960b14926bb7f3b02e22da2b0ab7280';
const STS_AUDIENCE = 'sts.amazonaws.com';
/** SHA-1 (hex, lower case, no colons) of the last certificate of the issuer's chain; undefined if unreachable. */
const tlsThumbprint = issuerUrl => new Promise(resolve => {
    let url;
    try {
        url = new URL(issuerUrl);
    }
    catch {
        return resolve(undefined); // not a URL: no thumbprint, as for an issuer that cannot be reached
    }
    const socket = (0,node_tls__WEBPACK_IMPORTED_MODULE_1__.connect)({ host: url.hostname, port: Number(url.port || 443), servername: url.hostname, timeout: 5000 });
    const done = (v) => {
        socket.destroy();
        resolve(v);
    };
    socket.once('secureConnect', () => {
        let cert = socket.getPeerCertificate(true);
        // walk to the top of the chain (a self-signed cert is its own issuer)
        while (cert?.issuerCertificate && cert.issuerCertificate !== cert && cert.issuerCertificate.fingerprint)
            cert = cert.issuerCertificate;
        done(cert?.fingerprint ? cert.fingerprint.replace(/:/g, '').toLowerCase() : undefined);
    });
    socket.once('timeout', () => done(undefined));
    socket.once('error', () => done(undefined));
});
async function findOidcProvider(iam, issuerUrl) {
    const { ListOpenIDConnectProvidersCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    const want = `:oidc-provider/${(0,_core_names_js__WEBPACK_IMPORTED_MODULE_0__/* .issuerHostPath */ .rw)(issuerUrl)}`;
    const out = await iam.send(new ListOpenIDConnectProvidersCommand({}));
    return out.OpenIDConnectProviderList?.map(p => p.Arn ?? '').find(arn => arn.endsWith(want));
}
async function ensureOidcProvider(iam, issuerUrl, opts = { cluster: '' }) {
    // found: the look-up made already (apply makes it alongside its other reads, before any change)
    const existing = opts.found ? opts.found.arn : await findOidcProvider(iam, issuerUrl);
    if (existing)
        return { arn: existing, created: false };
    const { CreateOpenIDConnectProviderCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    const thumb = (await (opts.thumbprint ?? tlsThumbprint)(issuerUrl)) ?? EKS_ROOT_CA_THUMBPRINT;
    try {
        const out = await iam.send(new CreateOpenIDConnectProviderCommand({
            Url: issuerUrl,
            ClientIDList: [STS_AUDIENCE],
            ThumbprintList: [thumb],
            Tags: opts.cluster ? [{ Key: 'alpha.eksctl.io/cluster-name', Value: opts.cluster }] : undefined
        }));
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq)(`Created IAM OIDC provider ${out.OpenIDConnectProviderArn} for ${issuerUrl}.`);
        return { arn: out.OpenIDConnectProviderArn ?? '', created: true };
    }
    catch (err) {
        // another run created it between our list and create: that is the state we wanted
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isAwsError */ .m_)(err, 'EntityAlreadyExistsException')) {
            const arn = await findOidcProvider(iam, issuerUrl);
            if (arn)
                return { arn, created: false };
        }
        throw err;
    }
}


/***/ }),

/***/ 9062:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MV: () => (/* binding */ detachRolePolicies),
/* harmony export */   Y8: () => (/* binding */ attachRolePolicies),
/* harmony export */   Zx: () => (/* binding */ rolePolicyArns),
/* harmony export */   j7: () => (/* binding */ requirePoliciesExist)
/* harmony export */ });
/* harmony import */ var _core_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2483);
/* harmony import */ var _preflight_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7610);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);



/** GetPolicy for each ARN (AWS-managed ones too); throws one PreflightError naming every missing one. */
async function requirePoliciesExist(iam, arns) {
    const { GetPolicyCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    const missing = [];
    for (const arn of arns) {
        try {
            await iam.send(new GetPolicyCommand({ PolicyArn: arn }));
        }
        catch (err) {
            if (!(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsError */ .m_)(err, 'NoSuchEntityException'))
                throw err;
            missing.push(arn);
        }
    }
    if (missing.length > 0) {
        throw new _preflight_js__WEBPACK_IMPORTED_MODULE_1__/* .PreflightError */ .wG(`iam.podIdentityAssociations permissionPolicyARNs: ${missing.length === 1 ? 'this policy does' : 'these policies do'} not exist: ${missing.join(', ')}. ` +
            'Create them first or fix the ARNs (AWS-managed policies are arn:aws:iam::aws:policy/<name>). Nothing was changed.');
    }
}
async function attachedPolicies(iam, roleName) {
    const { ListAttachedRolePoliciesCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    const out = new Set();
    let marker;
    do {
        const page = await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: roleName, Marker: marker }));
        for (const p of page.AttachedPolicies ?? [])
            if (p.PolicyArn)
                out.add(p.PolicyArn);
        marker = page.IsTruncated ? page.Marker : undefined;
    } while (marker);
    return out;
}
/** The role's attached policy ARNs, or undefined when the role does not exist. */
async function attachedIfRoleExists(iam, roleName) {
    try {
        return await attachedPolicies(iam, roleName);
    }
    catch (err) {
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsError */ .m_)(err, 'NoSuchEntityException'))
            return undefined;
        throw err;
    }
}
/** Attaches what is not attached yet; returns what it attached (empty on a re-run). */
async function attachRolePolicies(iam, roleArn, policyArns) {
    const { AttachRolePolicyCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    const roleName = (0,_core_names_js__WEBPACK_IMPORTED_MODULE_0__/* .roleNameFromArn */ .Zq)(roleArn);
    const have = await attachedIfRoleExists(iam, roleName);
    if (!have) {
        throw new _preflight_js__WEBPACK_IMPORTED_MODULE_1__/* .PreflightError */ .wG(`the Pod Identity role ${roleArn} does not exist: create it, or fix iam.podIdentityAssociations roleARN (without roleARN this tool creates the role in its Pod Identity stack).`);
    }
    const attached = [];
    for (const arn of policyArns) {
        if (have.has(arn))
            continue;
        await iam.send(new AttachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn }));
        attached.push(arn);
    }
    return attached;
}
/** Detaches these policies where attached (the role may be gone already); returns what it detached. */
async function detachRolePolicies(iam, roleArn, policyArns) {
    const { DetachRolePolicyCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    const roleName = (0,_core_names_js__WEBPACK_IMPORTED_MODULE_0__/* .roleNameFromArn */ .Zq)(roleArn);
    const have = await attachedIfRoleExists(iam, roleName);
    if (!have)
        return [];
    const detached = [];
    for (const arn of policyArns) {
        if (!have.has(arn))
            continue;
        try {
            await iam.send(new DetachRolePolicyCommand({ RoleName: roleName, PolicyArn: arn }));
            detached.push(arn);
        }
        catch (err) {
            if (!(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .isAwsError */ .m_)(err, 'NoSuchEntityException'))
                throw err;
        }
    }
    return detached;
}
/** Read-only (plan, drift): the policy ARNs attached to the role, or null when the role does not exist. */
async function rolePolicyArns(iam, roleArn) {
    const have = await attachedIfRoleExists(iam, (0,_core_names_js__WEBPACK_IMPORTED_MODULE_0__/* .roleNameFromArn */ .Zq)(roleArn));
    return have ? [...have] : null;
}


/***/ }),

/***/ 2117:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gl: () => (/* binding */ isPodIdentityApiMissing),
/* harmony export */   TB: () => (/* binding */ deleteOwnAssociation),
/* harmony export */   Zo: () => (/* binding */ findAssociation),
/* harmony export */   yD: () => (/* binding */ ensureAssociation)
/* harmony export */ });
/* unused harmony exports OWNER_TAG, OWNER_TAG_VALUE */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/** Tag this tool puts on the associations it creates; update and delete check it first. */
const OWNER_TAG = 'karpenter-provision/managed';
const OWNER_TAG_VALUE = 'true';
/** ListPodIdentityAssociations (filtered by namespace and service account) + Describe for the role and tags. */
async function findAssociation(eks, cluster, namespace, serviceAccount) {
    const { ListPodIdentityAssociationsCommand, DescribePodIdentityAssociationCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    let nextToken;
    do {
        const page = await eks.send(new ListPodIdentityAssociationsCommand({ clusterName: cluster, namespace, serviceAccount, nextToken }));
        const found = page?.associations?.find(a => a.namespace === namespace && a.serviceAccount === serviceAccount && a.associationId);
        if (found?.associationId) {
            const association = (await eks.send(new DescribePodIdentityAssociationCommand({ clusterName: cluster, associationId: found.associationId })))?.association;
            const tags = association?.tags ?? {};
            return {
                id: found.associationId,
                arn: association?.associationArn ?? found.associationArn,
                roleArn: association?.roleArn ?? '',
                tags,
                ours: tags[OWNER_TAG] === OWNER_TAG_VALUE
            };
        }
        nextToken = page?.nextToken;
    } while (nextToken);
    return undefined;
}
/**
 * Idempotent: none → create (tagged as ours); ours on another role → update; someone else's on another role →
 * kept (the desired state should already have adopted its role, so this only happens when it did not).
 */
async function ensureAssociation(eks, target, existing) {
    const { CreatePodIdentityAssociationCommand, UpdatePodIdentityAssociationCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    if (!existing) {
        const r = await eks.send(new CreatePodIdentityAssociationCommand({
            clusterName: target.cluster,
            namespace: target.namespace,
            serviceAccount: target.serviceAccount,
            roleArn: target.roleArn,
            tags: { ...target.tags, [OWNER_TAG]: OWNER_TAG_VALUE }
        }));
        return { action: 'created', id: r.association?.associationId ?? '' };
    }
    if (existing.roleArn === target.roleArn)
        return { action: 'unchanged', id: existing.id };
    if (!existing.ours)
        return { action: 'kept-foreign', id: existing.id, roleArn: existing.roleArn };
    await eks.send(new UpdatePodIdentityAssociationCommand({ clusterName: target.cluster, associationId: existing.id, roleArn: target.roleArn }));
    return { action: 'updated', id: existing.id, previousRoleArn: existing.roleArn };
}
/** delete: only an association this tool made; a missing one is fine (delete runs twice). */
async function deleteOwnAssociation(eks, cluster, existing) {
    if (!existing)
        return 'absent';
    if (!existing.ours)
        return 'kept-foreign';
    const { DeletePodIdentityAssociationCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    try {
        await eks.send(new DeletePodIdentityAssociationCommand({ clusterName: cluster, associationId: existing.id }));
    }
    catch (err) {
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'ResourceNotFoundException'))
            return 'absent';
        throw err;
    }
    return 'deleted';
}
/** True when the EKS endpoint does not serve the Pod Identity API at all (HTTP 404 without an EKS error code). */
function isPodIdentityApiMissing(err) {
    return (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .nG)(err) === 404 && !(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'ResourceNotFoundException');
}


/***/ }),

/***/ 7610:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K$: () => (/* binding */ describeCluster),
/* harmony export */   Mz: () => (/* binding */ preflight),
/* harmony export */   NG: () => (/* binding */ refuseAutoMode),
/* harmony export */   R7: () => (/* binding */ requireIssuer),
/* harmony export */   ZN: () => (/* binding */ checkInstanceProfileFree),
/* harmony export */   oV: () => (/* binding */ ClusterNotFoundError),
/* harmony export */   wG: () => (/* binding */ PreflightError),
/* harmony export */   zc: () => (/* binding */ checkCluster)
/* harmony export */ });
/* harmony import */ var _core_names_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(2483);
/* harmony import */ var _core_karpenter_compatibility_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8032);
/* harmony import */ var _core_karpenter_version_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9028);
/* harmony import */ var _core_karpenter_unsupported_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1027);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4296);





class PreflightError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ProvisionError */ .uv {
    name = 'PreflightError';
}
/** DescribeCluster said ResourceNotFound: fatal for apply, a normal state for delete. */
class ClusterNotFoundError extends PreflightError {
    name = 'ClusterNotFoundError';
}
async function describeCluster(eks, name, region) {
    const { DescribeClusterCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19));
    try {
        const { cluster } = await eks.send(new DescribeClusterCommand({ name }));
        if (!cluster)
            throw new PreflightError(`EKS DescribeCluster returned nothing for cluster "${name}" in ${region}`);
        return {
            name,
            region,
            arn: cluster.arn,
            status: cluster.status ?? 'UNKNOWN',
            version: cluster.version ?? '',
            endpoint: cluster.endpoint,
            certificateAuthority: cluster.certificateAuthority?.data,
            oidcIssuer: cluster.identity?.oidc?.issuer || undefined,
            authenticationMode: cluster.accessConfig?.authenticationMode,
            autoMode: cluster.computeConfig?.enabled === true
        };
    }
    catch (err) {
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isAwsError */ .m_)(err, 'ResourceNotFoundException')) {
            throw new ClusterNotFoundError(`EKS cluster "${name}" was not found in region ${region}. This action gives an existing cluster Karpenter: ` +
                'create the cluster first (`eksctl create cluster -f <file>`), or check metadata.name, metadata.region and the aws-region input.');
        }
        throw err;
    }
}
/** Checks the cluster against the config's Karpenter version; returns warnings, throws PreflightError. */
function checkCluster(cluster, karpenterVersion, configK8sVersion) {
    const warnings = [];
    if (cluster.status !== 'ACTIVE') {
        throw new PreflightError(`EKS cluster "${cluster.name}" in ${cluster.region} is ${cluster.status}, not ACTIVE; ` +
            'wait for it to become ACTIVE (`aws eks wait cluster-active --name ' + cluster.name + '`) and re-run.');
    }
    const kv = (0,_core_karpenter_version_js__WEBPACK_IMPORTED_MODULE_2__/* .parseVersion */ .ot)(karpenterVersion);
    if (!kv)
        throw new PreflightError(`karpenter.version "${karpenterVersion}" is not a semantic version`);
    const support = (0,_core_karpenter_compatibility_js__WEBPACK_IMPORTED_MODULE_1__/* .kubernetesSupport */ .w3)(kv, cluster.version);
    if (support === 'unsupported') {
        const range = (0,_core_karpenter_compatibility_js__WEBPACK_IMPORTED_MODULE_1__/* .kubernetesRange */ .aL)(kv);
        const minimum = (0,_core_karpenter_compatibility_js__WEBPACK_IMPORTED_MODULE_1__/* .minimumKarpenterFor */ .i)(cluster.version);
        throw new PreflightError(`EKS cluster "${cluster.name}" runs Kubernetes ${cluster.version}, which Karpenter ${karpenterVersion} does not support` +
            (range ? ` (it supports ${range.min}–${range.max})` : '') +
            (minimum ? `; use karpenter.version ${minimum} or newer.` : '.'));
    }
    if (support === 'unknown-karpenter') {
        warnings.push(`Karpenter ${karpenterVersion} is newer than the known compatibility matrix; not checking Kubernetes ${cluster.version} against it.`);
    }
    if (configK8sVersion && configK8sVersion !== cluster.version) {
        warnings.push(`metadata.version is ${configK8sVersion} but cluster "${cluster.name}" runs Kubernetes ${cluster.version}; the cluster's version was checked.`);
    }
    return warnings;
}
/** Every mode that reaches the cluster stops on an EKS Auto Mode cluster, before any change. */
function refuseAutoMode(cluster) {
    if (cluster.autoMode)
        throw new PreflightError((0,_core_karpenter_unsupported_js__WEBPACK_IMPORTED_MODULE_4__/* .autoModeClusterRefusal */ .Zp)(cluster.name, cluster.region));
}
/** IRSA needs the cluster's OIDC issuer; Pod Identity does not. */
function requireIssuer(cluster) {
    if (!cluster.oidcIssuer) {
        throw new PreflightError(`EKS cluster "${cluster.name}" has no OIDC issuer, which IRSA needs. Use Pod Identity (controller-identity: pod-identity) ` +
            'or give the cluster an issuer.');
    }
    return cluster.oidcIssuer;
}
async function preflight(eks, opts) {
    const cluster = await describeCluster(eks, opts.cluster, opts.region);
    refuseAutoMode(cluster);
    return { cluster, warnings: checkCluster(cluster, opts.karpenterVersion, opts.configK8sVersion) };
}
/** Karpenter stacks looked through for the owner of an instance profile when AWS's lookup by physical id answers nothing. */
const MAX_OWNER_CANDIDATES = 50;
const LIVE_STACK_STATUSES = [
    'CREATE_IN_PROGRESS', 'CREATE_FAILED', 'CREATE_COMPLETE', 'ROLLBACK_IN_PROGRESS', 'ROLLBACK_FAILED', 'ROLLBACK_COMPLETE',
    'DELETE_IN_PROGRESS', 'DELETE_FAILED', 'UPDATE_IN_PROGRESS', 'UPDATE_COMPLETE_CLEANUP_IN_PROGRESS', 'UPDATE_COMPLETE',
    'UPDATE_FAILED', 'UPDATE_ROLLBACK_IN_PROGRESS', 'UPDATE_ROLLBACK_FAILED', 'UPDATE_ROLLBACK_COMPLETE_CLEANUP_IN_PROGRESS',
    'UPDATE_ROLLBACK_COMPLETE', 'REVIEW_IN_PROGRESS', 'IMPORT_IN_PROGRESS', 'IMPORT_COMPLETE', 'IMPORT_ROLLBACK_IN_PROGRESS',
    'IMPORT_ROLLBACK_FAILED', 'IMPORT_ROLLBACK_COMPLETE'
];
const ownsProfile = (profile) => (r) => r.ResourceType === 'AWS::IAM::InstanceProfile' && r.PhysicalResourceId === profile;
/** The stack in this region whose resources include instance profile `profile`, if any. */
async function instanceProfileOwner(cfn, profile, ownStack) {
    const { DescribeStackResourcesCommand, ListStacksCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const resourcesOf = async (input) => {
        try {
            return (await cfn.send(new DescribeStackResourcesCommand(input))).StackResources ?? [];
        }
        catch (err) {
            // ValidationError: no such stack, or no stack owns that resource; AccessDenied: a stack we may not read
            if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isAwsError */ .m_)(err, 'ValidationError', 'AccessDenied', 'AccessDeniedException'))
                return [];
            throw err;
        }
    };
    // a re-apply: this cluster's own stack owns it (one call)
    if ((await resourcesOf({ StackName: ownStack })).some(ownsProfile(profile)))
        return ownStack;
    const byId = (await resourcesOf({ PhysicalResourceId: profile })).find(ownsProfile(profile))?.StackName;
    if (byId)
        return byId;
    // Look through this region's Karpenter stacks: the usual owner is another cluster's.
    const candidates = [];
    let token;
    do {
        const page = await cfn.send(new ListStacksCommand({ StackStatusFilter: [...LIVE_STACK_STATUSES], NextToken: token }));
        for (const s of page.StackSummaries ?? [])
            if (s.StackName && s.StackName !== ownStack && (0,_core_names_js__WEBPACK_IMPORTED_MODULE_0__/* .isKarpenterStackName */ .iX)(s.StackName))
                candidates.push(s.StackName);
        token = page.NextToken;
    } while (token && candidates.length < MAX_OWNER_CANDIDATES);
    for (const stack of candidates.slice(0, MAX_OWNER_CANDIDATES)) {
        if ((await resourcesOf({ StackName: stack })).some(ownsProfile(profile)))
            return stack;
    }
    return undefined;
}
/**
 * Instance profile names are account-wide: a second cluster whose config copies another's
 * `defaultInstanceProfile` would fail in CloudFormation with "already exists" after changing other things.
 * Refuses (PreflightError) when the profile exists and this cluster's Karpenter stack does not own it.
 */
async function checkInstanceProfileFree(iam, cfn, opts) {
    const { GetInstanceProfileCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19));
    try {
        await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: opts.profile }));
    }
    catch (err) {
        if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .isAwsError */ .m_)(err, 'NoSuchEntityException', 'NoSuchEntity'))
            return;
        throw err;
    }
    const owner = await instanceProfileOwner(cfn, opts.profile, opts.stack);
    if (owner === opts.stack)
        return;
    const whose = owner
        ? `belongs to CloudFormation stack ${owner}`
        : `is not part of stack ${opts.stack}, and no CloudFormation stack in ${opts.region} owns it (a stack in another region, or made by hand)`;
    throw new PreflightError(`IAM instance profile "${opts.profile}" (${opts.configKey}) already exists and ${whose}. Instance profile names are ` +
        `account-wide, so each cluster needs its own: set karpenter.defaultInstanceProfile to a name for this cluster ` +
        `(e.g. KarpenterNodeInstanceProfile-${opts.cluster}), or leave it out to get ${(0,_core_names_js__WEBPACK_IMPORTED_MODULE_0__/* .defaultInstanceProfileName */ .Fg)(opts.cluster)}.`);
}


/***/ }),

/***/ 3370:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LT: () => (/* binding */ isInProgress),
/* harmony export */   YK: () => (/* binding */ waitForStackSettled),
/* harmony export */   g3: () => (/* binding */ pollUntil),
/* harmony export */   mW: () => (/* binding */ StackTimeoutError)
/* harmony export */ });
/* unused harmony exports STACK_EVENTS_POLL_MS, STACK_DESCRIBE_BACKSTOP_MS, isClosingEvent */
/* harmony import */ var _runner_wait_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4565);
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3948);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);



class StackTimeoutError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvisionError */ .uv {
    name = 'StackTimeoutError';
}
function isInProgress(status) {
    return !!status && status.endsWith('_IN_PROGRESS');
}
/** How often a stack this run changes is looked at (one DescribeStackEvents call each time). */
const STACK_EVENTS_POLL_MS = 1_000;
/** DescribeStacks at least this often while watching events, in case a closing event is missed. */
const STACK_DESCRIBE_BACKSTOP_MS = 10_000;
/**
 * The stack's own event for the end of its operation: `CREATE_COMPLETE`, `UPDATE_ROLLBACK_COMPLETE`, `*_FAILED`…
 * `stack` is its name or its id (the stack's own events carry the name as logical id, the id as physical id).
 */
function isClosingEvent(e, stack) {
    return e.ResourceType === 'AWS::CloudFormation::Stack' && (e.LogicalResourceId === stack || e.PhysicalResourceId === stack) && !isInProgress(e.ResourceStatus);
}
/**
 * Polls `check` until it returns a value, sleeping in between: no jitter, from 1 s growing by 1.6 up to 10 s
 * unless the caller sets the cadence (runner/wait.ts's one poll loop).
 */
async function pollUntil(check, opts, what) {
    const backoff = { baseMs: opts.pollStartMs ?? 1_000, maxMs: opts.pollCapMs ?? 10_000, factor: 1.6, jitter: 'none' };
    return (0,_runner_wait_js__WEBPACK_IMPORTED_MODULE_1__/* .pollLoop */ .A8)(() => check(), { ...opts, backoff }, () => new StackTimeoutError(`timed out waiting for ${what()}`));
}
/**
 * Waits until the stack is no longer *_IN_PROGRESS (REVIEW_IN_PROGRESS counts as settled: nothing is
 * running there). Prints new events as they come. Returns the settled stack, or undefined once deleted.
 * With an event log, looks every second and asks DescribeStacks only on a closing event or after 10 s;
 * without one, DescribeStacks with backoff.
 */
async function waitForStackSettled(cfn, name, opts, events) {
    let last;
    // Looks are counted rather than timed, so the backstop holds whatever the clock and sleep are.
    let looks = 0;
    const cadence = events
        ? { ...opts, pollStartMs: opts.pollStartMs ?? STACK_EVENTS_POLL_MS, pollCapMs: opts.pollCapMs ?? STACK_EVENTS_POLL_MS }
        : opts;
    return pollUntil(async () => {
        if (events) {
            const fresh = await events.poll();
            // DescribeStacks on the first look (an operation may have ended before its events could be read, or an
            // endpoint may keep no events), on the closing event, every 10th look as a backstop, and on the last
            // look before the timeout (so a timeout is never declared on an old status).
            const backstop = looks++ % Math.round(STACK_DESCRIBE_BACKSTOP_MS / STACK_EVENTS_POLL_MS) === 0;
            const lastLook = opts.deadline - (opts.now ?? Date.now)() <= (cadence.pollCapMs ?? STACK_EVENTS_POLL_MS);
            if (!backstop && !lastLook && !fresh.some(e => isClosingEvent(e, name)))
                return undefined;
        }
        last = await (0,_describe_js__WEBPACK_IMPORTED_MODULE_2__/* .describeStack */ .GO)(cfn, name);
        if (!last)
            return { stack: undefined };
        if (last.StackStatus === 'DELETE_COMPLETE')
            return { stack: undefined };
        if (!isInProgress(last.StackStatus) || last.StackStatus === 'REVIEW_IN_PROGRESS') {
            await events?.poll();
            return { stack: last };
        }
        return undefined;
    }, cadence, () => `stack ${name} (still ${last?.StackStatus ?? 'unknown'})`);
}


/***/ }),

/***/ 3948:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bk: () => (/* binding */ deployedTemplate),
/* harmony export */   DT: () => (/* binding */ describeChanges),
/* harmony export */   GO: () => (/* binding */ describeStack),
/* harmony export */   fH: () => (/* binding */ isMissingStack),
/* harmony export */   lj: () => (/* binding */ describeChangeSetPage),
/* harmony export */   vJ: () => (/* binding */ refusesPropertyValues)
/* harmony export */ });
/* unused harmony exports toResourceChange, withPropertyValues */
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);

/** The stack, or undefined when no stack of that name exists (deleted stacks are not returned by name). */
async function describeStack(cfn, name) {
    const { DescribeStacksCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    try {
        const out = await cfn.send(new DescribeStacksCommand({ StackName: name }));
        return out.Stacks?.[0];
    }
    catch (err) {
        if (isMissingStack(err))
            return undefined;
        throw err;
    }
}
function isMissingStack(err) {
    return (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'ValidationError', 'ValidationException') && /does not exist/i.test((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err));
}
/** The deployed template body (as CloudFormation stored it), or undefined for a stack without one. */
async function deployedTemplate(cfn, name) {
    const { GetTemplateCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    const out = await cfn.send(new GetTemplateCommand({ StackName: name, TemplateStage: 'Original' }));
    return out.TemplateBody;
}
function toResourceChange(c) {
    const rc = c.ResourceChange;
    if (!rc)
        return undefined;
    const details = (rc.Details ?? [])
        .map(d => [d.Target?.Attribute, d.Target?.Name].filter(Boolean).join('.'))
        .filter(s => s.length > 0);
    return {
        action: rc.Action ?? 'Unknown',
        logicalId: rc.LogicalResourceId ?? '',
        resourceType: rc.ResourceType ?? '',
        ...(rc.Replacement ? { replacement: rc.Replacement } : {}),
        ...(details.length ? { details: [...new Set(details)] } : {})
    };
}
/** An endpoint that does not know `IncludePropertyValues` (2024) refuses the request as invalid. */
function refusesPropertyValues(err) {
    return (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'ValidationError', 'ValidationException');
}
async function describeChangeSetPage(cfn, stackName, changeSetName, withValues, token) {
    const { DescribeChangeSetCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
    return cfn.send(new DescribeChangeSetCommand({ StackName: stackName, ChangeSetName: changeSetName, NextToken: token, ...(withValues ? { IncludePropertyValues: true } : {}) }));
}
/**
 * Every resource change of a change set (all pages), with property values where the API gives them
 * (`IncludePropertyValues`, 2024); an endpoint that refuses the flag is asked again without it. `first`: the
 * page the wait for the change set already read (waitForChangeSet), not asked for again.
 */
async function describeChanges(cfn, stackName, changeSetName, first) {
    if (first)
        return pages(cfn, stackName, changeSetName, first.withValues, first.page);
    try {
        return await pages(cfn, stackName, changeSetName, true);
    }
    catch (err) {
        if (!refusesPropertyValues(err))
            throw err;
        return pages(cfn, stackName, changeSetName, false);
    }
}
async function pages(cfn, stackName, changeSetName, withValues, first) {
    const out = [];
    let page = first ?? (await describeChangeSetPage(cfn, stackName, changeSetName, withValues));
    for (;;) {
        for (const c of page.Changes ?? []) {
            const rc = withPropertyValues(c);
            if (rc)
                out.push(rc);
        }
        if (!page.NextToken)
            return out;
        page = await describeChangeSetPage(cfn, stackName, changeSetName, withValues, page.NextToken);
    }
}
const MAX_VALUE = 120;
function short(v) {
    if (v === undefined)
        return '∅';
    return v.length > MAX_VALUE ? `${v.slice(0, MAX_VALUE)}…` : v;
}
/** toResourceChange, with "path: before → after" in details when the change set carries values. */
function withPropertyValues(c) {
    const rc = toResourceChange(c);
    if (!rc)
        return undefined;
    const valued = (c.ResourceChange?.Details ?? [])
        .filter(d => d.Target?.BeforeValue !== undefined || d.Target?.AfterValue !== undefined)
        .map(d => `${d.Target?.Path ?? d.Target?.Name ?? d.Target?.Attribute}: ${short(d.Target?.BeforeValue)} → ${short(d.Target?.AfterValue)}`);
    if (valued.length)
        rc.details = [...new Set(valued)];
    return rc;
}


/***/ }),

/***/ 7878:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IA: () => (/* binding */ isNotImplemented),
/* harmony export */   Il: () => (/* binding */ cloudFormationEndpoint),
/* harmony export */   Xh: () => (/* binding */ detectStackDrift),
/* harmony export */   tP: () => (/* binding */ DriftDetectionUnavailableError)
/* harmony export */ });
/* unused harmony export resourceDrifts */
/* harmony import */ var _describe_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3948);
/* harmony import */ var _deploy_wait_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3370);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);



class DriftDetectionUnavailableError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvisionError */ .uv {
    endpoint;
    cause;
    name = 'DriftDetectionUnavailableError';
    constructor(endpoint, cause) {
        super(`CloudFormation drift detection is not available at ${endpoint} (${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .awsErrorName */ .ZH)(cause) ?? 'error'}: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(cause)}). ` +
            'Run drift against an AWS CloudFormation endpoint that implements DetectStackDrift.');
        this.endpoint = endpoint;
        this.cause = cause;
    }
}
/** Where the CloudFormation client sends requests, for the message: the configured override or AWS's own. */
function cloudFormationEndpoint(region, env = process.env) {
    return env.AWS_ENDPOINT_URL_CLOUDFORMATION ?? env.AWS_ENDPOINT_URL ?? `https://cloudformation.${region}.amazonaws.com`;
}
/** An endpoint without the action: NotImplemented / UnknownOperation / InvalidAction, HTTP 501, or a message saying it is not implemented. */
function isNotImplemented(err) {
    if (!err || typeof err !== 'object')
        return false;
    if ((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .isAwsError */ .m_)(err, 'NotImplemented', 'NotImplementedError', 'UnknownOperation', 'UnknownOperationException', 'InvalidAction'))
        return true;
    if (/not (yet )?(been )?implemented/i.test((0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err)))
        return true;
    return (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .nG)(err) === 501;
}
async function detectStackDrift(cfn, stackName, poll, endpoint) {
    const { DetectStackDriftCommand, DescribeStackDriftDetectionStatusCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
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
        if (isNotImplemented(err) || (0,_core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .httpStatus */ .nG)(err) === 500) {
            throw new DriftDetectionUnavailableError(endpoint, err);
        }
        throw err;
    }
    if (!detectionId)
        throw new Error(`DetectStackDrift on ${stackName} returned no detection id`);
    const done = await (0,_deploy_wait_js__WEBPACK_IMPORTED_MODULE_2__/* .pollUntil */ .g3)(async () => {
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
    const { DescribeStackResourceDriftsCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19));
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

/***/ 3915:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ backoffDelay)
/* harmony export */ });
/* unused harmony export backoffCeiling */
// The one backoff of this tool: the delay before the next try or look. Each caller keeps its own numbers
// (docs/design.md, "Retries"): AWS calls full jitter from 500 ms (the SDK's style), Kubernetes requests and waits
// half jitter (never zero, parallel runs spread out), CloudFormation waits no jitter growing by 1.6 from 1 s (the
// stack-event watch looks exactly once a second). Pure: the random source is a parameter; src/runner/wait.ts
// holds the one retry loop and the one poll loop that sleep between tries.
/** The ceiling before try `attempt` (0-based): base·factor^attempt, rounded up at each step, capped at maxMs. */
function backoffCeiling(attempt, b) {
    const factor = b.factor ?? 2;
    let d = b.baseMs;
    for (let i = 0; i < attempt && d < b.maxMs; i++)
        d = Math.ceil(d * factor);
    return Math.min(d, b.maxMs);
}
/** Delay before try `attempt` (0-based). `random` returns 0 ≤ r < 1. */
function backoffDelay(attempt, b, random = Math.random) {
    const ceiling = backoffCeiling(attempt, b);
    switch (b.jitter ?? 'half') {
        case 'full':
            return Math.max(1, Math.floor(random() * ceiling));
        case 'none':
            return ceiling;
        case 'half':
            return Math.round(ceiling / 2 + random() * (ceiling / 2));
    }
}


/***/ }),

/***/ 7532:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   n: () => (/* binding */ stackExists)
/* harmony export */ });
/** A stack exists (in any state but DELETE_COMPLETE). */
function stackExists(facts, name) {
    const s = facts.stacks[name];
    return s?.status !== undefined && s.status !== 'DELETE_COMPLETE';
}


/***/ }),

/***/ 7757:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ latestRelease),
/* harmony export */   c: () => (/* binding */ runningVersion)
/* harmony export */ });
// The installed Karpenter release as its Helm release record says (read by src/kube/helm-release.ts, compared by
// ./diff.ts, guarded by core/karpenter/upgrade.ts). Pure: which stored revision counts.
/** States in which `helm list` does not show a release: it is not installed. */
const GONE = new Set(['uninstalled', 'uninstalling']);
/** The latest revision of `name` (helm list's view), with the version the newest deployed revision ran. */
function latestRelease(stored, name) {
    const revisions = stored.filter(r => r.name === name).sort((a, b) => b.version - a.version);
    const latest = revisions[0];
    if (!latest || GONE.has(latest.info?.status ?? ''))
        return undefined;
    const release = {
        name: latest.name,
        namespace: latest.namespace,
        version: latest.chart?.metadata?.version ?? '',
        chart: latest.chart?.metadata?.name ?? '',
        revision: String(latest.version),
        status: latest.info?.status ?? 'unknown',
        values: latest.config ?? {}
    };
    if (latest.chart?.metadata?.appVersion)
        release.appVersion = latest.chart.metadata.appVersion;
    const deployed = revisions.find(r => r.info?.status === 'deployed');
    const deployedVersion = deployed?.chart?.metadata?.version;
    if (deployed && deployed !== latest && deployedVersion)
        release.deployedVersion = deployedVersion;
    return release;
}
/** The version the upgrade guard moves from: what the cluster runs (the newest deployed revision's chart). */
function runningVersion(release) {
    return release.deployedVersion ?? release.version;
}


/***/ }),

/***/ 1565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ identityState),
/* harmony export */   u: () => (/* binding */ roleToAdopt)
/* harmony export */ });
/* harmony import */ var _facts_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7532);

/**
 * The previous identity: the other one's traces. For Pod Identity, the IRSA stack; for IRSA, an association this
 * tool made or the Pod Identity stack (an association someone else made is theirs and stays; IRSA wins over it).
 */
function identityState(facts, names, wanted) {
    const state = {
        irsaStackExists: (0,_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .stackExists */ .n)(facts, names.irsaStack),
        podIdentityStackExists: (0,_facts_js__WEBPACK_IMPORTED_MODULE_0__/* .stackExists */ .n)(facts, names.podIdentityStack)
    };
    if (facts.association)
        state.association = facts.association;
    if (facts.podIdentityApiMissing)
        state.podIdentityApiMissing = true;
    if (wanted === 'pod-identity' && state.irsaStackExists)
        state.previous = 'irsa';
    // A Pod Identity stack whose role someone else's association uses (eksctl made both from the same file) is
    // not this tool's to retire; an association this tool made, or the stack alone, is.
    const foreign = state.association !== undefined && !state.association.ours;
    if (wanted === 'irsa' && (state.association?.ours || (state.podIdentityStackExists && !foreign)))
        state.previous = 'pod-identity';
    return state;
}
/** The role of an existing association to adopt: one this tool did not make (docs/design.md, "Controller identity": "adopted as it is"). */
function roleToAdopt(state) {
    return state.association && !state.association.ours && state.association.roleArn ? state.association.roleArn : undefined;
}


/***/ }),

/***/ 3490:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M_: () => (/* binding */ NODE_GROUPS),
/* harmony export */   My: () => (/* binding */ NODE_USERNAME),
/* harmony export */   f$: () => (/* binding */ nodeGroups),
/* harmony export */   g$: () => (/* binding */ WINDOWS_NODE_GROUPS),
/* harmony export */   nL: () => (/* binding */ resolveNodeAccess),
/* harmony export */   oT: () => (/* binding */ includesApi),
/* harmony export */   w5: () => (/* binding */ NODE_ACCESS_ENTRY_TYPE)
/* harmony export */ });
/* harmony import */ var _karpenter_unsupported_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1027);
/* harmony import */ var _karpenter_windows_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1577);


/** The access entry type that lets the node role's instances join as nodes. */
const NODE_ACCESS_ENTRY_TYPE = 'EC2_LINUX';
/** The aws-auth mapping of the node role: its username and groups (eksctl's, for node groups). */
const NODE_USERNAME = 'system:node:{{EC2PrivateDNSName}}';
const NODE_GROUPS = ['system:bootstrappers', 'system:nodes'];
/** A node role that also launches Windows nodes: eksctl's groups for Windows node groups (Windows group first). */
const WINDOWS_NODE_GROUPS = [_karpenter_windows_js__WEBPACK_IMPORTED_MODULE_0__/* .WINDOWS_NODE_GROUP */ .DA, ...NODE_GROUPS];
/** Clusters that predate access entries report no accessConfig: they authenticate through aws-auth only. */
function modeOf(authenticationMode) {
    return authenticationMode ?? 'CONFIG_MAP';
}
function includesApi(authenticationMode) {
    const mode = modeOf(authenticationMode);
    return mode === 'API' || mode === 'API_AND_CONFIG_MAP';
}
/** `windows`: why the run's nodes include Windows (windowsNodeReasons in src/core/karpenter/windows.ts); none by default. */
function resolveNodeAccess(input, authenticationMode, windows = []) {
    const decision = resolveMethod(input, authenticationMode, windows.length > 0);
    const refusal = (0,_karpenter_unsupported_js__WEBPACK_IMPORTED_MODULE_1__/* .windowsNodeAccessRefusal */ .wr)({ input, mode: modeOf(authenticationMode), method: decision.method, reasons: windows });
    if (refusal)
        throw new Error(refusal);
    if (windows.length > 0 && decision.method === 'aws-auth') {
        return { ...decision, windows: true, reason: `${decision.reason}; Windows nodes (${windows.join('; ')}): mapped with eks:kube-proxy-windows too` };
    }
    return decision;
}
function resolveMethod(input, authenticationMode, windows) {
    const mode = modeOf(authenticationMode);
    const api = includesApi(authenticationMode);
    const configMap = mode === 'CONFIG_MAP' || mode === 'API_AND_CONFIG_MAP';
    switch (input) {
        case 'none':
            return { method: 'none', reason: 'node-access: none — node access is managed elsewhere' };
        case 'auto':
            if (windows && configMap)
                return { method: 'aws-auth', reason: `authentication mode ${mode} includes CONFIG_MAP, and one access entry cannot serve Linux and Windows nodes` };
            return api
                ? { method: 'access-entry', reason: `authentication mode ${mode} includes API` }
                : { method: 'aws-auth', reason: `authentication mode ${mode} does not include API` };
        case 'access-entry':
            if (!api) {
                throw new Error(`node-access: access-entry needs a cluster whose authentication mode includes API, but this one is ${mode}. ` +
                    'Switch the cluster to API_AND_CONFIG_MAP (`aws eks update-cluster-config --access-config authenticationMode=API_AND_CONFIG_MAP`) or use node-access: aws-auth.');
            }
            return { method: 'access-entry', reason: 'node-access: access-entry' };
        case 'aws-auth':
            if (!configMap) {
                throw new Error(`node-access: aws-auth has no effect on a cluster in authentication mode ${mode} (the aws-auth ConfigMap is ignored); use node-access: access-entry or auto.`);
            }
            return { method: 'aws-auth', reason: 'node-access: aws-auth' };
    }
}
/** The groups the node role's aws-auth mapping needs under this decision. */
function nodeGroups(decision) {
    return decision.windows ? WINDOWS_NODE_GROUPS : NODE_GROUPS;
}


/***/ }),

/***/ 2111:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vm: () => (/* binding */ findAwsAuthMapping),
/* harmony export */   _7: () => (/* binding */ removeAwsAuthMapping),
/* harmony export */   gP: () => (/* binding */ ensureAwsAuthMapping)
/* harmony export */ });
/* unused harmony exports AWS_AUTH_PATH, roleArnWithoutPath, addRoleMapping, removeRoleMapping */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3646);
/* harmony import */ var _runner_wait_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4565);
/* harmony import */ var _core_config_yaml_position_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9207);
/* harmony import */ var _core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3490);
// The aws-auth ConfigMap mapping that lets Karpenter's nodes join a cluster without access entries
// (docs/design.md, "Node access": CONFIG_MAP mode). The ConfigMap is shared with every other node group and
// user of the cluster, so only `data.mapRoles` is ever rewritten, other entries keep their exact text
// wherever the list allows it, and the update is conditional on the resourceVersion that was read.






const AWS_AUTH_PATH = '/api/v1/namespaces/kube-system/configmaps/aws-auth';
const AWS_AUTH_COLLECTION = '/api/v1/namespaces/kube-system/configmaps';
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
function addRoleMapping(mapRoles, rolearn, groups = _core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_3__/* .NODE_GROUPS */ .M_) {
    const { doc, lineCounter } = parseMapRoles(mapRoles);
    const entry = { groups: [...groups], rolearn, username: _core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_3__/* .NODE_USERNAME */ .My };
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
    return e.username === _core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_3__/* .NODE_USERNAME */ .My && groups.every(g => _core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_3__/* .WINDOWS_NODE_GROUPS */ .g$.includes(g));
}
/**
 * Adds the node role mapping (with eks:kube-proxy-windows when `windows`); creates the ConfigMap when the cluster
 * has none. Idempotent and safe against concurrent writers.
 */
async function ensureAwsAuthMapping(kube, roleArn, signal, opts = {}) {
    const rolearn = roleArnWithoutPath(roleArn);
    const wanted = opts.windows ? _core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_3__/* .WINDOWS_NODE_GROUPS */ .g$ : _core_plan_node_access_js__WEBPACK_IMPORTED_MODULE_3__/* .NODE_GROUPS */ .M_;
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

/***/ 3646:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   W3: () => (/* binding */ KubeApiError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   dh: () => (/* binding */ isConflict),
/* harmony export */   x9: () => (/* binding */ isAlreadyExists)
/* harmony export */ });
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4296);
// An answer from the Kubernetes API that was not a success, with what the API server said about it
// (its Status object), so callers can branch on `status`/`reason` and users read the server's own words.

class KubeApiError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ProvisionError */ .uv {
    status;
    reason;
    serverMessage;
    method;
    path;
    name = 'KubeApiError';
    constructor(status, 
    /** the Status `reason` (NotFound, AlreadyExists, Conflict, Forbidden, ...), or the HTTP status text */
    reason, 
    /** the server's message, or the start of the body when it was not a Status */
    serverMessage, method, path) {
        super(`Kubernetes API ${method} ${path} failed: ${status} ${reason}: ${serverMessage}${hint(status)}`);
        this.status = status;
        this.reason = reason;
        this.serverMessage = serverMessage;
        this.method = method;
        this.path = path;
    }
}
function hint(status) {
    if (status === 401)
        return ' (the credentials were not accepted: an expired token, or a kubeconfig for another cluster?)';
    if (status === 403)
        return ' (the identity is not allowed this: on EKS, does the deploying role have cluster-admin through an access entry or aws-auth?)';
    return '';
}
function isNotFound(e) {
    return e instanceof KubeApiError && e.status === 404;
}
function isConflict(e) {
    return e instanceof KubeApiError && e.status === 409;
}
/** 409 on create: the object is already there (a Conflict on update is about resourceVersion instead). */
function isAlreadyExists(e) {
    return e instanceof KubeApiError && e.status === 409 && e.reason === 'AlreadyExists';
}


/***/ }),

/***/ 6849:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iJ: () => (/* binding */ readRelease),
/* harmony export */   xS: () => (/* binding */ readReleaseFacts)
/* harmony export */ });
/* unused harmony export decodeStoredRelease */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _core_helm_release_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7757);
// The one reader of the installed Helm releases (docs/design.md, "Helm"): their release records, read straight
// from Helm's storage (Secrets of type helm.sh/release.v1, Helm's default driver) through the Kubernetes API.
// It needs no helm binary, so apply reads the releases, and refuses a bad upgrade, before any change and while
// helm may still be downloading; plan, drift and delete read them the same way.


/** Helm stores base64(gzip(JSON)); the Secret's data adds the API's own base64 on top. */
function decodeStoredRelease(data) {
    const helmEncoded = Buffer.from(data, 'base64').toString('utf8');
    const raw = Buffer.from(helmEncoded, 'base64');
    const json = raw[0] === 0x1f && raw[1] === 0x8b ? (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.gunzipSync)(raw).toString('utf8') : raw.toString('utf8');
    return JSON.parse(json);
}
/** Every stored revision of the named releases in `namespace` (one List call). */
async function storedReleases(kube, namespace, names) {
    const selector = `owner=helm,name in (${names.join(',')})`;
    const secrets = await kube.list(`/api/v1/namespaces/${encodeURIComponent(namespace)}/secrets`, { labelSelector: selector });
    return secrets.filter(s => s.type === 'helm.sh/release.v1' && s.data?.release).map(s => decodeStoredRelease(s.data.release));
}
/** One release as `helm list` shows it (its latest revision), or undefined when it is not installed. */
async function readRelease(kube, release, namespace) {
    return (0,_core_helm_release_js__WEBPACK_IMPORTED_MODULE_1__/* .latestRelease */ .J)(await storedReleases(kube, namespace, [release]), release);
}
/** The controller release and (when the chart version has one) karpenter-crd, in one read. */
async function readReleaseFacts(kube, spec) {
    const names = spec.crdRelease ? [spec.release, spec.crdRelease] : [spec.release];
    const stored = await storedReleases(kube, spec.namespace, names);
    const facts = {};
    const main = (0,_core_helm_release_js__WEBPACK_IMPORTED_MODULE_1__/* .latestRelease */ .J)(stored, spec.release);
    if (main)
        facts.main = main;
    const crd = spec.crdRelease ? (0,_core_helm_release_js__WEBPACK_IMPORTED_MODULE_1__/* .latestRelease */ .J)(stored, spec.crdRelease) : undefined;
    if (crd)
        facts.crd = crd;
    return facts;
}


/***/ }),

/***/ 5217:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   KubeconfigError: () => (/* binding */ KubeconfigError),
/* harmony export */   connectionFromFacts: () => (/* binding */ connectionFromFacts),
/* harmony export */   kubeconfigYaml: () => (/* binding */ kubeconfigYaml),
/* harmony export */   loadKubeconfig: () => (/* binding */ loadKubeconfig),
/* harmony export */   readKubeconfig: () => (/* binding */ readKubeconfig),
/* harmony export */   writeKubeconfig: () => (/* binding */ writeKubeconfig)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _runner_input_files_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2176);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(4296);
// Kubeconfig files: the one written for helm from EKS facts (docs/design.md, "Helm": mode 0600 under RUNNER_TEMP, removed
// at the end), and reading the user's `kubeconfig` input into a KubeConnection for our own API calls.





/** The same facts as a connection for our own API client (EKS gives the CA as base64 of the PEM). */
function connectionFromFacts(facts) {
    return { server: facts.server, caPem: Buffer.from(facts.caData, 'base64').toString('utf8'), token: facts.token };
}
/** The kubeconfig as a YAML string. The token is in it: never log the result. */
function kubeconfigYaml(facts) {
    const name = facts.clusterName;
    return (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .stringify */ .As)({
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name, cluster: { server: facts.server, 'certificate-authority-data': facts.caData } }],
        users: [{ name, user: { token: facts.token } }],
        contexts: [{ name, context: { cluster: name, user: name } }],
        'current-context': name,
        preferences: {}
    });
}
/**
 * Writes the kubeconfig into a fresh folder of its own under `tempDir` (RUNNER_TEMP). The file is created
 * with mode 0600 (never readable by others, not even for a moment before a chmod) and exclusively, so a
 * file or link planted at that path is not followed. Callers dispose in a `finally`.
 */
async function writeKubeconfig(tempDir, facts) {
    // mkdtemp makes a 0700 folder with an unguessable name: parallel runs on one runner never collide
    const dir = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp(node_path__WEBPACK_IMPORTED_MODULE_1__.join(tempDir, 'karpenter-provision-kube-'));
    const file = node_path__WEBPACK_IMPORTED_MODULE_1__.join(dir, 'kubeconfig');
    try {
        const handle = await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open(file, 'wx', 0o600);
        try {
            await handle.writeFile(kubeconfigYaml(facts), 'utf8');
        }
        finally {
            await handle.close();
        }
    }
    catch (e) {
        await node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm(dir, { recursive: true, force: true });
        throw e;
    }
    return {
        path: file,
        dispose: () => node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm(dir, { recursive: true, force: true })
    };
}
class KubeconfigError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ProvisionError */ .uv {
    name = 'KubeconfigError';
    constructor(file, message) {
        super(`kubeconfig ${file}: ${message}`);
    }
}
/**
 * Reads the user's kubeconfig (the `kubeconfig` input) and resolves its current context to a connection:
 * server, CA (inline data or file, relative paths from the kubeconfig's folder), insecure-skip-tls-verify,
 * bearer token (inline or tokenFile) or client certificate and key. Exec and auth-provider plugins are
 * refused: running a user's plugin binary here would be a surprise, and the usual one (`aws eks get-token`)
 * is what the action does itself when the input is left out. The kubeconfig comes read through the path
 * rules (runner/input-files.ts), and so does every file it names.
 */
function loadKubeconfig(kubeconfig, rules) {
    const file = kubeconfig.shown;
    let doc;
    try {
        doc = ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(kubeconfig.text) ?? {});
    }
    catch (e) {
        throw new KubeconfigError(file, `malformed YAML: ${(0,_core_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .errorMessage */ .gJ)(e)}`);
    }
    if (typeof doc !== 'object' || Array.isArray(doc))
        throw new KubeconfigError(file, 'expected a mapping (apiVersion: v1, kind: Config)');
    // relative paths in a kubeconfig are relative to its folder (as kubectl reads them), under the same rules
    const named = { ...rules, base: node_path__WEBPACK_IMPORTED_MODULE_1__.dirname(node_path__WEBPACK_IMPORTED_MODULE_1__.resolve(rules.base, file)) };
    const contextName = doc['current-context'];
    if (!contextName)
        throw new KubeconfigError(file, 'has no current-context: set one (kubectl config use-context NAME)');
    const context = doc.contexts?.find((c) => c.name === contextName)?.context;
    if (!context)
        throw new KubeconfigError(file, `current-context "${contextName}" is not among its contexts`);
    const cluster = doc.clusters?.find((c) => c.name === context.cluster)?.cluster;
    if (!cluster)
        throw new KubeconfigError(file, `context "${contextName}" names cluster "${context.cluster ?? ''}", which is not among its clusters`);
    const user = context.user ? doc.users?.find((u) => u.name === context.user)?.user : {};
    if (!user)
        throw new KubeconfigError(file, `context "${contextName}" names user "${context.user ?? ''}", which is not among its users`);
    const server = str(cluster.server);
    if (!server)
        throw new KubeconfigError(file, `cluster "${context.cluster ?? ''}" has no server`);
    const conn = { server };
    const ca = pem(named, cluster, 'certificate-authority');
    if (ca)
        conn.caPem = ca;
    if (cluster['insecure-skip-tls-verify'] === true)
        conn.insecureSkipTlsVerify = true;
    const tlsServerName = str(cluster['tls-server-name']);
    if (tlsServerName)
        conn.tlsServerName = tlsServerName;
    if (user.exec !== undefined || user['auth-provider'] !== undefined) {
        const what = user.exec !== undefined ? 'an exec credential plugin' : 'an auth-provider plugin';
        throw new KubeconfigError(file, `user "${context.user ?? ''}" uses ${what}, which is not supported: pass a kubeconfig with a token or a client certificate, ` +
            'or leave the kubeconfig input out so the action builds one from EKS with its own AWS credentials');
    }
    const token = str(user.token) ?? readOptional(named, 'tokenFile', str(user.tokenFile))?.trim();
    if (token)
        conn.token = token;
    const cert = pem(named, user, 'client-certificate');
    const key = pem(named, user, 'client-key');
    if (cert || key) {
        if (!cert || !key)
            throw new KubeconfigError(file, `user "${context.user ?? ''}" has a client ${cert ? 'certificate but no key' : 'key but no certificate'}`);
        conn.clientCertPem = cert;
        conn.clientKeyPem = key;
    }
    if (!conn.token && !conn.clientCertPem) {
        throw new KubeconfigError(file, `user "${context.user ?? ''}" has no token and no client certificate`);
    }
    return conn;
}
function str(v) {
    return typeof v === 'string' && v !== '' ? v : undefined;
}
/** The `kubeconfig` input through the path rules (the command line's by default): its resolved path and connection. */
function readKubeconfig(given, rules = (0,_runner_input_files_js__WEBPACK_IMPORTED_MODULE_3__/* .anyPathRules */ .hY)(process.cwd())) {
    const read = (0,_runner_input_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readInputFile */ .jH)('kubeconfig', given, rules);
    return { path: read.real, connection: loadKubeconfig(read, rules) };
}
/** `<key>-data` (base64) wins over `<key>` (a file path), as in kubectl. */
function pem(rules, section, key) {
    const data = str(section[`${key}-data`]);
    if (data)
        return Buffer.from(data, 'base64').toString('utf8');
    return readOptional(rules, key, str(section[key]));
}
function readOptional(rules, key, target) {
    if (!target)
        return undefined;
    return (0,_runner_input_files_js__WEBPACK_IMPORTED_MODULE_3__/* .readInputFile */ .jH)(`kubeconfig (its ${key})`, target, rules).text;
}


/***/ }),

/***/ 8494:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D: () => (/* binding */ openCluster),
  B: () => (/* binding */ withCluster)
});

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: ./src/kube/errors.ts
var errors = __webpack_require__(3646);
// EXTERNAL MODULE: ./src/core/backoff.ts
var backoff = __webpack_require__(3915);
// EXTERNAL MODULE: ./src/runner/wait.ts
var wait = __webpack_require__(4565);
;// CONCATENATED MODULE: ./src/kube/discovery.ts
// Maps (apiVersion, kind) to the resource's plural name and scope the way kubectl does: from the API
// server's own resource lists (`/api/v1`, `/apis/<group>/<version>`). This is what lets the tool apply any
// kind (NodePool, EC2NodeClass, CRDs) without a hard-coded table of plurals.
/** `v1` → `/api/v1`; `karpenter.sh/v1` → `/apis/karpenter.sh/v1` */
function groupVersionPath(apiVersion) {
    return apiVersion.includes('/') ? `/apis/${apiVersion}` : `/api/${apiVersion}`;
}
class Discovery {
    get;
    // Only answers that found something are cached: a group missing now may be installed by the chart
    // a minute later (manifests are applied after it), and asking again costs one small GET.
    lists = new Map();
    constructor(get) {
        this.get = get;
    }
    /** The resources served under one apiVersion; undefined when that group/version is not served. */
    async resources(apiVersion) {
        const cached = this.lists.get(apiVersion);
        if (cached)
            return cached;
        const list = (await this.get(groupVersionPath(apiVersion)));
        if (!list)
            return undefined;
        const resources = [];
        for (const r of list.resources ?? []) {
            // `pods/log`, `nodepools/status`: subresources are not kinds of their own
            if (!r.name || !r.kind || r.name.includes('/'))
                continue;
            resources.push({ name: r.name, kind: r.kind, namespaced: r.namespaced === true });
        }
        this.lists.set(apiVersion, resources);
        return resources;
    }
    async resource(apiVersion, kind) {
        return (await this.resources(apiVersion))?.find((r) => r.kind === kind);
    }
    /** Versions served for an API group (`karpenter.sh`), preferred first; empty when the group is absent. */
    async groupVersions(group) {
        const doc = (await this.get(`/apis/${group}`));
        if (!doc)
            return [];
        const versions = (doc.versions ?? []).map((v) => v.version).filter((v) => typeof v === 'string');
        const preferred = doc.preferredVersion?.version;
        return preferred && versions.includes(preferred) ? [preferred, ...versions.filter((v) => v !== preferred)] : versions;
    }
    forget() {
        this.lists.clear();
    }
}
/** Path of a collection (no name) or an object, from discovery facts. */
function pathFor(apiVersion, resource, namespace, name) {
    let path = groupVersionPath(apiVersion);
    if (resource.namespaced && namespace)
        path += `/namespaces/${encodeURIComponent(namespace)}`;
    path += `/${resource.name}`;
    if (name !== undefined)
        path += `/${encodeURIComponent(name)}`;
    return path;
}

// EXTERNAL MODULE: ./src/core/errors.ts
var core_errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/kube/client.ts
// A small Kubernetes API client on node:https: the handful of verbs this tool needs, TLS with the
// cluster's CA, bearer token or client certificate, retries for what can succeed on retry and is safe to send
// twice, and errors that carry the API server's Status. (@kubernetes/client-node would add megabytes to the bundle.)







/** The field manager named on every server-side apply, so `managedFields` shows who set what. */
const FIELD_MANAGER = 'karpenter-provision';
const PATCH_CONTENT_TYPES = {
    merge: 'application/merge-patch+json',
    json: 'application/json-patch+json',
    strategic: 'application/strategic-merge-patch+json',
    apply: 'application/apply-patch+yaml'
};
/** Network failures where the request may not have reached the server, or the server went away mid-answer. */
const RETRYABLE_NETWORK_CODES = new Set(['ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ECONNABORTED', 'EAI_AGAIN']);
class KubeClient {
    conn;
    server;
    agent;
    discovery;
    attempts;
    retryBaseMs;
    retryMaxMs;
    requestTimeoutMs;
    signal;
    constructor(conn, opts = {}) {
        this.conn = conn;
        this.server = new URL(conn.server);
        if (this.server.protocol !== 'https:' && this.server.protocol !== 'http:') {
            throw new Error(`Kubernetes server URL must be https:// (got ${conn.server})`);
        }
        this.agent =
            this.server.protocol === 'https:'
                ? new external_node_https_.Agent({
                    keepAlive: true,
                    ca: conn.caPem,
                    cert: conn.clientCertPem,
                    key: conn.clientKeyPem,
                    rejectUnauthorized: conn.insecureSkipTlsVerify !== true,
                    servername: conn.tlsServerName
                })
                : new external_node_http_.Agent({ keepAlive: true });
        this.attempts = Math.max(1, opts.attempts ?? 5);
        this.retryBaseMs = opts.retryBaseMs ?? 250;
        this.retryMaxMs = opts.retryMaxMs ?? 8000;
        this.requestTimeoutMs = opts.requestTimeoutMs ?? 30_000;
        this.signal = opts.signal;
        this.discovery = new Discovery((path) => this.getOptional(path));
    }
    /** Closes kept-alive connections. */
    close() {
        this.agent.destroy();
    }
    async get(path) {
        return (await this.request('GET', path));
    }
    /** GET that answers undefined for 404 instead of throwing. */
    async getOptional(path) {
        try {
            return await this.get(path);
        }
        catch (e) {
            if ((0,errors/* isNotFound */.c4)(e))
                return undefined;
            throw e;
        }
    }
    /** Every item of a collection, following `continue` tokens. */
    async list(path, selectors = {}) {
        const items = [];
        let cont;
        do {
            const page = (await this.request('GET', path, {
                query: { ...selectors, limit: '500', continue: cont }
            }));
            items.push(...(page.items ?? []));
            cont = page.metadata?.continue || undefined;
        } while (cont);
        return items;
    }
    /** POST to a collection path. */
    async create(collectionPath, body) {
        return (await this.request('POST', collectionPath, { body }));
    }
    /** PUT: the server checks `metadata.resourceVersion` when the body has one (409 Conflict if stale). */
    async replace(path, body) {
        return (await this.request('PUT', path, { body }));
    }
    /** merge: RFC 7386 (null deletes a key); json: RFC 6902 operations; strategic: Kubernetes' own merge. */
    async patch(path, body, type = 'merge') {
        return (await this.request('PATCH', path, { body, contentType: PATCH_CONTENT_TYPES[type] }));
    }
    /**
     * Server-side apply: the object's fields named in `body` become owned by our field manager. `force`
     * takes over fields another manager (kubectl, a previous helm) set, as `kubectl apply --server-side --force-conflicts`.
     */
    async apply(path, body, opts = {}) {
        return (await this.request('PATCH', path, {
            // JSON is YAML, so the apply-patch+yaml content type takes it as it is
            body,
            contentType: PATCH_CONTENT_TYPES.apply,
            query: { fieldManager: opts.fieldManager ?? FIELD_MANAGER, force: String(opts.force ?? true) }
        }));
    }
    /** DELETE; false when the object was already gone. */
    async delete(path, opts = {}) {
        try {
            await this.request('DELETE', path, opts.propagationPolicy ? { body: { kind: 'DeleteOptions', apiVersion: 'v1', propagationPolicy: opts.propagationPolicy } } : {});
            return true;
        }
        catch (e) {
            if ((0,errors/* isNotFound */.c4)(e))
                return false;
            throw e;
        }
    }
    /** Discovery facts for a kind; undefined when the server does not serve it (CRD not installed). */
    async resource(apiVersion, kind) {
        return this.discovery.resource(apiVersion, kind);
    }
    /** Versions served for an API group, preferred first; empty when the group does not exist. */
    async groupVersions(group) {
        return this.discovery.groupVersions(group);
    }
    /**
     * The REST path of a kind's collection (no name) or of one object, e.g.
     * `resourcePath('karpenter.sh/v1', 'NodePool', undefined, 'default')` → `/apis/karpenter.sh/v1/nodepools/default`.
     */
    async resourcePath(apiVersion, kind, namespace, name) {
        const resource = await this.discovery.resource(apiVersion, kind);
        if (!resource) {
            throw new Error(`the cluster does not serve ${kind} in ${apiVersion} (is the CRD installed, and is that API version still served?)`);
        }
        if (resource.namespaced && name !== undefined && !namespace) {
            throw new Error(`${kind} ${name} is namespaced: a namespace is needed`);
        }
        return pathFor(apiVersion, resource, namespace, name);
    }
    /** Drops cached discovery (after CRDs were installed). */
    forgetDiscovery() {
        this.discovery.forget();
    }
    /** One API call with retries; the parsed JSON answer (undefined for an empty body). */
    async request(method, path, opts = {}) {
        const url = this.url(path, opts.query);
        const body = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body), 'utf8');
        const headers = { accept: 'application/json', 'user-agent': 'karpenter-provision' };
        if (body) {
            headers['content-type'] = opts.contentType ?? 'application/json';
            headers['content-length'] = body.length;
        }
        if (this.conn.token)
            headers.authorization = `Bearer ${this.conn.token}`;
        const idempotent = isIdempotent(method, opts);
        for (let attempt = 0;; attempt++) {
            let response;
            try {
                response = await this.send(method, url, headers, body);
            }
            catch (e) {
                const code = (0,core_errors/* errnoCode */.UK)(e);
                if (idempotent && code && RETRYABLE_NETWORK_CODES.has(code) && attempt + 1 < this.attempts) {
                    await (0,wait/* realSleep */.uk)((0,backoff/* backoffDelay */.E)(attempt, this.backoff()), this.signal);
                    continue;
                }
                throw new Error(`Kubernetes API ${method} ${path}: cannot reach ${this.server.origin}: ${(0,core_errors/* errorMessage */.gJ)(e)}`, { cause: e });
            }
            if (response.status >= 200 && response.status < 300)
                return parseJson(response.body);
            if (isRetryableStatus(response.status, idempotent) && attempt + 1 < this.attempts) {
                const delay = Math.max((0,backoff/* backoffDelay */.E)(attempt, this.backoff()), retryAfterMs(response.headers));
                await (0,wait/* realSleep */.uk)(Math.min(delay, 30_000), this.signal);
                continue;
            }
            throw toApiError(response, method, path);
        }
    }
    /** Kubernetes requests: half jitter (core/backoff.ts); only idempotent requests are retried (above). */
    backoff() {
        return { baseMs: this.retryBaseMs, maxMs: this.retryMaxMs, jitter: 'half' };
    }
    url(path, query = {}) {
        // keep a server path prefix (proxies such as Rancher serve the API under one)
        const prefix = this.server.pathname.replace(/\/+$/, '');
        const url = new URL(this.server.origin + prefix + path);
        for (const [k, v] of Object.entries(query))
            if (v !== undefined)
                url.searchParams.set(k, v);
        return url;
    }
    send(method, url, headers, body) {
        const transport = url.protocol === 'https:' ? external_node_https_ : external_node_http_;
        return new Promise((resolve, reject) => {
            const req = transport.request(url, { method, headers, agent: this.agent, signal: this.signal }, (res) => {
                const chunks = [];
                res.on('data', (c) => chunks.push(c));
                res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
                res.on('error', reject);
            });
            req.setTimeout(this.requestTimeoutMs, () => {
                req.destroy(Object.assign(new Error(`no answer within ${this.requestTimeoutMs} ms`), { code: 'ETIMEDOUT' }));
            });
            req.on('error', reject);
            req.end(body);
        });
    }
}
/**
 * Whether sending the request twice has the same effect as sending it once: reads, deletes, and server-side
 * apply (the same applied configuration from the same field manager gives the same object). A create (POST),
 * replace (PUT) or ordinary patch that failed with a 5xx or a dropped connection may already have acted, so it
 * is not sent again.
 */
function isIdempotent(method, opts) {
    if (method === 'GET' || method === 'HEAD' || method === 'DELETE')
        return true;
    return method === 'PATCH' && opts.contentType === PATCH_CONTENT_TYPES.apply && Boolean(opts.query?.fieldManager);
}
function isRetryableStatus(status, idempotent) {
    // 429 means the API server turned the request away before handling it (priority and fairness, or too
    // many requests in flight), so any request can be sent again.
    if (status === 429)
        return true;
    // 501 Not Implemented will not change on retry
    return idempotent && status >= 500 && status !== 501;
}
function retryAfterMs(headers) {
    const value = headers['retry-after'];
    const seconds = typeof value === 'string' ? Number(value) : NaN;
    return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}
function parseJson(body) {
    if (body.length === 0)
        return undefined;
    const text = body.toString('utf8');
    try {
        return JSON.parse(text);
    }
    catch {
        throw new Error(`Kubernetes API answered with something that is not JSON: ${text.slice(0, 200)}`);
    }
}
function toApiError(response, method, path) {
    const text = response.body.toString('utf8');
    let reason = external_node_http_.STATUS_CODES[response.status] ?? 'Unknown';
    let message = text.trim().slice(0, 500) || '(empty answer)';
    try {
        const status = JSON.parse(text);
        if (status && typeof status === 'object') {
            if (typeof status.reason === 'string' && status.reason)
                reason = status.reason;
            if (typeof status.message === 'string' && status.message)
                message = status.message;
        }
    }
    catch {
        // not a Status object: keep the raw text
    }
    return new errors/* KubeApiError */.W3(response.status, reason, message, method, path);
}

// EXTERNAL MODULE: ./node_modules/@smithy/protocol-http/dist-cjs/index.js
var dist_cjs = __webpack_require__(2356);
// EXTERNAL MODULE: ./node_modules/@smithy/signature-v4/dist-cjs/index.js
var signature_v4_dist_cjs = __webpack_require__(5118);
// EXTERNAL MODULE: ./node_modules/@aws-crypto/sha256-js/build/main/index.js
var main = __webpack_require__(3156);
// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
;// CONCATENATED MODULE: ./src/kube/token.ts
// The EKS bearer token (docs/design.md, "Helm"): what `aws eks get-token` prints. EKS (through aws-iam-authenticator)
// replays the presigned STS GetCallerIdentity URL inside it and maps the caller's ARN to a Kubernetes user,
// so the token is only as powerful as the credentials that signed it, and only for 60 seconds of signing
// validity (EKS accepts it for ~15 minutes from X-Amz-Date).




const EKS_TOKEN_PREFIX = 'k8s-aws-v1.';
/** aws-iam-authenticator refuses URLs presigned for longer than this; the CLI uses the same value. */
const PRESIGN_EXPIRES_SECONDS = 60;
/** The header that binds the token to one cluster: the authenticator checks it is signed and matches. */
const CLUSTER_ID_HEADER = 'x-k8s-aws-id';
/** The STS endpoint the token is presigned for: explicit, environment override (AWS_ENDPOINT_URL_STS / AWS_ENDPOINT_URL), or regional. */
function stsEndpoint(region, explicit) {
    const configured = explicit ?? process.env.AWS_ENDPOINT_URL_STS ?? process.env.AWS_ENDPOINT_URL;
    if (configured)
        return new URL(configured);
    // China regions live under their own DNS suffix; every other partition uses amazonaws.com.
    const suffix = region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
    return new URL(`https://sts.${region}.${suffix}/`);
}
async function eksToken(opts) {
    const endpoint = stsEndpoint(opts.region, opts.endpoint);
    const signer = new signature_v4_dist_cjs.SignatureV4({ credentials: opts.credentials, region: opts.region, service: 'sts', sha256: main.Sha256 });
    const request = new dist_cjs/* HttpRequest */.Kd({
        method: 'GET',
        protocol: endpoint.protocol,
        hostname: endpoint.hostname,
        port: endpoint.port ? Number(endpoint.port) : undefined,
        path: endpoint.pathname || '/',
        query: { Action: 'GetCallerIdentity', Version: '2011-06-15' },
        // `host` carries the port when there is one, as the verifier's HTTP client will send it.
        headers: { host: endpoint.host, [CLUSTER_ID_HEADER]: opts.clusterName }
    });
    const presigned = await signer.presign(request, {
        expiresIn: PRESIGN_EXPIRES_SECONDS,
        ...(opts.signingDate ? { signingDate: opts.signingDate } : {})
    });
    const url = `${endpoint.protocol}//${endpoint.host}${presigned.path}?${queryString(presigned.query ?? {})}`;
    const token = EKS_TOKEN_PREFIX + Buffer.from(url, 'utf8').toString('base64url');
    // a bearer credential for the cluster: masked before anything can print it
    (0,log/* setSecret */.Pq)(token);
    return token;
}
/** RFC 3986 encoding, the same the signer used when it computed the canonical query string. */
function rfc3986(value) {
    return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
function queryString(query) {
    const parts = [];
    for (const key of Object.keys(query).sort()) {
        const value = query[key];
        if (value === null || value === undefined)
            continue;
        const values = Array.isArray(value) ? value : [value];
        for (const v of values)
            parts.push(`${rfc3986(key)}=${rfc3986(v)}`);
    }
    return parts.join('&');
}

// EXTERNAL MODULE: ./src/kube/kubeconfig.ts
var kubeconfig = __webpack_require__(5217);
;// CONCATENATED MODULE: ./src/modes/cluster-session.ts



/**
 * The `kubeconfig` input, or one made from DescribeCluster and an EKS token (0600 under RUNNER_TEMP,
 * removed by dispose). EKS accepts a token for about 15 minutes, so apply opens a fresh session for the
 * install rather than reuse the one from before the stacks.
 */
async function openCluster(ctx, aws, cluster) {
    const given = ctx.files.kubeconfig;
    if (given) {
        // read and checked with the other inputs (run-files.ts); helm gets the resolved path
        const kube = new KubeClient(given.connection, { signal: ctx.signal });
        return { kube, kubeconfig: given.path, dispose: async () => kube.close() };
    }
    if (!cluster?.endpoint || !cluster.certificateAuthority) {
        throw new Error(`EKS cluster ${ctx.config.name} reports no endpoint or certificate authority; pass the kubeconfig input to reach it`);
    }
    // The credentials the SDK clients resolved (assumed role or the default chain) sign the token.
    const credentials = await (await aws.sts()).config.credentials();
    const facts = {
        server: cluster.endpoint,
        caData: cluster.certificateAuthority,
        clusterName: cluster.name,
        token: await eksToken({ clusterName: cluster.name, region: cluster.region, credentials })
    };
    const written = await (0,kubeconfig.writeKubeconfig)(ctx.tempDir, facts);
    const kube = new KubeClient((0,kubeconfig.connectionFromFacts)(facts), { signal: ctx.signal });
    return {
        kube,
        kubeconfig: written.path,
        dispose: async () => {
            kube.close();
            await written.dispose();
        }
    };
}
async function withCluster(ctx, aws, cluster, fn) {
    const session = await openCluster(ctx, aws, cluster);
    try {
        return await fn(session);
    }
    finally {
        await session.dispose();
    }
}


/***/ }),

/***/ 419:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BD: () => (/* binding */ readRolePolicies),
/* harmony export */   D$: () => (/* binding */ readCluster),
/* harmony export */   Dh: () => (/* binding */ readOidcProvider),
/* harmony export */   Lx: () => (/* binding */ readAccessEntry),
/* harmony export */   PR: () => (/* binding */ describeStacks),
/* harmony export */   QB: () => (/* binding */ readStacks),
/* harmony export */   UU: () => (/* binding */ readReleasesToRemove),
/* harmony export */   eT: () => (/* binding */ readDeployedStacks),
/* harmony export */   g9: () => (/* binding */ readAssociation),
/* harmony export */   sE: () => (/* binding */ readStackDrift),
/* harmony export */   sY: () => (/* binding */ readAwsAuthMapping),
/* harmony export */   tl: () => (/* binding */ readReleases)
/* harmony export */ });
/* harmony import */ var _aws_preflight_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7610);
/* harmony import */ var _cfn_describe_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3948);
/* harmony import */ var _cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7878);
/* harmony import */ var _aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9062);
/* harmony import */ var _aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(2117);
/* harmony import */ var _aws_oidc_provider_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(244);
/* harmony import */ var _aws_access_entry_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6470);
/* harmony import */ var _kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2111);
/* harmony import */ var _kube_helm_release_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6849);









/** DescribeCluster, or undefined when there is no such cluster. Refuses EKS Auto Mode. */
async function readCluster(aws, name, region) {
    let cluster;
    try {
        cluster = await (0,_aws_preflight_js__WEBPACK_IMPORTED_MODULE_0__/* .describeCluster */ .K$)(await aws.eks(), name, region);
    }
    catch (err) {
        if (err instanceof _aws_preflight_js__WEBPACK_IMPORTED_MODULE_0__/* .ClusterNotFoundError */ .oV)
            return undefined;
        throw err;
    }
    (0,_aws_preflight_js__WEBPACK_IMPORTED_MODULE_0__/* .refuseAutoMode */ .NG)(cluster);
    return cluster;
}
/** The stacks this tool may own (the Karpenter stack and both controller stacks), by name, read at once. */
async function readStacks(aws, names) {
    return (await describeStacks(aws, names)).facts;
}
/**
 * readStacks, with each stack as DescribeStacks returned it (undefined: none), for the executors that change them
 * (deploy, plan's change sets) so they do not describe them again.
 */
async function describeStacks(aws, names) {
    const cfn = await aws.cfn();
    const wanted = [names.karpenterStack, names.irsaStack, names.podIdentityStack];
    const found = await Promise.all(wanted.map(name => (0,_cfn_describe_js__WEBPACK_IMPORTED_MODULE_6__/* .describeStack */ .GO)(cfn, name)));
    const facts = {};
    const described = {};
    wanted.forEach((name, i) => {
        const stack = found[i];
        const status = stack?.StackStatus;
        const live = status !== undefined && status !== 'DELETE_COMPLETE';
        facts[name] = live ? { name, status } : { name };
        described[name] = live ? stack : undefined;
    });
    return { facts, described };
}
/**
 * The Pod Identity association for the controller's ServiceAccount. `required`: the run uses Pod Identity, so
 * an endpoint without the Pod Identity API is an error; otherwise it simply has no association.
 */
async function readAssociation(aws, cluster, names, required) {
    try {
        const association = await (0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_7__/* .findAssociation */ .Zo)(await aws.eks(), cluster, names.namespace, names.serviceAccount);
        return { association: association ?? null, podIdentityApiMissing: false };
    }
    catch (err) {
        if (required || !(0,_aws_pod_identity_js__WEBPACK_IMPORTED_MODULE_7__/* .isPodIdentityApiMissing */ .Gl)(err))
            throw err;
        return { association: null, podIdentityApiMissing: true };
    }
}
/** The IAM OIDC provider for the cluster's issuer (its ARN), or null. */
async function readOidcProvider(aws, issuer) {
    return (await (0,_aws_oidc_provider_js__WEBPACK_IMPORTED_MODULE_3__/* .findOidcProvider */ .UC)(await aws.iam(), issuer)) ?? null;
}
/** The node role's EKS access entry type, or null when it has none. */
async function readAccessEntry(aws, cluster, nodeRoleArn) {
    return (await (0,_aws_access_entry_js__WEBPACK_IMPORTED_MODULE_8__/* .describeNodeAccessEntry */ .cy)(await aws.eks(), cluster, nodeRoleArn)) ?? null;
}
/** The node role's aws-auth mapping, or null when the ConfigMap or the mapping is missing. */
async function readAwsAuthMapping(session, nodeRoleArn) {
    const found = await (0,_kube_aws_auth_js__WEBPACK_IMPORTED_MODULE_4__/* .findAwsAuthMapping */ .Vm)(session.kube, nodeRoleArn);
    return found ? { rolearn: found.rolearn, groups: found.groups.filter((g) => typeof g === 'string') } : null;
}
/** The controller release and karpenter-crd (when the chart version has one), from their Helm release records. */
async function readReleases(session, helm, crdRelease) {
    return (0,_kube_helm_release_js__WEBPACK_IMPORTED_MODULE_5__/* .readReleaseFacts */ .xS)(session.kube, { release: helm.release, namespace: helm.namespace, crdRelease: helm.crdChart ? crdRelease : undefined });
}
/** CloudFormation drift detection on each named stack, at once (drift); each polls until its detection finishes. */
async function readStackDrift(aws, stacks, poll, endpoint) {
    const cfn = await aws.cfn();
    const found = await Promise.all(stacks.map(name => (0,_cfn_drift_js__WEBPACK_IMPORTED_MODULE_1__/* .detectStackDrift */ .Xh)(cfn, name, poll, endpoint)));
    const out = {};
    for (const d of found)
        out[d.stack] = d.partialReason ? { status: d.status, items: d.items, partialReason: d.partialReason } : { status: d.status, items: d.items };
    return out;
}
/**
 * Each stack as last deployed: its parameters and tags as the read phase described it (describeStacks), and its
 * template body (GetTemplate), read at once.
 */
async function readDeployedStacks(aws, described) {
    const cfn = await aws.cfn();
    const found = await Promise.all(described.map(async (stack) => {
        const name = stack.StackName ?? '';
        return { name, fact: { stack: { Parameters: stack.Parameters, Tags: stack.Tags }, templateBody: await (0,_cfn_describe_js__WEBPACK_IMPORTED_MODULE_6__/* .deployedTemplate */ .Bk)(cfn, name) } };
    }));
    const out = {};
    for (const f of found)
        out[f.name] = f.fact;
    return out;
}
/** The policies attached to a role (null: the role does not exist). */
async function readRolePolicies(aws, roleArn) {
    return { roleArn, attached: await (0,_aws_pod_identity_role_js__WEBPACK_IMPORTED_MODULE_2__/* .rolePolicyArns */ .Zx)(await aws.iam(), roleArn) };
}
/** delete: the controller release and karpenter-crd whatever the chart version says (an earlier apply may have installed the CRD chart). */
async function readReleasesToRemove(session, helm, crdRelease) {
    return (0,_kube_helm_release_js__WEBPACK_IMPORTED_MODULE_5__/* .readReleaseFacts */ .xS)(session.kube, { release: helm.release, namespace: helm.namespace, crdRelease });
}


/***/ }),

/***/ 1808:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ER: () => (/* binding */ desiredFor),
  ls: () => (/* binding */ identify),
  Bf: () => (/* binding */ openClients),
  fA: () => (/* binding */ openSession),
  Oh: () => (/* binding */ pollOptions),
  M$: () => (/* binding */ readManifestObjects),
  Bd: () => (/* binding */ reportDesired)
});

// EXTERNAL MODULE: ./src/core/desired.ts + 8 modules
var desired = __webpack_require__(6350);
// EXTERNAL MODULE: ./src/runner/wait.ts
var wait = __webpack_require__(4565);
;// CONCATENATED MODULE: ./src/aws/retry.ts
// Retrying what can succeed on a second try — throttling, 5xx, the IdP's hiccups, dropped connections —
// with jittered exponential backoff; never a local mistake (validation, access denied, missing input),
// which would only make the user wait for the same error (configure-aws-credentials retries those for ~48 s).


const THROTTLING = new Set([
    'Throttling', 'ThrottlingException', 'ThrottledException', 'RequestThrottledException', 'TooManyRequestsException',
    'RequestLimitExceeded',
    'BandwidthLimitExceeded', 'RequestThrottled', 'SlowDown', 'PriorRequestNotComplete',
    'EC2ThrottledException'
]);
// The web-identity IdP (GitHub's token service as seen by STS) and transient AWS-side failures.
const TRANSIENT = new Set(['IDPCommunicationError', 'IDPCommunicationErrorException', 'RequestTimeout', 'RequestTimeoutException', 'InternalError', 'InternalFailure', 'ServiceUnavailable', 'ServiceUnavailableException']);
const NETWORK = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'ENOTFOUND', 'ECONNABORTED', 'EHOSTUNREACH', 'ENETUNREACH', 'TimeoutError']);
/** True only for failures that another attempt can fix. */
function isRetryable(err) {
    if (!err || typeof err !== 'object')
        return false;
    const e = err;
    const name = e.name ?? '';
    if (THROTTLING.has(name) || TRANSIENT.has(name))
        return true;
    if (e.code && NETWORK.has(e.code))
        return true;
    if (NETWORK.has(name))
        return true;
    const status = e.$metadata?.httpStatusCode;
    if (status === 429)
        return true;
    if (status !== undefined && status >= 500 && status <= 599)
        return true;
    // The SDK marks throttling responses it recognises with $retryable.
    if (e.$retryable)
        return true;
    return false;
}
const EXPLAINED = Symbol.for('karpenter-provision.retries-explained');
/**
 * A failure that was retried until the tries ran out says which call it was, on what, and after how many
 * tries — not a bare "Rate exceeded". The error keeps its name and fields (callers still test them).
 */
function explainGaveUp(err, call, target, tries) {
    if (!err || typeof err !== 'object' || !isRetryable(err) || err[EXPLAINED])
        return err;
    const e = err;
    const what = `${call}${target ? ` on ${target}` : ''}`;
    const after = tries && tries > 1 ? `gave up after ${tries} tries` : 'not retried';
    e.message = `${what}: ${e.name ?? 'Error'}: ${e.message || 'no message'} (${isThrottling(e) ? 'throttled by AWS; ' : ''}${after})`;
    Object.defineProperty(err, EXPLAINED, { value: true });
    return err;
}
function isThrottling(e) {
    return THROTTLING.has(e.name ?? '') || e.$metadata?.httpStatusCode === 429;
}
// The request fields that name what a call acts on, in the order they are looked for.
const TARGET_FIELDS = [
    'StackName', 'RoleName', 'InstanceProfileName', 'PolicyArn', 'OpenIDConnectProviderArn', 'clusterName', 'name',
    'associationId', 'principalArn', 'RoleArn', 'QueueUrl', 'Url', 'InstanceIds'
];
/** What a request acts on, from its input (`StackName eksctl-x-karpenter`), if it names anything. */
function callTarget(input) {
    if (!input || typeof input !== 'object')
        return undefined;
    const fields = input;
    for (const key of TARGET_FIELDS) {
        const v = fields[key];
        if (typeof v === 'string' && v)
            return `${key} ${v}`;
        if (Array.isArray(v) && v.length)
            return `${key} ${v.slice(0, 3).join(', ')}${v.length > 3 ? ', …' : ''}`;
    }
    return undefined;
}
/**
 * Makes every call of `client` that fails after the SDK's own retries say which call, on what and after how
 * many tries (the outermost middleware step, so it sees the error the retries ended with).
 */
function explainRetriedCalls(client) {
    const middleware = (next, context) => async (args) => {
        try {
            return await next(args);
        }
        catch (err) {
            const call = (context.commandName ?? 'AWS call').replace(/Command$/, '');
            throw explainGaveUp(err, call, callTarget(args.input), err?.$metadata?.attempts);
        }
    };
    client.middlewareStack.add(middleware, { step: 'initialize', name: 'explainRetriedCalls' });
    return client;
}
/** AWS calls: "full jitter" backoff from 500 ms, capped at 20 s, six tries (core/backoff.ts computes it). */
async function withRetry(fn, opts = {}) {
    const attempts = opts.attempts ?? 6;
    return (0,wait/* retryLoop */.rU)(() => fn(), {
        attempts,
        backoff: { baseMs: opts.baseMs ?? 500, maxMs: opts.capMs ?? 20_000, jitter: 'full' },
        retryable: opts.retryable ?? isRetryable,
        sleep: opts.sleep,
        random: opts.random,
        signal: opts.signal,
        onRetry: opts.onRetry,
        gaveUp: opts.what ? err => explainGaveUp(err, opts.what, undefined, attempts) : undefined
    });
}

;// CONCATENATED MODULE: ./src/aws/clients.ts

const SDK_MAX_ATTEMPTS = 5;
const SDK_RETRY_MODE = 'adaptive';
function clientConfig(region, credentials) {
    // Without credentials the SDK's default chain applies (env, shared files, web identity, IMDS…).
    return { region, ...(credentials ? { credentials } : {}), maxAttempts: SDK_MAX_ATTEMPTS, retryMode: SDK_RETRY_MODE };
}
function lazy(make) {
    let made;
    // a call that still fails after the SDK's retries names itself, its target and its tries (aws/retry.ts)
    return () => (made ??= make().then(explainRetriedCalls));
}
function awsClients(region, credentials) {
    const config = clientConfig(region, credentials);
    return {
        region,
        cfn: lazy(async () => new (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(186)]).then(__webpack_require__.t.bind(__webpack_require__, 3805, 19))).CloudFormationClient(config)),
        iam: lazy(async () => new (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(764)]).then(__webpack_require__.t.bind(__webpack_require__, 6764, 19))).IAMClient(config)),
        eks: lazy(async () => new (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(524)]).then(__webpack_require__.t.bind(__webpack_require__, 4524, 19))).EKSClient(config)),
        sts: lazy(async () => new (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19))).STSClient(config)),
        ec2: lazy(async () => new (await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(193)]).then(__webpack_require__.t.bind(__webpack_require__, 5193, 19))).EC2Client(config))
    };
}

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 8 modules
var core = __webpack_require__(6058);
// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/aws/credentials.ts
// Credentials for the run. With `role-to-assume`: the workflow's OIDC token → STS
// AssumeRoleWithWebIdentity (the anchor action's flow, but retrying only what can succeed on retry).
// Without it: undefined, so every client uses the SDK's default chain (env, profiles, IMDS…).




class MissingIdTokenPermissionError extends errors/* ProvisionError */.uv {
    name = 'MissingIdTokenPermissionError';
}
/** The OIDC token of this job, masked. Fails clearly when the workflow did not grant `id-token: write`. */
async function workflowIdToken(audience, deps = {}) {
    const env = deps.env ?? process.env;
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new MissingIdTokenPermissionError('role-to-assume is set but this job cannot request an OIDC token (ACTIONS_ID_TOKEN_REQUEST_URL is not set). ' +
            'Add `permissions: id-token: write` (and `contents: read`) to the workflow or job, ' +
            'or remove role-to-assume to use the ambient AWS credentials.');
    }
    const token = await withRetry(() => (deps.getIdToken ?? core/* getIDToken */.V9)(audience), {
        attempts: 4,
        sleep: deps.sleep,
        signal: deps.signal,
        // the toolkit wraps HTTP failures in plain Errors: retry only on 5xx/network words, never on 4xx
        retryable: err => /Error Code : 5\d\d|ECONNRESET|ETIMEDOUT|socket hang up/i.test((0,errors/* errorMessage */.gJ)(err))
    });
    (0,log/* setSecret */.Pq)(token);
    return token;
}
async function resolveCredentials(inputs, region, deps = {}) {
    if (!inputs.roleToAssume) {
        (0,log/* info */.pq)('Using the ambient AWS credentials (no role-to-assume).');
        return undefined;
    }
    const token = await workflowIdToken(inputs.audience, deps);
    const { STSClient, AssumeRoleWithWebIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    // maxAttempts 1: our own retry decides (it also covers IDPCommunicationError, which the SDK does not retry).
    const sts = new STSClient({ region, maxAttempts: 1 });
    const out = await withRetry(() => sts.send(new AssumeRoleWithWebIdentityCommand({
        RoleArn: inputs.roleToAssume,
        RoleSessionName: inputs.roleSessionName,
        DurationSeconds: inputs.roleDurationSeconds,
        WebIdentityToken: token
    })), {
        sleep: deps.sleep,
        signal: deps.signal,
        onRetry: (err, attempt, delay) => (0,log/* info */.pq)(`AssumeRoleWithWebIdentity failed (${(0,errors/* awsErrorName */.ZH)(err)}); retry ${attempt} in ${delay} ms`),
        what: `AssumeRoleWithWebIdentity on RoleArn ${inputs.roleToAssume}`
    });
    const c = out.Credentials;
    if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) {
        throw new Error(`STS AssumeRoleWithWebIdentity for ${inputs.roleToAssume} returned no credentials`);
    }
    (0,log/* setSecret */.Pq)(c.AccessKeyId);
    (0,log/* setSecret */.Pq)(c.SecretAccessKey);
    (0,log/* setSecret */.Pq)(c.SessionToken);
    (0,log/* info */.pq)(`Assumed ${out.AssumedRoleUser?.Arn ?? inputs.roleToAssume} (session ${inputs.roleSessionName}).`);
    return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken, expiration: c.Expiration };
}

;// CONCATENATED MODULE: ./src/aws/identity.ts
const PARTITIONS = ['aws', 'aws-cn', 'aws-us-gov'];
function partitionFromArn(arn) {
    const p = arn.split(':')[1];
    if (!PARTITIONS.includes(p))
        throw new Error(`unexpected partition "${p}" in caller ARN ${arn}`);
    return p;
}
async function callerIdentity(sts) {
    const { GetCallerIdentityCommand } = await Promise.all(/* import() */[__webpack_require__.e(861), __webpack_require__.e(695)]).then(__webpack_require__.t.bind(__webpack_require__, 1695, 19));
    const out = await sts.send(new GetCallerIdentityCommand({}));
    if (!out.Account || !out.Arn)
        throw new Error('STS GetCallerIdentity returned no account or ARN');
    return { accountId: out.Account, partition: partitionFromArn(out.Arn), arn: out.Arn };
}

;// CONCATENATED MODULE: ./src/modes/lifecycle.ts




async function openSession(ctx) {
    const { region, aws } = await openClients(ctx);
    return { region, aws, identity: await identify(ctx, aws) };
}
/** The region and the SDK clients, with the credentials resolved (OIDC federation or the default chain). */
async function openClients(ctx) {
    const { inputs, config, report } = ctx;
    const region = inputs.awsRegion ?? config.region;
    if (region !== config.region)
        report.warnings.push(`aws-region ${region} overrides metadata.region ${config.region} of ${config.file}.`);
    const credentials = await resolveCredentials(inputs, region, { signal: ctx.signal });
    return { region, aws: awsClients(region, credentials) };
}
/** GetCallerIdentity: the account and partition every ARN is built from. */
async function identify(ctx, aws) {
    const identity = await callerIdentity(await aws.sts());
    ctx.report.steps.push(`authenticated as ${identity.arn}`);
    return identity;
}
/**
 * The desired state, built once per mode from the config and the facts read: the caller's account and partition,
 * the cluster (OIDC issuer, endpoint), and the role of an existing association to adopt (core/plan/identity.ts roleToAdopt).
 */
function desiredFor(ctx, identity, cluster, podIdentityRoleArn) {
    return (0,desired/* buildDesiredState */.kL)(ctx.config, ctx.inputs, {
        accountId: identity.accountId,
        partition: identity.partition,
        oidcIssuer: cluster?.oidcIssuer,
        clusterEndpoint: cluster?.endpoint,
        podIdentityRoleArn
    });
}
/** The desired state the mode built goes into the report (outputs, summary) with its warnings. */
function reportDesired(ctx, desired) {
    ctx.report.desired = desired;
    ctx.report.warnings.push(...desired.warnings);
}
/** The objects of the `manifests` input (none without it), for what they ask of node access (Windows EC2NodeClasses). */
function readManifestObjects(ctx) {
    return ctx.files.manifests.map(m => m.object);
}
function pollOptions(ctx) {
    return { deadline: Date.now() + ctx.inputs.timeoutSeconds * 1000, signal: ctx.signal };
}


/***/ }),

/***/ 4565:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A8: () => (/* binding */ pollLoop),
/* harmony export */   rU: () => (/* binding */ retryLoop),
/* harmony export */   uk: () => (/* binding */ realSleep),
/* harmony export */   vt: () => (/* binding */ abortError)
/* harmony export */ });
/* harmony import */ var _core_backoff_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3915);
// The one retry loop and the one poll loop, sleeping between tries with the delays of src/core/backoff.ts. The
// sleep, the clock and the random source are parameters; the default sleep is a timer that ends early when the
// job is cancelled.

const realSleep = (ms, signal) => new Promise((resolve, reject) => {
    if (signal?.aborted)
        return reject(abortError(signal));
    const onAbort = () => {
        clearTimeout(timer);
        reject(abortError(signal));
    };
    const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
});
/** The signal's reason as an Error (what a cancelled wait or request rejects with). */
function abortError(signal) {
    const reason = signal?.reason;
    return reason instanceof Error ? reason : new Error('cancelled');
}
/** Runs `fn` until it succeeds, fails with what `retryable` refuses, the tries run out or `signal` fires. */
async function retryLoop(fn, opts) {
    const sleep = opts.sleep ?? realSleep;
    for (let attempt = 0;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            const retryable = opts.retryable(err);
            if (attempt + 1 >= opts.attempts && retryable && opts.gaveUp)
                throw opts.gaveUp(err);
            if (attempt + 1 >= opts.attempts || !retryable || opts.signal?.aborted)
                throw err;
            const delay = (0,_core_backoff_js__WEBPACK_IMPORTED_MODULE_0__/* .backoffDelay */ .E)(attempt, opts.backoff, opts.random);
            opts.onRetry?.(err, attempt + 1, delay);
            await sleep(delay, opts.signal);
        }
    }
}
/**
 * Calls `check` until it returns a value, sleeping with backoff in between (never past the deadline). When the
 * deadline has passed after a look that found nothing, throws what `timedOut` returns.
 */
async function pollLoop(check, opts, timedOut) {
    const sleep = opts.sleep ?? realSleep;
    const now = opts.now ?? Date.now;
    for (let look = 0;; look++) {
        const done = await check(look);
        if (done !== undefined)
            return done;
        const left = opts.deadline - now();
        if (left <= 0)
            throw timedOut();
        await sleep(Math.min((0,_core_backoff_js__WEBPACK_IMPORTED_MODULE_0__/* .backoffDelay */ .E)(look, opts.backoff, opts.random), left), opts.signal);
    }
}


/***/ })

};
