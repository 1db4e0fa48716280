import { describe, it, expect, beforeEach, afterEach } from '@jest/globals'
import { parse } from 'yaml'
import { KubeClient } from '../../../src/kube/client.js'
import { AWS_AUTH_PATH, addRoleMapping, ensureAwsAuthMapping, removeAwsAuthMapping, removeRoleMapping, roleArnWithoutPath } from '../../../src/kube/aws-auth.js'
import { startFakeKube, type FakeKube } from '../../../test/harness/fake-kube.js'

const NODE_ROLE = 'arn:aws:iam::111122223333:role/eksctl-KarpenterNodeRole-prod'
// as eksctl and terraform write it, with a comment and odd spacing that must survive byte for byte
const EXISTING_ROLES = `# managed nodegroup
- groups:
  - system:bootstrappers
  - system:nodes
  rolearn: arn:aws:iam::111122223333:role/eksctl-prod-nodegroup-ng-1-NodeInstanceRole-ABC
  username: system:node:{{EC2PrivateDNSName}}
- rolearn: arn:aws:iam::111122223333:role/admins
  username:   admin
  groups: [ "system:masters" ]
`
const MAP_USERS = `- userarn: arn:aws:iam::111122223333:user/alice
  username: alice
  groups: [system:masters]
`

let fake: FakeKube
let kube: KubeClient
beforeEach(async () => {
  fake = await startFakeKube()
  kube = new KubeClient({ server: fake.url }, { retryBaseMs: 1, retryMaxMs: 2 })
})
afterEach(async () => {
  kube.close()
  await fake.close()
})

function stored(): { data: Record<string, string>; metadata: Record<string, unknown> } {
  return fake.objects.get(AWS_AUTH_PATH) as never
}

function putAwsAuth(data: Record<string, string>): void {
  fake.put(AWS_AUTH_PATH, { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'aws-auth', namespace: 'kube-system' }, data })
}

describe('ensureAwsAuthMapping', () => {
  it('creates aws-auth when the cluster has none', async () => {
    const result = await ensureAwsAuthMapping(kube, NODE_ROLE)
    expect(result.action).toBe('created-configmap')
    expect(parse(stored().data.mapRoles)).toEqual([
      { groups: ['system:bootstrappers', 'system:nodes'], rolearn: NODE_ROLE, username: 'system:node:{{EC2PrivateDNSName}}' }
    ])
  })

  it('appends to mapRoles, keeping other roles byte for byte and the other keys untouched', async () => {
    putAwsAuth({ mapRoles: EXISTING_ROLES, mapUsers: MAP_USERS, mapAccounts: '- "444455556666"\n' })
    const result = await ensureAwsAuthMapping(kube, NODE_ROLE)
    expect(result.action).toBe('added')
    const after = stored().data
    expect(after.mapRoles.startsWith(EXISTING_ROLES)).toBe(true)
    expect(after.mapUsers).toBe(MAP_USERS)
    expect(after.mapAccounts).toBe('- "444455556666"\n')
    const roles = parse(after.mapRoles) as Array<{ rolearn: string; groups: string[] }>
    expect(roles.map((r) => r.rolearn)).toEqual([
      'arn:aws:iam::111122223333:role/eksctl-prod-nodegroup-ng-1-NodeInstanceRole-ABC',
      'arn:aws:iam::111122223333:role/admins',
      NODE_ROLE
    ])
    // the patch only names mapRoles and is conditional on the version read
    const patch = fake.requests.find((r) => r.method === 'PATCH')?.body as { metadata: { resourceVersion: string }; data: Record<string, string> }
    expect(Object.keys(patch.data)).toEqual(['mapRoles'])
    expect(patch.metadata.resourceVersion).toMatch(/^\d+$/)
  })

  it('is idempotent: a second run changes nothing and says so', async () => {
    putAwsAuth({ mapRoles: EXISTING_ROLES })
    await ensureAwsAuthMapping(kube, NODE_ROLE)
    const once = stored().data.mapRoles
    const second = await ensureAwsAuthMapping(kube, NODE_ROLE)
    expect(second.action).toBe('unchanged')
    expect(stored().data.mapRoles).toBe(once)
    expect((parse(once) as unknown[]).length).toBe(3)
  })

  it('matches on the ARN without its IAM path and writes it without', async () => {
    expect(roleArnWithoutPath('arn:aws:iam::111122223333:role/team/nodes/NodeRole')).toBe('arn:aws:iam::111122223333:role/NodeRole')
    putAwsAuth({ mapRoles: EXISTING_ROLES })
    const result = await ensureAwsAuthMapping(kube, 'arn:aws:iam::111122223333:role/some/path/admins')
    expect(result).toMatchObject({ action: 'unchanged', rolearn: 'arn:aws:iam::111122223333:role/admins' })
    // that entry lacks the node groups: the user is told, their entry is left as it is
    expect(result.note).toMatch(/without group\(s\) system:bootstrappers, system:nodes/)
    expect(stored().data.mapRoles).toBe(EXISTING_ROLES)
  })

  it('re-reads and retries when another writer changed aws-auth in between (409)', async () => {
    putAwsAuth({ mapRoles: EXISTING_ROLES })
    let raced = false
    fake.intercept((r) => {
      if (r.method === 'PATCH' && !raced) {
        raced = true
        // someone else adds a user just before our update lands
        const cm = fake.objects.get(AWS_AUTH_PATH) as { data: Record<string, string> }
        fake.put(AWS_AUTH_PATH, { ...cm, data: { ...cm.data, mapUsers: MAP_USERS } })
      }
      return undefined
    })
    const result = await ensureAwsAuthMapping(kube, NODE_ROLE)
    expect(result.action).toBe('added')
    expect(fake.requests.filter((r) => r.method === 'PATCH')).toHaveLength(2)
    expect(stored().data.mapUsers).toBe(MAP_USERS)
    expect((parse(stored().data.mapRoles) as unknown[]).length).toBe(3)
  })

  it('refuses to rewrite a mapRoles that is not a YAML list', async () => {
    putAwsAuth({ mapRoles: 'rolearn: x\n' })
    await expect(ensureAwsAuthMapping(kube, NODE_ROLE)).rejects.toThrow(/mapRoles is not a YAML list/)
    expect(fake.requests.some((r) => r.method === 'PATCH')).toBe(false)
  })

  it('adds to a flow-style list too', () => {
    const text = addRoleMapping('[{"rolearn": "arn:aws:iam::111122223333:role/x", "username": "x", "groups": []}]', NODE_ROLE)
    expect((parse(text) as Array<{ rolearn: string }>).map((r) => r.rolearn)).toEqual(['arn:aws:iam::111122223333:role/x', NODE_ROLE])
  })
})

describe('ensureAwsAuthMapping for Windows nodes', () => {
  const WINDOWS_GROUPS = ['eks:kube-proxy-windows', 'system:bootstrappers', 'system:nodes']

  it('maps the role with eks:kube-proxy-windows first, as eksctl maps Windows node groups', async () => {
    putAwsAuth({ mapRoles: EXISTING_ROLES })
    const result = await ensureAwsAuthMapping(kube, NODE_ROLE, undefined, { windows: true })
    expect(result.action).toBe('added')
    const after = stored().data.mapRoles
    expect(after.startsWith(EXISTING_ROLES)).toBe(true)
    expect((parse(after) as unknown[])[2]).toEqual({ groups: WINDOWS_GROUPS, rolearn: NODE_ROLE, username: 'system:node:{{EC2PrivateDNSName}}' })
    expect((await ensureAwsAuthMapping(kube, NODE_ROLE, undefined, { windows: true })).action).toBe('unchanged')
  })

  it('rewrites its own Linux-only mapping with the Windows group (one entry, others byte for byte)', async () => {
    putAwsAuth({ mapRoles: EXISTING_ROLES })
    await ensureAwsAuthMapping(kube, NODE_ROLE)
    const result = await ensureAwsAuthMapping(kube, NODE_ROLE, undefined, { windows: true })
    expect(result).toMatchObject({ action: 'updated', note: `groups now ${WINDOWS_GROUPS.join(', ')}` })
    const after = stored().data.mapRoles
    expect(after.startsWith(EXISTING_ROLES)).toBe(true)
    const ours = (parse(after) as Array<{ rolearn: string; groups: string[] }>).filter((r) => r.rolearn === NODE_ROLE)
    expect(ours).toEqual([{ groups: WINDOWS_GROUPS, rolearn: NODE_ROLE, username: 'system:node:{{EC2PrivateDNSName}}' }])
  })

  it('leaves a mapping somebody wrote with other groups alone, and says Windows nodes may not join', async () => {
    putAwsAuth({ mapRoles: `- rolearn: ${NODE_ROLE}\n  username: karpenter-nodes\n  groups: [system:bootstrappers, system:nodes, team-x]\n` })
    const before = stored().data.mapRoles
    const result = await ensureAwsAuthMapping(kube, NODE_ROLE, undefined, { windows: true })
    expect(result.action).toBe('unchanged')
    expect(result.note).toMatch(/without group\(s\) eks:kube-proxy-windows/)
    expect(stored().data.mapRoles).toBe(before)
  })

  it('a Windows mapping is kept as it is by a Linux-only run, and removed whole by delete', async () => {
    await ensureAwsAuthMapping(kube, NODE_ROLE, undefined, { windows: true })
    expect((await ensureAwsAuthMapping(kube, NODE_ROLE)).action).toBe('unchanged')
    expect((await removeAwsAuthMapping(kube, NODE_ROLE)).action).toBe('removed')
    expect(parse(stored().data.mapRoles)).toEqual([])
  })
})

describe('removeAwsAuthMapping', () => {
  it('removes only the node role, keeping the others byte for byte', async () => {
    putAwsAuth({ mapRoles: EXISTING_ROLES, mapUsers: MAP_USERS })
    await ensureAwsAuthMapping(kube, NODE_ROLE)
    const result = await removeAwsAuthMapping(kube, NODE_ROLE)
    expect(result.action).toBe('removed')
    expect(stored().data.mapRoles).toBe(EXISTING_ROLES)
    expect(stored().data.mapUsers).toBe(MAP_USERS)
  })

  it('removes an entry in the middle of the list', () => {
    const text = removeRoleMapping(EXISTING_ROLES, 'arn:aws:iam::111122223333:role/eksctl-prod-nodegroup-ng-1-NodeInstanceRole-ABC')
    expect(text).toBe(`# managed nodegroup\n- rolearn: arn:aws:iam::111122223333:role/admins\n  username:   admin\n  groups: [ "system:masters" ]\n`)
  })

  it('is a no-op without aws-auth or without the mapping', async () => {
    expect((await removeAwsAuthMapping(kube, NODE_ROLE)).action).toBe('absent')
    putAwsAuth({ mapRoles: EXISTING_ROLES })
    expect((await removeAwsAuthMapping(kube, NODE_ROLE)).action).toBe('absent')
    expect(fake.requests.some((r) => r.method === 'PATCH')).toBe(false)
  })
})
