import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { debounceWithMaxWait } from '../../../shared/debounce'
import { JOURNAL_DELAY_MS, JOURNAL_MAX_WAIT_MS } from '../../../renderer/buffers/crash-journal-feed'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
})

afterEach(() => {
  vi.useRealTimers()
})

describe('debounce with a maximum wait', () => {
  it('runs once after a quiet spell', async () => {
    const run = vi.fn()
    const debounce = debounceWithMaxWait(run, { waitMs: 1000, maxWaitMs: 4000 })
    debounce.request()
    await vi.advanceTimersByTimeAsync(500)
    debounce.request()
    await vi.advanceTimersByTimeAsync(999)
    expect(run).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(run).toHaveBeenCalledTimes(1)
    expect(debounce.pending()).toBe(false)
    await vi.advanceTimersByTimeAsync(10_000)
    expect(run).toHaveBeenCalledTimes(1)
  })

  it('still runs by the deadline while requests never pause (a key every 200 ms for 15 s)', async () => {
    const runs: number[] = []
    const start = Date.now()
    const debounce = debounceWithMaxWait(() => runs.push(Date.now() - start), { waitMs: 1000, maxWaitMs: 4000 })
    for (let t = 0; t < 15_000; t += 200) {
      debounce.request()
      await vi.advanceTimersByTimeAsync(200)
    }
    expect(runs).toEqual([4000, 8000, 12_000])
    // Typing stops (last key at 14.8 s): the rest goes after the quiet spell, before the deadline.
    await vi.advanceTimersByTimeAsync(1000)
    expect(runs).toEqual([4000, 8000, 12_000, 15_800])
  })

  it('the crash journal never holds typing back longer than its deadline', async () => {
    const held: number[] = []
    let firstUnsent: number | null = null
    const debounce = debounceWithMaxWait(
      () => {
        if (firstUnsent !== null) held.push(Date.now() - firstUnsent)
        firstUnsent = null
      },
      { waitMs: JOURNAL_DELAY_MS, maxWaitMs: JOURNAL_MAX_WAIT_MS },
    )
    // Uneven typing: bursts, short pauses shorter than the debounce, one long pause.
    const gaps = [120, 300, 80, 900, 200, 200, 950, 50, 2500, 100, 700, 600, 400, 990, 10]
    for (let i = 0; i < 200; i++) {
      firstUnsent ??= Date.now()
      debounce.request()
      await vi.advanceTimersByTimeAsync(gaps[i % gaps.length] ?? 0)
    }
    await vi.advanceTimersByTimeAsync(JOURNAL_MAX_WAIT_MS)
    expect(held.length).toBeGreaterThan(10)
    expect(Math.max(...held)).toBeLessThanOrEqual(JOURNAL_MAX_WAIT_MS)
    // With the main process's own debounce (800 ms) before the disk, still under 5 s.
    expect(JOURNAL_MAX_WAIT_MS + 800).toBeLessThan(5000)
  })

  it('flush runs a held request at once; cancel forgets it', async () => {
    const run = vi.fn()
    const debounce = debounceWithMaxWait(run, { waitMs: 1000, maxWaitMs: 4000 })
    debounce.flush()
    expect(run).not.toHaveBeenCalled()
    debounce.request()
    debounce.flush()
    expect(run).toHaveBeenCalledTimes(1)
    debounce.request()
    debounce.cancel()
    await vi.advanceTimersByTimeAsync(5000)
    expect(run).toHaveBeenCalledTimes(1)
  })
})
