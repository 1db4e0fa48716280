import { describe, it, expect } from '@jest/globals'
import { isRetryable, withRetry } from '../../../src/aws/retry.js'
import { backoffDelay } from '../../../src/core/backoff.js'

const named = (name: string, status?: number): Error => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: status } })

describe('isRetryable', () => {
  it.each([
    ['ThrottlingException', 400],
    ['Throttling', 400],
    ['IDPCommunicationError', 400],
    ['InternalFailure', 500],
    ['Whatever', 503],
    ['TooManyRequestsException', 429]
  ])('retries %s (%s)', (name, status) => expect(isRetryable(named(name, status))).toBe(true))

  it.each([
    ['ValidationError', 400],
    ['AccessDenied', 403],
    ['AccessDeniedException', 403],
    ['InvalidIdentityToken', 400],
    ['ExpiredTokenException', 400],
    ['LimitExceededException', 409]
  ])('does not retry %s (%s)', (name, status) => expect(isRetryable(named(name, status))).toBe(false))

  it('retries a reset connection, not a plain error', () => {
    expect(isRetryable(Object.assign(new Error('socket'), { code: 'ECONNRESET' }))).toBe(true)
    expect(isRetryable(new Error('Missing required environment variables'))).toBe(false)
    expect(isRetryable(undefined)).toBe(false)
  })
})

describe('withRetry', () => {
  it('retries throttling and then succeeds, with growing jittered waits', async () => {
    const waits: number[] = []
    let calls = 0
    const out = await withRetry(
      async () => {
        calls++
        if (calls < 3) throw named('ThrottlingException', 400)
        return 'ok'
      },
      { sleep: async ms => void waits.push(ms), random: () => 0.999, baseMs: 100, capMs: 10_000 }
    )
    expect(out).toBe('ok')
    expect(calls).toBe(3)
    expect(waits).toEqual([99, 199])
  })

  it('does not retry a validation error', async () => {
    let calls = 0
    const sleeps: number[] = []
    await expect(
      withRetry(async () => {
        calls++
        throw named('ValidationError', 400)
      }, { sleep: async ms => void sleeps.push(ms) })
    ).rejects.toThrow('ValidationError')
    expect(calls).toBe(1)
    expect(sleeps).toEqual([])
  })

  it('gives up after the attempts allowed', async () => {
    let calls = 0
    await expect(
      withRetry(async () => {
        calls++
        throw named('Throttling', 400)
      }, { attempts: 4, sleep: async () => undefined })
    ).rejects.toThrow('Throttling')
    expect(calls).toBe(4)
  })

  it('caps the backoff', () => {
    expect(backoffDelay(20, { baseMs: 500, maxMs: 15_000, jitter: 'full' }, () => 0.9999)).toBeLessThanOrEqual(15_000)
    expect(backoffDelay(0, { baseMs: 500, maxMs: 15_000, jitter: 'full' }, () => 0)).toBe(1)
  })
})
