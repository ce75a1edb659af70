/**
 * Where a value falls among ascending numbers (line starts, block lines): the index of the last
 * one at or before it, or 0 when none is. A binary search, for lookups on the typing path and in
 * headers of hundreds of thousands of lines.
 */
export function lastAtOrBefore<T>(items: readonly T[], value: number, key: (item: T) => number): number {
  let low = 0
  let high = items.length - 1
  while (low < high) {
    const mid = (low + high + 1) >> 1
    if (key(items[mid] as T) <= value) low = mid
    else high = mid - 1
  }
  return low
}

/** The same for a list of plain numbers. */
export const lastNumberAtOrBefore = (numbers: readonly number[], value: number): number => lastAtOrBefore(numbers, value, (n) => n)
