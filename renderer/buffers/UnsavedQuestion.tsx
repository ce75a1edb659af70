import { useI18n } from '../i18n/i18n'
import { Modal } from '../dialogs/Modal'

export type UnsavedAnswer = 'save' | 'discard' | 'cancel'

/**
 * Asks what happens to unsaved edits before the folder they belong to goes away (another folder
 * opens): save them all, discard them, or stay. Shown through the workbench's dialog queue
 * (DialogState.askUnsaved), so nothing else takes its place while it asks.
 */
export function UnsavedDialog({ paths, onChoose }: { paths: readonly string[]; onChoose(choice: UnsavedAnswer): void }) {
  const { t } = useI18n()
  return (
    <Modal title={t('unsavedTitle')} testId="unsaved-dialog" role="alertdialog" onDismiss={() => onChoose('cancel')}>
      <p>{t('unsavedBody', { count: paths.length })}</p>
      <ul className="unsaved-paths" data-testid="unsaved-paths">
        {paths.map((path) => (
          <li key={path}>{path}</li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary" autoFocus data-testid="unsaved-save-all" onClick={() => onChoose('save')}>
          {t('unsavedSaveAll')}
        </button>
        <button type="button" data-testid="unsaved-discard" onClick={() => onChoose('discard')}>
          {t('unsavedDiscard')}
        </button>
        <button type="button" data-testid="unsaved-cancel" onClick={() => onChoose('cancel')}>
          {t('cancel')}
        </button>
      </div>
    </Modal>
  )
}
