import { useCallback, useEffect, useMemo, useReducer, useSyncExternalStore } from 'react'
import type { ArticleSummary } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import type { Ranked } from './quick-open/fuzzy'
import { Highlighted, Picker } from './quick-open/Picker'
import { pinyinVersion, subscribePinyin } from './quick-open/pinyin'
import { articleRanker, QUICK_OPEN_LIMIT } from './quick-open/rank-articles'
import { SlicedRanking } from './quick-open/sliced-ranking'

interface Props {
  articles: ArticleSummary[]
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

  const recency = useMemo(() => new Map(recent.map((path, i) => [path, i])), [recent])
  const ordered = useMemo(() => {
    const byPath = new Map(articles.map((a) => [a.path, a]))
    const first = recent.flatMap((path) => byPath.get(path) ?? [])
    const seen = new Set(first)
    return [...first, ...articles.filter((a) => !seen.has(a))]
  }, [articles, recent])

  // Made once per opening (every title lower-cased, each keystroke narrowing the last one's matches).
  const ranker = useMemo(() => articleRanker(ordered, recent), [ordered, recent])
  // A ranking that outlasts its keystroke goes on in slices; when done, the list is asked again.
  const [ready, rankedMore] = useReducer((n: number) => n + 1, 0)
  const sliced = useMemo(() => new SlicedRanking(ranker, rankedMore), [ranker])
  useEffect(() => () => sliced.stop(), [sliced])
  const rows = useCallback(
    (text: string): Ranked<ArticleSummary>[] => {
      // A new rows function when more pinyin is known, so the list is ranked again with it, and
      // when a ranking finished in slices (`ready`), so the list asks for its rows again.
      void ready
      return sliced.rows(text, true, QUICK_OPEN_LIMIT, spoken)
    },
    [sliced, spoken, ready],
  )

  return (
    <Picker
      title={t('quickOpen')}
      testId="quick-open"
      placeholder={t('quickOpenHint')}
      empty={t('quickOpenNothing')}
      rows={rows}
      settled={(text) => sliced.rows(text, true, QUICK_OPEN_LIMIT, spoken, true)}
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
