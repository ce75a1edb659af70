import { foldedRanges, unfoldEffect } from '@codemirror/language'
import type { StateEffect } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'

/** Puts the cursor at the start of `line` (1-based), unfolding what hides it, and focuses the editor. */
export function revealLine(view: EditorView, line: number): void {
  const { doc } = view.state
  const at = doc.line(Math.min(Math.max(1, line), doc.lines)).from
  const effects: StateEffect<{ from: number; to: number }>[] = []
  foldedRanges(view.state).between(at, at, (from, to) => {
    if (from < at && to >= at) effects.push(unfoldEffect.of({ from, to }))
  })
  view.dispatch({ selection: { anchor: at }, effects, scrollIntoView: true })
  view.focus()
}
