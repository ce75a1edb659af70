import type { LibraryRow } from '../../shared/contract'

/** The list of every row that has none (tags, categories, checks): frozen, since every such row holds it. */
const NONE: readonly never[] = Object.freeze([])

/**
 * One copy of what repeats across a folder's rows: every row comes over the bridge with its own
 * copies of its front-matter keys, its format, its tags and categories (at 100,000 posts, a few
 * hundred bytes a row). Rows are copied with equal strings and lists in their place, so nothing
 * reading a row can tell; the rows handed in are left as they are. Lists held by more than one row
 * are frozen: a row is never changed in place, and a shared list must not be either.
 */
export class SharedStrings {
  private readonly strings = new Map<string, string>()
  /** Whole lists (a header's keys, a category path, a row's categories) by their JSON. */
  private readonly lists = new Map<string, readonly unknown[]>()

  /** How many strings and lists are known: what a rebuild from the rows held lets go of. */
  get known(): number {
    return this.strings.size + this.lists.size
  }

  private one(text: string): string {
    const kept = this.strings.get(text)
    if (kept !== undefined) return kept
    this.strings.set(text, text)
    return text
  }

  private list<T>(items: readonly T[], share: (items: readonly T[]) => T[]): T[] {
    if (items.length === 0) return NONE as never[]
    const key = JSON.stringify(items)
    const kept = this.lists.get(key)
    if (kept !== undefined) return kept as T[]
    const made = Object.freeze(share(items)) as T[]
    this.lists.set(key, made)
    return made
  }

  private texts = (texts: readonly string[]): string[] => texts.map((text) => this.one(text))

  private categories = (paths: readonly string[][]): string[][] => paths.map((path) => this.list(path, this.texts))

  /** A copy of the row with its repeated strings and lists shared with the rows before it, and nothing a row does not hold (an excerpt). */
  copy(row: LibraryRow): LibraryRow {
    // Whatever a row holds is copied (a field added later too), but the excerpt: an in-process
    // caller may hand whole summaries, and the library never shows one.
    const { excerpt: _excerpt, ...rest } = row as LibraryRow & { excerpt?: unknown }
    return {
      ...rest,
      format: this.one(row.format) as LibraryRow['format'],
      // A folder's tag lists differ from post to post: their strings are shared, each list is the row's own.
      tags: row.tags.length === 0 ? (NONE as never[]) : this.texts(row.tags),
      categories: this.list(row.categories, this.categories),
      keys: this.list(row.keys, this.texts),
      checks: row.checks.length === 0 ? (NONE as never[]) : row.checks,
    }
  }

  /** Knows a row this table (or one before it) copied, so the rows after it share with it. */
  keep(row: LibraryRow): void {
    this.one(row.format)
    for (const tag of row.tags) this.one(tag)
    this.remember(row.keys)
    this.remember(row.categories)
    for (const path of row.categories) this.remember(path)
  }

  private remember(items: readonly unknown[]): void {
    if (items.length === 0) return
    for (const item of items) if (typeof item === 'string') this.one(item)
    const key = JSON.stringify(items)
    if (!this.lists.has(key)) this.lists.set(key, items)
  }
}

/** Whether two rows hold the same values (rows are plain JSON from the bridge). */
export function sameRow(a: LibraryRow, b: LibraryRow): boolean {
  return same(a, b)
}

function same(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) !== Array.isArray(b)) return false
  const aKeys = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined)
  const bKeys = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined)
  if (aKeys.length !== bKeys.length) return false
  return aKeys.every((k) => same((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
}
