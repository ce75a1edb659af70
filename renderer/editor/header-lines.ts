import { RangeSetBuilder, StateField, type EditorState, type Extension } from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'
import { detect } from '../../shared/frontmatter'

/**
 * Marks the header's lines: Markdown would otherwise read `key: value` followed by the closing
 * `---` as a setext heading. The header is styled as data instead.
 */
const headerLine = Decoration.line({ class: 'cm-folio-header' })

function build(state: EditorState): DecorationSet {
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
  return builder.finish()
}

export function headerLines(): Extension {
  return StateField.define<DecorationSet>({
    create: build,
    update: (value, tr) => (tr.docChanged ? build(tr.state) : value),
    provide: (field) => EditorView.decorations.from(field),
  })
}
