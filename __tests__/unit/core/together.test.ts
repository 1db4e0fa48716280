import { describe, it, expect } from '@jest/globals'
import { together, settle } from '../../../src/core/together.js'

const after = <T>(ms: number, v: T, fail = false): Promise<T> =>
  new Promise((res, rej) => setTimeout(() => (fail ? rej(new Error(String(v))) : res(v)), ms))

describe('together', () => {
  it('returns the values in order', async () => {
    await expect(together(after(20, 'a'), after(1, 1))).resolves.toEqual(['a', 1])
  })

  it('throws the error of the first failing step in the given order, not the first to fail in time', async () => {
    let lateDone = false
    const late = after(40, 'first').then(() => { lateDone = true; throw new Error('first') })
    await expect(together(late, after(1, 'second', true))).rejects.toThrow('first')
    expect(lateDone).toBe(true) // waited for every step
  })
})

describe('settle', () => {
  it('never rejects; says how the promise ended', async () => {
    await expect(settle(Promise.reject(new Error('x')))).resolves.toMatchObject({ ok: false })
    await expect(settle(Promise.resolve(3))).resolves.toEqual({ ok: true, value: 3 })
  })
})
