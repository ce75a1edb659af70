/**
 * A date typed as text, read on commit in any of the forms the folder uses and written in the
 * field's own form: the value's current shape, else the folder's most used one for this key.
 */
import { parseDateText } from '../../shared/frontmatter/dates'
import { readWallClock, type WallClock, writeWallClock } from './wall-clock'

/** How a field without a date of its own, in a folder without dates, writes one. */
const DEFAULT_SHAPE = '2000-01-01 00:00:00'

export function readTypedDate(text: string): WallClock | null {
  const direct = readWallClock(text)
  if (direct && parseDateText(text) !== null) return direct
  // Other forms the date module reads (`1 Mar 2022`, zoned ISO): its wall time as written.
  const reading = parseDateText(text, 'UTC')
  if (!reading) return null
  const zoneless = /(?:Z|[+-]\d{2}:?\d{2}|GMT|UTC|UT)$/i.test(text.trim()) ? null : new Date(reading.instant)
  if (!zoneless) return direct
  return {
    year: zoneless.getUTCFullYear(),
    month: zoneless.getUTCMonth() + 1,
    day: zoneless.getUTCDate(),
    hour: zoneless.getUTCHours(),
    minute: zoneless.getUTCMinutes(),
    second: zoneless.getUTCSeconds(),
    hasTime: reading.hasTime,
  }
}

/**
 * The typed date in the first shape that can carry it: `shapes` in order (the value's own
 * text, then the folder's formats for this key). Null when the text is not a date.
 */
export function writeTypedDate(typed: string, shapes: readonly string[]): string | null {
  const clock = readTypedDate(typed)
  if (!clock) return null
  for (const shape of [...shapes, DEFAULT_SHAPE]) {
    const own = readWallClock(shape)
    if (!own) continue
    // A day-only shape cannot carry a typed time: try the next one.
    if (clock.hasTime && !own.hasTime) continue
    const written = writeWallClock(shape, clock)
    // A typed day in a numeric shape with a time is written as a day; RFC 1123 always has a time.
    if (written && !clock.hasTime && own.hasTime && /^\s*\d/.test(shape)) return written.replace(/[ T]+\d{1,2}:\d{2}(?::\d{2})?/, '')
    if (written) return written
  }
  return null
}
