/**
 * The index's verdict on an article's bytes (encodingProblem) against the editor's decoder
 * (decode): the `folio` command reports what the index noted, so both must agree on every input.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { decode, encodingProblem } from '../../../electron/workspace/encoding'

/** What decode() says, in the index's terms. */
function fromDecode(bytes: Uint8Array): ReturnType<typeof encodingProblem> {
  const { problem, invalidAt } = decode(bytes, 'x.md')
  if (problem === 'utf-16') return { code: 'utf-16', line: 1 }
  if (problem !== 'not-utf-8') return null
  let line = 1
  for (let i = 0; i < invalidAt; i++) if (bytes[i] === 0x0a) line++
  return { code: 'invalid-utf8', line }
}

const enc = new TextEncoder()
const bytesOf = (...parts: (string | number[])[]): Uint8Array => Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...enc.encode(p)] : p)))

describe('encodingProblem', () => {
  it('names UTF-16, bad bytes with their line, and nothing for good UTF-8 (with or without a BOM)', () => {
    expect(encodingProblem(bytesOf('---\ntitle: 标题\n---\n正文\n'))).toBeNull()
    expect(encodingProblem(bytesOf([0xef, 0xbb, 0xbf], '---\r\ntitle: x\r\n---\r\n'))).toBeNull()
    expect(encodingProblem(bytesOf('---\ntitle: x\n---\n\nline 5 ', [0xc3, 0x28], '\n'))).toEqual({ code: 'invalid-utf8', line: 5 })
    expect(encodingProblem(bytesOf([0xef, 0xbb, 0xbf], 'a\n', [0xff]))).toEqual({ code: 'invalid-utf8', line: 2 })
    expect(encodingProblem(Uint8Array.from([0xff, 0xfe, 0x2d, 0, 0x2d, 0, 0x2d, 0]))).toEqual({ code: 'utf-16', line: 1 })
    // An author's own U+FFFD is valid UTF-8.
    expect(encodingProblem(bytesOf('title: \uFFFD\n'))).toBeNull()
    // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8.
    for (const bad of [
      [0xc0, 0xaf],
      [0xe0, 0x80, 0xaf],
      [0xed, 0xa0, 0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      expect(encodingProblem(bytesOf('x\n', bad))).toEqual({ code: 'invalid-utf8', line: 2 })
    }
  })

  it('agrees with the editor decoder on any bytes', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'binary' }).map((s) => [...enc.encode(s)]),
      fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 6 }),
      fc.constantFrom([10], [13, 10], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98, 0x80]),
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const bytes = Uint8Array.from(pieces.flat())
        expect(encodingProblem(bytes)).toEqual(fromDecode(bytes))
      }),
      { numRuns: 2000 },
    )
  })
})
