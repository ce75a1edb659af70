import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { SearchResults } from '../../../shared/contract'
import { compileQuery, type SearchQuery } from '../../../shared/search/query'
import { folio } from '../../bridge'
import { useErrorText } from '../../i18n/errors'
import { withOutput } from '../../i18n/tool-output'
import { useI18n } from '../../i18n/i18n'

const SEARCH_DELAY_MS = 150
const PAGE = 50

export interface FolderSearch {
  /** Null while nothing is searched (empty text). */
  results: SearchResults | null
  error: string | null
  loadingMore: boolean
  /** Asks for the next page of articles, if there is one and none is on its way. */
  loadMore(): void
}

/**
 * Searches the folder as the query, the articles shown or the folder change, a little after the
 * last keystroke; answers to an older query are dropped. A pattern that does not compile is
 * reported here, in the UI's language, without asking the main process.
 */
export function useFolderSearch(query: SearchQuery, paths: readonly string[]): FolderSearch {
  const { t } = useI18n()
  const describe = useErrorText()
  // The pages listed so far and the whole folder's totals, each tagged with the search it answers.
  const [page, setPage] = useState<{ run: number; found: SearchResults } | null>(null)
  const [totals, setTotals] = useState<{ run: number; found: SearchResults } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loadingMore, setLoadingMore] = useState(false)
  const generation = useRef(0)
  const request = useRef<{ query: SearchQuery; paths: string[] } | null>(null)

  useEffect(() => {
    const run = ++generation.current
    setLoadingMore(false)
    const compiled = compileQuery(query)
    if (!compiled.ok) {
      request.current = null
      setPage(null)
      setError(compiled.message === 'empty' ? null : withOutput(t('searchBadRegex'), t('outputOfError'), compiled.message))
      return
    }
    const asked = { query, paths: [...paths] }
    request.current = asked
    const timer = setTimeout(() => {
      const failed = (failure: unknown) => run === generation.current && setError(describe(failure))
      // The first page as soon as it is found, then the totals, which take a scan of every
      // article: both asked at once, the main process answers them in order.
      folio
        .searchFolder({ ...asked, offset: 0, limit: PAGE, countAll: false })
        .then((found) => {
          if (run !== generation.current) return
          setPage({ run, found })
          setError(null)
        })
        .catch(failed)
      folio
        .searchFolder({ ...asked, offset: 0, limit: 0 })
        .then((found) => run === generation.current && setTotals({ run, found }))
        .catch(failed)
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [query, paths, t, describe])

  const results = useMemo((): SearchResults | null => {
    if (!page) return null
    if (totals?.run !== page.run) return page.found
    const listed = page.found.articles.length
    const { totalMatches, totalArticles } = totals.found
    return { ...page.found, totalMatches, totalArticles, nextOffset: listed < totalArticles ? listed : null, counted: true }
  }, [page, totals])

  const loadMore = useCallback(() => {
    const asked = request.current
    if (!asked || !page || !results || results.nextOffset === null || loadingMore) return
    const run = generation.current
    setLoadingMore(true)
    folio
      .searchFolder({ ...asked, offset: results.nextOffset, limit: PAGE, countAll: false })
      .then((more) => {
        if (run !== generation.current) return
        setPage((shown) => (shown ? { run, found: { ...more, articles: [...shown.found.articles, ...more.articles] } } : null))
      })
      .catch((failure: unknown) => run === generation.current && setError(describe(failure)))
      .finally(() => run === generation.current && setLoadingMore(false))
  }, [page, results, loadingMore, describe])

  return { results, error, loadingMore, loadMore }
}
