import { describe, it, expect, beforeEach } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { EKSClient, CreateAccessEntryCommand, DescribeAccessEntryCommand, DeleteAccessEntryCommand } from '@aws-sdk/client-eks'
import { resolveNodeAccess } from '../../../../src/core/plan/node-access.js'
import { ensureNodeAccessEntry, deleteNodeAccessEntry } from '../../../../src/aws/access-entry.js'

describe('resolveNodeAccess', () => {
  it.each([
    ['auto', 'API', 'access-entry'],
    ['auto', 'API_AND_CONFIG_MAP', 'access-entry'],
    ['auto', 'CONFIG_MAP', 'aws-auth'],
    ['auto', undefined, 'aws-auth'],
    ['access-entry', 'API', 'access-entry'],
    ['access-entry', 'API_AND_CONFIG_MAP', 'access-entry'],
    ['aws-auth', 'CONFIG_MAP', 'aws-auth'],
    ['aws-auth', 'API_AND_CONFIG_MAP', 'aws-auth'],
    ['none', 'API', 'none'],
    ['none', 'CONFIG_MAP', 'none']
  ] as const)('%s on %s → %s', (input, mode, method) => {
    expect(resolveNodeAccess(input, mode).method).toBe(method)
  })

  it('refuses combinations that cannot work', () => {
    expect(() => resolveNodeAccess('access-entry', 'CONFIG_MAP')).toThrow(/includes API.*CONFIG_MAP/)
    expect(() => resolveNodeAccess('access-entry', undefined)).toThrow(/CONFIG_MAP/)
    expect(() => resolveNodeAccess('aws-auth', 'API')).toThrow(/ignored/)
  })
})

const eks = mockClient(EKSClient)
const client = new EKSClient({ region: 'us-west-2' })
const role = 'arn:aws:iam::123456789012:role/eksctl-KarpenterNodeRole-prod'
beforeEach(() => {
  eks.reset()
})

describe('access entry', () => {
  it('creates an EC2_LINUX entry for the node role', async () => {
    eks.on(CreateAccessEntryCommand).resolves({})
    expect(await ensureNodeAccessEntry(client, 'prod', role)).toEqual({ created: true })
    expect(eks.commandCalls(CreateAccessEntryCommand)[0].args[0].input).toMatchObject({ clusterName: 'prod', principalArn: role, type: 'EC2_LINUX' })
  })

  it('keeps an existing entry without duplicating it', async () => {
    eks.on(CreateAccessEntryCommand).rejects(Object.assign(new Error('in use'), { name: 'ResourceInUseException' }))
    eks.on(DescribeAccessEntryCommand).resolves({ accessEntry: { type: 'EC2_LINUX', principalArn: role } })
    expect(await ensureNodeAccessEntry(client, 'prod', role)).toEqual({ created: false })
    expect(eks.commandCalls(CreateAccessEntryCommand)).toHaveLength(1)
  })

  it('warns when the existing entry has another type', async () => {
    eks.on(CreateAccessEntryCommand).rejects(Object.assign(new Error('in use'), { name: 'ResourceInUseException' }))
    eks.on(DescribeAccessEntryCommand).resolves({ accessEntry: { type: 'STANDARD' } })
    expect((await ensureNodeAccessEntry(client, 'prod', role)).warning).toMatch(/type STANDARD, not EC2_LINUX/)
  })

  it('passes other errors on', async () => {
    eks.on(CreateAccessEntryCommand).rejects(Object.assign(new Error('mode'), { name: 'InvalidRequestException' }))
    await expect(ensureNodeAccessEntry(client, 'prod', role)).rejects.toThrow('mode')
  })

  it('delete: a missing entry is fine', async () => {
    eks.on(DeleteAccessEntryCommand).rejectsOnce(Object.assign(new Error('gone'), { name: 'ResourceNotFoundException' })).resolves({})
    expect(await deleteNodeAccessEntry(client, 'prod', role)).toBe(false)
    expect(await deleteNodeAccessEntry(client, 'prod', role)).toBe(true)
  })
})
