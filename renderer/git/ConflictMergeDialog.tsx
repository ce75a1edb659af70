/**
 * An article git left in conflict after a pull: ours and theirs merged place by place from their
 * common ancestor. Applying writes the merge into the article, saves it and marks it resolved.
 */
import { useEffect, useState } from 'react'
import { folio } from '../bridge'
import { useI18n } from '../i18n/i18n'
import { useErrorText } from '../i18n/errors'
import { TextMerge } from '../merge/TextMerge'
import { Modal } from '../dialogs/Modal'
import { MessageText } from '../i18n/tool-output'

interface Props {
  path: string
  onResolve(text: string): Promise<void>
  onClose(): void
}

export function ConflictMergeDialog({ path, onResolve, onClose }: Props) {
  const { t } = useI18n()
  const describe = useErrorText()
  const [versions, setVersions] = useState<{ base: string | null; mine: string | null; theirs: string | null } | null>(null)
  const [error, setError] = useState<unknown>(null)

  useEffect(() => {
    let live = true
    folio.conflictVersions(path).then(
      (found) => live && setVersions(found),
      (failure: unknown) => live && setError(failure),
    )
    return () => {
      live = false
    }
  }, [path])

  const apply = async (text: string) => {
    try {
      await onResolve(text)
      onClose()
    } catch (failure) {
      setError(failure)
    }
  }

  return (
    <Modal title={t('gitMergeTitle', { path })} testId="git-merge" className="wide" onDismiss={onClose}>
      {error !== null && (
        <p className="error" role="alert">
          <MessageText text={describe(error)} />
        </p>
      )}
      {versions && (versions.mine === null || versions.theirs === null) && <p className="warning">{t('gitMergeDeleted')}</p>}
      {versions?.mine != null && versions.theirs != null && (
        <TextMerge
          {...(versions.base === null ? {} : { base: versions.base })}
          mine={versions.mine}
          theirs={versions.theirs}
          labels={{ mine: t('gitOurs'), theirs: t('gitTheirs') }}
          onApply={(text) => void apply(text)}
        />
      )}
      <div className="actions">
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Modal>
  )
}
