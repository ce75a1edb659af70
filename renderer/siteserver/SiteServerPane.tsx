/**
 * The site's own server as a second preview: the article's page as the generator serves it
 * (`hugo server`, `hexo server`, …), its log, and the way to start and stop it.
 *
 * The page runs the theme's own scripts, so it is framed from its own origin
 * (http://127.0.0.1:<port>), never ours: the preload exposes window.folio to our top frame only,
 * the main process refuses IPC from subframes, and its frame guard lets a frame load exactly the
 * running server's origin. The frame may not navigate our page (no allow-top-navigation).
 */
import { useEffect, useState } from 'react'
import type { SiteServerMissing, SiteServerPage, SiteServerSnapshot, SiteServerState } from '../../shared/contract'
import { folio } from '../bridge'
import { useMainEvents } from '../workbench/use-main-events'
import { useErrorText } from '../i18n/errors'
import { useI18n } from '../i18n/i18n'
import type { StringKey } from '../i18n/strings'
import { isolated } from '../i18n/tool-output'
import { Modal } from '../dialogs/Modal'
import { isTrusted, trust } from './consent'
import { freshUrl } from './fresh-url'
import './siteserver.css'

interface Props {
  /** The open folder (absolute), whose server this is. */
  root: string
  /** The article shown in the editor (POSIX, relative), or null. */
  path: string | null
  snapshot: SiteServerSnapshot
}

const MISSING: Record<SiteServerMissing, [StringKey, StringKey]> = {
  node: ['siteServerMissingNode', 'siteServerInstallNode'],
  hexo: ['siteServerMissingHexo', 'siteServerInstallHexo'],
  'hexo-server': ['siteServerMissingHexoServer', 'siteServerInstallHexoServer'],
  'hexo-command': ['siteServerMissingHexoCommand', 'siteServerInstallHexoCommand'],
  hugo: ['siteServerMissingHugo', 'siteServerInstallHugo'],
  gemfile: ['siteServerMissingGemfile', 'siteServerInstallGemfile'],
  bundler: ['siteServerMissingBundler', 'siteServerInstallBundler'],
  'dev-script': ['siteServerMissingDevScript', 'siteServerInstallDevScript'],
  packages: ['siteServerMissingPackages', 'siteServerInstallPackages'],
}

/** Scripts for the theme, forms and links that open a browser tab; never our top page. */
const FRAME_SANDBOX = 'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox'

export function SiteServerPane({ root, path, snapshot }: Props) {
  const { t } = useI18n()
  const describe = useErrorText()
  const { state, log } = snapshot
  const [page, setPage] = useState<SiteServerPage | null>(null)
  // Bumped for each load of the frame: a new article, a save, Reload (each load gets its own address, see fresh-url.ts).
  const [loads, setLoads] = useState(0)
  const [showLog, setShowLog] = useState(false)
  const [asking, setAsking] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const origin = state.status === 'running' ? state.origin : null

  useEffect(() => {
    setPage(null)
    setLoads((n) => n + 1)
    if (origin === null || path === null) return
    let live = true
    void folio.siteServerPage(path).then(
      (found) => live && setPage(found),
      (failure: unknown) => live && setError(describe(failure)),
    )
    return () => {
      live = false
    }
  }, [origin, path, describe])

  // A save moved the page or changed it on a server that does not reload its pages itself.
  useMainEvents({
    siteServerReload: (reload) => {
      if (reload.path !== path) return
      setPage(reload.page)
      setLoads((n) => n + 1)
    },
  })

  const start = async () => {
    setAsking(false)
    setError(null)
    try {
      await trust(root)
      await folio.startSiteServer()
    } catch (failure) {
      setError(describe(failure))
    }
  }
  const stop = () => void folio.stopSiteServer().catch((failure: unknown) => setError(describe(failure)))
  const askOrStart = () =>
    void isTrusted(root).then(
      (trusted) => (trusted ? start() : setAsking(true)),
      (failure: unknown) => setError(describe(failure)),
    )

  const url = page?.url ?? (origin === null ? null : `${origin}/`)
  // The command is the site's, as written, inside the UI's sentence.
  const command = isolated('command' in state ? state.command : '')
  const logPanel = (
    <pre className="siteserver-log" data-testid="siteserver-log" aria-label={t('siteServerLogLabel')} tabIndex={0}>
      {log}
    </pre>
  )

  return (
    <div className={`siteserver ${state.status}`} data-testid="siteserver" data-status={state.status}>
      {state.status === 'missing' && (
        <div className="siteserver-message" role="alert" data-testid="siteserver-missing" data-reason={state.reason}>
          <h3>{t('siteServerMissingTitle')}</h3>
          <p>{t(MISSING[state.reason][0])}</p>
          <p>{t(MISSING[state.reason][1])}</p>
          <p className="muted">{t('siteServerNeverInstalls')}</p>
        </div>
      )}
      {(state.status === 'stopped' || state.status === 'exited') && (
        <div className="siteserver-message">
          {state.status === 'exited' && (
            <p className="error" role="alert" data-testid="siteserver-exited">
              {exitText(state, t)}
            </p>
          )}
          <p>{t('siteServerIntro', { command })}</p>
          <button type="button" className="primary" data-testid="siteserver-start" onClick={askOrStart}>
            {state.status === 'exited' ? t('siteServerStartAgain') : t('siteServerStart')}
          </button>
        </div>
      )}
      {error && (
        <p className="error siteserver-message" role="alert">
          {error}
        </p>
      )}
      {state.status === 'starting' && (
        <div className="siteserver-bar">
          <span className="address" role="status">
            {t('siteServerStarting', { command })}
          </span>
          <button type="button" data-testid="siteserver-stop" onClick={stop}>
            {t('siteServerStop')}
          </button>
        </div>
      )}
      {state.status === 'running' && url !== null && (
        <>
          <div className="siteserver-bar">
            <span className="address" data-testid="siteserver-address" title={url}>
              {decodeForDisplay(url)}
            </span>
            <button type="button" data-testid="siteserver-reload" onClick={() => setLoads((n) => n + 1)}>
              {t('siteServerReload')}
            </button>
            <button type="button" onClick={() => window.open(url, '_blank', 'noopener')}>
              {t('siteServerOpenBrowser')}
            </button>
            <button type="button" aria-pressed={showLog} data-testid="siteserver-log-toggle" onClick={() => setShowLog((shown) => !shown)}>
              {t('siteServerShowLog')}
            </button>
            <button type="button" data-testid="siteserver-stop" onClick={stop}>
              {t('siteServerStop')}
            </button>
          </div>
          {page && !page.exact && (
            <p className="siteserver-note" role="status" data-testid="siteserver-not-found">
              {t('siteServerNotFound', { tried: decodeForDisplay(page.tried ?? '') })}
            </p>
          )}
          <iframe
            key={`${url}#${loads}`}
            className="siteserver-frame"
            data-testid="siteserver-frame"
            title={t('siteServerPageLabel')}
            src={freshUrl(url, loads)}
            sandbox={FRAME_SANDBOX}
            referrerPolicy="no-referrer"
          />
        </>
      )}
      {(state.status !== 'running' || showLog) && log !== '' && logPanel}
      {asking && (
        <Modal title={t('siteServerTrustTitle')} testId="siteserver-trust" role="alertdialog" onDismiss={() => setAsking(false)}>
          <p>{t('siteServerTrustBody', { folder: root, command })}</p>
          <p className="muted">{t('siteServerTrustOnce')}</p>
          <div className="actions">
            <button type="button" className="primary" data-testid="siteserver-trust-start" onClick={() => void start()}>
              {t('siteServerTrustStart')}
            </button>
            <button type="button" autoFocus onClick={() => setAsking(false)}>
              {t('cancel')}
            </button>
          </div>
        </Modal>
      )}
    </div>
  )
}

function exitText(state: Extract<SiteServerState, { status: 'exited' }>, t: (key: StringKey, values?: Record<string, string | number>) => string): string {
  const command = isolated(state.command)
  if (state.reason === 'could-not-start') return t('siteServerCouldNotStart', { command })
  if (state.reason === 'no-answer') return t('siteServerNoAnswer', { command })
  return state.code === null ? t('siteServerExitedSignal', { command }) : t('siteServerExited', { command, code: state.code })
}

/** Addresses as a writer reads them: 你好 rather than %E4%BD%A0%E5%A5%BD. */
function decodeForDisplay(url: string): string {
  try {
    return decodeURI(url)
  } catch {
    // A malformed escape: shown as it is.
    return url
  }
}
