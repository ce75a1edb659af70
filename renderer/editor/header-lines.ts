import { RangeSetBuilder, StateField, type EditorState, type Extension, type Transaction } from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'
import { detect } from '../../shared/frontmatter'

/**
 * Marks the header's lines: Markdown would otherwise read `key: value` followed by the closing
 * `---` as a setext heading. The header is styled as data instead.
 */
const headerLine = Decoration.line({ class: 'cm-folio-header' })

interface HeaderLines {
  decorations: DecorationSet
  /** End of the header block (-1 without one): the text before it alone decides the block. */
  end: number
}

function build(state: EditorState): HeaderLines {
  const block = detect(state.doc.sliceString(0, Math.min(state.doc.length, 256 * 1024))).block
  const builder = new RangeSetBuilder<Decoration>()
  if (block) {
    const end = Math.max(block.from, block.to - 1)
    for (let pos = state.doc.lineAt(block.from).from; pos <= end; ) {
      const line = state.doc.lineAt(pos)
      builder.add(line.from, line.from, headerLine)
      pos = line.to + 1
    }
  }
  return { decorations: builder.finish(), end: block ? block.to : -1 }
}

/** Whether every change starts after the header block, so the block stays as it was. */
function afterHeader(value: HeaderLines, tr: Transaction): boolean {
  if (value.end < 0) return false
  let after = true
  tr.changes.iterChangedRanges((fromA) => (after &&= fromA >= value.end))
  return after
}

export function headerLines(): Extension {
  return StateField.define<HeaderLines>({
    create: build,
    update: (value, tr) => {
      if (!tr.docChanged) return value
      // Typing in the body: nothing to detect again (which cost ~1 ms a keystroke on a big article).
      if (afterHeader(value, tr)) return { decorations: value.decorations.map(tr.changes), end: value.end }
      return build(tr.state)
    },
    provide: (field) => EditorView.decorations.from(field, (value) => value.decorations),
  })
}
