import { useCallback, useEffect, useMemo, useReducer, useSyncExternalStore } from 'react'
import type { LibraryRow } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import type { Ranked } from './quick-open/fuzzy'
import { Highlighted, MOUNTED, Picker } from './quick-open/Picker'
import { pinyinVersion, subscribePinyin } from './quick-open/pinyin'
import { libraryTitles, prepareTitles, subscribeTitles, titlesVersion } from './quick-open/prepared-titles'
import { listRecentFirst, QUICK_OPEN_LIMIT } from './quick-open/rank-articles'
import { SlicedRanking } from './quick-open/sliced-ranking'

interface Props {
  articles: LibraryRow[]
  /** Paths opened before, most recent first. */
  recent?: readonly string[]
  onOpen(path: string): void
  onClose(): void
}

/**
 * Ctrl/Cmd+P: jump to an article by a fuzzy, typo-tolerant match on its title or path, or the
 * pinyin (initials or syllables) of a Chinese title. Recently opened articles come first.
 */
export function QuickOpen({ articles, recent = [], onOpen, onClose }: Props) {
  const { t } = useI18n()
  // The pinyin the idle-time warm-up (usePinyinWarmup) has worked out so far; more re-ranks the list.
  const spoken = useSyncExternalStore(subscribePinyin, pinyinVersion)

  // The library's index, prepared in idle time since the library loaded (App's warm-up) and kept
  // between openings; a newer library than it was prepared for is taken by the first ranking.
  const prepared = useSyncExternalStore(subscribeTitles, titlesVersion)
  const index = libraryTitles()
  const recency = useMemo(() => {
    prepareTitles(articles)
    listRecentFirst(index, recent)
    return new Map(recent.map((path, i) => [path, i]))
  }, [index, articles, recent])

  // A ranking that outlasts its keystroke goes on in slices; when done, the list is asked again.
  const [ready, rankedMore] = useReducer((n: number) => n + 1, 0)
  // The rows the picker puts in the page at first are worth showing before the rest are ranked.
  const sliced = useMemo(() => new SlicedRanking(index, rankedMore, undefined, undefined, MOUNTED), [index])
  useEffect(() => () => sliced.stop(), [sliced])
  const rows = useCallback(
    (text: string): Ranked<LibraryRow>[] => {
      // A new rows function when more pinyin is known or the index was brought up to date, so the
      // list is ranked again with it, and when a ranking finished in slices (`ready`), so the list
      // asks for its rows again.
      void ready
      void prepared
      void recency
      return sliced.rows(text, true, QUICK_OPEN_LIMIT, spoken)
    },
    [sliced, spoken, ready, prepared, recency],
  )

  return (
    <Picker
      title={t('quickOpen')}
      testId="quick-open"
      placeholder={t('quickOpenHint')}
      empty={t('quickOpenNothing')}
      rows={rows}
      settled={(text) => sliced.rows(text, true, QUICK_OPEN_LIMIT, spoken, true)}
      ranking={() => sliced.state}
      keyOf={(row) => row.item.path}
      onChoose={(row) => onOpen(row.item.path)}
      onClose={onClose}
      render={(row) => (
        <>
          <span>
            <Highlighted text={row.item.title ?? row.item.path} positions={row.item.title ? row.positions : []} />
          </span>{' '}
          {recency.has(row.item.path) && <small className="recent-mark">{t('quickOpenRecent')}</small>} <small>{row.item.path}</small>
        </>
      )}
    />
  )
}
