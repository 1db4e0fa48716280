// `iam:` — OIDC, the permissions boundary for the node role, and Pod Identity associations.
import { isScalar } from 'yaml'
import { isEmptyValue, type MapView } from '../view.js'
import type { PodIdentityAssociation, Position } from '../types.js'
import { SERVICE_ACCOUNT } from '../../names.js'
import { IAM_POLICY_ARN, IAM_ROLE_ARN, IAM_ROLE_NAME } from '../patterns.js'
import { readTags } from './tags.js'

export interface IamRead {
  withOIDC: boolean
  /** where `iam.withOIDC`'s value is written and how, for the message when IRSA needs it */
  withOIDCAt?: Position
  withOIDCWritten?: string
  /** true when `iam:` or `iam.withOIDC` is written but malformed (already reported) */
  withOIDCMalformed: boolean
  serviceRolePermissionsBoundary?: string
  podIdentityAssociations: PodIdentityAssociation[]
  /** an entry for `<namespace>`/karpenter exists but has errors (already reported) */
  karpenterEntryMalformed: boolean
  /** the `iam:` mapping, for positions of errors about keys it lacks */
  view?: MapView
}

const ROLE_ARN_EXPECTED = 'an IAM role ARN like arn:aws:iam::111122223333:role/name'
const POLICY_ARN_EXPECTED = 'an IAM policy ARN like arn:aws:iam::aws:policy/Name or arn:aws:iam::111122223333:policy/name'

// Entry keys eksctl understands but this action does not apply to the Karpenter controller's role.
const IGNORED_FOR_KARPENTER = ['wellKnownPolicies', 'permissionPolicy', 'createServiceAccount']

export function readIam(root: MapView, namespace: string): IamRead {
  const iam = root.mapping('iam')
  const out: IamRead = { withOIDC: false, withOIDCMalformed: false, karpenterEntryMalformed: false, podIdentityAssociations: [] }
  if (!iam) {
    const written = root.entry('iam')
    out.withOIDCMalformed = written !== undefined && !isEmptyValue(written.value)
    return out
  }
  out.view = iam
  const ctx = iam.ctx

  const withOIDC = iam.boolean('withOIDC')
  out.withOIDC = withOIDC ?? false
  const written = iam.entry('withOIDC')
  if (written) {
    out.withOIDCAt = ctx.position(iam.at(written))
    out.withOIDCWritten = ctx.describe(written.value)
    out.withOIDCMalformed = withOIDC === undefined
  }

  const boundary = iam.nonEmptyString('serviceRolePermissionsBoundary', { expected: POLICY_ARN_EXPECTED })
  if (boundary) {
    if (IAM_POLICY_ARN.test(boundary.value)) out.serviceRolePermissionsBoundary = boundary.value
    else ctx.error(boundary.node, boundary.path, 'not an IAM policy ARN', ctx.describe(boundary.node), POLICY_ARN_EXPECTED)
  }

  const seen = new Map<string, string>()
  for (const entry of iam.listOfMappings('podIdentityAssociations', 'a mapping with namespace and serviceAccountName') ?? []) {
    const association = readAssociation(entry, namespace)
    if (!association) {
      const ns = entry.entry('namespace')?.value
      const sa = entry.entry('serviceAccountName')?.value
      if (isScalar(ns) && ns.value === namespace && isScalar(sa) && sa.value === SERVICE_ACCOUNT) out.karpenterEntryMalformed = true
      continue
    }
    // EKS allows one association per service account; a second entry could never be applied.
    const subject = `${association.namespace}/${association.serviceAccountName}`
    const first = seen.get(subject)
    if (first !== undefined) {
      ctx.error(entry.node, entry.path, `second entry for service account ${subject} (the first is ${first})`, undefined, 'one entry per namespace and service account')
      continue
    }
    seen.set(subject, entry.path)
    out.podIdentityAssociations.push(association)
  }
  return out
}

function readAssociation(entry: MapView, namespace: string): PodIdentityAssociation | undefined {
  const ctx = entry.ctx
  const ns = entry.nonEmptyString('namespace', { required: true, expected: 'a Kubernetes namespace' })
  const sa = entry.nonEmptyString('serviceAccountName', { required: true, expected: 'a Kubernetes service account name' })
  let valid = ns !== undefined && sa !== undefined

  const roleName = entry.nonEmptyString('roleName', { expected: 'an IAM role name: 1-64 of letters, digits and +=,.@_-' })
  if (roleName && !IAM_ROLE_NAME.test(roleName.value)) {
    ctx.error(roleName.node, roleName.path, 'not a valid IAM role name', ctx.describe(roleName.node), 'an IAM role name: 1-64 of letters, digits and +=,.@_-')
    valid = false
  }
  const roleARN = entry.nonEmptyString('roleARN', { expected: ROLE_ARN_EXPECTED })
  if (roleARN && !IAM_ROLE_ARN.test(roleARN.value)) {
    ctx.error(roleARN.node, roleARN.path, 'not an IAM role ARN', ctx.describe(roleARN.node), ROLE_ARN_EXPECTED)
    valid = false
  }
  const policies = entry.stringList('permissionPolicyARNs', POLICY_ARN_EXPECTED) ?? []
  for (const p of policies) {
    if (!IAM_POLICY_ARN.test(p.value)) {
      ctx.error(p.node, p.path, 'not an IAM policy ARN', ctx.describe(p.node), POLICY_ARN_EXPECTED)
      valid = false
    }
  }
  const boundary = entry.nonEmptyString('permissionsBoundaryARN', { expected: POLICY_ARN_EXPECTED })
  if (boundary && !IAM_POLICY_ARN.test(boundary.value)) {
    ctx.error(boundary.node, boundary.path, 'not an IAM policy ARN', ctx.describe(boundary.node), POLICY_ARN_EXPECTED)
    valid = false
  }
  const tags = readTags(entry, 'tags')

  if (!valid || !ns || !sa) return undefined

  if (ns.value === namespace && sa.value === SERVICE_ACCOUNT) {
    for (const key of IGNORED_FOR_KARPENTER) {
      const ignored = entry.entry(key)
      if (ignored) {
        ctx.warning(
          ignored.keyNode,
          ignored.path,
          'not applied to the Karpenter controller role by karpenter-provision (it attaches the Karpenter controller policies and permissionPolicyARNs)'
        )
      }
    }
  }

  const association: PodIdentityAssociation = {
    namespace: ns.value,
    serviceAccountName: sa.value,
    permissionPolicyARNs: policies.map((p) => p.value),
    tags,
    position: entry.position
  }
  if (roleName) association.roleName = roleName.value
  if (roleARN) association.roleARN = roleARN.value
  if (boundary) association.permissionsBoundaryARN = boundary.value
  return association
}
