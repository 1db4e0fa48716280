import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { KubeClient } from '../../../src/kube/client.js'
import { ensureServiceAccount } from '../../../src/kube/service-account.js'
import { startFakeKube, type FakeKube, type Obj } from '../../../test/harness/fake-kube.js'

const ROLE = 'arn:aws:iam::111122223333:role/eksctl-prod-iamservice-role'
const SA_PATH = '/api/v1/namespaces/karpenter/serviceaccounts/karpenter'

let fake: FakeKube
let kube: KubeClient
beforeEach(async () => {
  fake = await startFakeKube()
  kube = new KubeClient({ server: fake.url }, { retryBaseMs: 1 })
})
afterEach(async () => {
  kube.close()
  await fake.close()
})

const sa = (): Obj => fake.objects.get(SA_PATH) as Obj
const meta = (o: Obj) => o.metadata as { labels?: Record<string, string>; annotations?: Record<string, string> }

describe('ensureServiceAccount', () => {
  it('creates the namespace and the annotated, labelled ServiceAccount', async () => {
    const result = await ensureServiceAccount(kube, { namespace: 'karpenter', name: 'karpenter', roleArn: ROLE })
    expect(result).toEqual({ action: 'created', namespaceCreated: true })
    expect(fake.objects.has('/api/v1/namespaces/karpenter')).toBe(true)
    expect(meta(sa()).annotations).toEqual({ 'eks.amazonaws.com/role-arn': ROLE })
    expect(meta(sa()).labels).toEqual({ 'app.kubernetes.io/managed-by': 'karpenter-provision' })
  })

  it('changes nothing on a second run', async () => {
    await ensureServiceAccount(kube, { namespace: 'karpenter', name: 'karpenter', roleArn: ROLE })
    const before = fake.requests.length
    const result = await ensureServiceAccount(kube, { namespace: 'karpenter', name: 'karpenter', roleArn: ROLE })
    expect(result).toEqual({ action: 'unchanged', namespaceCreated: false })
    expect(fake.requests.slice(before).every((r) => r.method === 'GET')).toBe(true)
  })

  it('sets a changed role and removes the annotation for Pod Identity, keeping other metadata', async () => {
    fake.put('/api/v1/namespaces/karpenter', { kind: 'Namespace', metadata: { name: 'karpenter' } })
    fake.put(SA_PATH, { kind: 'ServiceAccount', metadata: { name: 'karpenter', annotations: { 'eks.amazonaws.com/role-arn': 'arn:aws:iam::111122223333:role/old', keep: 'me' }, labels: { team: 'a' } } })
    expect((await ensureServiceAccount(kube, { namespace: 'karpenter', name: 'karpenter', roleArn: ROLE })).action).toBe('updated')
    expect(meta(sa()).annotations).toEqual({ 'eks.amazonaws.com/role-arn': ROLE, keep: 'me' })
    expect(meta(sa()).labels).toEqual({ team: 'a', 'app.kubernetes.io/managed-by': 'karpenter-provision' })
    expect((await ensureServiceAccount(kube, { namespace: 'karpenter', name: 'karpenter' })).action).toBe('updated')
    expect(meta(sa()).annotations).toEqual({ keep: 'me' })
  })

  it('asks Helm to keep a ServiceAccount the chart made earlier', async () => {
    fake.put('/api/v1/namespaces/karpenter', { kind: 'Namespace', metadata: { name: 'karpenter' } })
    fake.put(SA_PATH, { kind: 'ServiceAccount', metadata: { name: 'karpenter', annotations: { 'meta.helm.sh/release-name': 'karpenter', 'eks.amazonaws.com/role-arn': ROLE }, labels: { 'app.kubernetes.io/managed-by': 'Helm' } } })
    await ensureServiceAccount(kube, { namespace: 'karpenter', name: 'karpenter', roleArn: ROLE })
    expect(meta(sa()).annotations?.['helm.sh/resource-policy']).toBe('keep')
  })
})
