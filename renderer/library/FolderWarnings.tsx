import { useState } from 'react'
import type { FolderWarning } from '../../shared/contract'
import { saidText } from '../i18n/errors'
import { useI18n } from '../i18n/i18n'

/**
 * What the main process refused or could not read when the folder opened (a setting that
 * leads outside the folder, an unreadable sub-folder), each naming its file and line, until
 * the user dismisses it. Another list (another folder) shows again.
 */
export function FolderWarnings({ warnings }: { warnings: readonly FolderWarning[] | undefined }) {
  const { t, locale } = useI18n()
  // Compared by content: every refresh brings a fresh copy of the same list over IPC.
  const [dismissed, setDismissed] = useState<string | null>(null)
  const key = JSON.stringify(warnings ?? [])
  if (!warnings || warnings.length === 0 || dismissed === key) return null
  return (
    <div className="folder-warnings" role="alert" data-testid="folder-warnings">
      <strong>{t('folderWarnings')}</strong>
      <ul>
        {warnings.map((w, i) => (
          <li key={i} data-key={w.key} data-path={w.path}>
            {saidText(w, locale) ?? w.message}
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => setDismissed(key)}>
        {t('dismiss')}
      </button>
    </div>
  )
}
