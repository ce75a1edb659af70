import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { Modal } from './Modal'

/** Asks for a title; the workspace names the file by the site's convention and its scaffold. */
export function NewArticleDialog({ onCreate, onCancel }: { onCreate(title: string, draft: boolean): void; onCancel(): void }) {
  const { t } = useI18n()
  const [title, setTitle] = useState('')
  const [draft, setDraft] = useState(false)
  const submit = () => title.trim() && onCreate(title.trim(), draft)
  return (
    <Modal title={t('newArticle')} testId="new-article-dialog" onDismiss={onCancel}>
      <input
        autoFocus
        type="text"
        aria-label={t('articleTitle')}
        placeholder={t('articleTitle')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return
          // The dialog closes at once and focus goes back to the "New article" button: left to
          // its default, this Enter would then press that button and open the dialog again.
          e.preventDefault()
          submit()
        }}
      />
      <label>
        <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.currentTarget.checked)} /> {t('draft')}
      </label>
      <div className="actions">
        <button onClick={submit} disabled={!title.trim()}>
          {t('create')}
        </button>
        <button onClick={onCancel}>{t('cancel')}</button>
      </div>
    </Modal>
  )
}
