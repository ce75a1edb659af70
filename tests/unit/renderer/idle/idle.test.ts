import { describe, expect, it } from 'vitest'
import { IDLE_RUN_MS, sliceWhenIdle, type IdleScheduler } from '../../../../renderer/idle/idle'

/** A window that is never idle: every callback comes (on its timeout) with no idle time left. */
const neverIdle: IdleScheduler = (work) => {
  const id = setTimeout(() => work({ timeRemaining: () => 0 }), 0)
  return () => clearTimeout(id)
}

/** Runs a job of `steps` one-step slices under `idle`; resolves with the callbacks it took. */
function job(steps: number, withinMs: number, idle: IdleScheduler): Promise<{ callbacks: number }> {
  return new Promise((resolve) => {
    let left = steps
    let callbacks = 0
    const counted: IdleScheduler = (work) => idle((deadline) => (callbacks++, work(deadline)))
    sliceWhenIdle(
      () => {
        left--
        if (left > 0) return false
        resolve({ callbacks })
        return true
      },
      withinMs,
      counted,
    )
  })
}

describe('sliceWhenIdle', () => {
  it('finishes a long job in a window that is never idle, soon after its time is up', async () => {
    // A slice a callback would take a million callbacks (minutes); past 50 ms the rest runs at once.
    const started = performance.now()
    const { callbacks } = await job(1_000_000, 50, neverIdle)
    expect(callbacks).toBeLessThan(5_000)
    expect(performance.now() - started).toBeLessThan(10_000)
  })

  it('takes one step a callback while there is no idle time and its time is not up', async () => {
    const { callbacks } = await job(5, 60_000, neverIdle)
    expect(callbacks).toBe(5)
  })

  it('works no longer than IDLE_RUN_MS in a callback, however much idle time it is offered', async () => {
    // The browser offers up to 50 ms of idle time; a key typed meanwhile would wait all of it. On a
    // clock of the test's own, each step takes exactly IDLE_RUN_MS / 2, whatever the machine's load.
    let clock = 0
    const generous: IdleScheduler = (work) => {
      const id = setTimeout(() => {
        const end = clock + 50
        work({ timeRemaining: () => end - clock })
      }, 0)
      return () => clearTimeout(id)
    }
    const perCallback: number[] = []
    await new Promise<void>((resolve) => {
      let left = 40
      const counted: IdleScheduler = (work) => generous((deadline) => (perCallback.push(0), work(deadline)))
      sliceWhenIdle(
        () => {
          clock += IDLE_RUN_MS / 2
          perCallback[perCallback.length - 1]!++
          if (--left > 0) return false
          resolve()
          return true
        },
        60_000,
        counted,
        () => clock,
      )
    })
    expect(perCallback).toEqual(Array(20).fill(2))
  })

  it('stops when called off', async () => {
    let steps = 0
    const stop = sliceWhenIdle(() => (steps++, false), 60_000, neverIdle)
    await new Promise((resolve) => setTimeout(resolve, 20))
    stop()
    const seen = steps
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(seen).toBeGreaterThan(0)
    expect(steps).toBe(seen)
  })
})
