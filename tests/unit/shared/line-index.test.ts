import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LineIndex } from '../../../shared/line-index'

/** Line and column counted the slow way: every '\n' before the offset starts a new line. */
function counted(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n')
  return { line: before.length, column: (before.at(-1) ?? '').length + 1 }
}

describe('LineIndex', () => {
  const text = '---\r\ntitle: 标题\r\n---\n\n正文第一行\nlast'

  it('gives line and column of offsets asked in any order', () => {
    const lines = new LineIndex(text)
    const end = text.length
    for (const offset of [end, 0, text.indexOf('标题'), text.indexOf('正文'), 3, 4, 5, text.indexOf('last')]) {
      expect(lines.at(offset), `offset ${offset}`).toEqual(counted(text, offset))
      expect(lines.line(offset)).toBe(counted(text, offset).line)
    }
  })

  it('keeps a newline at the offset on the line it ends, and a CR before it on its line', () => {
    const lines = new LineIndex('a\r\nb')
    expect(lines.at(1)).toEqual({ line: 1, column: 2 })
    expect(lines.at(2)).toEqual({ line: 1, column: 3 })
    expect(lines.at(3)).toEqual({ line: 2, column: 1 })
  })

  it('says where a line starts, and the text length past the last line', () => {
    const lines = new LineIndex('one\ntwo\n\nfour')
    expect([1, 2, 3, 4, 5, 9].map((line) => lines.startOf(line))).toEqual([0, 4, 8, 9, 13, 13])
    // Lookups by offset after lookups by line read the same starts.
    expect(lines.at(10)).toEqual({ line: 4, column: 2 })
    expect(new LineIndex('').startOf(1)).toBe(0)
    expect(new LineIndex('a\n').startOf(2)).toBe(2)
  })

  it('agrees with counting for any text and any order of lookups', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '中', '\n', '\r', ' ') }), fc.array(fc.nat()), (s, picks) => {
        const lines = new LineIndex(s)
        for (const pick of picks) {
          const offset = pick % (s.length + 1)
          expect(lines.at(offset)).toEqual(counted(s, offset))
          const { line } = counted(s, offset)
          expect(lines.startOf(line)).toBe(offset - counted(s, offset).column + 1)
        }
      }),
    )
  })
})
