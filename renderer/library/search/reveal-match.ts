import { EditorSelection } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import type { SearchMatch } from '../../../shared/contract'

/**
 * Selects a search match in the open article and scrolls it to the middle of the editor. The
 * buffer may hold edits made since the search: when the text at the reported place differs, the
 * nearest occurrence of the matched text is taken instead.
 */
export function revealMatch(view: EditorView, match: SearchMatch): void {
  const doc = view.state.doc
  const line = doc.line(Math.min(Math.max(1, match.line), doc.lines))
  let from = Math.min(line.from + match.column, doc.length)
  if (doc.sliceString(from, from + match.length) !== match.text) {
    const text = doc.toString()
    const after = text.indexOf(match.text, line.from)
    const before = text.lastIndexOf(match.text, line.from)
    const near = [after, before].filter((at) => at !== -1).sort((a, b) => Math.abs(a - line.from) - Math.abs(b - line.from))[0]
    if (near !== undefined) from = near
  }
  const to = Math.min(from + match.length, doc.length)
  view.dispatch({ selection: EditorSelection.single(from, to), effects: EditorView.scrollIntoView(from, { y: 'center' }) })
  view.focus()
}
