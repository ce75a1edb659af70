import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportArticles, runBatch } from '../../../electron/export/batch'
import { FolioError } from '../../../shared/errors'
import { copyOf, HEXO, listFiles, SEED, tempDir } from './helpers'

describe('batch export', () => {
  it('lists an article whose header does not parse and exports the rest, reporting progress', async () => {
    const site = await copyOf(HEXO)
    const posts = ['2021-01-01-broken.md', '2023-12-24-travel-notes.md', '2024-03-01-hello-hexo.md'].map((p) => join(site, 'source/_posts', p))
    const out = await tempDir()
    const progress: [number, number, boolean][] = []
    const result = await exportArticles(posts, { format: 'html', outDir: out, onProgress: (p) => progress.push([p.done, p.total, p.ok]) })
    expect(result.cancelled).toBe(false)
    expect(result.failures).toHaveLength(1)
    expect(result.failures[0]).toMatchObject({ path: posts[0], error: { code: 'HEADER_PARSE', path: 'source/_posts/2021-01-01-broken.md' } })
    expect(result.results.map((r) => r.path)).toEqual(posts.slice(1))
    expect(progress.map(([done, total]) => [done, total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ])
    expect(progress.filter(([, , ok]) => !ok)).toHaveLength(1)
    expect(await listFiles(out)).toEqual(['Travel-notes-from-Kyoto.html', '你好，Hexo.html', '你好，Hexo/cover.png'])
  })

  it('gives articles with the same title distinct names, the same on every run', async () => {
    const dir = await tempDir()
    const text = await readFile(SEED)
    for (const name of ['b.txt', 'a.txt', 'c.txt']) await writeFile(join(dir, name), text)
    const files = ['b.txt', 'c.txt', 'a.txt'].map((n) => join(dir, n))
    const out = await tempDir()
    const result = await exportArticles(files, { format: 'md', outDir: out, concurrency: 3 })
    const names = result.results.map((r) => r.value.files[0]?.slice(out.length + 1).split('/')[0])
    expect(names).toEqual(['史无前例，阿里云或将空降-M7-级高管-2', '史无前例，阿里云或将空降-M7-级高管-3', '史无前例，阿里云或将空降-M7-级高管'])
  })

  it('stops starting new items once the signal fires', async () => {
    const controller = new AbortController()
    const started: string[] = []
    const result = await runBatch(
      ['a', 'b', 'c', 'd'],
      async (p) => {
        started.push(p)
        if (p === 'b') controller.abort()
        if (p === 'a') throw new FolioError({ code: 'IO', message: 'disk full', reason: 'unexpected', params: { detail: 'disk full' } })
        return p.toUpperCase()
      },
      { signal: controller.signal, concurrency: 1 },
    )
    expect(started).toEqual(['a', 'b'])
    expect(result).toEqual({
      results: [{ path: 'b', value: 'B' }],
      failures: [{ path: 'a', error: { code: 'IO', message: 'disk full', reason: 'unexpected', params: { detail: 'disk full' }, path: 'a' } }],
      cancelled: true,
    })
  })
})
