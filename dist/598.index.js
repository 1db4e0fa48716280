export const id = 598;
export const ids = [598];
export const modules = {

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


/***/ })

};
