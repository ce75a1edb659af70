import { foldEffect, foldService, foldedRanges } from '@codemirror/language'
import type { EditorState, Extension, Text } from '@codemirror/state'
import type { EditorView } from '@codemirror/view'
import { detect } from '../../shared/frontmatter'

type Range = { from: number; to: number } | null

/**
 * The fold gutter asks the fold service about every visible line after every change: detect once
 * per document, and on its first 256 KB as header-lines.ts does (joining 1 MB per line per
 * keystroke made typing take hundreds of milliseconds).
 */
const ranges = new WeakMap<Text, Range>()

/** The header's lines after the opening fence, so folding leaves the fence visible as a handle. */
export function headerFoldRange(state: EditorState): Range {
  const known = ranges.get(state.doc)
  if (known !== undefined) return known
  const detection = detect(state.doc.sliceString(0, Math.min(state.doc.length, 256 * 1024)))
  let range: Range = null
  if (detection.block && detection.content) {
    const first = state.doc.lineAt(detection.block.from)
    const last = state.doc.lineAt(Math.max(detection.block.from, detection.block.to - 1))
    if (last.number > first.number) range = { from: first.to, to: last.to }
  }
  ranges.set(state.doc, range)
  return range
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
