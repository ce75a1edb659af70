import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { PathPromptDialog } from './PathPromptDialog'

/** Asks for a title; the workspace names the file by the site's convention and its scaffold. */
export function NewArticleDialog({ onCreate, onCancel }: { onCreate(title: string, draft: boolean): void; onCancel(): void }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(false)
  return (
    <PathPromptDialog
      title={t('newArticle')}
      testId="new-article-dialog"
      label={t('articleTitle')}
      submitLabel={t('create')}
      onSubmit={(title) => onCreate(title, draft)}
      onCancel={onCancel}
    >
      <label>
        <input type="checkbox" checked={draft} onChange={(e) => setDraft(e.currentTarget.checked)} /> {t('draft')}
      </label>
    </PathPromptDialog>
  )
}
