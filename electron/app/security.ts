/**
 * Hardening for every web contents the app creates: no permissions, no navigation, no new
 * windows, no <webview>. Links the user follows leave for the system browser, and only when they
 * are web or mail links: a file:, smb: or custom-scheme URL from an article never reaches the OS.
 */
import { EMBED_FRAME_NAME } from '../../shared/render/embed-frame'
import { app, session, shell, type WebContents, type WebFrameMain } from 'electron'
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

const originOf = (url: string): string | null => (URL.canParse(url) ? new URL(url).origin : null)

/**
 * The site's own server (http://127.0.0.1:<port>, exactly the running one) may be framed, and
 * whatever its pages frame in turn is the site's business. The renderer's CSP allows loopback
 * frames on any port; this is where the port is held to the server Folio started.
 */
export function isSiteServerFrame(url: string, ancestors: readonly string[], siteOrigin: string | null): boolean {
  if (siteOrigin === null) return false
  return originOf(url) === siteOrigin || ancestors.some((ancestor) => originOf(ancestor) === siteOrigin)
}

/** A subframe as the navigation checks see it: its window name and the address it shows now. */
export interface FrameInfo {
  name: string
  url: string
}

/**
 * An embed the writer clicked plays in a frame the renderer named for it, laid over the preview
 * in our own page (article content never makes frames: the sanitizer removes them and the preview
 * runs no script); the player may load web pages, and so may the frames inside it. `frames` runs
 * from the navigating frame out to the one in our page. A name is no proof on its own: the site
 * server's page runs the site's scripts, which may name their window anything, so the frame in
 * our page must be named for a player and must not be showing the site server.
 */
export function isEmbedFrame(url: string, frames: readonly FrameInfo[], siteOrigin: string | null): boolean {
  const outermost = frames.at(-1)
  if (!/^https?:/i.test(url) || outermost?.name !== EMBED_FRAME_NAME) return false
  return siteOrigin === null || originOf(outermost.url) !== siteOrigin
}

export interface SecurityOptions {
  /** The running site server's origin, or null (no http frame allowed then). */
  siteServerOrigin?: () => string | null
}

/** A subframe and the subframes around it, out to the one in our page. */
function frameChain(frame: WebFrameMain | null | undefined): FrameInfo[] {
  const chain: FrameInfo[] = []
  for (let at = frame; at && at.parent !== null; at = at.parent) chain.push({ name: at.name, url: at.url })
  return chain
}

function ancestorUrls(frame: WebFrameMain | null | undefined): string[] {
  const urls: string[] = []
  // The top frame is our own page, never the site's.
  for (let at = frame?.parent; at && at.parent !== null; at = at.parent) urls.push(at.url)
  return urls
}

export function hardenWebContents(contents: WebContents, options: SecurityOptions = {}): void {
  contents.on('will-navigate', (event) => {
    // The renderer is a single page: any top-level navigation is a link click or an attack.
    event.preventDefault()
    openExternally(event.url)
  })
  contents.on('will-frame-navigate', (event) => {
    if (event.isMainFrame || isInAppFrameUrl(event.url)) return
    const siteOrigin = options.siteServerOrigin?.() ?? null
    if (isSiteServerFrame(event.url, ancestorUrls(event.frame), siteOrigin)) return
    if (isEmbedFrame(event.url, frameChain(event.frame), siteOrigin)) return
    event.preventDefault()
    openExternally(event.url)
  })
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url)
    return { action: 'deny' }
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
}

export function setupSecurity(options: SecurityOptions = {}): void {
  const ses = session.defaultSession
  // Folio needs no camera, notifications, geolocation, clipboard-read or anything else.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, options))
}
