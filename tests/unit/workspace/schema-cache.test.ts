/**
 * The index cache keeps the folder schema with its entries: a re-open of an unchanged folder
 * answers with it and never reads the headers' fields the cache holds, and a file read again (a
 * same-size rewrite in the mtime second it was read in) makes the schema from the headers again.
 * Real folders; mtimes pinned with utimes to whole seconds; where the time of a read decides, the
 * index's clock is held (Date faked, timers real).
 */
import { readdirSync } from 'node:fs'
import { readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { copySite, open, tempDir } from './helpers'

const PATH = 'source/_posts/2024-03-01-hello-hexo.md'

/** Every file of the site stamped a minute ago, as a site's files are: their stamps are trusted. */
async function settled(root: string): Promise<void> {
  const old = new Date(Date.now() - 60_000)
  for (const name of readdirSync(root, { recursive: true }) as string[]) await utimes(join(root, name), old, old)
}

function cacheFile(cacheDir: string): string {
  const name = readdirSync(cacheDir).find((n) => n.startsWith('index-'))
  if (!name) throw new Error(`no index cache in ${cacheDir}`)
  return join(cacheDir, name)
}

const keysOf = (schema: { keys: { key: string }[] }): string[] => schema.keys.map((k) => k.key).sort()

describe('the folder schema in the index cache', () => {
  it('a re-open of an unchanged folder answers with the schema the cache kept, reading neither the files nor the cached header fields', async () => {
    const root = await copySite('hexo')
    await settled(root)
    const cacheDir = await tempDir('folio-cache-')
    const first = await open(root, { cacheDir, readTexts: false })
    const schema = await first.schema()
    expect(keysOf(schema)).toContain('updated')
    await first.close()
    // The header fields after the entries are damaged: a schema made from them would have no keys.
    const file = cacheFile(cacheDir)
    const text = (await readFile(file)).toString('utf16le')
    await writeFile(file, Buffer.from(text.slice(0, text.indexOf('\n')) + '\n[', 'utf16le'))
    const written = (await stat(file)).mtimeMs
    const again = await open(root, { cacheDir, readTexts: false })
    expect(await again.schema()).toEqual(schema)
    await again.close()
    // Nothing was read again, so nothing was written: the cache is as damaged as it was left.
    expect((await stat(file)).mtimeMs).toBe(written)
  })

  it('a file rewritten at the same size in the mtime second it was read in is read again by the re-open: its row and the schema follow it', async () => {
    const root = await copySite('hexo')
    await settled(root)
    const cacheDir = await tempDir('folio-cache-')
    const abs = join(root, PATH)
    const mtime = new Date(Math.floor(Date.now() / 1000) * 1000)
    await utimes(abs, mtime, mtime)
    // The index's clock held half a second into the stamp's second, for both opens however slow the machine is.
    vi.useFakeTimers({ toFake: ['Date'], now: mtime.getTime() + 500 })
    try {
      const first = await open(root, { cacheDir, readTexts: false })
      expect((await first.list()).find((a) => a.path === PATH)?.title).toBe('你好，Hexo')
      expect(keysOf(await first.schema())).toContain('updated')
      await first.close()
      const size = (await stat(abs)).size
      // Same bytes long (再见 and 你好 are two CJK characters each, revised and updated seven letters), same mtime.
      await writeFile(abs, (await readFile(abs, 'utf8')).replace('你好，Hexo', '再见，Hexo').replace('updated:', 'revised:'))
      await utimes(abs, mtime, mtime)
      const now = await stat(abs)
      expect([now.size, now.mtimeMs]).toEqual([size, mtime.getTime()])
      const again = await open(root, { cacheDir, readTexts: false })
      expect((await again.list()).find((a) => a.path === PATH)?.title).toBe('再见，Hexo')
      const keys = keysOf(await again.schema())
      expect(keys).toContain('revised')
      expect(keys).not.toContain('updated')
      await again.close()
    } finally {
      vi.useRealTimers()
    }
  })
})
