// The IAM permissions CloudFormation's resource handlers need, per resource type this project's templates use.
// CloudFormation acts with the caller's credentials (no service role), so the deployer policy must grant them
// (README.md, "The role to assume"). Copied from the `handlers.<op>.permissions` of each type's published
// resource provider schema (the CloudFormation registry schema, as vendored by
// github.com/hashicorp/terraform-provider-awscc, internal/service/cloudformation/schemas/AWS_<Service>_<Type>.json,
// commit f995d4f4139602dbb9044f3108702f2a1837a872, 2026-08-07; their sourceUrl is the
// aws-cloudformation/aws-cloudformation-resource-providers-<service> repository). AWS::SQS::QueuePolicy is not
// in that set; its registry schema (sourceUrl aws-cloudformation-resource-providers-sqs) lists only
// sqs:SetQueueAttributes for create, update and delete. Read handlers run for drift detection.
// Pure data: a new resource type in a template must be added here (a unit test checks every type is).

export type HandlerOperation = 'create' | 'read' | 'update' | 'delete'

export type HandlerPermissions = Record<HandlerOperation, readonly string[]>

export const HANDLER_PERMISSIONS: Readonly<Record<string, HandlerPermissions>> = {
  'AWS::IAM::Role': {
    create: ['iam:CreateRole', 'iam:PutRolePolicy', 'iam:AttachRolePolicy', 'iam:GetRolePolicy', 'iam:TagRole', 'iam:UntagRole', 'iam:GetRole'],
    read: ['iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:GetRolePolicy'],
    update: [
      'iam:UpdateRole', 'iam:UpdateRoleDescription', 'iam:UpdateAssumeRolePolicy', 'iam:DetachRolePolicy', 'iam:AttachRolePolicy',
      'iam:DeleteRolePermissionsBoundary', 'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePolicy', 'iam:PutRolePolicy', 'iam:TagRole', 'iam:UntagRole'
    ],
    delete: ['iam:DeleteRole', 'iam:DetachRolePolicy', 'iam:DeleteRolePolicy', 'iam:GetRole', 'iam:ListAttachedRolePolicies', 'iam:ListRolePolicies', 'iam:TagRole', 'iam:UntagRole']
  },
  'AWS::IAM::InstanceProfile': {
    create: ['iam:CreateInstanceProfile', 'iam:PassRole', 'iam:AddRoleToInstanceProfile', 'iam:GetInstanceProfile'],
    read: ['iam:GetInstanceProfile'],
    update: ['iam:PassRole', 'iam:RemoveRoleFromInstanceProfile', 'iam:AddRoleToInstanceProfile', 'iam:GetInstanceProfile'],
    delete: ['iam:GetInstanceProfile', 'iam:RemoveRoleFromInstanceProfile', 'iam:DeleteInstanceProfile']
  },
  'AWS::IAM::ManagedPolicy': {
    create: ['iam:CreatePolicy', 'iam:AttachGroupPolicy', 'iam:AttachUserPolicy', 'iam:AttachRolePolicy'],
    read: ['iam:GetPolicy', 'iam:ListEntitiesForPolicy', 'iam:GetPolicyVersion'],
    update: [
      'iam:DetachRolePolicy', 'iam:GetPolicy', 'iam:ListPolicyVersions', 'iam:DetachGroupPolicy', 'iam:DetachUserPolicy', 'iam:CreatePolicyVersion',
      'iam:DeletePolicyVersion', 'iam:AttachGroupPolicy', 'iam:AttachUserPolicy', 'iam:AttachRolePolicy'
    ],
    delete: ['iam:DetachRolePolicy', 'iam:GetPolicy', 'iam:ListPolicyVersions', 'iam:DetachGroupPolicy', 'iam:DetachUserPolicy', 'iam:DeletePolicyVersion', 'iam:DeletePolicy', 'iam:ListEntitiesForPolicy']
  },
  'AWS::SQS::Queue': {
    create: ['sqs:CreateQueue', 'sqs:GetQueueUrl', 'sqs:GetQueueAttributes', 'sqs:ListQueueTags', 'sqs:TagQueue'],
    read: ['sqs:GetQueueAttributes', 'sqs:ListQueueTags'],
    update: ['sqs:SetQueueAttributes', 'sqs:GetQueueAttributes', 'sqs:ListQueueTags', 'sqs:TagQueue', 'sqs:UntagQueue'],
    delete: ['sqs:DeleteQueue', 'sqs:GetQueueAttributes']
  },
  'AWS::SQS::QueuePolicy': {
    create: ['sqs:SetQueueAttributes'],
    read: [],
    update: ['sqs:SetQueueAttributes'],
    delete: ['sqs:SetQueueAttributes']
  },
  'AWS::Events::Rule': {
    create: ['iam:PassRole', 'events:DescribeRule', 'events:PutRule', 'events:PutTargets', 'events:TagResource'],
    read: ['iam:PassRole', 'events:DescribeRule', 'events:ListTargetsByRule', 'events:ListTagsForResource'],
    update: ['iam:PassRole', 'events:DescribeRule', 'events:PutRule', 'events:RemoveTargets', 'events:PutTargets', 'events:UntagResource', 'events:TagResource'],
    delete: ['iam:PassRole', 'events:DescribeRule', 'events:DeleteRule', 'events:RemoveTargets', 'events:ListTargetsByRule']
  }
}

/**
 * Handler permissions for properties our templates do not set, so no request is ever made for them: a role's
 * inline Policies, a managed policy attached through its own Groups/Users/Roles (ours are attached by the roles'
 * ManagedPolicyArns; its delete handler still detaches it from those roles), and a rule target's RoleArn (our
 * targets are a queue, which takes no role).
 */
export const NOT_USED_BY_OUR_TEMPLATES: Readonly<Record<string, readonly string[]>> = {
  'AWS::IAM::Role': ['iam:PutRolePolicy'],
  'AWS::IAM::ManagedPolicy': ['iam:AttachGroupPolicy', 'iam:AttachUserPolicy', 'iam:AttachRolePolicy', 'iam:DetachGroupPolicy', 'iam:DetachUserPolicy'],
  'AWS::Events::Rule': ['iam:PassRole']
}

/** The permissions of the given operations for a type, less those our templates never cause; undefined for an unknown type. */
export function handlerPermissions(type: string, ops: readonly HandlerOperation[]): string[] | undefined {
  const table = HANDLER_PERMISSIONS[type]
  if (!table) return undefined
  const unused = new Set(NOT_USED_BY_OUR_TEMPLATES[type] ?? [])
  return [...new Set(ops.flatMap(op => table[op]))].filter(p => !unused.has(p))
}
