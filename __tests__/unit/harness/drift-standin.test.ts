// The drift stand-in's comparison (test/harness/drift-standin.ts): CloudFormation's property differences —
// objects by key, lists as unordered collections, JSON-pointer paths, ADD / REMOVE / NOT_EQUAL.
import { describe, expect, it } from '@jest/globals'
import { propertyDifferences } from '../../../test/harness/drift-standin.js'

describe('propertyDifferences', () => {
  it('equal documents, lists in another order: none', () => {
    expect(propertyDifferences({ a: ['x', 'y'], b: { c: 1 } }, { b: { c: '1' }, a: ['y', 'x'] })).toEqual([])
  })

  it('a list element missing or added: REMOVE at its expected index, ADD at its actual index', () => {
    expect(propertyDifferences(['p1', 'p2', 'p3'], ['p3', 'p1'], '/ManagedPolicyArns')).toEqual([{ PropertyPath: '/ManagedPolicyArns/1', ExpectedValue: 'p2', ActualValue: 'null', DifferenceType: 'REMOVE' }])
    expect(propertyDifferences(['p1'], ['p1', 'p9'], '/ManagedPolicyArns')).toEqual([{ PropertyPath: '/ManagedPolicyArns/1', ExpectedValue: 'null', ActualValue: 'p9', DifferenceType: 'ADD' }])
  })

  it('a statement removed from a policy: REMOVE of the whole statement', () => {
    const s = [{ Sid: 'A', Effect: 'Allow' }, { Sid: 'B', Effect: 'Allow' }]
    expect(propertyDifferences({ Statement: s }, { Statement: [s[0]] }, '/PolicyDocument')).toEqual([{ PropertyPath: '/PolicyDocument/Statement/1', ExpectedValue: JSON.stringify(s[1]), ActualValue: 'null', DifferenceType: 'REMOVE' }])
  })

  it('a statement changed in place: the differences inside it', () => {
    expect(propertyDifferences({ Statement: [{ Sid: 'A', Effect: 'Allow' }] }, { Statement: [{ Sid: 'A', Effect: 'Deny' }] }, '/PolicyDocument')).toEqual([
      { PropertyPath: '/PolicyDocument/Statement/0/Effect', ExpectedValue: 'Allow', ActualValue: 'Deny', DifferenceType: 'NOT_EQUAL' }
    ])
  })

  it('a scalar changed, a property gone', () => {
    expect(propertyDifferences(300, 600, '/MessageRetentionPeriod')).toEqual([{ PropertyPath: '/MessageRetentionPeriod', ExpectedValue: '300', ActualValue: '600', DifferenceType: 'NOT_EQUAL' }])
    expect(propertyDifferences('arn:b', undefined, '/PermissionsBoundary')).toEqual([{ PropertyPath: '/PermissionsBoundary', ExpectedValue: 'arn:b', ActualValue: 'null', DifferenceType: 'REMOVE' }])
  })
})
