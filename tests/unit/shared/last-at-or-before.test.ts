import { describe, expect, it } from 'vitest'
import { lastAtOrBefore, lastNumberAtOrBefore } from '../../../shared/last-at-or-before'

describe('lastAtOrBefore', () => {
  const starts = [0, 4, 9, 9, 20]
  it('finds the last value at or before, the first when none is', () => {
    expect([-1, 0, 3, 4, 8, 9, 19, 20, 99].map((v) => lastNumberAtOrBefore(starts, v))).toEqual([0, 0, 0, 1, 1, 3, 3, 4, 4])
    expect(lastNumberAtOrBefore([], 5)).toBe(0)
  })
  it('agrees with a plain scan on random ascending lists, through a key', () => {
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: round % 17 }, (_, i) => ({ line: i * 3 + (round % 3) }))
      const value = (round * 7) % 60
      let expected = 0
      items.forEach((item, i) => {
        if (item.line <= value) expected = i
      })
      expect(lastAtOrBefore(items, value, (item) => item.line)).toBe(expected)
    }
  })
})
