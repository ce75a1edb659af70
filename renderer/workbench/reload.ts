import { EditorSelection, Transaction, type ChangeSpec, type EditorState, type SelectionRange, type Text, type TransactionSpec } from '@codemirror/state'
import { diffLines, type LineHunk } from '../../shared/line-diff'

function linesOf(doc: Text): string[] {
  const lines: string[] = []
  for (const line of doc.iterLines()) lines.push(line)
  return lines
}

/** Where line `i` (0-based) starts; the line after the last starts one past the end. */
function lineStart(doc: Text, i: number): number {
  return i < doc.lines ? doc.line(i + 1).from : doc.length + 1
}

/**
 * The change that turns lines [fromA, toA) of `a` into lines [fromB, toB) of `b`. Inserts are Text, not
 * strings: a string would be split on the file's own line separator only, and \n kept inside a line.
 */
function changeOf(a: Text, b: Text, h: LineHunk): ChangeSpec {
  if (h.toA < a.lines) {
    return { from: lineStart(a, h.fromA), to: lineStart(a, h.toA), insert: b.slice(lineStart(b, h.fromB), lineStart(b, h.toB)) }
  }
  // Up to the end: the last line has no break after it, so take the break before the hunk instead.
  if (h.fromA === 0 || h.fromB === 0) return { from: 0, to: a.length, insert: b }
  return { from: lineStart(a, h.fromA) - 1, to: a.length, insert: b.slice(lineStart(b, h.fromB) - 1, b.length) }
}

/** A position on the same line as before: unchanged lines move with the lines added or removed above. */
function mapPosition(a: Text, b: Text, hunks: readonly LineHunk[], pos: number): number {
  const line = a.lineAt(pos)
  const index = line.number - 1
  const column = pos - line.from
  let shift = 0
  for (const h of hunks) {
    if (index < h.fromA) break
    if (index < h.toA) {
      // An edited line: the same line of the new version of the hunk, or its first line after it.
      if (h.toB === h.fromB) return Math.min(lineStart(b, h.fromB), b.length)
      const target = b.line(h.fromB + Math.min(index - h.fromA, h.toB - h.fromB - 1) + 1)
      return Math.min(target.from + column, target.to)
    }
    shift += h.toB - h.fromB - (h.toA - h.fromA)
  }
  const target = b.line(index + shift + 1)
  return Math.min(target.from + column, target.to)
}

/**
 * The transaction that shows a newer version of the file (`text`, with its own line endings) in
 * `state`: only the lines that differ are replaced, the cursor and selections stay on their
 * lines, and undo does not step back into the other program's change.
 */
export function reloadTransaction(state: EditorState, text: string): TransactionSpec & { selection: EditorSelection } {
  const a = state.doc
  const b = state.toText(text)
  const hunks = diffLines(linesOf(a), linesOf(b))
  const map = (range: SelectionRange): SelectionRange => EditorSelection.range(mapPosition(a, b, hunks, range.anchor), mapPosition(a, b, hunks, range.head))
  return {
    changes: hunks.map((h) => changeOf(a, b, h)),
    selection: EditorSelection.create(state.selection.ranges.map(map), state.selection.mainIndex),
    annotations: Transaction.addToHistory.of(false),
    userEvent: 'reload',
  }
}
