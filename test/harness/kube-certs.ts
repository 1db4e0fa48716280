// Key material for the test Kubernetes API: a throwaway CA, a serving certificate for 127.0.0.1 signed by it
// (so clients verify the server against a real CA, as they do with EKS's certificateAuthority.data), and the
// service-account token signing key pair.
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { generateKeyPairSync } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

const run = promisify(execFile)

export interface KubePki {
  caCertFile: string
  caKeyFile: string
  servingCertFile: string
  servingKeyFile: string
  saPublicKeyFile: string
  saPrivateKeyFile: string
  /** The CA certificate, PEM. */
  caPem: string
}

// The in-cluster names as well, so a future in-cluster client would verify too.
const SERVING_SANS = [
  'IP:127.0.0.1',
  'DNS:localhost',
  'DNS:kubernetes',
  'DNS:kubernetes.default',
  'DNS:kubernetes.default.svc',
  'IP:10.96.0.1'
].join(',')

/** Writes CA, serving and service-account keys into `dir` (files mode 0600) with openssl and node:crypto. */
export async function generateKubePki(dir: string): Promise<KubePki> {
  const f = (name: string) => join(dir, name)
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes']
  await run('openssl', [
    'req', '-x509', ...ec, '-keyout', f('ca.key'), '-out', f('ca.crt'), '-days', '2', '-subj', '/CN=karpenter-provision-test-ca',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'
  ])
  // OpenSSL 3's `req -x509 -CA` issues a CA-signed certificate in one step.
  await run('openssl', [
    'req', '-x509', ...ec, '-keyout', f('serving.key'), '-out', f('serving.crt'), '-days', '2', '-subj', '/CN=kube-apiserver',
    '-CA', f('ca.crt'), '-CAkey', f('ca.key'),
    '-addext', `subjectAltName=${SERVING_SANS}`, '-addext', 'basicConstraints=critical,CA:FALSE',
    '-addext', 'keyUsage=critical,digitalSignature,keyEncipherment', '-addext', 'extendedKeyUsage=serverAuth'
  ])
  const sa = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' }
  })
  await writeFile(f('sa.key'), sa.privateKey, { mode: 0o600 })
  await writeFile(f('sa.pub'), sa.publicKey, { mode: 0o600 })
  return {
    caCertFile: f('ca.crt'),
    caKeyFile: f('ca.key'),
    servingCertFile: f('serving.crt'),
    servingKeyFile: f('serving.key'),
    saPublicKeyFile: f('sa.pub'),
    saPrivateKeyFile: f('sa.key'),
    caPem: await readFile(f('ca.crt'), 'utf8')
  }
}
