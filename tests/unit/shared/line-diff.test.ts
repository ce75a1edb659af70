import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diffLines, spanHunk, textHunks, type LineHunk } from '../../../shared/line-diff'

/** Applies hunks to a, taking the new lines from b: must give b back. */
function apply(a: readonly string[], b: readonly string[], hunks: readonly LineHunk[]): string[] {
  const out: string[] = []
  let at = 0
  for (const h of hunks) {
    out.push(...a.slice(at, h.fromA), ...b.slice(h.fromB, h.toB))
    at = h.toA
  }
  return [...out, ...a.slice(at)]
}

describe('line diff', () => {
  it('finds separate edits as separate hunks, unchanged lines between them untouched', () => {
    const a = ['---', 'title: A', 'date: 1', '---', '', 'one', 'two', 'three', 'four']
    const b = ['---', 'title: A longer title', 'tags: [x]', 'date: 1', '---', '', 'one', 'two', 'three', 'four', 'five']
    expect(diffLines(a, b)).toEqual([
      { fromA: 1, toA: 2, fromB: 1, toB: 3 },
      { fromA: 9, toA: 9, fromB: 10, toB: 11 },
    ])
  })

  it('equal texts have no hunks; a rewrite past the budget is one hunk', () => {
    expect(diffLines(['a', 'b'], ['a', 'b'])).toEqual([])
    const a = Array.from({ length: 50 }, (_, i) => `a${i}`)
    const b = Array.from({ length: 50 }, (_, i) => `b${i}`)
    expect(diffLines(a, b, 10)).toEqual([{ fromA: 0, toA: 50, fromB: 0, toB: 50 }])
  })

  it('always rebuilds the new text, with hunks in order and never touching', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', '', '---'), { maxLength: 30 })
    fc.assert(
      fc.property(lines, lines, fc.integer({ min: 0, max: 60 }), (a, b, budget) => {
        const hunks = diffLines(a, b, budget)
        expect(apply(a, b, hunks)).toEqual(b)
        for (let i = 1; i < hunks.length; i++) expect((hunks[i] as LineHunk).fromA).toBeGreaterThan((hunks[i - 1] as LineHunk).toA)
      }),
      { numRuns: 500 },
    )
  })
})

describe('textHunks: what a move preview shows', () => {
  it('shows each changed run where it is, with line numbers of the old text', () => {
    const before = 'a\n![x](old.png)\nb\nc\nd\n[y](old.png)\n'
    const after = 'a\n![x](new.png)\nb\nc\nd\n[y](new.png)\n'
    expect(textHunks(before, after)).toEqual([
      { line: 2, removed: ['![x](old.png)'], added: ['![x](new.png)'] },
      { line: 6, removed: ['[y](old.png)'], added: ['[y](new.png)'] },
    ])
  })

  it('counts a changed line ending as a change and shows the lines without their endings', () => {
    expect(textHunks('a\r\nb\r\n', 'a\r\nb\n')).toEqual([{ line: 2, removed: ['b'], added: ['b'] }])
  })

  it('is empty for equal texts', () => {
    expect(textHunks('same\n', 'same\n')).toEqual([])
  })
})

describe('spanHunk: one change as one piece', () => {
  it('spans from the first to the last changed line, keeping unchanged lines between', () => {
    expect(spanHunk('t: a\nx\nu: b\nz\n', 't: A\nx\nu: B\nz\n')).toEqual({ line: 1, removed: ['t: a', 'x', 'u: b'], added: ['t: A', 'x', 'u: B'] })
  })

  it('numbers lines from where the piece starts in its file', () => {
    expect(spanHunk('keep\nfoo\nbar\n', 'keep\nbar\n', 40)).toEqual({ line: 41, removed: ['foo'], added: [] })
  })

  it('reads CRLF lines and a last line without an ending', () => {
    expect(spanHunk('a\r\nb', 'a\r\nc')).toEqual({ line: 2, removed: ['b'], added: ['c'] })
  })
})
