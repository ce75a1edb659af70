/**
 * The crash journal's side of `journalEdits`: the page sends each unsaved buffer as a change to
 * the text the journal last received of it, and this puts the texts together again before they
 * are journaled whole (crash-journal.ts). A change that does not build on the text held here
 * (another page's, one that went missing, a length that does not add up) is refused, never
 * guessed at: the page then sends that buffer whole, and until it does the journal keeps the last
 * text it had.
 */
import type { JournalEdit, UnsavedBuffer } from '../../shared/contract'
import type { Journal } from './crash-journal'

interface Held {
  version: string
  text: string
  baseHash: string
}

export interface JournalEdits {
  /** Journals the buffers these edits make, for the folder `root`, replacing the set; answers the paths whose edit was refused. */
  apply(root: string, edits: readonly JournalEdit[]): string[]
  /** Forgets the texts held: the journal was replaced whole or cleared, or its page went. */
  forget(): void
}

/** The text an edit makes of the one held, or null when it does not build on it. */
function textOf(held: Held | undefined, { edit }: JournalEdit): string | null {
  if ('text' in edit) return edit.text
  if (!held || held.version !== edit.after || edit.from > edit.to || edit.to > held.text.length) return null
  const text = held.text.slice(0, edit.from) + edit.insert + held.text.slice(edit.to)
  return text.length === edit.length ? text : null
}

export function journalEdits(journal: Journal): JournalEdits {
  let held = new Map<string, Held>()
  return {
    apply(root, edits) {
      const next = new Map<string, Held>()
      const refused: string[] = []
      for (const edit of edits) {
        const before = held.get(edit.path)
        const text = textOf(before, edit)
        if (text !== null) next.set(edit.path, { version: edit.version, text, baseHash: edit.baseHash })
        else {
          refused.push(edit.path)
          // The last text received stays journaled until the whole one comes.
          if (before) next.set(edit.path, before)
        }
      }
      held = next
      const buffers: UnsavedBuffer[] = [...next].map(([path, { text, baseHash }]) => ({ path, text, baseHash }))
      journal.record(buffers.length === 0 ? '' : root, buffers)
      return refused
    },
    forget() {
      held = new Map()
    },
  }
}
