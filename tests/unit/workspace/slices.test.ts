import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { inSlices } from '../../../electron/workspace/slices'

/** Busy work of about `ms` milliseconds, as reading a file synchronously is. */
function work(ms: number): void {
  const end = performance.now() + ms
  while (performance.now() < end);
}

describe('inSlices', () => {
  it('calls fn on every item in order', async () => {
    const seen: number[] = []
    await inSlices([1, 2, 3, 4], (n) => seen.push(n))
    expect(seen).toEqual([1, 2, 3, 4])
  })

  it('lets timers and other work run between slices of long work', async () => {
    let ticks = 0
    const ticker = setInterval(() => ticks++, 0)
    await inSlices(
      Array.from({ length: 40 }, (_, i) => i),
      () => work(2),
    )
    clearInterval(ticker)
    // 80 ms of work in slices of about 8 ms: other work ran between them.
    expect(ticks).toBeGreaterThan(2)
  })

  it('stops between slices when asked, leaving the rest untouched', async () => {
    const seen: number[] = []
    let stop = false
    void sleep(1).then(() => (stop = true))
    await inSlices(
      Array.from({ length: 100 }, (_, i) => i),
      (n) => {
        seen.push(n)
        work(2)
      },
      () => stop,
    )
    expect(seen.length).toBeGreaterThan(0)
    expect(seen.length).toBeLessThan(100)
    expect(seen).toEqual(seen.map((_, i) => i))
  })
})
