// src/core/facts.ts: which stack facts count as an existing stack.
import { describe, it, expect } from '@jest/globals'
import { stackExists } from '../../../src/core/facts.js'

describe('stackExists', () => {
  const stacks = {
    live: { name: 'live', status: 'UPDATE_ROLLBACK_COMPLETE' },
    gone: { name: 'gone', status: 'DELETE_COMPLETE' },
    absent: { name: 'absent' }
  }
  it('a stack in any state but DELETE_COMPLETE exists; one without a status, or not read, does not', () => {
    expect(stackExists({ stacks }, 'live')).toBe(true)
    expect(stackExists({ stacks }, 'gone')).toBe(false)
    expect(stackExists({ stacks }, 'absent')).toBe(false)
    expect(stackExists({ stacks }, 'never-read')).toBe(false)
  })
})
