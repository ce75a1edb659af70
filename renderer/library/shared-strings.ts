import type { ArticleSummary } from '../../shared/contract'

/**
 * One copy of each of the strings that repeat across a folder's rows: every row comes over the
 * bridge with its own copies of its front-matter keys, its format, its tags and categories (at
 * 100,000 posts, a few hundred bytes a row). The strings are replaced by equal ones, so nothing
 * reading a row can tell.
 */
export class SharedStrings {
  private readonly known = new Map<string, string>()

  private one(text: string): string {
    const kept = this.known.get(text)
    if (kept !== undefined) return kept
    this.known.set(text, text)
    return text
  }

  private each(texts: string[]): void {
    for (let k = 0; k < texts.length; k++) texts[k] = this.one(texts[k] as string)
  }

  /** The row with its repeated strings shared with the rows before it (the same object, changed in place). */
  share(row: ArticleSummary): ArticleSummary {
    row.format = this.one(row.format) as ArticleSummary['format']
    this.each(row.keys)
    this.each(row.tags)
    for (const path of row.categories) this.each(path)
    return row
  }
}
