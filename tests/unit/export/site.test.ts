import { access, readFile, writeFile } from 'node:fs/promises'
import { dirname, join, posix } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportSite } from '../../../electron/export/site'
import { copyOf, elements, folderWith, HEXO, listFiles, parseErrors, SEED, tempDir } from './helpers'

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0000$/
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

function all(xml: string, tag: string): string[] {
  return [...xml.matchAll(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1] ?? '')
}

describe('static site', () => {
  it('builds index, pages, tags, categories and feeds from the Hexo fixture, skipping the broken and draft posts', async () => {
    const site = await copyOf(HEXO)
    const out = await tempDir()
    const progress: number[] = []
    const result = await exportSite(site, out, { onProgress: (p) => progress.push(p.done) })
    expect(result.failures.map((f) => [f.path, f.error.code, f.error.line])).toEqual([
      ['source/_posts/2021-01-01-broken.md', 'HEADER_PARSE', expect.any(Number)],
    ])
    expect(result.failures[0]?.error.message).toContain('2021-01-01-broken.md')
    expect(result.articles).toBe(3)
    expect(progress).toEqual([1, 2, 3])
    const files = await listFiles(out)
    expect(files).toEqual(
      expect.arrayContaining([
        'index.html',
        'style.css',
        'rss.xml',
        'atom.xml',
        'posts/你好，Hexo/index.html',
        'posts/你好，Hexo/cover.png',
        'tags/随笔.html',
        'categories/技术-博客.html',
        'categories/技术.html',
      ]),
    )
    expect(files.some((f) => f.includes('下一个想法') || f.includes('未发布'))).toBe(false)

    // Newest first on the index.
    const index = elements(await readFile(join(out, 'index.html'), 'utf8'))
    expect(index.filter((e) => e.attrs.class === 'post-title').map((e) => e.text)).toEqual(['你好，Hexo', 'Travel notes from Kyoto', '关于'])

    // Every relative link and image of every page points at a file that exists.
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      const html = await readFile(join(out, file), 'utf8')
      expect(parseErrors(html), file).toEqual([])
      for (const e of elements(html)) {
        const target = e.tag === 'a' || e.tag === 'link' ? e.attrs.href : e.tag === 'img' ? e.attrs.src : undefined
        if (!target || /^[a-z]+:/i.test(target) || target.startsWith('#')) continue
        const path = posix.normalize(posix.join(posix.dirname(file), decodeURIComponent(target)))
        await expect(access(join(out, path)), `${file} → ${target}`).resolves.toBeUndefined()
      }
    }
    const post = elements(await readFile(join(out, 'posts/你好，Hexo/index.html'), 'utf8'))
    expect(post.find((e) => e.tag === 'img')?.attrs.src).toBe('cover.png')
    expect(post.find((e) => e.tag === 'title')?.text).toBe('你好，Hexo')
    expect(post.some((e) => e.tag === 'script')).toBe(false)
  })

  it('writes RSS 2.0 and Atom feeds with their required elements and date formats', async () => {
    const out = await tempDir()
    await exportSite(await copyOf(HEXO), out)
    const rss = await readFile(join(out, 'rss.xml'), 'utf8')
    expect(rss).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<rss version="2.0"/)
    const channel = all(rss, 'channel')[0] ?? ''
    expect(all(channel, 'title')[0]).toBe('小站')
    expect(all(channel, 'link')[0]).toBe('https://example.com/')
    expect(all(channel, 'description')[0]).toBe('写点东西')
    const items = all(rss, 'item')
    expect(items).toHaveLength(3)
    for (const item of items) {
      expect(all(item, 'pubDate')[0]).toMatch(RFC822)
      expect(all(item, 'link')[0]).toMatch(/^https:\/\/example\.com\/posts\//)
      expect(all(item, 'guid')).toHaveLength(1)
    }
    // 2024-03-01 09:30:00 in Asia/Shanghai (the site's zone) is 01:30 UTC.
    expect(all(items[0] ?? '', 'pubDate')[0]).toBe('Fri, 01 Mar 2024 01:30:00 +0000')

    const atom = await readFile(join(out, 'atom.xml'), 'utf8')
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom"')
    const head = atom.slice(0, atom.indexOf('<entry>'))
    expect(all(head, 'id')).toHaveLength(1)
    expect(all(head, 'title')[0]).toBe('小站')
    expect(all(head, 'updated')[0]).toMatch(RFC3339)
    expect(head).toContain('<author><name>林间</name></author>')
    const entries = all(atom, 'entry')
    expect(entries).toHaveLength(3)
    for (const entry of entries) {
      expect(all(entry, 'id')).toHaveLength(1)
      expect(all(entry, 'title')).toHaveLength(1)
      expect(all(entry, 'updated')[0]).toMatch(RFC3339)
      expect(all(entry, 'published')[0]).toMatch(RFC3339)
      expect(entry).toMatch(/<link rel="alternate" type="text\/html" href="[^"]+"\/>/)
    }
    expect(all(entries[0] ?? '', 'updated')[0]).toBe('2024-03-02T02:00:00Z')
  })

  it('includes drafts when asked, and is byte-for-byte reproducible', async () => {
    const site = await copyOf(HEXO)
    const [a, b] = [await tempDir(), await tempDir()]
    const first = await exportSite(site, a, { drafts: true })
    await exportSite(site, b, { drafts: true })
    expect(first.articles).toBe(5)
    const files = await listFiles(a)
    expect(files).toContain('posts/下一个想法/index.html')
    expect(files).toContain('posts/未发布的文章/index.html')
    expect(await listFiles(b)).toEqual(files)
    for (const f of files) expect(await readFile(join(b, f)), f).toEqual(await readFile(join(a, f)))
  })

  it('exports into a folder inside the site again without reading its own output, and skips .html files without a header', async () => {
    const site = await copyOf(HEXO)
    await writeFile(join(site, 'source/_posts/plain.html'), '<p>a theme fragment, not an article</p>\n')
    const out = join(site, 'source/_posts/public')
    const first = await exportSite(site, out)
    const second = await exportSite(site, out)
    expect(second.failures.map((f) => f.path)).toEqual(['source/_posts/2021-01-01-broken.md'])
    expect(second.articles).toBe(first.articles)
    expect(second.files).toEqual(first.files)
  })

  it('writes the same bytes whether sanitizing runs on worker threads or in this thread', async () => {
    const site = await copyOf(HEXO)
    const [a, b] = [await tempDir(), await tempDir()]
    await exportSite(site, a, { drafts: true, threads: 2 })
    await exportSite(site, b, { drafts: true, threads: 1 })
    const files = await listFiles(a)
    expect(await listFiles(b)).toEqual(files)
    for (const f of files) expect(await readFile(join(b, f)), f).toEqual(await readFile(join(a, f)))
    expect(await readFile(join(a, 'posts/你好，Hexo/index.html'), 'utf8')).toContain('<img src="cover.png" title="封面">')
  })

  it('exports a plain folder holding the seed article, with relative feed links and URN ids', async () => {
    const dir = join(await tempDir(), 'notes')
    await copyOf(dirname(SEED)).then(async (copy) => {
      await writeFile(join(copy, 'second.md'), '---\ntitle: 第二篇\ndate: 2022-03-02 08:00:00\ntags: [云]\n---\n正文。\n')
      await import('node:fs/promises').then((fs) => fs.rename(copy, dir))
    })
    const out = await tempDir()
    const result = await exportSite(dir, out)
    expect(result.failures).toEqual([])
    const index = elements(await readFile(join(out, 'index.html'), 'utf8'))
    expect(index.filter((e) => e.attrs.class === 'post-title').map((e) => e.text)).toEqual(['第二篇', '史无前例，阿里云或将空降 M7 级高管'])
    const atom = await readFile(join(out, 'atom.xml'), 'utf8')
    expect(all(atom, 'id').every((id) => /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true)
    expect(atom).toContain('href="posts/%E7%AC%AC%E4%BA%8C%E7%AF%87/index.html"')
  })

  it('a tag or category called index gets a page of its own and leaves the list of all of them in place', async () => {
    const root = await folderWith({
      'posts/a.md': '---\ntitle: A\ndate: 2024-01-01\ntags: [index, 云]\ncategories: [Index]\n---\nA\n',
    })
    const out = await tempDir()
    expect((await exportSite(root, out)).failures).toEqual([])
    for (const [kind, label] of [
      ['tags', 'index'],
      ['categories', 'Index'],
    ] as const) {
      const list = elements(await readFile(join(out, kind, 'index.html'), 'utf8'))
      expect(list.find((e) => e.tag === 'h1')?.text).not.toBe(label)
      const link = list.find((e) => e.tag === 'a' && e.text === label)?.attrs.href ?? ''
      expect(link).not.toBe('index.html')
      expect(elements(await readFile(join(out, kind, link), 'utf8')).find((e) => e.tag === 'h1')?.text).toBe(label)
    }
  })
})
