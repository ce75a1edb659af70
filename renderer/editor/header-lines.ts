/**
 * Styles the header's lines as the data they are: Markdown would read `key: value` followed by
 * the closing `---` as a setext heading. Each header line gets `cm-folio-header` (the theme resets
 * Markdown's styling inside it) and its tokens are coloured as YAML, TOML or JSON.
 */
import { StateField, type EditorState, type Extension, type Range } from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'
import { headerBlock, headerOf } from './header-block'
import { headerTokens, type HeaderTokenKind } from './header-tokens'

const headerLine = Decoration.line({ class: 'cm-folio-header' })
const marks = new Map<HeaderTokenKind, Decoration>()
function mark(kind: HeaderTokenKind): Decoration {
  let m = marks.get(kind)
  if (!m) marks.set(kind, (m = Decoration.mark({ class: `cm-folio-h-${kind}` })))
  return m
}

function build(state: EditorState): DecorationSet {
  const header = headerOf(state)
  if (!header.block || !header.content) return Decoration.none
  const ranges: Range<Decoration>[] = []
  const last = Math.max(header.block.from, header.block.to - 1)
  for (let pos = state.doc.lineAt(header.block.from).from; pos <= last;) {
    const line = state.doc.lineAt(pos)
    ranges.push(headerLine.range(line.from))
    pos = line.to + 1
  }
  for (const token of headerTokens(state.doc, header.format, header.block, header.content)) {
    ranges.push(mark(token.kind).range(token.from, token.to))
  }
  return Decoration.set(ranges, true)
}

const headerStyle = StateField.define<DecorationSet>({
  create: build,
  update(decorations, tr) {
    // The same header value means no change reached it: map instead of tokenizing again.
    if (tr.state.field(headerBlock, false) !== tr.startState.field(headerBlock, false)) return build(tr.state)
    return tr.docChanged ? decorations.map(tr.changes) : decorations
  },
  provide: (field) => EditorView.decorations.from(field),
})

export function headerLines(): Extension {
  return [headerBlock, headerStyle]
}
