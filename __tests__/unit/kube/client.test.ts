import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { KubeClient } from '../../../src/kube/client.js'
import { KubeApiError } from '../../../src/kube/errors.js'
import { startFakeKube, type FakeKube } from '../../../test/harness/fake-kube.js'

let fake: FakeKube
let kube: KubeClient
beforeEach(async () => {
  fake = await startFakeKube()
  kube = new KubeClient({ server: fake.url, token: 'tok-123' }, { retryBaseMs: 1, retryMaxMs: 5 })
})
afterEach(async () => {
  kube.close()
  await fake.close()
})

describe('KubeClient', () => {
  it('sends the bearer token and parses the answer', async () => {
    fake.put('/api/v1/namespaces/kube-system/configmaps/x', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' }, data: { a: '1' } })
    const cm = await kube.get<{ data: Record<string, string> }>('/api/v1/namespaces/kube-system/configmaps/x')
    expect(cm.data).toEqual({ a: '1' })
    expect(fake.requests[0]?.headers.authorization).toBe('Bearer tok-123')
  })

  it('turns a Status into an error with code, reason and message, without retrying', async () => {
    const err = await kube.get('/api/v1/namespaces/nope').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(KubeApiError)
    expect(err).toMatchObject({ status: 404, reason: 'NotFound' })
    expect((err as Error).message).toMatch(/GET \/api\/v1\/namespaces\/nope failed: 404 NotFound: the server could not find/)
    expect(fake.requests).toHaveLength(1)
    expect(await kube.getOptional('/api/v1/namespaces/nope')).toBeUndefined()
  })

  it('retries 429, 5xx and connection resets, then succeeds', async () => {
    fake.put('/api/v1/namespaces/default', { kind: 'Namespace', metadata: { name: 'default' } })
    const script: Array<ReturnType<Parameters<FakeKube['intercept']>[0] & object>> = [
      { status: 429, body: { kind: 'Status', reason: 'TooManyRequests', message: 'slow down' }, headers: { 'retry-after': '0' } },
      'reset',
      { status: 503, body: { kind: 'Status', reason: 'ServiceUnavailable', message: 'etcd' } }
    ]
    fake.intercept(() => script.shift())
    const ns = await kube.get('/api/v1/namespaces/default')
    expect(ns.metadata?.name).toBe('default')
    expect(fake.requests).toHaveLength(4)
  })

  it('gives up after the configured attempts and does not retry a 409', async () => {
    fake.intercept(() => ({ status: 500, body: { kind: 'Status', reason: 'InternalError', message: 'boom' } }))
    await expect(kube.get('/api/v1/namespaces/a')).rejects.toMatchObject({ status: 500, reason: 'InternalError' })
    expect(fake.requests).toHaveLength(5)
    fake.requests.length = 0
    fake.intercept(() => ({ status: 409, body: { kind: 'Status', reason: 'Conflict', message: 'stale' } }))
    await expect(kube.patch('/api/v1/namespaces/a', {})).rejects.toMatchObject({ status: 409 })
    expect(fake.requests).toHaveLength(1)
  })

  // A create, replace or ordinary patch answered with a 5xx or a dropped connection may already have acted
  // on the server: sending it again could act twice (two objects from a generateName create, a JSON patch's
  // `add` applied twice). Only requests that are safe to repeat are retried; 429 means the server turned the
  // request away unhandled, so it is retried for every verb.
  it.each([
    ['POST (create)', (k: KubeClient) => k.create('/api/v1/namespaces/default/configmaps', { metadata: { generateName: 'x-' } })],
    ['PUT (replace)', (k: KubeClient) => k.replace('/api/v1/namespaces/default/configmaps/x', { metadata: { name: 'x' } })],
    ['PATCH (merge)', (k: KubeClient) => k.patch('/api/v1/namespaces/default/configmaps/x', { data: { a: '1' } }, 'merge')],
    ['PATCH (json)', (k: KubeClient) => k.patch('/api/v1/namespaces/default/configmaps/x', [{ op: 'add', path: '/data/a', value: '1' }], 'json')]
  ])('does not send a %s again after a 5xx or a connection reset', async (_name, call) => {
    fake.intercept(() => ({ status: 503, body: { kind: 'Status', reason: 'ServiceUnavailable', message: 'etcd' } }))
    await expect(call(kube)).rejects.toMatchObject({ status: 503 })
    expect(fake.requests).toHaveLength(1)
    fake.requests.length = 0
    fake.intercept(() => 'reset')
    await expect(call(kube)).rejects.toThrow(/cannot reach/)
    expect(fake.requests).toHaveLength(1)
    fake.requests.length = 0
    const script: Array<ReturnType<Parameters<FakeKube['intercept']>[0] & object>> = [
      { status: 429, body: { kind: 'Status', reason: 'TooManyRequests', message: 'slow down' }, headers: { 'retry-after': '0' } },
      { status: 200, body: { metadata: { name: 'x' } } }
    ]
    fake.intercept(() => script.shift())
    await call(kube)
    expect(fake.requests).toHaveLength(2)
  })

  it.each([
    ['DELETE', (k: KubeClient) => k.delete('/api/v1/namespaces/default/configmaps/x').then(() => undefined)],
    ['server-side apply', (k: KubeClient) => k.apply('/api/v1/namespaces/default/configmaps/x', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x' } })]
  ])('retries a %s (safe to repeat) after a 5xx and a connection reset', async (_name, call) => {
    const script: Array<ReturnType<Parameters<FakeKube['intercept']>[0] & object>> = [
      { status: 500, body: { kind: 'Status', reason: 'InternalError', message: 'boom' } },
      'reset',
      { status: 200, body: { metadata: { name: 'x' } } }
    ]
    fake.intercept(() => script.shift())
    await call(kube)
    expect(fake.requests).toHaveLength(3)
  })

  it('server-side applies with the apply content type, field manager and force', async () => {
    await kube.apply('/apis/karpenter.sh/v1/nodepools/default', { apiVersion: 'karpenter.sh/v1', kind: 'NodePool', metadata: { name: 'default' } })
    const r = fake.requests[0]
    expect(r?.method).toBe('PATCH')
    expect(r?.headers['content-type']).toBe('application/apply-patch+yaml')
    expect(r?.query.get('fieldManager')).toBe('karpenter-provision')
    expect(r?.query.get('force')).toBe('true')
  })

  it('sends merge and JSON patches with their content types', async () => {
    fake.intercept(() => ({ status: 200, body: {} }))
    await kube.patch('/x', { a: 1 }, 'merge')
    await kube.patch('/x', [{ op: 'add', path: '/a', value: 1 }], 'json')
    expect(fake.requests.map((r) => r.headers['content-type'])).toEqual(['application/merge-patch+json', 'application/json-patch+json'])
  })

  it('follows list continue tokens', async () => {
    fake.intercept((r) =>
      r.query.get('continue') ? { status: 200, body: { items: [{ metadata: { name: 'b' } }], metadata: {} } } : { status: 200, body: { items: [{ metadata: { name: 'a' } }], metadata: { continue: 'next' } } }
    )
    const items = await kube.list('/api/v1/namespaces')
    expect(items.map((i) => i.metadata?.name)).toEqual(['a', 'b'])
  })

  it('maps kinds to plural paths through discovery, cached', async () => {
    fake.discovery.set('/apis/karpenter.sh/v1', {
      kind: 'APIResourceList',
      groupVersion: 'karpenter.sh/v1',
      resources: [
        { name: 'nodepools', kind: 'NodePool', namespaced: false },
        { name: 'nodepools/status', kind: 'NodePool', namespaced: false }
      ]
    })
    fake.discovery.set('/api/v1', { kind: 'APIResourceList', groupVersion: 'v1', resources: [{ name: 'configmaps', kind: 'ConfigMap', namespaced: true }] })
    expect(await kube.resourcePath('karpenter.sh/v1', 'NodePool', undefined, 'default')).toBe('/apis/karpenter.sh/v1/nodepools/default')
    expect(await kube.resourcePath('karpenter.sh/v1', 'NodePool')).toBe('/apis/karpenter.sh/v1/nodepools')
    expect(await kube.resourcePath('v1', 'ConfigMap', 'kube-system', 'aws-auth')).toBe('/api/v1/namespaces/kube-system/configmaps/aws-auth')
    expect(fake.requests.filter((r) => r.path === '/apis/karpenter.sh/v1')).toHaveLength(1)
    await expect(kube.resourcePath('karpenter.k8s.aws/v1', 'EC2NodeClass')).rejects.toThrow(/does not serve EC2NodeClass in karpenter.k8s.aws\/v1/)
  })

  it('keeps a path prefix of the server URL', async () => {
    const prefixed = new KubeClient({ server: `${fake.url}/k8s/clusters/c-1/` }, { retryBaseMs: 1 })
    fake.intercept(() => ({ status: 200, body: {} }))
    await prefixed.get('/api/v1/namespaces')
    prefixed.close()
    expect(fake.requests[0]?.path).toBe('/k8s/clusters/c-1/api/v1/namespaces')
  })
})

describe('KubeClient over TLS', () => {
  let dir: string
  let tls: FakeKube
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-tls-'))
    // a self-signed server certificate for 127.0.0.1, acting as its own CA
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1', '-subj', '/CN=kube-test', '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' })
    tls = await startFakeKube({ tls: { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8') } })
    tls.intercept(() => ({ status: 200, body: { ok: true } }))
  })
  afterEach(async () => {
    await tls.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('trusts the given CA and refuses a server it does not sign', async () => {
    const good = new KubeClient({ server: tls.url, caPem: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'), token: 't' })
    await expect(good.get('/version')).resolves.toEqual({ ok: true })
    good.close()
    const untrusting = new KubeClient({ server: tls.url, token: 't' }, { attempts: 1 })
    await expect(untrusting.get('/version')).rejects.toThrow(/cannot reach/)
    untrusting.close()
    const insecure = new KubeClient({ server: tls.url, insecureSkipTlsVerify: true })
    await expect(insecure.get('/version')).resolves.toEqual({ ok: true })
    insecure.close()
  })
})
