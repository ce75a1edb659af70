import { useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { Modal } from './Modal'
import type { Conflict } from '../buffers/buffer-store'

interface Props {
  conflict: Conflict
  mine: string
  onReload(): void
  onKeepMine(): void
  onCancel(): void
}

/** Offered when a save finds the file changed on disk: nothing is overwritten without asking. */
export function ConflictDialog({ conflict, mine, onReload, onKeepMine, onCancel }: Props) {
  const { t } = useI18n()
  const [comparing, setComparing] = useState(false)
  return (
    <Modal title={t('conflictTitle')} testId="conflict-dialog" className={comparing ? 'wide' : undefined}>
        <p>{t('conflictBody', { path: conflict.path })}</p>
        {comparing && (
          <div className="compare" data-testid="conflict-compare">
            <section>
              <h3>{t('diskVersion')}</h3>
              <pre>{conflict.disk.text}</pre>
            </section>
            <section>
              <h3>{t('myVersion')}</h3>
              <pre>{mine}</pre>
            </section>
          </div>
        )}
        <div className="actions">
          <button onClick={onReload} data-testid="conflict-reload">{t('reload')}</button>
          <button onClick={onKeepMine} data-testid="conflict-keep-mine">{t('keepMine')}</button>
          <button onClick={() => setComparing((c) => !c)} data-testid="conflict-compare-toggle">
            {comparing ? t('closeCompare') : t('compare')}
          </button>
          <button onClick={onCancel}>{t('cancel')}</button>
        </div>
    </Modal>
  )
}
