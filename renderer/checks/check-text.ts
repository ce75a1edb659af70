import type { FieldCheck } from '../../shared/frontmatter/checks'
import type { StringKey } from '../i18n/strings'

type Translate = (key: StringKey, values?: Record<string, string | number>) => string

/** A date shown to the writer: their locale, their clock. */
export function shownDate(instant: number, locale: string): string {
  return new Date(instant).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' })
}

/** A field check in the UI language. */
export function checkText(check: FieldCheck, t: Translate, locale: string): string {
  switch (check.code) {
    case 'missing-required':
      return t('checkMissing', { key: check.key })
    case 'title-length':
    case 'description-length':
      return t(check.length?.unit === 'characters' ? 'checkLongCharacters' : 'checkLongWords', {
        key: check.key,
        count: check.length?.count ?? 0,
        limit: check.length?.limit ?? 0,
      })
    case 'duplicate-key':
      return t('checkDuplicate', { key: check.key, line: check.line ?? '?' })
    case 'scheduled':
      return t('checkScheduled', { key: check.key, date: check.at === undefined ? '' : shownDate(check.at, locale) })
  }
}
