/**
 * Dates are edited as wall-clock parts and written back in the author's own format: a picker
 * must never turn `2013/7/13 20:46:25` into an ISO timestamp or shift it by a time zone.
 */
export interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
  hasTime: boolean
}

const NUMERIC = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:([ T]+)(\d{1,2}):(\d{2})(?::(\d{2}))?)?(.*)$/
const RFC1123 = /^([A-Z][a-z]{2}), (\d{1,2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2})(.*)$/
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']

export function readWallClock(text: string): WallClock | null {
  const trimmed = text.trim()
  const numeric = NUMERIC.exec(trimmed)
  if (numeric) {
    const [, y, , m, d, , h, min, s] = numeric
    return {
      year: Number(y),
      month: Number(m),
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(min ?? 0),
      second: Number(s ?? 0),
      hasTime: h !== undefined,
    }
  }
  const rfc = RFC1123.exec(trimmed)
  if (rfc) {
    const [, , d, mon, y, h, min, s] = rfc
    const month = MONTHS.indexOf(mon ?? '') + 1
    if (month === 0) return null
    return { year: Number(y), month, day: Number(d), hour: Number(h), minute: Number(min), second: Number(s), hasTime: true }
  }
  return null
}

/**
 * Whether the author pads month, day and hour: a one-digit field anywhere (`2013/7/13 8:05`)
 * means unpadded; otherwise two digits, as in ISO.
 */
function padsFields(fields: (string | undefined)[]): boolean {
  return !fields.some((field) => field !== undefined && field.length === 1)
}

function pad(padded: boolean, value: number): string {
  return padded ? String(value).padStart(2, '0') : String(value)
}

/** Writes `next` in the shape of `original`; null when the original's shape is not known. */
export function writeWallClock(original: string, next: WallClock): string | null {
  const lead = original.slice(0, original.length - original.trimStart().length)
  const trail = original.slice(original.trimEnd().length)
  const trimmed = original.trim()
  const numeric = NUMERIC.exec(trimmed)
  if (numeric) {
    const [, , sep, m, d, gap, h, , s, rest] = numeric
    const padded = padsFields([m, d, h])
    let out = `${next.year}${sep}${pad(padded, next.month)}${sep}${pad(padded, next.day)}`
    if (h !== undefined) {
      out += `${gap}${pad(padded, next.hour)}:${String(next.minute).padStart(2, '0')}`
      if (s !== undefined) out += `:${String(next.second).padStart(2, '0')}`
    } else if (next.hasTime) {
      out += ` ${String(next.hour).padStart(2, '0')}:${String(next.minute).padStart(2, '0')}:${String(next.second).padStart(2, '0')}`
    }
    return lead + out + (rest ?? '') + trail
  }
  const rfc = RFC1123.exec(trimmed)
  if (rfc) {
    const rest = rfc[8] ?? ''
    const weekday = WEEKDAYS[new Date(Date.UTC(next.year, next.month - 1, next.day)).getUTCDay()]
    const two = (n: number) => String(n).padStart(2, '0')
    return `${lead}${weekday}, ${two(next.day)} ${MONTHS[next.month - 1]} ${next.year} ${two(next.hour)}:${two(next.minute)}:${two(next.second)}${rest}${trail}`
  }
  return null
}

/** The value of an <input type=datetime-local> (or date) for these parts. */
export function toInputValue(clock: WallClock): string {
  const two = (n: number) => String(n).padStart(2, '0')
  const date = `${String(clock.year).padStart(4, '0')}-${two(clock.month)}-${two(clock.day)}`
  return clock.hasTime ? `${date}T${two(clock.hour)}:${two(clock.minute)}:${two(clock.second)}` : date
}

export function fromInputValue(value: string, hasTime: boolean): WallClock | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value)
  if (!match) return null
  const [, y, m, d, h, min, s] = match
  return {
    year: Number(y),
    month: Number(m),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(min ?? 0),
    second: Number(s ?? 0),
    hasTime,
  }
}
