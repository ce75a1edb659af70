/**
 * Golden HTML of the preview, per generator: each site's syntax rendered in the real preview
 * frame in Chromium (markdown-it, the generator's plugins, highlight.js, KaTeX, DOMPurify, the
 * block patching), read back from the frame and compared with the committed files in goldens/.
 * The goldens are made by the code (UPDATE_GOLDENS=1 writes them) and reviewed by a person
 * before they are committed: a change in them is a change in what writers see.
 */
import { readFile, writeFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { expect, test } from './support/fixtures'

const COMMON = `Inline math $E = mc^2$ and \\(a^2 + b^2\\).

$$
\\int_0^1 x\\,dx = \\tfrac12
$$

- [x] done
- [ ] to do

\`\`\`js
const answer = 42 // 回答
\`\`\`

Footnote here.[^n]

[^n]: 脚注 text.
`

interface Site {
  name: string
  files: Record<string, string>
  article: string
  /** Shown once the site's answer about tags naming its other files has come (site-data.ts). */
  ready?: string
}

const SITES: Site[] = [
  {
    name: 'hexo',
    files: {
      '_config.yml': 'title: Site\npost_asset_folder: true\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/downloads/code/hello.py': 'def hello():\n    print("你好")\n',
      'source/_posts/hello-world.md': '---\ntitle: Hello World\ndate: 2024-01-02 10:00:00\n---\n\nThe first post.\n',
      'source/_posts/syntax.md': `---
title: 语法 Syntax
---

Intro before the excerpt.

<!-- more -->

{% codeblock greet.js lang:js https://example.org/greet.js source %}
const greeting = '你好'
{% endcodeblock %}

{% blockquote 鲁迅, 故乡 https://example.org/guxiang 原文 %}
其实地上本没有路，走的人多了，也便成了路。
{% endblockquote %}

{% pullquote right %}
A pulled *quote*.
{% endpullquote %}

{% note warning %}
A **note** from the theme.
{% endnote %}

{% iframe https://player.example.org/v/1 %}

{% youtube dQw4w9WgXcQ %}

{% vimeo 76979871 %}

{% img /images/cat.png 200 100 "A cat" %}

See {% link 站点 https://example.org 外链 %}, {% post_link hello-world "the first post" %} and {% post_path hello-world %}.

{% asset_img diagram.png "架构图" %}

{% raw %}
<span class="kept">{{ not a tag }}</span>
{% endraw %}

{% mystery_tag arg %}

{% include_code Greeting lang:python hello.py %}

<iframe src="https://www.youtube.com/embed/abc"></iframe>

${COMMON}`,
    },
    article: 'source/_posts/syntax.md',
    ready: 'figcaption a[href="/downloads/code/hello.py"]',
  },
  {
    name: 'hugo',
    files: {
      'hugo.toml': 'title = "Site"\n[params]\n  author = "Site Author"\n',
      'content/posts/syntax.md': `---
title: 语法 Syntax
---

{{< figure src="/cat.png" title="A cat" caption="猫 *cat*" link="https://example.org" alt="cat" >}}

{{< highlight go >}}
func main() {}
{{< /highlight >}}

See {{< ref "posts/other.md" >}} and [other]({{< relref "posts/other.md" >}}).

By {{< param author >}}, titled {{< param title >}}.

{{< youtube id="dQw4w9WgXcQ" >}}

{{< vimeo 76979871 >}}

{{% notice tip %}}
Wrapped *Markdown*
{{% /notice %}}

{{< unknown-shortcode a="b" >}}

Term
: Its definition

## Styled {.fancy #styled}

"Smart" quotes -- and dashes...

${COMMON}`,
    },
    article: 'content/posts/syntax.md',
    ready: 'p:has-text("By Site Author")',
  },
  {
    name: 'jekyll',
    files: {
      '_config.yml': 'title: Site\n',
      Gemfile: 'gem "jekyll"\n',
      'index.md': '---\ntitle: Home\n---\n',
      '_posts/2024-01-02-other.md': '---\ntitle: Other\n---\n',
      '_posts/2024-03-01-syntax.md': `---
title: 语法 Syntax
---

{% highlight ruby %}
puts "hello"
{% endhighlight %}

Links: [home]({% link index.md %}) and [post]({% post_url 2024-01-02-other %}).

{% raw %}
{{ page.title }} stays as written
{% endraw %}

A paragraph with a class.
{: .lead}

The HTML spec is by the W3C.

*[HTML]: Hyper Text Markup Language
*[W3C]: World Wide Web Consortium

{% include note.html %}

${COMMON}`,
    },
    article: '_posts/2024-03-01-syntax.md',
    ready: 'a[href="/2024/01/02/other.html"]',
  },
  {
    name: 'astro',
    files: {
      'astro.config.mjs': 'export default {}\n',
      'src/content/blog/syntax.mdx': `---
title: 语法 Syntax
---
import Chart from '../../components/Chart.astro'
export const meta = { draft: false }

# MDX

<Chart data={[1, 2, 3]} />

<Callout type="tip">
Inside a *component*.
</Callout>

The title is {frontmatter.title}.{/* a note to self */}

${COMMON}`,
    },
    article: 'src/content/blog/syntax.mdx',
  },
]

const GOLDENS = fileURLToPath(new URL('./goldens/', import.meta.url))

/** The frame's article as stable text: one block a line group, the harness's asset origin named, no trailing spaces. */
function normalized(html: string, assetOrigin: RegExp): string {
  return (
    html
      .replace(assetOrigin, '{asset-base}/')
      .replace(/>\s*\n\s*</g, '>\n<')
      .split('\n')
      .map((line) => line.trimEnd())
      .join('\n')
      .trim() + '\n'
  )
}

for (const site of SITES) {
  test(`the ${site.name} preview renders its syntax as the golden HTML says`, async ({ launch }) => {
    const { page } = await launch({ files: site.files })
    await page.locator(`[data-testid=article-item][data-path="${site.article}"]`).click()
    const frame = page.frameLocator('iframe[data-testid=preview]')
    await expect(frame.locator('.footnotes')).toContainText('脚注 text.')
    if (site.ready) await expect(frame.locator(site.ready)).toHaveCount(1)
    const html = await frame.locator('article').evaluate((article) => article.innerHTML)
    const origin = new RegExp(`(?:https?://[^/"]+/__folio-asset/|folio-asset://[^/"]*/)`, 'g')
    const actual = normalized(html, origin)
    const file = `${GOLDENS}preview-${site.name}.html`
    if (process.env.UPDATE_GOLDENS === '1') await writeFile(file, actual)
    expect(actual).toBe(await readFile(file, 'utf8'))
  })
}
