/**
 * The app's early open (onIndexProgress): the workspace resolves once the first rows are read,
 * says how far the rest has come while it reads on, and ends with exactly the listing, schema and
 * cache of an open that waited for every file. A file saved while the early index still reads
 * keeps its new summary.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { IndexProgress } from '../../../shared/contract'
import { openWorkspace } from '../../../electron/workspace/workspace'
import { generateSite, postPath } from '../../bench/generate-site'
import { cacheEntries, waitFor } from './helpers'

const noTrash = async (): Promise<void> => {
  throw new Error('never trashes')
}
const POSTS = 3000

describe('an early open of a big folder', () => {
  let root = ''
  let scratch = ''
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'folio-early-'))
    root = join(scratch, 'site')
    generateSite(root, POSTS)
    // Written a while ago, as a site's posts are: a stamp read within its mtime's tick is kept by no cache.
    const before = new Date(Date.now() - 60_000)
    for (let i = 0; i < POSTS; i++) await utimes(join(root, postPath(i)), before, before)
  }, 120_000)
  /** The index cache's entry of `path` ([path, size, mtime, …]), or undefined (none yet, or being replaced). */
  const cachedStamp = (path: string): [string, number, number] | undefined => {
    const [name] = readdirSync(join(scratch, 'cache'))
    try {
      return cacheEntries(readFileSync(join(scratch, 'cache', name!), 'utf16le')).find((f) => f[0] === path)
    } catch {
      return undefined
    }
  }
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  it('lists the first rows at once, counts the rest, and ends as a full open', async () => {
    const full = await openWorkspace({ root, trash: noTrash, readTexts: false })
    const fullList = await full.list()
    await full.close()

    const told: IndexProgress[] = []
    let resolveDone: () => void = () => undefined
    const done = new Promise<void>((resolve) => (resolveDone = resolve))
    const early = await openWorkspace({
      root,
      trash: noTrash,
      cacheDir: join(scratch, 'cache'),
      onIndexProgress: (p) => {
        told.push(p)
        if (!p.listing && p.done === p.total) resolveDone()
      },
    })
    try {
      // What the window lists at once: the rows read so far, while the rest is still listed and read.
      expect(early.info.indexing?.done).toBeLessThan(POSTS)
      const first = await early.list({ soFar: true })
      expect(first.length).toBeGreaterThan(0)
      expect(first.length).toBeLessThan(POSTS)
      // A post late in the order saved now: the index's own older read of it must not win.
      const late = postPath(POSTS - 1)
      const file = await early.read(late)
      const saved = await early.save(late, file.text.replace(/^title: .*$/m, 'title: Saved while indexing'), file.hash)
      await done
      expect(early.info.indexing).toBeUndefined()
      expect(told.at(-1)).toEqual({ root: early.info.root, done: POSTS, total: POSTS, listing: false })
      for (let i = 1; i < told.length; i++) expect(told[i]!.done).toBeGreaterThanOrEqual(told[i - 1]!.done)
      // The total grows while folders are listed, and is every file once they are.
      for (let i = 1; i < told.length; i++) expect(told[i]!.total).toBeGreaterThanOrEqual(told[i - 1]!.total)
      for (const p of told) if (!p.listing) expect(p.total).toBe(POSTS)
      const list = await early.list()
      expect(list.find((a) => a.path === late)?.title).toBe('Saved while indexing')
      expect(list.filter((a) => a.path !== late)).toEqual(fullList.filter((a) => a.path !== late))
      // Exactly what an open that waits for every file lists now.
      const after = await openWorkspace({ root, trash: noTrash, readTexts: false })
      expect(list).toEqual(await after.list())
      expect(await early.schema()).toEqual(await after.schema())
      await after.close()
      // The cache written after the early open holds every file, the one saved meanwhile once its
      // mtime's tick has passed: read again then, its stamp is trusted (cache-key.ts, stampTrusted).
      await waitFor(() => cachedStamp(late)?.[2] === saved.mtimeMs, 20_000)
    } finally {
      await early.close()
    }
    const [cacheFile] = readdirSync(join(scratch, 'cache'))
    const cachedPaths = async () => cacheEntries(await readFile(join(scratch, 'cache', cacheFile!), 'utf16le')).map(([path]) => path)
    expect(await cachedPaths()).toHaveLength(POSTS)
    // Once its mtime is well behind, an open reads it again and the cache holds every file.
    const old = new Date(Date.now() - 60_000)
    await utimes(join(root, postPath(POSTS - 1)), old, old)
    const reread = await openWorkspace({ root, trash: noTrash, cacheDir: join(scratch, 'cache'), onIndexProgress: () => undefined })
    try {
      expect((await reread.list()).find((a) => a.path === postPath(POSTS - 1))?.title).toBe('Saved while indexing')
    } finally {
      await reread.close()
    }
    expect(await cachedPaths()).toHaveLength(POSTS)
    // And a cached early open lists everything from the cache: no file is read again, so the cache is not rewritten.
    const written = (await stat(join(scratch, 'cache', cacheFile!))).mtimeMs
    const again = await openWorkspace({ root, trash: noTrash, cacheDir: join(scratch, 'cache'), onIndexProgress: () => undefined })
    try {
      expect(await again.list()).toHaveLength(POSTS)
    } finally {
      await again.close()
    }
    expect((await stat(join(scratch, 'cache', cacheFile!))).mtimeMs).toBe(written)
  }, 60_000)

  it('stops reading when closed before the end', async () => {
    await writeFile(join(root, 'extra.md'), '---\ntitle: extra\n---\n')
    const told: IndexProgress[] = []
    const ws = await openWorkspace({ root, trash: noTrash, onIndexProgress: (p) => told.push(p) })
    expect(ws.info.indexing?.done).toBeLessThan(POSTS + 1)
    await ws.close()
    const atClose = told.length
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(told.length).toBe(atClose)
    expect(told.at(-1)?.done ?? 0).toBeLessThan(POSTS + 1)
  })
})
