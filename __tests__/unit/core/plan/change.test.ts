// src/core/plan/change.ts: what counts as a change (plan's has-changes), what an executor runs, and the line a change reads as.
import { describe, it, expect } from '@jest/globals'
import { changes, describeChange, toExecute, type ChangeBase, type ChangeAction } from '../../../../src/core/plan/change.js'

const change = (action: ChangeAction, destructive = false): ChangeBase => ({ subject: `stack s-${action}`, action, reason: 'because', destructive })
const all: ChangeAction[] = ['create', 'update', 'replace', 'delete', 'none', 'ensure']

describe('changes and toExecute', () => {
  it('has-changes counts what certainly changes something: not `none`, not `ensure`', () => {
    expect(changes(all.map(a => change(a))).map(c => c.action)).toEqual(['create', 'update', 'replace', 'delete'])
  })
  it('an executor runs everything but `none` (an `ensure` learns its outcome when it runs)', () => {
    expect(toExecute(all.map(a => change(a))).map(c => c.action)).toEqual(['create', 'update', 'replace', 'delete', 'ensure'])
  })
})

describe('describeChange', () => {
  it('names the action, the subject and the reason, and flags what removes or replaces', () => {
    expect(describeChange(change('create'))).toBe('create stack s-create — because')
    expect(describeChange(change('none'))).toBe('no change to stack s-none — because')
    expect(describeChange(change('delete', true))).toBe('delete stack s-delete — because (removes or replaces)')
  })
})
