// The controller's identity on the cluster, as the facts show it (docs/design.md, "Controller identity"): the
// association for the controller's ServiceAccount, whether each controller stack exists, and — when the config
// asks for the other identity than the one in place — the identity this run switches away from. Pure.
import type { ExistingAssociation, Facts } from '../facts.js'
import { stackExists } from '../facts.js'
import type { ControllerIdentity, Names } from '../types.js'

export type Identity = ControllerIdentity

/** What the facts say about the controller's identity. */
export interface IdentityState {
  /** the association for <namespace>/<serviceAccount>, if any */
  association?: ExistingAssociation
  /** the EKS endpoint does not serve the Pod Identity API: no association could be looked for */
  podIdentityApiMissing?: boolean
  irsaStackExists: boolean
  podIdentityStackExists: boolean
  /** the identity this run moves away from, when the cluster is switching */
  previous?: Identity
}

/**
 * The previous identity: the other one's traces. For Pod Identity, the IRSA stack; for IRSA, an association this
 * tool made or the Pod Identity stack (an association someone else made is theirs and stays; IRSA wins over it).
 */
export function identityState(facts: Pick<Facts, 'stacks' | 'association' | 'podIdentityApiMissing'>, names: Names, wanted: Identity): IdentityState {
  const state: IdentityState = {
    irsaStackExists: stackExists(facts, names.irsaStack),
    podIdentityStackExists: stackExists(facts, names.podIdentityStack)
  }
  if (facts.association) state.association = facts.association
  if (facts.podIdentityApiMissing) state.podIdentityApiMissing = true
  if (wanted === 'pod-identity' && state.irsaStackExists) state.previous = 'irsa'
  // A Pod Identity stack whose role someone else's association uses (eksctl made both from the same file) is
  // not this tool's to retire; an association this tool made, or the stack alone, is.
  const foreign = state.association !== undefined && !state.association.ours
  if (wanted === 'irsa' && (state.association?.ours || (state.podIdentityStackExists && !foreign))) state.previous = 'pod-identity'
  return state
}

/** The role of an existing association to adopt: one this tool did not make (docs/design.md, "Controller identity": "adopted as it is"). */
export function roleToAdopt(state: IdentityState): string | undefined {
  return state.association && !state.association.ours && state.association.roleArn ? state.association.roleArn : undefined
}
