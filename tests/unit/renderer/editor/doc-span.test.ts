/**
 * docSpan against the plain string comparison it replaces (shared/changed-span.ts): on real
 * CodeMirror documents large enough to be trees, after edits made through transactions (which
 * share the untouched subtrees) and between documents made separately (which share nothing).
 */
import { EditorState, Text } from '@codemirror/state'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'
import { changedSpan } from '../../../../shared/changed-span'
import { docSpan, joinedLength, joinedOffset, joinedText } from '../../../../renderer/editor/doc-span'

const LINES = ['第一节 云计算', 'plain words here', '', '😀 emoji 𠀋 line', '- [link](a.png)', '```js', 'const x = 1', '```']

function bigDoc(lines: number): Text {
  return Text.of(Array.from({ length: lines }, (_, i) => `${LINES[i % LINES.length]} ${i}`))
}

/** The span docSpan finds, as changedSpan states it. */
function asChanged(a: Text, b: Text) {
  const span = docSpan(a, b)
  return span === null ? null : { from: span.fromA, to: span.toA, insert: b.sliceString(span.fromB, span.toB) }
}

function expected(a: Text, b: Text) {
  const x = a.toString()
  const y = b.toString()
  return x === y ? null : changedSpan(x, y)
}

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat(40),
  insert: fc.string({ unit: fc.constantFrom('a', '中', '\n', '😀', ' ', 'x') }),
})

describe('docSpan', () => {
  it('finds the one span a run of edits changed, as a string comparison does', () => {
    const start = EditorState.create({ doc: bigDoc(3_000) })
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let state = start
        for (const { at, remove, insert } of edits) {
          const from = Math.floor(at * state.doc.length)
          state = state.update({ changes: { from, to: Math.min(state.doc.length, from + remove), insert } }).state
        }
        expect(asChanged(start.doc, state.doc)).toEqual(expected(start.doc, state.doc))
      }),
      { numRuns: 200 },
    )
  })

  it('compares documents that share no subtree', () => {
    const a = bigDoc(2_000)
    const lines = a.toJSON()
    lines[1_234] = lines[1_234] + ' typed'
    const b = Text.of(lines)
    expect(asChanged(a, b)).toEqual(expected(a, b))
    expect(docSpan(a, Text.of(a.toJSON()))).toBeNull()
  })

  it('is null for the same text and whole for an emptied one', () => {
    const a = bigDoc(500)
    expect(docSpan(a, a)).toBeNull()
    expect(asChanged(a, Text.empty)).toEqual({ from: 0, to: a.length, insert: '' })
    expect(asChanged(Text.empty, a)).toEqual({ from: 0, to: 0, insert: a.toString() })
  })

  it('tells a line break from a lone \\n inside a CRLF file’s line', () => {
    const a = Text.of(['\n---', 'x'])
    const b = Text.of(['', '\n---', 'x'])
    const span = docSpan(a, b)!
    const made = a.replace(span.fromA, span.toA, b.slice(span.fromB, span.toB))
    expect(made.toJSON()).toEqual(b.toJSON())
  })

  it('never cuts a surrogate pair', () => {
    const a = Text.of(['a😀b'])
    const b = Text.of(['a😃b'])
    const span = asChanged(a, b)!
    expect(span).toEqual({ from: 1, to: 3, insert: '😃' })
  })

  it('maps positions into the text joined with a CRLF file’s own line breaks', () => {
    const doc = Text.of(['one', 'two', 'three'])
    const joined = doc.sliceString(0, doc.length, '\r\n')
    expect(joinedLength(doc, '\r\n')).toBe(joined.length)
    for (let pos = 0; pos <= doc.length; pos++) {
      expect(joined.slice(joinedOffset(doc, pos, '\r\n'))).toBe(doc.sliceString(pos, doc.length, '\r\n'))
    }
    expect(joinedOffset(doc, 5, '\n')).toBe(5)
  })
})

describe('joinedText', () => {
  it('makes each version’s text from the last one’s, the same as joining the document', () => {
    const start = EditorState.create({ doc: bigDoc(3_000) })
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let state = start
        let last = { doc: start.doc, text: start.doc.toString() }
        for (const { at, remove, insert } of edits) {
          const from = Math.floor(at * state.doc.length)
          state = state.update({ changes: { from, to: Math.min(state.doc.length, from + remove), insert } }).state
          last = { doc: state.doc, text: joinedText(last, state.doc) }
          expect(last.text).toBe(state.doc.toString())
        }
      }),
      { numRuns: 100 },
    )
  })

  it('joins the document only without an earlier version', () => {
    const doc = bigDoc(3_000)
    const after = EditorState.create({ doc }).update({ changes: { from: doc.length / 2, insert: '中文' } }).state.doc
    const joins = vi.spyOn(Text.prototype, 'toString')
    try {
      const first = joinedText(null, doc)
      expect(joins).toHaveBeenCalledTimes(1)
      expect(joinedText({ doc, text: first }, after)).toBe(after.sliceString(0))
      expect(joins).toHaveBeenCalledTimes(1)
    } finally {
      joins.mockRestore()
    }
  })
})
