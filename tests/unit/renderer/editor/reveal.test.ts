// @vitest-environment jsdom
/** revealLine in a real EditorView: the cursor lands on the line, a fold that hides it opens, others stay. */
import { codeFolding, foldEffect, foldedRanges } from '@codemirror/language'
import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { afterEach, describe, expect, it } from 'vitest'
import { revealLine } from '../../../../renderer/editor/reveal'

let view: EditorView | null = null
afterEach(() => {
  view?.destroy()
  view = null
})

const DOC = ['---', 'title: 标题', '---', '', '第一段。', '', '## 小标题', '', '第二段。', '最后一行。'].join('\n')

function open(): EditorView {
  view = new EditorView({ state: EditorState.create({ doc: DOC, extensions: codeFolding() }), parent: document.body })
  return view
}

const folds = (v: EditorView) => {
  const out: [number, number][] = []
  foldedRanges(v.state).between(0, v.state.doc.length, (from, to) => void out.push([from, to]))
  return out
}

describe('revealLine', () => {
  it('puts the cursor at the start of the line and gives the editor the focus', () => {
    const v = open()
    revealLine(v, 7)
    expect(v.state.selection.main.empty).toBe(true)
    expect(v.state.selection.main.head).toBe(v.state.doc.line(7).from)
    expect(v.hasFocus).toBe(true)
  })

  it('takes a line outside the article as its first or last line', () => {
    const v = open()
    revealLine(v, 0)
    expect(v.state.selection.main.head).toBe(0)
    revealLine(v, 99)
    expect(v.state.selection.main.head).toBe(v.state.doc.line(10).from)
  })

  it('opens the fold hiding the line and keeps the folds that do not', () => {
    const v = open()
    const header = { from: v.state.doc.line(1).to, to: v.state.doc.line(3).to }
    const section = { from: v.state.doc.line(7).to, to: v.state.doc.line(10).to }
    v.dispatch({ effects: [foldEffect.of(header), foldEffect.of(section)] })
    expect(folds(v)).toEqual([
      [header.from, header.to],
      [section.from, section.to],
    ])
    revealLine(v, 9)
    expect(folds(v)).toEqual([[header.from, header.to]])
    expect(v.state.selection.main.head).toBe(v.state.doc.line(9).from)
  })

  it('opens a fold that ends exactly where the line starts (an empty line closing the fold), which moving the cursor alone would leave shut', () => {
    const v = open()
    const fold = { from: v.state.doc.line(1).to, to: v.state.doc.line(4).to }
    expect(v.state.doc.line(4).text).toBe('')
    v.dispatch({ effects: foldEffect.of(fold) })
    revealLine(v, 4)
    expect(folds(v)).toEqual([])
    expect(v.state.selection.main.head).toBe(fold.to)
  })

  it('keeps a heading’s own fold closed when revealing the heading: the fold starts after the line does', () => {
    const v = open()
    const section = { from: v.state.doc.line(7).to, to: v.state.doc.line(10).to }
    v.dispatch({ effects: foldEffect.of(section) })
    revealLine(v, 7)
    expect(folds(v)).toEqual([[section.from, section.to]])
    expect(v.state.selection.main.head).toBe(v.state.doc.line(7).from)
  })
})
