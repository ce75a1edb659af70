import type { FieldCheck } from '../../shared/frontmatter/checks'
import { useI18n } from '../i18n/i18n'
import { checkText } from './check-text'

interface Props {
  checks: readonly FieldCheck[]
  /** Moves the editor to a check's line, when it has one. */
  onGoTo?(line: number): void
}

/** The open article's field checks, under its properties form; nothing when all is well. */
export function FieldChecks({ checks, onGoTo }: Props) {
  const { t, locale } = useI18n()
  if (checks.length === 0) return null
  return (
    <ul className="field-checks" data-testid="field-checks" aria-label={t('fieldChecks')}>
      {checks.map((check, i) => (
        <li key={`${check.code}:${check.key}:${i}`} className={'field-check ' + check.severity} data-testid="field-check" data-code={check.code} data-key={check.key}>
          {check.line !== null && onGoTo ? (
            <button type="button" className="link" onClick={() => onGoTo(check.line ?? 1)}>
              {checkText(check, t, locale)}
            </button>
          ) : (
            checkText(check, t, locale)
          )}
        </li>
      ))}
    </ul>
  )
}
