/** Time taken per slice when the platform has no idle callback (Node: the tests and benchmarks). */
const SLICE_MS = 8

export interface Deadline {
  timeRemaining(): number
}

/** Runs `work` when the page is idle (within half a second at the latest), with the time it may take. */
export function whenIdle(work: (deadline: Deadline) => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(work, { timeout: 500 })
  else
    setTimeout(() => {
      const end = performance.now() + SLICE_MS
      work({ timeRemaining: () => end - performance.now() })
    }, 0)
}
