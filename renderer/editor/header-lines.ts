/**
 * Styles the header's lines as the data they are: Markdown would read `key: value` followed by
 * the closing `---` as a setext heading. Each header line gets `cm-folio-header` (the theme resets
 * Markdown's styling inside it) and its tokens are coloured as YAML, TOML or JSON.
 */
import { StateField, type EditorState, type Extension, type Line, type Range, type Transaction } from '@codemirror/state'
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view'
import { headerBlock, headerOf, type HeaderBlock } from './header-block'
import { headerLineTokens, headerTokens, type HeaderTokenKind } from './header-tokens'

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

/**
 * The one header line a change edits without changing any other line's styling: every change in
 * the same line, no line break added or removed, the block's bounds and format as they were, and
 * (YAML) a top-level line that neither was nor becomes the start of a block scalar, whose lines
 * below are styled as its text. Null when the change may restyle more.
 */
function restyledLine(tr: Transaction, before: HeaderBlock, after: HeaderBlock): Line | null {
  if (!before.block || !before.content || !after.block || !after.content || before.format !== after.format) return null
  const { changes } = tr
  const mapped = (r: { from: number; to: number }) => ({ from: changes.mapPos(r.from), to: changes.mapPos(r.to) })
  const block = mapped(before.block)
  const content = mapped(before.content)
  if (block.from !== after.block.from || block.to !== after.block.to || content.from !== after.content.from || content.to !== after.content.to) return null
  const oldDoc = tr.startState.doc
  const doc = tr.state.doc
  let line: Line | null = null
  let oldLine: Line | null = null
  let single = true
  changes.iterChanges((fromA, toA, fromB, toB, inserted) => {
    const a = oldDoc.lineAt(fromA)
    const b = doc.lineAt(fromB)
    if (inserted.lines > 1 || oldDoc.lineAt(toA).number !== a.number || doc.lineAt(toB).number !== b.number) single = false
    if ((line && line.number !== b.number) || (oldLine && oldLine.number !== a.number)) single = false
    line = b
    oldLine = a
  })
  const edited = line as Line | null
  const old = oldLine as Line | null
  if (!single || !edited || !old || edited.from < after.content.from || edited.from >= after.content.to) return null
  if (after.format !== 'yaml') return edited
  const topLevel = (l: Line) => /^[^ \t]/.test(l.text) && !headerLineTokens(l, 'yaml').opensBlock
  return topLevel(old) && topLevel(edited) ? edited : null
}

const headerStyle = StateField.define<DecorationSet>({
  create: build,
  update(decorations, tr) {
    const before = tr.startState.field(headerBlock, false)
    const after = tr.state.field(headerBlock, false)
    // The same header value means no change reached it: map instead of tokenizing again.
    if (after === before) return tr.docChanged ? decorations.map(tr.changes) : decorations
    // A form write or a key typed in one header line: that line's tokens anew, the rest mapped.
    const line = tr.docChanged && before && after ? restyledLine(tr, before, after) : null
    if (!line || !after) return build(tr.state)
    return decorations.map(tr.changes).update({
      filterFrom: line.from,
      filterTo: line.to,
      filter: (_from, _to, deco) => deco === headerLine,
      add: headerLineTokens(line, after.format).tokens.map((t) => mark(t.kind).range(t.from, t.to)),
      sort: true,
    })
  },
  provide: (field) => EditorView.decorations.from(field),
})

export function headerLines(): Extension {
  return [headerBlock, headerStyle]
}
