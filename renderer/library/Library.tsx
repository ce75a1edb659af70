import { useEffect, useImperativeHandle, useMemo, useReducer, useRef, useState, type Ref } from 'react'
import type { LibraryRow, GitChangeKind, SearchMatch } from '../../shared/contract'
import type { SearchQuery } from '../../shared/search/query'
import { useI18n } from '../i18n/i18n'
import { ArticleList, type ArticleListHandle } from './ArticleList'
import { ReplaceRow, type ReplaceRowHandle } from './search/ReplaceRow'
import { SearchOptions } from './search/SearchOptions'
import { SearchResults } from './search/SearchResults'
import { useFolderSearch } from './search/use-folder-search'
import { categoryFacets, listQuery, tagFacets, warmSortOrders, type LibraryQuery, type SortKey, type StatusFilter } from './filters'
import { IconButton } from '../controls/IconButton'
import { MessageText } from '../i18n/tool-output'

/** What the workbench's commands ask of the library. */
export interface LibraryHandle {
  focusSearch(): void
  /** Focus the article list (when it is shown rather than search results). */
  focusList(): void
  /** Open the replace row and focus the replacement. */
  focusReplace(): void
}

interface Props {
  ref?: Ref<LibraryHandle>
  articles: LibraryRow[]
  selected: string | null
  onOpen(path: string): void
  /** Enter on an article: open it and move to the editor. */
  onActivate?(path: string): void
  /** A search hit chosen: open the article with the match selected in the editor. */
  onOpenMatch?(path: string, match: SearchMatch): void
  onMenu?(path: string, x: number, y: number): void
  /** Only these articles, picked elsewhere (a value in the taxonomy view), with what they are. */
  only?: { label: string; paths: ReadonlySet<string> } | null
  onClearOnly?(): void
  /** Ctrl/Shift-click selects articles; this edits the selection's headers in bulk. */
  onBulkEdit?(paths: string[]): void
  unsaved?: ReadonlySet<string>
  /** What git says about changed articles. */
  changes?: ReadonlyMap<string, GitChangeKind>
  /** The keys an article's collection requires, for its field checks. */
  requiredFor?(path: string): readonly string[]
  /** Articles a replace across the folder wrote (or its undo restored). */
  onReplaced?(paths: string[]): void
  /** The folder is still being read (the list is partial). */
  reading?: boolean
}

/** The left pane: sort and facet filters over the index, and full-text search through the workspace. */
export function Library({
  ref,
  articles,
  selected,
  onOpen,
  onActivate,
  onOpenMatch,
  onMenu,
  only,
  onClearOnly,
  onBulkEdit,
  unsaved,
  changes,
  requiredFor,
  onReplaced,
  reading = false,
}: Props) {
  const { t } = useI18n()
  const searchBox = useRef<HTMLInputElement>(null)
  const list = useRef<ArticleListHandle>(null)
  const replaceRow = useRef<ReplaceRowHandle>(null)
  useImperativeHandle(
    ref,
    () => ({
      focusSearch: () => searchBox.current?.focus(),
      focusList: () => list.current?.focus(),
      focusReplace: () => replaceRow.current?.focus(),
    }),
    [],
  )
  const [query, setQuery] = useState<LibraryQuery>({ sort: 'date', status: 'all', category: null, tag: null })
  const [searchQuery, setSearchQuery] = useState<SearchQuery>({ text: '', caseSensitive: false, wholeWord: false, regex: false, scope: 'all' })

  const [checked, setChecked] = useState<{ paths: ReadonlySet<string>; anchor: string | null }>({ paths: new Set(), anchor: null })

  // The other orders sorted in idle time once the folder is read, so the first sort change lists at once.
  useEffect(() => {
    if (!reading) warmSortOrders(articles)
  }, [articles, reading])

  // A sort asked for before the warm-up sorted it lists in the listing's order at once and again,
  // sorted, once it is finished in slices between frames (never a sort of every row in one task).
  const [sorted, sortFinished] = useReducer((n: number) => n + 1, 0)
  const { shown, sorting } = useMemo(() => {
    // Asked again when a sort finished in slices.
    void sorted
    const listed = listQuery(articles, query, sortFinished)
    return { shown: only ? listed.rows.filter((a) => only.paths.has(a.path)) : listed.rows, sorting: listed.sorting }
  }, [articles, query, only, sorted])

  const check = (path: string, range: boolean) =>
    setChecked(({ paths, anchor }) => {
      const next = new Set(paths)
      const from = anchor === null ? -1 : shown.findIndex((a) => a.path === anchor)
      const to = shown.findIndex((a) => a.path === path)
      if (range && from !== -1 && to !== -1) {
        for (const a of shown.slice(Math.min(from, to), Math.max(from, to) + 1)) next.add(a.path)
        return { paths: next, anchor }
      }
      if (!next.delete(path)) next.add(path)
      return { paths: next, anchor: path }
    })
  // Search looks only at the articles the filters leave, in the order they are listed.
  const shownPaths = useMemo(() => shown.map((a) => a.path), [shown])
  const search = useFolderSearch(searchQuery, shownPaths)
  const categories = useMemo(() => categoryFacets(articles), [articles])
  const tags = useMemo(() => tagFacets(articles), [articles])

  const update = (patch: Partial<LibraryQuery>) => setQuery((q) => ({ ...q, ...patch }))

  return (
    <>
      <div className="library-controls">
        <input
          ref={searchBox}
          type="search"
          data-testid="library-search"
          aria-label={t('search')}
          placeholder={t('search')}
          value={searchQuery.text}
          onChange={(e) => setSearchQuery({ ...searchQuery, text: e.currentTarget.value })}
        />
        <SearchOptions query={searchQuery} onChange={(patch) => setSearchQuery({ ...searchQuery, ...patch })} />
        {onReplaced && <ReplaceRow ref={replaceRow} query={searchQuery} paths={shownPaths} reading={reading} onReplaced={onReplaced} />}
        <div className="library-filters">
          <select aria-label={t('sortBy')} data-testid="library-sort" value={query.sort} onChange={(e) => update({ sort: e.currentTarget.value as SortKey })}>
            <option value="date">{t('sortDate')}</option>
            <option value="title">{t('sortTitle')}</option>
            <option value="updated">{t('sortUpdated')}</option>
          </select>
          <select
            aria-label={t('filterStatus')}
            data-testid="library-status"
            value={query.status}
            onChange={(e) => update({ status: e.currentTarget.value as StatusFilter })}
          >
            <option value="all">{t('all')}</option>
            <option value="published">{t('published')}</option>
            <option value="drafts">{t('drafts')}</option>
          </select>
          <select
            aria-label={t('category')}
            data-testid="library-category"
            value={query.category ?? ''}
            onChange={(e) => update({ category: e.currentTarget.value || null })}
          >
            <option value="">{t('anyCategory')}</option>
            {categories.map((f) => (
              <option key={f.value} value={f.value}>
                {f.value} ({f.count})
              </option>
            ))}
          </select>
          <select aria-label={t('tag')} data-testid="library-tag" value={query.tag ?? ''} onChange={(e) => update({ tag: e.currentTarget.value || null })}>
            <option value="">{t('anyTag')}</option>
            {tags.map((f) => (
              <option key={f.value} value={f.value}>
                {f.value} ({f.count})
              </option>
            ))}
          </select>
        </div>
      </div>
      {only && (
        <p className="library-only" data-testid="library-only">
          {t('filteredBy', { label: only.label })}{' '}
          <IconButton label={t('clearFilter')} onClick={onClearOnly}>
            ✕
          </IconButton>
        </p>
      )}
      {onBulkEdit && checked.paths.size > 0 && (
        <p className="library-selection" data-testid="library-selection">
          {t('bulkSelected', { count: checked.paths.size })}{' '}
          <button type="button" data-testid="bulk-edit" onClick={() => onBulkEdit([...checked.paths])}>
            {t('bulkEdit')}
          </button>{' '}
          <IconButton label={t('clearSelection')} onClick={() => setChecked({ paths: new Set(), anchor: null })}>
            ✕
          </IconButton>
        </p>
      )}
      {search.error && (
        <p className="error" role="alert" data-testid="search-error">
          <MessageText text={search.error} />
        </p>
      )}
      {search.results ? (
        <SearchResults
          results={search.results}
          loadingMore={search.loadingMore}
          onLoadMore={search.loadMore}
          onOpenMatch={(path, match) => (onOpenMatch ? onOpenMatch(path, match) : onOpen(path))}
        />
      ) : (
        <>
          <ArticleList
            ref={list}
            articles={shown}
            selected={selected}
            onOpen={onOpen}
            onActivate={onActivate}
            onMenu={onMenu}
            checked={onBulkEdit ? checked.paths : undefined}
            onCheck={onBulkEdit ? check : undefined}
            unsaved={unsaved}
            changes={changes}
            requiredFor={requiredFor}
          />
          {sorting && (
            <p className="library-sorting" role="status" data-testid="library-sorting">
              {t('librarySorting')}
            </p>
          )}
        </>
      )}
    </>
  )
}
