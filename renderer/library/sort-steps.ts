/** Comparisons between two steps: about a millisecond of collation. */
const STEP = 1_000
/** Sorted by insertion first, then merged. */
const RUN = 32

/**
 * A stable merge sort of a copy of `items` that yields every STEP comparisons or so, so a sort
 * too long for one frame (10,000 titles by collation: over 100 ms) can run in idle slices.
 * Drained at once, it gives what `items.slice().sort(compare)` gives for a total order.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Generator<void, T[], void> {
  let from = items.slice()
  let to = new Array<T>(from.length)
  let count = 0
  for (let lo = 0; lo < from.length; lo += RUN) {
    const hi = Math.min(lo + RUN, from.length)
    for (let i = lo + 1; i < hi; i++) {
      const item = from[i] as T
      let j = i - 1
      while (j >= lo && compare(from[j] as T, item) > 0) {
        from[j + 1] = from[j] as T
        j--
        count++
      }
      from[j + 1] = item
      count++
    }
    if (count >= STEP) {
      count = 0
      yield
    }
  }
  for (let width = RUN; width < from.length; width *= 2) {
    for (let lo = 0; lo < from.length; lo += 2 * width) {
      const mid = Math.min(lo + width, from.length)
      const hi = Math.min(lo + 2 * width, from.length)
      let i = lo
      let j = mid
      let k = lo
      while (i < mid && j < hi) {
        // Ties take the left run's item: stable.
        to[k++] = compare(from[j] as T, from[i] as T) < 0 ? (from[j++] as T) : (from[i++] as T)
        if (++count >= STEP) {
          count = 0
          yield
        }
      }
      while (i < mid) to[k++] = from[i++] as T
      while (j < hi) to[k++] = from[j++] as T
    }
    ;[from, to] = [to, from]
  }
  return from
}

/** The sorted copy at once. */
export function sortNow<T>(steps: Generator<void, T[], void>): T[] {
  for (;;) {
    const step = steps.next()
    if (step.done) return step.value
  }
}
