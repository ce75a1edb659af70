/**
 * The library catching up with the main process (renderer/library/row-store catchUp) over the real
 * handlers and a generated folder: a count that disagrees lists the open again a page at a time,
 * never the whole listing in one answer, says it is busy until the new rows replace the old, and
 * ends with exactly the folder's rows.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LibraryRow, EventApi, EventName, RowsCursor, RowsUpdate } from '../../../../shared/contract'
import { createHandlers } from '../../../../electron/handlers'
import { ROWS_PER_ANSWER } from '../../../../electron/workspace/workspace'
import { catchUp, RowStore } from '../../../../renderer/library/row-store'
import { generateSite } from '../../../bench/generate-site'
import { articleSummary } from './summary'

/** More than one rowsSince answer holds. */
const POSTS = ROWS_PER_ANSWER + 200
const PAGE = ROWS_PER_ANSWER

describe('catching up with the folder', () => {
  let scratch = ''
  let site = ''
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'folio-row-catch-up-'))
    site = join(scratch, 'site')
    generateSite(site, POSTS)
    // 5,200 files written: well over the default 10 s on a loaded machine.
  }, 120_000)
  afterAll(async () => {
    await rm(scratch, { recursive: true, force: true })
  })

  /** The real handlers, and a promise kept once their index has read every file. */
  function handlersOf(cacheDir?: string): { handlers: ReturnType<typeof createHandlers>; indexed: Promise<void> } {
    let finished = (): void => undefined
    const indexed = new Promise<void>((resolve) => (finished = resolve))
    const handlers = createHandlers({
      trash: async () => {
        throw new Error('never trashes')
      },
      watch: false,
      ...(cacheDir ? { cacheDir } : {}),
      emit: <E extends EventName>(event: E, payload: EventApi[E]) => {
        const p = payload as EventApi['indexProgress']
        if (event === 'indexProgress' && !p.listing && p.done >= p.total) finished()
      },
    })
    return { handlers, indexed }
  }

  it('lists the folder again in pages when the rows held disagree with its count', { timeout: 120_000 }, async () => {
    const { handlers, indexed } = handlersOf()
    try {
      const opened = await handlers.openFolder(site)
      if (!opened) throw new Error('the folder did not open')
      await indexed
      // The rows of the reply and one the folder never held: the count disagrees at the end.
      const store = new RowStore()
      store.reset([...opened.rows.articles, articleSummary('ghost.md', { dateMs: 0 })])
      const asked: RowsCursor[] = []
      const sizes: number[] = []
      // What the library was told, in order: a page asked for, rows shown, or busy re-listing (rows held so far).
      const told: string[] = []
      const ask = async (cursor: RowsCursor) => {
        asked.push(cursor)
        told.push(`ask ${cursor.at}`)
        const answer = await handlers.rowsSince(cursor)
        if (answer) sizes.push(answer.rows.length + answer.removed.length)
        return answer
      }
      let shown: string[] = []
      const show = (_answer: RowsUpdate, rows: LibraryRow[]): void => {
        told.push('show')
        shown = rows.map((a) => a.path)
      }
      const relisting = (answer: RowsUpdate, done: number): void => {
        told.push(`busy ${done}/${answer.count}`)
      }
      expect(await catchUp(store, opened.rows.cursor, ask, show, relisting)).toBe(true)

      const all = (await handlers.listArticles()).map((a) => a.path)
      expect(store.size).toBe(POSTS)
      // The rows held are the library's own: no excerpt, which no row shows, came over or is kept.
      expect(opened.rows.articles.some((a) => 'excerpt' in a)).toBe(false)
      expect(store.rows.some((a) => 'excerpt' in a)).toBe(false)
      expect([...shown].sort()).toEqual([...all].sort())
      expect(shown).not.toContain('ghost.md')
      // Listed again from the open's first change, and never more than a page per answer.
      expect(asked.some((cursor) => cursor.at === 0 && cursor.open === opened.rows.cursor.open)).toBe(true)
      expect(Math.max(...sizes)).toBeLessThanOrEqual(PAGE)
      expect(sizes.filter((n) => n === PAGE).length).toBeGreaterThanOrEqual(1)
      // From the moment the count disagrees the library is busy, before every page, and shows rows only once: the new ones.
      const relist = told.indexOf('ask 0', 1)
      expect(told.slice(relist - 1)).toEqual([`busy 0/${POSTS}`, 'ask 0', `busy ${PAGE}/${POSTS}`, expect.stringMatching(/^ask /), 'show'])
    } finally {
      await handlers.dispose()
    }
  })

  it('catches up with a folder opened again from its index cache, a page at a time', { timeout: 120_000 }, async () => {
    const cacheDir = join(scratch, 'cache')
    const cold = handlersOf(cacheDir)
    try {
      if (!(await cold.handlers.openFolder(site))) throw new Error('the folder did not open')
      await cold.indexed
    } finally {
      await cold.handlers.dispose()
    }
    const warm = handlersOf(cacheDir)
    try {
      const opened = await warm.handlers.openFolder(site)
      if (!opened) throw new Error('the folder did not open again')
      await warm.indexed
      const store = new RowStore()
      store.reset(opened.rows.articles)
      const sizes: number[] = []
      const ask = async (cursor: RowsCursor) => {
        const answer = await warm.handlers.rowsSince(cursor)
        if (answer) sizes.push(answer.rows.length + answer.removed.length)
        return answer
      }
      let shown: string[] = opened.rows.articles.map((a) => a.path)
      const show = (_answer: RowsUpdate, rows: LibraryRow[]): void => {
        shown = rows.map((a) => a.path)
      }
      expect(await catchUp(store, opened.rows.cursor, ask, show, () => undefined)).toBe(true)
      const all = (await warm.handlers.listArticles()).map((a) => a.path)
      expect(store.size).toBe(POSTS)
      expect([...shown].sort()).toEqual([...all].sort())
      expect(Math.max(0, ...sizes)).toBeLessThanOrEqual(PAGE)
      expect(store.rows.some((a) => 'excerpt' in a)).toBe(false)
    } finally {
      await warm.handlers.dispose()
    }
  })

  it('says the whole listing is needed when the cursor is not the open folder’s', async () => {
    const store = new RowStore()
    expect(
      await catchUp(
        store,
        { open: 1, at: 0 },
        async () => null,
        () => undefined,
        () => undefined,
      ),
    ).toBe(false)
  })
})
