/**
 * The states of an open article's buffer and every move between them, in one table. A move the
 * table does not list is refused (BufferStore throws), so an odd sequence of events shows up as
 * an error in a test instead of a status bar that lies.
 */

/**
 * - clean: the text is what the disk holds (as last read or saved).
 * - dirty: edited since.
 * - saving: a write is under way; typing goes on and decides clean or dirty when it ends.
 * - conflict: a save found the disk changed by someone else; base, mine and disk are kept.
 * - deleted: the file went away on disk; the buffer stays and a save recreates it.
 * - read-only: only viewed (not UTF-8, too large, no write permission).
 * - error: the last save failed for another reason (the message says why); saving again retries.
 */
export type BufferState = 'clean' | 'dirty' | 'saving' | 'conflict' | 'deleted' | 'read-only' | 'error'

export type BufferEvent =
  /** The text now differs from the base. */
  | 'edit'
  /** The text is back to the base (undo, or typed back). */
  | 'revert'
  /** A write starts. */
  | 'save'
  /** The write ended: the disk holds what was sent (typing meanwhile is an edit after it). */
  | 'saved'
  /** The write found other bytes on disk than the base. */
  | 'conflict'
  /** The write failed (permissions, disk full, …). */
  | 'fail'
  /** The newest disk text replaced the buffer (a clean buffer follows the disk; "take theirs"). */
  | 'reload'
  /** A merge of base, mine and disk became the text: based on the disk now, still to be saved. */
  | 'merge'
  /** The file is gone from disk. */
  | 'delete'
  /** A file is at the path again (put back, or recreated by someone else): based on it from now. */
  | 'reappear'
  /** The file became view-only (permissions taken away, no longer UTF-8). */
  | 'lock'
  /** The writer got the write permission: editable from now. */
  | 'writable'

/** state → event → next state. Everything not listed is illegal. */
export const TRANSITIONS: Readonly<Record<BufferState, Partial<Readonly<Record<BufferEvent, BufferState>>>>> = {
  clean: { edit: 'dirty', reload: 'clean', lock: 'read-only', delete: 'deleted' },
  dirty: { edit: 'dirty', revert: 'clean', save: 'saving', delete: 'deleted', reload: 'clean' },
  saving: { edit: 'saving', revert: 'saving', saved: 'clean', conflict: 'conflict', fail: 'error', delete: 'deleted' },
  conflict: { edit: 'conflict', revert: 'conflict', save: 'saving', reload: 'clean', merge: 'dirty', delete: 'deleted' },
  deleted: { edit: 'deleted', revert: 'deleted', save: 'saving', reappear: 'dirty' },
  'read-only': { reload: 'read-only', writable: 'clean', delete: 'deleted' },
  error: { edit: 'dirty', revert: 'clean', save: 'saving', delete: 'deleted' },
}

/** The next state, or null when the table does not allow the move. */
export function nextState(state: BufferState, event: BufferEvent): BufferState | null {
  return TRANSITIONS[state][event] ?? null
}
