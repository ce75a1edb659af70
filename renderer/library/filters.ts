import { CATEGORY_SEPARATOR, type LibraryRow } from '../../shared/contract'
import { whenIdle, type Deadline } from '../idle/idle'
import { orderFromEarlier } from './order-from-earlier'
import { sortSteps } from './sort-steps'

export type SortKey = 'date' | 'title' | 'updated'
export type StatusFilter = 'all' | 'published' | 'drafts'

export interface LibraryQuery {
  sort: SortKey
  status: StatusFilter
  /** A category path joined with CATEGORY_SEPARATOR, matching that category and everything inside it. */
  category: string | null
  tag: string | null
}

export interface Facet {
  value: string
  count: number
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

export function compare(sort: SortKey): (a: LibraryRow, b: LibraryRow) => number {
  switch (sort) {
    case 'title':
      return (a, b) => collator.compare(a.title ?? a.path, b.title ?? b.path) || a.path.localeCompare(b.path)
    case 'updated':
      return (a, b) => Math.max(b.updatedMs ?? -Infinity, b.mtimeMs) - Math.max(a.updatedMs ?? -Infinity, a.mtimeMs) || a.path.localeCompare(b.path)
    case 'date':
      return (a, b) => (b.dateMs ?? -Infinity) - (a.dateMs ?? -Infinity) || a.path.localeCompare(b.path)
  }
}

/** Per summary: the library asks again on every filter change, and a summary never changes (a new listing brings new ones). */
const categoryKeysOf = new WeakMap<LibraryRow, Set<string>>()

/**
 * The keys of each set of categories, shared by the summaries with those categories (read only:
 * a change to one set would change every one of those summaries' facets): a folder has a few
 * hundred sets of categories, where a set per summary held 15 MB at 100,000. Held for the listing
 * the library shows (forgetEarlierListings), not for every folder opened in the session.
 */
const categoryKeysFor = new Map<string, Set<string>>()

/**
 * A whole new listing (another folder, or the same opened again): the category sets and the
 * sorted orders of the one before go with its rows.
 */
export function forgetEarlierListings(): void {
  categoryKeysFor.clear()
  lastSorted.clear()
}

/** How many distinct sets of categories are held (tests: the cache stays with the listing shown). */
export function heldCategoryKeySets(): number {
  return categoryKeysFor.size
}

/** Every prefix of every category path: a post in A › B counts for A and for A › B. */
function categoryKeys(article: LibraryRow): Set<string> {
  const known = categoryKeysOf.get(article)
  if (known) return known
  // JSON: [["A › B"]] and [["A", "B"]] are told apart (the second also counts for A).
  const named = JSON.stringify(article.categories)
  let keys = categoryKeysFor.get(named)
  if (!keys) {
    keys = new Set<string>()
    for (const path of article.categories) {
      for (let i = 1; i <= path.length; i++) keys.add(path.slice(0, i).join(CATEGORY_SEPARATOR))
    }
    categoryKeysFor.set(named, keys)
  }
  categoryKeysOf.set(article, keys)
  return keys
}

/**
 * Each listing sorted once per order: a filter keeps the order it is given, so a change of
 * status, category or tag only filters (100,000 articles re-sorted by collation on every change
 * took a quarter of a second). warmSortOrders sorts the other orders in idle time beforehand.
 */
const sortedLists = new WeakMap<readonly LibraryRow[], Map<SortKey, LibraryRow[]>>()
/** Sorts begun and not yet done, per listing (by the warm-up, or a sort change finishing in slices): whoever steps next goes on from there. */
const sorting = new WeakMap<readonly LibraryRow[], Map<SortKey, Generator<void, LibraryRow[], void>>>()

function ordersOf(articles: readonly LibraryRow[]): Map<SortKey, LibraryRow[]> {
  let orders = sortedLists.get(articles)
  if (!orders) sortedLists.set(articles, (orders = new Map()))
  return orders
}

/** Per order, the last listing sorted in it: the next listing's order is made from it (orderFromEarlier). */
const lastSorted = new Map<SortKey, { articles: readonly LibraryRow[]; sorted: readonly LibraryRow[] }>()

function known(articles: readonly LibraryRow[], sort: SortKey, sorted: LibraryRow[]): void {
  ordersOf(articles).set(sort, sorted)
  lastSorted.set(sort, { articles, sorted })
}

/** Per listing, the orders it was tried to make from an earlier listing (tried once: it costs a pass over the rows). */
const madeFromEarlier = new WeakMap<readonly LibraryRow[], Set<SortKey>>()

/** `articles` in the order `sort`, if known or made at once from the last listing sorted so (a save); else undefined. */
function orderNow(articles: readonly LibraryRow[], sort: SortKey): LibraryRow[] | undefined {
  const had = ordersOf(articles).get(sort)
  if (had) return had
  let tried = madeFromEarlier.get(articles)
  if (!tried) madeFromEarlier.set(articles, (tried = new Set()))
  const last = lastSorted.get(sort)
  if (tried.has(sort) || !last || last.articles === articles) return undefined
  tried.add(sort)
  const made = orderFromEarlier(last.sorted, articles, compare(sort))
  if (made) known(articles, sort, made)
  return made
}

/**
 * Sorts `articles` by `sort` on from where it was left (the same steps for the warm-up, a slice of
 * a sort change and a sort at once) while `more()` says so; true once that order is known.
 */
function sortOn(articles: readonly LibraryRow[], sort: SortKey, more: () => boolean): boolean {
  if (orderNow(articles, sort)) return true
  let begun = sorting.get(articles)
  if (!begun) sorting.set(articles, (begun = new Map()))
  let steps = begun.get(sort)
  if (!steps) begun.set(sort, (steps = sortSteps(articles, compare(sort))))
  do {
    const step = steps.next()
    if (step.done) {
      known(articles, sort, step.value)
      begun.delete(sort)
      return true
    }
  } while (more())
  return false
}

function sortedBy(articles: readonly LibraryRow[], sort: SortKey): LibraryRow[] {
  sortOn(articles, sort, () => true)
  return ordersOf(articles).get(sort) as LibraryRow[]
}

const SORT_KEYS: readonly SortKey[] = ['date', 'title', 'updated']
/** The listing warmSortOrders works on; a newer one stops the older's warm-up. */
let warming: readonly LibraryRow[] | null = null

/**
 * Sorts `articles` in every order not sorted yet, in idle slices, so the first change of the
 * library's sort lists at once instead of sorting 10,000 titles by collation in that frame.
 */
export function warmSortOrders(articles: readonly LibraryRow[], idle: (work: (deadline: Deadline) => void) => void = whenIdle): void {
  warming = articles
  const slice = (deadline: Deadline) => {
    if (warming !== articles) return
    for (const sort of SORT_KEYS) {
      if (!sortOn(articles, sort, () => deadline.timeRemaining() > 1)) {
        idle(slice)
        return
      }
    }
    warming = null
  }
  idle(slice)
}

/** Work of a sort change done per task: the rest of a frame is the browser's (input, paint). */
export const SORT_SLICE_MS = 6

/** Runs `work` soon, after the browser has had its turn. */
export type Later = (work: () => void) => void

const soon: Later = (work) => {
  setTimeout(work, 0)
}

/** Per listing and order: who waits for a sort being finished in slices (the slices run while the set is there). */
const finishing = new WeakMap<readonly LibraryRow[], Map<SortKey, Set<() => void>>>()

/** The listing the library last asked for (listQuery): a sort finishing for an older one stops. */
let asked: readonly LibraryRow[] | null = null

/** Finishes the sort of `articles` by `sort` in task slices of SORT_SLICE_MS, then calls `done`. */
function finishSort(articles: readonly LibraryRow[], sort: SortKey, done: () => void, later: Later): void {
  let bySort = finishing.get(articles)
  if (!bySort) finishing.set(articles, (bySort = new Map()))
  const waiting = bySort.get(sort)
  if (waiting) {
    waiting.add(done)
    return
  }
  const waiters = new Set([done])
  bySort.set(sort, waiters)
  const slice = () => {
    if (asked !== articles) {
      bySort.delete(sort)
      return
    }
    const end = performance.now() + SORT_SLICE_MS
    if (!sortOn(articles, sort, () => performance.now() < end)) {
      later(slice)
      return
    }
    bySort.delete(sort)
    for (const waiter of waiters) waiter()
  }
  later(slice)
}

export interface Listed {
  rows: LibraryRow[]
  /** The order asked for is still being sorted: the rows keep the listing's own order until `onSorted` is called. */
  sorting: boolean
}

/**
 * The library's rows for `query`, never sorting all of them in one task: an order not sorted yet
 * (a change arriving before warmSortOrders is done; a title sort of 100,000 takes seconds) lists
 * the filtered rows in the listing's own order now, finishes the sort in slices between frames,
 * and then calls `onSorted` (ask again).
 */
export function listQuery(articles: readonly LibraryRow[], query: LibraryQuery, onSorted: () => void, later: Later = soon): Listed {
  asked = articles
  // The listing before this one gives this one's order at once when few rows changed (a save).
  const sorted = orderNow(articles, query.sort)
  if (sorted) return { rows: filtered(sorted, query), sorting: false }
  finishSort(articles, query.sort, onSorted, later)
  return { rows: filtered(articles, query), sorting: true }
}

/** A list the caller keeps in date order (the library's rows as they arrive): sorting it by date again is skipped. */
export function knownSortedByDate(articles: LibraryRow[]): void {
  if (!ordersOf(articles).has('date')) known(articles, 'date', articles)
}

/** The rows for `query`, sorted now if that order is not known yet (tests, benchmarks; the library uses listQuery). */
export function applyQuery(articles: LibraryRow[], query: LibraryQuery): LibraryRow[] {
  return filtered(sortedBy(articles, query.sort), query)
}

function filtered(articles: readonly LibraryRow[], query: LibraryQuery): LibraryRow[] {
  return articles.filter(
    (a) =>
      (query.status === 'all' || (query.status === 'drafts') === a.draft) &&
      (query.category === null || categoryKeys(a).has(query.category)) &&
      (query.tag === null || a.tags.includes(query.tag)),
  )
}

function countFacets(values: Iterable<string>[]): Facet[] {
  const counts = new Map<string, number>()
  for (const set of values) for (const value of set) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => collator.compare(a.value, b.value))
}

export function categoryFacets(articles: LibraryRow[]): Facet[] {
  return countFacets(articles.map(categoryKeys))
}

export function tagFacets(articles: LibraryRow[]): Facet[] {
  return countFacets(articles.map((a) => new Set(a.tags)))
}
