import { useEffect, useRef } from 'react'
import { folio } from '../bridge'
import { unsavedPaths, type Session } from './session'

const JOURNAL_DELAY_MS = 1000

/**
 * Keeps the main process informed of unsaved work: which paths (the close guard asks before
 * losing them) and, debounced, their text (the crash journal offers it back after a kill).
 * `enabled` stays false until a journal left by a crash has been restored or discarded: writing
 * this page's (empty) set first would erase the very work the recovery dialog is offering.
 */
export function useJournal(session: Session, enabled: boolean): void {
  const latest = useRef(session)
  latest.current = session
  const key = unsavedPaths(session).join('\n')

  useEffect(() => {
    void folio.setUnsaved(key ? key.split('\n') : []).catch(() => undefined)
  }, [key])

  // What the journal last received: nothing typed and the same set means nothing to send again.
  const sent = useRef<{ edits: number; key: string } | null>(null)
  useEffect(() => {
    if (!enabled) return
    const timer = setTimeout(() => {
      const now = { edits: latest.current.editCount(), key }
      if (sent.current && sent.current.edits === now.edits && sent.current.key === now.key) return
      sent.current = now
      void folio.journalUnsaved(latest.current.unsavedBuffers()).catch(() => undefined)
    }, JOURNAL_DELAY_MS)
    return () => clearTimeout(timer)
  }, [session.text, key, enabled])
}
