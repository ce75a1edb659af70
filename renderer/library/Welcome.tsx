import { useEffect, useState } from 'react'
import { folio } from '../bridge'
import { useI18n } from '../i18n/i18n'

/** Shown while no folder is open: open one, or pick up a recent one. */
export function Welcome({ onOpen }: { onOpen(path?: string): void }) {
  const { t } = useI18n()
  const [recent, setRecent] = useState<string[]>([])
  useEffect(() => {
    folio.listRecentFolders().then(setRecent, () => setRecent([]))
  }, [])
  return (
    <div className="welcome" data-testid="welcome">
      <h1>{t('appName')}</h1>
      <p>{t('welcomeBody')}</p>
      <button className="primary" onClick={() => onOpen()}>
        {t('openFolder')}
      </button>
      {recent.length > 0 && (
        <section aria-label={t('recentFolders')}>
          <h2>{t('recentFolders')}</h2>
          <ul>
            {recent.map((path) => (
              <li key={path}>
                <button className="link" onClick={() => onOpen(path)} title={path}>
                  {path}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
