import { mkdir, readdir, readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { plainExcerpt } from '../../../electron/workspace/indexer'
import type { ArticleSummary } from '../../../shared/contract'
import { copySite, open, tempDir } from './helpers'

function byPath(list: ArticleSummary[]): Record<string, ArticleSummary> {
  return Object.fromEntries(list.map((a) => [a.path, a]))
}

describe('index', () => {
  it('Hexo: posts, drafts, pages; published: false; the fenceless header; skipped _ files', async () => {
    const ws = await open(await copySite('hexo'))
    const list = byPath(await ws.list())
    expect(Object.keys(list).sort()).toEqual([
      'source/_drafts/next-idea.md',
      'source/_posts/2021-01-01-broken.md',
      'source/_posts/2022-05-10-hidden.md',
      'source/_posts/2023-12-24-travel-notes.md',
      'source/_posts/2024-03-01-hello-hexo.md',
      'source/about/index.md',
    ])
    const hello = list['source/_posts/2024-03-01-hello-hexo.md']
    expect(hello).toMatchObject({
      format: 'yaml',
      title: '你好，Hexo',
      date: '2024-03-01 09:30:00',
      dateMs: Date.parse('2024-03-01T09:30:00+08:00'), // the site's timezone, not UTC
      updated: '2024-03-02 10:00:00',
      tags: ['随笔', 'hexo'],
      categories: [['技术', '博客']], // a flat list is one hierarchy in Hexo
      draft: false,
      excerpt: '这是第一篇文章，用来测试中文字数统计。', // up to <!-- more -->
      error: null,
    })
    expect(hello?.words).toBe(17 + 5) // 17 CJK characters + "Some English words follow here"
    expect(list['source/_posts/2023-12-24-travel-notes.md']).toMatchObject({
      title: 'Travel notes from Kyoto',
      dateMs: Date.parse('2023-12-24T18:05:00+08:00'),
      tags: ['travel'],
      categories: [['旅行', '日本'], ['随笔']], // a list of lists is several categories
    })
    expect(list['source/_posts/2022-05-10-hidden.md']).toMatchObject({ draft: true, tags: ['secret'], categories: [['草稿箱']] })
    expect(list['source/_drafts/next-idea.md']?.draft).toBe(true)
    expect(list['source/_posts/2021-01-01-broken.md']?.error).toMatchObject({ line: expect.any(Number) })
    const withSize = list['source/about/index.md']
    const s = await stat(join(ws.info.root, 'source/about/index.md'))
    expect(withSize).toMatchObject({ size: s.size, mtimeMs: s.mtimeMs })
  })

  it('Jekyll: the date from the file name, space-separated tags, _drafts', async () => {
    const list = byPath(await (await open(await copySite('jekyll'))).list())
    expect(list['_posts/2023-11-05-no-date-in-header.markdown']).toMatchObject({ date: '2023-11-05', dateMs: Date.parse('2023-11-05T00:00:00+01:00') })
    expect(list['_posts/2024-02-14-welcome-to-jekyll.md']).toMatchObject({
      tags: ['intro', 'meta'],
      categories: [['jekyll'], ['update']],
      dateMs: Date.parse('2024-02-14T20:15:00+01:00'),
    })
    expect(list['_posts/2022-07-01-unpublished.md']).toMatchObject({ draft: true, date: '2022-07-01' })
    expect(list['_drafts/a-draft-post.md']?.draft).toBe(true)
    // A page with a header is an article too (Jekyll renders it); layouts are not.
    expect(list['index.md']).toMatchObject({ title: null, draft: false })
    expect(list['_layouts/post.html']).toBeUndefined()
  })

  it('Hugo: TOML, YAML and JSON headers, draft, lastmod, bundles', async () => {
    const list = byPath(await (await open(await copySite('hugo'))).list())
    expect(list['content/posts/toml-post.md']).toMatchObject({ format: 'toml', draft: false, updated: '2024-04-02T09:00:00+09:00', categories: [['笔记']] })
    expect(list['content/posts/yaml-draft.md']).toMatchObject({ format: 'yaml', draft: true })
    expect(list['content/about/index.md']).toMatchObject({ format: 'json', title: 'About (JSON front matter)' })
    expect(list['content/posts/bundle-with-images/index.md']?.dateMs).toBe(Date.parse('2024-06-01T12:00:00+09:00'))
  })

  it('Astro: collections with md and mdx, pubDate and draft', async () => {
    const list = byPath(await (await open(await copySite('astro'))).list())
    expect(list['src/content/blog/中文文章.mdx']).toMatchObject({ title: '中文文章', date: '2024-01-15', updated: '2024-01-20', draft: true })
    expect(list['src/content/blog/first-post.md']?.date).toBe('Jul 08 2022')
  })

  it('plain folder: the seed .txt is an article, a .txt without header is not, hidden folders and node_modules are skipped', async () => {
    const root = await copySite('plain')
    await mkdir(join(root, 'node_modules/pkg'), { recursive: true })
    await writeFile(join(root, 'node_modules/pkg/README.md'), '# not an article\n')
    const list = byPath(await (await open(root)).list())
    expect(Object.keys(list).sort()).toEqual(['notes/bom.md', 'notes/crlf.md', 'notes/latin1.md', 'notes/toml.md', 'zaker-news.txt'])
    const seed = list['zaker-news.txt']
    expect(seed).toMatchObject({ title: '史无前例，阿里云或将空降 M7 级高管', dateMs: Date.parse('2022-03-01T04:51:00Z') })
    expect(seed?.words).toBeGreaterThan(1000) // counted by character; the body has almost no spaces
    expect(seed?.readingMinutes).toBeGreaterThanOrEqual(3)
    expect(seed?.excerpt.startsWith('这个春天，云巨头集体')).toBe(true) // HTML stripped
  })

  it('re-opening an unchanged folder uses the cache instead of reading the files', async () => {
    const root = await copySite('hexo')
    const cacheDir = await tempDir('folio-cache-')
    const path = 'source/_posts/2024-03-01-hello-hexo.md'
    const abs = join(root, path)
    const mtime = new Date('2024-03-01T12:00:00Z') // whole seconds survive utimes exactly
    await utimes(abs, mtime, mtime)
    const first = await open(root, { cacheDir })
    expect(byPath(await first.list())[path]?.title).toBe('你好，Hexo')
    await first.close()
    // Same size, same mtime, different bytes: only a re-read would notice.
    const text = await readFile(abs, 'utf8')
    await writeFile(abs, text.replace('你好，Hexo', '再见，Hexo'))
    await utimes(abs, mtime, mtime)
    const second = await open(root, { cacheDir })
    expect(byPath(await second.list())[path]?.title).toBe('你好，Hexo')
    await second.close()
    // A changed mtime is noticed.
    await utimes(abs, mtime, new Date(mtime.getTime() + 5000))
    const third = await open(root, { cacheDir })
    expect(byPath(await third.list())[path]?.title).toBe('再见，Hexo')
    await third.close()
    // A changed size is noticed too, with the mtime the cache holds.
    await writeFile(abs, text.replace('你好，Hexo', '又见面了，Hexo'))
    await utimes(abs, mtime, new Date(mtime.getTime() + 5000))
    const fourth = await open(root, { cacheDir })
    expect(byPath(await fourth.list())[path]?.title).toBe('又见面了，Hexo')
  })

  it('ignores a cache made with other settings (a changed timezone) or a damaged one', async () => {
    const root = await copySite('hexo')
    const cacheDir = await tempDir('folio-cache-')
    await (await open(root, { cacheDir })).close()
    const config = join(root, '_config.yml')
    await writeFile(config, (await readFile(config, 'utf8')).replace('Asia/Shanghai', 'UTC'))
    const ws = await open(root, { cacheDir })
    expect(byPath(await ws.list())['source/_posts/2024-03-01-hello-hexo.md']?.dateMs).toBe(Date.parse('2024-03-01T09:30:00Z'))
    await ws.close()
    for (const name of await readdir(cacheDir)) await writeFile(join(cacheDir, name), '{"key": broken')
    expect((await (await open(root, { cacheDir })).list()).length).toBe(6)
  })
})

describe('excerpt', () => {
  it('keeps prose and drops markup, up to <!-- more -->', () => {
    const body = [
      'import Chart from "./Chart.astro"',
      '# 标题',
      '<script>var hidden = 1</script><style>p{}</style>',
      '> 引用 **加粗** `code` [链接](https://x.y) ![图](a.png) {% asset_img a.png 图 %} {{ liquid }}',
      '- item&nbsp;one',
      '<!-- more -->',
      'after more',
    ].join('\n')
    expect(plainExcerpt(body)).toBe('标题 引用 加粗 code 链接 item one')
  })

  it('cuts at 140 characters, never inside a surrogate pair', () => {
    const excerpt = plainExcerpt('𠀀'.repeat(300))
    expect([...excerpt]).toHaveLength(141)
    expect(excerpt.endsWith('𠀀…')).toBe(true)
  })
})
