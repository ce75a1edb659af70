import { useCallback, useEffect, useRef, useState } from 'react'
import type { SearchResults } from '../../../shared/contract'
import { compileQuery, type SearchQuery } from '../../../shared/search/query'
import { folio } from '../../bridge'
import { useErrorText } from '../../i18n/errors'
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
  const [results, setResults] = useState<SearchResults | null>(null)
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
      setResults(null)
      setError(compiled.message === 'empty' ? null : t('searchBadRegex', { message: compiled.message }))
      return
    }
    const asked = { query, paths: [...paths] }
    request.current = asked
    const timer = setTimeout(() => {
      folio
        .searchFolder({ ...asked, offset: 0, limit: PAGE })
        .then((found) => {
          if (run !== generation.current) return
          setResults(found)
          setError(null)
        })
        .catch((failure: unknown) => run === generation.current && setError(describe(failure)))
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [query, paths, t, describe])

  const loadMore = useCallback(() => {
    const asked = request.current
    if (!asked || !results || results.nextOffset === null || loadingMore) return
    const run = generation.current
    setLoadingMore(true)
    folio
      .searchFolder({ ...asked, offset: results.nextOffset, limit: PAGE })
      .then((more) => {
        if (run !== generation.current) return
        setResults((shown) => (shown ? { ...more, articles: [...shown.articles, ...more.articles] } : more))
      })
      .catch((failure: unknown) => run === generation.current && setError(describe(failure)))
      .finally(() => run === generation.current && setLoadingMore(false))
  }, [results, loadingMore, describe])

  return { results, error, loadingMore, loadMore }
}
