import { useState } from 'react'
import { useI18n } from '../i18n/i18n'

interface Props {
  path: string
  /** Why the last attempt to save it failed (a taken name, permissions), or null. */
  message: string | null
  onRecreate(): void
  onSaveAs(path: string): void
  onClose(): void
}

/**
 * The open article's file went away on disk. Its text stays here until the writer decides:
 * write it again where it was, write it under another name, or close it.
 */
export function DeletedBanner({ path, message, onRecreate, onSaveAs, onClose }: Props) {
  const { t } = useI18n()
  const [naming, setNaming] = useState<string | null>(null)
  return (
    <div className="file-deleted" role="alert" data-testid="file-deleted">
      <p>{t('fileDeleted', { path })}</p>
      {message && (
        <p className="error" data-testid="file-deleted-message">
          {message}
        </p>
      )}
      {naming === null ? (
        <div className="actions">
          <button type="button" className="primary" data-testid="deleted-recreate" onClick={onRecreate}>
            {t('deletedRecreate')}
          </button>
          <button type="button" data-testid="deleted-save-as" onClick={() => setNaming(path)}>
            {t('deletedSaveAs')}
          </button>
          <button type="button" data-testid="deleted-close" onClick={onClose}>
            {t('deletedClose')}
          </button>
        </div>
      ) : (
        <form
          className="actions"
          onSubmit={(event) => {
            event.preventDefault()
            const name = naming.trim()
            if (name) onSaveAs(name)
            setNaming(null)
          }}
        >
          <label>
            {t('deletedNewName')}{' '}
            <input data-testid="deleted-save-as-name" value={naming} autoFocus onChange={(event) => setNaming(event.currentTarget.value)} />
          </label>
          <button type="submit" className="primary" data-testid="deleted-save-as-ok">
            {t('save')}
          </button>
          <button type="button" onClick={() => setNaming(null)}>
            {t('cancel')}
          </button>
        </form>
      )}
    </div>
  )
}
