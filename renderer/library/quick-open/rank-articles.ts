import { TitleIndex, type Titled } from './title-index'

/** Rows listed by quick open. */
export const QUICK_OPEN_LIMIT = 100
/** Added to the score of the most recent article, less for older ones. */
const RECENT_BONUS = 40

/**
 * Lists `recent` (most recent first) first in quick open's ranking, with a bonus: the most
 * recent the most. The rest keep the library's order.
 */
export function listRecentFirst<T extends Titled>(index: TitleIndex<T>, recent: readonly string[]): void {
  index.setFirst(recent, (at) => RECENT_BONUS * (1 - at / Math.max(recent.length, 1)))
}

/**
 * Quick open's ranking of `ordered` (the recent articles first, most recent first): a fuzzy match
 * on the title, the path and, once the warm-up knows them, the pinyin initials and syllables of a
 * Chinese title; recent articles get a bonus. Quick open keeps one for the library
 * (prepared-titles.ts); this one is made at once, for tests and benchmarks.
 */
export function articleRanker<T extends Titled>(ordered: readonly T[], recent: readonly string[]): TitleIndex<T> {
  const index = new TitleIndex(ordered)
  listRecentFirst(index, recent)
  return index
}
