import { describe, expect, it } from 'vitest'
import { renderBlocks, renderMarkdown } from '../../../shared/markdown'

describe('the shared markdown-it setup', () => {
  it('keeps raw HTML for the sanitizer to judge', () => {
    expect(renderMarkdown('# Title\n\n<div class="x">raw</div>\n\ntext')).toBe('<h1>Title</h1>\n<div class="x">raw</div>\n<p>text</p>\n')
  })

  it('splits a body into its top-level blocks with their first lines, joining to the same HTML', () => {
    const body = '# Title\n\n- a\n- b\n\n> quote\n> more\n\n```js\nx\n```\n\ntext [ref]\n\n[ref]: https://example.com\n'
    const blocks = renderBlocks(body)
    expect(blocks.map((block) => block.line)).toEqual([0, 2, 5, 8, 12])
    expect(blocks.map((block) => block.html).join('')).toBe(renderMarkdown(body))
    expect(blocks[4]!.html).toBe('<p>text <a href="https://example.com">ref</a></p>\n')
  })

  it('keeps raw HTML that spans blocks in one block, so each block is well-formed alone', () => {
    const body = '<div class="note">\n\n**inside**\n\n</div>\n\n<p>open paragraph\n\nafter <!-- <div> -->\n'
    const blocks = renderBlocks(body)
    expect(blocks.map((block) => block.line)).toEqual([0, 6, 8])
    expect(blocks[0]!.html).toBe('<div class="note">\n<p><strong>inside</strong></p>\n</div>\n')
  })

  it('keeps the footnote list one block, so no block starts with a stray end tag', () => {
    const body = 'Text.[^n]\n\n[^n]: Note.\n'
    const blocks = renderBlocks(body)
    expect(blocks.map((block) => block.html).join('')).toBe(renderMarkdown(body))
    expect(blocks).toHaveLength(2)
    expect(blocks[1]!.html).toMatch(/^<hr class="footnotes-sep">[\s\S]*<\/section>\n$/)
  })

  it('shows Hexo’s <!-- more --> as a visible marker', () => {
    expect(renderMarkdown('intro\n\n<!-- more -->\n\nrest')).toContain('<hr class="folio-more"')
  })

  it('renders {% asset_img %} from the post asset folder as Hexo does, but not inside code', () => {
    const html = renderMarkdown('Look: {% asset_img cover.png "A cover" %}\n\n`{% asset_img code.png %}`', { assetFolder: '你好' })
    expect(html).toContain('<img src="你好/cover.png" title="A cover">')
    expect(html).toContain('<code>{% asset_img code.png %}</code>')
  })

  it('escapes what it puts in attributes', () => {
    expect(renderMarkdown('{% asset_img a&b.png \'"x<y" "<alt>"\' %}', { assetFolder: 'p' })).toContain(
      '<img src="p/a&amp;b.png" title="x&lt;y" alt="&lt;alt&gt;">',
    )
  })
})
