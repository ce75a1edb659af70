import { useCallback, useEffect, useRef, useState } from 'react'
import type { LibraryRow, FolderInfo, FolderRows, IndexProgress, OpenedFolder, RowsCursor, RowsUpdate } from '../../shared/contract'
import { AnswerOrder } from './answer-order'
import { catchUp, RowStore } from '../library/row-store'
import type { FolderSchema } from '../../shared/schema'
import { folio } from '../bridge'
import type { BufferStore } from '../buffers/buffer-store'
import type { UnsavedAnswer } from '../buffers/UnsavedQuestion'
import type { MainEventHandlers } from './use-main-events'
import type { Problem } from './use-problem'

export interface Workspace {
  folder: FolderInfo | null
  articles: LibraryRow[]
  schema: FolderSchema | null
  /** The main process was asked which folder is open (until then neither the welcome nor the library shows). */
  checked: boolean
  /** The first listing arrived: the library reports itself busy until then (a big folder takes a while). */
  listed: boolean
  /** A big folder lists its first rows at once; the count of the rest comes as the index reads them. */
  indexing: { done: number; total: number; listing?: boolean } | null
  /** The open folder vanished (absolute path as opened): the banner stays until closed or located. */
  goneRoot: string | null
  /** Asks again for the folder, its articles and its schema. */
  refresh(): Promise<void>
  /** Opens a folder (the dialog when no path), after the writer decided about unsaved edits; null when it did not open. */
  openFolder(path?: string): Promise<FolderInfo | null>
  /** Closes the vanished folder, dropping the edits that cannot be saved into it (the banner asked first). */
  closeGone(): Promise<void>
  /** Finds the vanished folder where it is now, keeping the edits. */
  locateGone(): Promise<void>
  /** What the folder's events from the main process do: for useMainEvents. */
  events: Pick<MainEventHandlers, 'contentChanged' | 'folderGone' | 'indexProgress'>
}

interface Options {
  buffers: BufferStore
  /** Asks the writer what happens to unsaved edits before another folder opens. */
  askUnsaved(paths: readonly string[]): Promise<UnsavedAnswer>
  problem: Problem
  /** The count of the window's own saves: they raise no change event, so each one lists again. */
  writes: number
}

/** The rows read so far are asked for at most this often while a big folder is read… */
const RELIST_MIN_MS = 500
/** …and at most once per this many times what the last answer took, from the ask to the paint. */
const RELIST_SHARE = 10

/** The open folder as the window knows it: what it holds, how far its index has read, and opening, switching and closing it. */
export function useWorkspace({ buffers, askUnsaved, problem, writes }: Options): Workspace {
  const [folder, setFolder] = useState<FolderInfo | null>(null)
  const [articles, setArticles] = useState<LibraryRow[]>([])
  const [schema, setSchema] = useState<FolderSchema | null>(null)
  const [checked, setChecked] = useState(false)
  const [listed, setListed] = useState(false)
  const [indexing, setIndexing] = useState<{ done: number; total: number; listing?: boolean } | null>(null)
  const [goneRoot, setGoneRoot] = useState<string | null>(null)
  const listedRoot = useRef<string | null>(null)
  const { show, clear } = problem
  // The rows as the main process last told them, and where its changes go on from.
  const [store] = useState(() => new RowStore())
  const cursor = useRef<RowsCursor | null>(null)

  // Answers come back in any order: one about the folder before, or older than what is shown, is dropped.
  const [order] = useState(() => new AnswerOrder())

  const display = useCallback(
    (info: FolderInfo | null, rows: FolderRows | null) => {
      setFolder(info)
      listedRoot.current = info?.root ?? null
      setIndexing(info?.indexing ?? null)
      setChecked(true)
      setArticles(store.reset(rows?.articles ?? []))
      cursor.current = rows?.cursor ?? null
      setSchema(rows?.schema ?? null)
      setListed(true)
      clear()
    },
    [clear, store],
  )

  /** Shows an answer about what changed since the rows shown, with the rows after it. */
  const update = useCallback(
    (answer: RowsUpdate, rows: LibraryRow[]): void => {
      setFolder(answer.folder)
      listedRoot.current = answer.folder.root
      // Rows still to come in the next answers: the library stays busy, counting them in.
      setIndexing(answer.folder.indexing ?? (answer.more ? { done: rows.length, total: answer.count } : null))
      setArticles(rows)
      cursor.current = answer.cursor
      if (answer.schema) setSchema(answer.schema)
      setListed(true)
      clear()
    },
    [clear],
  )

  /** The rows shown disagree with the folder's count and it is listed again: busy until the new rows replace them. */
  const relisting = useCallback((answer: RowsUpdate, done: number): void => {
    setIndexing(answer.folder.indexing ?? { done, total: answer.count })
  }, [])

  /** One ask: what changed since the rows shown (catchUp), or (none shown, another open's) the whole listing. */
  const listOnce = useCallback(async (): Promise<void> => {
    const from = cursor.current
    // An answer (or failure) to an ask the window has moved on from is dropped.
    const asked = async <T>(ask: () => Promise<T>): Promise<T | 'stale'> => {
      const n = order.listing()
      try {
        const answer = await ask()
        return order.takeListing(n) ? answer : 'stale'
      } catch (error) {
        if (order.takeListing(n)) throw error
        return 'stale'
      }
    }
    try {
      if (from) {
        if (await catchUp(store, from, (at) => asked(() => folio.rowsSince(at)), update, relisting)) return
        cursor.current = null
      }
      // One round trip: the folder, its rows so far and its schema.
      const listing = await asked(() => folio.folderListing())
      if (listing !== 'stale') display(listing?.folder ?? null, listing?.rows ?? null)
    } catch (error) {
      show(error)
      setListed(true)
    }
  }, [order, show, display, update, relisting, store])

  // One ask at a time: a change told while one is on its way is asked for once it is answered.
  const listing = useRef<{ running: Promise<void>; again: boolean } | null>(null)
  const refresh = useCallback((): Promise<void> => {
    const now = listing.current
    if (now) {
      now.again = true
      return now.running
    }
    const run = { running: Promise.resolve(), again: false }
    run.running = (async () => {
      try {
        do {
          run.again = false
          await listOnce()
        } while (run.again)
      } finally {
        listing.current = null
      }
    })()
    listing.current = run
    return run.running
  }, [listOnce])

  /** Asks the main process to open a folder (its dialog when no path) and shows it with the first rows its reply carries. */
  const openAndShow = useCallback(
    async (path?: string, beforeShown?: () => void): Promise<FolderInfo | null> => {
      const ask = order.open()
      let opened: OpenedFolder | null = null
      try {
        opened = await folio.openFolder(path)
      } finally {
        // Listings dropped while it was on its way (the last count of the folder before) are asked again.
        if (!order.takeOpen(ask, opened !== null)) {
          if (!opened) void refresh()
          opened = null
        }
      }
      if (!opened) return null
      setGoneRoot(null)
      beforeShown?.()
      const { rows, ...info } = opened
      display(info, rows)
      // The reply's rows were read before what that listing would have shown.
      if (order.owedListing()) void refresh()
      return info
    },
    [order, refresh, display],
  )

  useEffect(() => void refresh(), [refresh])
  // A save changes the article's row and the folder's keys and values: ask for both again.
  useEffect(() => {
    if (writes > 0) void refresh()
  }, [writes, refresh])

  const openFolder = useCallback(
    async (path?: string) => {
      try {
        // Buffers hold paths relative to this folder: the writer decides before another one opens.
        // Discarded edits go only once the other folder is open: cancelling its dialog keeps them.
        const unsavedNow = buffers.unsavedNow()
        if (unsavedNow.length > 0) {
          const answer = await askUnsaved(unsavedNow)
          if (answer === 'cancel') return null
          if (answer === 'save' && !(await buffers.saveAll())) return null
        }
        // The buffers go before the new folder's rows show: theirs are paths of the folder before.
        return await openAndShow(path, () => buffers.reset())
      } catch (error) {
        show(error)
        return null
      }
    },
    [buffers, show, askUnsaved, openAndShow],
  )

  const closeGone = useCallback(async () => {
    buffers.reset()
    await folio.closeFolder()
    setGoneRoot(null)
    await refresh()
  }, [buffers, refresh])

  // Locating keeps the buffers: their paths are relative, so they save into the folder where it is
  // now, each still checked against the text it was read from (a different folder is a conflict).
  const locateGone = useCallback(async () => {
    try {
      await openAndShow()
    } catch (error) {
      show(error)
    }
  }, [show, openAndShow])

  const relisted = useRef(0)
  // Each answer brings only the rows read since the one before, but the library still filters,
  // counts and renders every row: the next ask waits ten times what the last took, so a folder of
  // 100,000 posts spends a tenth of the time at most on its list and leaves the rest to the index
  // and the writer.
  const relistGap = useRef(RELIST_MIN_MS)
  const events: Workspace['events'] = {
    contentChanged: (change) => {
      void refresh()
      void buffers.diskChanged(change)
    },
    folderGone: ({ root }) => setGoneRoot(root),
    indexProgress: (progress: IndexProgress) => {
      // The last count always lists again (it may come before the listing of a folder just opened learnt its root).
      if (!progress.listing && progress.done >= progress.total) return void refresh()
      if (progress.root !== listedRoot.current) return
      setIndexing({ done: progress.done, total: progress.total, listing: progress.listing })
      // The rows read since the last answer, a few times a second at most.
      const started = performance.now()
      if (started - relisted.current > relistGap.current) {
        relisted.current = started
        void refresh().then(() =>
          requestAnimationFrame(() => {
            relistGap.current = Math.max(RELIST_MIN_MS, RELIST_SHARE * (performance.now() - started))
          }),
        )
      }
    },
  }

  return { folder, articles, schema, checked, listed, indexing, goneRoot, refresh, openFolder, closeGone, locateGone, events }
}
