/**
 * A debounce that also has a deadline: the call runs once things have been quiet for `waitMs`,
 * and never later than `maxWaitMs` after the first request it is still holding. A plain debounce
 * restarts on every request, so a steady stream of them (typing one key every 200 ms) would hold
 * the call back for as long as the stream lasts. The crash journal relies on the deadline.
 */
export interface DebounceOptions {
  waitMs: number
  maxWaitMs: number
  /** The clock the deadline is measured on (default Date.now). */
  now?: () => number
}

export interface Debouncer {
  /** Asks for a run: after `waitMs` of quiet, or at the deadline, whichever comes first. */
  request(): void
  /** Runs now if a request is held (and forgets it). */
  flush(): void
  /** Forgets a held request without running it. */
  cancel(): void
  /** True while a request is held. */
  pending(): boolean
}

export function debounceWithMaxWait(run: () => void, options: DebounceOptions): Debouncer {
  const now = options.now ?? Date.now
  let timer: ReturnType<typeof setTimeout> | undefined
  let firstHeldAt: number | null = null

  const cancel = (): void => {
    if (timer !== undefined) clearTimeout(timer)
    timer = undefined
    firstHeldAt = null
  }

  const flush = (): void => {
    if (firstHeldAt === null) return
    cancel()
    run()
  }

  return {
    request() {
      const at = now()
      firstHeldAt ??= at
      if (timer !== undefined) clearTimeout(timer)
      const delay = Math.max(0, Math.min(options.waitMs, firstHeldAt + options.maxWaitMs - at))
      timer = setTimeout(flush, delay)
    },
    flush,
    cancel,
    pending: () => firstHeldAt !== null,
  }
}
