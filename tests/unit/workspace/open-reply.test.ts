/**
 * The folder open's reply (electron/handlers.ts): it carries the first rows and the schema, so the
 * window paints them without asking again, and folderListing gives the same in one answer. An open
 * that ends after the writer chose another folder stays closed: the later choice is the open one.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { EventApi, EventName } from '../../../shared/contract'
import { createHandlers } from '../../../electron/handlers'
import { libraryRow } from '../../../electron/workspace/workspace'
import { generateSite } from '../../bench/generate-site'

const POSTS = 2000
const noTrash = async (): Promise<void> => {
  throw new Error('never trashes')
}

describe('the open reply', () => {
  let scratch = ''
  let big = ''
  let small = ''
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'folio-open-reply-'))
    big = join(scratch, 'big')
    generateSite(big, POSTS)
    small = join(scratch, 'small')
    await mkdir(small)
    await writeFile(join(small, 'only.md'), '---\ntitle: Only\ndate: 2024-01-02\n---\n\nThe one post.\n')
  }, 120_000)
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  const handlersFor = () => createHandlers({ trash: noTrash, watch: false, emit: <E extends EventName>(_event: E, _payload: EventApi[E]) => undefined })

  it('carries the rows read so far, newest first, and the schema, as folderListing tells them', async () => {
    const handlers = handlersFor()
    try {
      const opened = await handlers.openFolder(big)
      expect(opened).not.toBeNull()
      if (!opened) return
      const { rows, ...info } = opened
      // An early open: some rows, not all of them yet, sorted as the library lists them.
      expect(rows.articles.length).toBeGreaterThan(0)
      expect(info.indexing?.total ?? POSTS).toBeGreaterThanOrEqual(rows.articles.length)
      const dates = rows.articles.map((a) => a.dateMs ?? -Infinity)
      expect(dates).toEqual([...dates].sort((a, b) => b - a))
      expect(rows.schema.keys.map((k) => k.key)).toContain('title')
      expect(await handlers.getFolder()).toEqual(info)
      const listing = await handlers.folderListing()
      expect(listing?.folder.root).toBe(info.root)
      expect(listing?.rows.articles.length).toBeGreaterThanOrEqual(rows.articles.length)
    } finally {
      await handlers.dispose()
    }
  })

  it('keeps the folder chosen last when an earlier open ends after it', async () => {
    const handlers = handlersFor()
    try {
      // The big folder reads its first slice; the small one, asked for meanwhile, is open sooner.
      const first = handlers.openFolder(big)
      const second = handlers.openFolder(small)
      const [late, chosen] = await Promise.all([first, second])
      expect(late).toBeNull()
      expect(chosen?.rows.articles.map((a) => a.path)).toEqual(['only.md'])
      expect((await handlers.getFolder())?.root).toBe(chosen?.root)
      expect((await handlers.folderListing())?.rows.articles.map((a) => a.path)).toEqual(['only.md'])
    } finally {
      await handlers.dispose()
    }
  })

  it('tells the rows read after the reply once each, and after a save only the article saved', async () => {
    const progress: EventApi['indexProgress'][] = []
    let finished = (): void => undefined
    const done = new Promise<void>((resolve) => (finished = resolve))
    const handlers = createHandlers({
      trash: noTrash,
      watch: false,
      emit: <E extends EventName>(event: E, payload: EventApi[E]) => {
        if (event !== 'indexProgress') return
        const p = payload as EventApi['indexProgress']
        progress.push(p)
        if (!p.listing && p.done >= p.total) finished()
      },
    })
    try {
      const opened = await handlers.openFolder(big)
      if (!opened) throw new Error('the folder did not open')
      const rows = new Map(opened.rows.articles.map((a) => [a.path, a]))
      let cursor = opened.rows.cursor
      let sent = 0
      // Asked as the window asks while the index reads: what changed since the last answer.
      const ask = async (): Promise<NonNullable<Awaited<ReturnType<typeof handlers.rowsSince>>>> => {
        const answer = await handlers.rowsSince(cursor)
        if (!answer) throw new Error('rowsSince answered null for the open folder')
        for (const row of answer.rows) rows.set(row.path, row)
        for (const path of answer.removed) rows.delete(path)
        sent += answer.rows.length
        cursor = answer.cursor
        return answer
      }
      while (progress.length === 0 || progress.at(-1)?.listing || (progress.at(-1)?.done ?? 0) < (progress.at(-1)?.total ?? 1)) {
        await ask()
        await Promise.race([done, new Promise((resolve) => setTimeout(resolve, 20))])
      }
      const last = await ask()
      const all = await handlers.listArticles()
      expect(all.length).toBe(POSTS)
      expect(last.count).toBe(POSTS)
      expect(last.folder.indexing).toBeUndefined()
      expect(last.schema?.keys.map((k) => k.key)).toContain('title')
      // The rows cross as library rows: the summaries without their excerpts.
      expect([...rows.values()].sort((a, b) => a.path.localeCompare(b.path))).toEqual(all.map(libraryRow).sort((a, b) => a.path.localeCompare(b.path)))
      // Every row crossed once: the reply's, then each read after it.
      expect(sent + opened.rows.articles.length).toBe(POSTS)
      // Nothing changed since: nothing is sent again.
      expect((await ask()).rows).toEqual([])
      const post = all[POSTS - 1]?.path ?? ''
      const article = await handlers.readArticle(post)
      await handlers.saveArticle(post, article.text + '\nOne more line.\n', article.hash)
      const saved = await ask()
      expect(saved.rows.map((a) => a.path)).toEqual([post])
      expect(saved.removed).toEqual([])
    } finally {
      await handlers.dispose()
    }
  })

  it('answers rowsSince with null for a cursor of an open before, so the window asks for the whole listing', async () => {
    const handlers = handlersFor()
    try {
      const first = await handlers.openFolder(small)
      const second = await handlers.openFolder(small)
      if (!first || !second) throw new Error('the folder did not open')
      expect(second.rows.cursor.open).not.toBe(first.rows.cursor.open)
      expect(await handlers.rowsSince(first.rows.cursor)).toBeNull()
      expect((await handlers.rowsSince(second.rows.cursor))?.rows).toEqual([])
      await handlers.closeFolder()
      expect(await handlers.rowsSince(second.rows.cursor)).toBeNull()
    } finally {
      await handlers.dispose()
    }
  })

  it('answers null to folderListing when no folder is open', async () => {
    const handlers = handlersFor()
    try {
      expect(await handlers.folderListing()).toBeNull()
    } finally {
      await handlers.dispose()
    }
  })
})
