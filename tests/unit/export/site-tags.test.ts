import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportArticles } from '../../../electron/export/batch'
import { elements, folderWith, tempDir } from './helpers'

async function exported(root: string, article: string): Promise<string> {
  const result = await exportArticles([join(root, article)], { format: 'html', outDir: await tempDir() })
  expect(result.failures).toEqual([])
  return readFile(result.results[0]!.value.files[0]!, 'utf8')
}

describe('exported tags that name other files of the site', () => {
  it("Jekyll's link and post_url give the page's address by the site's rules, as the preview does", async () => {
    const root = await folderWith({
      '_config.yml': 'title: Site\nbaseurl: /blog\n',
      Gemfile: 'gem "jekyll"\n',
      'about.md': '---\ntitle: About\n---\n',
      '_posts/2024-01-02-other.md': '---\ntitle: Other\n---\n',
      '_posts/2024-03-01-a.md':
        '---\ntitle: A\n---\n\n[About]({% link about.md %}), [the other post]({% post_url 2024-01-02-other %}) and {% link gone.md %}.\n',
    })
    const html = await exported(root, '_posts/2024-03-01-a.md')
    const links = elements(html).filter((e) => e.tag === 'a')
    expect(links.find((e) => e.text === 'About')?.attrs.href).toBe('/blog/about.html')
    expect(links.find((e) => e.text === 'the other post')?.attrs.href).toBe('/blog/2024/01/02/other.html')
    expect(html).toContain('Jekyll would stop: the site has no file gone.md.')
  })

  it("Hexo's include_code shows the file from the site's code folder", async () => {
    const root = await folderWith({
      '_config.yml': 'title: Site\n',
      'package.json': '{ "dependencies": { "hexo": "^7.0.0" } }\n',
      'source/downloads/code/hello.js': "console.log('hello from the code folder')\n",
      'source/_posts/a.md': '---\ntitle: A\n---\n\n{% include_code Greeting lang:js hello.js %}\n',
    })
    const html = await exported(root, 'source/_posts/a.md')
    expect(elements(html).find((e) => e.tag === 'pre')?.text).toContain("console.log('hello from the code folder')")
    expect(html).toContain('Greeting')
    expect(html).not.toContain('folio-tag-label')
  })

  it("Hugo's param prints the page's own parameter, else the site's", async () => {
    const root = await folderWith({
      'hugo.toml': 'title = "Site"\n[params]\nauthor = "Site Author"\n',
      'content/posts/a.md': '---\ntitle: A\nsubtitle: 副标题\n---\n\n{{< param subtitle >}} by {{< param author >}}.\n',
    })
    const html = await exported(root, 'content/posts/a.md')
    expect(elements(html).some((e) => e.tag === 'p' && e.text === '副标题 by Site Author.')).toBe(true)
  })
})
