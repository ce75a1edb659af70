import { useEffect, useRef, useState } from 'react'
import { useI18n } from '../i18n/i18n'
import { Modal } from '../dialogs/Modal'

interface Props {
  path: string
  /** The new path was typed: the rename's preview (MoveDialog) takes over. */
  onMove(from: string, to: string): void
  onClose(): void
}

/** Asks where an image goes: its path with the name (not the extension) selected, as file managers do. */
export function MoveImageDialog({ path, onMove, onClose }: Props) {
  const { t } = useI18n()
  const [value, setValue] = useState(path)
  const input = useRef<HTMLInputElement>(null)
  const name = path.slice(path.lastIndexOf('/') + 1)

  useEffect(() => {
    const start = path.lastIndexOf('/') + 1
    const dot = path.lastIndexOf('.')
    input.current?.focus()
    input.current?.setSelectionRange(start, dot > start ? dot : path.length)
  }, [path])

  const submit = () => {
    const to = value.trim()
    onClose()
    if (to && to !== path) onMove(path, to)
  }

  return (
    <Modal title={t('mediaMoveTitle', { name })} testId="media-move-dialog" onDismiss={onClose}>
      <input
        ref={input}
        type="text"
        aria-label={t('mediaMoveTo')}
        value={value}
        onChange={(e) => setValue(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') submit()
        }}
      />
      <div className="actions">
        <button onClick={submit}>{t('rename')}</button>
        <button onClick={onClose}>{t('cancel')}</button>
      </div>
    </Modal>
  )
}
