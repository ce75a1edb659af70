/**
 * Hardening for every web contents the app creates: no permissions, no navigation, no new
 * windows, no <webview>. Links the user follows leave for the system browser, and only when they
 * are web or mail links: a file:, smb: or custom-scheme URL from an article never reaches the OS.
 */
import { app, session, shell, type WebContents } from 'electron'
import { log } from '../log/log'

const EXTERNAL_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

export function isSafeExternalUrl(url: string): boolean {
  if (!URL.canParse(url)) return false
  const parsed = new URL(url)
  return EXTERNAL_PROTOCOLS.has(parsed.protocol) && (parsed.protocol === 'mailto:' || parsed.hostname !== '')
}

/** Hands a URL to the system browser if it is safe; everything else is dropped. */
export function openExternally(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false
  void shell.openExternal(url).catch((error: unknown) => log.warn('links', `The system could not open ${url} in a browser.`, error))
  return true
}

/**
 * What a subframe (the preview iframe) may load without leaving the app: its own srcdoc or
 * blank document. Anything else is a followed link.
 */
function isInAppFrameUrl(url: string): boolean {
  return url === 'about:srcdoc' || url === 'about:blank'
}

export function hardenWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    // The renderer is a single page: any top-level navigation is a link click or an attack.
    event.preventDefault()
    openExternally(event.url)
  })
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isInAppFrameUrl(event.url)) return
    event.preventDefault()
    openExternally(event.url)
  })
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function setupSecurity(): void {
  const ses = session.defaultSession
  // Folio needs no camera, notifications, geolocation, clipboard-read or anything else.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents))
}
