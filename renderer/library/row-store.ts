import type { ArticleSummary } from '../../shared/contract'
import { compare, knownSortedByDate } from './filters'

const newestFirst = compare('date')

/**
 * The library's rows, newest first, taking the main process's answers as they come: a whole
 * listing, or the rows read or changed since the last answer (rowsSince). A batch is sorted on
 * its own and merged into the rows in one pass, so 100,000 rows arriving a few thousand at a time
 * are never sorted again from the start; each merge gives a new list (the library's memos
 * follow its identity), known to be in date order, so the library does not sort it again.
 */
export class RowStore {
  private byPath = new Map<string, ArticleSummary>()
  private sorted: ArticleSummary[] = []

  get rows(): ArticleSummary[] {
    return this.sorted
  }

  get size(): number {
    return this.byPath.size
  }

  /** A whole listing in place of every row. */
  reset(articles: readonly ArticleSummary[]): ArticleSummary[] {
    this.byPath = new Map(articles.map((a) => [a.path, a]))
    // The main process lists newest first already: the sort only checks it (and orders ties as the library does).
    this.sorted = [...this.byPath.values()].sort(newestFirst)
    knownSortedByDate(this.sorted)
    return this.sorted
  }

  /** Rows read or changed (by path) and paths gone; the rows unchanged when the batch changes nothing. */
  apply(rows: readonly ArticleSummary[], removed: readonly string[]): ArticleSummary[] {
    const leaving = new Set<string>()
    for (const path of removed) if (this.byPath.delete(path)) leaving.add(path)
    // A path twice in one batch: its last row counts.
    const incoming = new Map<string, ArticleSummary>()
    for (const row of rows) incoming.set(row.path, row)
    const coming: ArticleSummary[] = []
    for (const row of incoming.values()) {
      const before = this.byPath.get(row.path)
      if (before === row) continue
      if (before) leaving.add(row.path)
      this.byPath.set(row.path, row)
      coming.push(row)
    }
    if (leaving.size === 0 && coming.length === 0) return this.sorted
    const staying = leaving.size === 0 ? this.sorted : this.sorted.filter((a) => !leaving.has(a.path))
    this.sorted = merge(staying, coming.sort(newestFirst))
    knownSortedByDate(this.sorted)
    return this.sorted
  }
}

/** Two lists in date order as one. */
function merge(a: readonly ArticleSummary[], b: readonly ArticleSummary[]): ArticleSummary[] {
  if (b.length === 0) return a.slice()
  const out = new Array<ArticleSummary>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length)
    out[k++] = newestFirst(b[j] as ArticleSummary, a[i] as ArticleSummary) < 0 ? (b[j++] as ArticleSummary) : (a[i++] as ArticleSummary)
  while (i < a.length) out[k++] = a[i++] as ArticleSummary
  while (j < b.length) out[k++] = b[j++] as ArticleSummary
  return out
}
