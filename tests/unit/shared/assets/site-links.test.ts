import { describe, expect, it } from 'vitest'
import { findSiteLinks, hexoPost, postTitles, siteLinkFound, siteLinkTarget, type FileSet } from '../../../../shared/assets/site-links'
import type { AssetRules } from '../../../../shared/assets/resolve'

const files = (paths: readonly string[]): FileSet => ({ has: (rel) => paths.includes(rel) })

describe('findSiteLinks', () => {
  it('finds each generator’s tags outside code, with the span of the target as written', () => {
    const body = [
      '见 {% post_link 2024-03-01-hello 你好 %} 和 {% post_path notes %}',
      '{% post_url 2023-01-01-year %} · {% link _posts/a.md %}',
      '{{< ref "posts/first.md" >}} · {{% relref "../about" %}}',
      '`{% post_link in-code %}`',
      '```',
      '{{< ref "in-fence" >}}',
      '```',
    ].join('\n')
    const links = findSiteLinks(body)
    expect(links.map((l) => [l.kind, l.target, body.slice(l.targetStart, l.targetEnd)])).toEqual([
      ['post_link', '2024-03-01-hello', '2024-03-01-hello'],
      ['post_link', 'notes', 'notes'],
      ['post_url', '2023-01-01-year', '2023-01-01-year'],
      ['link', '_posts/a.md', '_posts/a.md'],
      ['ref', 'posts/first.md', '"posts/first.md"'],
      ['ref', '../about', '"../about"'],
    ])
    for (const l of links) expect(body.slice(l.start, l.end)).toMatch(/^\{[{%].*[}%]\}$/)
  })

  it('finds nothing in a tag without a target', () => {
    expect(findSiteLinks('{% post_link %} {{< ref >}}')).toEqual([])
  })
})

describe('siteLinkTarget', () => {
  const hexo: AssetRules = { kind: 'hexo', postAssetFolder: true, sourceDir: 'source' }
  const hugo: AssetRules = { kind: 'hugo', postAssetFolder: false, sourceDir: 'content' }
  const jekyll: AssetRules = { kind: 'jekyll', postAssetFolder: false, sourceDir: '' }

  it('Hexo post_link finds the post by its name, with or without an extension', () => {
    const articles = ['source/_posts/2024-03-01-hello.md', 'source/_posts/游记/第一天.md']
    const to = (target: string) => siteLinkTarget({ kind: 'post_link', target }, 'source/_posts/x.md', hexo, files([]), articles)
    expect(to('2024-03-01-hello')).toBe('source/_posts/2024-03-01-hello.md')
    expect(to('2024-03-01-hello.md')).toBe('source/_posts/2024-03-01-hello.md')
    expect(to('游记/第一天')).toBe('source/_posts/游记/第一天.md')
    expect(to('missing')).toBeNull()
  })

  it('Hexo post_link finds a post by its title when no slug matches, as Hexo 7 does: slug first, the first post listed with the title, posts only', () => {
    const listed = [
      { path: 'source/_posts/hello.md', title: 'Hello World' },
      { path: 'source/_posts/2024/旅行.md', title: '去杭州' },
      { path: 'source/_posts/again.md', title: 'Hello World' },
      { path: 'source/_posts/named.md', title: 'hello' },
      { path: 'source/about/index.md', title: 'About' },
      { path: 'source/_posts/untitled.md', title: null },
    ]
    const titles = postTitles(listed)
    const articles = listed.map((a) => a.path)
    const to = (target: string) => siteLinkTarget({ kind: 'post_link', target }, 'source/_posts/x.md', hexo, files([]), articles, titles)
    expect(to('Hello World')).toBe('source/_posts/hello.md')
    expect(to('去杭州#第二天')).toBe('source/_posts/2024/旅行.md')
    // A slug wins over a title equal to it: `hello` is hello.md's slug and named.md's title.
    expect(to('hello')).toBe('source/_posts/hello.md')
    // Titles are matched exactly, and a page is no post.
    expect(to('hello world')).toBeNull()
    expect(to('About')).toBeNull()
    expect(hexoPost('Hello World', articles)).toBeNull()
  })

  it('Jekyll post_url looks only in _posts; link needs the file and may start with site.baseurl', () => {
    const articles = ['drafts/2023-01-01-year.md', '_posts/2023-01-01-year.md', '_drafts/2024-02-02-idea.md']
    expect(siteLinkTarget({ kind: 'post_url', target: '2023-01-01-year' }, 'a.md', jekyll, files([]), articles)).toBe('_posts/2023-01-01-year.md')
    expect(siteLinkTarget({ kind: 'post_url', target: 'sub/2022-01-01-none' }, 'a.md', jekyll, files([]), articles)).toBeNull()
    expect(siteLinkTarget({ kind: 'post_url', target: '2024-02-02-idea' }, 'a.md', jekyll, files([]), articles)).toBeNull()
    const fs = files(['about.md'])
    expect(siteLinkTarget({ kind: 'link', target: '{{ site.baseurl }}/about.md' }, 'a.md', jekyll, fs, [])).toBe('about.md')
    expect(siteLinkTarget({ kind: 'link', target: 'contact.md' }, 'a.md', jekyll, fs, [])).toBeNull()
  })

  it('Hugo ref: relative, site-rooted, a bundle, the page itself, and a unique name alone', () => {
    const pages = ['content/posts/first.md', 'content/posts/trip/index.md', 'content/about.md', 'content/a/dup.md', 'content/b/dup.md']
    const fs = files(pages)
    const ref = (target: string) => siteLinkTarget({ kind: 'ref', target }, 'content/posts/second.md', hugo, fs, pages)
    expect(ref('first.md')).toBe('content/posts/first.md')
    expect(ref('trip')).toBe('content/posts/trip/index.md')
    expect(ref('/about')).toBe('content/about.md')
    expect(ref('posts/first')).toBe('content/posts/first.md')
    expect(ref('')).toBe('content/posts/second.md')
    expect(ref('about')).toBe('content/about.md')
    expect(siteLinkTarget({ kind: 'ref', target: 'first' }, 'content/b/x.md', hugo, fs, pages)).toBe('content/posts/first.md')
    expect(ref('dup')).toBeNull()
    expect(ref('../../../outside')).toBeNull()
    expect(siteLinkFound({ kind: 'ref', target: 'nowhere/x' }, 'content/posts/second.md', hugo, fs, pages)).toBe(false)
  })
})
