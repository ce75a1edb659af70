import { describe, expect, it } from 'vitest'
import { renderBlocks, renderMarkdown } from '../../../shared/markdown'

const hexo = (body: string) => renderMarkdown(body, { generator: 'hexo' })
const hugo = (body: string) => renderMarkdown(body, { generator: 'hugo' })
const jekyll = (body: string) => renderMarkdown(body, { generator: 'jekyll' })

describe('Hexo tag plugins render as Hexo renders them', () => {
  it('codeblock: a captioned figure highlighted by highlight.js', () => {
    expect(hexo('{% codeblock Array.map lang:js %}\nconst a = 1\n{% endcodeblock %}\n')).toBe(
      '<figure class="highlight js"><figcaption>Array.map</figcaption><pre><code class="hljs language-js"><span class="hljs-keyword">const</span> a = <span class="hljs-number">1</span></code></pre></figure>\n',
    )
  })

  it("blockquote with author and source, pullquote, and the themes' note, their bodies as Markdown", () => {
    expect(hexo('{% blockquote David Levithan, Wide Awake %}\nDo *not* just\n{% endblockquote %}\n')).toBe(
      '<blockquote><p>Do <em>not</em> just</p>\n<footer><strong>David Levithan</strong><cite>Wide Awake</cite></footer></blockquote>\n',
    )
    expect(hexo('{% pullquote left %}\nquoted\n{% endpullquote %}\n')).toBe('<blockquote class="pullquote left"><p>quoted</p>\n</blockquote>\n')
    expect(hexo('{% note warning %}\n**Careful**\n{% endnote %}\n')).toBe('<div class="note warning"><p><strong>Careful</strong></p>\n</div>\n')
  })

  it('link, img, post_link and post_path inside a paragraph; raw passes its HTML through', () => {
    expect(hexo('See {% link Hexo docs https://hexo.io/docs/ true Docs %} and {% img left /a.png 100 200 \'"T" "A"\' %}.\n')).toBe(
      '<p>See <a href="https://hexo.io/docs/" title="Docs">Hexo docs</a> and <img src="/a.png" class="left" width="100" height="200" title="T" alt="A">.</p>\n',
    )
    expect(hexo('{% post_link hello-world "Hello there" %}\n')).toBe(
      '<p><a class="folio-post-link" data-post="hello-world" title="{% post_link hello-world &quot;Hello there&quot; %}">Hello there</a></p>\n',
    )
    expect(hexo('{% raw %}\n<b>as is</b>\n{% endraw %}\n')).toBe('<b>as is</b>\n')
  })

  it('youtube, vimeo and iframe as labelled cards that load nothing by themselves', () => {
    expect(hexo('{% youtube dQw4w9WgXcQ %}\n')).toBe(
      '<div class="folio-embed" data-embed-src="https://www.youtube.com/embed/dQw4w9WgXcQ" tabindex="0" role="button"><span class="folio-embed-site">YouTube</span> <span class="folio-embed-url">https://www.youtube.com/embed/dQw4w9WgXcQ</span></div>\n',
    )
    expect(hexo('{% vimeo 76979871 %}\n')).toContain('data-embed-src="https://player.vimeo.com/video/76979871"')
    expect(hexo('{% iframe https://example.com/map 600 400 %}\n')).toContain('data-embed-src="https://example.com/map"')
  })

  it('an unknown tag is a visible labelled placeholder, a paired one around its Markdown; tags in code stay as written', () => {
    expect(hexo('{% gallery %}\n![a](a.png)\n{% endgallery %}\n')).toBe(
      '<div class="folio-tag" data-tag="gallery" title="{% gallery %}\n![a](a.png)\n{% endgallery %}"><span class="folio-tag-label">Hexo gallery</span><p><img src="a.png" alt="a"></p>\n</div>\n',
    )
    expect(hexo('Before {% fancy_thing x %} after\n')).toBe(
      '<p>Before <span class="folio-tag" data-tag="fancy_thing" title="{% fancy_thing x %}"><span class="folio-tag-label">Hexo fancy_thing</span></span> after</p>\n',
    )
    expect(hexo('`{% youtube x %}`\n\n```\n{% note %}\n```\n')).toBe('<p><code>{% youtube x %}</code></p>\n<pre><code>{% note %}\n</code></pre>\n')
  })

  it('task lists and footnotes', () => {
    expect(hexo('- [ ] todo\n- [x] done\n')).toBe(
      '<ul class="contains-task-list">\n<li class="task-list-item"><input class="task-list-item-checkbox" disabled="" type="checkbox"> todo</li>\n<li class="task-list-item"><input class="task-list-item-checkbox" checked="" disabled="" type="checkbox"> done</li>\n</ul>\n',
    )
    const html = hexo('Text[^n]\n\n[^n]: The note.\n')
    expect(html).toContain('<p>Text<sup class="footnote-ref"><a href="#fn1" id="fnref1">[1]</a></sup></p>')
    expect(html).toContain('<li id="fn1" class="footnote-item"><p>The note. <a href="#fnref1" class="footnote-backref">↩︎</a></p>')
  })
})

describe('Hugo shortcodes and goldmark extensions', () => {
  it('figure, highlight, ref in a link, youtube, and an unknown {{% %}} shortcode around Markdown', () => {
    expect(hugo('{{< figure src="/a.png" alt="A" title="T" caption="*c*" >}}\n')).toBe(
      '<figure><img src="/a.png" alt="A"><figcaption><h4>T</h4><p><em>c</em></p></figcaption></figure>\n',
    )
    expect(hugo('{{< highlight go "linenos=table" >}}\nfunc main() {}\n{{< /highlight >}}\n')).toContain(
      '<code class="hljs language-go"><span class="hljs-function"><span class="hljs-keyword">func</span>',
    )
    expect(hugo('[Post]({{< ref "post/a.md" >}})\n')).toBe('<p><a href="post/a.md">Post</a></p>\n')
    expect(hugo('{{< youtube id="abc" >}}\n')).toContain('data-embed-src="https://www.youtube.com/embed/abc"')
    expect(hugo('{{% notice info %}}\n**hi**\n{{% /notice %}}\n')).toBe(
      '<div class="folio-tag" data-tag="notice" title="{{% notice info %}}\n**hi**\n{{% /notice %}}"><span class="folio-tag-label">Hugo notice</span><p><strong>hi</strong></p>\n</div>\n',
    )
    expect(hugo('{{< param author >}}\n')).toContain('<span class="folio-tag-label">Hugo param</span>')
  })

  it('definition lists, attribute lists and the typographer', () => {
    expect(hugo('Term\n: Definition\n')).toBe('<dl>\n<dt>Term</dt>\n<dd>Definition</dd>\n</dl>\n')
    expect(hugo('## Heading {.red #top}\n')).toBe('<h2 class="red" id="top">Heading</h2>\n')
    expect(hugo('"quoted" -- dash\n')).toBe('<p>“quoted” – dash</p>\n')
  })
})

describe('Jekyll: Liquid tags and kramdown extensions', () => {
  it('highlight, post_url and link in links, raw, an unknown tag', () => {
    expect(jekyll('{% highlight ruby %}\ndef x; end\n{% endhighlight %}\n')).toContain(
      '<figure class="highlight ruby"><pre><code class="hljs language-ruby"><span class="hljs-keyword">def</span>',
    )
    expect(jekyll('[p]({% post_url 2010-07-21-name %}) and [l]({% link _posts/a.md %})\n')).toBe(
      '<p><a href="/2010/07/21/name">p</a> and <a href="/_posts/a.md">l</a></p>\n',
    )
    expect(jekyll('{% raw %}{{ page.title }}{% endraw %}\n')).toBe('<p>{{ page.title }}</p>\n')
    expect(jekyll('{% include footer.html %}\n')).toContain('<span class="folio-tag-label">Liquid include</span>')
  })

  it('abbreviations, IAL and footnotes', () => {
    expect(jekyll('*[HTML]: Hyper Text Markup Language\n\nHTML here\n{: .lead}\n')).toBe(
      '<p class="lead"><abbr title="Hyper Text Markup Language">HTML</abbr> here</p>\n',
    )
    expect(jekyll('A[^1]\n\n[^1]: B\n')).toContain('class="footnote-ref"')
  })
})

describe('Astro MDX', () => {
  it('hides import and export lines and shows components as labelled placeholders around their Markdown', () => {
    const body =
      'import Card from \'../Card.astro\'\nexport const x = 1\n\n# Title\n\n<Card title="x">\n\n**inside**\n\n</Card>\n\n<Chart data={x} />\n\nText <Badge /> inline.\n'
    expect(renderMarkdown(body, { generator: 'astro', mdx: true })).toBe(
      '<h1>Title</h1>\n' +
        '<div class="folio-tag" data-tag="Card" title="&lt;Card title=&quot;x&quot;&gt;"><span class="folio-tag-label">Astro Card</span>\n<p><strong>inside</strong></p>\n</div>\n' +
        '<div class="folio-tag" data-tag="Chart" title="&lt;Chart data={x} /&gt;"><span class="folio-tag-label">Astro Chart</span> </div>\n' +
        '<p>Text <span class="folio-tag" data-tag="Badge" title="&lt;Badge /&gt;"><span class="folio-tag-label">Astro Badge</span></span> inline.</p>\n',
    )
    // A component wrapping Markdown stays one block, so the preview replaces it whole.
    expect(renderBlocks(body, { generator: 'astro', mdx: true }).map((block) => block.line)).toEqual([0, 3, 5, 11, 13])
  })

  it('reads JSX by its own grammar: expression attributes, Markdown inside without blank lines, {expressions}', () => {
    const mdx = (body: string) => renderMarkdown(body, { generator: 'astro', mdx: true })
    expect(mdx('<Chart data={[1, 2, 3]} options={{ label: "a}b" }} />\n')).toBe(
      '<div class="folio-tag" data-tag="Chart" title="&lt;Chart data={[1, 2, 3]} options={{ label: &quot;a}b&quot; }} /&gt;"><span class="folio-tag-label">Astro Chart</span> </div>\n',
    )
    // Spread over lines, as formatters write long props.
    expect(mdx('<Chart\n  data={[1,\n    2]}\n/>\n\nafter\n')).toContain('<span class="folio-tag-label">Astro Chart</span> </div>\n<p>after</p>')
    expect(mdx('<Callout type="tip">\nInside a *component*.\n</Callout>\n')).toBe(
      '<div class="folio-tag" data-tag="Callout" title="&lt;Callout type=&quot;tip&quot;&gt;"><span class="folio-tag-label">Astro Callout</span>\n<p>Inside a <em>component</em>.</p>\n</div>\n',
    )
    expect(mdx('Sum: {1 + 2} and <Badge n={3} /> here.\n')).toBe(
      '<p>Sum: <span class="folio-tag folio-mdx-expression" data-tag="expression" title="{1 + 2}"><code class="folio-tag-label">{1 + 2}</code></span> and ' +
        '<span class="folio-tag" data-tag="Badge" title="&lt;Badge n={3} /&gt;"><span class="folio-tag-label">Astro Badge</span></span> here.</p>\n',
    )
    // A comment shows nothing, as on the site; an unbalanced brace is text.
    expect(mdx('{/* note to self */}\n\nA { lone brace\n')).toBe('<p>A { lone brace</p>\n')
    const body = '<Callout>\nText\n</Callout>\n\nAfter\n'
    expect(renderBlocks(body, { generator: 'astro', mdx: true }).map((block) => block.line)).toEqual([0, 4])
  })

  it('a plain folder reads no generator syntax', () => {
    expect(renderMarkdown('{% note %}\n\n{{< figure >}}\n')).toBe('<p>{% note %}</p>\n<p>{{&lt; figure &gt;}}</p>\n')
  })
})

describe('math and embeds', () => {
  it('renders $…$, $$…$$, \\(…\\) and \\[…\\] with KaTeX to static MathML; a lone dollar stays text', () => {
    const html = renderMarkdown('Inline $a^2$ and \\(b_1\\).\n\n$$\n\\frac{1}{2}\n$$\n\nSee \\[x+y\\]\n\nPrice $5 only.\n')
    expect(html).toContain('<span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><msup><mi>a</mi><mn>2</mn></msup></mrow>')
    expect(html).toContain('<msub><mi>b</mi><mn>1</mn></msub>')
    expect(html).toContain(
      '<p class="katex-block"><span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow><mfrac><mn>1</mn><mn>2</mn></mfrac>',
    )
    expect(html).toContain(
      '<p>See <span class="katex"><math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><semantics><mrow><mi>x</mi><mo>+</mo><mi>y</mi></mrow>',
    )
    expect(html).toContain('<p>Price $5 only.</p>')
  })

  it('an <iframe> in the article becomes a labelled card with its address instead of vanishing', () => {
    expect(renderMarkdown('<iframe src="https://www.youtube.com/embed/x1?a=1&amp;b=2" width="560"></iframe>\n')).toBe(
      '<div class="folio-embed" data-embed-src="https://www.youtube.com/embed/x1?a=1&amp;b=2" tabindex="0" role="button"><span class="folio-embed-site">YouTube</span> <span class="folio-embed-url">https://www.youtube.com/embed/x1?a=1&amp;b=2</span></div>\n',
    )
    expect(renderMarkdown('A map: <iframe src="https://maps.example.org/embed"></iframe>\n')).toBe(
      '<p>A map: <span class="folio-embed" data-embed-src="https://maps.example.org/embed" tabindex="0" role="button"><span class="folio-embed-site">maps.example.org</span> <span class="folio-embed-url">https://maps.example.org/embed</span></span></p>\n',
    )
  })
})
