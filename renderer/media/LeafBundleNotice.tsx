import { useErrorText } from '../i18n/errors'
import { useI18n } from '../i18n/i18n'
import type { BundleNotice } from './leaf-bundle'

interface Props {
  notice: BundleNotice
  onUndo(): void
  onDismiss(): void
}

/** Says that a Hugo leaf page became a page bundle for an image, with Undo until it is dismissed; then what the undo did, or why it was refused. */
export function LeafBundleNotice({ notice, onUndo, onDismiss }: Props) {
  const { t } = useI18n()
  const describe = useErrorText()
  const name = (path: string) => path.slice(path.lastIndexOf('/') + 1)
  return (
    <div className="merged-notice" role="status" data-testid="leaf-bundle-notice" data-step={notice.step}>
      {notice.step === 'undone' ? (
        <span>
          {t('leafBundleUndone', { from: notice.from })}
          {notice.undone.kept.length > 0 &&
            ' ' + t('leafBundleKept', { folder: notice.to.slice(0, notice.to.lastIndexOf('/')), names: notice.undone.kept.map(name).join(', ') })}
        </span>
      ) : (
        <span>
          {notice.others > 0
            ? t('leafBundleDoneLinks', { from: notice.from, to: notice.to, count: notice.others })
            : t('leafBundleDone', { from: notice.from, to: notice.to })}
        </span>
      )}
      {notice.step === 'failed' && (
        <span className="error" role="alert">
          {describe(notice.cause)}
        </span>
      )}
      {(notice.step === 'made' || notice.step === 'undoing' || notice.step === 'failed') && (
        <button type="button" data-testid="leaf-bundle-undo" disabled={notice.step === 'undoing'} onClick={onUndo}>
          {t('undo')}
        </button>
      )}
      <button type="button" data-testid="leaf-bundle-dismiss" disabled={notice.step === 'undoing'} onClick={onDismiss}>
        {t('dismiss')}
      </button>
    </div>
  )
}
