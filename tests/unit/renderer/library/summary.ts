import type { LibraryRow } from '../../../../shared/contract'

/** A listed article with plain defaults, as the library's unit tests build their rows. */
export function articleSummary(path: string, over: Partial<LibraryRow> = {}): LibraryRow {
  const dateMs = over.dateMs ?? null
  return {
    path,
    format: 'yaml',
    title: path,
    date: dateMs === null ? null : new Date(dateMs).toISOString(),
    dateMs,
    updated: null,
    updatedMs: null,
    tags: [],
    categories: [],
    draft: false,
    words: 0,
    readingMinutes: 0,
    size: 0,
    mtimeMs: 0,
    error: null,
    keys: ['title'],
    checks: [],
    ...over,
  }
}
