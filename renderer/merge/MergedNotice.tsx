import { useI18n } from '../i18n/i18n'
import type { MergedNotice as Notice } from '../buffers/buffer-store'

interface Props {
  notice: Notice
  onDismiss(): void
}

/** Says that a save merged changes made on disk with the writer's own, so nothing happened unseen. */
export function MergedNotice({ notice, onDismiss }: Props) {
  const { t } = useI18n()
  const text =
    notice.keys.length > 0 ? t('mergedAnnounceKeys', { path: notice.path, keys: notice.keys.join(', ') }) : t('mergedAnnounce', { path: notice.path })
  return (
    <div className="merged-notice" role="status" data-testid="merge-notice">
      <span>{text}</span>
      <button type="button" onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  )
}
