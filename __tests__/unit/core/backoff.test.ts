import { describe, expect, it } from '@jest/globals'
import { backoffCeiling, backoffDelay } from '../../../src/core/backoff.js'
import { pollLoop, realSleep, retryLoop } from '../../../src/runner/wait.js'

describe('backoffCeiling', () => {
  it('doubles from the base up to the cap by default', () => {
    const b = { baseMs: 250, maxMs: 8000 }
    expect([0, 1, 2, 3, 4, 5, 6, 40].map(a => backoffCeiling(a, b))).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000, 8000])
  })
  it('grows by a factor, rounding up each step (the CloudFormation wait: 1 s · 1.6 up to 10 s)', () => {
    const b = { baseMs: 1000, maxMs: 10_000, factor: 1.6 }
    expect([0, 1, 2, 3, 4, 5, 6].map(a => backoffCeiling(a, b))).toEqual([1000, 1600, 2560, 4096, 6554, 10_000, 10_000])
  })
  it('stays at the base when base and cap are the same (the one-second event watch)', () => {
    expect([0, 1, 9].map(a => backoffCeiling(a, { baseMs: 1000, maxMs: 1000, factor: 1.6 }))).toEqual([1000, 1000, 1000])
  })
})

describe('backoffDelay', () => {
  const b = { baseMs: 100, maxMs: 2000 }
  it('half jitter (the default): between half the ceiling and the ceiling', () => {
    expect(backoffDelay(0, b, () => 0)).toBe(50)
    expect(backoffDelay(0, b, () => 0.999999)).toBe(100)
    expect(backoffDelay(10, b, () => 0)).toBe(1000)
  })
  it('full jitter: anywhere below the ceiling, never 0', () => {
    expect(backoffDelay(0, { ...b, jitter: 'full' }, () => 0)).toBe(1)
    expect(backoffDelay(3, { ...b, jitter: 'full' }, () => 0.5)).toBe(400)
    expect(backoffDelay(20, { ...b, jitter: 'full' }, () => 0.9999)).toBeLessThan(2000)
  })
  it('no jitter: the ceiling', () => {
    expect(backoffDelay(2, { ...b, jitter: 'none' }, () => 0.3)).toBe(400)
  })
})

describe('retryLoop', () => {
  it('retries what is retryable with the backoff, then succeeds', async () => {
    const waits: number[] = []
    let calls = 0
    const out = await retryLoop(
      async attempt => {
        calls++
        if (attempt < 2) throw new Error('again')
        return 'ok'
      },
      { attempts: 5, backoff: { baseMs: 100, maxMs: 2000 }, retryable: () => true, sleep: async ms => void waits.push(ms), random: () => 0 }
    )
    expect(out).toBe('ok')
    expect(calls).toBe(3)
    expect(waits).toEqual([50, 100])
  })
  it('does not retry what is not retryable, and stops when the tries run out', async () => {
    let calls = 0
    const sleep = async (): Promise<void> => undefined
    await expect(retryLoop(async () => { calls++; throw new Error('no') }, { attempts: 5, backoff: { baseMs: 1, maxMs: 1 }, retryable: () => false, sleep })).rejects.toThrow('no')
    expect(calls).toBe(1)
    calls = 0
    await expect(
      retryLoop(async () => { calls++; throw new Error('busy') }, { attempts: 3, backoff: { baseMs: 1, maxMs: 1 }, retryable: () => true, sleep, gaveUp: e => new Error(`gave up: ${(e as Error).message}`) })
    ).rejects.toThrow('gave up: busy')
    expect(calls).toBe(3)
  })
  it('stops at once when cancelled', async () => {
    const ac = new AbortController()
    let calls = 0
    const p = retryLoop(async () => { calls++; ac.abort(new Error('job cancelled')); throw new Error('busy') }, {
      attempts: 5, backoff: { baseMs: 1, maxMs: 1 }, retryable: () => true, signal: ac.signal
    })
    await expect(p).rejects.toThrow('busy')
    expect(calls).toBe(1)
  })
})

describe('pollLoop', () => {
  it('looks until a value comes, sleeping the backoff, and never sleeps past the deadline', async () => {
    let t = 0
    const waits: number[] = []
    const out = await pollLoop(
      async look => (look === 4 ? 'done' : undefined),
      { deadline: 6000, backoff: { baseMs: 1000, maxMs: 10_000, factor: 1.6, jitter: 'none' }, now: () => t, sleep: async ms => { waits.push(ms); t += ms } },
      () => new Error('timeout')
    )
    expect(out).toBe('done')
    expect(waits).toEqual([1000, 1600, 2560, 840])
  })
  it('throws what timedOut returns once the deadline has passed', async () => {
    let t = 0
    let looks = 0
    await expect(
      pollLoop(async () => { looks++; return undefined }, { deadline: 3000, backoff: { baseMs: 1000, maxMs: 1000, jitter: 'none' }, now: () => t, sleep: async ms => { t += ms } }, () => new Error(`timed out after ${looks} looks`))
    ).rejects.toThrow('timed out after 4 looks')
  })
  it('the real sleep ends early when cancelled', async () => {
    const ac = new AbortController()
    const started = Date.now()
    const p = realSleep(60_000, ac.signal)
    ac.abort(new Error('job cancelled'))
    await expect(p).rejects.toThrow('job cancelled')
    expect(Date.now() - started).toBeLessThan(1000)
  })
})
