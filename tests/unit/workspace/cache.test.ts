import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { ArticleSummary } from '../../../shared/contract'
import { createCache, type CachedFile, type CachedSchema, type IndexCache } from '../../../electron/workspace/cache'
import { tempDir } from './helpers'

function summary(path: string, over: Partial<ArticleSummary> = {}): ArticleSummary {
  return {
    path,
    format: 'yaml',
    title: `阿里云发布新一代服务器 ${path}`,
    date: '2024-01-02 10:00:00',
    dateMs: Date.UTC(2024, 0, 2, 2),
    updated: null,
    updatedMs: null,
    tags: ['云计算', 'ARM'],
    categories: [['科技', '云']],
    draft: false,
    excerpt: '据悉，阿里云今天发布了新一代服务器芯片……😀',
    words: 1234,
    readingMinutes: 4,
    size: 5120,
    mtimeMs: 1_700_000_000_123.5,
    error: null,
    keys: ['title', 'date', 'tags', 'categories'],
    checks: [],
    ...over,
  }
}

function entry(path: string, over: Partial<ArticleSummary> = {}): CachedFile {
  const s = summary(path, over)
  return { size: s.size, mtimeMs: s.mtimeMs, summary: s, fields: [['title', 'text', [], null]] }
}

/** What a cache loads, as plain entries (a loaded entry reads its fields from the file when first asked). */
function loaded(cache: IndexCache): Map<string, CachedFile> {
  const files = new Map<string, CachedFile>()
  for (const [path, f] of cache.load().files) files.set(path, { size: f.size, mtimeMs: f.mtimeMs, summary: f.summary, fields: f.fields })
  return files
}

const SCHEMA: CachedSchema = {
  pins: 'null',
  schema: { articles: 1, keys: [], collections: [], listStyle: null, file: null, fileErrors: [] },
}

describe('the index cache', () => {
  it('reads back what it saved, Chinese text, header errors and encoding problems included', async () => {
    const dir = await tempDir()
    const files = new Map<string, CachedFile>([
      ['source/_posts/a.md', entry('source/_posts/a.md', { draft: true, updated: '2024-02-01', updatedMs: Date.UTC(2024, 1, 1) })],
      [
        'source/_posts/broken.md',
        entry('source/_posts/broken.md', {
          title: null,
          error: { code: 'syntax', message: '第 3 行：缩进不对', line: 3, column: 5 },
          checks: [{ code: 'missing-required', key: 'title', severity: 'warning', line: null, message: 'title is required' }],
        }),
      ],
      ['source/_posts/gbk.md', entry('source/_posts/gbk.md', { encoding: { code: 'invalid-utf8', line: 7 } })],
      ['source/notes.txt', { size: 12, mtimeMs: 1, summary: null, fields: null }],
    ])
    await createCache(dir, '/home/李雷/blog', 'v1').save(files)
    expect(loaded(createCache(dir, '/home/李雷/blog', 'v1'))).toEqual(files)
  })

  it('round-trips across the slices it writes in (2,000 entries each)', async () => {
    const dir = await tempDir()
    for (const count of [0, 1, 2000, 2001, 4001]) {
      const files = new Map<string, CachedFile>()
      for (let i = 0; i < count; i++) files.set(`posts/${i}.md`, entry(`posts/${i}.md`, { words: i }))
      const cache = createCache(dir, '/blog', `count-${count}`)
      await cache.save(files)
      const back = loaded(cache)
      expect(back.size).toBe(count)
      expect(back).toEqual(files)
    }
  })

  it('is empty when made with other settings or for another folder', async () => {
    const dir = await tempDir()
    await createCache(dir, '/blog', 'v1').save(new Map([['a.md', entry('a.md')]]))
    expect(createCache(dir, '/blog', 'v2').load().files.size).toBe(0)
    expect(createCache(dir, '/other', 'v1').load().files.size).toBe(0)
    expect(createCache(dir, '/blog', 'v1').load().files.size).toBe(1)
  })

  it('keeps one file per content root, as UTF-16LE JSON', async () => {
    const dir = await tempDir()
    await createCache(dir, '/blog', 'v1').save(new Map([['a.md', entry('a.md')]]))
    await createCache(dir, '/博客', 'v1').save(new Map([['b.md', entry('b.md')]]))
    const names = await readdir(dir)
    expect(names).toHaveLength(2)
    for (const name of names) expect(name).toMatch(/^index-[0-9a-f]{16}\.utf16\.json$/)
    // The entries, then (after a newline) their header fields.
    const parts = (await readFile(join(dir, names[0] ?? ''))).toString('utf16le').split('\n')
    expect(parts).toHaveLength(2)
    for (const part of parts) expect(() => JSON.parse(part) as unknown).not.toThrow()
  })

  it('a missing or damaged cache loads as empty (the folder is indexed from its files) and the next save repairs it', async () => {
    const dir = await tempDir()
    const cache = createCache(join(dir, 'not-yet'), '/blog', 'v1')
    expect(cache.load().files.size).toBe(0)
    await cache.save(new Map([['a.md', entry('a.md')]]))
    const [name] = await readdir(join(dir, 'not-yet'))
    const file = join(dir, 'not-yet', name ?? '')
    const whole = await readFile(file)
    await writeFile(file, whole.subarray(0, whole.length / 2))
    expect(cache.load().files.size).toBe(0)
    await writeFile(file, Buffer.from('{"key":"v1","root":"/blog","files":null}', 'utf16le'))
    expect(cache.load().files.size).toBe(0)
    await cache.save(new Map([['a.md', entry('a.md')]]))
    expect(cache.load().files.get('a.md')?.summary?.title).toBe('阿里云发布新一代服务器 a.md')
  })

  it('keeps the folder schema it was saved with, and none when saved without', async () => {
    const dir = await tempDir()
    const cache = createCache(dir, '/blog', 'v1')
    await cache.save(new Map([['a.md', entry('a.md')]]), SCHEMA)
    expect(cache.load().schema).toEqual(SCHEMA)
    await cache.save(new Map([['a.md', entry('a.md')]]))
    expect(cache.load().schema).toBeNull()
  })

  it('stores the entries as they were when asked to save, beside the schema made from them, whatever changes during the write', async () => {
    const dir = await tempDir()
    const cache = createCache(join(dir, 'made-by-the-save'), '/blog', 'v1')
    const files = new Map([['a.md', entry('a.md')]])
    const saved = cache.save(files, SCHEMA)
    // A watcher's update lands while the save makes its folder and opens its file.
    files.set('a.md', entry('a.md', { title: 'changed on disk', size: 99 }))
    files.set('b.md', entry('b.md'))
    await saved
    const back = loaded(cache)
    expect([...back.keys()]).toEqual(['a.md'])
    expect(back.get('a.md')?.summary?.title).toBe('阿里云发布新一代服务器 a.md')
  })

  it('reads the header fields only when asked: damaged fields leave the entries and the schema whole, and come back empty', async () => {
    const dir = await tempDir()
    const cache = createCache(dir, '/blog', 'v1')
    await cache.save(new Map([['a.md', entry('a.md')]]), SCHEMA)
    const [name] = await readdir(dir)
    const file = join(dir, name ?? '')
    const text = (await readFile(file)).toString('utf16le')
    await writeFile(file, Buffer.from(text.slice(0, text.indexOf('\n') + 3), 'utf16le'))
    const back = cache.load()
    expect(back.schema).toEqual(SCHEMA)
    expect(back.files.get('a.md')?.summary?.title).toBe('阿里云发布新一代服务器 a.md')
    expect(back.files.get('a.md')?.fields).toEqual([])
  })

  it('writes each distinct list once, and the summaries loaded share it', async () => {
    const dir = await tempDir()
    const cache = createCache(dir, '/blog', 'v1')
    const files = new Map<string, CachedFile>()
    for (let i = 0; i < 50; i++) files.set(`posts/${i}.md`, entry(`posts/${i}.md`, { tags: i === 7 ? ['独有'] : ['云计算', 'ARM'] }))
    await cache.save(files)
    const [name] = await readdir(dir)
    const text = (await readFile(join(dir, name ?? ''))).toString('utf16le')
    expect(text.split('"云计算","ARM"')).toHaveLength(2)
    const back = cache.load().files
    expect(back.get('posts/1.md')?.summary?.tags).toBe(back.get('posts/2.md')?.summary?.tags)
    expect(back.get('posts/1.md')?.summary?.keys).toBe(back.get('posts/49.md')?.summary?.keys)
    expect(back.get('posts/7.md')?.summary?.tags).toEqual(['独有'])
    expect(loaded(cache)).toEqual(files)
  })
})
