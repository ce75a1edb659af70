import { useState } from 'react'
import type { BulkOperation } from '../../shared/contract'
import { useI18n } from '../i18n/i18n'
import { Modal } from '../dialogs/Modal'
import { BulkDialog } from './BulkDialog'

type Action = 'set' | 'add-to-list' | 'remove-from-list' | 'unset'

interface Props {
  paths: string[]
  onClose(): void
  onChanged(): void
}

/** A field edit for the articles selected in the library, previewed and applied like a rename. */
export function BulkFieldDialog({ paths, onClose, onChanged }: Props) {
  const { t } = useI18n()
  const [action, setAction] = useState<Action>('set')
  const [key, setKey] = useState('')
  const [value, setValue] = useState('')
  const [operation, setOperation] = useState<BulkOperation | null>(null)
  const title = t('bulkEditTitle', { count: paths.length })

  if (operation) return <BulkDialog title={title} operation={operation} onClose={onClose} onChanged={onChanged} />

  const ready = key.trim() !== '' && (action === 'unset' || action === 'set' || value.trim() !== '')
  const submit = () => {
    if (!ready) return
    const k = key.trim()
    setOperation(action === 'unset' ? { kind: 'unset', paths, key: k } : { kind: action, paths, key: k, value: action === 'set' ? value : value.trim() })
  }
  return (
    <Modal title={title} testId="bulk-field-dialog" onDismiss={onClose}>
      <label>
        {t('bulkAction')}{' '}
        <select data-testid="bulk-action" value={action} onChange={(e) => setAction(e.currentTarget.value as Action)}>
          <option value="set">{t('bulkSet')}</option>
          <option value="add-to-list">{t('bulkAddToList')}</option>
          <option value="remove-from-list">{t('bulkRemoveFromList')}</option>
          <option value="unset">{t('bulkUnset')}</option>
        </select>
      </label>
      <input
        autoFocus
        type="text"
        data-testid="bulk-key"
        aria-label={t('fieldName')}
        placeholder={t('fieldName')}
        value={key}
        onChange={(e) => setKey(e.currentTarget.value)}
      />
      {action !== 'unset' && (
        <input
          type="text"
          data-testid="bulk-value"
          aria-label={t('bulkValue')}
          placeholder={t('bulkValue')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && submit()}
        />
      )}
      <div className="actions">
        <button data-testid="bulk-field-preview" disabled={!ready} onClick={submit}>
          {t('bulkPreview')}
        </button>
        <button onClick={onClose}>{t('cancel')}</button>
      </div>
    </Modal>
  )
}
