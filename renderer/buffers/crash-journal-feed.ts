import { useEffect, useRef } from 'react'
import type { JournalEdit } from '../../shared/contract'
import { debounceWithMaxWait, type Debouncer } from '../../shared/debounce'
import { folio, onMainEvent } from '../bridge'
import { docSpan, joinedLength, joinedOffset } from '../editor/doc-span'
import { logPageError } from '../log/report-errors'
import type { BufferStore, UnsavedDoc } from './buffer-store'
import type { Text } from '@codemirror/state'

/**
 * Typing sends its changes once it pauses this long, and while it never pauses at least this often.
 * The main process adds its own short debounce (electron/recovery/crash-journal.ts, 800 ms) before the
 * disk, so a kill loses at most MAX_WAIT + 800 ms (2.3 s, with room for IPC and fsync) of typing in
 * the text. Typing in the form reaches the document only after its own wait (buffer-store.ts: the
 * last key waits FORM_PAUSE_MS for a pause, then up to FORM_IDLE_TIMEOUT_MS for idle time;
 * form-writes.ts), so there a kill loses at most FORM_PAUSE_MS + FORM_IDLE_TIMEOUT_MS + MAX_WAIT +
 * 800 ms (2.64 s).
 * A send is a keystroke's worth of text, not the article's (see journalEdits below), so it can be frequent.
 */
export const JOURNAL_DELAY_MS = 500
export const JOURNAL_MAX_WAIT_MS = 1500

/** What the journal last received of a buffer: the document it was, joined with which line break, under a version name. */
interface Sent {
  doc: Text
  lineBreak: string
  version: string
  baseHash: string
}

/**
 * The unsaved buffers as changes to what the journal last received (`sent`), which this updates:
 * an unchanged buffer costs nothing, an edited one the span its keys changed, found by walking
 * the two documents' shared trees (renderer/editor/doc-span.ts) rather than copying and comparing
 * the whole text. A buffer the journal has not received (or under another base) goes whole, as
 * does a change of most of its text.
 */
export function journalEditsOf(docs: readonly UnsavedDoc[], sent: Map<string, Sent>, nextVersion: () => string): JournalEdit[] {
  const edits: JournalEdit[] = []
  const kept = new Set<string>()
  for (const doc of docs) {
    kept.add(doc.path)
    const last = sent.get(doc.path)
    const same = last !== undefined && last.baseHash === doc.baseHash && last.lineBreak === doc.lineBreak
    const length = joinedLength(doc.doc, doc.lineBreak)
    if (same && last.doc === doc.doc) {
      edits.push({ path: doc.path, baseHash: doc.baseHash, version: last.version, edit: { after: last.version, from: 0, to: 0, insert: '', length } })
      continue
    }
    const version = nextVersion()
    const span = same ? docSpan(last.doc, doc.doc) : undefined
    let edit: JournalEdit['edit']
    if (same && span === null) edit = { after: last.version, from: 0, to: 0, insert: '', length }
    else if (same && span && span.toB - span.fromB < doc.doc.length / 2) {
      edit = {
        after: last.version,
        from: joinedOffset(last.doc, span.fromA, doc.lineBreak),
        to: joinedOffset(last.doc, span.toA, doc.lineBreak),
        insert: doc.doc.sliceString(span.fromB, span.toB, doc.lineBreak),
        length,
      }
    } else edit = { text: doc.text() }
    edits.push({ path: doc.path, baseHash: doc.baseHash, version, edit })
    sent.set(doc.path, { doc: doc.doc, lineBreak: doc.lineBreak, version, baseHash: doc.baseHash })
  }
  for (const path of sent.keys()) if (!kept.has(path)) sent.delete(path)
  return edits
}

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
  // Each buffer's text as the journal last received it, and a name for each text this page sends.
  const texts = useRef(new Map<string, Sent>())
  const versions = useRef({ page: crypto.randomUUID(), count: 0 })
  const debounce = useRef<Debouncer | null>(null)
  debounce.current ??= debounceWithMaxWait(
    () => {
      const now = { edits: store.editCount(), key: keyRef.current }
      if (sent.current && sent.current.edits === now.edits && sent.current.key === now.key) return
      sent.current = now
      const nextVersion = () => `${versions.current.page}:${++versions.current.count}`
      const edits = journalEditsOf(store.unsavedDocs(), texts.current, nextVersion)
      folio.journalEdits(edits).then(
        (refused) => {
          if (refused.length === 0) return
          // The journal holds another text of these (its page was another): they go whole, now.
          for (const path of refused) texts.current.delete(path)
          sent.current = null
          debounce.current?.request()
          debounce.current?.flush()
        },
        (error: unknown) => {
          // Whether it arrived is unknown: the next send is whole. Unreached, the journal would
          // not protect these edits against a crash: worth the log.
          texts.current.clear()
          sent.current = null
          logPageError('journal', error)
        },
      )
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
