import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parse } from 'yaml'
import { connectionFromFacts, writeKubeconfig, readKubeconfig } from '../../../src/kube/kubeconfig.js'
import { actionPathRules } from '../../../src/runner/input-files.js'

const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIBfake\n-----END CERTIFICATE-----\n'
const caData = Buffer.from(CA_PEM).toString('base64')

let temp: string
beforeEach(() => {
  temp = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-test-'))
})
afterEach(() => {
  fs.rmSync(temp, { recursive: true, force: true })
})

describe('writeKubeconfig', () => {
  it('writes a 0600 kubeconfig in a folder of its own and removes it on dispose', async () => {
    const previousUmask = process.umask(0o000) // a permissive umask must not widen the mode
    let written
    try {
      written = await writeKubeconfig(temp, { server: 'https://ABC.gr7.us-west-2.eks.amazonaws.com', caData, token: 'k8s-aws-v1.secret', clusterName: 'prod' })
    } finally {
      process.umask(previousUmask)
    }
    expect(path.dirname(path.dirname(written.path))).toBe(temp)
    expect(fs.statSync(written.path).mode & 0o777).toBe(0o600)
    const doc = parse(fs.readFileSync(written.path, 'utf8')) as Record<string, unknown>
    expect(doc['current-context']).toBe('prod')
    // it reads back into the same connection
    const conn = readKubeconfig(written.path).connection
    expect(conn).toEqual({ server: 'https://ABC.gr7.us-west-2.eks.amazonaws.com', caPem: CA_PEM, token: 'k8s-aws-v1.secret' })
    expect(connectionFromFacts({ server: 'https://ABC.gr7.us-west-2.eks.amazonaws.com', caData, token: 'k8s-aws-v1.secret', clusterName: 'prod' })).toEqual(conn)
    await written.dispose()
    expect(fs.existsSync(path.dirname(written.path))).toBe(false)
    await written.dispose() // twice is fine
  })

  it('gives each call its own folder', async () => {
    const facts = { server: 'https://x', caData, token: 't', clusterName: 'c' }
    const [a, b] = await Promise.all([writeKubeconfig(temp, facts), writeKubeconfig(temp, facts)])
    expect(a.path).not.toBe(b.path)
    await a.dispose()
    expect(fs.existsSync(b.path)).toBe(true)
    await b.dispose()
  })
})

describe('loadKubeconfig', () => {
  function write(doc: string): string {
    const file = path.join(temp, 'config')
    fs.writeFileSync(file, doc)
    return file
  }
  const base = (cluster: string, user: string) => `apiVersion: v1
kind: Config
current-context: ctx
contexts:
- name: other
  context: {cluster: nope, user: nope}
- name: ctx
  context: {cluster: c1, user: u1}
clusters:
- name: c1
  cluster:
${cluster}
users:
- name: u1
  user:
${user}
`

  it('resolves files relative to the kubeconfig, client certificates and insecure-skip-tls-verify', () => {
    fs.writeFileSync(path.join(temp, 'ca.pem'), CA_PEM)
    fs.writeFileSync(path.join(temp, 'client.crt'), 'CERT')
    fs.writeFileSync(path.join(temp, 'client.key'), 'KEY')
    const file = write(base('    server: https://127.0.0.1:6443\n    certificate-authority: ca.pem\n    insecure-skip-tls-verify: true', '    client-certificate: client.crt\n    client-key: client.key'))
    expect(readKubeconfig(file).connection).toEqual({ server: 'https://127.0.0.1:6443', caPem: CA_PEM, insecureSkipTlsVerify: true, clientCertPem: 'CERT', clientKeyPem: 'KEY' })
  })

  it('reads a tokenFile', () => {
    fs.writeFileSync(path.join(temp, 'token'), 'abc\n')
    const file = write(base('    server: https://k', '    tokenFile: token'))
    expect(readKubeconfig(file).connection.token).toBe('abc')
  })

  it('refuses exec plugins with a way out', () => {
    const file = write(base('    server: https://k', '    exec:\n      apiVersion: client.authentication.k8s.io/v1beta1\n      command: aws\n      args: [eks, get-token, --cluster-name, c]'))
    expect(() => readKubeconfig(file)).toThrow(/exec credential plugin, which is not supported: pass a kubeconfig with a token/)
  })

  it('names what is missing', () => {
    expect(() => readKubeconfig(write('apiVersion: v1\nkind: Config\n')).connection).toThrow(/has no current-context/)
    expect(() => readKubeconfig(write(base('    server: https://k', '    username: x')))).toThrow(/has no token and no client certificate/)
    expect(() => readKubeconfig(path.join(temp, 'missing')).connection).toThrow(/input kubeconfig: .*missing: not found/)
  })

  // issue 11 item 1: the files a kubeconfig names pass the same path rules as the kubeconfig itself
  it('in the action, refuses a named file outside the workspace and RUNNER_TEMP, or one that is a device', () => {
    const workspace = path.join(temp, 'ws')
    fs.mkdirSync(workspace)
    fs.writeFileSync(path.join(temp, 'client.key'), 'KEY')
    fs.writeFileSync(path.join(workspace, 'client.crt'), 'CERT')
    const rules = actionPathRules(workspace, undefined)
    const kubeconfig = (key: string) => {
      fs.writeFileSync(path.join(workspace, 'config'), base('    server: https://k', `    client-certificate: client.crt\n    client-key: ${key}`))
      return () => readKubeconfig('config', rules)
    }
    expect(kubeconfig('../client.key')).toThrow(`client.key: resolves to ${fs.realpathSync(temp)}/client.key, outside the workspace (${workspace})`)
    expect(kubeconfig('../client.key')).toThrow(/^input kubeconfig \(its client-key\): /)
    expect(kubeconfig('/dev/zero')).toThrow(/client-key\): \/dev\/zero: resolves to \/dev\/zero, outside the workspace/)
    fs.copyFileSync(path.join(temp, 'client.key'), path.join(workspace, 'client.key'))
    expect(kubeconfig('client.key')().connection.clientKeyPem).toBe('KEY')
    // the command line reads any regular file, never a device
    fs.writeFileSync(path.join(workspace, 'config'), base('    server: https://k', '    token: t\n    tokenFile: /dev/zero'))
    expect(() => readKubeconfig(path.join(workspace, 'config'))).not.toThrow() // an inline token wins, the file is not read
    fs.writeFileSync(path.join(workspace, 'config'), base('    server: https://k', '    tokenFile: /dev/zero'))
    expect(() => readKubeconfig(path.join(workspace, 'config'))).toThrow(/tokenFile\): \/dev\/zero: resolves to \/dev\/zero, which is a character device/)
  })
})
