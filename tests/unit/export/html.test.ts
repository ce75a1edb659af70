import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { documentShell, href, isoInstant, printPolicy, type ShellOptions } from '../../../electron/export/html'

function page(over: Partial<ShellOptions> = {}): Document {
  const html = documentShell({
    lang: 'zh',
    title: '标题 "引号" <b>',
    description: '',
    css: { href: '../style.css' },
    body: '<article>正文</article>\n',
    ...over,
  })
  return new JSDOM(html).window.document
}

const metaContent = (doc: Document, attr: string, key: string): (string | null)[] =>
  [...doc.querySelectorAll(`meta[${attr}="${key}"]`)].map((m) => m.getAttribute('content'))

describe('href', () => {
  it('percent-encodes each CJK or spaced segment and keeps . and .. as steps', () => {
    expect(href('..', 'posts', '阿里云 发布', 'index.html')).toBe('../posts/%E9%98%BF%E9%87%8C%E4%BA%91%20%E5%8F%91%E5%B8%83/index.html')
    expect(href('.', 'a#b?c.html')).toBe('./a%23b%3Fc.html')
  })
})

describe('documentShell', () => {
  it('declares the language and escapes the title', () => {
    const doc = page()
    expect(doc.documentElement.lang).toBe('zh')
    expect(doc.title).toBe('标题 "引号" <b>')
    expect(doc.querySelector('head b')).toBeNull()
    expect(doc.body.innerHTML.trim()).toBe('<article>正文</article>')
  })

  it('always forbids scripts, and adds a print policy after that lock, never instead of it', () => {
    const csp = (doc: Document) => doc.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')
    expect(csp(page())).toBe("script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'")
    expect(csp(page({ policy: printPolicy(false) }))).toBe(
      "script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; default-src 'none'; img-src data:; media-src data:; font-src data:; style-src 'unsafe-inline'",
    )
  })

  it('writes Open Graph facts with their text escaped and leaves out the empty ones', () => {
    const doc = page({
      description: 'A & B "quoted"',
      author: '张三',
      og: { type: 'article', url: 'https://example.com/posts/a/', publishedTime: '2024-01-02T03:04:05Z', tags: ['云计算', 'A&B'] },
    })
    expect(metaContent(doc, 'name', 'description')).toEqual(['A & B "quoted"'])
    expect(metaContent(doc, 'name', 'author')).toEqual(['张三'])
    expect(metaContent(doc, 'property', 'og:type')).toEqual(['article'])
    expect(metaContent(doc, 'property', 'og:title')).toEqual(['标题 "引号" <b>'])
    expect(metaContent(doc, 'property', 'article:tag')).toEqual(['云计算', 'A&B'])
    expect(metaContent(doc, 'property', 'og:image')).toEqual([])
    expect(metaContent(doc, 'property', 'article:modified_time')).toEqual([])
    expect(metaContent(page(), 'name', 'description')).toEqual([])
    expect(doc.querySelectorAll('meta[property^="og:"], meta[property^="article:"]')).toHaveLength(7)
    expect(page().querySelectorAll('meta[property]')).toHaveLength(0)
  })

  it('inlines the theme for a standalone page and links it for site pages, with feed links', () => {
    const inline = page({ css: { inline: 'body { color: red }\n' } })
    expect(inline.querySelector('style')?.textContent).toBe('\nbody { color: red }\n')
    expect(inline.querySelector('link[rel=stylesheet]')).toBeNull()
    const linked = page({ feeds: { rss: '../rss.xml', atom: '../atom.xml', title: '博客 & 日记' } })
    expect(linked.querySelector('link[rel=stylesheet]')?.getAttribute('href')).toBe('../style.css')
    const feeds = [...linked.querySelectorAll('link[rel=alternate]')].map((l) => [l.getAttribute('type'), l.getAttribute('href'), l.getAttribute('title')])
    expect(feeds).toEqual([
      ['application/rss+xml', '../rss.xml', '博客 & 日记'],
      ['application/atom+xml', '../atom.xml', '博客 & 日记'],
    ])
  })
})

describe('printPolicy', () => {
  it('loads nothing remote unless remote content was allowed', () => {
    expect(printPolicy(false)).not.toMatch(/http/)
    expect(printPolicy(true)).toBe(
      "default-src 'none'; img-src data: https: http:; media-src data: https: http:; font-src data: https: http:; style-src 'unsafe-inline' https: http:",
    )
  })
})

describe('isoInstant', () => {
  it('is RFC 3339 in UTC without milliseconds', () => {
    expect(isoInstant(Date.UTC(2024, 1, 29, 23, 59, 59, 999))).toBe('2024-02-29T23:59:59Z')
    expect(isoInstant(0)).toBe('1970-01-01T00:00:00Z')
  })
})
