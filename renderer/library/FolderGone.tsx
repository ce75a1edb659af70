import { useState } from 'react'
import { useI18n } from '../i18n/i18n'

/**
 * The open folder was moved or deleted while open. Nothing recreates it: the user closes it or
 * points Folio at where it is now. Locate keeps unsaved edits; Close drops them only after a
 * second, explicit yes.
 */
export function FolderGone({ root, unsaved, onClose, onLocate }: { root: string; unsaved: number; onClose(): void; onLocate(): void }) {
  const { t } = useI18n()
  const [asking, setAsking] = useState<null | (() => void)>(null)
  const close = () => (unsaved > 0 ? setAsking(() => onClose) : onClose())
  return (
    <div className="folder-gone" role="alert" data-testid="folder-gone">
      <p>{t('folderGone', { folder: root })}</p>
      {unsaved > 0 && <p data-testid="folder-gone-unsaved">{t('folderGoneUnsaved', { count: unsaved })}</p>}
      {asking ? (
        <div className="actions">
          <p>{t('folderGoneDiscard', { count: unsaved })}</p>
          <button
            type="button"
            data-testid="folder-gone-discard"
            onClick={() => {
              setAsking(null)
              asking()
            }}
          >
            {t('folderGoneDiscardConfirm')}
          </button>
          <button type="button" onClick={() => setAsking(null)}>
            {t('folderGoneKeep')}
          </button>
        </div>
      ) : (
        <div className="actions">
          <button type="button" data-testid="folder-gone-close" onClick={close}>
            {t('folderGoneClose')}
          </button>
          <button type="button" className="primary" data-testid="folder-gone-locate" onClick={onLocate}>
            {t('folderGoneLocate')}
          </button>
        </div>
      )}
    </div>
  )
}
