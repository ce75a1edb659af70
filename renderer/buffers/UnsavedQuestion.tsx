import { useCallback, useRef, useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'
import { Modal } from '../dialogs/Modal'

export type UnsavedAnswer = 'save' | 'discard' | 'cancel'

/**
 * Asks what happens to unsaved edits before the folder they belong to goes away (another folder
 * opens): save them all, discard them, or stay. `ask` resolves with the answer; `dialog` is the
 * element to render while it is asked.
 */
export function useUnsavedQuestion(): { dialog: ReactNode; ask(paths: readonly string[]): Promise<UnsavedAnswer> } {
  const [asking, setAsking] = useState<readonly string[] | null>(null)
  const answer = useRef<((choice: UnsavedAnswer) => void) | null>(null)
  const ask = useCallback((paths: readonly string[]) => {
    answer.current?.('cancel')
    setAsking(paths)
    return new Promise<UnsavedAnswer>((resolve) => (answer.current = resolve))
  }, [])
  const choose = (choice: UnsavedAnswer) => {
    setAsking(null)
    answer.current?.(choice)
    answer.current = null
  }
  return { dialog: asking && <UnsavedDialog paths={asking} onChoose={choose} />, ask }
}

function UnsavedDialog({ paths, onChoose }: { paths: readonly string[]; onChoose(choice: UnsavedAnswer): void }) {
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
