// Mock-based on purpose: the one case here is an error EKS sends (InvalidRequestException, e.g. for a cluster whose
// authentication mode excludes the API) that neither moto nor the EKS stand-in produces: moto 5.2 answers HTTP 404
// for every access-entry API (checked against a running moto 5.2.1), and the stand-in (test/harness/eks-standin.ts)
// keeps no authentication mode. Create / exists / delete run against the stand-in in front of moto in
// __tests__/integration/access-entry.test.ts.
import { describe, it, expect } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { EKSClient, CreateAccessEntryCommand } from '@aws-sdk/client-eks'
import { ensureNodeAccessEntry } from '../../../src/aws/access-entry.js'

const eks = mockClient(EKSClient)
const client = new EKSClient({ region: 'us-west-2' })
const role = 'arn:aws:iam::123456789012:role/eksctl-KarpenterNodeRole-prod'

describe('access entry', () => {
  it('passes other errors on', async () => {
    eks.on(CreateAccessEntryCommand).rejects(Object.assign(new Error('mode'), { name: 'InvalidRequestException' }))
    await expect(ensureNodeAccessEntry(client, 'prod', role)).rejects.toThrow('mode')
  })
})
