/** Time taken per slice when the platform has no idle callback (Node: the tests and benchmarks). */
const SLICE_MS = 8

/** The longest an idle callback waits for the window to go idle. */
const IDLE_TIMEOUT_MS = 500

/**
 * The most a sliced job works in one idle callback, however much idle time the browser offers
 * (up to 50 ms when nothing is scheduled): a key that comes meanwhile waits for the callback to
 * end, and a writer's next key is never scheduled ahead of time.
 */
export const IDLE_RUN_MS = 4

export interface Deadline {
  timeRemaining(): number
}

/** Asks for `work` to run when idle; returns how to call it off. */
export type IdleScheduler = (work: (deadline: Deadline) => void) => () => void

/**
 * Runs `work` when the page is idle (within half a second at the latest), with the time it may
 * take. Returns a function that calls it off if it has not run yet.
 */
export const whenIdle: IdleScheduler = (work) => {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS })
    return () => cancelIdleCallback(id)
  }
  const id = setTimeout(() => {
    const end = performance.now() + SLICE_MS
    work({ timeRemaining: () => end - performance.now() })
  }, 0)
  return () => clearTimeout(id)
}

/**
 * Runs `step` (one small slice of a job; it returns true once the job is done) in idle time, at
 * least one step per callback so a window that is never idle still moves on, and steps for no
 * more than IDLE_RUN_MS of a callback's idle time. A window busy for
 * long would leave the job undone for many seconds (one slice each half second), so once
 * `withinMs` has passed since the start the rest runs in the next callback, whatever it costs:
 * the job always ends within about `withinMs` plus one idle timeout. Returns how to call it off.
 */
export function sliceWhenIdle(
  step: () => boolean,
  withinMs: number,
  idle: IdleScheduler = whenIdle,
  /** The clock the limits are read on (a test's, to count steps without depending on the machine's speed). */
  now: () => number = () => performance.now(),
): () => void {
  const mustEndAt = now() + withinMs
  let cancel = () => {}
  let over = false
  const run = (deadline: Deadline) => {
    if (over) return
    const runEnd = now() + IDLE_RUN_MS
    let done: boolean
    do done = step()
    while (!done && ((deadline.timeRemaining() > 1 && now() < runEnd) || now() >= mustEndAt))
    if (!done) cancel = idle(run)
  }
  cancel = idle(run)
  return () => {
    over = true
    cancel()
  }
}
