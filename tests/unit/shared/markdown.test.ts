import { describe, expect, it } from 'vitest'
import { renderMarkdown } from '../../../shared/markdown'

describe('the shared markdown-it setup', () => {
  it('keeps raw HTML for the sanitizer to judge and marks source lines', () => {
    const html = renderMarkdown('# Title\n\n<div class="x">raw</div>\n\ntext', { sourceLines: true, lineOffset: 5 })
    expect(html).toContain('<h1 data-source-line="6" id="folio-line-6">Title</h1>')
    expect(html).toContain('<div class="x">raw</div>')
    expect(html).toContain('<p data-source-line="10" id="folio-line-10">text</p>')
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
    expect(renderMarkdown('{% asset_img a&b.png \'"x<y" "<alt>"\' %}', { assetFolder: 'p' })).toContain('<img src="p/a&amp;b.png" title="x&lt;y" alt="&lt;alt&gt;">')
  })
})
