// The node role's access entry executor (src/aws/access-entry.ts) against the EKS stand-in in front of moto
// (test/harness/eks-standin.ts): moto answers 404 for the access-entry APIs, so create / exists / delete are
// verified against the stand-in only (its ResourceInUseException and ResourceNotFoundException as EKS sends them;
// every request is checked against botocore's EKS model). An error EKS sends for a cluster whose authentication
// mode excludes the API is not something the stand-in produces: that case is a unit test with a mock
// (__tests__/unit/aws/access-entry.test.ts).
import { describe, it, expect, beforeAll, afterAll, beforeEach } from '@jest/globals'
import { EKSClient, CreateAccessEntryCommand } from '@aws-sdk/client-eks'
import { startEksOverMoto, type EksOverMoto, type EksStandin } from '../../test/harness/eks-standin.js'
import { ensureNodeAccessEntry, deleteNodeAccessEntry, describeNodeAccessEntry } from '../../src/aws/access-entry.js'

const CLUSTER = 'access-entry-cluster'
// the tags apply passes (src/modes/apply.ts)
const TAGS = { 'alpha.eksctl.io/cluster-name': 'access-entry-cluster' }
const ROLE = 'arn:aws:iam::123456789012:role/eksctl-KarpenterNodeRole-prod'

let backends: EksOverMoto
let standin: EksStandin
let eks: EKSClient

beforeAll(async () => {
  backends = await startEksOverMoto()
  ;({ standin, eks } = backends)
}, 60_000)

afterAll(async () => {
  await backends?.stop()
})

beforeEach(() => standin.reset())

describe('access entry', () => {
  it('creates an EC2_LINUX entry for the node role', async () => {
    expect(await ensureNodeAccessEntry(eks, CLUSTER, ROLE, TAGS)).toEqual({ created: true })
    expect(standin.accessEntries()).toEqual([{ clusterName: CLUSTER, principalArn: ROLE, type: 'EC2_LINUX' }])
    expect(standin.count('CreateAccessEntry')).toBe(1)
    expect(await describeNodeAccessEntry(eks, CLUSTER, ROLE)).toBe('EC2_LINUX')
  })

  it('without tags sends no tag map (EKS refuses an empty one)', async () => {
    expect(await ensureNodeAccessEntry(eks, CLUSTER, ROLE)).toEqual({ created: true })
    expect(standin.calls.map(c => `${c.action} ${c.status}`)).toEqual(['CreateAccessEntry 200'])
    expect(standin.accessEntries()).toEqual([{ clusterName: CLUSTER, principalArn: ROLE, type: 'EC2_LINUX' }])
  })

  it('keeps an existing entry without duplicating it', async () => {
    expect(await ensureNodeAccessEntry(eks, CLUSTER, ROLE, TAGS)).toEqual({ created: true })
    expect(await ensureNodeAccessEntry(eks, CLUSTER, ROLE, TAGS)).toEqual({ created: false })
    expect(standin.accessEntries()).toEqual([{ clusterName: CLUSTER, principalArn: ROLE, type: 'EC2_LINUX' }])
    // the second create was refused (409) and the entry described, not created again
    expect(standin.calls.map(c => `${c.action} ${c.status}`)).toEqual(['CreateAccessEntry 200', 'CreateAccessEntry 409', 'DescribeAccessEntry 200'])
  })

  it('warns when the existing entry has another type', async () => {
    await eks.send(new CreateAccessEntryCommand({ clusterName: CLUSTER, principalArn: ROLE, type: 'STANDARD' }))
    const r = await ensureNodeAccessEntry(eks, CLUSTER, ROLE, TAGS)
    expect(r.created).toBe(false)
    expect(r.warning).toMatch(/type STANDARD, not EC2_LINUX/)
    expect(standin.accessEntries()).toEqual([{ clusterName: CLUSTER, principalArn: ROLE, type: 'STANDARD' }])
  })

  it('delete: removes the entry, and a missing entry is fine', async () => {
    await ensureNodeAccessEntry(eks, CLUSTER, ROLE, TAGS)
    expect(await deleteNodeAccessEntry(eks, CLUSTER, ROLE)).toBe(true)
    expect(standin.accessEntries()).toEqual([])
    expect(await deleteNodeAccessEntry(eks, CLUSTER, ROLE)).toBe(false)
    expect(await describeNodeAccessEntry(eks, CLUSTER, ROLE)).toBeUndefined()
  })
})
