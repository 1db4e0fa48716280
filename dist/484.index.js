export const id = 484;
export const ids = [484];
export const modules = {

/***/ 3347:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  wJ: () => (/* binding */ installChart),
  Mj: () => (/* binding */ installCrds),
  an: () => (/* binding */ uninstallRelease)
});

// UNUSED EXPORTS: installKarpenter, releasesToUninstall

// EXTERNAL MODULE: ./src/core/helm/release.ts
var release = __webpack_require__(7757);
// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/core/helm/args.ts
var helm_args = __webpack_require__(2107);
// EXTERNAL MODULE: ./src/core/names.ts
var names = __webpack_require__(2483);
;// CONCATENATED MODULE: ./src/core/helm/crd-adoption.ts
// Handing CRDs that the controller chart created (from its crds/ folder, which Helm installs once and never
// owns) over to the karpenter-crd release. Helm refuses to take over objects without its ownership metadata
// ("invalid ownership metadata"); upstream's troubleshooting page adds the label and two annotations by hand.
// Pure: the kube client reads the CRDs and applies the patches (src/kube/).

const MANAGED_BY_LABEL = 'app.kubernetes.io/managed-by';
const RELEASE_NAME_ANNOTATION = 'meta.helm.sh/release-name';
const RELEASE_NAMESPACE_ANNOTATION = 'meta.helm.sh/release-namespace';
// Every CRD Karpenter's charts have shipped: v1alpha5 (≤ 0.32), v1beta1/v1, and NodeOverlay.
const KARPENTER_GROUPS = ['.karpenter.sh', '.karpenter.k8s.aws'];
function isKarpenterCrd(name) {
    return KARPENTER_GROUPS.some((g) => name.endsWith(g));
}
/**
 * Patches that make the karpenter-crd release (`release` in `namespace`) the owner of existing Karpenter CRDs.
 * CRDs already owned by that release are left alone; CRDs owned by a different release are reported as conflicts.
 */
function crdAdoptionPatches(existing, opts) {
    const release = opts.release ?? names/* CRD_RELEASE */.MC;
    const plan = { patches: [], conflicts: [] };
    for (const crd of [...existing].sort((a, b) => a.name.localeCompare(b.name))) {
        if (!isKarpenterCrd(crd.name))
            continue;
        const owner = crd.annotations?.[RELEASE_NAME_ANNOTATION];
        const ownerNs = crd.annotations?.[RELEASE_NAMESPACE_ANNOTATION];
        const managed = crd.labels?.[MANAGED_BY_LABEL] === 'Helm';
        if (owner === release && ownerNs === opts.namespace && managed)
            continue;
        if (owner !== undefined && (owner !== release || (ownerNs !== undefined && ownerNs !== opts.namespace))) {
            plan.conflicts.push({ name: crd.name, owner: `${ownerNs ?? '?'}/${owner}` });
            continue;
        }
        plan.patches.push({
            name: crd.name,
            patch: {
                metadata: {
                    labels: { [MANAGED_BY_LABEL]: 'Helm' },
                    annotations: { [RELEASE_NAME_ANNOTATION]: release, [RELEASE_NAMESPACE_ANNOTATION]: opts.namespace }
                }
            }
        });
    }
    return plan;
}

// EXTERNAL MODULE: ./src/helm/run.ts
var run = __webpack_require__(869);
// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/helm/logout.ts
// `helm registry logout public.ecr.aws` before the chart is pulled (docs/design.md, "Helm"): a stale or expired ECR Public
// login on the runner makes the anonymous pull fail, so upstream's guide logs out first.
// Up to helm v3.17 logout prints `Error: not logged in` and exits 1 when there is no login; v3.18+ and v4
// exit 0. Neither is a failure. Anything else is a warning: the pull may still work, and if it does not, the
// pull's own error says why.



const ECR_PUBLIC = 'public.ecr.aws';
const NOT_LOGGED_IN = /not logged in/i;
async function registryLogout(helm, host = ECR_PUBLIC) {
    let result;
    try {
        result = await (0,run/* runHelm */.oU)(helm, ['registry', 'logout', host], { allowFailure: true });
    }
    catch (e) {
        // helm could not even be started: the install will fail on its own with a clearer error
        (0,log/* warning */.$e)(`helm registry logout ${host} could not run: ${(0,errors/* errorMessage */.gJ)(e)}; continuing`);
        return 'failed';
    }
    const said = `${result.stderr}\n${result.stdout}`;
    if (result.exitCode === 0) {
        (0,log/* info */.pq)(`helm registry logout ${host}: ${NOT_LOGGED_IN.test(said) ? 'was not logged in' : 'done'}`);
        return NOT_LOGGED_IN.test(said) ? 'not-logged-in' : 'logged-out';
    }
    if (NOT_LOGGED_IN.test(said)) {
        (0,log/* info */.pq)(`helm registry logout ${host}: not logged in (helm ≤ v3.17 exits 1 for this; not an error)`);
        return 'not-logged-in';
    }
    (0,log/* warning */.$e)(`helm registry logout ${host} failed (exit ${result.exitCode}): ${(0,run/* helmMessage */.S_)(result.stderr, result.stdout)}; ` +
        'continuing with the install');
    return 'failed';
}

;// CONCATENATED MODULE: ./src/helm/release.ts
// A release's history as `helm history` reports it, for the error message of a failed install or upgrade. The
// installed release itself is read from its release records by src/kube/helm-release.ts (docs/design.md, "Helm").

function historyArgs(release, namespace, max) {
    return ['history', release, '--namespace', namespace, '--max', String(max), '--output', 'json'];
}
/** The last revisions of a release (oldest first), for error messages; [] when helm cannot say. */
async function releaseHistory(helm, kubeconfig, release, namespace, max = 5) {
    const r = await (0,run/* runHelm */.oU)(helm, historyArgs(release, namespace, max), { kubeconfig, allowFailure: true });
    if (r.exitCode !== 0)
        return [];
    try {
        const raw = JSON.parse(r.stdout);
        return raw.map((h) => ({ revision: h.revision, status: h.status, chart: h.chart, description: h.description, updated: h.updated }));
    }
    catch {
        return []; // the history only adds to error messages: output helm did not write as JSON means none
    }
}
/** One line per revision: "rev 3 failed karpenter-1.2.1: Upgrade "karpenter" failed: …" */
function formatHistory(history) {
    if (history.length === 0)
        return '(no release history)';
    return history.map((h) => `rev ${h.revision} ${h.status} ${h.chart}: ${h.description}`).join('\n');
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/helm/values-file.ts
// The generated values go to helm as a file, never on the command line: mode 0600 in a private temp folder (it
// names roles and queues), removed after the call.



async function writeValuesFile(tempDir, values) {
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)(tempDir, 'karpenter-values-'));
    const path = (0,external_node_path_.join)(dir, 'values.yaml');
    await (0,promises_.writeFile)(path, (0,dist/* stringify */.As)(values), { mode: 0o600 });
    // the mode given to writeFile is filtered through the umask; set it outright
    await (0,promises_.chmod)(path, 0o600);
    return { path, remove: () => (0,promises_.rm)(dir, { recursive: true, force: true }) };
}

;// CONCATENATED MODULE: ./src/helm/install.ts








async function failWithHistory(e, o, release, what) {
    if (!(e instanceof run/* HelmError */.t2))
        throw e;
    const history = await releaseHistory(o.helm, o.kubeconfig, release, o.spec.namespace);
    throw new Error(`${what} failed: ${e.helmMessage}\nRelease ${o.spec.namespace}/${release} history:\n${formatHistory(history)}`, {
        cause: e
    });
}
/** Returns the summary line of what it adopted (none when nothing). */
async function adoptCrds(o) {
    if (!o.crdAdopter) {
        (0,log/* info */.pq)('CRD adoption skipped: no Kubernetes client given (existing unowned Karpenter CRDs would make karpenter-crd fail)');
        return [];
    }
    const plan = crdAdoptionPatches(await o.crdAdopter.listCrds(), { namespace: o.spec.namespace, release: helm_args/* CRD_RELEASE */.MC });
    if (plan.conflicts.length > 0) {
        throw new Error(`Karpenter CRDs belong to another Helm release: ${plan.conflicts.map((c) => `${c.name} (${c.owner})`).join(', ')}. ` +
            `Uninstall that release or move the CRDs to ${o.spec.namespace}/${helm_args/* CRD_RELEASE */.MC} first; nothing was changed.`);
    }
    for (const p of plan.patches)
        await o.crdAdopter.patchCrd(p);
    return plan.patches.length > 0 ? [`adopted CRDs into ${helm_args/* CRD_RELEASE */.MC}: ${plan.patches.map((p) => p.name).join(', ')}`] : [];
}
/**
 * Steps 1–2: logs out of the registry and installs karpenter-crd (when this version has one). Needs nothing from
 * the CloudFormation stacks, so apply runs it while they deploy (docs/design.md, "Apply latency").
 */
async function installCrds(o, releases) {
    const { helm, kubeconfig, spec } = o;
    const steps = [];
    const { main, crd } = releases;
    await registryLogout(helm);
    if (spec.crdChart) {
        if (!crd)
            steps.push(...(await adoptCrds(o)));
        try {
            await (0,run/* runHelm */.oU)(helm, (0,helm_args/* crdUpgradeArgs */.hy)(spec), { kubeconfig, silent: false });
        }
        catch (e) {
            await failWithHistory(e, o, helm_args/* CRD_RELEASE */.MC, `helm upgrade --install ${helm_args/* CRD_RELEASE */.MC} ${spec.crdChart.version}`);
        }
        steps.push(`helm: ${helm_args/* CRD_RELEASE */.MC} ${spec.crdChart.version} installed/upgraded in ${spec.namespace}`);
    }
    return { main, steps };
}
/** Step 3: the controller chart (after installCrds). */
async function installChart(o, crds) {
    const { helm, kubeconfig, spec } = o;
    const chartVersion = spec.chart.version;
    const { main } = crds;
    const values = await writeValuesFile(o.tempDir, spec.values);
    let printed = '';
    try {
        printed = (await (0,run/* runHelm */.oU)(helm, (0,helm_args/* upgradeArgs */.yv)(spec, values.path), { kubeconfig, silent: false })).stdout;
    }
    catch (e) {
        await failWithHistory(e, o, spec.release, `helm upgrade --install ${spec.release} ${chartVersion}`);
    }
    finally {
        await values.remove();
    }
    // The revision helm made: it prints it (`REVISION: n`); its release record is read again only when it did not.
    const revision = /^REVISION: (\d+)\s*$/m.exec(printed)?.[1] ?? (await o.readRelease())?.revision;
    if (!revision)
        throw new Error(`helm reported success but release ${spec.namespace}/${spec.release} has no release record`);
    const step = main
        ? `helm: upgraded ${spec.release} ${(0,release/* runningVersion */.c)(main)} → ${chartVersion} (revision ${revision})`
        : `helm: installed ${spec.release} ${chartVersion} (revision ${revision})`;
    return { revision, chartVersion, changed: true, steps: [step] };
}
/** Steps 1–3 in one go: the CRD phase's lines, then the chart's. */
async function installKarpenter(o, releases) {
    const crds = await installCrds(o, releases);
    const chart = await installChart(o, crds);
    return { ...chart, steps: [...crds.steps, ...chart.steps] };
}
const NOT_FOUND = /not found/i;
/** The releases delete uninstalls, in order: the controller, then (with includeCrds) karpenter-crd, which DELETES the CRDs and every NodePool/NodeClaim with them. */
function releasesToUninstall(release, includeCrds) {
    return includeCrds ? [release, CRD_RELEASE] : [release];
}
/** delete mode: uninstalls one release; an absent release is fine. */
async function uninstallRelease(o) {
    const args = (0,helm_args/* uninstallArgs */.qu)(o.release, o.namespace, o.timeoutSeconds);
    const r = await (0,run/* runHelm */.oU)(o.helm, args, { kubeconfig: o.kubeconfig, allowFailure: true, silent: false });
    if (r.exitCode === 0)
        return { removed: true, steps: [`helm: uninstalled ${o.namespace}/${o.release}`], changed: true };
    if (NOT_FOUND.test(r.stderr))
        return { removed: false, steps: [`helm: ${o.namespace}/${o.release} not installed; nothing to uninstall`], changed: false };
    throw new run/* HelmError */.t2(args, r.exitCode, r.stdout, r.stderr);
}


/***/ }),

/***/ 6802:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  uD: () => (/* binding */ prefetchHelm),
  Fr: () => (/* binding */ resolveHelm)
});

// UNUSED EXPORTS: MIN_OCI_HELM, PINNED_HELM_VERSION, helmVersionOf, parseHelmVersionInput

// EXTERNAL MODULE: ./node_modules/@actions/io/lib/io.js
var io = __webpack_require__(8701);
// EXTERNAL MODULE: ./node_modules/@actions/tool-cache/lib/tool-cache.js + 2 modules
var tool_cache = __webpack_require__(9805);
// EXTERNAL MODULE: ./src/runner/log.ts
var log = __webpack_require__(7708);
// EXTERNAL MODULE: ./src/core/karpenter/version.ts
var karpenter_version = __webpack_require__(9028);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./node_modules/@actions/http-client/lib/index.js + 1 modules
var lib = __webpack_require__(4942);
// EXTERNAL MODULE: ./src/runner/wait.ts
var wait = __webpack_require__(4565);
;// CONCATENATED MODULE: ./src/core/helm/platform.ts
// Which helm build fits this machine: helm's release archives are named helm-v<ver>-<os>-<arch>.tar.gz with Go's
// names (linux/darwin, amd64/arm64), while Node and the tool cache use their own (x64/arm64).
/** `platform`, `arch`: Node's names (process.platform, process.arch), passed by the caller. */
function helmPlatform(platform, arch) {
    const os = platform === 'linux' ? 'linux' : platform === 'darwin' ? 'darwin' : undefined;
    if (!os)
        throw new Error(`no helm download for platform ${platform}: put helm v3.8+ on PATH (helm-version: auto)`);
    if (arch === 'x64')
        return { os, arch: 'amd64', cacheArch: 'x64' };
    if (arch === 'arm64')
        return { os, arch: 'arm64', cacheArch: 'arm64' };
    throw new Error(`no helm download for architecture ${arch}: put helm v3.8+ on PATH (helm-version: auto)`);
}
/** helm-v3.18.0-linux-amd64.tar.gz */
function helmArchiveName(version, p) {
    return `helm-v${version}-${p.os}-${p.arch}.tar.gz`;
}

// EXTERNAL MODULE: ./src/core/errors.ts
var errors = __webpack_require__(4296);
;// CONCATENATED MODULE: ./src/helm/download.ts
// Fetches a helm release from the official download location with @actions/tool-cache, verifies it against the
// published SHA-256 BEFORE extracting (a mismatch is an error and nothing from the archive is run), and puts it
// in the runner's tool cache so later steps and jobs on the same runner reuse it.














/** Overrides the download base URL (a mirror, or the tests' local server). */
const HELM_MIRROR_ENV = 'KARPENTER_PROVISION_HELM_MIRROR';
const OFFICIAL_HELM_BASE = 'https://get.helm.sh';
function helmBaseUrl(explicit) {
    return (explicit ?? process.env[HELM_MIRROR_ENV] ?? OFFICIAL_HELM_BASE).replace(/\/+$/, '');
}
class HelmChecksumError extends errors/* ProvisionError */.uv {
    url;
    expected;
    actual;
    name = 'HelmChecksumError';
    constructor(url, expected, actual) {
        super(`helm archive ${url} does not match its published SHA-256 (expected ${expected}, got ${actual}); ` +
            'refusing to use it. Retry, or set helm-version to a helm on PATH.');
        this.url = url;
        this.expected = expected;
        this.actual = actual;
    }
}
/** The digest in a `.sha256sum` file ("<64 hex>  <file name>") or a bare `.sha256` file. */
function parseSha256Sum(text) {
    const first = text.trim().split(/\s+/)[0] ?? '';
    if (!/^[0-9a-f]{64}$/i.test(first)) {
        throw new Error(`not a SHA-256 checksum file (starts with ${JSON.stringify(text.slice(0, 40))})`);
    }
    return first.toLowerCase();
}
async function sha256File(path) {
    const hash = (0,external_node_crypto_.createHash)('sha256');
    for await (const chunk of (0,external_node_fs_.createReadStream)(path))
        hash.update(chunk);
    return hash.digest('hex');
}
const DOWNLOAD_ATTEMPTS = 3;
const MAX_REDIRECTS = 5;
/** a download that sends nothing for this long is dropped (and tried again) */
const STALL_MS = 60_000;
class DownloadStatusError extends errors/* ProvisionError */.uv {
    status;
    name = 'DownloadStatusError';
    constructor(url, status) {
        super(`GET ${url} answered ${status} ${external_node_http_.STATUS_CODES[status] ?? ''}`.trim());
        this.status = status;
    }
}
/**
 * GET `url` into `dest`, following redirects (never from https to http), through the runner's proxy settings
 * (the agent @actions/http-client picks for the URL, as @actions/tool-cache would use). Network errors, 5xx, 408
 * and 429 are tried again; `signal` ends the request in flight and any wait at once.
 */
async function downloadFile(url, dest, signal) {
    await (0,promises_.mkdir)((0,external_node_path_.dirname)(dest), { recursive: true });
    const client = new lib/* HttpClient */.Qq('karpenter-provision', [], { allowRetries: false });
    return (0,wait/* retryLoop */.rU)(async () => {
        if (signal?.aborted)
            throw (0,wait/* abortError */.vt)(signal);
        try {
            await downloadOnce(client, url, dest, signal, 0);
            return dest;
        }
        catch (e) {
            await (0,promises_.rm)(dest, { force: true });
            if (signal?.aborted)
                throw (0,wait/* abortError */.vt)(signal);
            throw e;
        }
    }, {
        attempts: DOWNLOAD_ATTEMPTS,
        backoff: { baseMs: 4_000, maxMs: 16_000, jitter: 'half' },
        retryable: e => !(e instanceof DownloadStatusError) || e.status >= 500 || e.status === 408 || e.status === 429,
        signal,
        onRetry: e => (0,log/* info */.pq)(`download of ${url} failed (${(0,errors/* errorMessage */.gJ)(e)}); trying again`)
    });
}
function downloadOnce(client, url, dest, signal, redirects) {
    return new Promise((resolve, reject) => {
        const target = new URL(url);
        const transport = target.protocol === 'https:' ? external_node_https_ : external_node_http_;
        const req = transport.get(target, { agent: client.getAgent(url), signal, headers: { 'user-agent': 'karpenter-provision' } }, res => {
            const status = res.statusCode ?? 0;
            const location = res.headers.location;
            if (status >= 300 && status < 400 && location) {
                res.resume();
                const next = new URL(location, target);
                if (target.protocol === 'https:' && next.protocol !== 'https:') {
                    reject(new Error(`GET ${url} redirects to ${next.href}, which is not https`));
                }
                else if (redirects >= MAX_REDIRECTS) {
                    reject(new Error(`GET ${url}: more than ${MAX_REDIRECTS} redirects`));
                }
                else {
                    downloadOnce(client, next.href, dest, signal, redirects + 1).then(resolve, reject);
                }
                return;
            }
            if (status !== 200) {
                res.resume();
                reject(new DownloadStatusError(url, status));
                return;
            }
            (0,external_node_stream_promises_.pipeline)(res, (0,external_node_fs_.createWriteStream)(dest), signal ? { signal } : {}).then(resolve, reject);
        });
        req.setTimeout(STALL_MS, () => req.destroy(new Error(`GET ${url}: nothing received for ${STALL_MS / 1000} s`)));
        req.on('error', reject);
    });
}
/**
 * Downloads, verifies and caches helm `version` (no 'v': '3.18.0'); returns the path of the helm executable.
 */
async function downloadHelm(version, opts) {
    const p = opts.platform;
    const archiveUrl = `${helmBaseUrl(opts.baseUrl)}/${helmArchiveName(version, p)}`;
    const work = (0,external_node_path_.join)(opts.tempDir ?? process.env['RUNNER_TEMP'] ?? (0,external_node_os_.tmpdir)(), `helm-download-${(0,external_node_crypto_.randomUUID)()}`);
    try {
        (0,log/* info */.pq)(`downloading helm v${version} (${p.os}/${p.arch}) from ${archiveUrl}`);
        const sumFile = await downloadFile(`${archiveUrl}.sha256sum`, (0,external_node_path_.join)(work, 'archive.sha256sum'), opts.signal);
        const expected = parseSha256Sum(await (0,promises_.readFile)(sumFile, 'utf8'));
        const archive = await downloadFile(archiveUrl, (0,external_node_path_.join)(work, 'archive.tar.gz'), opts.signal);
        const actual = await sha256File(archive);
        if (actual !== expected)
            throw new HelmChecksumError(archiveUrl, expected, actual);
        // Without RUNNER_TOOL_CACHE (the command line outside Actions) there is nowhere to cache: the verified copy
        // is extracted into tempDir, this run's scratch space, and used from there.
        const caching = Boolean(process.env['RUNNER_TOOL_CACHE']);
        const dest = caching ? (0,external_node_path_.join)(work, 'x') : (0,external_node_path_.join)(opts.tempDir ?? (0,external_node_os_.tmpdir)(), `helm-v${version}-${(0,external_node_crypto_.randomUUID)()}`);
        const extracted = await tool_cache/* extractTar */.nN(archive, dest);
        const binDir = (0,external_node_path_.join)(extracted, `${p.os}-${p.arch}`);
        if (!(0,external_node_fs_.existsSync)((0,external_node_path_.join)(binDir, 'helm'))) {
            throw new Error(`${archiveUrl} has no ${p.os}-${p.arch}/helm inside; is it a helm release archive?`);
        }
        await (0,promises_.chmod)((0,external_node_path_.join)(binDir, 'helm'), 0o755);
        if (!caching)
            return (0,external_node_path_.join)(binDir, 'helm');
        const cached = await tool_cache/* cacheDir */.e8(binDir, 'helm', version, p.cacheArch);
        return (0,external_node_path_.join)(cached, 'helm');
    }
    finally {
        await (0,promises_.rm)(work, { recursive: true, force: true });
    }
}

// EXTERNAL MODULE: ./src/helm/run.ts
var run = __webpack_require__(869);
;// CONCATENATED MODULE: ./src/helm/resolve.ts
// Which helm to run (input `helm-version`; docs/design.md, "Helm"):
//   auto      helm on PATH when it is v3.8.0 or newer (OCI charts need 3.8), else the pinned release below;
//   <version> that version: the PATH helm when it is exactly that, else the tool cache, else a verified download.
// It returns a promise on purpose: apply starts it while the CloudFormation stacks deploy and awaits it after.







/**
 * The helm release fetched when PATH has none that fits. v3.22.0 is the newest helm v3 tag on the Go module
 * proxy for helm.sh/helm/v3 as of 2026-11 (published 2026-09-09). v3 rather than v4: every flag this tool
 * passes behaves the same on v3.13+ and v4, and v3 is what upstream Karpenter's docs are written against.
 */
const PINNED_HELM_VERSION = '3.22.0';
/** OCI chart support (`oci://`) became generally available in helm 3.8.0 (Karpenter troubleshooting docs). */
const MIN_OCI_HELM = (0,karpenter_version.v)(3, 8, 0);
/** `helm version --template '{{.Version}}'` of one binary, or undefined when it does not run or answer. */
async function helmVersionOf(helm) {
    try {
        const r = await (0,run/* runHelm */.oU)(helm, ['version', '--template', '{{.Version}}'], { allowFailure: true });
        return r.exitCode === 0 ? (0,karpenter_version/* parseVersion */.ot)(r.stdout.trim()) : undefined;
    }
    catch {
        return undefined; // a helm that cannot be started has no usable version: the caller looks elsewhere
    }
}
/** 'auto' stays 'auto'; '3.18.0' / 'v3.18.0' become a SemVer; anything else is a clear input error. */
function parseHelmVersionInput(input) {
    const s = input.trim();
    if (s === '' || s.toLowerCase() === 'auto')
        return 'auto';
    const ver = (0,karpenter_version/* parseVersion */.ot)(s);
    if (!ver)
        throw new Error(`helm-version must be 'auto' or a helm release like 3.18.0, not ${JSON.stringify(input)}`);
    if ((0,karpenter_version/* compareVersions */.Zy)(ver, MIN_OCI_HELM) < 0) {
        throw new Error(`helm-version ${s} cannot pull OCI charts; use 3.8.0 or newer`);
    }
    return ver;
}
async function resolveHelm(versionInput, opts = {}) {
    const wanted = parseHelmVersionInput(versionInput);
    const onPath = await io/* which */.K7('helm', false);
    const pathVersion = onPath ? await helmVersionOf(onPath) : undefined;
    if (onPath && pathVersion) {
        const shown = `v${(0,karpenter_version/* formatVersion */.qh)(pathVersion)}`;
        if (wanted === 'auto' && (0,karpenter_version/* compareVersions */.Zy)(pathVersion, MIN_OCI_HELM) >= 0) {
            (0,log/* info */.pq)(`using helm ${shown} from PATH (${onPath})`);
            return { path: onPath, version: shown, source: 'path' };
        }
        if (wanted !== 'auto' && (0,karpenter_version/* compareVersions */.Zy)(pathVersion, wanted) === 0) {
            (0,log/* info */.pq)(`using helm ${shown} from PATH (${onPath}), as helm-version asks`);
            return { path: onPath, version: shown, source: 'path' };
        }
        if (wanted === 'auto')
            (0,log/* info */.pq)(`helm ${shown} on PATH is older than v3.8.0 (no OCI charts); fetching a newer one`);
    }
    const version = wanted === 'auto' ? PINNED_HELM_VERSION : (0,karpenter_version/* formatVersion */.qh)(wanted);
    const platform = helmPlatform(opts.platform ?? process.platform, opts.arch ?? process.arch);
    if (process.env['RUNNER_TOOL_CACHE']) {
        const cached = tool_cache/* find */.I6('helm', version, platform.cacheArch);
        if (cached) {
            const path = `${cached}/helm`;
            (0,log/* info */.pq)(`using helm v${version} from the tool cache (${path})`);
            return { path, version: `v${version}`, source: 'tool-cache' };
        }
    }
    const path = await downloadHelm(version, { platform, tempDir: opts.tempDir, baseUrl: opts.mirror, signal: opts.signal });
    // Verified archive, so running it is safe; a binary that does not report the version asked for is not used.
    const got = await helmVersionOf(path);
    if (!got || (0,karpenter_version/* formatVersion */.qh)(got) !== version) {
        throw new Error(`downloaded helm at ${path} reports ${got ? (0,karpenter_version/* formatVersion */.qh)(got) : 'no version'}, expected ${version}`);
    }
    return { path, version: `v${version}`, source: 'download' };
}
/**
 * Starts resolveHelm now and hands back its promise, for apply to await after the stacks: a failure is kept for
 * the await (not reported as an unhandled rejection if the run fails elsewhere first and never awaits it). The
 * caller aborts `opts.signal` when the run ends, so a refused run does not wait for a download nobody needs.
 */
function prefetchHelm(versionInput, opts = {}) {
    const pending = resolveHelm(versionInput, opts);
    pending.catch(() => undefined); // not unhandled while nobody awaits it yet; whoever awaits `pending` gets the error
    return pending;
}


/***/ }),

/***/ 869:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S_: () => (/* binding */ helmMessage),
/* harmony export */   oU: () => (/* binding */ runHelm),
/* harmony export */   t2: () => (/* binding */ HelmError)
/* harmony export */ });
/* unused harmony export helmEnv */
/* harmony import */ var _actions_exec__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(1955);
/* harmony import */ var _runner_log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7708);
/* harmony import */ var _core_errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4296);
// Runs helm: always an argv array through @actions/exec (spawn, no shell), output captured, and on failure an
// error that carries helm's own message rather than "exit code 1".



class HelmError extends _core_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ProvisionError */ .uv {
    args;
    exitCode;
    stdout;
    stderr;
    name = 'HelmError';
    constructor(args, exitCode, stdout, stderr) {
        super(`helm ${args[0] ?? ''} failed (exit ${exitCode}): ${helmMessage(stderr, stdout)}`);
        this.args = args;
        this.exitCode = exitCode;
        this.stdout = stdout;
        this.stderr = stderr;
    }
    /** helm's own words, without the exit code prefix */
    get helmMessage() {
        return helmMessage(this.stderr, this.stdout);
    }
}
/** The useful part of helm's output: its `Error: …` line(s) when present, else the last stderr lines. */
function helmMessage(stderr, stdout = '') {
    const text = stderr.trim() || stdout.trim();
    if (!text)
        return '(helm printed nothing)';
    const lines = text.split(/\r?\n/);
    const at = lines.findIndex((l) => l.startsWith('Error:'));
    const picked = at >= 0 ? lines.slice(at) : lines.slice(-5);
    return picked.join('\n').replace(/^Error:\s*/, '');
}
/** The environment of the child: ours, with KUBECONFIG set when given (exec's env REPLACES process.env). */
function helmEnv(kubeconfig) {
    const env = {};
    for (const [k, v] of Object.entries(process.env))
        if (v !== undefined)
            env[k] = v;
    if (kubeconfig)
        env['KUBECONFIG'] = kubeconfig;
    return env;
}
// @actions/exec splits its first argument like a command line; quoting keeps a path with spaces whole.
function quoteTool(path) {
    return `"${path.replace(/"/g, '\\"')}"`;
}
async function runHelm(helm, args, opts = {}) {
    // Echoed output goes through the log module line by line (never straight to stdout), so that nothing helm
    // prints — it echoes names and values from the config — can become a workflow command.
    const echo = opts.silent === false;
    if (echo)
        (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`[command]${helm} ${args.join(' ')}`);
    const out = await (0,_actions_exec__WEBPACK_IMPORTED_MODULE_0__/* .getExecOutput */ .H)(quoteTool(helm), args, {
        env: helmEnv(opts.kubeconfig),
        ignoreReturnCode: true,
        silent: true,
        ...(echo ? { listeners: { stdline: (line) => (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_1__/* .infoBlock */ .e7)(line), errline: (line) => (0,_runner_log_js__WEBPACK_IMPORTED_MODULE_1__/* .infoBlock */ .e7)(line) } } : {})
    });
    const result = { exitCode: out.exitCode, stdout: out.stdout, stderr: out.stderr };
    if (result.exitCode !== 0 && !opts.allowFailure) {
        throw new HelmError(args, result.exitCode, result.stdout, result.stderr);
    }
    return result;
}


/***/ })

};
