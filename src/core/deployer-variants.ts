// The deployer policy's variants and their shape (the policies themselves: ./deployer-policy.ts). Apart so the
// summary, which every mode writes, can show them without loading the policy generator at start-up.
import type { PolicyDocument } from './templates/policy-pack.js'

export type DeployerVariant = 'apply' | 'read-only'
export const DEPLOYER_VARIANTS: readonly DeployerVariant[] = ['apply', 'read-only']

export interface DeployerPolicies {
  /** the account in the ARNs, or the placeholder when it was not given */
  account: string
  accountKnown: boolean
  /** each variant as one or more managed policies of at most 6,144 characters (split when it would not fit) */
  apply: PolicyDocument[]
  'read-only': PolicyDocument[]
}
