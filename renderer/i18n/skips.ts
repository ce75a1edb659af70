import { useCallback } from 'react'
import type { BulkSkip, UiLocale } from '../../shared/contract'
import { saidText } from './errors'
import { headerErrorDetail, headerErrorText } from './header-errors'
import { useI18n } from './i18n'
import { STRINGS, format, type StringKey } from './strings'
import { withOutput } from './tool-output'

const TEMPLATE: Record<NonNullable<BulkSkip['why']>['kind'], StringKey> = {
  changed: 'skipChanged',
  'changed-after': 'skipChangedAfter',
  unsaved: 'skipUnsaved',
  header: 'skipHeader',
  'read-only': 'skipReadOnly',
  refused: 'skipRefused',
}

/**
 * Why a bulk edit or a replace left an article alone, in the UI's language: the main process
 * says it in English and tags the kind of reason, which picks the translated sentence here. A
 * header error is said by its code; what is left in English (the parser's details, a reason
 * without a name) follows the sentence set apart, never inside it.
 */
export function skipText(skip: BulkSkip, locale: UiLocale): string {
  const words = STRINGS[locale]
  const { why, path } = skip
  // Without a named reason only the English is known: in another language, a sentence of our own and the English after it.
  if (!why) return locale === 'en' ? skip.reason : withOutput(format(words.skipOther, { path }, locale), words.outputOfError, skip.reason)
  const header = why.code ? { code: why.code, message: why.message ?? '', reason: why.reason, subject: why.subject } : null
  if (header) {
    const sentence = format(words[TEMPLATE[why.kind]], { path, line: why.line ?? '', message: headerErrorText(header, locale) }, locale)
    return withOutput(sentence, words.outputOfError, headerErrorDetail(header, locale) ?? '')
  }
  const named = why.said ? saidText({ ...why.said, path }, locale) : null
  if (named !== null) return named
  const template = words[TEMPLATE[why.kind]]
  const message = why.message ?? ''
  if (locale === 'en') return format(template, { path, line: why.line ?? '', message }, locale)
  // The English message follows the sentence, set apart; a sentence made to hold it gives way to one that does not.
  const sentence = format(template.includes('{message}') ? words.skipOther : template, { path, line: why.line ?? '' }, locale)
  return withOutput(sentence, words.outputOfError, message)
}

export function useSkipText(): (skip: BulkSkip) => string {
  const { locale } = useI18n()
  return useCallback((skip: BulkSkip) => skipText(skip, locale), [locale])
}
