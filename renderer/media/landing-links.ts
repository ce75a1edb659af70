/**
 * Links of images whose file is still being made (a photo scaled and written after its link went
 * in): where each is now, followed through the writer's edits, so a failure can take out exactly
 * that text, and only while it is still there as inserted.
 */
import { StateEffect, StateField, Transaction, type EditorState, type TransactionSpec } from '@codemirror/state'

interface Landing {
  id: string
  from: number
  to: number
  text: string
}

const track = StateEffect.define<Landing>()
const untrack = StateEffect.define<string>()

const landings = StateField.define<readonly Landing[]>({
  create: () => [],
  update(value, tr) {
    // Inserted right at either end is the writer's text, not the link's.
    let next = tr.docChanged ? value.map((l) => ({ ...l, from: tr.changes.mapPos(l.from, 1), to: tr.changes.mapPos(l.to, -1) })) : value
    for (const effect of tr.effects) {
      if (effect.is(track)) next = [...next, effect.value]
      else if (effect.is(untrack)) next = next.filter((l) => l.id !== effect.value)
    }
    return next
  },
})

/** Effects (for the transaction inserting `text` at `from`, in the text after it) that follow that text until landed. */
export function followLanding(state: EditorState, id: string, from: number, text: string): StateEffect<unknown>[] {
  const landing = { id, from, to: from + text.length, text }
  // A state made before the first insert lacks the field: it comes with its first link (and,
  // created from the state before, takes that transaction's effects like any other).
  return state.field(landings, false) === undefined ? [StateEffect.appendConfig.of(landings), track.of(landing)] : [track.of(landing)]
}

/**
 * The transaction ending the follow of `id`; with `takeOut`, also removing the link when its text
 * is still there unchanged. Kept out of the undo history: undo then skips the emptied insert
 * instead of bringing back a link to nothing. Null when `id` is not followed in this state.
 */
export function endLanding(state: EditorState, id: string, takeOut: boolean): TransactionSpec | null {
  const landing = state.field(landings, false)?.find((l) => l.id === id)
  if (!landing) return null
  const intact = landingIntact(state, id)
  return {
    effects: untrack.of(id),
    ...(takeOut && intact
      ? { changes: { from: landing.from, to: landing.to }, annotations: Transaction.addToHistory.of(false), userEvent: 'delete.landing' }
      : {}),
  }
}

/** Whether the text followed as `id` is still there as inserted. */
export function landingIntact(state: EditorState, id: string): boolean {
  const landing = state.field(landings, false)?.find((l) => l.id === id)
  return landing !== undefined && landing.to - landing.from === landing.text.length && state.sliceDoc(landing.from, landing.to) === landing.text
}

/** Whether the link of `id` is still followed (and where), for tests. */
export function landingAt(state: EditorState, id: string): { from: number; to: number } | null {
  const landing = state.field(landings, false)?.find((l) => l.id === id)
  return landing ? { from: landing.from, to: landing.to } : null
}
