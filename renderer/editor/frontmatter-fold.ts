import { foldEffect, foldService, foldedRanges } from '@codemirror/language'
import type { EditorState, Extension } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { detect } from '../../shared/frontmatter'

/** The header's lines after the opening fence, so folding leaves the fence visible as a handle. */
export function headerFoldRange(state: EditorState): { from: number; to: number } | null {
  const detection = detect(state.doc.toString())
  if (!detection.block || !detection.content) return null
  const first = state.doc.lineAt(detection.block.from)
  const last = state.doc.lineAt(Math.max(detection.block.from, detection.block.to - 1))
  if (last.number <= first.number) return null
  return { from: first.to, to: last.to }
}

/** Lets the user fold and unfold the header block like any other region. */
export function headerFolding(): Extension {
  return foldService.of((state, lineStart) => {
    const range = headerFoldRange(state)
    return range && state.doc.lineAt(lineStart).to === range.from ? range : null
  })
}

/** Folds the header (writers mostly edit it through the form); returns whether it was folded. */
export function foldHeader(view: EditorView): boolean {
  const range = headerFoldRange(view.state)
  if (!range) return false
  view.dispatch({ effects: foldEffect.of(range) })
  return true
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
