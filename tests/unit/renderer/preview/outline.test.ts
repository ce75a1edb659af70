// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { currentHeading, headingsOf } from '../../../../renderer/preview/outline'
import type { PreviewBlock } from '../../../../renderer/preview/render'

const block = (html: string, line: number | null): PreviewBlock => ({ html, line, remote: [] })

describe('headingsOf', () => {
  it('lists the headings with the text a reader sees, entities decoded and markup dropped', () => {
    const headings = headingsOf([
      block('<h1 id="a">阿里云 <em>发布</em> &amp; 新品</h1>', 5),
      block('<p>正文</p>', 7),
      block('<h2>\n  第一节：\n  <a href="#x">背景</a>\n</h2>', 9),
      block('<h3 class="x">C&lt;T&gt; in <code>std::vector</code></h3>', 20),
    ])
    expect(headings).toEqual([
      { level: 1, text: '阿里云 发布 & 新品', line: 5 },
      { level: 2, text: '第一节： 背景', line: 9 },
      { level: 3, text: 'C<T> in std::vector', line: 20 },
    ])
  })

  it('reads math as it is shown, not its TeX source', () => {
    const katex =
      '<h2>质能方程 <span class="katex"><math><semantics><mrow><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></mrow>' +
      '<annotation encoding="application/x-tex">E=mc^2</annotation></semantics></math></span></h2>'
    expect(headingsOf([block(katex, 3)])).toEqual([{ level: 2, text: '质能方程 E=mc2', line: 3 }])
  })

  it('skips headings without a source line or without text, and headings inside other blocks', () => {
    expect(
      headingsOf([
        block('<h2>Footnotes</h2>', null),
        block('<h2> <img src="x.png"> </h2>', 4),
        block('<pre><code>&lt;h1&gt;not a heading&lt;/h1&gt;</code></pre>', 6),
        block('<blockquote><h1>quoted</h1></blockquote>', 8),
        block('<header>not h</header>', 9),
      ]),
    ).toEqual([])
  })
})

describe('currentHeading', () => {
  const headings = [
    { level: 1, text: 'A', line: 5 },
    { level: 2, text: 'B', line: 10 },
    { level: 2, text: 'C', line: 30 },
  ]

  it('is the last heading at or above the line, and the first one above the first heading', () => {
    expect(currentHeading(headings, 1)?.text).toBe('A')
    expect(currentHeading(headings, 10)?.text).toBe('B')
    expect(currentHeading(headings, 29)?.text).toBe('B')
    expect(currentHeading(headings, 500)?.text).toBe('C')
    expect(currentHeading([], 3)).toBeNull()
  })
})
