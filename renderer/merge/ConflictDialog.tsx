import { useMemo, useState } from 'react'
import type { Generator } from '../../shared/sites/types'
import { useI18n } from '../i18n/i18n'
import { Modal } from '../dialogs/Modal'
import { diskLineEndings, type ConflictTexts } from './conflict'
import { TextMerge } from './TextMerge'

interface Props {
  conflict: ConflictTexts & { path: string }
  site?: Generator
  onReload(): void
  onKeepMine(): void
  /** The merged text, in the disk's line endings: it becomes an undoable edit of the buffer. */
  onMerge(text: string): void
  onCancel(): void
}

/**
 * Offered when a save finds the file changed on disk and the changes clash (changes that do not
 * clash are merged without asking): merge place by place, take the disk's version, or keep mine.
 */
export function ConflictDialog({ conflict, site, onReload, onKeepMine, onMerge, onCancel }: Props) {
  const { t } = useI18n()
  const [merging, setMerging] = useState(true)
  const theirs = useMemo(() => conflict.disk.text.replaceAll('\r\n', '\n'), [conflict.disk.text])
  const labels = useMemo(() => ({ mine: t('myVersion'), theirs: t('diskVersion') }), [t])
  return (
    <Modal title={t('conflictTitle')} testId="conflict-dialog" className={merging ? 'wide' : undefined} onDismiss={onCancel}>
      <p>{t('conflictBody', { path: conflict.path })}</p>
      {merging && (
        <div data-testid="conflict-compare">
          <TextMerge
            base={conflict.base ?? undefined}
            mine={conflict.mine}
            theirs={theirs}
            labels={labels}
            site={site}
            onApply={(text) => onMerge(diskLineEndings(text, conflict.disk.text))}
          />
        </div>
      )}
      <div className="actions">
        <button onClick={onReload} data-testid="conflict-reload">
          {t('reload')}
        </button>
        <button onClick={onKeepMine} data-testid="conflict-keep-mine">
          {t('keepMine')}
        </button>
        <button onClick={() => setMerging((m) => !m)} data-testid="conflict-compare-toggle" aria-expanded={merging}>
          {merging ? t('mergeClose') : t('mergeOpen')}
        </button>
        <button onClick={onCancel}>{t('cancel')}</button>
      </div>
    </Modal>
  )
}
