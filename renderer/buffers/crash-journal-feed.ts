import { useEffect, useRef } from 'react'
import { debounceWithMaxWait, type Debouncer } from '../../shared/debounce'
import { folio, onMainEvent } from '../bridge'
import { logPageError } from '../log/report-errors'
import type { BufferStore } from './buffer-store'

/**
 * Typing sends its text once it pauses this long, and while it never pauses at least this often.
 * The main process adds its own short debounce (electron/recovery/crash-journal.ts, 800 ms) before the
 * disk, so a kill loses at most MAX_WAIT + 800 ms (4.3 s, with room for IPC and fsync) < 5 s of typing.
 */
export const JOURNAL_DELAY_MS = 1000
export const JOURNAL_MAX_WAIT_MS = 3500

/**
 * Keeps the main process informed of unsaved work: which paths (the close guard asks before
 * losing them, and asks the page again as it decides) and, debounced, their text (the crash journal offers it back after a kill).
 * `enabled` stays false until a journal left by a crash has been restored or discarded: writing
 * this page's (empty) set first would erase the very work the recovery dialog is offering.
 */
export function useCrashJournalFeed(store: BufferStore, unsaved: readonly string[], enabled: boolean): void {
  const key = unsaved.join('\n')
  const keyRef = useRef(key)
  keyRef.current = key

  useEffect(() => {
    void folio.setUnsaved(key ? key.split('\n') : []).catch((error: unknown) => logPageError('unsaved-set', error))
  }, [key])

  // A close asks before it decides: a key typed a moment ago may still wait for its paint.
  useEffect(
    () =>
      onMainEvent('reportUnsaved', ({ ask }) => {
        void folio.answerUnsaved(ask, [...store.unsavedNow()]).catch((error: unknown) => logPageError('unsaved-set', error))
      }),
    [store],
  )

  // What the journal last received: nothing typed and the same set means nothing to send again.
  const sent = useRef<{ edits: number; key: string } | null>(null)
  const debounce = useRef<Debouncer | null>(null)
  debounce.current ??= debounceWithMaxWait(
    () => {
      const now = { edits: store.editCount(), key: keyRef.current }
      if (sent.current && sent.current.edits === now.edits && sent.current.key === now.key) return
      sent.current = now
      // Unreached, the journal would not protect these edits against a crash: worth the log.
      void folio.journalUnsaved(store.unsavedBuffers()).catch((error: unknown) => logPageError('journal', error))
    },
    { waitMs: JOURNAL_DELAY_MS, maxWaitMs: JOURNAL_MAX_WAIT_MS },
  )

  // Every keystroke asks; the debouncer's deadline makes sure steady typing still gets written.
  const { onEdit } = store
  useEffect(() => {
    if (!enabled) return
    debounce.current?.request()
    return onEdit(() => debounce.current?.request())
  }, [onEdit, key, enabled])

  useEffect(() => {
    const pending = debounce.current
    return () => pending?.cancel()
  }, [])
}
