// src/core/handler-permissions.ts: the IAM permissions CloudFormation's resource handlers need per resource type of
// our templates, which the deployer policy must grant since CloudFormation acts with the caller's credentials
// (README.md, "The role to assume"). The table is copied from the types' resource provider schemas; these tests
// hold it to the templates this tool can produce.
import { describe, expect, it } from '@jest/globals'
import { HANDLER_PERMISSIONS, NOT_USED_BY_OUR_TEMPLATES, handlerPermissions } from '../../../src/core/handler-permissions.js'
import { buildDesiredState } from '../../../src/core/desired.js'
import type { StackSpec } from '../../../src/core/types.js'
import { clusterConfig, inputs } from '../../helpers/config.js'

const podIdentity = clusterConfig({
  withOIDC: false,
  podIdentityAssociations: [
    { namespace: 'karpenter', serviceAccountName: 'karpenter', permissionPolicyARNs: [], tags: { team: 'a' }, permissionsBoundaryARN: 'arn:aws:iam::aws:policy/b', position: { line: 1, col: 1 } }
  ]
})
/** Every stack this tool can deploy: the Karpenter stack with its queue, the IRSA stack, the Pod Identity stack. */
const STACKS: StackSpec[] = (() => {
  const irsa = buildDesiredState(clusterConfig({}, { withSpotInterruptionQueue: true, version: '1.10.0' }), inputs())
  const pod = buildDesiredState(podIdentity, inputs())
  return [irsa.karpenterStack, irsa.controllerStack, pod.controllerStack]
})()
const RESOURCES = STACKS.flatMap(s => Object.values(s.template.Resources))
const TYPES = [...new Set(RESOURCES.map(r => r.Type))].sort()

describe('HANDLER_PERMISSIONS', () => {
  it('covers exactly the resource types our templates use', () => {
    expect(Object.keys(HANDLER_PERMISSIONS).sort()).toEqual(TYPES)
  })

  it('names IAM actions as service:Action, each once per operation', () => {
    for (const [type, ops] of Object.entries(HANDLER_PERMISSIONS)) {
      for (const [op, actions] of Object.entries(ops)) {
        for (const a of actions) expect(`${type} ${op} ${a}`).toMatch(/ [a-z0-9-]+:[A-Z][A-Za-z0-9]+$/)
        expect(new Set(actions).size).toBe(actions.length)
      }
    }
  })
})

describe('NOT_USED_BY_OUR_TEMPLATES', () => {
  it('lists only permissions the table has (so each one really filters something)', () => {
    for (const [type, unused] of Object.entries(NOT_USED_BY_OUR_TEMPLATES)) {
      const all = new Set(Object.values(HANDLER_PERMISSIONS[type] ?? {}).flat())
      for (const p of unused) expect(`${type} ${p} ${all.has(p)}`).toBe(`${type} ${p} true`)
    }
  })

  it('is true of every template: no inline role policies, no policy attached through its own Groups/Users/Roles, no rule target role', () => {
    for (const r of RESOURCES) {
      const props = r.Properties ?? {}
      if (r.Type === 'AWS::IAM::Role') expect(props).not.toHaveProperty('Policies')
      if (r.Type === 'AWS::IAM::ManagedPolicy') for (const k of ['Groups', 'Users', 'Roles']) expect(props).not.toHaveProperty(k)
      if (r.Type === 'AWS::Events::Rule') for (const t of props.Targets as Record<string, unknown>[]) expect(t).not.toHaveProperty('RoleArn')
    }
  })
})

describe('handlerPermissions', () => {
  it('is the union of the operations’ permissions in table order, each once, less those our templates never cause', () => {
    expect(handlerPermissions('AWS::IAM::InstanceProfile', ['create', 'delete'])).toEqual([
      'iam:CreateInstanceProfile',
      'iam:PassRole',
      'iam:AddRoleToInstanceProfile',
      'iam:GetInstanceProfile',
      'iam:RemoveRoleFromInstanceProfile',
      'iam:DeleteInstanceProfile'
    ])
    const role = handlerPermissions('AWS::IAM::Role', ['create'])!
    expect(role).toEqual(['iam:CreateRole', 'iam:AttachRolePolicy', 'iam:GetRolePolicy', 'iam:TagRole', 'iam:UntagRole', 'iam:GetRole'])
    expect(handlerPermissions('AWS::Events::Rule', ['create', 'read', 'update', 'delete'])).not.toContain('iam:PassRole')
    expect(handlerPermissions('AWS::SQS::QueuePolicy', ['read'])).toEqual([])
    expect(handlerPermissions('AWS::IAM::ManagedPolicy', ['create'])).toEqual(['iam:CreatePolicy'])
  })

  it('knows no permissions for a type outside the table', () => {
    expect(handlerPermissions('AWS::S3::Bucket', ['create'])).toBeUndefined()
  })
})
