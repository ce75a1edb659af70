import { useState } from 'react'
import { useI18n } from '../i18n/i18n'

/** Asks for a title; the workspace names the file by the site's convention and its scaffold. */
export function NewArticleDialog({ onCreate, onCancel }: { onCreate(title: string, draft: boolean): void; onCancel(): void }) {
  const { t } = useI18n()
  const [title, setTitle] = useState('')
  const [draft, setDraft] = useState(false)
  const submit = () => title.trim() && onCreate(title.trim(), draft)
  return (
    <div className="modal-backdrop" onClick={onCancel}>
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby="new-article-title" data-testid="new-article-dialog" onClick={(e) => e.stopPropagation()}>
        <h2 id="new-article-title">{t('newArticle')}</h2>
        <input
          autoFocus
          type="text"
          aria-label={t('articleTitle')}
          placeholder={t('articleTitle')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') submit()
            if (e.key === 'Escape') onCancel()
          }}
        />
        <label>
          <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.currentTarget.checked)} /> {t('draft')}
        </label>
        <div className="actions">
          <button onClick={submit} disabled={!title.trim()}>{t('create')}</button>
          <button onClick={onCancel}>{t('cancel')}</button>
        </div>
      </div>
    </div>
  )
}
