// src/core/plan/identity.ts: the identity the cluster switches away from, from the facts (docs/design.md,
// "Controller identity"), and the role of an association to adopt.
import { describe, it, expect } from '@jest/globals'
import { identityState, roleToAdopt } from '../../../../src/core/plan/identity.js'
import type { ExistingAssociation, StackFact } from '../../../../src/core/facts.js'
import type { Names } from '../../../../src/core/types.js'

const names = { irsaStack: 'irsa-stack', podIdentityStack: 'pod-stack' } as Names
const stack = (name: string, status = 'CREATE_COMPLETE'): Record<string, StackFact> => ({ [name]: { name, status } })
const ours: ExistingAssociation = { id: 'a-1', roleArn: 'arn:aws:iam::1:role/r', ours: true, tags: {} }
const foreign: ExistingAssociation = { ...ours, ours: false }

describe('identityState', () => {
  it('Pod Identity wanted, the IRSA stack there: switching from IRSA; a deleted IRSA stack does not count', () => {
    expect(identityState({ stacks: stack('irsa-stack'), association: null }, names, 'pod-identity')).toEqual({ irsaStackExists: true, podIdentityStackExists: false, previous: 'irsa' })
    expect(identityState({ stacks: stack('irsa-stack', 'DELETE_COMPLETE') }, names, 'pod-identity').previous).toBeUndefined()
  })
  it('IRSA wanted: our association, or the Pod Identity stack alone, is the previous identity', () => {
    expect(identityState({ stacks: {}, association: ours }, names, 'irsa').previous).toBe('pod-identity')
    expect(identityState({ stacks: stack('pod-stack') }, names, 'irsa').previous).toBe('pod-identity')
  })
  it('IRSA wanted, someone else\'s association (even with the Pod Identity stack): not ours to retire', () => {
    const state = identityState({ stacks: stack('pod-stack'), association: foreign }, names, 'irsa')
    expect(state.previous).toBeUndefined()
    expect(state.association).toBe(foreign)
  })
  it('the same identity as in place: no switch; an endpoint without the Pod Identity API is carried', () => {
    expect(identityState({ stacks: stack('irsa-stack'), podIdentityApiMissing: true }, names, 'irsa')).toEqual({ irsaStackExists: true, podIdentityStackExists: false, podIdentityApiMissing: true })
  })
})

describe('roleToAdopt', () => {
  it('only someone else\'s association gives its role', () => {
    expect(roleToAdopt({ irsaStackExists: false, podIdentityStackExists: false, association: foreign })).toBe(foreign.roleArn)
    expect(roleToAdopt({ irsaStackExists: false, podIdentityStackExists: false, association: ours })).toBeUndefined()
    expect(roleToAdopt({ irsaStackExists: false, podIdentityStackExists: false })).toBeUndefined()
  })
})
