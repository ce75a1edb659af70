// @vitest-environment jsdom
/** revealMatch in a real EditorView: the reported match is selected, or the nearest copy of its text when the buffer changed since the search. */
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import { revealMatch } from '../../../../../renderer/library/search/reveal-match'
import type { SearchMatch } from '../../../../../shared/contract'

let view: EditorView | null = null
afterEach(() => {
  view?.destroy()
  view = null
})

function open(doc: string): EditorView {
  view = new EditorView({ state: EditorState.create({ doc }), parent: document.body })
  return view
}

const match = (line: number, column: number, text: string): SearchMatch => ({
  line,
  column,
  length: text.length,
  text,
  snippet: text,
  matchStart: 0,
  matchEnd: text.length,
})

const selected = (v: EditorView) => {
  const { from, to } = v.state.selection.main
  return { text: v.state.sliceDoc(from, to), line: v.state.doc.lineAt(from).number, column: from - v.state.doc.lineAt(from).from }
}

describe('revealMatch', () => {
  it('selects the match where the search found it and focuses the editor', () => {
    const v = open('---\ntitle: 春天\n---\n\n春天来了，花都开了。\n')
    revealMatch(v, match(5, 0, '春天'))
    expect(selected(v)).toEqual({ text: '春天', line: 5, column: 0 })
    expect(v.hasFocus).toBe(true)
  })

  it('finds the text near its old place when lines were typed above it since the search', () => {
    const v = open('one\ntwo\nthe match here\nfour\n')
    v.dispatch({ changes: { from: 0, insert: 'new line\nand another\n' } })
    revealMatch(v, match(3, 4, 'match'))
    expect(selected(v)).toEqual({ text: 'match', line: 5, column: 4 })
  })

  it('of two copies, takes the one nearer the reported line, before it or after it', () => {
    const v = open('cat\n\n\n\n\n\n\n\nx\ncat\n')
    // The reported line 8 now reads '' (the text moved): 'cat' on line 10 is nearer than line 1.
    revealMatch(v, match(8, 0, 'cat'))
    expect(selected(v)).toEqual({ text: 'cat', line: 10, column: 0 })
    revealMatch(v, match(3, 0, 'cat'))
    expect(selected(v)).toEqual({ text: 'cat', line: 1, column: 0 })
  })

  it('keeps the reported place when the text is gone, and never selects past the end', () => {
    const v = open('short\nlast')
    revealMatch(v, match(2, 2, 'removed'))
    const { from, to } = v.state.selection.main
    expect([from, to]).toEqual([8, 10])
    revealMatch(v, match(40, 0, 'gone'))
    expect(v.state.selection.main.from).toBe(6)
  })
})
