import { useCallback, useEffect, useMemo, useState } from 'react'
import type { ArticleSummary } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import type { Ranked } from './quick-open/fuzzy'
import { Highlighted, Picker } from './quick-open/Picker'
import { loadPinyin } from './quick-open/pinyin'
import { articleRanker, QUICK_OPEN_LIMIT } from './quick-open/rank-articles'

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
  const [pinyinReady, setPinyinReady] = useState(false)
  useEffect(() => {
    let live = true
    void loadPinyin().then(() => live && setPinyinReady(true))
    return () => {
      live = false
    }
  }, [])

  const recency = useMemo(() => new Map(recent.map((path, i) => [path, i])), [recent])
  const ordered = useMemo(() => {
    const byPath = new Map(articles.map((a) => [a.path, a]))
    const first = recent.flatMap((path) => byPath.get(path) ?? [])
    const seen = new Set(first)
    return [...first, ...articles.filter((a) => !seen.has(a))]
  }, [articles, recent])

  // Made once per opening (every title lower-cased, each keystroke narrowing the last one's matches).
  const ranker = useMemo(() => articleRanker(ordered, recent), [ordered, recent])
  const rows = useCallback((text: string): Ranked<ArticleSummary>[] => ranker.rank(text, pinyinReady, QUICK_OPEN_LIMIT), [ranker, pinyinReady])

  return (
    <Picker
      title={t('quickOpen')}
      testId="quick-open"
      placeholder={t('quickOpenHint')}
      empty={t('quickOpenNothing')}
      rows={rows}
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
