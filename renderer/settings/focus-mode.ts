/**
 * Focus mode: every line outside the paragraph holding the cursor is dimmed, so the sentence being
 * written stands out. A paragraph is a run of non-blank lines, as Markdown reads it. Only the
 * lines on screen are decorated, so a long article costs nothing more.
 */
import { RangeSetBuilder, type EditorState, type Extension } from '@codemirror/state'
import { Decoration, EditorView, ViewPlugin, type DecorationSet, type ViewUpdate } from '@codemirror/view'

const dimmed = Decoration.line({ class: 'cm-folio-dimmed' })

/** The first and last line numbers of the paragraph around the cursor (a blank line is its own). */
export function currentParagraph(state: EditorState): { first: number; last: number } {
  const doc = state.doc
  const line = doc.lineAt(state.selection.main.head)
  if (line.text.trim() === '') return { first: line.number, last: line.number }
  let first = line.number
  while (first > 1 && doc.line(first - 1).text.trim() !== '') first--
  let last = line.number
  while (last < doc.lines && doc.line(last + 1).text.trim() !== '') last++
  return { first, last }
}

function decorate(view: EditorView): DecorationSet {
  const { first, last } = currentParagraph(view.state)
  const builder = new RangeSetBuilder<Decoration>()
  const doc = view.state.doc
  for (const range of view.visibleRanges) {
    for (let n = doc.lineAt(range.from).number, end = doc.lineAt(range.to).number; n <= end; n++) {
      if (n < first || n > last) {
        const line = doc.line(n)
        builder.add(line.from, line.from, dimmed)
      }
    }
  }
  return builder.finish()
}

const plugin = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = decorate(view)
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.selectionSet || update.viewportChanged) this.decorations = decorate(update.view)
    }
  },
  { decorations: (value) => value.decorations },
)

const theme = EditorView.theme({
  '.cm-line': { transition: 'opacity 120ms ease-out' },
  '.cm-line.cm-folio-dimmed': { opacity: '0.3' },
})

export function focusMode(): Extension {
  return [plugin, theme]
}
