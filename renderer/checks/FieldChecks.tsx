import { memo, useDeferredValue, useMemo } from 'react'
import { checkFields, subjectOfParsed } from '../../shared/frontmatter/checks'
import type { ParsedFrontMatter } from '../../shared/frontmatter/types'
import { useI18n } from '../i18n/i18n'
import { checkText } from './check-text'
import { useNow } from './use-now'

interface Props {
  /** The text `parsed` was read from. */
  text: string
  parsed: ParsedFrontMatter
  /** Keys the article's collection requires (stable between renders: the checks key on it). */
  required: readonly string[]
  /** The zone a date without one is read in (the site's, else the computer's). */
  timeZone: string
  /** Moves the editor to a check's line, when it has one. */
  onGoTo?(line: number): void
}

/**
 * The open article's field checks, under its properties form; nothing when all is well. They are
 * worked out after the keystroke's frame (a deferred value): counting a long title or description
 * must not stand between a key and its paint.
 */
export const FieldChecks = memo(function FieldChecks({ text, parsed, required, timeZone, onGoTo }: Props) {
  const { t, locale } = useI18n()
  const now = useNow()
  // Both come from the same render, so the deferred pair always belongs together.
  const shownText = useDeferredValue(text)
  const shownParsed = useDeferredValue(parsed)
  const checks = useMemo(
    // A value that reads as a date is a date field in the form, which says its own wrong weekday beside it.
    () => checkFields(subjectOfParsed(shownText, shownParsed, timeZone), { required, now }).filter((c) => c.code !== 'weekday-mismatch'),
    [shownText, shownParsed, required, timeZone, now],
  )
  if (checks.length === 0) return null
  return (
    <ul className="field-checks" data-testid="field-checks" aria-label={t('fieldChecks')}>
      {checks.map((check, i) => (
        <li
          key={`${check.code}:${check.key}:${i}`}
          className={'field-check ' + check.severity}
          data-testid="field-check"
          data-code={check.code}
          data-key={check.key}
        >
          {check.line !== null && onGoTo ? (
            <button type="button" className="link" onClick={() => onGoTo(check.line ?? 1)}>
              {checkText(check, t, locale, timeZone)}
            </button>
          ) : (
            checkText(check, t, locale, timeZone)
          )}
        </li>
      ))}
    </ul>
  )
})
