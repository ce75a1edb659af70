import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countOn, statsOf, statsStart, textStats } from '../../../shared/text-stats'

/** Pieces that meet at slice edges in every way: CJK, words with joiners, markup of each kind, surrogate pairs, spaces. */
const PIECES = [
  '写',
  '字。',
  'word',
  "don't",
  'well-known',
  ' ',
  '\n',
  '<p>',
  '</div>',
  '<!-- c -->',
  '<!--',
  '-->',
  '<',
  '>',
  '{% x %}',
  '{%',
  '%}',
  '[a](b)',
  '](',
  ')',
  ']',
  '𠀀',
  '😀',
  '\uD840',
  'café',
  '세계',
  '-',
  "'",
]

/** Counts `text` a slice of `size` at a time, as the status bar does while the window is idle. */
function inSlices(text: string, size: number) {
  let progress = statsStart()
  while (progress.at < text.length) progress = countOn(text, progress, progress.at + size)
  return statsOf(progress)
}

describe('textStats', () => {
  it('counts Chinese by character, never by spaces', () => {
    expect(textStats('这是第一篇文章。')).toMatchObject({ words: 7, cjkChars: 7 })
    expect(textStats('阿里云 或将 空降').words).toBe(7)
  })

  it('counts Japanese kana and kanji by character, Latin by words', () => {
    expect(textStats('京都の冬は静かでした')).toMatchObject({ cjkChars: 10, words: 10 })
    expect(textStats('Hello, world! 你好').words).toBe(4)
  })

  it("keeps don't and well-known as one word each; Korean counts by spaces", () => {
    expect(textStats("don't stop the well-known café").words).toBe(5)
    expect(textStats('안녕하세요 세계').words).toBe(2)
  })

  it('skips HTML tags, comments, Hexo tags and link targets', () => {
    expect(textStats('<div class="img_box" id="x"><p>两个字</p></div><!-- more -->{% asset_img a.png 图 %}').words).toBe(3)
    expect(textStats('[链接](https://example.com/long/path) text').words).toBe(3)
  })

  it('counts characters outside the supplementary plane once', () => {
    expect(textStats('𠀀𠀁').cjkChars).toBe(2)
    expect(textStats('𠀀𠀁').chars).toBe(2)
  })

  it('gives reading time in whole minutes: 400 CJK characters or 220 words a minute', () => {
    expect(textStats('').readingMinutes).toBe(0)
    expect(textStats('字').readingMinutes).toBe(1)
    expect(textStats('字'.repeat(1200)).readingMinutes).toBe(3)
    expect(textStats('word '.repeat(440)).readingMinutes).toBe(2)
  })

  it('counts the same a slice at a time as at once, wherever the slices end', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }), fc.integer({ min: 1, max: 12 }), (pieces, size) => {
        const text = pieces.join('')
        expect(inSlices(text, size)).toEqual(textStats(text))
      }),
      { numRuns: 2_000 },
    )
  })

  it('reads about one slice of a long article per step, not the whole text', () => {
    const text = '云计算市场 the cloud <b>market</b> {% note %}提示{% endnote %} [链接](https://example.com)\n\n'.repeat(20_000)
    const step = countOn(text, statsStart(), 16_384)
    // Past the slice only to the end of the markup or pair it stopped in.
    expect(step.at).toBeGreaterThanOrEqual(16_384)
    expect(step.at).toBeLessThan(16_384 + 64)
    expect(inSlices(text, 16_384)).toEqual(textStats(text))
  })
})
