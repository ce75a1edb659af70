import type { RecoveredBuffers } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import { Modal } from './Modal'

/** After a crash or a kill: the journaled unsaved work, offered back before anything else. */
export function RecoveryDialog({ recovered, onRestore, onDiscard }: { recovered: RecoveredBuffers; onRestore(): void; onDiscard(): void }) {
  const { t, locale } = useI18n()
  return (
    <Modal title={t('recoveryTitle')} testId="recovery-dialog">
      <p>{t('recoveryBody', { count: recovered.buffers.length, time: new Date(recovered.savedAt).toLocaleString(locale) })}</p>
      <ul>
        {recovered.buffers.map((b) => (
          <li key={b.path}>{b.path}</li>
        ))}
      </ul>
      <div className="actions">
        <button onClick={onRestore}>{t('restore')}</button>
        <button onClick={onDiscard}>{t('discardRecovered')}</button>
      </div>
    </Modal>
  )
}
