import { useEffect, useImperativeHandle, useRef, useState, type KeyboardEvent, type Ref } from 'react'
import type { LibraryRow, GitChangeKind } from '../../shared/contract'
import { summaryChecks } from '../../shared/frontmatter/checks'
import { checkText } from '../checks/check-text'
import { useNow } from '../checks/use-now'
import { STATUS_KEYS } from '../git/status-label'
import { useI18n } from '../i18n/i18n'
import { headerErrorLine } from '../i18n/header-errors'

const ROW_HEIGHT = 56
const OVERSCAN = 8

export interface ArticleListHandle {
  focus(): void
}

interface Props {
  ref?: Ref<ArticleListHandle>
  articles: LibraryRow[]
  selected: string | null
  onOpen(path: string): void
  /** Enter on the selected article: open it and go on writing (focus moves to the editor). */
  onActivate?(path: string): void
  /** Right-click or the context-menu key on an article: rename, duplicate, move to trash. */
  onMenu?(path: string, x: number, y: number): void
  /** Articles picked for a bulk edit (Ctrl/Cmd-click toggles one, Shift-click extends a range). */
  checked?: ReadonlySet<string>
  onCheck?(path: string, range: boolean): void
  /** Articles with unsaved edits, marked in the list. */
  unsaved?: ReadonlySet<string>
  /** What git says about changed articles, marked in the list. */
  changes?: ReadonlyMap<string, GitChangeKind>
  /** The keys an article's collection requires, for its field checks. */
  requiredFor?(path: string): readonly string[]
}

/** A virtualized list: only the rows in view are in the DOM, so 10,000 articles scroll smoothly. */
export function ArticleList({ ref, articles, selected, onOpen, onActivate, onMenu, checked, onCheck, unsaved, changes, requiredFor }: Props) {
  const { t, locale } = useI18n()
  const now = useNow()
  const viewport = useRef<HTMLDivElement>(null)
  useImperativeHandle(ref, () => ({ focus: () => viewport.current?.focus() }), [])
  const [scrollTop, setScrollTop] = useState(0)
  const [height, setHeight] = useState(600)

  useEffect(() => {
    const element = viewport.current
    if (!element) return
    const observer = new ResizeObserver(() => setHeight(element.clientHeight))
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN)
  const last = Math.min(articles.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN)

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Enter' && selected !== null && onActivate) {
      event.preventDefault()
      onActivate(selected)
      return
    }
    // The keyboard's right-click: the Menu key or Shift+F10 opens the selected article's menu by its row.
    if ((event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey)) && selected !== null && onMenu) {
      event.preventDefault()
      const row = event.currentTarget.querySelector(`[data-path="${CSS.escape(selected)}"]`) ?? event.currentTarget
      const box = row.getBoundingClientRect()
      onMenu(selected, box.left + 24, Math.min(box.bottom, window.innerHeight - 120))
      return
    }
    // Space picks the open article for a bulk edit: the keyboard's Ctrl-click.
    if (event.key === ' ' && onCheck && selected !== null) {
      event.preventDefault()
      onCheck(selected, false)
      return
    }
    const index = articles.findIndex((a) => a.path === selected)
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1)
    const step: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -articles.length, End: articles.length }
    const by = step[event.key]
    if (by === undefined) return
    event.preventDefault()
    const next = articles[Math.min(articles.length - 1, Math.max(0, index + by))]
    if (next) {
      onOpen(next.path)
      const top = articles.indexOf(next) * ROW_HEIGHT
      const element = viewport.current
      if (element && (top < element.scrollTop || top + ROW_HEIGHT > element.scrollTop + element.clientHeight)) {
        element.scrollTop = top
      }
    }
  }

  return (
    <div
      className="article-list"
      data-testid="article-list"
      // An empty listbox is an error to assistive technology: until there are rows it is a group.
      role={articles.length > 0 ? 'listbox' : 'group'}
      aria-label={t('library')}
      aria-activedescendant={selected !== null && articles.slice(first, last).some((a) => a.path === selected) ? rowId(selected) : undefined}
      tabIndex={0}
      ref={viewport}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      {articles.length === 0 && <p className="empty">{t('noArticles')}</p>}
      <div style={{ height: articles.length * ROW_HEIGHT, position: 'relative' }}>
        {articles.slice(first, last).map((article, i) => {
          // Only the rows in view are checked: cheap on a 10,000-article folder.
          const checks = summaryChecks(article, { now, required: requiredFor?.(article.path) })
          const scheduled = checks.find((c) => c.code === 'scheduled')
          const warnings = checks.filter((c) => c.severity === 'warning')
          return (
            <div
              key={article.path}
              id={rowId(article.path)}
              role="option"
              aria-selected={article.path === selected}
              aria-checked={checked ? checked.has(article.path) : undefined}
              className={'article-item' + (article.path === selected ? ' selected' : '') + (checked?.has(article.path) ? ' checked' : '')}
              data-testid="article-item"
              data-path={article.path}
              style={{ top: (first + i) * ROW_HEIGHT, height: ROW_HEIGHT }}
              title={article.path}
              onClick={(e) => (onCheck && (e.ctrlKey || e.metaKey || e.shiftKey) ? onCheck(article.path, e.shiftKey) : onOpen(article.path))}
              onContextMenu={(event) => {
                if (!onMenu) return
                event.preventDefault()
                onMenu(article.path, event.clientX, event.clientY)
              }}
            >
              <span className="article-title">
                {article.error && (
                  <span className="error-mark" role="img" aria-label={t('headerError')} title={headerErrorLine(article.error, locale)}>
                    ⚠
                  </span>
                )}
                {article.title ?? article.path.split('/').pop()}
                {unsaved?.has(article.path) && (
                  <span className="unsaved-mark" data-testid="unsaved-mark" role="img" aria-label={t('dirty')} title={t('dirty')}>
                    ●
                  </span>
                )}
              </span>
              <span className="article-meta">
                {article.draft && <span className="badge">{t('draft')}</span>}
                {changes?.has(article.path) && (
                  <span className={`badge git-${changes.get(article.path) ?? ''}`} data-testid="git-badge">
                    {t(STATUS_KEYS[changes.get(article.path) ?? 'modified'])}
                  </span>
                )}
                {scheduled && (
                  <span className="badge scheduled" data-testid="scheduled-badge" title={checkText(scheduled, t, locale)}>
                    {t('scheduled')}
                  </span>
                )}
                {warnings.length > 0 && (
                  <span
                    className="check-mark"
                    data-testid="check-badge"
                    role="img"
                    aria-label={t('checkCount', { count: warnings.length })}
                    title={warnings.map((c) => checkText(c, t, locale)).join('\n')}
                  >
                    ⚑ {warnings.length}
                  </span>
                )}
                {/* The date as the header writes it (`Jul 08 2022`): the author's, in every UI language. */}
                <span translate="no">{article.date ?? ''}</span>
              </span>
            </div>
          )
        })}
      </div>
    </div>
  )
}

/** A DOM id for an article's row (aria-activedescendant points at it); paths may hold any character. */
function rowId(path: string): string {
  return 'article-' + encodeURIComponent(path)
}
