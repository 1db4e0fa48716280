export const id = 740;
export const ids = [740];
export const modules = {

/***/ 1797:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   l: () => (/* binding */ resolveIntrinsics),
/* harmony export */   o: () => (/* binding */ policySize)
/* harmony export */ });
/* harmony import */ var _state_partition_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8183);

function resolveIntrinsics(value, ctx) {
    if (Array.isArray(value))
        return value.map(v => resolveIntrinsics(v, ctx));
    if (value === null || typeof value !== 'object')
        return value;
    const obj = value;
    const keys = Object.keys(obj);
    if (keys.length === 1 && keys[0] === 'Fn::Sub' && typeof obj['Fn::Sub'] === 'string') {
        return substitute(obj['Fn::Sub'], ctx);
    }
    if (keys.length === 1 && keys[0] === 'Fn::GetAtt') {
        const [logicalId, attr] = obj['Fn::GetAtt'];
        const resolved = ctx.attributes[`${logicalId}.${attr}`];
        if (resolved === undefined)
            throw new Error(`cannot resolve Fn::GetAtt ${logicalId}.${attr}`);
        return resolved;
    }
    if (keys.length === 1 && keys[0] === 'Ref') {
        const resolved = pseudoParameter(String(obj.Ref), ctx) ?? ctx.attributes[String(obj.Ref)];
        if (resolved === undefined)
            throw new Error(`cannot resolve Ref ${String(obj.Ref)}`);
        return resolved;
    }
    return Object.fromEntries(keys.map(k => [k, resolveIntrinsics(obj[k], ctx)]));
}
function pseudoParameter(name, ctx) {
    switch (name) {
        case 'AWS::Partition': return ctx.partition;
        case 'AWS::Region': return ctx.region;
        case 'AWS::AccountId': return ctx.accountId;
        case 'AWS::URLSuffix': return (0,_state_partition_js__WEBPACK_IMPORTED_MODULE_0__/* .urlSuffix */ .rW)(ctx.partition);
        case 'AWS::StackName': return ctx.stackName;
        default: return undefined;
    }
}
function substitute(template, ctx) {
    return template.replace(/\$\{([^}]+)\}/g, (_, name) => {
        const resolved = pseudoParameter(name, ctx) ?? ctx.attributes[name];
        if (resolved === undefined)
            throw new Error(`cannot resolve \${${name}} in Fn::Sub`);
        return resolved;
    });
}
/** IAM counts a policy's characters without insignificant white space. */
function policySize(document) {
    return JSON.stringify(document).length;
}


/***/ }),

/***/ 5119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MC: () => (/* binding */ CRD_RELEASE),
/* harmony export */   hy: () => (/* binding */ crdUpgradeArgs),
/* harmony export */   qu: () => (/* binding */ uninstallArgs),
/* harmony export */   yv: () => (/* binding */ upgradeArgs)
/* harmony export */ });
/* unused harmony exports needsPlainHttp, templateArgs */
/* harmony import */ var _karpenter_version_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1112);

// Loopback registries are the only ones reached over plain HTTP: a local mirror or the tests' registry. Helm
// (≥ 3.13) needs `--plain-http` for them; a remote registry always gets TLS (there is no input to weaken it).
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;
/** True for `oci://localhost…`, `oci://127.x.y.z…`, `oci://[::1]…` references. */
function needsPlainHttp(chart) {
    const m = /^oci:\/\/([^/]+)/i.exec(chart);
    return m !== null && LOOPBACK_HOST.test(m[1]);
}
function chartArgs(ref) {
    return [ref.chart, '--version', ref.version, ...(needsPlainHttp(ref.chart) ? ['--plain-http'] : [])];
}
function timeoutArg(spec) {
    return `${Math.max(1, Math.round(spec.timeoutSeconds))}s`;
}
/** --values for the generated file, then the user's values-file, which therefore wins (SPEC §3). */
function valuesArgs(spec, valuesPath) {
    return ['--values', valuesPath, ...(spec.valuesFile ? ['--values', spec.valuesFile] : [])];
}
/**
 * `upgrade --install <release> <chart> --version <tag> [--plain-http] --namespace <ns> --create-namespace
 *  --values <generated> [--values <values-file>] --wait --timeout <N>s`
 * `valuesPath` is where the generated values are (or, in render, a placeholder for them).
 */
function upgradeArgs(spec, valuesPath) {
    return [
        'upgrade',
        '--install',
        spec.release,
        ...chartArgs(spec.chart),
        '--namespace',
        spec.namespace,
        '--create-namespace',
        ...valuesArgs(spec, valuesPath),
        '--wait',
        '--timeout',
        timeoutArg(spec)
    ];
}
/** The CRD chart's release name: upstream's docs and troubleshooting page use `karpenter-crd`. */
const CRD_RELEASE = 'karpenter-crd';
/**
 * The karpenter-crd chart, same shape as the controller's (no values file: its values are its own).
 * 0.32 – 1.0.x CRD charts template the conversion webhook's Service from `webhook.serviceNamespace`, which
 * defaults to kube-system; pointing it at the namespace the controller is really in keeps conversion working
 * when Karpenter lives elsewhere (the v1 migration guide sets the same value).
 */
function crdUpgradeArgs(spec, release = CRD_RELEASE) {
    if (!spec.crdChart)
        throw new Error(`no CRD chart for ${spec.chart.chart} ${spec.chart.version}`);
    const ver = (0,_karpenter_version_js__WEBPACK_IMPORTED_MODULE_0__/* .parseVersion */ .ot)(spec.crdChart.version);
    const webhookEra = ver !== undefined && (0,_karpenter_version_js__WEBPACK_IMPORTED_MODULE_0__/* .atLeastMinor */ .Cp)(ver, 0, 32) && !(0,_karpenter_version_js__WEBPACK_IMPORTED_MODULE_0__/* .atLeastMinor */ .Cp)(ver, 1, 1);
    return [
        'upgrade',
        '--install',
        release,
        ...chartArgs(spec.crdChart),
        '--namespace',
        spec.namespace,
        '--create-namespace',
        ...(webhookEra ? ['--set', `webhook.serviceNamespace=${spec.namespace}`] : []),
        '--wait',
        '--timeout',
        timeoutArg(spec)
    ];
}
/** `template` with the same chart, values and namespace as the upgrade: what would be installed (plan, tests). */
function templateArgs(spec, valuesPath) {
    return [
        'template',
        spec.release,
        ...chartArgs(spec.chart),
        '--namespace',
        spec.namespace,
        ...valuesArgs(spec, valuesPath)
    ];
}
/** `uninstall <release> --namespace <ns> --wait --timeout <N>s` */
function uninstallArgs(release, namespace, timeoutSeconds) {
    return ['uninstall', release, '--namespace', namespace, '--wait', '--timeout', `${Math.max(1, Math.round(timeoutSeconds))}s`];
}


/***/ }),

/***/ 740:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  k: () => (/* binding */ buildDesiredState)
});

// UNUSED EXPORTS: VALUES_FILE_PLACEHOLDER

// EXTERNAL MODULE: ./src/config/diagnostics.ts
var diagnostics = __webpack_require__(7410);
// EXTERNAL MODULE: ./src/config/identity.ts
var config_identity = __webpack_require__(270);
// EXTERNAL MODULE: ./src/karpenter/version.ts
var karpenter_version = __webpack_require__(1112);
;// CONCATENATED MODULE: ./src/karpenter/chart.ts
// Helm chart coordinates for a Karpenter version (reference digest §3.1–3.2, §3.5).

/** Official controller chart. */
const DEFAULT_CHART = 'oci://public.ecr.aws/karpenter/karpenter';
/** The CRD chart sits next to the controller chart with this suffix (`…/karpenter` → `…/karpenter-crd`). */
const CRD_CHART_SUFFIX = '-crd';
// OCI chart tags carried the git tag's 'v' from 0.17.0 (first OCI release) until 0.35.0 dropped it; release
// candidates follow the same rule ("stable releases prior to 0.35.0 are prefixed with a v", rcs too).
const V_PREFIX_FROM = (0,karpenter_version.v)(0, 17, 0);
const V_PREFIX_UNTIL = (0,karpenter_version.v)(0, 35, 0);
/**
 * The `--version` to pass helm: 'v0.34.0' for 0.17.0 ≤ v < 0.35.0, '0.35.0' / '1.14.1' otherwise. Release
 * candidates "prior to 0.35.0" are prefixed too (compatibility.md); semver order puts '0.35.0-rc.1' before 0.35.0,
 * so it is prefixed as well (no such rc was ever published; the rule only has to be consistent).
 */
function chartTag(ver) {
    const bare = (0,karpenter_version/* formatVersion */.qh)(ver);
    const prefixed = (0,karpenter_version/* compareVersions */.Zy)(ver, { ...V_PREFIX_FROM, prerelease: '0' }) >= 0 && (0,karpenter_version/* compareVersions */.Zy)(ver, V_PREFIX_UNTIL) < 0;
    return prefixed ? `v${bare}` : bare;
}
/**
 * The karpenter-crd chart for a controller chart reference: `oci://x/karpenter` → `oci://x/karpenter-crd`.
 * A reference already ending in '-crd' is returned unchanged; trailing slashes are dropped.
 */
function crdChartRef(chartRef) {
    const ref = chartRef.replace(/\/+$/, '');
    return ref.endsWith(CRD_CHART_SUFFIX) ? ref : `${ref}${CRD_CHART_SUFFIX}`;
}
const CRD_CHART_FIRST = (0,karpenter_version.v)(0, 26, 1);
/** karpenter-crd was first published with 0.26.1; every version this tool supports (≥ 0.28.0) has it. */
function crdChartAvailable(ver) {
    return compareVersions(ver, CRD_CHART_FIRST) >= 0;
}

;// CONCATENATED MODULE: ./src/karpenter/policy.ts
// The Karpenter controller's IAM permissions for one Karpenter version, statement for statement as in
// Karpenter's own getting-started CloudFormation at that version's git tag
// (website/content/en/preview/getting-started/getting-started-with-karpenter/cloudformation.yaml), NOT eksctl's
// unscoped 29-action list. Statements are classified into the parts upstream uses since 1.9 (even for older
// versions) so the caller can pack them into ≤ 6,144-character managed policies.
//
// Template history (checked against the tags; every patch of a minor carries the same template):
//   ≤0.31   single policy, v1alpha5 tags (karpenter.sh/provisioner-name), AllowMachineMigrationTagging,
//           sqs:GetQueueAttributes, ec2:DescribeAvailabilityZones. (0.28's own template was still unscoped
//           Resource "*"; scoping arrived in 0.29. 0.28 already stamps the same restricted tags on what it creates
//           — kubernetes.io/cluster/<c>=owned, karpenter.sh/provisioner-name, karpenter.sh/managed-by — so the
//           0.31 form works for 0.28 and we use it rather than "*".)
//   0.32    v1beta1: nodepool tags, AllowScopedResourceTagging, instance-profile statements.
//   0.33    spot-instances-request moves to the tag-scoped statements; sqs:GetQueueAttributes dropped.
//   0.34    launch-template access split into a ResourceTag-scoped statement.
//   0.36    PassRole on the node role's ARN (we always use the caller's node role ARN: our role name differs).
//   1.0     eks:eks-cluster-name conditions; instance-profile ARN scoping.
//   1.1     DescribeAvailabilityZones dropped; PassedToService adds ec2.amazonaws.com.cn.
//   1.3     capacity-reservation/* and DescribeCapacityReservations.   1.7  iam:ListInstanceProfiles.
//   1.9     split into 5 policies; capacity-reservation/* leaves the …WithTags statement.
//   1.11    placement-group/* and DescribePlacementGroups.
//   1.12    ZonalShift policy; separate AllowUnscopedEC2DescribeInstanceStatus on "*".
//   1.13+   zonal shift fixed (Resource "*" + arc-zonal-shift:ResourceIdentifier); DescribeInstanceStatus folded
//           into the region-scoped read statement.

/** Part order, as upstream's template lists the policies (1.12+). */
const POLICY_PART_ORDER = (/* unused pure expression or super */ null && ([
    'NodeLifecycle',
    'IAMIntegration',
    'EKSIntegration',
    'Interruption',
    'ZonalShift',
    'ResourceDiscovery'
]));
const sub = (s) => ({ 'Fn::Sub': s });
const REGION = { Ref: 'AWS::Region' };
// image and snapshot ARNs have no account; everything else is any account ('*') in the stack's region.
const ec2Global = (type) => sub(`arn:\${AWS::Partition}:ec2:\${AWS::Region}::${type}/*`);
const ec2 = (type) => sub(`arn:\${AWS::Partition}:ec2:\${AWS::Region}:*:${type}/*`);
const INSTANCE_PROFILES = sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:instance-profile/*');
const clusterArn = (c) => sub(`arn:\${AWS::Partition}:eks:\${AWS::Region}:\${AWS::AccountId}:cluster/${c}`);
const when = (cond, ...items) => (cond ? items : []);
function eraOf(v) {
    const at = (major, minor) => (0,karpenter_version/* atLeastMinor */.Cp)(v, major, minor);
    return {
        poolTag: at(0, 32) ? 'karpenter.sh/nodepool' : 'karpenter.sh/provisioner-name',
        beta: at(0, 32),
        v033: at(0, 33),
        v034: at(0, 34),
        v1: at(1, 0),
        v1_1: at(1, 1),
        v1_3: at(1, 3),
        v1_7: at(1, 7),
        v1_9: at(1, 9),
        v1_11: at(1, 11),
        v1_12: at(1, 12),
        v1_13: at(1, 13)
    };
}
function nodeLifecycle(e, c, alphaSuffix = '') {
    const owned = { [`aws:RequestTag/kubernetes.io/cluster/${c}`]: 'owned' };
    const eksName = e.v1 ? { 'aws:RequestTag/eks:eks-cluster-name': c } : {};
    const resourceOwned = {
        StringEquals: { [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: 'owned' },
        StringLike: { [`aws:ResourceTag/${e.poolTag}`]: '*' }
    };
    const taggedTypes = [
        ec2('fleet'),
        ec2('instance'),
        ec2('volume'),
        ec2('network-interface'),
        ec2('launch-template'),
        ...when(e.v033, ec2('spot-instances-request'))
    ];
    const out = [];
    if (!alphaSuffix) {
        if (e.v034) {
            out.push({
                Sid: 'AllowScopedEC2InstanceAccessActions',
                Effect: 'Allow',
                Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
                Resource: [
                    ec2Global('image'),
                    ec2Global('snapshot'),
                    ec2('security-group'),
                    ec2('subnet'),
                    ...when(e.v1_3, ec2('capacity-reservation')),
                    ...when(e.v1_11, ec2('placement-group'))
                ]
            });
            out.push({
                Sid: 'AllowScopedEC2LaunchTemplateAccessActions',
                Effect: 'Allow',
                Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
                Resource: ec2('launch-template'),
                Condition: resourceOwned
            });
        }
        else {
            out.push({
                Sid: 'AllowScopedEC2InstanceActions',
                Effect: 'Allow',
                Action: ['ec2:RunInstances', 'ec2:CreateFleet'],
                Resource: [
                    ec2Global('image'),
                    ec2Global('snapshot'),
                    ...when(!e.v033, ec2('spot-instances-request')),
                    ec2('security-group'),
                    ec2('subnet'),
                    ec2('launch-template')
                ]
            });
        }
    }
    out.push({
        Sid: `AllowScopedEC2InstanceActionsWithTags${alphaSuffix}`,
        Effect: 'Allow',
        Action: ['ec2:RunInstances', 'ec2:CreateFleet', 'ec2:CreateLaunchTemplate'],
        // 1.3–1.8 also listed capacity-reservation here; the 1.9 split dropped it (AccessActions covers it).
        Resource: [...taggedTypes, ...when(e.v1_3 && !e.v1_9, ec2('capacity-reservation'))],
        Condition: {
            StringEquals: { ...owned, ...eksName },
            StringLike: { [`aws:RequestTag/${e.poolTag}`]: '*' }
        }
    });
    out.push({
        Sid: `AllowScopedResourceCreationTagging${alphaSuffix}`,
        Effect: 'Allow',
        Action: ['ec2:CreateTags'],
        Resource: taggedTypes,
        Condition: {
            StringEquals: { ...owned, ...eksName, 'ec2:CreateAction': ['RunInstances', 'CreateFleet', 'CreateLaunchTemplate'] },
            StringLike: { [`aws:RequestTag/${e.poolTag}`]: '*' }
        }
    });
    if (e.poolTag === 'karpenter.sh/provisioner-name') {
        out.push({
            Sid: `AllowMachineMigrationTagging${alphaSuffix}`,
            Effect: 'Allow',
            Action: ['ec2:CreateTags'],
            Resource: ec2('instance'),
            Condition: {
                StringEquals: {
                    [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: 'owned',
                    'aws:RequestTag/karpenter.sh/managed-by': c
                },
                StringLike: { 'aws:RequestTag/karpenter.sh/provisioner-name': '*' },
                'ForAllValues:StringEquals': { 'aws:TagKeys': ['karpenter.sh/provisioner-name', 'karpenter.sh/managed-by'] }
            }
        });
    }
    else {
        out.push({
            Sid: 'AllowScopedResourceTagging',
            Effect: 'Allow',
            Action: ['ec2:CreateTags'],
            Resource: ec2('instance'),
            Condition: {
                ...resourceOwned,
                ...(e.v1 ? { StringEqualsIfExists: { 'aws:RequestTag/eks:eks-cluster-name': c } } : {}),
                'ForAllValues:StringEquals': {
                    'aws:TagKeys': [...when(e.v1, 'eks:eks-cluster-name'), 'karpenter.sh/nodeclaim', 'Name']
                }
            }
        });
    }
    out.push({
        Sid: `AllowScopedDeletion${alphaSuffix}`,
        Effect: 'Allow',
        Action: ['ec2:TerminateInstances', 'ec2:DeleteLaunchTemplate'],
        Resource: [ec2('instance'), ec2('launch-template')],
        Condition: resourceOwned
    });
    return out;
}
function iamIntegration(e, c, nodeRoleArn) {
    const out = [
        {
            Sid: 'AllowPassingInstanceRole',
            Effect: 'Allow',
            Action: ['iam:PassRole'],
            Resource: nodeRoleArn,
            Condition: {
                StringEquals: { 'iam:PassedToService': e.v1_1 ? ['ec2.amazonaws.com', 'ec2.amazonaws.com.cn'] : 'ec2.amazonaws.com' }
            }
        }
    ];
    if (!e.beta)
        return out;
    // 0.32–0.37 templates put these on Resource "*" (ABAC conditions only); 1.0 scoped them to instance profiles.
    // Upstream later backported that scoping into its v0.32 docs; the actions only ever touch instance profiles,
    // so we scope every version.
    const eksName = e.v1 ? { 'aws:RequestTag/eks:eks-cluster-name': c } : {};
    const ownedHere = {
        [`aws:ResourceTag/kubernetes.io/cluster/${c}`]: 'owned',
        'aws:ResourceTag/topology.kubernetes.io/region': REGION
    };
    out.push({
        Sid: 'AllowScopedInstanceProfileCreationActions',
        Effect: 'Allow',
        Action: ['iam:CreateInstanceProfile'],
        Resource: INSTANCE_PROFILES,
        Condition: {
            StringEquals: {
                [`aws:RequestTag/kubernetes.io/cluster/${c}`]: 'owned',
                ...eksName,
                'aws:RequestTag/topology.kubernetes.io/region': REGION
            },
            StringLike: { 'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*' }
        }
    }, {
        Sid: 'AllowScopedInstanceProfileTagActions',
        Effect: 'Allow',
        Action: ['iam:TagInstanceProfile'],
        Resource: INSTANCE_PROFILES,
        Condition: {
            StringEquals: {
                ...ownedHere,
                [`aws:RequestTag/kubernetes.io/cluster/${c}`]: 'owned',
                ...eksName,
                'aws:RequestTag/topology.kubernetes.io/region': REGION
            },
            StringLike: {
                'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*',
                'aws:RequestTag/karpenter.k8s.aws/ec2nodeclass': '*'
            }
        }
    }, {
        Sid: 'AllowScopedInstanceProfileActions',
        Effect: 'Allow',
        Action: ['iam:AddRoleToInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile'],
        Resource: INSTANCE_PROFILES,
        Condition: {
            StringEquals: ownedHere,
            StringLike: { 'aws:ResourceTag/karpenter.k8s.aws/ec2nodeclass': '*' }
        }
    });
    return out;
}
function eksIntegration(c) {
    return [
        {
            Sid: 'AllowAPIServerEndpointDiscovery',
            Effect: 'Allow',
            Action: ['eks:DescribeCluster'],
            Resource: clusterArn(c)
        }
    ];
}
function interruption(e, queueArn) {
    return [
        {
            Sid: 'AllowInterruptionQueueActions',
            Effect: 'Allow',
            Action: ['sqs:DeleteMessage', ...when(!e.v033, 'sqs:GetQueueAttributes'), 'sqs:GetQueueUrl', 'sqs:ReceiveMessage'],
            Resource: queueArn
        }
    ];
}
// The 1.12.0 template granted GetManagedResource on the cluster ARN, which does not work (upstream issue #9118,
// fixed by PR #9123 in 1.13.0). 1.12 gets the fixed 1.13 form.
function zonalShift(c) {
    return [
        {
            Sid: 'AllowZonalShiftStatusReadOnly',
            Effect: 'Allow',
            Action: ['arc-zonal-shift:GetManagedResource'],
            Resource: '*',
            Condition: { StringEquals: { 'arc-zonal-shift:ResourceIdentifier': clusterArn(c) } }
        }
    ];
}
function resourceDiscovery(e) {
    const out = [
        {
            Sid: 'AllowRegionalReadActions',
            Effect: 'Allow',
            Action: [
                ...when(!e.v1_1, 'ec2:DescribeAvailabilityZones'),
                ...when(e.v1_3, 'ec2:DescribeCapacityReservations'),
                'ec2:DescribeImages',
                'ec2:DescribeInstances',
                ...when(e.v1_13, 'ec2:DescribeInstanceStatus'),
                'ec2:DescribeInstanceTypeOfferings',
                'ec2:DescribeInstanceTypes',
                'ec2:DescribeLaunchTemplates',
                ...when(e.v1_11, 'ec2:DescribePlacementGroups'),
                'ec2:DescribeSecurityGroups',
                'ec2:DescribeSpotPriceHistory',
                'ec2:DescribeSubnets'
            ],
            Resource: '*',
            Condition: { StringEquals: { 'aws:RequestedRegion': REGION } }
        },
        {
            Sid: 'AllowSSMReadActions',
            Effect: 'Allow',
            Action: ['ssm:GetParameter'],
            Resource: sub('arn:${AWS::Partition}:ssm:${AWS::Region}::parameter/aws/service/*')
        },
        { Sid: 'AllowPricingReadActions', Effect: 'Allow', Action: ['pricing:GetProducts'], Resource: '*' }
    ];
    if (e.v1_7) {
        out.push({
            Sid: 'AllowUnscopedInstanceProfileListAction',
            Effect: 'Allow',
            Action: ['iam:ListInstanceProfiles'],
            Resource: '*'
        });
    }
    if (e.beta) {
        out.push({
            Sid: 'AllowInstanceProfileReadActions',
            Effect: 'Allow',
            Action: ['iam:GetInstanceProfile'],
            Resource: INSTANCE_PROFILES
        });
    }
    // Only the 1.12 template has this separate unscoped statement; 1.13 folded the action into the regional one.
    if (e.v1_12 && !e.v1_13) {
        out.push({
            Sid: 'AllowUnscopedEC2DescribeInstanceStatus',
            Effect: 'Allow',
            Action: ['ec2:DescribeInstanceStatus'],
            Resource: '*'
        });
    }
    return out;
}
/**
 * The controller's statements for Karpenter `v`, grouped by upstream part in POLICY_PART_ORDER. Parts with no
 * statements are left out (Interruption without a queue, ZonalShift before 1.12). A version newer than any known
 * gets the newest permissions. Sids are unique across all parts, so any packing of parts is a valid policy.
 */
function controllerPolicyParts(v, p) {
    const e = eraOf(v);
    const c = p.clusterName;
    const lifecycle = nodeLifecycle(e, c);
    // 0.32 serves v1alpha5 and v1beta1 side by side; its migration guide keeps the ≤0.31 policy attached next to the
    // v1beta1 one until every Provisioner is migrated. Launches for still-alpha Provisioners carry
    // karpenter.sh/provisioner-name tags, so 0.32 also gets the alpha tag-scoped statements (Sids suffixed).
    if (e.beta && !e.v033) {
        lifecycle.push(...nodeLifecycle({ ...e, poolTag: 'karpenter.sh/provisioner-name' }, c, 'V1Alpha5'));
    }
    const parts = [
        { part: 'NodeLifecycle', statements: lifecycle },
        { part: 'IAMIntegration', statements: iamIntegration(e, c, p.nodeRoleArn) },
        { part: 'EKSIntegration', statements: eksIntegration(c) },
        { part: 'Interruption', statements: p.interruptionQueueArn !== undefined ? interruption(e, p.interruptionQueueArn) : [] },
        { part: 'ZonalShift', statements: e.v1_12 ? zonalShift(c) : [] },
        { part: 'ResourceDiscovery', statements: resourceDiscovery(e) }
    ];
    return parts.filter((x) => x.statements.length > 0);
}
/**
 * AWS managed policies for the node role (names; the caller builds `arn:${AWS::Partition}:iam::aws:policy/<name>`).
 * SPEC §4 uses AmazonEC2ContainerRegistryPullOnly for every Karpenter version, like eksctl; upstream switched from
 * ReadOnly at 1.4 and PullOnly grants a subset of what ReadOnly did that nodes need (pull + pull-through cache).
 */
function nodeRoleManagedPolicies() {
    return [
        'AmazonEKSWorkerNodePolicy',
        'AmazonEKS_CNI_Policy',
        'AmazonEC2ContainerRegistryPullOnly',
        'AmazonSSMManagedInstanceCore'
    ];
}

;// CONCATENATED MODULE: ./src/karpenter/values.ts
// Helm values this tool owns for a Karpenter version (reference digest §3.3–3.4; SPEC §5).
//
// ≥ 0.33   settings.clusterName, settings.clusterEndpoint, settings.interruptionQueue (the queue NAME).
// 0.32.x   the same new names, plus settings.aws.defaultInstanceProfile: 0.32 still serves v1alpha5
//          AWSNodeTemplates, which fall back to the global default instance profile, and the v1beta1 migration
//          guide's 0.32 install sets exactly that alongside settings.clusterName / settings.interruptionQueue.
//          The other old names are not duplicated: 0.32's deployment reads `or settings.aws.X settings.X`, so one
//          spelling is enough, and the new one is what 0.33 keeps.
// < 0.32   settings.aws.clusterName, settings.aws.clusterEndpoint, settings.aws.defaultInstanceProfile,
//          settings.aws.interruptionQueueName.
// `settings.interruptionQueueName` is never produced: no chart reads it (eksctl sets it on ≥ 0.33 and its
// interruption handling therefore never turns on).

const IRSA_ANNOTATION = 'eks.amazonaws.com/role-arn';
function compact(o) {
    const out = {};
    for (const [k, val] of Object.entries(o))
        if (val !== undefined && val !== '')
            out[k] = val;
    return out;
}
/**
 * Values for `helm upgrade --install`. Without roleArn the service account's annotations map is empty: no
 * eks.amazonaws.com/role-arn annotation (Pod Identity), and an explicit {} replaces one an earlier IRSA install set.
 */
function helmValues(v, p) {
    const serviceAccount = {
        create: p.serviceAccount.create,
        name: p.serviceAccount.name,
        annotations: p.serviceAccount.roleArn ? { [IRSA_ANNOTATION]: p.serviceAccount.roleArn } : {}
    };
    if (!(0,karpenter_version/* atLeastMinor */.Cp)(v, 0, 32)) {
        return {
            settings: {
                aws: compact({
                    clusterName: p.clusterName,
                    clusterEndpoint: p.clusterEndpoint,
                    defaultInstanceProfile: p.defaultInstanceProfile,
                    interruptionQueueName: p.interruptionQueue
                })
            },
            serviceAccount
        };
    }
    const settings = compact({
        clusterName: p.clusterName,
        clusterEndpoint: p.clusterEndpoint,
        interruptionQueue: p.interruptionQueue
    });
    if (!(0,karpenter_version/* atLeastMinor */.Cp)(v, 0, 33) && p.defaultInstanceProfile) {
        settings['aws'] = { defaultInstanceProfile: p.defaultInstanceProfile };
    }
    return { settings, serviceAccount };
}
/**
 * Dotted value paths this tool sets for version `v` (every path helmValues can produce for it, present or not), for
 * drift comparison against the installed release's values. Keys containing dots are quoted like helm's --set:
 * serviceAccount.annotations."eks.amazonaws.com/role-arn".
 */
function managedValuePaths(v) {
    const sa = ['serviceAccount.create', 'serviceAccount.name', `serviceAccount.annotations."${IRSA_ANNOTATION}"`];
    if (!atLeastMinor(v, 0, 32)) {
        return [
            'settings.aws.clusterName',
            'settings.aws.clusterEndpoint',
            'settings.aws.defaultInstanceProfile',
            'settings.aws.interruptionQueueName',
            ...sa
        ];
    }
    return [
        'settings.clusterName',
        'settings.clusterEndpoint',
        'settings.interruptionQueue',
        ...(atLeastMinor(v, 0, 33) ? [] : ['settings.aws.defaultInstanceProfile']),
        ...sa
    ];
}

// EXTERNAL MODULE: ./src/helm/args.ts
var args = __webpack_require__(5119);
;// CONCATENATED MODULE: ./src/karpenter/interruption.ts
// Interruption-handling resources per Karpenter version, as in upstream's getting-started template:
// EventBridge rules feeding the SQS queue, and the queue's resource policy.

/** Four rules for every version; 1.10 added the capacity-reservation interruption rule (interruptible ODCRs). */
function interruptionRules(v) {
    const rules = [
        { logicalId: 'ScheduledChangeRule', source: 'aws.health', detailType: 'AWS Health Event' },
        { logicalId: 'SpotInterruptionRule', source: 'aws.ec2', detailType: 'EC2 Spot Instance Interruption Warning' },
        { logicalId: 'RebalanceRule', source: 'aws.ec2', detailType: 'EC2 Instance Rebalance Recommendation' },
        { logicalId: 'InstanceStateChangeRule', source: 'aws.ec2', detailType: 'EC2 Instance State-change Notification' }
    ];
    if ((0,karpenter_version/* atLeastMinor */.Cp)(v, 1, 10)) {
        rules.push({
            logicalId: 'CapacityReservationInterruptionRule',
            source: 'aws.ec2',
            detailType: 'EC2 Capacity Reservation Instance Interruption Warning'
        });
    }
    return rules;
}
/**
 * Statements of the queue's resource policy (document Id `EC2InterruptionPolicy`): EventBridge and SQS may send;
 * from 1.0 the template also denies every non-TLS request (DenyHTTP). DenyHTTP harms nothing on older versions,
 * but we follow the template per version so plan/drift compare against what upstream ships.
 */
function queuePolicyStatements(v, queueArn) {
    const out = [
        {
            Effect: 'Allow',
            Principal: { Service: ['events.amazonaws.com', 'sqs.amazonaws.com'] },
            Action: 'sqs:SendMessage',
            Resource: queueArn
        }
    ];
    if ((0,karpenter_version/* atLeastMinor */.Cp)(v, 1, 0)) {
        out.push({
            Sid: 'DenyHTTP',
            Effect: 'Deny',
            Principal: '*',
            Action: 'sqs:*',
            Resource: queueArn,
            Condition: { Bool: { 'aws:SecureTransport': 'false' } }
        });
    }
    return out;
}

// EXTERNAL MODULE: ./src/state/partition.ts
var state_partition = __webpack_require__(8183);
;// CONCATENATED MODULE: ./src/cfn/templates/common.ts
const common_sub = (s) => ({ 'Fn::Sub': s });
const getAtt = (logicalId, attr = 'Arn') => ({ 'Fn::GetAtt': [logicalId, attr] });
const ref = (logicalId) => ({ Ref: logicalId });
function awsManagedPolicyArn(name) {
    return common_sub(`arn:\${AWS::Partition}:iam::aws:policy/${name}`);
}
/** ARN of a customer managed policy by name, in the stack's own account. */
function accountPolicyArn(name) {
    return common_sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:policy/${name}`);
}
function cfnTags(tags) {
    return Object.keys(tags)
        .sort()
        .map(Key => ({ Key, Value: tags[Key] }));
}
/** Tags every stack of this tool carries (eksctl's shared stack tags, so eksctl recognises the stacks). */
function clusterStackTags(cluster, metadataTags) {
    return {
        ...metadataTags,
        'alpha.eksctl.io/cluster-name': cluster,
        'eksctl.cluster.k8s.io/v1alpha1/cluster-name': cluster
    };
}

;// CONCATENATED MODULE: ./src/cfn/templates/karpenter-stack.ts





const NODE_ROLE_ID = 'KarpenterNodeRole';
const INSTANCE_PROFILE_ID = 'KarpenterNodeInstanceProfile';
const QUEUE_ID = 'KarpenterInterruptionQueue';
const QUEUE_POLICY_ID = 'KarpenterInterruptionQueuePolicy';
function karpenterStack(config, version, names, policies) {
    const resources = {
        [NODE_ROLE_ID]: {
            Type: 'AWS::IAM::Role',
            Properties: {
                RoleName: names.nodeRole,
                Path: '/',
                AssumeRolePolicyDocument: {
                    Version: '2012-10-17',
                    Statement: [
                        {
                            Effect: 'Allow',
                            Principal: { Service: [{ 'Fn::FindInMap': ['ServicePrincipalPartitionMap', { Ref: 'AWS::Partition' }, 'EC2'] }] },
                            Action: ['sts:AssumeRole']
                        }
                    ]
                },
                ManagedPolicyArns: nodeRoleManagedPolicies().map(awsManagedPolicyArn),
                ...(config.serviceRolePermissionsBoundary ? { PermissionsBoundary: config.serviceRolePermissionsBoundary } : {}),
                Tags: [{ Key: 'Name', Value: common_sub(`\${AWS::StackName}/${NODE_ROLE_ID}`) }]
            }
        },
        [INSTANCE_PROFILE_ID]: {
            Type: 'AWS::IAM::InstanceProfile',
            Properties: { InstanceProfileName: names.instanceProfile, Path: '/', Roles: [ref(NODE_ROLE_ID)] }
        }
    };
    for (const policy of policies) {
        resources[policy.logicalId] = {
            Type: 'AWS::IAM::ManagedPolicy',
            Properties: { ManagedPolicyName: policy.name, Path: '/', PolicyDocument: policy.document }
        };
    }
    if (names.interruptionQueue) {
        resources[QUEUE_ID] = {
            Type: 'AWS::SQS::Queue',
            Properties: {
                QueueName: names.interruptionQueue,
                MessageRetentionPeriod: 300,
                // eksctl leaves the queue unencrypted; upstream's template (and ours) turn on SSE-SQS.
                SqsManagedSseEnabled: true,
                Tags: [{ Key: 'Name', Value: common_sub(`\${AWS::StackName}/${QUEUE_ID}`) }]
            }
        };
        resources[QUEUE_POLICY_ID] = {
            Type: 'AWS::SQS::QueuePolicy',
            Properties: {
                Queues: [ref(QUEUE_ID)],
                PolicyDocument: { Id: 'EC2InterruptionPolicy', Version: '2012-10-17', Statement: queuePolicyStatements(version, getAtt(QUEUE_ID)) }
            }
        };
        for (const rule of interruptionRules(version)) {
            resources[rule.logicalId] = {
                Type: 'AWS::Events::Rule',
                Properties: {
                    EventPattern: { source: [rule.source], 'detail-type': [rule.detailType] },
                    Targets: [{ Id: 'KarpenterInterruptionQueueTarget', Arn: getAtt(QUEUE_ID) }]
                }
            };
        }
    }
    const template = {
        AWSTemplateFormatVersion: '2010-09-09',
        Description: 'Karpenter Stack [created and managed by karpenter-provision, eksctl-compatible]',
        Mappings: {
            ServicePrincipalPartitionMap: Object.fromEntries(Object.entries(state_partition/* EC2_PRINCIPAL */.It).map(([p, ec2]) => [p, { EC2: ec2 }]))
        },
        Resources: resources
    };
    return {
        name: names.karpenterStack,
        template,
        parameters: {},
        tags: {
            ...clusterStackTags(names.cluster, config.tags),
            'alpha.eksctl.io/karpenter-name': names.karpenterStack,
            'alpha.eksctl.io/karpenter-version': (0,karpenter_version/* formatVersion */.qh)(version)
        },
        capabilities: ['CAPABILITY_NAMED_IAM'],
        terminationProtection: true
    };
}

;// CONCATENATED MODULE: ./src/cfn/templates/irsa-stack.ts

const IRSA_ROLE_ID = 'Role1';
/** `https://oidc.eks.us-west-2.amazonaws.com/id/ABC` → `oidc.eks.us-west-2.amazonaws.com/id/ABC` */
function issuerHostPath(issuer) {
    return issuer.replace(/^https:\/\//, '').replace(/\/+$/, '');
}
/** Shown in the trust policy when the issuer is not known (render is offline). */
const ISSUER_PLACEHOLDER = 'oidc.eks.<region>.amazonaws.com/id/<cluster-oidc-id>';
function irsaStack(config, names, issuer) {
    const hostPath = issuer ? issuerHostPath(issuer) : ISSUER_PLACEHOLDER;
    const subject = `system:serviceaccount:${names.namespace}:${names.serviceAccount}`;
    const template = {
        AWSTemplateFormatVersion: '2010-09-09',
        Description: `IAM role for serviceaccount "${names.namespace}/${names.serviceAccount}" [created and managed by karpenter-provision, eksctl-compatible]`,
        Resources: {
            [IRSA_ROLE_ID]: {
                Type: 'AWS::IAM::Role',
                Properties: {
                    RoleName: names.irsaRole,
                    AssumeRolePolicyDocument: {
                        Version: '2012-10-17',
                        Statement: [
                            {
                                Effect: 'Allow',
                                Action: ['sts:AssumeRoleWithWebIdentity'],
                                Principal: { Federated: common_sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:oidc-provider/${hostPath}`) },
                                Condition: { StringEquals: { [`${hostPath}:aud`]: 'sts.amazonaws.com', [`${hostPath}:sub`]: subject } }
                            }
                        ]
                    },
                    ManagedPolicyArns: names.controllerPolicies.map(accountPolicyArn)
                }
            }
        },
        Outputs: { Role1: { Value: getAtt(IRSA_ROLE_ID) } }
    };
    return {
        name: names.irsaStack,
        template,
        parameters: {},
        tags: {
            ...clusterStackTags(names.cluster, config.tags),
            'alpha.eksctl.io/iamserviceaccount-name': `${names.namespace}/${names.serviceAccount}`
        },
        capabilities: ['CAPABILITY_NAMED_IAM'],
        terminationProtection: true
    };
}

;// CONCATENATED MODULE: ./src/cfn/templates/pod-identity-stack.ts

const POD_IDENTITY_ROLE_ID = 'Role1';
function podIdentityStack(config, names, spec) {
    const template = {
        AWSTemplateFormatVersion: '2010-09-09',
        Description: `IAM role for pod identity association "${names.namespace}/${names.serviceAccount}" [created and managed by karpenter-provision, eksctl-compatible]`,
        Resources: {
            [POD_IDENTITY_ROLE_ID]: {
                Type: 'AWS::IAM::Role',
                Properties: {
                    RoleName: spec.roleName,
                    AssumeRolePolicyDocument: {
                        Version: '2012-10-17',
                        Statement: [{ Effect: 'Allow', Principal: { Service: ['pods.eks.amazonaws.com'] }, Action: ['sts:AssumeRole', 'sts:TagSession'] }]
                    },
                    ManagedPolicyArns: [...names.controllerPolicies.map(accountPolicyArn), ...spec.permissionPolicyArns],
                    ...(spec.permissionsBoundaryArn ? { PermissionsBoundary: spec.permissionsBoundaryArn } : {}),
                    ...(Object.keys(spec.tags).length > 0 ? { Tags: cfnTags(spec.tags) } : {})
                }
            }
        },
        Outputs: { Role1: { Value: getAtt(POD_IDENTITY_ROLE_ID) } }
    };
    return {
        name: names.podIdentityStack,
        template,
        parameters: {},
        tags: {
            ...clusterStackTags(names.cluster, config.tags),
            'alpha.eksctl.io/podidentityassociation-name': `${names.namespace}/${names.serviceAccount}`
        },
        capabilities: ['CAPABILITY_NAMED_IAM'],
        terminationProtection: true
    };
}

;// CONCATENATED MODULE: ./src/state/names.ts
const SERVICE_ACCOUNT = 'karpenter';
const RELEASE = 'karpenter';
const CRD_RELEASE = 'karpenter-crd';
const MAIN_POLICY_LOGICAL_ID = 'KarpenterControllerPolicy';
/** eksctl's name for the first (and usually only) controller policy. */
function mainControllerPolicyName(cluster) {
    return `eksctl-KarpenterControllerPolicy-${cluster}`;
}
/** Name of a further controller policy when the scoped policy must be split (SPEC §4). */
function partControllerPolicyName(cluster, part) {
    return `eksctl-KarpenterController${part}Policy-${cluster}`;
}
function partPolicyLogicalId(part) {
    return `KarpenterController${part}Policy`;
}
/** Everything but the controller policy names, which depend on how the policy is packed. */
function deriveNames(config, namespace, podIdentityRoleName) {
    const c = config.name;
    return {
        cluster: c,
        karpenterStack: `eksctl-${c}-karpenter`,
        irsaStack: `eksctl-${c}-addon-iamserviceaccount-${namespace}-${SERVICE_ACCOUNT}`,
        podIdentityStack: `eksctl-${c}-podidentityrole-${namespace}-${SERVICE_ACCOUNT}`,
        nodeRole: `eksctl-KarpenterNodeRole-${c}`,
        instanceProfile: config.karpenter.defaultInstanceProfile ?? `eksctl-KarpenterNodeInstanceProfile-${c}`,
        irsaRole: `eksctl-${c}-iamservice-role`,
        podIdentityRole: podIdentityRoleName ?? `${c}-karpenter`,
        // Upstream keeps the queue unprefixed: SQS names are capped at 80 characters (karpenter#5181).
        interruptionQueue: config.karpenter.withSpotInterruptionQueue ? c : undefined,
        namespace,
        serviceAccount: SERVICE_ACCOUNT,
        release: RELEASE,
        crdRelease: CRD_RELEASE
    };
}
/** AWS limits on the derived names, checked before anything is created. */
const NAME_LIMITS = {
    role: { max: 64, pattern: /^[\w+=,.@-]+$/, what: 'IAM role name' },
    instanceProfile: { max: 128, pattern: /^[\w+=,.@-]+$/, what: 'IAM instance profile name' },
    policy: { max: 128, pattern: /^[\w+=,.@-]+$/, what: 'IAM managed policy name' },
    queue: { max: 80, pattern: /^[A-Za-z0-9_-]+$/, what: 'SQS queue name' },
    // CloudFormation stack names: letters, digits and hyphens, starting with a letter, ≤ 128.
    stack: { max: 128, pattern: /^[A-Za-z][A-Za-z0-9-]*$/, what: 'CloudFormation stack name' }
};
function checkName(kind, name) {
    const limit = NAME_LIMITS[kind];
    if (name.length > limit.max) {
        return { kind, name, message: `${limit.what} "${name}" is ${name.length} characters; AWS allows at most ${limit.max}` };
    }
    if (!limit.pattern.test(name)) {
        return { kind, name, message: `${limit.what} "${name}" has characters AWS does not allow (allowed: ${limit.pattern.source})` };
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/cfn/templates/resolve.ts
var resolve = __webpack_require__(1797);
;// CONCATENATED MODULE: ./src/cfn/templates/policy-pack.ts


const IAM_MANAGED_POLICY_MAX_CHARS = 6144;
/** A policy part that cannot be made to fit: a config problem (the cluster name is too long), not a bug. */
class PolicyTooLargeError extends Error {
    constructor(message) {
        super(message);
        this.name = 'PolicyTooLargeError';
    }
}
function documentOf(parts) {
    return { Version: '2012-10-17', Statement: parts.flatMap(p => p.statements) };
}
function measured(parts, ctx) {
    const document = documentOf(parts);
    return { document, size: (0,resolve/* policySize */.o)((0,resolve/* resolveIntrinsics */.l)(document, ctx)) };
}
function packControllerPolicies(parts, cluster, ctx) {
    const main = [];
    let rest = [...parts];
    // Fill the main policy in upstream's part order while it fits.
    while (rest.length > 0 && measured([...main, rest[0]], ctx).size <= IAM_MANAGED_POLICY_MAX_CHARS) {
        main.push(rest[0]);
        rest = rest.slice(1);
    }
    if (main.length === 0) {
        // The first part alone is too large: it still gets the main name, and the size check below fails.
        main.push(rest[0]);
        rest = rest.slice(1);
    }
    const packed = [
        { logicalId: MAIN_POLICY_LOGICAL_ID, name: mainControllerPolicyName(cluster), parts: main.map(p => p.part), ...measured(main, ctx) }
    ];
    for (const part of rest) {
        packed.push({
            logicalId: partPolicyLogicalId(part.part),
            name: partControllerPolicyName(cluster, part.part),
            parts: [part.part],
            ...measured([part], ctx)
        });
    }
    const tooBig = packed.find(p => p.size > IAM_MANAGED_POLICY_MAX_CHARS);
    if (tooBig) {
        throw new PolicyTooLargeError(`controller policy ${tooBig.name} would be ${tooBig.size} characters; IAM allows ${IAM_MANAGED_POLICY_MAX_CHARS} ` +
            `(part ${tooBig.parts.join(', ')} cannot be split further)`);
    }
    return packed;
}

;// CONCATENATED MODULE: ./src/state/desired.ts














/** Where the generated values file goes in helm-args.json (render has no real path). */
const VALUES_FILE_PLACEHOLDER = '<generated-values.yaml>';
/** Same length as a real account id, so offline size checks measure what IAM will. */
const ACCOUNT_STAND_IN = '123456789012';
function buildDesiredState(config, inputs, facts = {}) {
    const version = (0,karpenter_version/* parseVersion */.ot)(config.karpenter.version);
    if (!version)
        throw new Error(`karpenter.version ${config.karpenter.version} is not a version (the config reader should have refused it)`);
    const partition = facts.partition ?? (0,state_partition/* partitionOf */.iQ)(config.region);
    const account = facts.accountId;
    const identity = (0,config_identity/* resolveControllerIdentity */.HJ)(config, inputs.controllerIdentity, inputs.namespace);
    const podIdentity = identity.identity === 'pod-identity'
        ? {
            namespace: inputs.namespace,
            serviceAccount: 'karpenter',
            roleName: identity.association?.roleName ?? `${config.name}-karpenter`,
            roleArn: facts.podIdentityRoleArn ?? identity.association?.roleARN,
            permissionPolicyArns: identity.association?.permissionPolicyARNs ?? [],
            permissionsBoundaryArn: identity.association?.permissionsBoundaryARN,
            tags: identity.association?.tags ?? {}
        }
        : undefined;
    const base = deriveNames(config, inputs.namespace, podIdentity?.roleName);
    const policies = packPolicies(config, version, base, partition, account);
    const names = { ...base, controllerPolicies: policies.map(p => p.name) };
    checkNames(config, names, identity.identity);
    const nodeRoleArn = (0,state_partition/* iamArn */.ZW)(partition, account, `role/${names.nodeRole}`);
    const controllerRoleArn = identity.identity === 'irsa'
        ? (0,state_partition/* iamArn */.ZW)(partition, account, `role/${names.irsaRole}`)
        : podIdentity?.roleArn ?? (0,state_partition/* iamArn */.ZW)(partition, account, `role/${names.podIdentityRole}`);
    const queueArn = names.interruptionQueue ? `arn:${partition}:sqs:${config.region}:${account ?? '<account-id>'}:${names.interruptionQueue}` : undefined;
    const values = helmValues(version, {
        clusterName: config.name,
        clusterEndpoint: facts.clusterEndpoint,
        interruptionQueue: names.interruptionQueue,
        defaultInstanceProfile: names.instanceProfile,
        serviceAccount: {
            create: config.karpenter.createServiceAccount,
            name: names.serviceAccount,
            roleArn: identity.identity === 'irsa' ? controllerRoleArn : undefined
        }
    });
    const tag = chartTag(version);
    const helm = {
        release: names.release,
        namespace: names.namespace,
        chart: { chart: inputs.chart, version: tag },
        crdChart: { chart: crdChartRef(inputs.chart), version: tag },
        values,
        timeoutSeconds: inputs.timeoutSeconds,
        valuesFile: inputs.valuesFile
    };
    return {
        partition,
        region: config.region,
        accountId: account,
        names,
        arns: {
            nodeRole: nodeRoleArn,
            controllerRole: controllerRoleArn,
            controllerPolicies: names.controllerPolicies.map(n => (0,state_partition/* iamArn */.ZW)(partition, account, `policy/${n}`)),
            interruptionQueue: queueArn
        },
        karpenterStack: karpenterStack(config, version, names, policies),
        controllerStack: podIdentity ? podIdentityStack(config, names, podIdentity) : irsaStack(config, names, facts.oidcIssuer),
        controllerIdentity: identity.identity,
        controllerIdentityReason: identity.reason,
        podIdentity,
        serviceAccount: {
            namespace: names.namespace,
            name: names.serviceAccount,
            createdBy: config.karpenter.createServiceAccount ? 'chart' : 'tool',
            roleArn: identity.identity === 'irsa' ? controllerRoleArn : undefined
        },
        helm,
        helmArgs: (0,args/* upgradeArgs */.yv)(helm, VALUES_FILE_PLACEHOLDER),
        nodeAccess: inputs.nodeAccess,
        karpenterVersion: config.karpenter.version,
        warnings: []
    };
}
function packPolicies(config, version, names, partition, account) {
    const accountId = account ?? ACCOUNT_STAND_IN;
    const parts = controllerPolicyParts(version, {
        clusterName: config.name,
        nodeRoleArn: getAtt(NODE_ROLE_ID),
        interruptionQueueArn: names.interruptionQueue ? getAtt(QUEUE_ID) : undefined
    });
    try {
        return packControllerPolicies(parts, config.name, {
            partition,
            region: config.region,
            accountId,
            stackName: names.karpenterStack,
            attributes: {
                [`${NODE_ROLE_ID}.Arn`]: `arn:${partition}:iam::${accountId}:role/${names.nodeRole}`,
                [`${QUEUE_ID}.Arn`]: `arn:${partition}:sqs:${config.region}:${accountId}:${names.interruptionQueue ?? ''}`
            }
        });
    }
    catch (e) {
        if (e instanceof PolicyTooLargeError)
            throw new diagnostics/* ConfigError */.xL([diagnostic(config, 'metadata.name', e.message)]);
        throw e;
    }
}
/** AWS name limits, checked before anything is created (SPEC §2). */
function checkNames(config, names, identity) {
    const checks = [
        ['stack', names.karpenterStack, 'metadata.name'],
        ['stack', identity === 'irsa' ? names.irsaStack : names.podIdentityStack, 'metadata.name'],
        ['role', names.nodeRole, 'metadata.name'],
        ['instanceProfile', names.instanceProfile, config.karpenter.defaultInstanceProfile ? 'karpenter.defaultInstanceProfile' : 'metadata.name'],
        ...names.controllerPolicies.map((p) => ['policy', p, 'metadata.name']),
        ['role', identity === 'irsa' ? names.irsaRole : names.podIdentityRole, 'metadata.name']
    ];
    if (names.interruptionQueue)
        checks.push(['queue', names.interruptionQueue, 'metadata.name']);
    const problems = checks.flatMap(([kind, name, path]) => {
        const problem = checkName(kind, name);
        return problem ? [diagnostic(config, path, problem.message, name)] : [];
    });
    if (problems.length > 0)
        throw new diagnostics/* ConfigError */.xL(problems);
}
function diagnostic(config, path, message, got) {
    const at = config.positions[path] ?? config.positions['metadata.name'] ?? { line: 1, col: 1 };
    return {
        severity: 'error',
        file: config.file,
        line: at.line,
        col: at.col,
        path,
        message: `derived name does not fit AWS limits: ${message}`,
        got,
        expected: 'a shorter cluster name'
    };
}


/***/ }),

/***/ 8183:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   It: () => (/* binding */ EC2_PRINCIPAL),
/* harmony export */   ZW: () => (/* binding */ iamArn),
/* harmony export */   iQ: () => (/* binding */ partitionOf),
/* harmony export */   rW: () => (/* binding */ urlSuffix)
/* harmony export */ });
/* unused harmony export ACCOUNT_PLACEHOLDER */
function partitionOf(region) {
    if (region.startsWith('cn-'))
        return 'aws-cn';
    if (region.startsWith('us-gov-'))
        return 'aws-us-gov';
    return 'aws';
}
function urlSuffix(partition) {
    return partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
}
/** The EC2 service principal per partition (eksctl's ServicePrincipalPartitionMap). */
const EC2_PRINCIPAL = {
    aws: 'ec2.amazonaws.com',
    'aws-cn': 'ec2.amazonaws.com.cn',
    'aws-us-gov': 'ec2.amazonaws.com'
};
/** Shown in ARNs when the account is not known (render is offline). */
const ACCOUNT_PLACEHOLDER = '<account-id>';
function iamArn(partition, accountId, resource) {
    return `arn:${partition}:iam::${accountId ?? ACCOUNT_PLACEHOLDER}:${resource}`;
}


/***/ })

};
