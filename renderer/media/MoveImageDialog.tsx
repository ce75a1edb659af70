import { useI18n } from '../i18n/i18n'
import { PathPromptDialog } from '../dialogs/PathPromptDialog'

interface Props {
  path: string
  /** The new path was typed: the rename's preview (MoveDialog) takes over. */
  onMove(from: string, to: string): void
  onClose(): void
}

/** Asks where an image goes: its path, with the name selected. */
export function MoveImageDialog({ path, onMove, onClose }: Props) {
  const { t } = useI18n()
  return (
    <PathPromptDialog
      title={t('mediaMoveTitle', { name: path.slice(path.lastIndexOf('/') + 1) })}
      testId="media-move-dialog"
      label={t('mediaMoveTo')}
      initial={path}
      submitLabel={t('rename')}
      onSubmit={(to) => {
        onClose()
        if (to !== path) onMove(path, to)
      }}
      onCancel={onClose}
    />
  )
}
