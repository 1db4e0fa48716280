export const id = 987;
export const ids = [987];
export const modules = {

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

/***/ 9987:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  renderArtefacts: () => (/* binding */ renderArtefacts),
  runRender: () => (/* binding */ runRender)
});

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/core/handler-permissions.ts
// The IAM permissions CloudFormation's resource handlers need, per resource type this project's templates use.
// CloudFormation acts with the caller's credentials (no service role), so the deployer policy must grant them
// (README.md, "The role to assume"). Copied from the `handlers.<op>.permissions` of each type's published
// resource provider schema (the CloudFormation registry schema, as vendored by
// github.com/hashicorp/terraform-provider-awscc, internal/service/cloudformation/schemas/AWS_<Service>_<Type>.json,
// commit f995d4f4139602dbb9044f3108702f2a1837a872, 2026-08-07; their sourceUrl is the
// aws-cloudformation/aws-cloudformation-resource-providers-<service> repository). AWS::SQS::QueuePolicy is not
// in that set; its registry schema (sourceUrl aws-cloudformation-resource-providers-sqs) lists only
// sqs:SetQueueAttributes for create, update and delete. Read handlers run for drift detection.
// Pure data: a new resource type in a template must be added here (a unit test checks every type is).
const HANDLER_PERMISSIONS = {
    'AWS::IAM::Role': {
        create: ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:GetRolePolicy', 'iam:TagRole', 'iam:UntagRole', 'iam:GetRole'],
        read: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:GetRolePolicy'],
        update: [
            'iam:UpdateRole', 'iam:UpdateRoleDescription', 'iam:UpdateAssumeRolePolicy', 'iam:DetachRolePolicy', 'iam:AttachRolePolicy',
            'iam:DeleteRolePermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePolicy', 'iam:PutRolePolicy', 'iam:TagRole', 'iam:UntagRole'
        ],
        delete: ['iam:DeleteRole', 'iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:TagRole', 'iam:UntagRole']
    },
    'AWS::IAM::InstanceProfile': {
        create: ['iam:CreateInstanceProfile', 'iam:PassRole', 'iam:AddRoleToInstanceProfile', 'iam:GetInstanceProfile'],
        read: ['iam:GetInstanceProfile'],
        update: ['iam:PassRole', 'iam:RemoveRoleFromInstanceProfile', 'iam:AddRoleToInstanceProfile', 'iam:GetInstanceProfile'],
        delete: ['iam:GetInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile']
    },
    'AWS::IAM::ManagedPolicy': {
        create: ['iam:CreatePolicy', 'iam:AttachGroupPolicy', 'iam:AttachUserPolicy', 'iam:AttachRolePolicy'],
        read: ['iam:GetPolicy', 'iam:ListEntitiesForPolicy', 'iam:GetPolicyVersion'],
        update: [
            'iam:DetachRolePolicy', 'iam:GetPolicy', 'iam:ListPolicyVersions', 'iam:DetachGroupPolicy', 'iam:DetachUserPolicy', 'iam:CreatePolicyVersion',
            'iam:DeletePolicyVersion', 'iam:AttachGroupPolicy', 'iam:AttachUserPolicy', 'iam:AttachRolePolicy'
        ],
        delete: ['iam:DetachRolePolicy', 'iam:GetPolicy', 'iam:ListPolicyVersions', 'iam:DetachGroupPolicy', 'iam:DetachUserPolicy', 'iam:DeletePolicyVersion', 'iam:DeletePolicy', 'iam:ListEntitiesForPolicy']
    },
    'AWS::SQS::Queue': {
        create: ['sqs:CreateQueue', 'sqs:GetQueueUrl', 'sqs:GetQueueAttributes', 'sqs:ListQueueTags', 'sqs:TagQueue'],
        read: ['sqs:GetQueueAttributes', 'sqs:ListQueueTags'],
        update: ['sqs:SetQueueAttributes', 'sqs:GetQueueAttributes', 'sqs:ListQueueTags', 'sqs:TagQueue', 'sqs:UntagQueue'],
        delete: ['sqs:DeleteQueue', 'sqs:GetQueueAttributes']
    },
    'AWS::SQS::QueuePolicy': {
        create: ['sqs:SetQueueAttributes'],
        read: [],
        update: ['sqs:SetQueueAttributes'],
        delete: ['sqs:SetQueueAttributes']
    },
    'AWS::Events::Rule': {
        create: ['iam:PassRole', 'events:DescribeRule', 'events:PutRule', 'events:PutTargets', 'events:TagResource'],
        read: ['iam:PassRole', 'events:DescribeRule', 'events:ListTargetsByRule', 'events:ListTagsForResource'],
        update: ['iam:PassRole', 'events:DescribeRule', 'events:PutRule', 'events:RemoveTargets', 'events:PutTargets', 'events:UntagResource', 'events:TagResource'],
        delete: ['iam:PassRole', 'events:DescribeRule', 'events:DeleteRule', 'events:RemoveTargets', 'events:ListTargetsByRule']
    }
};
/**
 * Handler permissions for properties our templates do not set, so no request is ever made for them: a role's
 * inline Policies, a managed policy attached through its own Groups/Users/Roles (ours are attached by the roles'
 * ManagedPolicyArns; its delete handler still detaches it from those roles), and a rule target's RoleArn (our
 * targets are a queue, which takes no role).
 */
const NOT_USED_BY_OUR_TEMPLATES = {
    'AWS::IAM::Role': ['iam:PutRolePolicy'],
    'AWS::IAM::ManagedPolicy': ['iam:AttachGroupPolicy', 'iam:AttachUserPolicy', 'iam:AttachRolePolicy', 'iam:DetachGroupPolicy', 'iam:DetachUserPolicy'],
    'AWS::Events::Rule': ['iam:PassRole']
};
/** The permissions of the given operations for a type, less those our templates never cause; undefined for an unknown type. */
function handlerPermissions(type, ops) {
    const table = HANDLER_PERMISSIONS[type];
    if (!table)
        return undefined;
    const unused = new Set(NOT_USED_BY_OUR_TEMPLATES[type] ?? []);
    return [...new Set(ops.flatMap(op => table[op]))].filter(p => !unused.has(p));
}

// EXTERNAL MODULE: ./src/core/templates/policy-pack.ts
var policy_pack = __webpack_require__(5919);
// EXTERNAL MODULE: ./src/core/templates/resolve.ts
var resolve = __webpack_require__(8955);
// EXTERNAL MODULE: ./src/core/partition.ts
var partition = __webpack_require__(4453);
// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(2483);
// EXTERNAL MODULE: ./src/core/deployer-variants.ts
var deployer_variants = __webpack_require__(6242);
;// CONCATENATED MODULE: ./src/core/deployer-policy.ts







/** Maximum length of a name CloudFormation generates for an AWS::Events::Rule. */
const RULE_NAME_MAX = 64;
function arnsFor(d, account) {
    return {
        stack: name => `arn:${d.partition}:cloudformation:${d.region}:${account}:stack/${name}/*`,
        iam: resource => `arn:${d.partition}:iam::${account}:${resource}`,
        regional: (service, resource) => `arn:${d.partition}:${service}:${d.region}:${account}:${resource}`
    };
}
/** The physical resources of a template, named as CloudFormation will name them. */
function templateResources(stack, a) {
    const resources = stack.template.Resources;
    const name = (logicalId) => {
        const p = resources[logicalId]?.Properties ?? {};
        const value = p.RoleName ?? p.InstanceProfileName ?? p.ManagedPolicyName ?? p.QueueName;
        return typeof value === 'string' ? value : undefined;
    };
    const out = [];
    for (const [logicalId, r] of Object.entries(resources)) {
        const own = name(logicalId);
        switch (r.Type) {
            case 'AWS::IAM::Role':
                out.push({ type: r.Type, arns: [a.iam(`role/${own}`)] });
                break;
            case 'AWS::IAM::InstanceProfile':
                out.push({ type: r.Type, arns: [a.iam(`instance-profile/${own}`)] });
                break;
            case 'AWS::IAM::ManagedPolicy':
                out.push({ type: r.Type, arns: [a.iam(`policy/${own}`)] });
                break;
            case 'AWS::SQS::Queue':
                out.push({ type: r.Type, arns: [a.regional('sqs', own ?? '')] });
                break;
            case 'AWS::SQS::QueuePolicy': {
                const queues = r.Properties?.Queues ?? [];
                out.push({ type: r.Type, arns: queues.map(q => a.regional('sqs', name(q.Ref) ?? '')) });
                break;
            }
            case 'AWS::Events::Rule':
                // No Name: CloudFormation names the rule <stack>-<logical id>-<12 random characters>, each part cut to fit
                // 64 characters; the stack part may be cut, so the pattern keeps what is certain of it.
                out.push({ type: r.Type, arns: [a.regional('events', `rule/${(0,names/* generatedNamePrefix */.LR)(stack.name, logicalId, RULE_NAME_MAX)}`)] });
                break;
            default:
                throw new Error(`deployer policy: no ARN known for resource type ${r.Type} (${logicalId}); add it to src/core/deployer-policy.ts and src/core/handler-permissions.ts`);
        }
    }
    return out;
}
/**
 * Handler permissions that get their own statement: conditioned ones, and those that act on another resource
 * than the handler's own (a managed policy's delete handler detaches it from roles: ControllerRoleAttachments).
 */
const OWN_STATEMENT = new Set(['iam:PassRole', 'iam:AttachRolePolicy', 'events:PutTargets', 'iam:DetachRolePolicy']);
const sorted = (xs) => [...new Set(xs)].sort();
function statement(Sid, Action, Resource, Condition) {
    const resources = typeof Resource === 'string' ? Resource : sorted(Resource);
    return { Sid, Effect: 'Allow', Action: sorted(Action), Resource: Array.isArray(resources) && resources.length === 1 ? resources[0] : resources, ...(Condition ? { Condition } : {}) };
}
/** One statement per resource type: the handler permissions of `ops` on every resource of that type. */
function handlerStatements(resources, ops, extraArns = {}) {
    const byType = new Map();
    for (const r of resources) {
        const set = byType.get(r.type) ?? new Set();
        r.arns.forEach(x => set.add(x));
        byType.set(r.type, set);
    }
    for (const [type, arns] of Object.entries(extraArns)) {
        const set = byType.get(type) ?? new Set();
        arns.forEach(x => set.add(x));
        byType.set(type, set);
    }
    // types acting on the same resources (a queue and its policy) share one statement
    const byResources = new Map();
    // code-unit order (the type names are ASCII): localeCompare would load ICU's collator at start-up
    for (const [type, arns] of [...byType.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))) {
        const actions = (handlerPermissions(type, ops) ?? []).filter(p => !OWN_STATEMENT.has(p) || (p === 'iam:DetachRolePolicy' && type === 'AWS::IAM::Role'));
        if (actions.length === 0 || arns.size === 0)
            continue;
        const key = sorted(arns).join(' ');
        const entry = byResources.get(key) ?? { sid: 'Cfn', actions: new Set(), arns: [...arns] };
        entry.sid += type.split('::').slice(1).join('');
        actions.forEach(x => entry.actions.add(x));
        byResources.set(key, entry);
    }
    return [...byResources.values()].map(e => statement(e.sid, e.actions, e.arns));
}
/** The two variants for a desired state; `account` is the 12-digit account (a placeholder when undefined). */
function deployerPolicies(d, account) {
    const acct = account ?? partition/* ACCOUNT_PLACEHOLDER */.a7;
    const a = arnsFor(d, acct);
    const n = d.names;
    const podIdentity = d.controllerIdentity === 'pod-identity';
    const stackInUse = !podIdentity || (d.podIdentity?.roleSource ?? 'stack') === 'stack';
    const stacks = [n.karpenterStack, n.irsaStack, n.podIdentityStack].map(a.stack);
    const cluster = a.regional('eks', `cluster/${n.cluster}`);
    const ctx = { partition: d.partition, region: d.region, accountId: acct, stackName: n.karpenterStack, attributes: {} };
    const karpenter = templateResources(d.karpenterStack, a);
    const controller = stackInUse ? templateResources(d.controllerStack, a) : [];
    // the other identity's stack is only ever deleted (an identity switch): its role needs the delete handler
    const otherRole = a.iam(`role/${podIdentity ? n.irsaRole : n.podIdentityRole}`);
    const roles = [...karpenter, ...controller].filter(r => r.type === 'AWS::IAM::Role').flatMap(r => r.arns);
    const controllerRole = d.arns.controllerRole.replace(partition/* ACCOUNT_PLACEHOLDER */.a7, acct);
    const externalRole = podIdentity && !stackInUse && d.podIdentity?.roleArn ? [d.podIdentity.roleArn] : [];
    const nodeRole = a.iam(`role/${n.nodeRole}`);
    const queue = n.interruptionQueue ? a.regional('sqs', n.interruptionQueue) : undefined;
    const controllerPolicies = n.controllerPolicies.map(p => a.iam(`policy/${p}`));
    const attachable = sorted([
        ...[d.karpenterStack, ...(stackInUse ? [d.controllerStack] : [])].flatMap(s => Object.values(s.template.Resources).flatMap(r => (r.Type === 'AWS::IAM::Role' ? (0,resolve/* resolveIntrinsics */.l)(r.Properties?.ManagedPolicyArns ?? [], ctx) : []))),
        ...controllerPolicies,
        // a Pod Identity role that is not the stack's gets them attached directly
        ...(d.podIdentity?.permissionPolicyArns ?? [])
    ]);
    const accessEntry = d.nodeAccess === 'auto' || d.nodeAccess === 'access-entry';
    const oidcProvider = a.iam(`oidc-provider/oidc.eks.${d.region}.${(0,partition/* urlSuffix */.rW)(d.partition)}/id/*`);
    const associations = a.regional('eks', `podidentityassociation/${n.cluster}/*`);
    const accessEntries = a.regional('eks', `access-entry/${n.cluster}/role/${acct}/${n.nodeRole}/*`);
    const changeSets = { StringLike: { 'cloudformation:ChangeSetName': `${names/* CHANGE_SET_PREFIX */.tt}*` } };
    const readClusterActions = ['eks:DescribeCluster', 'eks:ListPodIdentityAssociations'];
    const readOnly = [
        statement('ReadStacks', ['cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:GetTemplate', 'cloudformation:DescribeStackResources', 'cloudformation:DetectStackDrift', 'cloudformation:DescribeStackResourceDrifts'], stacks),
        // plan reads what apply would refuse on: which stack owns an instance profile of this name
        statement('FindInstanceProfileOwner', ['cloudformation:ListStacks'], '*'),
        statement('PlanChangeSets', ['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:DeleteChangeSet'], stacks, changeSets),
        // a CREATE change set makes the (empty) stack with the stack tags
        statement('TagsOfAPlannedStack', ['cloudformation:TagResource'], stacks, { StringEquals: { 'cloudformation:CreateAction': 'CreateChangeSet' } }),
        statement('DriftDetectionStatus', ['cloudformation:DescribeStackDriftDetectionStatus'], '*'),
        statement('ReadCluster', readClusterActions, cluster),
        statement('ReadPodIdentityAssociations', ['eks:DescribePodIdentityAssociation'], associations),
        ...(podIdentity ? [statement('ReadPodIdentityAgent', ['eks:DescribeAddon'], a.regional('eks', `addon/${n.cluster}/${names/* POD_IDENTITY_AGENT_ADDON */.Qt}/*`))] : []),
        ...(podIdentity && d.podIdentity?.permissionPolicyArns.length ? [statement('ReadPodIdentityPolicies', ['iam:GetPolicy'], d.podIdentity.permissionPolicyArns)] : []),
        ...(podIdentity ? [] : [statement('FindOidcProvider', ['iam:ListOpenIDConnectProviders'], '*')]),
        // the node role's access entry, and the policies of a Pod Identity role that is not the stack's, as plan and drift compare them
        ...(accessEntry ? [statement('ReadNodeAccessEntry', ['eks:DescribeAccessEntry'], accessEntries)] : []),
        ...(externalRole.length ? [statement('ReadExternalRoleAttachments', ['iam:ListAttachedRolePolicies'], externalRole)] : []),
        // drift detection reads every resource of the stacks with these credentials
        ...handlerStatements([...karpenter, ...controller], ['read']).map(s => ({ ...s, Sid: s.Sid.replace(/^Cfn/, 'DriftRead') }))
    ];
    const apply = [
        statement('Stacks', [
            'cloudformation:DescribeStacks', 'cloudformation:DescribeStackEvents', 'cloudformation:GetTemplate', 'cloudformation:ListStackResources',
            'cloudformation:DescribeStackResources', 'cloudformation:DeleteStack', 'cloudformation:UpdateTerminationProtection', 'cloudformation:TagResource',
            'cloudformation:DetectStackDrift', 'cloudformation:DescribeStackResourceDrifts'
        ], stacks),
        statement('ChangeSets', ['cloudformation:CreateChangeSet', 'cloudformation:DescribeChangeSet', 'cloudformation:ExecuteChangeSet', 'cloudformation:DeleteChangeSet'], stacks, changeSets),
        statement('DriftDetectionStatus', ['cloudformation:DescribeStackDriftDetectionStatus'], '*'),
        // preflight: which stack owns an instance profile of this name (names are account-wide); other clusters'
        // stacks are read only where this policy allows, and a denial there is taken as "not that stack"
        statement('FindInstanceProfileOwner', ['cloudformation:ListStacks'], '*'),
        statement('Cluster', [...readClusterActions, ...(podIdentity ? ['eks:CreatePodIdentityAssociation'] : [])], cluster),
        statement('PodIdentityAssociations', ['eks:DescribePodIdentityAssociation', 'eks:DeletePodIdentityAssociation', ...(podIdentity ? ['eks:UpdatePodIdentityAssociation', 'eks:TagResource'] : [])], associations),
        ...(podIdentity
            ? [
                statement('PodIdentityAgent', ['eks:DescribeAddon'], a.regional('eks', `addon/${n.cluster}/${names/* POD_IDENTITY_AGENT_ADDON */.Qt}/*`)),
                statement('PassControllerRoleToPodIdentity', ['iam:PassRole'], controllerRole, { StringEquals: { 'iam:PassedToService': 'pods.eks.amazonaws.com' } }),
                ...(d.podIdentity?.permissionPolicyArns.length ? [statement('PodIdentityPolicies', ['iam:GetPolicy'], d.podIdentity.permissionPolicyArns)] : [])
            ]
            : [
                statement('FindOidcProvider', ['iam:ListOpenIDConnectProviders'], '*'),
                statement('CreateOidcProvider', ['iam:CreateOpenIDConnectProvider', 'iam:TagOpenIDConnectProvider'], oidcProvider)
            ]),
        ...(accessEntry
            ? [
                statement('AccessEntryOnlyForTheNodeRole', ['eks:CreateAccessEntry'], cluster, { ArnEquals: { 'eks:principalArn': nodeRole } }),
                statement('NodeAccessEntry', ['eks:DescribeAccessEntry', 'eks:DeleteAccessEntry', 'eks:TagResource'], accessEntries)
            ]
            : []),
        ...handlerStatements([...karpenter, ...controller], ['create', 'read', 'update', 'delete'], { 'AWS::IAM::Role': [otherRole] }),
        // the controller roles (both identities') are in the role statement: their policies are detached before a
        // stack is deleted, and by the managed policy's delete handler. A Pod Identity role that is not the stack's
        // gets the controller policies attached directly.
        ...(externalRole.length ? [statement('ExternalRoleAttachments', ['iam:ListAttachedRolePolicies', 'iam:DetachRolePolicy'], externalRole)] : []),
        statement('AttachOnlyTheTemplatesPolicies', ['iam:AttachRolePolicy'], [...roles, ...externalRole], { ArnEquals: { 'iam:PolicyARN': attachable } }),
        statement('PassNodeRoleToInstanceProfile', ['iam:PassRole'], nodeRole, { StringEquals: { 'iam:PassedToService': partition/* EC2_PRINCIPAL */.It[d.partition] } }),
        ...(queue
            ? [statement('RuleTargetIsTheQueue', ['events:PutTargets'], karpenter.filter(r => r.type === 'AWS::Events::Rule').flatMap(r => r.arns), { 'ForAllValues:ArnEquals': { 'events:TargetArn': queue } })]
            : []),
        statement('FindLeftoverInstances', ['ec2:DescribeInstances'], '*'),
        ...terminateStatements(d, acct)
    ];
    return { account: acct, accountKnown: account !== undefined, apply: pack(apply), 'read-only': pack(readOnly) };
}
/** ec2:TerminateInstances only on instances tagged by Karpenter AND for this cluster (conditions of one statement AND; statements OR). */
function terminateStatements(d, account) {
    const instances = `arn:${d.partition}:ec2:${d.region}:${account}:instance/*`;
    const labels = ['OwnedTag', 'EksTag'];
    return names/* KARPENTER_INSTANCE_TAGS */.Hn.flatMap((key, i) => (0,names/* clusterInstanceTags */.X8)(d.names.cluster).map((tags, j) => statement(`TerminateKarpenterInstances${i === 0 ? '' : 'Pre032'}${labels[j]}`, ['ec2:TerminateInstances'], instances, {
        StringLike: { [`aws:ResourceTag/${key}`]: '*' },
        StringEquals: Object.fromEntries(Object.entries(tags).map(([k, v]) => [`aws:ResourceTag/${k}`, v]))
    })));
}
/** Statements packed into as few managed policies as fit IAM's cap (in order; a new policy when the next does not fit). */
function pack(statements) {
    const docs = [];
    let rest = statements;
    while (rest.length > 0) {
        const { fitted, rest: left } = (0,policy_pack/* fillWhileFits */.x8)(rest, s => (0,resolve/* policySize */.o)({ Version: '2012-10-17', Statement: s }), policy_pack/* IAM_MANAGED_POLICY_MAX_CHARS */.Yz);
        const take = fitted.length > 0 ? fitted : rest.slice(0, 1);
        docs.push({ Version: '2012-10-17', Statement: take });
        rest = fitted.length > 0 ? left : rest.slice(1);
    }
    return docs;
}
/** `deployer-policy.json`, `deployer-policy-2.json`…, `deployer-policy-read-only.json`…: the files render writes. */
function deployerPolicyFiles(p) {
    const out = {};
    for (const variant of deployer_variants/* DEPLOYER_VARIANTS */.Q) {
        p[variant].forEach((doc, i) => {
            out[`deployer-policy${variant === 'apply' ? '' : `-${variant}`}${i === 0 ? '' : `-${i + 1}`}.json`] = JSON.stringify(doc, null, 2) + '\n';
        });
    }
    return out;
}

// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/core/helm/values-merge.ts
var values_merge = __webpack_require__(7501);
// EXTERNAL MODULE: ./src/report/html.ts
var html = __webpack_require__(6433);
// EXTERNAL MODULE: ./src/report/values-yaml.ts
var values_yaml = __webpack_require__(3336);
// EXTERNAL MODULE: ./src/core/config/diagnostics.ts
var diagnostics = __webpack_require__(4382);
// EXTERNAL MODULE: ./src/core/plan/node-access.ts
var node_access = __webpack_require__(3490);
// EXTERNAL MODULE: ./src/core/karpenter/windows.ts
var windows = __webpack_require__(1577);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/core/karpenter/windows-render.ts



/** eksctl creates clusters in this mode when the file does not say. */
const EKSCTL_DEFAULT_MODE = 'API_AND_CONFIG_MAP';
function windowsRenderView(config, nodeAccess) {
    const groups = config.windowsNodeGroups;
    if (groups.length === 0)
        return { problems: [] };
    const reasons = (0,windows/* windowsNodeReasons */.vE)(groups, []);
    const mode = config.authenticationMode ?? EKSCTL_DEFAULT_MODE;
    try {
        const decision = (0,node_access/* resolveNodeAccess */.nL)(nodeAccess, mode, reasons);
        const how = decision.method === 'aws-auth'
            ? `the node role is mapped in aws-auth with groups eks:kube-proxy-windows, system:bootstrappers, system:nodes`
            : 'node access is left to you (node-access: none)';
        return { problems: [], step: `Windows nodes (${reasons.join('; ')}): ${how}; apply decides from the cluster's authentication mode (${mode} in the file${config.authenticationMode ? '' : ', eksctl\'s default'})` };
    }
    catch (err) {
        const first = groups[0];
        const problem = {
            severity: 'error',
            file: config.file,
            line: first.position.line,
            col: first.position.col,
            path: `${first.path}.amiFamily`,
            message: (0,errors/* errorMessage */.gJ)(err),
            got: first.amiFamily,
            expected: `a node-access that can map Windows nodes (aws-auth) on a cluster whose authentication mode includes CONFIG_MAP`
        };
        return { problems: [problem] };
    }
}

;// CONCATENATED MODULE: ./src/modes/render.ts
// render: offline. Validates the config and shows the templates, the Helm values and the exact helm
// command in the log and the summary; the command line also writes them to a folder.








async function runRender(ctx) {
    // built offline before the mode ran (run.ts): render shows it as it is
    const desired = ctx.offline;
    ctx.report.desired = desired;
    const windows = windowsRenderView(ctx.config, ctx.inputs.nodeAccess);
    if (windows.problems.length > 0)
        throw new diagnostics/* ConfigError */.xL(windows.problems);
    if (windows.step)
        ctx.report.steps.push(windows.step);
    ctx.report.deployerPolicies = deployerPolicies(desired, ctx.inputs.account);
    ctx.report.artefacts = renderArtefacts(desired, ctx.report.deployerPolicies);
    for (const [file, body] of Object.entries(ctx.report.artefacts)) {
        (0,log/* startGroup */.Oh)(file);
        (0,log/* infoBlock */.e7)(body);
        (0,log/* endGroup */.N4)();
    }
    const extra = ctx.files.values;
    if (extra) {
        // What helm ends up with: the generated values, then the values-file over them (README, Inputs). The log
        // gets JSON: the file is the user's, and no JSON line can start with `::` (a workflow command), as a YAML
        // key or block scalar line could. The summary shows YAML, HTML-escaped.
        const title = `values.yaml with ${extra.file} applied last`;
        const merged = (0,values_merge/* mergeValues */.D)(desired.helm.values, extra.values);
        (0,log/* startGroup */.Oh)(`${title} (as JSON)`);
        (0,log/* infoBlock */.e7)(JSON.stringify(merged, null, 2));
        (0,log/* endGroup */.N4)();
        ctx.report.sections.push({ title: 'Helm values with the values-file', body: (0,html/* details */.zH)(title, (0,dist/* stringify */.As)(merged)) });
    }
}
/** The files `render --out DIR` writes (docs/design.md, "Modes"): made once by runRender, which keeps them in the report. */
function renderArtefacts(d, policies) {
    return {
        'karpenter-stack.json': JSON.stringify(d.karpenterStack.template, null, 2) + '\n',
        'controller-stack.json': JSON.stringify(d.controllerStack.template, null, 2) + '\n',
        'values.yaml': (0,values_yaml/* valuesYaml */.G)(d.helm.values),
        'helm-args.json': JSON.stringify(d.helmArgs, null, 2) + '\n',
        ...(policies ? deployerPolicyFiles(policies) : {})
    };
}


/***/ })

};
