/**
 * The feeds as a feed reader sees them: each is parsed by a real XML parser (jsdom's), which
 * refuses a feed that is not well-formed, and read through the DOM rather than by string match.
 */
import { JSDOM } from 'jsdom'
import { describe, expect, it } from 'vitest'
import { atom, rss, type FeedInfo, type FeedItem } from '../../../electron/export/feeds'

const JAN_2 = Date.UTC(2024, 0, 2, 3, 4, 5)
const MAR_1 = Date.UTC(2024, 2, 1, 23, 59, 0)

function item(over: Partial<FeedItem> = {}): FeedItem {
  return {
    title: '阿里云发布 <新一代> 服务器 & 芯片',
    link: 'posts/阿里云/index.html',
    key: 'source/_posts/aliyun.md',
    dateMs: JAN_2,
    updatedMs: null,
    summary: '摘要：性能提升 30%',
    author: '张三',
    categories: ['科技', 'Cloud & AI'],
    ...over,
  }
}

const LOCAL: FeedInfo = { title: '我的博客', description: '', link: 'index.html', baseUrl: '', author: null, language: 'zh' }
const ONLINE: FeedInfo = { ...LOCAL, baseUrl: 'https://blog.example.com/', link: 'https://blog.example.com/', author: 'Li Lei', description: '技术 & 生活' }

function xml(text: string): Document {
  return new JSDOM(text, { contentType: 'application/xml' }).window.document
}

const texts = (doc: Document | Element, selector: string): string[] => [...doc.querySelectorAll(selector)].map((e) => e.textContent ?? '')

describe('rss', () => {
  it('is well-formed XML with the text of titles, categories and summaries intact', () => {
    const doc = xml(rss([item()], LOCAL, 'rss.xml'))
    expect(doc.documentElement.getAttribute('version')).toBe('2.0')
    expect(texts(doc, 'channel > title')).toEqual(['我的博客'])
    // An empty description is the title: RSS requires one.
    expect(texts(doc, 'channel > description')).toEqual(['我的博客'])
    expect(texts(doc, 'item > title')).toEqual(['阿里云发布 <新一代> 服务器 & 芯片'])
    expect(texts(doc, 'item > category')).toEqual(['科技', 'Cloud & AI'])
    expect(texts(doc, 'item > description')).toEqual(['摘要：性能提升 30%'])
    expect(doc.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'creator')[0]?.textContent).toBe('张三')
  })

  it('dates items in RFC 822 with a four-digit year, in UTC, and builds at the newest change', () => {
    const doc = xml(rss([item(), item({ key: 'b.md', dateMs: JAN_2, updatedMs: MAR_1 })], LOCAL, 'rss.xml'))
    expect(texts(doc, 'item > pubDate')).toEqual(['Tue, 02 Jan 2024 03:04:05 +0000', 'Tue, 02 Jan 2024 03:04:05 +0000'])
    expect(texts(doc, 'channel > lastBuildDate')).toEqual(['Fri, 01 Mar 2024 23:59:00 +0000'])
  })

  it('without a site URL, identifies items by a stable UUID URN that is not a permalink', () => {
    const first = xml(rss([item()], LOCAL, 'rss.xml')).querySelector('guid')
    const retitled = xml(rss([item({ title: '新标题' })], LOCAL, 'rss.xml')).querySelector('guid')
    const other = xml(rss([item({ key: 'source/_posts/other.md' })], LOCAL, 'rss.xml')).querySelector('guid')
    expect(first?.getAttribute('isPermaLink')).toBe('false')
    // RFC 4122: version 5 (name-based, SHA-1) and the 10xx variant.
    expect(first?.textContent).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(retitled?.textContent).toBe(first?.textContent)
    expect(other?.textContent).not.toBe(first?.textContent)
  })

  it('with a site URL, the link is the permalink', () => {
    const link = 'https://blog.example.com/posts/%E9%98%BF/'
    const guid = xml(rss([item({ link })], ONLINE, 'https://blog.example.com/rss.xml')).querySelector('guid')
    expect(guid?.getAttribute('isPermaLink')).toBe('true')
    expect(guid?.textContent).toBe(link)
  })

  it('drops the control characters XML forbids (scraped posts carry them) instead of writing an unreadable feed', () => {
    const doc = xml(rss([item({ title: 'A\u0000B\u0008C\u000bD\u001fE\ufffeF', summary: 'tab\tand\nnewline' })], LOCAL, 'rss.xml'))
    expect(texts(doc, 'item > title')).toEqual(['ABCDEF'])
    expect(texts(doc, 'item > description')).toEqual(['tab\tand\nnewline'])
  })

  it('an empty feed has no items and no build date', () => {
    const doc = xml(rss([], LOCAL, 'rss.xml'))
    expect(doc.querySelectorAll('item, lastBuildDate')).toHaveLength(0)
  })
})

describe('atom', () => {
  const ATOM = 'http://www.w3.org/2005/Atom'

  it('is well-formed Atom with RFC 3339 instants; updated is never before published', () => {
    const doc = xml(atom([item({ updatedMs: MAR_1 }), item({ key: 'b.md', updatedMs: JAN_2 - 86_400_000 })], ONLINE, 'https://blog.example.com/atom.xml'))
    expect(doc.documentElement.namespaceURI).toBe(ATOM)
    expect(doc.documentElement.getAttribute('xml:lang')).toBe('zh')
    expect(texts(doc, 'feed > subtitle')).toEqual(['技术 & 生活'])
    expect(texts(doc, 'feed > id')).toEqual(['https://blog.example.com/'])
    expect(texts(doc, 'feed > updated')).toEqual(['2024-03-01T23:59:00Z'])
    expect(texts(doc, 'feed > author > name')).toEqual(['Li Lei'])
    expect(texts(doc, 'entry > published')).toEqual(['2024-01-02T03:04:05Z', '2024-01-02T03:04:05Z'])
    expect(texts(doc, 'entry > updated')).toEqual(['2024-03-01T23:59:00Z', '2024-01-02T03:04:05Z'])
    expect([...doc.querySelectorAll('entry > category')].map((c) => c.getAttribute('term'))).toEqual(['科技', 'Cloud & AI', '科技', 'Cloud & AI'])
  })

  it('without a site URL, the feed and its entries still have valid ids and the feed an author', () => {
    const doc = xml(atom([item({ author: null })], LOCAL, 'atom.xml'))
    expect(texts(doc, 'feed > id')[0]).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    expect(texts(doc, 'entry > id')[0]).toMatch(/^urn:uuid:[0-9a-f-]{36}$/)
    // Atom requires an author: the site's title stands in.
    expect(texts(doc, 'feed > author > name')).toEqual(['我的博客'])
    expect(doc.querySelectorAll('entry > author')).toHaveLength(0)
    expect(doc.querySelectorAll('feed > subtitle')).toHaveLength(0)
    expect(doc.querySelector('link[rel=self]')?.getAttribute('href')).toBe('atom.xml')
  })
})
