/**
 * Date-like header text → an instant, for display and sorting only. The text itself is never
 * rewritten. A timestamp without a zone is wall time in the site's zone (Hexo's `timezone`),
 * which is resolved with Intl so the renderer needs no date library.
 */

export interface DateReading {
  /** Milliseconds since the epoch. */
  instant: number
  /** False for a bare day such as `2022-03-01`. */
  hasTime: boolean
}

interface Wall {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  ms: number
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

// YAML timestamp / ISO 8601: 2022-03-01, 2022-03-01 04:51:00, 2022-03-01T04:51:00.5+08:00, 2013-7-3 1:02 Z
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?(?:[ \t]*(Z|z|[+-]\d{1,2}(?::?\d{2})?))?)?$/
// Hexo's slash form: 2013/7/13 20:46:25
const SLASH = /^(\d{4})\/(\d{1,2})\/(\d{1,2})(?:[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/
// RFC 1123 / RFC 2822: Tue, 01 Mar 2022 04:51:00 GMT
const RFC =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?[ \t]+)?(\d{1,2})[ \t]+([A-Za-z]{3})[a-z]*[ \t]+(\d{4})(?:[ \t]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:[ \t]+(GMT|UTC|UT|Z|[+-]\d{4}))?)?$/

/** Reads date-like text; null when the text is not one of the supported forms or not a real date. */
export function parseDateText(text: string, timeZone = 'UTC'): DateReading | null {
  const s = text.trim()
  let m = ISO.exec(s)
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6], m[7], m[8], timeZone)
  m = SLASH.exec(s)
  if (m) return build(m[1], m[2], m[3], m[4], m[5], m[6], undefined, undefined, timeZone)
  m = RFC.exec(s)
  if (m) {
    const month = MONTHS.indexOf((m[2] ?? '').toLowerCase()) + 1
    if (month === 0) return null
    return build(m[3], String(month), m[1], m[4], m[5], m[6], undefined, m[7], timeZone)
  }
  return null
}

export function isDateLike(text: string): boolean {
  return parseDateText(text) !== null
}

function build(
  y: string | undefined,
  mo: string | undefined,
  d: string | undefined,
  h: string | undefined,
  mi: string | undefined,
  s: string | undefined,
  frac: string | undefined,
  zone: string | undefined,
  timeZone: string,
): DateReading | null {
  const wall: Wall = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
    ms: frac === undefined ? 0 : Math.round(Number(`0.${frac}`) * 1000),
  }
  if (!validWall(wall)) return null
  const hasTime = h !== undefined
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.ms)
  if (zone === undefined) return { instant: zonedToInstant(asUtc, timeZone), hasTime }
  const offset = zoneOffsetMinutes(zone)
  if (offset === null) return null
  return { instant: asUtc - offset * 60_000, hasTime }
}

function validWall(w: Wall): boolean {
  if (w.month < 1 || w.month > 12 || w.day < 1) return false
  const daysInMonth = new Date(Date.UTC(w.year, w.month, 0)).getUTCDate()
  return w.day <= daysInMonth && w.hour <= 23 && w.minute <= 59 && w.second <= 60
}

function zoneOffsetMinutes(zone: string): number | null {
  const z = zone.toUpperCase()
  if (z === 'Z' || z === 'GMT' || z === 'UTC' || z === 'UT') return 0
  const m = /^([+-])(\d{1,2}):?(\d{2})?$/.exec(zone)
  if (!m) return null
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? '0')
  return m[1] === '-' ? -minutes : minutes
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
  const wallAsUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  )
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
