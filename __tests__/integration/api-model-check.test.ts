// The API model check as wired into the harness: a request that breaks botocore's model, sent through moto's
// proxy or to the EKS stand-in, is answered with a 400 the SDK raises (so an action making it fails) and recorded
// (so the test that made it fails, see test/harness/api-model-jest.ts); a valid one reaches moto.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals'
import { IAMClient, CreateRoleCommand, GetRoleCommand } from '@aws-sdk/client-iam'
import { EKSClient, CreatePodIdentityAssociationCommand } from '@aws-sdk/client-eks'
import { startMoto, type Moto } from '../../test/harness/moto.js'
import { startEksStandin, type EksStandin } from '../../test/harness/eks-standin.js'
import { takeViolations } from '../../test/harness/api-model-check.js'

let moto: Moto
let standin: EksStandin
const credentials = { accessKeyId: 'AKIATEST', secretAccessKey: 'test' }
const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] })

beforeAll(async () => {
  moto = await startMoto()
  standin = await startEksStandin(moto.endpoint)
}, 60_000)
afterAll(async () => {
  await standin?.stop()
  await moto?.stop()
})

describe('the API model check in front of moto and the EKS stand-in', () => {
  it('passes a valid request on to moto', async () => {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials, maxAttempts: 1 })
    await iam.send(new CreateRoleCommand({ RoleName: 'valid-role', AssumeRolePolicyDocument: trust }))
    await expect(iam.send(new GetRoleCommand({ RoleName: 'valid-role' }))).resolves.toBeDefined()
    expect(takeViolations()).toEqual([])
  })

  it('answers a request that breaks the model with a 400 naming operation, member and rule, and records it', async () => {
    const iam = new IAMClient({ region: 'us-east-1', endpoint: moto.endpoint, credentials, maxAttempts: 1 })
    const name = 'r'.repeat(65)
    const err = await iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: trust })).then(() => undefined, (e: unknown) => e as Error & { $metadata: { httpStatusCode: number } })
    expect(err).toBeInstanceOf(Error)
    expect([err!.name, err!.$metadata.httpStatusCode]).toEqual(['ValidationError', 400])
    expect(err!.message).toMatch(/iam:CreateRole RoleName: length — 65 characters, more than the maximum 64/)
    expect(takeViolations().map(v => [v.operation, v.member, v.rule])).toEqual([['CreateRole', 'RoleName', 'length']])
    // moto never saw it
    await expect(iam.send(new GetRoleCommand({ RoleName: name }))).rejects.toThrow()
    takeViolations()
  })

  it('checks requests the EKS stand-in serves (REST-JSON) the same way', async () => {
    const eks = new EKSClient({ region: 'us-west-2', endpoint: standin.endpoint, credentials, maxAttempts: 1 })
    const err = await eks
      .send(new CreatePodIdentityAssociationCommand({ clusterName: 'c', namespace: 'karpenter', serviceAccount: 'karpenter', roleArn: 'arn:aws:iam::123456789012:role/r', tags: { ['k'.repeat(129)]: 'v' } }))
      .then(() => undefined, (e: unknown) => e as Error)
    expect(err?.name).toBe('InvalidParameterException')
    expect(takeViolations().map(v => [v.operation, v.member, v.rule])).toEqual([['CreatePodIdentityAssociation', `tags{key "${'k'.repeat(129)}"}`, 'length']])
    expect(standin.associations()).toEqual([])
  })
})
