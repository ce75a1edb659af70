/**
 * Form edits on their way to the text. A keystroke in the properties form shows in its input at
 * once; the text edit follows in the window's idle time between keys (re-parsing the header and
 * patching the document inside a key's frame, or in a timer that fired as a key came, made
 * typing miss frames). A write is computed from the
 * buffer's state as it is when it is made, never from the render the keystroke saw, and writes
 * are made in the order they were asked for.
 */
import type { EditorState, TransactionSpec } from '@codemirror/state'

export interface FormWrite {
  /**
   * Writes that set one whole value (a field typed key by key) carry the same merge key: asked for
   * one after another, only the last is made. Null for a write that must be made as it is (a chip).
   */
  merge: string | null
  /** The change from the state as it then is; null when there is nothing to write (the header stopped parsing). */
  make(state: EditorState): TransactionSpec | null
}

/** The writes not made yet, oldest first, each with the buffer it was asked for. */
export class FormWriteQueue<Target> {
  #entries: { target: Target; write: FormWrite }[] = []

  add(target: Target, write: FormWrite): void {
    const last = this.#entries[this.#entries.length - 1]
    if (last && last.target === target && write.merge !== null && last.write.merge === write.merge) {
      // Only the last of consecutive writes of one value counts; an earlier one in between keeps its place.
      last.write = write
      return
    }
    this.#entries.push({ target, write })
  }

  /** Every queued write, oldest first, and an empty queue. */
  take(): { target: Target; write: FormWrite }[] {
    const taken = this.#entries
    this.#entries = []
    return taken
  }
}

/** Keys closer together than this are one run of typing: its writes wait for a pause. */
export const FORM_PAUSE_MS = 90
/** Typing that never pauses still reaches the editor after this long, in the idle time between two keys. */
export const FORM_MAX_WAIT_MS = 250
/**
 * An idle period shorter than this is left for the next one (a frame is due): a write, with the
 * editor's update and the form's render, takes about this long on a loaded machine.
 */
export const FORM_IDLE_NEEDS_MS = 8
/** However busy the window, waiting writes are made this long after they were due. */
export const FORM_IDLE_TIMEOUT_MS = 250

/**
 * Whether queued writes, the first asked for at `first`, have waited long enough for a run of
 * typing that does not pause: then they are made in the idle time after the paint of the key
 * typed `now` (a timer of their own could fire just as the next key comes).
 */
export function typedLongEnough(now: number, first: number): boolean {
  return now - first >= FORM_MAX_WAIT_MS
}

/** Whether the writes are made in this idle period: it is long enough, or they waited the longest they may. */
export function idleEnough(deadline: Pick<IdleDeadline, 'didTimeout' | 'timeRemaining'>): boolean {
  return deadline.didTimeout || deadline.timeRemaining() >= FORM_IDLE_NEEDS_MS
}
