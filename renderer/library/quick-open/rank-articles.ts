import { TitleIndex, type Titled } from './title-index'

/** Rows listed by quick open. */
export const QUICK_OPEN_LIMIT = 100
/** Added to the score of the most recent article, less for older ones. */
const RECENT_BONUS = 40

/**
 * Quick open's ranking of `ordered` (the recent articles first, most recent first): a fuzzy match
 * on the title, the path and, once the warm-up knows them, the pinyin initials and syllables of a
 * Chinese title; recent articles get a bonus. Made once per opening, then asked per keystroke.
 */
export function articleRanker<T extends Titled>(ordered: readonly T[], recent: readonly string[]): TitleIndex<T> {
  const recency = new Map(recent.map((path, i) => [path, i]))
  return new TitleIndex(ordered, (a) => {
    const at = recency.get(a.path)
    return at === undefined ? 0 : RECENT_BONUS * (1 - at / Math.max(recent.length, 1))
  })
}
