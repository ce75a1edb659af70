import { describe, expect, it } from 'vitest'
import { textStats } from '../../../shared/text-stats'

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
})
