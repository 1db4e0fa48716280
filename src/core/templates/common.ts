// Small CloudFormation building blocks shared by the stack builders.
import type { CfnValue } from '../karpenter/policy.js'
import type { CfnTemplate, StackSpec } from '../types.js'

export const sub = (s: string): { 'Fn::Sub': string } => ({ 'Fn::Sub': s })
export const getAtt = (logicalId: string, attr = 'Arn'): { 'Fn::GetAtt': [string, string] } => ({ 'Fn::GetAtt': [logicalId, attr] })
export const ref = (logicalId: string): { Ref: string } => ({ Ref: logicalId })

export function awsManagedPolicyArn(name: string): CfnValue {
  return sub(`arn:\${AWS::Partition}:iam::aws:policy/${name}`)
}

/** ARN of a customer managed policy by name, in the stack's own account. */
export function accountPolicyArn(name: string): CfnValue {
  return sub(`arn:\${AWS::Partition}:iam::\${AWS::AccountId}:policy/${name}`)
}

export function cfnTags(tags: Record<string, string>): { Key: string; Value: string }[] {
  return Object.keys(tags)
    .sort()
    .map(Key => ({ Key, Value: tags[Key] }))
}

/** Tags every stack of this tool carries (eksctl's shared stack tags, so eksctl recognises the stacks). */
export function clusterStackTags(cluster: string, metadataTags: Record<string, string>): Record<string, string> {
  return {
    ...metadataTags,
    'alpha.eksctl.io/cluster-name': cluster,
    'eksctl.cluster.k8s.io/v1alpha1/cluster-name': cluster
  }
}

/** What every stack of this tool is: eksctl's stack tags and the stack's own, named IAM resources, protected. */
export function eksctlStackSpec(name: string, template: CfnTemplate, clusterTags: Record<string, string>, ownTags: Record<string, string>): StackSpec {
  return {
    name,
    template,
    parameters: {},
    tags: { ...clusterTags, ...ownTags },
    capabilities: ['CAPABILITY_NAMED_IAM'],
    terminationProtection: true
  }
}

/** A controller identity stack's template, as eksctl lays it out: one IAM role, its ARN as output `Role1`. */
export function singleRoleTemplate(description: string, roleId: string, properties: Record<string, unknown>): CfnTemplate {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: description,
    Resources: { [roleId]: { Type: 'AWS::IAM::Role', Properties: properties } },
    Outputs: { Role1: { Value: getAtt(roleId) } }
  }
}
