import type { LibraryRow, RowsCursor, RowsUpdate } from '../../shared/contract'
import { compare, forgetEarlierListings, knownSortedByDate } from './filters'
import { SharedStrings, sameRow } from './shared-strings'

const newestFirst = compare('date')

/**
 * The library's rows, newest first, taking the main process's answers as they come: a whole
 * listing, or the rows read or changed since the last answer (rowsSince). A batch is sorted on
 * its own and merged into the rows in one pass, so 100,000 rows arriving a few thousand at a time
 * are never sorted again from the start; each merge gives a new list (the library's memos
 * follow its identity), known to be in date order, so the library does not sort it again.
 * The store holds its own copies of the rows handed in (SharedStrings.copy): their repeated strings
 * and lists shared, their excerpts left out; the rows handed in are not changed.
 */
export class RowStore {
  private byPath = new Map<string, LibraryRow>()
  private sorted: LibraryRow[] = []
  private strings = new SharedStrings()
  /** Rows copied since the strings table was last built from the rows held: past a whole listing's worth, it is built again. */
  private copiedSince = 0

  get rows(): LibraryRow[] {
    return this.sorted
  }

  get size(): number {
    return this.byPath.size
  }

  /** How many strings and lists the store keeps to share between rows (what a rebuild of the table lets go of). */
  get sharing(): number {
    return this.strings.known
  }

  /** A whole listing in place of every row. */
  reset(articles: readonly LibraryRow[]): LibraryRow[] {
    forgetEarlierListings()
    this.strings = new SharedStrings()
    this.copiedSince = 0
    this.byPath = new Map(articles.map((a) => [a.path, this.strings.copy(a)]))
    // The main process lists newest first already: the sort only checks it (and orders ties as the library does).
    this.sorted = [...this.byPath.values()].sort(newestFirst)
    knownSortedByDate(this.sorted)
    return this.sorted
  }

  /** Another store's rows in place of these (the folder listed again into it, a page at a time). */
  take(other: RowStore): LibraryRow[] {
    this.byPath = other.byPath
    this.sorted = other.sorted
    this.strings = other.strings
    this.copiedSince = other.copiedSince
    return this.sorted
  }

  /** Rows read or changed (by path) and paths gone; the rows unchanged when the batch changes nothing. */
  apply(rows: readonly LibraryRow[], removed: readonly string[]): LibraryRow[] {
    const leaving = new Set<string>()
    for (const path of removed) if (this.byPath.delete(path)) leaving.add(path)
    // A path twice in one batch: its last row counts.
    const incoming = new Map<string, LibraryRow>()
    for (const row of rows) incoming.set(row.path, row)
    const coming: LibraryRow[] = []
    for (const row of incoming.values()) {
      const before = this.byPath.get(row.path)
      if (before && sameRow(before, row)) continue
      if (before) leaving.add(row.path)
      const copy = this.strings.copy(row)
      this.byPath.set(row.path, copy)
      coming.push(copy)
    }
    this.copiedSince += coming.length
    if (this.copiedSince > this.byPath.size + REBUILD_AFTER) this.rebuildStrings()
    if (leaving.size === 0 && coming.length === 0) return this.sorted
    const staying = leaving.size === 0 ? this.sorted : this.sorted.filter((a) => !leaving.has(a.path))
    this.sorted = merge(staying, coming.sort(newestFirst))
    knownSortedByDate(this.sorted)
    return this.sorted
  }

  /**
   * The strings table anew from the rows held: the strings and lists of rows changed or gone since
   * are let go (a long session of saves would otherwise keep every title's tags it ever saw).
   */
  private rebuildStrings(): void {
    this.strings = new SharedStrings()
    for (const row of this.byPath.values()) this.strings.keep(row)
    this.copiedSince = 0
  }
}

/** Rows copied beyond a whole listing's worth before the strings table is built again from the rows held. */
const REBUILD_AFTER = 1000

/** One rowsSince answer, or 'stale' when the window has since asked for something newer (another open): not to be shown. */
export type RowsAnswer = RowsUpdate | null | 'stale'

/**
 * Brings `store` up to the open folder from `from`, showing each answer as it comes (`show`, with
 * the store's rows after it) and asking again at once while the main process has more. When the
 * rows then held are not the folder's count, the open is listed again from its first change into
 * a new store, a page (one rowsSince answer) at a time, which then takes the place of the rows:
 * no answer carries more than a page, where the whole listing of 100,000 posts in one was ~120 MB.
 * The rows shown meanwhile are the old ones: `relisting` says, before each page is asked for, how
 * many of the folder's rows the new store holds, so the library stays busy until it takes them.
 * False: `from` is not the open folder's (another open, or none): ask for the whole listing.
 */
export async function catchUp(
  store: RowStore,
  from: RowsCursor,
  ask: (cursor: RowsCursor) => Promise<RowsAnswer>,
  show: (answer: RowsUpdate, rows: LibraryRow[]) => void,
  relisting: (answer: RowsUpdate, done: number) => void,
): Promise<boolean> {
  let answer = await ask(from)
  for (;;) {
    if (answer === 'stale') return true
    if (answer === null) return false
    show(answer, store.apply(answer.rows, answer.removed))
    if (!answer.more) break
    answer = await ask(answer.cursor)
  }
  if (store.size === answer.count) return true
  const fresh = new RowStore()
  relisting(answer, 0)
  let page = await ask({ open: answer.cursor.open, at: 0 })
  for (;;) {
    if (page === 'stale') return true
    if (page === null) return false
    fresh.apply(page.rows, page.removed)
    if (!page.more) break
    relisting(page, fresh.size)
    page = await ask(page.cursor)
  }
  show({ ...page, rows: [], removed: [] }, store.take(fresh))
  return true
}

/** Two lists in date order as one. */
function merge(a: readonly LibraryRow[], b: readonly LibraryRow[]): LibraryRow[] {
  if (b.length === 0) return a.slice()
  const out = new Array<LibraryRow>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = newestFirst(b[j] as LibraryRow, a[i] as LibraryRow) < 0 ? (b[j++] as LibraryRow) : (a[i++] as LibraryRow)
  while (i < a.length) out[k++] = a[i++] as LibraryRow
  while (j < b.length) out[k++] = b[j++] as LibraryRow
  return out
}
