import { useRef, type KeyboardEvent, type UIEvent } from 'react'
import type { SearchMatch, SearchResults as Results } from '../../../shared/contract'
import { useI18n } from '../../i18n/i18n'

interface Props {
  results: Results
  loadingMore: boolean
  onLoadMore(): void
  /** A hit chosen by click or Enter: open the article with the match selected. */
  onOpenMatch(path: string, match: SearchMatch): void
}

/** How close to the end of the list (in pixels) scrolling asks for the next page. */
const LOAD_AHEAD = 400

/**
 * Results grouped by article: the total first, then each article with its match count and its
 * first matches. Arrow keys move between hits (one tab stop for the whole list), Enter opens one.
 */
export function SearchResults({ results, loadingMore, onLoadMore, onOpenMatch }: Props) {
  const { t } = useI18n()
  const list = useRef<HTMLDivElement>(null)
  const summary = !results.counted
    ? t('searchCounting')
    : results.totalMatches === 0
      ? t('searchNoMatches')
      : t('searchSummary', { matches: results.totalMatches, articles: results.totalArticles })

  const onScroll = (event: UIEvent<HTMLDivElement>) => {
    const el = event.currentTarget
    if (el.scrollHeight - el.scrollTop - el.clientHeight < LOAD_AHEAD) onLoadMore()
  }
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.key === 'ArrowDown' ? 1 : event.key === 'ArrowUp' ? -1 : 0
    if (step === 0) return
    const hits = [...event.currentTarget.querySelectorAll<HTMLElement>('[data-testid=search-hit]')]
    const at = hits.indexOf(document.activeElement as HTMLElement)
    const next = hits[Math.min(hits.length - 1, Math.max(0, at + step))]
    if (!next) return
    event.preventDefault()
    for (const hit of hits) hit.tabIndex = hit === next ? 0 : -1
    next.focus()
    next.scrollIntoView({ block: 'nearest' })
    if (step > 0 && hits.indexOf(next) > hits.length - 10) onLoadMore()
  }

  let first = true
  return (
    <div className="search-results" data-testid="search-results" ref={list} onScroll={onScroll} onKeyDown={onKeyDown}>
      <p className="search-count" data-testid="search-summary" role="status">
        {summary}
      </p>
      {results.articles.map((article) => (
        <section className="search-group" data-testid="search-group" data-path={article.path} key={article.path} aria-label={article.title ?? article.path}>
          <div className="search-group-head">
            <span className="article-title">{article.title ?? article.path}</span>
            <span className="search-group-count" data-testid="search-group-count">
              {t('searchArticleMatches', { count: article.count })}
            </span>
          </div>
          <div className="article-meta">{article.path}</div>
          {article.matches.map((match) => {
            const tabIndex = first ? 0 : -1
            first = false
            return (
              <button
                type="button"
                className="search-hit"
                data-testid="search-hit"
                data-path={article.path}
                data-line={match.line}
                key={`${match.line}:${match.column}`}
                tabIndex={tabIndex}
                onClick={() => onOpenMatch(article.path, match)}
              >
                <span className="search-line">{match.line}</span>
                <span className="snippet" translate="no">
                  {match.snippet.slice(0, match.matchStart)}
                  <mark>{match.snippet.slice(match.matchStart, match.matchEnd)}</mark>
                  {match.snippet.slice(match.matchEnd)}
                </span>
              </button>
            )
          })}
          {article.count > article.matches.length && (
            <p className="search-more">{t('searchMoreInArticle', { count: article.count - article.matches.length })}</p>
          )}
        </section>
      ))}
      {loadingMore && <p className="search-count">{t('searchLoadingMore')}</p>}
    </div>
  )
}
