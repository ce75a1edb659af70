import { useId, useMemo, useState } from 'react'
import type { ArticleSummary } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import { Modal } from '../state/Modal'

const LIMIT = 50

/** Ctrl/Cmd+P: jump to an article by any part of its title or path. */
export function QuickOpen({ articles, onOpen, onClose }: { articles: ArticleSummary[]; onOpen(path: string): void; onClose(): void }) {
  const { t } = useI18n()
  const [text, setText] = useState('')
  const [active, setActive] = useState(0)
  const listId = useId()
  const matches = useMemo(() => {
    const needle = text.trim().toLowerCase()
    const found = needle
      ? articles.filter((a) => (a.title ?? '').toLowerCase().includes(needle) || a.path.toLowerCase().includes(needle))
      : articles
    return found.slice(0, LIMIT)
  }, [articles, text])

  const choose = (article: ArticleSummary | undefined) => {
    if (!article) return
    onOpen(article.path)
    onClose()
  }

  return (
    <Modal title={t('quickOpen')} testId="quick-open" onDismiss={onClose} showTitle={false} className="quick-open">
        <input
          autoFocus
          type="text"
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={matches[active] ? `${listId}-${active}` : undefined}
          aria-label={t('quickOpen')}
          placeholder={t('quickOpenHint')}
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value)
            setActive(0)
          }}
          onKeyDown={(e) => {
            if (e.key === 'ArrowDown') setActive((i) => Math.min(matches.length - 1, i + 1))
            else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1))
            else if (e.key === 'Enter') choose(matches[active])
            else return
            e.preventDefault()
          }}
        />
        <ul role="listbox" id={listId} aria-label={t('quickOpen')}>
          {matches.map((a, i) => (
            <li key={a.path} id={`${listId}-${i}`} role="option" aria-selected={i === active} className={i === active ? 'active' : ''} onClick={() => choose(a)}>
              <span>{a.title ?? a.path}</span> <small>{a.path}</small>
            </li>
          ))}
        </ul>
    </Modal>
  )
}
