/**
 * Field checks: what a header may be missing or overdoing even when it parses. One pure function
 * serves the form, the library's badges, the status bar and `folio check`:
 *   - required keys per collection (from the folder schema, or given by the caller);
 *   - title and description length, counted in characters for CJK text and in words otherwise;
 *   - duplicate keys (the parser refuses them; each one is listed with its line);
 *   - a date in the future: the article is scheduled;
 *   - a weekday written beside a day that falls on another (`Mon, 05 Mar 2024`): kept as written.
 * Warnings are advice: `folio check` lists them but only headers that do not parse fail it.
 */
import type { LibraryRow } from '../contract'
import { textStats } from '../text-stats'
import type { HeaderError, ParsedFrontMatter } from './types'
import { DATE_KEYS, WEEKDAYS, parseDateText, weekdayMismatch } from './dates'
import { scalarText } from './scalar-text'

export type FieldCheckCode = 'missing-required' | 'title-length' | 'description-length' | 'duplicate-key' | 'scheduled' | 'weekday-mismatch'

export interface FieldCheck {
  code: FieldCheckCode
  /** The key the check is about. */
  key: string
  /** `warning`: something to fix; `info`: a state to know about (scheduled). */
  severity: 'warning' | 'info'
  /** 1-based line in the file, when the key is there. */
  line: number | null
  /** Lengths: the count, the limit and what was counted. */
  length?: { count: number; limit: number; unit: 'characters' | 'words' }
  /** Scheduled: the date's instant. */
  at?: number
  /** Weekday mismatch: the weekday written and the one the day falls on (0 is Sunday). */
  weekday?: { written: number; actual: number }
  /** An English sentence saying what is wrong and what to do (the command line prints it). */
  message: string
}

/** What the checks read from one article, from a parsed header or from an index summary. */
export interface CheckSubject {
  /** False when the header does not parse: its keys are unknown, so none is reported missing. */
  ok: boolean
  /** Top-level keys present in the header, with their lines when known. */
  keys: readonly { key: string; line: number | null }[]
  title: { text: string; line: number | null } | null
  description: { key: string; text: string; line: number | null } | null
  date: { key: string; instant: number; line: number | null } | null
  duplicates: readonly { key: string; line: number }[]
  /** Scalar values as written that may be dates, for the weekday check (left out: not checked). */
  dateTexts?: readonly { key: string; text: string; line: number | null }[]
}

export interface LengthLimit {
  /** For CJK text, in characters. */
  characters: number
  /** For other text, in words. */
  words: number
}

/**
 * What search results show before cutting off: about 60 Latin characters (some 12 words) or 30
 * Chinese characters of a title, 160 characters (some 30 words) or 80 Chinese of a description.
 */
export const LENGTH_LIMITS: { title: LengthLimit; description: LengthLimit } = {
  title: { characters: 30, words: 12 },
  description: { characters: 80, words: 30 },
}

export interface CheckOptions {
  /** Keys this article's collection requires. */
  required?: readonly string[]
  /** Now, for "scheduled"; leave out to skip that check. */
  now?: number
  limits?: { title: LengthLimit; description: LengthLimit }
}

/** A key nearly every article of a collection has is required there: 90% of at least 10 articles. */
const INFERRED_PRESENCE = 0.9
const INFERRED_MIN_ARTICLES = 10

/**
 * A collection's required keys: those the folder's schema file marks required, and those nearly
 * every article of the collection has (the rest then lack them, usually by mistake).
 */
export function requiredKeys(collection: { articles: number; keys: readonly { key: string; presence: number; required: boolean }[] } | undefined): string[] {
  if (!collection) return []
  const inferred = collection.articles >= INFERRED_MIN_ARTICLES
  return collection.keys.filter((k) => k.required || (inferred && k.presence >= INFERRED_PRESENCE)).map((k) => k.key)
}

/** The keys that describe an article, in the order they are looked for. */
export const DESCRIPTION_KEYS = ['description', 'summary', 'excerpt']

/** Length in the unit the text's script calls for: characters when CJK dominates, else words. */
export function textLength(text: string): { count: number; unit: 'characters' | 'words' } {
  const stats = textStats(text)
  const latinWords = stats.words - stats.cjkChars
  return stats.cjkChars > latinWords ? { count: stats.chars, unit: 'characters' } : { count: latinWords, unit: 'words' }
}

function lengthCheck(code: 'title-length' | 'description-length', key: string, text: string, line: number | null, limit: LengthLimit): FieldCheck | null {
  const { count, unit } = textLength(text)
  const max = unit === 'characters' ? limit.characters : limit.words
  if (count <= max) return null
  return {
    code,
    key,
    severity: 'warning',
    line,
    length: { count, limit: max, unit },
    message: `${key} is ${count} ${unit} long; search results cut it after about ${max}. Shorten it.`,
  }
}

export function checkFields(subject: CheckSubject, options: CheckOptions = {}): FieldCheck[] {
  const limits = options.limits ?? LENGTH_LIMITS
  const checks: FieldCheck[] = []
  for (const d of subject.duplicates) {
    checks.push({
      code: 'duplicate-key',
      key: d.key,
      severity: 'warning',
      line: d.line,
      message: `${d.key} appears more than once; generators keep one of them. Remove the extra line.`,
    })
  }
  const present = new Set(subject.keys.map((k) => k.key))
  for (const key of subject.ok ? (options.required ?? []) : []) {
    if (present.has(key)) continue
    checks.push({ code: 'missing-required', key, severity: 'warning', line: null, message: `${key} is missing; articles in this collection have one. Add it.` })
  }
  if (subject.title) {
    const check = lengthCheck('title-length', 'title', subject.title.text, subject.title.line, limits.title)
    if (check) checks.push(check)
  }
  if (subject.description) {
    const { key, text, line } = subject.description
    const check = lengthCheck('description-length', key, text, line, limits.description)
    if (check) checks.push(check)
  }
  if (options.now !== undefined && subject.date && subject.date.instant > options.now) {
    const { key, instant, line } = subject.date
    checks.push({
      code: 'scheduled',
      key,
      severity: 'info',
      line,
      at: instant,
      message: `${key} is in the future: the article is scheduled and most generators leave it out until then.`,
    })
  }
  for (const { key, text, line } of subject.dateTexts ?? []) {
    const weekday = weekdayMismatch(text)
    if (!weekday) continue
    checks.push({
      code: 'weekday-mismatch',
      key,
      severity: 'warning',
      line,
      weekday,
      message: `${key} says ${WEEKDAYS[weekday.written]}, but that day is a ${WEEKDAYS[weekday.actual]}; it is kept as written. Correct the day or the weekday.`,
    })
  }
  return checks
}

/** Longer than any date text: not read as one (the index checks every scalar of every header). */
const DATE_TEXT_MAX = 48

/** The key written on a duplicate-key error's line. */
function keyOnLine(text: string, line: number): string {
  let start = 0
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', start)
    if (nl === -1) return ''
    start = nl + 1
  }
  const end = text.indexOf('\n', start)
  const s = text.slice(start, end === -1 ? undefined : end)
  const m = /^\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s:=#][^:=#]*?))\s*[:=]/.exec(s)
  return m?.[1] ?? m?.[2] ?? m?.[3] ?? ''
}

export function duplicatesOf(text: string, errors: readonly HeaderError[]): { key: string; line: number }[] {
  return errors.filter((e) => e.code === 'duplicate-key').map((e) => ({ key: keyOnLine(text, e.line), line: e.line }))
}

/**
 * The checks of an indexed article: those the index made from the file (lengths, duplicate keys)
 * plus those that depend on the folder and the clock (required keys, scheduled).
 */
export function summaryChecks(a: LibraryRow, options: CheckOptions = {}): FieldCheck[] {
  const subject: CheckSubject = {
    ok: a.error === null,
    keys: a.keys.map((key) => ({ key, line: null })),
    title: null,
    description: null,
    date: a.dateMs === null ? null : { key: 'date', instant: a.dateMs, line: null },
    duplicates: [],
  }
  return [...a.checks, ...checkFields(subject, { required: options.required, now: options.now })]
}

/**
 * The article's date as a parsed header gives it: the first of DATE_KEYS with a value (an empty
 * key is skipped, as the index skips it), read in `timeZone` when written without a zone.
 */
export function headerDate(parsed: ParsedFrontMatter, timeZone = 'UTC'): CheckSubject['date'] {
  for (const key of DATE_KEYS) {
    const f = parsed.fields.find((field) => field.key === key)
    if (!f || f.value.type === 'null') continue
    // Read again in the zone asked for: the header may have been parsed without it (the editor's is).
    const text = f.value.type === 'date' ? f.value.text : f.value.type === 'string' ? f.value.value : null
    const instant = text === null ? null : (parseDateText(text, timeZone)?.instant ?? (f.value.type === 'date' ? f.value.instant : null))
    return instant === null ? null : { key, instant, line: f.line }
  }
  return null
}

/** The subject of a parsed header; `text` is the text it was parsed from (for duplicate keys' names). */
export function subjectOfParsed(text: string, parsed: ParsedFrontMatter, timeZone = 'UTC'): CheckSubject {
  const field = (key: string) => parsed.fields.find((f) => f.key === key)
  const textOf = (key: string) => {
    const f = field(key)
    const s = f ? scalarText(f.value) : null
    return f && s !== null && s.trim() !== '' ? { text: s, line: f.line } : null
  }
  const title = textOf('title')
  let description: CheckSubject['description'] = null
  for (const key of DESCRIPTION_KEYS) {
    const found = textOf(key)
    if (found) {
      description = { key, ...found }
      break
    }
  }
  return {
    ok: parsed.ok,
    keys: parsed.fields.map((f) => ({ key: f.key, line: f.line })),
    title,
    description,
    date: headerDate(parsed, timeZone),
    duplicates: duplicatesOf(text, parsed.errors),
    dateTexts: parsed.fields.flatMap((f) => {
      const written = f.value.type === 'string' || f.value.type === 'date' ? scalarText(f.value) : null
      return written !== null && written.length <= DATE_TEXT_MAX ? [{ key: f.key, text: written, line: f.line }] : []
    }),
  }
}
