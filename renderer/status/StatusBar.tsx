import { memo, useEffect, useState } from 'react'
import { countOn, statsOf, statsStart, textStats, type TextStats } from '../../shared/text-stats'
import { shownDate } from '../checks/check-text'
import { useNow } from '../checks/use-now'
import { useI18n } from '../i18n/i18n'
import { MessageText, messageParts } from '../i18n/tool-output'
import type { BufferState } from '../buffers/transitions'
import type { BufferStore, FailedStep } from '../buffers/buffer-store'
import { useCursor } from '../buffers/use-buffers'
import { sliceWhenIdle } from '../idle/idle'
import { CountSuperseded, countInWorker } from './count-client'
import { GoalStatus } from '../settings/GoalStatus'
import type { GoalControl } from '../settings/use-goal'

interface Props {
  body: string
  state: BufferState
  /** What failed when the state is 'error', and each failure's message (one a file). */
  failed: FailedStep | null
  failures: readonly string[]
  /** The store the cursor's place is read from: read here, so a keystroke's move re-renders the status bar alone. */
  cursorSource: Pick<BufferStore, 'subscribeCursor' | 'getCursor'>
  readOnly: string | null
  /** Set when the read-only reason is the file's permission: the writer may lift it here. */
  onMakeWritable: (() => void) | null
  headerError: string | null
  /** The open article's date as its text now says (read in the site's zone): a future one shows "scheduled". */
  dateMs: number | null
  /** The site's zone, the clock that date is shown on. */
  timeZone?: string
  /** The open article's goal (null when no article is open). */
  goal?: GoalControl | null
}

const EMPTY: TextStats = textStats('')

/** What the status says, and the data-state specs and styles read ('saved' since before the store). */
const SHOWN = {
  clean: { label: 'saved', data: 'saved' },
  'read-only': { label: 'saved', data: 'read-only' },
  dirty: { label: 'dirty', data: 'dirty' },
  saving: { label: 'saving', data: 'saving' },
  error: { label: 'saveFailed', data: 'error' },
  conflict: { label: 'conflict', data: 'conflict' },
  deleted: { label: 'deletedOnDisk', data: 'deleted' },
} as const

/** The label before a failure, by what failed: an open or a restore is not a save. */
const FAILED_SAID = { save: 'saveFailedSaid', open: 'openFailedSaid', restore: 'restoreFailedSaid' } as const

/** Characters counted between two looks at the idle time left: well under a millisecond's work. */
const COUNT_SLICE = 16_384
/** A count is done within about this (plus one idle timeout) even in a window that is never idle. */
const COUNT_WITHIN_MS = 1000

/**
 * The body's counts. A body of up to one slice is counted at once (well under a millisecond); a
 * longer one in the count worker (count-worker.ts), since counting a 1 MB body takes tens of
 * milliseconds the writer's next key would wait for, at every pause of typing. Should the worker
 * fail, the window counts it a slice at a time in idle time. A new body starts the count again;
 * the last counts show until it is done.
 */
function useStats(body: string): TextStats {
  const [stats, setStats] = useState(EMPTY)
  useEffect(() => {
    if (body.length <= COUNT_SLICE) {
      setStats(textStats(body))
      return
    }
    let stopIdle: (() => void) | null = null
    let current = true
    countInWorker(body).then(
      (counted) => {
        if (current) setStats(counted)
      },
      (error: unknown) => {
        if (!current || error instanceof CountSuperseded) return
        let progress = statsStart()
        stopIdle = sliceWhenIdle(() => {
          progress = countOn(body, progress, progress.at + COUNT_SLICE)
          if (progress.at < body.length) return false
          setStats(statsOf(progress))
          return true
        }, COUNT_WITHIN_MS)
      },
    )
    return () => {
      current = false
      stopIdle?.()
    }
  }, [body])
  return stats
}

/** Memoized: a form write that changes neither the body nor the date leaves it as it is. */
export const StatusBar = memo(function StatusBar({
  body,
  state,
  failed,
  failures,
  cursorSource,
  readOnly,
  onMakeWritable,
  headerError,
  dateMs,
  timeZone,
  goal,
}: Props) {
  const { t, locale } = useI18n()
  const now = useNow()
  const stats = useStats(body)
  return (
    <footer className="status-bar" role="status">
      {/*
        What failed and why, in the UI's language; a tool's own words set apart after each file's
        sentence. A failure wraps and scrolls in the bar, so all of it can be read; the tooltip holds
        only the sentences (the zh walk allows no English in titles).
      */}
      <span
        data-testid="save-status"
        data-state={SHOWN[state].data}
        className={'save-status ' + SHOWN[state].data}
        title={state === 'error' && failures.length > 0 ? failures.map((failure) => messageParts(failure).sentence).join('\n') : undefined}
      >
        {state === 'error' && failed && failures.length > 0 ? (
          <>
            {t(FAILED_SAID[failed])}
            <span className="failures">
              {failures.map((failure, i) => (
                <span className="failure" data-testid="save-failure" key={i}>
                  <MessageText text={failure} />
                </span>
              ))}
            </span>
          </>
        ) : (
          t(SHOWN[state].label)
        )}
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
      {headerError && (
        <span className="header-error" data-testid="header-error">
          {headerError}
        </span>
      )}
      {dateMs !== null && dateMs > now && (
        <span className="scheduled" data-testid="scheduled">
          {t('scheduledFor', { date: shownDate(dateMs, locale, timeZone) })}
        </span>
      )}
      <span className="spacer" />
      {goal && <GoalStatus stats={stats} goal={goal.goal} onChange={goal.setGoal} />}
      <span data-testid="word-count">
        {stats.words} {t('words')} · {stats.chars} {t('characters')} · {stats.readingMinutes} {t('minutes')}
      </span>
      <CursorPlace source={cursorSource} />
    </footer>
  )
})

function CursorPlace({ source }: { source: Props['cursorSource'] }) {
  const { t } = useI18n()
  const { line, column } = useCursor(source)
  return (
    <span>
      {t('line')} {line}, {t('column')} {column}
    </span>
  )
}
