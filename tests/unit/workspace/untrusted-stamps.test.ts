/**
 * A file read within its mtime's tick has a stamp no cache trusts (cache-key.ts, stampTrusted):
 * a rewrite at the same size in that tick keeps it. The open app compares such a file's bytes
 * again on its next refresh, and once the tick has passed reads it again on its own, so the row
 * follows an outside edit the stamp hid, and a file Folio just saved goes into the index cache.
 * Real folders; mtimes pinned with utimes to whole seconds (they survive it exactly). Where the
 * time of a read decides, the index's clock is held (Date faked, timers real), not raced.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { ContentChange } from '../../../shared/contract'
import { cacheEntries, copySite, open, tempDir, waitFor } from './helpers'

const PATH = 'source/_posts/2024-03-01-hello-hexo.md'

/** Every file of the site stamped a minute ago, as a site's files are: their stamps are trusted. */
async function settled(root: string): Promise<void> {
  const old = new Date(Date.now() - 60_000)
  for (const name of readdirSync(root, { recursive: true }) as string[]) await utimes(join(root, name), old, old)
}

/** The same number of UTF-8 bytes: 你好 and 再见 are two CJK characters each. */
async function rewriteSameSize(abs: string, mtime: Date): Promise<void> {
  const text = await readFile(abs, 'utf8')
  await writeFile(abs, text.replace('你好，Hexo', '再见，Hexo'))
  await utimes(abs, mtime, mtime)
}

async function cachedEntries(cacheDir: string): Promise<Map<string, [string, number, number]>> {
  const names = readdirSync(cacheDir).filter((n) => n.startsWith('index-'))
  if (names.length === 0) return new Map()
  const files = cacheEntries(await readFile(join(cacheDir, names[0] ?? ''), 'utf16le'))
  return new Map(files.map((f) => [f[0], f]))
}

const titleOf = async (ws: { list(): Promise<{ path: string; title: string | null }[]> }): Promise<string | null | undefined> =>
  (await ws.list()).find((a) => a.path === PATH)?.title

/** The listed title once it is `want`, or the last one seen after 10 s. */
async function titleSettles(ws: Parameters<typeof titleOf>[0], want: string): Promise<string | null | undefined> {
  const start = Date.now()
  let title = await titleOf(ws)
  while (title !== want && Date.now() - start < 10_000) {
    await new Promise((r) => setTimeout(r, 20))
    title = await titleOf(ws)
  }
  return title
}

describe('stamps read within their tick', () => {
  it('a same-size outside edit in the tick of the read is seen by the next refresh', async () => {
    const root = await copySite('hexo')
    await settled(root)
    const abs = join(root, PATH)
    // Ahead of the clock (a second-granular disk, a clock behind it): never trusted during the test.
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000 + 30_000)
    await utimes(abs, mtime, mtime)
    const changes: ContentChange[] = []
    const ws = await open(root, { watch: true, onChange: (c) => changes.push(c), watchTiming: { quietMs: 50, maxWaitMs: 300 } })
    expect(await titleOf(ws)).toBe('你好，Hexo')
    await rewriteSameSize(abs, mtime)
    expect((await stat(abs)).mtimeMs).toBe(mtime.getTime())
    await waitFor(
      () => changes.some((c) => c.changed.includes(PATH)),
      10_000,
      () => changes,
    )
    // The watcher may first have read the file half rewritten (writeFile truncates, then writes):
    // that read is a change too, and the next event reads the whole file.
    expect(await titleSettles(ws, '再见，Hexo')).toBe('再见，Hexo')
  })

  it('once the tick has passed, the file is read again: the row follows an edit the stamp hid, and the cache keeps it', { timeout: 30_000 }, async () => {
    const root = await copySite('hexo')
    await settled(root)
    const cacheDir = await tempDir('folio-cache-')
    const abs = join(root, PATH)
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000)
    await utimes(abs, mtime, mtime)
    // The index's clock (Date) held half a second into the stamp's tick while timers run as usual:
    // the open's read and the rewrite after it are within the tick however slow the machine is.
    vi.useFakeTimers({ toFake: ['Date'], now: mtime.getTime() + 500 })
    try {
      const changes: ContentChange[] = []
      const ws = await open(root, { cacheDir, onChange: (c) => changes.push(c) })
      expect(await titleOf(ws)).toBe('你好，Hexo')
      await rewriteSameSize(abs, mtime)
      // The tick passes: the re-check (armed for mtime + 2.1 s, re-armed while the clock is short of it) reads the file again.
      vi.setSystemTime(mtime.getTime() + 3000)
      await waitFor(
        () => changes.some((c) => c.changed.includes(PATH)),
        20_000,
        () => changes,
      )
      expect(await titleOf(ws)).toBe('再见，Hexo')
      await ws.close()
    } finally {
      vi.useRealTimers()
    }
    expect((await cachedEntries(cacheDir)).get(PATH)?.[2]).toBe(mtime.getTime())
  })

  it('a file Folio saved goes into the index cache with its save’s stamp once the tick has passed, so the next open does not read it', async () => {
    const root = await copySite('hexo')
    await settled(root)
    const cacheDir = await tempDir('folio-cache-')
    const ws = await open(root, { cacheDir })
    const file = await ws.read(PATH)
    const saved = await ws.save(PATH, file.text.replace('你好，Hexo', '存好，Hexo'), file.hash)
    await waitFor(() => holds(cacheDir, saved), 10_000)
    await ws.close()
    // The stamp the next open finds is the one the cache holds: it takes the summary from there.
    const now = await stat(join(root, PATH))
    expect([now.size, now.mtimeMs]).toEqual([saved.size, saved.mtimeMs])
    const cacheFile = join(cacheDir, readdirSync(cacheDir).find((n) => n.startsWith('index-')) ?? '')
    const before = cacheEntries(await readFile(cacheFile, 'utf16le'))
    const again = await open(root, { cacheDir })
    expect(await titleOf(again)).toBe('存好，Hexo')
    await again.close()
    // The save changed its folder, so this open listed that folder again and saved the listing; the files' entries stay.
    expect(cacheEntries(await readFile(cacheFile, 'utf16le'))).toEqual(before)
    // An open that read any file, or listed any folder again, rewrites the cache as it closes: the next reads and lists none.
    const bytes = await readFile(cacheFile)
    const third = await open(root, { cacheDir })
    expect(await titleOf(third)).toBe('存好，Hexo')
    await third.close()
    expect(await readFile(cacheFile)).toEqual(bytes)
  })
})

/** Whether the cache file holds PATH with this size and mtime. */
function holds(cacheDir: string, stamp: { size: number; mtimeMs: number }): boolean {
  const name = readdirSync(cacheDir).find((n) => n.startsWith('index-'))
  if (!name) return false
  try {
    const files = cacheEntries(readFileSync(join(cacheDir, name), 'utf16le'))
    return files.some((f) => f[0] === PATH && f[1] === stamp.size && f[2] === stamp.mtimeMs)
  } catch {
    return false // being replaced: asked again
  }
}
