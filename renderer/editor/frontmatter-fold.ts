import { foldEffect, foldService, foldedRanges } from '@codemirror/language'
import { StateField, type EditorState, type Extension } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { detect } from '../../shared/frontmatter'

type Range = { from: number; to: number } | null

function findRange(state: EditorState): Range {
  // The first 256 KB, as header-lines.ts does: joining a 1 MB document per change is too slow.
  const detection = detect(state.doc.sliceString(0, Math.min(state.doc.length, 256 * 1024)))
  if (!detection.block || !detection.content) return null
  const first = state.doc.lineAt(detection.block.from)
  const last = state.doc.lineAt(Math.max(detection.block.from, detection.block.to - 1))
  return last.number > first.number ? { from: first.to, to: last.to } : null
}

/**
 * The range kept with the state: the fold gutter asks the fold service about every visible line
 * after every change, and a change after the header's last line cannot move or alter it.
 */
const headerRange = StateField.define<Range>({
  create: findRange,
  update(range, tr) {
    if (!tr.docChanged) return range
    let after = range !== null
    tr.changes.iterChangedRanges((fromA) => (after &&= range !== null && fromA > range.to))
    return after ? range : findRange(tr.state)
  },
})

/** The header's lines after the opening fence, so folding leaves the fence visible as a handle. */
export function headerFoldRange(state: EditorState): Range {
  const kept = state.field(headerRange, false)
  return kept === undefined ? findRange(state) : kept
}

/** Lets the user fold and unfold the header block like any other region. */
export function headerFolding(): Extension {
  return [
    headerRange,
    foldService.of((state, lineStart) => {
      const range = headerFoldRange(state)
      return range && state.doc.lineAt(lineStart).to === range.from ? range : null
    }),
  ]
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
