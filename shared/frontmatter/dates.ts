/**
 * The one date grammar of Folio. Header dates are text the author wrote; this module reads that
 * text into wall-clock parts and its own format (a pattern), turns it into an instant for sorting,
 * feeds and "scheduled", and writes new wall-clock parts back in a given pattern, so a picked or
 * typed date lands in the field's own format. The text itself is never rewritten unasked.
 *
 * A timestamp without a zone is wall time in the site's zone (Hexo's `timezone`), resolved with
 * Intl so the renderer needs no date library.
 *
 * Patterns use these tokens; anything in [brackets] and any other character is literal:
 *   YYYY year · MM/M month (padded or not) · MMM/MMMM month name (Mar/March) · DD/D day
 *   ddd/dddd weekday (Tue/Tuesday) · HH/H hour · mm minute · ss second · S… fraction digits
 */

/** The keys that hold an article's date, in the order generators look for them. */
export const DATE_KEYS = ['date', 'pubDate', 'publishDate', 'created']

export interface DateReading {
  /** Milliseconds since the epoch. */
  instant: number
  /** False for a bare day such as `2022-03-01`. */
  hasTime: boolean
}

/** A date as written on a wall clock: no zone applied. */
export interface WallTime {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  /** Milliseconds of a fractional second (0 when none was written). */
  ms: number
  /** False for a bare day: hour, minute, second and ms are 0 and not written. */
  hasTime: boolean
}

/** Date text read by the grammar. */
export interface DateText {
  wall: WallTime
  /** The zone as written (`Z`, `GMT`, `+08:00`, `+0800`), or null for the site's zone. */
  zone: string | null
  /** The text's own format, for writing another date the same way. */
  pattern: string
  /** The weekday as written (0 is Sunday), or null when none is; it may not be the day's. */
  weekday: number | null
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']
/** English weekday names, 0 is Sunday (the command line's messages name them). */
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

// YAML timestamp / ISO 8601 and its slash and dot cousins:
// 2022-03-01, 2022-03-01 04:51:00, 2022-03-01T04:51:00.5+08:00, 2013-7-3 1:02 Z, 2013/7/13 20:46:25
const NUMERIC = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:([Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?([ \t]*(?:Z|z|[+-]\d{1,2}(?::?\d{2})?))?)?$/
// RFC 1123 / RFC 2822 and the plain day-month-year people type: Tue, 01 Mar 2022 04:51:00 GMT · 1 Mar 2022
const NAMED =
  /^(?:([A-Za-z]{3,9})(,?[ \t]+))?(\d{1,2})([ \t]+)([A-Za-z]{3,9})([ \t]+)(\d{4})(?:([ \t]+)(\d{1,2}):(\d{2})(?::(\d{2}))?([ \t]+(?:GMT|UTC|UT|Z|[+-]\d{4}))?)?$/

/** A month or weekday name, full or its three-letter form, in any case; null when it is neither. */
function nameIndex(names: string[], text: string): { index: number; long: boolean } | null {
  const t = text.toLowerCase()
  for (let i = 0; i < names.length; i++) {
    const name = (names[i] ?? '').toLowerCase()
    if (t === name) return { index: i, long: name.length > 3 }
    if (t === name.slice(0, 3) || (t === 'sept' && i === 8)) return { index: i, long: false }
  }
  return null
}

const literal = (s: string): string => (s === '' ? '' : /^[-/.:, ]+$/.test(s) ? s : `[${s}]`)
const digits = (s: string | undefined): string => s ?? ''

/** Reads date-like text into its wall-clock parts, zone and pattern; null when it is not a real date. */
export function readDate(text: string): DateText | null {
  const s = text.trim()
  let m = NUMERIC.exec(s)
  if (m) {
    const [, y, sep = '-', mo, d, gap, h, mi, sec, frac, zone] = m
    // One unpadded field anywhere (`2013/7/13 8:05`) means the author does not pad.
    const padded = ![mo, d, h].some((f) => f !== undefined && f.length === 1)
    const M = padded ? 'MM' : 'M'
    let pattern = `YYYY${sep}${M}${sep}${padded ? 'DD' : 'D'}`
    if (h !== undefined) {
      pattern += `${literal(digits(gap))}${padded ? 'HH' : 'H'}:mm`
      if (sec !== undefined) pattern += ':ss'
      if (frac !== undefined) pattern += `.${'S'.repeat(frac.length)}`
      if (zone !== undefined) pattern += literal(zone)
    }
    const wall = wallOf(y, mo, d, h, mi, sec, frac)
    return wall ? { wall, zone: zone?.trim() ?? null, pattern, weekday: null } : null
  }
  m = NAMED.exec(s)
  if (m) {
    const [, wd, wdGap, d = '', gap1 = ' ', mon = '', gap2 = ' ', y, gap3, h, mi, sec, zone] = m
    const month = nameIndex(MONTHS, mon)
    if (month === null) return null
    let pattern = ''
    let weekday: number | null = null
    if (wd !== undefined) {
      const named = nameIndex(WEEKDAYS, wd)
      if (named === null) return null
      weekday = named.index
      pattern += `${named.long ? 'dddd' : 'ddd'}${literal(digits(wdGap))}`
    }
    pattern += `${d.length === 1 ? 'D' : 'DD'}${literal(gap1)}${month.long ? 'MMMM' : 'MMM'}${literal(gap2)}YYYY`
    if (h !== undefined) {
      pattern += `${literal(digits(gap3))}${h.length === 1 ? 'H' : 'HH'}:mm`
      if (sec !== undefined) pattern += ':ss'
      if (zone !== undefined) pattern += literal(zone)
    }
    const wall = wallOf(y, String(month.index + 1), d, h, mi, sec, undefined)
    return wall ? { wall, zone: zone?.trim() ?? null, pattern, weekday } : null
  }
  return null
}

function wallOf(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  frac: string | undefined,
): WallTime | null {
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
    ms: frac === undefined ? 0 : Math.min(999, Math.round(Number(`0.${frac}`) * 1000)),
    hasTime: h !== undefined,
  }
  return validWall(wall) ? wall : null
}

/** Whether these parts name a real day and time. */
export function validWall(w: WallTime): boolean {
  if (![w.year, w.month, w.day, w.hour, w.minute, w.second, w.ms].every(Number.isInteger)) return false
  if (w.year < 0 || w.year > 9999 || w.month < 1 || w.month > 12 || w.day < 1) return false
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate()
  return w.day <= daysInMonth && w.hour >= 0 && w.hour <= 23 && w.minute >= 0 && w.minute <= 59 && w.second >= 0 && w.second <= 60 && w.ms >= 0 && w.ms <= 999
}

const TOKEN = /\[([^\]]*)\]|YYYY|MMMM|MMM|MM|M|DD|D|dddd|ddd|HH|H|mm|ss|S+|./g
const TIME_TOKEN = /^(?:HH?|mm|ss|S+)$/

/**
 * Writes `wall` in `pattern`. A time picked for a date-only pattern is added as ` HH:mm:ss`
 * (the author asked for a time); a pattern with a time writes one even for a bare day.
 */
export function formatDate(wall: WallTime, pattern: string): string {
  const two = (n: number): string => String(n).padStart(2, '0')
  let hasTimeToken = false
  let out = ''
  for (const m of pattern.matchAll(TOKEN)) {
    const t = m[0]
    if (TIME_TOKEN.test(t)) hasTimeToken = true
    if (m[1] !== undefined) out += m[1]
    else if (t === 'YYYY') out += String(wall.year).padStart(4, '0')
    else if (t === 'MMMM') out += MONTHS[wall.month - 1] ?? ''
    else if (t === 'MMM') out += (MONTHS[wall.month - 1] ?? '').slice(0, 3)
    else if (t === 'MM') out += two(wall.month)
    else if (t === 'M') out += String(wall.month)
    else if (t === 'DD') out += two(wall.day)
    else if (t === 'D') out += String(wall.day)
    else if (t === 'dddd' || t === 'ddd') {
      const name = WEEKDAYS[weekdayOf(wall)] ?? ''
      out += t === 'ddd' ? name.slice(0, 3) : name
    } else if (t === 'HH') out += two(wall.hour)
    else if (t === 'H') out += String(wall.hour)
    else if (t === 'mm') out += two(wall.minute)
    else if (t === 'ss') out += two(wall.second)
    else if (t.startsWith('S')) out += String(wall.ms).padStart(3, '0').padEnd(t.length, '0').slice(0, t.length)
    else out += t
  }
  if (wall.hasTime && !hasTimeToken) out += ` ${two(wall.hour)}:${two(wall.minute)}:${two(wall.second)}`
  return out
}

/** The weekday of a wall time's day, 0 for Sunday. */
export function weekdayOf(wall: WallTime): number {
  // Not Date.UTC: it maps years 0–99 to 1900–1999.
  const day = new Date(0)
  day.setUTCFullYear(wall.year, wall.month - 1, wall.day)
  return day.getUTCDay()
}

/**
 * A weekday written beside a day that falls on another (`Mon, 05 Mar 2024`, a Tuesday): which of
 * the two the author meant cannot be told, so the text is reported and never corrected. Null when
 * the text names no weekday, names the right one, or is not date text.
 */
export function weekdayMismatch(text: string): { written: number; actual: number } | null {
  // Only the named form writes a weekday, and it writes it first: the index asks this of every
  // short value of every header, and most (titles, numeric dates) are told apart by their first character.
  if (!/^\s*[A-Za-z]{3}/.test(text)) return null
  const read = readDate(text)
  if (!read || read.weekday === null) return null
  const actual = weekdayOf(read.wall)
  return read.weekday === actual ? null : { written: read.weekday, actual }
}

/**
 * Writes `next` in the format of `original` (its zone text and surrounding spaces kept); null
 * when the original is not date text this grammar reads.
 */
export function rewriteDate(original: string, next: WallTime): string | null {
  const read = readDate(original)
  if (!read) return null
  const lead = original.slice(0, original.length - original.trimStart().length)
  const trail = original.slice(original.trimEnd().length)
  return lead + formatDate(next, read.pattern) + trail
}

/**
 * Reads a date a person typed into a field, in any format of the grammar (the folder's own
 * formats are all among them), and writes it in `pattern`, the field's own format. A zone typed
 * with it keeps the instant: the time is moved to the zone the pattern writes (`+0800` typed
 * into a GMT field), and kept as typed when the pattern writes none (its zone is the site's,
 * which this module is not told). Null when the text is not a date, or names a weekday the day
 * does not fall on (see weekdayMismatch); the caller keeps it as typed then.
 */
export function retypeDate(typed: string, pattern: string): string | null {
  const read = readDate(typed)
  // A weekday that is not the day's: rewriting would pick one of the two for the author.
  if (!read || weekdayMismatch(typed) !== null) return null
  const out = formatDate(read.wall, pattern)
  if (read.zone === null) return out
  const written = readDate(out)?.zone ?? null
  if (written === null) return typed.trim()
  const offset = zoneOffsetMinutes(written)
  if (offset === zoneOffsetMinutes(read.zone)) return out
  const moved = new Date(instantOf(read.wall, read.zone) + offset * 60_000)
  const wall: WallTime = {
    year: moved.getUTCFullYear(),
    month: moved.getUTCMonth() + 1,
    day: moved.getUTCDate(),
    hour: moved.getUTCHours(),
    minute: moved.getUTCMinutes(),
    second: moved.getUTCSeconds(),
    ms: moved.getUTCMilliseconds(),
    hasTime: true,
  }
  return formatDate(wall, pattern)
}

/** The pattern of date text, or null; the folder schema counts these per key. */
export function dateFormatOf(text: string): string | null {
  return readDate(text)?.pattern ?? null
}

/** Reads date-like text as an instant; null when the text is not one of the supported forms or not a real date. */
export function parseDateText(text: string, timeZone = 'UTC'): DateReading | null {
  const read = readDate(text)
  if (!read) return null
  return { instant: instantOf(read.wall, read.zone, timeZone), hasTime: read.wall.hasTime }
}

export function isDateLike(text: string): boolean {
  return readDate(text) !== null
}

/** The instant of a wall time with a written zone, or in `timeZone` when there is none. */
export function instantOf(wall: WallTime, zone: string | null, timeZone = 'UTC'): number {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms)
  // Date.UTC maps years 0–99 to 1900–1999.
  const fixed = wall.year < 100 ? new Date(asUtc).setUTCFullYear(wall.year) : asUtc
  if (zone === null) return zonedToInstant(fixed, timeZone)
  return fixed - zoneOffsetMinutes(zone) * 60_000
}

function zoneOffsetMinutes(zone: string): number {
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)
  if (!m) return 0 // Z, GMT, UTC, UT: the only other zones the grammar reads
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0')
  return m[1] === '-' ? -minutes : minutes
}

/** The wall time of `instant` in `timeZone`, with that zone's offset then (minutes east of UTC). */
export function wallTimeAt(instant: number, timeZone = 'UTC'): { wall: WallTime; offsetMinutes: number } {
  const f = timeZone === 'UTC' ? null : formatterFor(timeZone)
  const offset = f === null ? 0 : offsetAt(instant, f)
  const d = new Date(instant + offset)
  return {
    wall: {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      ms: d.getUTCMilliseconds(),
      hasTime: true,
    },
    offsetMinutes: Math.round(offset / 60_000),
  }
}

/** `+08:00` (or `+0800` without the colon) for an offset in minutes. */
export function offsetText(minutes: number, colon = true): string {
  const abs = Math.abs(minutes)
  const hh = String(Math.floor(abs / 60)).padStart(2, '0')
  const mm = String(abs % 60).padStart(2, '0')
  return `${minutes < 0 ? '-' : '+'}${hh}${colon ? ':' : ''}${mm}`
}

const formatters = new Map<string, Intl.DateTimeFormat | null>()

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let f = formatters.get(timeZone)
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      })
    } catch {
      // An unknown zone name in a site config must not break reading the header: show UTC.
      f = null
    }
    formatters.set(timeZone, f)
  }
  return f
}

/** Offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(instant: number, f: Intl.DateTimeFormat): number {
  const parts: Record<string, number> = {}
  for (const p of f.formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  const wallAsUtc = Date.UTC(parts.year ?? 1970, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
  return wallAsUtc - (instant - (((instant % 1000) + 1000) % 1000))
}

/** The instant whose wall time in `timeZone` is `wallAsUtc` (a wall time encoded as if UTC). */
function zonedToInstant(wallAsUtc: number, timeZone: string): number {
  const f = timeZone === 'UTC' ? null : formatterFor(timeZone)
  if (f === null) return wallAsUtc
  // Two rounds settle the offset across a DST change.
  let instant = wallAsUtc - offsetAt(wallAsUtc, f)
  instant = wallAsUtc - offsetAt(instant, f)
  return instant
}
