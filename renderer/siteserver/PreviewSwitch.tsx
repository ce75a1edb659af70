/**
 * The preview pane's two views: Folio's own preview, and the site's own server (when the folder
 * is a site whose generator Folio knows). The server keeps running while the other view shows.
 */
import { useState, type ReactNode } from 'react'
import { useI18n } from '../i18n/i18n'
import { SiteServerPane } from './SiteServerPane'
import { useSiteServer } from './use-site-server'
import './siteserver.css'

interface Props {
  root: string | null
  path: string | null
  /** Folio's own preview. */
  children: ReactNode
}

export function PreviewSwitch({ root, path, children }: Props) {
  const { t } = useI18n()
  const snapshot = useSiteServer(root)
  const [site, setSite] = useState(false)
  if (root === null || snapshot === null || snapshot.state.status === 'unsupported') return children
  const running = snapshot.state.status === 'running'
  return (
    <div className="preview-switch">
      <div className="preview-tabs" role="tablist">
        <button type="button" role="tab" aria-selected={!site} data-testid="preview-tab" onClick={() => setSite(false)}>
          {t('preview')}
        </button>
        <button type="button" role="tab" aria-selected={site} data-testid="siteserver-tab" onClick={() => setSite(true)}>
          {t('siteServerTab')}
          {running && (
            <span className="running-dot" aria-hidden="true">
              ●
            </span>
          )}
        </button>
      </div>
      {site ? <SiteServerPane root={root} path={path} snapshot={snapshot} /> : children}
    </div>
  )
}
