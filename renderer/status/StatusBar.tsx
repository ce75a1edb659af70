import { useEffect, useState } from 'react'
import { textStats, type TextStats } from '../../shared/text-stats'
import { shownDate } from '../checks/check-text'
import { useNow } from '../checks/use-now'
import { useI18n } from '../i18n/i18n'
import type { SaveState } from '../state/session'

interface Props {
  body: string
  saveState: SaveState
  message: string | null
  cursor: { line: number; column: number }
  readOnly: string | null
  /** Set when the read-only reason is the file's permission: the writer may lift it here. */
  onMakeWritable: (() => void) | null
  headerError: string | null
  /** The open article's date as indexed (the site's zone): a future one shows "scheduled". */
  dateMs: number | null
}

const EMPTY: TextStats = textStats('')

const STATE_LABEL = { saved: 'saved', dirty: 'dirty', saving: 'saving', error: 'saveFailed', conflict: 'conflict' } as const

export function StatusBar({ body, saveState, message, cursor, readOnly, onMakeWritable, headerError, dateMs }: Props) {
  const { t, locale } = useI18n()
  const now = useNow()
  // Counting a 1 MB body takes tens of milliseconds: do it when the window is idle, not in the
  // commit that follows a typing pause.
  const [stats, setStats] = useState(EMPTY)
  useEffect(() => {
    const idle = requestIdleCallback(() => setStats(textStats(body)), { timeout: 500 })
    return () => cancelIdleCallback(idle)
  }, [body])
  return (
    <footer className="status-bar" role="status">
      <span data-testid="save-status" data-state={saveState} className={'save-status ' + saveState} title={message ?? undefined}>
        {t(STATE_LABEL[saveState])}
        {message && saveState === 'error' ? `: ${message}` : ''}
      </span>
      {readOnly && (
        <span className="read-only" data-testid="read-only" title={readOnly}>
          {t('readOnly')}: {readOnly}
        </span>
      )}
      {readOnly && onMakeWritable && (
        <button type="button" className="make-writable" data-testid="make-writable" title={t('makeWritableHint')} onClick={onMakeWritable}>
          {t('makeWritable')}
        </button>
      )}
      {headerError && <span className="header-error" data-testid="header-error">{headerError}</span>}
      {dateMs !== null && dateMs > now && (
        <span className="scheduled" data-testid="scheduled">
          {t('scheduledFor', { date: shownDate(dateMs, locale) })}
        </span>
      )}
      <span className="spacer" />
      <span data-testid="word-count">
        {stats.words} {t('words')} · {stats.chars} {t('characters')} · {stats.readingMinutes} {t('minutes')}
      </span>
      <span>
        {t('line')} {cursor.line}, {t('column')} {cursor.column}
      </span>
    </footer>
  )
}
