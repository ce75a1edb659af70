import { describe, expect, it } from 'vitest'
import { fromInputValue, readWallClock, toInputValue, writeWallClock } from '../../../renderer/properties/wall-clock'

describe('dates written back in the author’s own format', () => {
  const cases: [string, string, string][] = [
    ['2022-03-01 04:51:00', '2023-12-24T18:05:09', '2023-12-24 18:05:09'],
    ['2013/7/13 20:46:25', '2014-01-02T03:04:05', '2014/1/2 3:04:05'],
    ['2013/07/13 20:46', '2014-01-02T03:04:00', '2014/01/02 03:04'],
    ['2024-05-01', '2024-06-30', '2024-06-30'],
    ['2023-11-18T08:00:00+08:00', '2023-11-19T09:30:00', '2023-11-19T09:30:00+08:00'],
    ['Tue, 01 Mar 2022 04:51:00 GMT', '2022-03-05T10:00:00', 'Sat, 05 Mar 2022 10:00:00 GMT'],
  ]
  for (const [original, picked, expected] of cases) {
    it(`${original} → ${expected}`, () => {
      const clock = readWallClock(original)
      expect(clock).not.toBeNull()
      const next = fromInputValue(picked, clock!.hasTime)
      expect(writeWallClock(original, next!)).toBe(expected)
    })
  }

  it('reads the wall clock as written, never through a time zone', () => {
    expect(toInputValue(readWallClock('Tue, 01 Mar 2022 04:51:00 GMT')!)).toBe('2022-03-01T04:51:00')
    expect(toInputValue(readWallClock('2013/7/13 20:46:25')!)).toBe('2013-07-13T20:46:25')
    expect(toInputValue(readWallClock('2024-05-01')!)).toBe('2024-05-01')
  })

  it('leaves text it does not understand alone', () => {
    expect(readWallClock('next Tuesday')).toBeNull()
    expect(writeWallClock('next Tuesday', fromInputValue('2024-01-01', false)!)).toBeNull()
  })
})
