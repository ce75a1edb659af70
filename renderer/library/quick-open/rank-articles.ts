import { rank, type Ranked } from './fuzzy'
import { pinyinOf } from './pinyin'

/** Rows listed by quick open. */
export const QUICK_OPEN_LIMIT = 100
/** Added to the score of the most recent article, less for older ones. */
const RECENT_BONUS = 40

interface Titled {
  path: string
  title: string | null
}

/**
 * Quick open's rows for what was typed: a fuzzy match on the title, the path and, once pinyin is
 * loaded, the pinyin initials and syllables of a Chinese title; recent articles get a bonus.
 * `ordered` has the recent articles first, most recent first.
 */
export function rankArticles<T extends Titled>(
  ordered: readonly T[],
  text: string,
  recent: readonly string[],
  recency: ReadonlyMap<string, number>,
  pinyinReady: boolean,
): Ranked<T>[] {
  if (text.trim() === '') return ordered.slice(0, QUICK_OPEN_LIMIT).map((item) => ({ item, score: 0, positions: [] }))
  return rank(
    ordered,
    text,
    (a) => {
      const title = a.title ?? ''
      const texts: [string, number][] = [
        [title, 1],
        [a.path, 0.8],
      ]
      const spoken = pinyinReady ? pinyinOf(title) : null
      if (spoken) texts.push([spoken.initials, 0.9], [spoken.full, 0.85])
      return texts
    },
    QUICK_OPEN_LIMIT,
    (a) => {
      const at = recency.get(a.path)
      return at === undefined ? 0 : RECENT_BONUS * (1 - at / Math.max(recent.length, 1))
    },
  )
}
