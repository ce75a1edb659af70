import { writeFileSync } from 'node:fs'
import { utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { search } from '../../../electron/workspace/search'
import { copySite, open, tempDir } from './helpers'

describe('search', () => {
  it('finds two Chinese characters mid-sentence, with line and snippet', async () => {
    const ws = await open(await copySite('plain'))
    const hits = await ws.search('空降')
    expect(hits[0]).toMatchObject({ path: 'zaker-news.txt', title: '史无前例，阿里云或将空降 M7 级高管', line: 3 }) // the seed starts with a blank line
    const body = hits.find((h) => h.line > 10)
    expect(body).toBeDefined()
    expect(body?.snippet.slice(body.matchStart, body.matchEnd)).toBe('空降')
  })

  it('searches header values and bodies, case-insensitively, every word required', async () => {
    const ws = await open(await copySite('hexo'))
    expect((await ws.search('KYOTO')).map((h) => h.path)).toEqual(['source/_posts/2023-12-24-travel-notes.md'])
    expect((await ws.search('随笔')).map((h) => h.path)).toContain('source/_posts/2024-03-01-hello-hexo.md')
    expect(await ws.search('京都 river')).toHaveLength(1)
    expect(await ws.search('京都 nowhere')).toEqual([])
    expect(await ws.search('   ')).toEqual([])
  })

  it('ranks title matches first and respects the limit', async () => {
    const root = await tempDir()
    await writeFile(join(root, 'a.md'), '---\ntitle: other\ndate: 2024-01-02\n---\n提到了关键词一次\n')
    await writeFile(join(root, 'b.md'), '---\ntitle: 关键词在标题\ndate: 2020-01-01\n---\nbody\n')
    const ws = await open(root)
    const hits = await ws.search('关键词')
    expect(hits.map((h) => h.path)).toEqual(['b.md', 'a.md'])
    expect(await ws.search('关键词', 1)).toHaveLength(1)
  })

  it('sees files changed through the workspace and texts a cached open skipped', async () => {
    const root = await copySite('plain')
    const cacheDir = await tempDir('folio-cache-')
    await (await open(root, { cacheDir })).close()
    const ws = await open(root, { cacheDir })
    expect((await ws.search('CRLF')).map((h) => h.path)).toEqual(['notes/crlf.md'])
    const file = await ws.read('notes/toml.md')
    await ws.save('notes/toml.md', file.text + '新加的句子\n', file.hash)
    expect((await ws.search('新加')).map((h) => h.path)).toEqual(['notes/toml.md'])
  })

  it('reads no article text before a cached open has answered', async () => {
    const root = await tempDir()
    const file = join(root, 'a.md')
    await writeFile(file, '---\ntitle: a\n---\nthe old words\n')
    // Written long ago: the cache keeps its stamp, so the next open reads no text while it lists.
    await utimes(file, new Date('2020-01-01'), new Date('2020-01-01'))
    const cacheDir = await tempDir('folio-cache-')
    await (await open(root, { cacheDir })).close()
    const ws = await open(root, { cacheDir })
    // Changed the moment the open answers (no watcher): the texts the background reads come after it, so search sees this one.
    writeFileSync(file, '---\ntitle: a\n---\nthe new words\n')
    expect((await ws.search('new')).map((h) => h.path)).toEqual(['a.md'])
  })

  it('cuts long lines around the match', () => {
    const text = '---\ntitle: t\n---\n' + 'x'.repeat(500) + '目标' + 'y'.repeat(500)
    const [hit] = search([{ path: 'p.md', title: 't', text: () => text }], '目标')
    expect(hit?.snippet.length).toBeLessThan(140)
    expect(hit?.snippet.slice(hit.matchStart, hit.matchEnd)).toBe('目标')
    expect(hit?.line).toBe(4)
  })
})
