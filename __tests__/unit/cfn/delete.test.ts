// What deleteStackFully meets on AWS and moto never produces: a protected stack (moto stores the flag but does not
// implement UpdateTerminationProtection), an endpoint that answers UpdateTerminationProtection with "not
// implemented", and a stack that ends DELETE_FAILED (moto's stacks always delete). The rest of deleteStackFully
// runs against moto in __tests__/integration/executors-cfn-delete.test.ts.
import { describe, it, expect, jest } from '@jest/globals'
import { mockClient } from 'aws-sdk-client-mock'
import { CloudFormationClient, DeleteStackCommand, DescribeStackEventsCommand, DescribeStacksCommand, ListStackResourcesCommand, UpdateTerminationProtectionCommand } from '@aws-sdk/client-cloudformation'
import { IAMClient } from '@aws-sdk/client-iam'
import { deleteStackFully, StackDeleteError } from '../../../src/cfn/delete.js'

const NAME = 'eksctl-cluster-with-karpenter-karpenter'
const clients = () => [new CloudFormationClient({ region: 'us-west-2' }), new IAMClient({ region: 'us-west-2' })] as const
const options = { poll: { deadline: Date.now() + 60_000 }, isOwnPolicy: () => true, print: () => undefined }

/** A protected stack that exists until DeleteStack; returns the calls in order. */
function protectedStack(cfn: ReturnType<typeof mockClient>): string[] {
  const order: string[] = []
  let alive = true
  cfn.on(DescribeStacksCommand).callsFake(() => {
    if (!alive) throw Object.assign(new Error(`Stack with id ${NAME} does not exist`), { name: 'ValidationError' })
    return { Stacks: [{ StackName: NAME, StackId: `id-${NAME}`, StackStatus: 'CREATE_COMPLETE', EnableTerminationProtection: true, CreationTime: new Date() }] }
  })
  cfn.on(DeleteStackCommand).callsFake(() => {
    order.push('DeleteStack')
    alive = false
    return {}
  })
  cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
  cfn.on(ListStackResourcesCommand).resolves({ StackResourceSummaries: [] })
  return order
}

describe('deleteStackFully: termination protection', () => {
  it('is turned off before DeleteStack', async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const cfn = mockClient(CloudFormationClient)
    const order = protectedStack(cfn)
    cfn.on(UpdateTerminationProtectionCommand).callsFake(input => {
      order.push(`UpdateTerminationProtection ${JSON.stringify(input)}`)
      return {}
    })
    expect(await deleteStackFully(...clients(), NAME, options)).toMatchObject({ action: 'deleted' })
    expect(order).toEqual([`UpdateTerminationProtection {"StackName":"${NAME}","EnableTerminationProtection":false}`, 'DeleteStack'])
    cfn.restore()
  })

  it('an endpoint that does not implement UpdateTerminationProtection: logged, and the delete goes on', async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const cfn = mockClient(CloudFormationClient)
    const order = protectedStack(cfn)
    cfn.on(UpdateTerminationProtectionCommand).rejects(Object.assign(new Error('The update_termination_protection action has not been implemented'), { name: 'InternalFailure', $metadata: { httpStatusCode: 500 } }))
    expect(await deleteStackFully(...clients(), NAME, options)).toMatchObject({ action: 'deleted' })
    expect(order).toEqual(['DeleteStack'])
    cfn.restore()
  })

  it('any other error from it stops the delete', async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const cfn = mockClient(CloudFormationClient)
    const order = protectedStack(cfn)
    cfn.on(UpdateTerminationProtectionCommand).rejects(Object.assign(new Error('User is not authorized to perform: cloudformation:UpdateTerminationProtection'), { name: 'AccessDenied', $metadata: { httpStatusCode: 403 } }))
    await expect(deleteStackFully(...clients(), NAME, options)).rejects.toThrow(/not authorized/)
    expect(order).toEqual([])
    cfn.restore()
  })
})

describe('deleteStackFully: a stack that ends DELETE_FAILED', () => {
  it('is deleted once more, then reported with its reason and the failed outcome', async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true)
    const cfn = mockClient(CloudFormationClient)
    let deletes = 0
    cfn.on(DescribeStacksCommand).callsFake(() => ({
      Stacks: [{ StackName: NAME, StackId: `id-${NAME}`, StackStatus: deletes === 0 ? 'CREATE_COMPLETE' : 'DELETE_FAILED', StackStatusReason: 'role in use', CreationTime: new Date() }]
    }))
    cfn.on(DeleteStackCommand).callsFake(() => void deletes++)
    cfn.on(DescribeStackEventsCommand).resolves({ StackEvents: [] })
    cfn.on(ListStackResourcesCommand).resolves({ StackResourceSummaries: [] })
    const failed = deleteStackFully(...clients(), NAME, options)
    await expect(failed).rejects.toThrow(new RegExp(`Stack ${NAME} could not be deleted: it is DELETE_FAILED — .*role in use`))
    await expect(failed).rejects.toBeInstanceOf(StackDeleteError)
    await failed.catch((err: StackDeleteError) => expect(err.outcome).toMatchObject({ stack: NAME, action: 'failed', status: 'DELETE_FAILED' }))
    expect(deletes).toBe(2)
    cfn.restore()
  }, 30_000)
})
