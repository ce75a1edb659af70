import { CATEGORY_SEPARATOR, type ArticleSummary } from '../../shared/contract'
import { whenIdle, type Deadline } from '../idle/idle'
import { sortNow, sortSteps } from './sort-steps'

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

export function compare(sort: SortKey): (a: ArticleSummary, b: ArticleSummary) => number {
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
const categoryKeysOf = new WeakMap<ArticleSummary, Set<string>>()

/**
 * The keys of each set of categories, shared by the summaries with those categories (read only:
 * a change to one set would change every one of those summaries' facets): a folder has a few
 * hundred sets of categories, where a set per summary held 15 MB at 100,000. Held for the listing
 * the library shows (forgetCategoryKeys), not for every folder opened in the session.
 */
const categoryKeysFor = new Map<string, Set<string>>()

/** A whole new listing (another folder, or the same opened again): the sets of the one before go with its rows. */
export function forgetCategoryKeys(): void {
  categoryKeysFor.clear()
}

/** How many distinct sets of categories are held (tests: the cache stays with the listing shown). */
export function heldCategoryKeySets(): number {
  return categoryKeysFor.size
}

/** Every prefix of every category path: a post in A › B counts for A and for A › B. */
function categoryKeys(article: ArticleSummary): Set<string> {
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
const sortedLists = new WeakMap<readonly ArticleSummary[], Map<SortKey, ArticleSummary[]>>()
/** Sorts begun in idle time and not yet done, per listing: a change to that order finishes one. */
const sorting = new WeakMap<readonly ArticleSummary[], Map<SortKey, Generator<void, ArticleSummary[], void>>>()

function ordersOf(articles: readonly ArticleSummary[]): Map<SortKey, ArticleSummary[]> {
  let orders = sortedLists.get(articles)
  if (!orders) sortedLists.set(articles, (orders = new Map()))
  return orders
}

function sortedBy(articles: readonly ArticleSummary[], sort: SortKey): ArticleSummary[] {
  const orders = ordersOf(articles)
  let sorted = orders.get(sort)
  if (!sorted) {
    const begun = sorting.get(articles)?.get(sort)
    sorting.get(articles)?.delete(sort)
    orders.set(sort, (sorted = sortNow(begun ?? sortSteps(articles, compare(sort)))))
  }
  return sorted
}

const SORT_KEYS: readonly SortKey[] = ['date', 'title', 'updated']
/** The listing warmSortOrders works on; a newer one stops the older's warm-up. */
let warming: readonly ArticleSummary[] | null = null

/**
 * Sorts `articles` in every order not sorted yet, in idle slices, so the first change of the
 * library's sort lists at once instead of sorting 10,000 titles by collation in that frame.
 */
export function warmSortOrders(articles: readonly ArticleSummary[], idle: (work: (deadline: Deadline) => void) => void = whenIdle): void {
  warming = articles
  const slice = (deadline: Deadline) => {
    if (warming !== articles) return
    const orders = ordersOf(articles)
    let begun = sorting.get(articles)
    if (!begun) sorting.set(articles, (begun = new Map()))
    for (const sort of SORT_KEYS) {
      if (orders.has(sort)) continue
      let steps = begun.get(sort)
      if (!steps) begun.set(sort, (steps = sortSteps(articles, compare(sort))))
      while (deadline.timeRemaining() > 1) {
        const step = steps.next()
        if (!step.done) continue
        orders.set(sort, step.value)
        begun.delete(sort)
        break
      }
      if (!orders.has(sort)) {
        idle(slice)
        return
      }
    }
    warming = null
  }
  idle(slice)
}

/** A list the caller keeps in date order (the library's rows as they arrive): sorting it by date again is skipped. */
export function knownSortedByDate(articles: ArticleSummary[]): void {
  const orders = ordersOf(articles)
  if (!orders.has('date')) orders.set('date', articles)
}

export function applyQuery(articles: ArticleSummary[], query: LibraryQuery): ArticleSummary[] {
  return sortedBy(articles, query.sort).filter(
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

export function categoryFacets(articles: ArticleSummary[]): Facet[] {
  return countFacets(articles.map(categoryKeys))
}

export function tagFacets(articles: ArticleSummary[]): Facet[] {
  return countFacets(articles.map((a) => new Set(a.tags)))
}
