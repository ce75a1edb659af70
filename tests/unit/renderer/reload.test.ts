import { EditorSelection, EditorState } from '@codemirror/state'
import { history, undo } from '@codemirror/commands'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { reloadTransaction } from '../../../renderer/workbench/reload'

const ARTICLE = '---\ntitle: Hello\ndate: 2024-05-01\n---\n\nFirst paragraph.\n\nSecond paragraph.\n'

function at(text: string, marker: string): number {
  const pos = text.indexOf(marker)
  if (pos < 0) throw new Error(`no ${marker}`)
  return pos
}

describe('reload in place', () => {
  it('keeps the cursor on its line when the header grows above it', () => {
    const state = EditorState.create({ doc: ARTICLE, selection: { anchor: at(ARTICLE, 'Second') + 7 } })
    const disk = ARTICLE.replace('title: Hello\n', 'title: Hello, a longer title\ntags: [news]\n')
    const next = state.update(reloadTransaction(state, disk)).state
    expect(next.doc.toString()).toBe(disk)
    expect(next.selection.main.head).toBe(at(disk, 'Second') + 7)
  })

  it('an edited cursor line keeps the line and column; a removed one goes to the line after', () => {
    const state = EditorState.create({ doc: ARTICLE, selection: { anchor: at(ARTICLE, 'First') + 5 } })
    const edited = ARTICLE.replace('First paragraph.', 'Die erste Absatz, rewritten.')
    expect(state.update(reloadTransaction(state, edited)).state.selection.main.head).toBe(at(edited, 'Die erste') + 5)
    const removed = ARTICLE.replace('First paragraph.\n\n', '')
    const after = state.update(reloadTransaction(state, removed)).state
    expect(after.doc.toString()).toBe(removed)
    expect(after.selection.main.head).toBe(at(removed, 'Second'))
  })

  it('follows the file’s own line endings and keeps undo away from the other program’s change', () => {
    const crlf = ARTICLE.replaceAll('\n', '\r\n')
    const state = EditorState.create({
      doc: crlf,
      extensions: [EditorState.lineSeparator.of('\r\n'), history()],
      selection: { anchor: 0 },
    })
    const typed = state.update({ changes: { from: state.doc.length, insert: 'Mine.' }, selection: { anchor: 0 } }).state
    const disk = typed.sliceDoc().replace('title: Hello', 'title: Theirs')
    const reloaded = typed.update(reloadTransaction(typed, disk)).state
    expect(reloaded.sliceDoc()).toBe(disk)
    let undone = reloaded
    undo({ state: reloaded, dispatch: (tr) => (undone = tr.state) })
    // Undo takes back the typing, not the reload.
    expect(undone.sliceDoc()).toBe(crlf.replace('title: Hello', 'title: Theirs'))
  })

  it('always yields the disk text, with every selection inside the document', () => {
    const line = fc.constantFrom('---', 'title: A', 'x', '', '正文一行', 'tags: [a, b]')
    const lines = fc.array(line, { maxLength: 12 })
    fc.assert(
      fc.property(lines, lines, fc.constantFrom('\n', '\r\n'), fc.nat(), fc.nat(), (old, disk, eol, p, q) => {
        const before = old.join(eol)
        const after = disk.join(eol)
        const empty = EditorState.create({ doc: before, extensions: [EditorState.allowMultipleSelections.of(true), EditorState.lineSeparator.of(eol)] })
        const size = empty.doc.length + 1
        const state = empty.update({ selection: EditorSelection.create([EditorSelection.cursor(p % size), EditorSelection.range(0, q % size)]) }).state
        const next = state.update(reloadTransaction(state, after)).state
        expect(next.sliceDoc()).toBe(after)
        for (const r of next.selection.ranges) expect(r.to).toBeLessThanOrEqual(next.doc.length)
      }),
      { numRuns: 400 },
    )
  })
})
