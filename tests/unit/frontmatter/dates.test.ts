/**
 * The one date grammar: every format real posts use reads to the same wall clock the author wrote,
 * writes back byte for byte in its own pattern, and a typed date lands in a field's own format.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dateFormatOf,
  formatDate,
  parseDateText,
  readDate,
  retypeDate,
  rewriteDate,
  wallTimeAt,
  weekdayMismatch,
  weekdayOf,
  type WallTime,
} from '../../../shared/frontmatter/dates'
import { readWallClock, toInputValue } from '../../../renderer/properties/wall-clock'

const wall = (year: number, month: number, day: number, hour = 0, minute = 0, second = 0, ms = 0): WallTime => ({
  year,
  month,
  day,
  hour,
  minute,
  second,
  ms,
  hasTime: true,
})

describe('reading date text', () => {
  it('reads each format as the wall clock written, with its own pattern', () => {
    const cases: [string, string, WallTime | Omit<WallTime, 'hasTime'>, string | null][] = [
      ['Tue, 01 Mar 2022 04:51:00 GMT', 'ddd, DD MMM YYYY HH:mm:ss[ GMT]', wall(2022, 3, 1, 4, 51), 'GMT'],
      ['2013/7/13 20:46:25', 'YYYY/M/D H:mm:ss', wall(2013, 7, 13, 20, 46, 25), null],
      ['1 Mar 2022', 'D MMM YYYY', { ...wall(2022, 3, 1), hasTime: false }, null],
      ['Tuesday, 1 March 2022 9:05', 'dddd, D MMMM YYYY H:mm', wall(2022, 3, 1, 9, 5), null],
      ['2022-03-01', 'YYYY-MM-DD', { ...wall(2022, 3, 1), hasTime: false }, null],
      ['2023-11-18T08:00:00.250+08:00', 'YYYY-MM-DD[T]HH:mm:ss.SSS[+08:00]', wall(2023, 11, 18, 8, 0, 0, 250), '+08:00'],
      ['2024-02-14 20:15:00 +0100', 'YYYY-MM-DD HH:mm:ss[ +0100]', wall(2024, 2, 14, 20, 15), '+0100'],
      ['2024.05.06', 'YYYY.MM.DD', { ...wall(2024, 5, 6), hasTime: false }, null],
    ]
    for (const [text, pattern, expected, zone] of cases) {
      expect(readDate(text), text).toEqual({ wall: expected, zone, pattern, weekday: pattern.startsWith('ddd') ? 2 : null })
      expect(dateFormatOf(text)).toBe(pattern)
    }
  })

  it('rejects what is not a date', () => {
    for (const s of ['2022-02-30', '2022-13-01', 'hello', '12:00', '2022-03-01 25:00', 'Tue, 01 Foo 2022', 'Foo, 01 Mar 2022', '2022-03-01 12:00 PST']) {
      expect(readDate(s), s).toBeNull()
    }
  })

  it('gives RFC 1123 and Hexo slash dates their real instants (they sorted as the oldest posts)', () => {
    expect(parseDateText('Tue, 01 Mar 2022 04:51:00 GMT', 'Asia/Shanghai')?.instant).toBe(Date.UTC(2022, 2, 1, 4, 51))
    expect(parseDateText('2013/7/13 20:46:25', 'Asia/Shanghai')?.instant).toBe(Date.UTC(2013, 6, 13, 12, 46, 25))
    expect(parseDateText('1 Mar 2022', 'UTC')).toEqual({ instant: Date.UTC(2022, 2, 1), hasTime: false })
  })

  it('lets the picker show every date the parser reads (1 Mar 2022 was invisible to it)', () => {
    expect(toInputValue(readWallClock('1 Mar 2022')!)).toBe('2022-03-01')
    expect(toInputValue(readWallClock('Tuesday, 1 March 2022 9:05')!)).toBe('2022-03-01T09:05:00')
    expect(toInputValue(readWallClock('2023-11-18T08:00:00.250+08:00')!)).toBe('2023-11-18T08:00:00')
  })
})

describe('writing dates in a field’s own format', () => {
  it('rewrites keeping the original shape, zone text and surrounding spaces', () => {
    expect(rewriteDate('Tue, 01 Mar 2022 04:51:00 GMT', wall(2022, 3, 5, 10))).toBe('Sat, 05 Mar 2022 10:00:00 GMT')
    expect(rewriteDate(' 2013/7/13 20:46:25 ', wall(2014, 1, 2, 3, 4, 5))).toBe(' 2014/1/2 3:04:05 ')
    expect(rewriteDate('1 Mar 2022', { ...wall(2022, 12, 25), hasTime: false })).toBe('25 Mar 2022'.replace('Mar', 'Dec'))
    expect(rewriteDate('2024-05-01', wall(2024, 6, 30, 7, 8, 9))).toBe('2024-06-30 07:08:09')
    expect(rewriteDate('next Tuesday', wall(2024, 1, 1))).toBeNull()
  })

  it('writes a typed date in the field’s format, whatever format it was typed in', () => {
    expect(retypeDate('2024-05-06 07:08:09', 'ddd, DD MMM YYYY HH:mm:ss[ GMT]')).toBe('Mon, 06 May 2024 07:08:09 GMT')
    expect(retypeDate('6 May 2024 7:08:09', 'YYYY/M/D H:mm:ss')).toBe('2024/5/6 7:08:09')
    expect(retypeDate('2024/5/6', 'YYYY-MM-DD')).toBe('2024-05-06')
    expect(retypeDate('2024-05-06T07:08', 'YYYY-MM-DD[T]HH:mm:ss[+08:00]')).toBe('2024-05-06T07:08:00+08:00')
    expect(retypeDate('2024-05-0', 'YYYY-MM-DD')).toBeNull()
  })

  it('reports a weekday the day does not fall on and never corrects it', () => {
    // 5 March 2024 was a Tuesday.
    expect(weekdayMismatch('Mon, 05 Mar 2024 10:00:00 GMT')).toEqual({ written: 1, actual: 2 })
    expect(weekdayMismatch('Saturday, 5 March 2024')).toEqual({ written: 6, actual: 2 })
    expect(weekdayMismatch('Tue, 05 Mar 2024 10:00:00 GMT')).toBeNull()
    expect(weekdayMismatch('2024-03-05 10:00:00')).toBeNull()
    expect(weekdayMismatch('Mon, 31 Feb 2024')).toBeNull()
    // Still a date for sorting and feeds: the day and time are as written.
    expect(readDate('Mon, 05 Mar 2024 10:00:00 GMT')).toMatchObject({ wall: wall(2024, 3, 5, 10), weekday: 1, zone: 'GMT' })
    // Typed into a field: neither the weekday nor the day is chosen for the author.
    const gmt = 'ddd, DD MMM YYYY HH:mm:ss[ GMT]'
    expect(retypeDate('Mon, 05 Mar 2024 10:00:00 GMT', gmt)).toBeNull()
    expect(retypeDate('Mon, 05 Mar 2024 10:00:00 GMT', 'YYYY-MM-DD HH:mm:ss')).toBeNull()
    expect(retypeDate('Tue, 05 Mar 2024 10:00:00 GMT', 'YYYY-MM-DD HH:mm:ss[Z]')).toBe('2024-03-05 10:00:00Z')
    // Years below 100 are not the 1900s.
    expect(weekdayOf(wall(24, 3, 5))).toBe(new Date('0024-03-05T00:00:00Z').getUTCDay())
  })

  it('keeps the instant of a date typed with its zone: moved to the field’s zone, or kept as typed when the field writes none', () => {
    const gmt = 'ddd, DD MMM YYYY HH:mm:ss[ GMT]'
    expect(retypeDate('2022-03-02 05:06:07 +0800', gmt)).toBe('Tue, 01 Mar 2022 21:06:07 GMT')
    expect(retypeDate('2022-03-02T05:06:07Z', gmt)).toBe('Wed, 02 Mar 2022 05:06:07 GMT')
    expect(retypeDate('Wed, 02 Mar 2022 05:06:07 -0130', 'YYYY-MM-DD[T]HH:mm:ss[+08:00]')).toBe('2022-03-02T14:36:07+08:00')
    expect(retypeDate('2024-12-31 23:30:00 -01:00', 'YYYY-MM-DD HH:mm:ss[Z]')).toBe('2025-01-01 00:30:00Z')
    // The field's zone is the site's: the typed zone stays with the typed time.
    expect(retypeDate(' 2022-03-02 05:06:07 +0800 ', 'YYYY-MM-DD HH:mm:ss')).toBe('2022-03-02 05:06:07 +0800')
    // Without a zone, the time is read on the field's own clock.
    expect(retypeDate('2022-03-02 05:06:07', gmt)).toBe('Wed, 02 Mar 2022 05:06:07 GMT')
  })

  it('gives the wall time of an instant in a zone, with its offset', () => {
    expect(wallTimeAt(Date.UTC(2022, 6, 1, 16), 'America/New_York')).toEqual({ wall: wall(2022, 7, 1, 12), offsetMinutes: -240 })
    expect(wallTimeAt(Date.UTC(2022, 0, 1, 0, 0, 0, 5), 'UTC')).toEqual({ wall: wall(2022, 1, 1, 0, 0, 0, 5), offsetMinutes: 0 })
  })
})

describe('round trips (property)', () => {
  const patterns = [
    'YYYY-MM-DD',
    'YYYY-MM-DD HH:mm:ss',
    'YYYY-MM-DD HH:mm',
    'YYYY-MM-DD[T]HH:mm:ss[Z]',
    'YYYY-MM-DD[T]HH:mm:ss.SSS[+08:00]',
    'YYYY-MM-DD HH:mm:ss[ +0800]',
    'YYYY/M/D H:mm:ss',
    'YYYY/MM/DD HH:mm',
    'YYYY.MM.DD',
    'ddd, DD MMM YYYY HH:mm:ss[ GMT]',
    'D MMM YYYY',
    'DD MMMM YYYY',
    'dddd, D MMMM YYYY H:mm',
  ]
  const walls = fc
    .record({
      year: fc.integer({ min: 1000, max: 9999 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
      hour: fc.integer({ min: 0, max: 23 }),
      minute: fc.integer({ min: 0, max: 59 }),
      second: fc.integer({ min: 0, max: 59 }),
      ms: fc.integer({ min: 0, max: 999 }),
    })
    .map((w) => ({ ...w, hasTime: true }))
  const timeTokens = (p: string): { time: boolean; seconds: boolean; ms: boolean } => {
    const bare = p.replace(/\[[^\]]*\]/g, '')
    return { time: /H/.test(bare), seconds: /ss/.test(bare), ms: /S/.test(bare) }
  }

  for (const pattern of patterns) {
    it(`${pattern}: format → read gives back the same wall clock and text`, () => {
      fc.assert(
        fc.property(walls, (w) => {
          const t = timeTokens(pattern)
          const expected: WallTime = {
            ...w,
            hour: t.time ? w.hour : 0,
            minute: t.time ? w.minute : 0,
            second: t.seconds ? w.second : 0,
            ms: t.ms ? w.ms : 0,
            hasTime: t.time,
          }
          const text = formatDate(expected, pattern)
          const read = readDate(text)
          expect(read?.wall).toEqual(expected)
          expect(formatDate(read!.wall, read!.pattern)).toBe(text)
          expect(retypeDate(text, pattern)).toBe(text)
        }),
      )
    })
  }
})
