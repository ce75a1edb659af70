/**
 * The date picker's side of shared/frontmatter/dates.ts: dates are edited as wall-clock parts and
 * written back in the author's own format, so a picker never turns `2013/7/13 20:46:25` into an
 * ISO timestamp or shifts it by a time zone. The grammar itself lives in dates.ts only.
 */
import { readDate, rewriteDate, type WallTime } from '../../shared/frontmatter/dates'

export type WallClock = WallTime

export function readWallClock(text: string): WallClock | null {
  return readDate(text)?.wall ?? null
}

/** Writes `next` in the shape of `original`; null when the original's shape is not known. */
export function writeWallClock(original: string, next: WallClock): string | null {
  return rewriteDate(original, next)
}

const two = (n: number): string => String(n).padStart(2, '0')

/** The value of an <input type=datetime-local> (or date) for these parts. */
export function toInputValue(clock: WallClock): string {
  const date = `${String(clock.year).padStart(4, '0')}-${two(clock.month)}-${two(clock.day)}`
  return clock.hasTime ? `${date}T${two(clock.hour)}:${two(clock.minute)}:${two(clock.second)}` : date
}

export function fromInputValue(value: string, hasTime: boolean): WallClock | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/.exec(value)
  if (!match) return null
  const [, y, m, d, h, min, s, frac] = match
  return {
    year: Number(y),
    month: Number(m),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(min ?? 0),
    second: Number(s ?? 0),
    ms: frac === undefined ? 0 : Number(frac.padEnd(3, '0')),
    hasTime,
  }
}
