import type { FieldCheck } from '../../shared/frontmatter/checks'
import type { StringKey } from '../i18n/strings'
import { isolated } from '../i18n/tool-output'

type Translate = (key: StringKey, values?: Record<string, string | number>) => string

/** The computer's own zone. */
export const LOCAL_ZONE = Intl.DateTimeFormat().resolvedOptions().timeZone

/**
 * A date shown to the writer in their locale, on the site's clock (the zone its dates are written
 * in), naming that zone when it is not the computer's: a post scheduled for 09:00 in Shanghai reads
 * 09:00 (Asia/Shanghai) in Berlin too, as the header says.
 */
export function shownDate(instant: number, locale: string, timeZone: string = LOCAL_ZONE): string {
  const shown = new Date(instant).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone })
  return timeZone === LOCAL_ZONE ? shown : `${shown} (${timeZone})`
}

/** A weekday's name in `locale` (0 is Sunday): 星期二, Tuesday. */
export function weekdayName(weekday: number, locale: string): string {
  // 7 January 2024 was a Sunday, weekday 0.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(Date.UTC(2024, 0, 7 + weekday))
}

/** A field check in the UI language; dates on the clock of `timeZone` (the site's). */
export function checkText(check: FieldCheck, t: Translate, locale: string, timeZone?: string): string {
  // The key is the author's, as written: isolated inside the sentence in any language.
  const key = isolated(check.key)
  switch (check.code) {
    case 'missing-required':
      return t('checkMissing', { key })
    case 'title-length':
    case 'description-length':
      return t(check.length?.unit === 'characters' ? 'checkLongCharacters' : 'checkLongWords', {
        key,
        count: check.length?.count ?? 0,
        limit: check.length?.limit ?? 0,
      })
    case 'duplicate-key':
      return t('checkDuplicate', { key, line: check.line ?? '?' })
    case 'scheduled':
      return t('checkScheduled', { key, date: check.at === undefined ? '' : shownDate(check.at, locale, timeZone) })
    case 'weekday-mismatch':
      return check.weekday
        ? t('checkWeekday', { key, written: weekdayName(check.weekday.written, locale), actual: weekdayName(check.weekday.actual, locale) })
        : check.message
  }
}
