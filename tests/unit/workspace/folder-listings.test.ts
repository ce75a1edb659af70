/**
 * A re-open with the index cache lists again only the folders whose stamp (mtime, ctime, inode)
 * changed since the cache listed them; the others' names come from the cache, and every file is
 * still stat'ed. Real folders: what a cached re-open lists is compared with an open without a
 * cache after each kind of change. Settled stamps are pinned with utimes a minute back, as a
 * site's folders are; a folder changed within its mtime's tick of the listing is never kept.
 */
import { existsSync, readdirSync } from 'node:fs'
import { mkdir, readFile, rename, rm, stat, symlink, unlink, utimes, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openWorkspace } from '../../../electron/workspace/workspace'
import { tempDir, waitFor } from './helpers'

const noTrash = async (): Promise<void> => {
  throw new Error('never trashes')
}
const post = (title: string) => `---\ntitle: '${title}'\ndate: 2024-01-02\n---\n正文 ${title}\n`
/** A minute back, to the second: a stamp that old is trusted, and survives utimes exactly. */
const settledAt = () => new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000)

/** Every file and folder under root (root too) stamped `at`. */
async function settle(root: string, at = settledAt()): Promise<void> {
  for (const name of readdirSync(root, { recursive: true }) as string[]) await utimes(join(root, name), at, at)
  await utimes(root, at, at)
}

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [rel, text] of Object.entries(files)) {
    await mkdir(join(root, rel, '..'), { recursive: true })
    await writeFile(join(root, rel), text)
  }
}

/** What an open lists (paths and titles) and warns of; closed after, so its cache is written. */
async function opened(root: string, cacheDir?: string): Promise<{ rows: string[]; warnings: string[] }> {
  const ws = await openWorkspace({ root, trash: noTrash, readTexts: false, sweepTemps: false, ...(cacheDir ? { cacheDir } : {}) })
  try {
    return {
      rows: (await ws.list()).map((a) => `${a.path} ${a.title ?? ''}`).sort(),
      warnings: (ws.info.warnings ?? []).map((w) => w.message).sort(),
    }
  } finally {
    await ws.close()
  }
}

type Dirs = [string, number, number, number, string[], string][]

function cacheFile(cacheDir: string): string {
  return join(cacheDir, readdirSync(cacheDir).find((n) => n.startsWith('index-')) ?? 'none')
}

/** The cache's folder listings by path. */
async function cachedDirs(cacheDir: string): Promise<Map<string, Dirs[number]>> {
  const text = await readFile(cacheFile(cacheDir), 'utf16le')
  const doc = JSON.parse(text.slice(0, text.indexOf('\n'))) as { dirs?: Dirs }
  return new Map((doc.dirs ?? []).map((d) => [d[0], d]))
}

/** Rewrites the cache's first part (its entries, listings and their filter), the rest kept. */
async function editCache(cacheDir: string, edit: (doc: { dirs: Dirs; dirsFilter?: string }) => void): Promise<void> {
  const file = cacheFile(cacheDir)
  const text = await readFile(file, 'utf16le')
  const cut = text.indexOf('\n')
  const doc = JSON.parse(text.slice(0, cut)) as { dirs: Dirs; dirsFilter?: string }
  edit(doc)
  await writeFile(file, JSON.stringify(doc) + text.slice(cut), 'utf16le')
}

/** Rewrites one cached listing's names (its stamp kept): what a re-open then lists shows whether it listed the folder itself. */
async function editCachedListing(cacheDir: string, rel: string, edit: (names: string[], types: string) => [string[], string]): Promise<void> {
  await editCache(cacheDir, (doc) => {
    const dir = doc.dirs.find((d) => d[0] === rel)
    if (!dir) throw new Error(`the cache holds no listing of ${rel}`)
    ;[dir[4], dir[5]] = edit(dir[4], dir[5])
  })
}

/** posts' cached listing without b.md: a re-open that took it does not list b.md. */
const withoutB = (names: string[], types: string): [string[], string] => {
  const at = names.indexOf('b.md')
  return [names.filter((_, i) => i !== at), types.slice(0, at) + types.slice(at + 1)]
}
const postsRows = (rows: string[]) => rows.filter((r) => r.startsWith('posts/') && !r.startsWith('posts/2024') && !r.startsWith('posts/old'))

/** A settled site, opened once with a cache (which keeps its folders' listings). */
async function cachedSite(files: Record<string, string>): Promise<{ root: string; cacheDir: string }> {
  const root = join(await tempDir('folio-listings-'), 'site')
  await write(root, files)
  await settle(root)
  const cacheDir = await tempDir('folio-listings-cache-')
  await opened(root, cacheDir)
  return { root, cacheDir }
}

const BASE = {
  'posts/a.md': post('甲'),
  'posts/b.md': post('乙'),
  'posts/2024/c.md': post('丙'),
  'posts/2024/deep/d.md': post('丁'),
  'posts/old/e.md': post('戊'),
  'notes/f.md': post('己'),
  'notes/picture.png': 'not an article',
  'node_modules/pkg/readme.md': post('ignored'),
  '.hidden/g.md': post('hidden'),
}

describe('a re-open lists again only the folders that changed', () => {
  it('takes an unchanged folder’s names from the cache, and lists a folder whose stamp changed', async () => {
    const { root, cacheDir } = await cachedSite(BASE)
    expect([...(await cachedDirs(cacheDir)).keys()].sort()).toEqual(['', 'notes', 'posts', 'posts/2024', 'posts/2024/deep', 'posts/old'])
    // The cache's listing of posts names a.md alone: a re-open that took it did not list posts again.
    await editCachedListing(cacheDir, 'posts', withoutB)
    const reused = await opened(root, cacheDir)
    expect(postsRows(reused.rows)).toEqual(['posts/a.md 甲'])
    // Another mtime (still a settled one): the folder is listed again and b.md is back.
    const other = new Date(settledAt().getTime() - 5_000)
    await utimes(join(root, 'posts'), other, other)
    expect(await opened(root, cacheDir)).toEqual(await opened(root))
  })

  it('keeps no listing of a folder changed within its mtime’s tick of the listing, so the next open lists it again', async () => {
    const { root, cacheDir } = await cachedSite(BASE)
    // Changed just now: an entry added in the same tick after the listing would keep this mtime.
    await writeFile(join(root, 'posts/new.md'), post('新'))
    const now = await opened(root, cacheDir)
    expect(now.rows).toContain('posts/new.md 新')
    const dirs = await cachedDirs(cacheDir)
    expect(dirs.has('posts')).toBe(false)
    expect(dirs.has('notes')).toBe(true)
  })

  const changes: [string, (root: string) => Promise<void>][] = [
    ['a folder added deep down', (root) => write(root, { 'posts/2024/deep/new/n.md': post('新') })],
    ['a folder removed', (root) => rm(join(root, 'posts/2024/deep'), { recursive: true })],
    ['a folder renamed', (root) => rename(join(root, 'posts/old'), join(root, 'posts/older'))],
    ['a folder moved to another folder', (root) => rename(join(root, 'posts/2024/deep'), join(root, 'notes/deep'))],
    ['an ignored folder renamed to a listed name', (root) => rename(join(root, '.hidden'), join(root, 'shown'))],
    ['a listed folder renamed to an ignored name', (root) => rename(join(root, 'posts/old'), join(root, 'posts/.old'))],
    ['a file added', (root) => writeFile(join(root, 'notes/h.md'), post('庚'))],
    ['a file removed', (root) => unlink(join(root, 'posts/2024/c.md'))],
    ['a file renamed', (root) => rename(join(root, 'posts/b.md'), join(root, 'posts/b2.md'))],
    ['a file put in an ignored folder', (root) => writeFile(join(root, 'node_modules/pkg/more.md'), post('ignored too'))],
    ['a link to a folder added', (root) => symlink(join(root, 'posts'), join(root, 'notes/loop'))],
    ['a link to a file inside added', (root) => symlink(join(root, 'posts/a.md'), join(root, 'notes/a-link.md'))],
    ['a link to nothing added', (root) => symlink(join(root, 'nowhere.md'), join(root, 'notes/dangling.md'))],
    [
      'a file edited in place at the same size within the same second',
      async (root) => {
        const abs = join(root, 'posts/2024/c.md')
        const { mtime } = await stat(abs)
        await writeFile(abs, (await readFile(abs, 'utf8')).replaceAll('丙', '癸'))
        // Half a second on: the same whole second as the stamp the cache holds.
        await utimes(abs, mtime, new Date(mtime.getTime() + 500))
      },
    ],
  ]
  for (const [what, change] of changes) {
    it(`a re-open finds ${what}, as an open without a cache does`, async () => {
      const { root, cacheDir } = await cachedSite(BASE)
      const before = await opened(root, cacheDir)
      await change(root)
      const after = await opened(root, cacheDir)
      expect(after).toEqual(await opened(root))
      // A file in an ignored folder changes nothing listed; every other change does.
      if (what !== 'a file put in an ignored folder') expect(after).not.toEqual(before)
    })
  }

  it('a save’s temp file that a crash left is removed on a re-open that took its folder’s names from the cache', async () => {
    const { root, cacheDir } = await cachedSite(BASE)
    const temp = join(root, 'posts/2024/.folio-0123456789ab.tmp')
    await writeFile(temp, 'half a save')
    await settle(root)
    // Recent when this open lists it (a save in progress): it stays, and the cached listing names it.
    await opened(root, cacheDir)
    expect((await cachedDirs(cacheDir)).get('posts/2024')?.[4]).toContain('.folio-0123456789ab.tmp')
    const twoDaysAgo = new Date(Date.now() - 2 * 86_400_000)
    await utimes(temp, twoDaysAgo, twoDaysAgo)
    const ws = await openWorkspace({ root, trash: noTrash, readTexts: false, cacheDir })
    try {
      await waitFor(() => !existsSync(temp))
    } finally {
      await ws.close()
    }
  })

  it('uses no listing kept under other article extensions or temp names (a cache of another version)', async () => {
    const { root, cacheDir } = await cachedSite(BASE)
    await editCachedListing(cacheDir, 'posts', withoutB)
    await editCache(cacheDir, (doc) => (doc.dirsFilter = '.md|an older version'))
    expect(postsRows((await opened(root, cacheDir)).rows)).toEqual(['posts/a.md 甲', 'posts/b.md 乙'])
  })

  it('never reads or removes a file outside the folder that a damaged or forged listing names', async () => {
    const { root, cacheDir } = await cachedSite(BASE)
    // Beside the site folder, where `..` from it leads.
    const base = join(root, '..')
    await write(base, { 'outside/stolen.md': post('不该读到') })
    const victim = join(base, 'outside/victim')
    await writeFile(victim, 'not Folio’s')
    // A save's temp file inside, old enough to be swept: once it is gone, the sweep has run.
    const temp = join(root, 'posts/.folio-0123456789ab.tmp')
    await writeFile(temp, 'half a save')
    await settle(root)
    const longAgo = new Date('2020-01-01T00:00:00Z')
    await utimes(victim, longAgo, longAgo)
    await utimes(temp, longAgo, longAgo)
    await opened(root, cacheDir)
    await editCachedListing(cacheDir, '', (names, types) => [[...names, '../outside/stolen.md', '.folio-tmp-/../../outside/victim'], `${types}ff`])
    await editCachedListing(cacheDir, 'posts', (names, types) => [[...names, '../../outside/stolen.md'], `${types}f`])
    const ws = await openWorkspace({ root, trash: noTrash, readTexts: false, cacheDir })
    try {
      expect((await ws.list()).map((a) => a.path).filter((p) => p.includes('..') || p.includes('stolen'))).toEqual([])
      await waitFor(() => !existsSync(temp))
      expect(existsSync(victim)).toBe(true)
    } finally {
      await ws.close()
    }
  })

  it('an open that watches the folder lists it again once, so a file a stale listing hides (a mount whose folders keep their stamp) appears', async () => {
    const { root, cacheDir } = await cachedSite(BASE)
    await editCachedListing(cacheDir, 'posts', withoutB)
    const added: string[] = []
    const ws = await openWorkspace({
      root,
      trash: noTrash,
      readTexts: false,
      sweepTemps: false,
      cacheDir,
      watch: true,
      watchTiming: { quietMs: 50, maxWaitMs: 300 },
      onChange: (change) => added.push(...change.added),
    })
    try {
      await waitFor(() => added.includes('posts/b.md'))
      expect((await ws.list()).map((a) => a.path)).toContain('posts/b.md')
    } finally {
      await ws.close()
    }
  })

  it('a re-open of an unchanged folder lists and warns of what an open without a cache does (links, ignored folders)', async () => {
    const { root, cacheDir } = await cachedSite(BASE)
    await symlink(join(root, 'posts'), join(root, 'notes/loop'))
    await symlink(join(root, 'posts/a.md'), join(root, 'notes/a-link.md'))
    await settle(root)
    await opened(root, cacheDir)
    expect(await opened(root, cacheDir)).toEqual(await opened(root))
  })
})
