import { foldEffect, foldService, foldedRanges, unfoldEffect } from '@codemirror/language'
import { EditorState, type Extension, type StateEffect } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { headerBlock, headerOf } from './header-block'

type Range = { from: number; to: number } | null

/** The header's lines after the first, so folding leaves the opening fence visible as a handle. */
export function headerFoldRange(state: EditorState): Range {
  const { block } = headerOf(state)
  if (!block) return null
  const first = state.doc.lineAt(block.from)
  const last = state.doc.lineAt(Math.max(block.from, block.to - 1))
  return last.number > first.number ? { from: first.to, to: last.to } : null
}

export function isHeaderFolded(state: EditorState): boolean {
  const range = headerFoldRange(state)
  if (!range) return false
  let folded = false
  foldedRanges(state).between(range.from, range.to, (from, to) => {
    if (from === range.from && to === range.to) folded = true
  })
  return folded
}

/**
 * A header that stops parsing is unfolded at once: the form then says "fix it in the text", and
 * the text must be there to fix.
 */
const unfoldBroken = EditorState.transactionExtender.of((tr) => {
  if (!tr.docChanged) return null
  const before = tr.startState.field(headerBlock, false)
  const after = tr.state.field(headerBlock, false)
  if (!before?.block || !after?.error || before === after) return null
  // The fold hangs off the header's first line, wherever the broken header now ends.
  const handle = tr.state.doc.lineAt(tr.changes.mapPos(before.block.from)).to
  const effects: StateEffect<{ from: number; to: number }>[] = []
  foldedRanges(tr.state).between(handle, handle, (from, to) => {
    if (from === handle) effects.push(unfoldEffect.of({ from, to }))
  })
  return effects.length ? { effects } : null
})

/** Lets the user fold and unfold the header block like any other region. */
export function headerFolding(): Extension {
  return [
    headerBlock,
    unfoldBroken,
    foldService.of((state, lineStart) => {
      const range = headerFoldRange(state)
      return range && state.doc.lineAt(lineStart).to === range.from ? range : null
    }),
  ]
}

/**
 * Folds the header (writers mostly edit it through the form); returns whether it was folded.
 * A header that does not parse stays open.
 */
export function foldHeader(view: EditorView): boolean {
  const range = headerFoldRange(view.state)
  if (!range || headerOf(view.state).error) return false
  view.dispatch({ effects: foldEffect.of(range) })
  return true
}
