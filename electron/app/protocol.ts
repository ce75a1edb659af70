/**
 * Our own URL schemes. `app:` serves the built renderer with a CSP header (a file:// page would get
 * file-wide privileges); `folio-asset:` serves the open folder's images and media to the preview,
 * read-only, every path going through the workspace's guard (realpath inside the content root).
 */
import { readFile, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve } from 'node:path'
import { protocol } from 'electron'

export const APP_SCHEME = 'app'
export const RENDERER_URL = `${APP_SCHEME}://folio/index.html`
export const ASSET_SCHEME = 'folio-asset'
/** Asset URLs look like folio-asset://content/images/a%20b.png (POSIX path relative to the root). */
export const ASSET_HOST = 'content'
/** FolderInfo.assetBase in the app: the renderer appends the encoded POSIX path. */
export const ASSET_BASE = `${ASSET_SCHEME}://${ASSET_HOST}/`

/** The renderer's policy, sent as a header so it holds even if the page's meta tag is lost. */
export const RENDERER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: blob: ${ASSET_SCHEME}: https: http:`,
  `media-src 'self' ${ASSET_SCHEME}:`,
  "frame-src 'self' blob: about:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** An asset opened on its own (an SVG in a new frame) must not run scripts. */
const ASSET_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"

const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8',
  '.markdown': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.apng': 'image/apng',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.bmp': 'image/bmp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.wav': 'audio/wav',
  '.m4a': 'audio/mp4',
  '.pdf': 'application/pdf',
}

export function mimeType(path: string): string {
  return MIME[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/** Must run before app `ready`: privileged schemes get fetch, a secure context and a real origin. */
export function registerSchemes(): void {
  protocol.registerSchemesAsPrivileged([
    // corsEnabled: Vite's module script tags carry `crossorigin`, so the page loads its own code in CORS mode.
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } },
    { scheme: ASSET_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ])
}

/** What the asset protocol needs from the open workspace: its one path guard. */
export interface AssetRoot {
  /** Absolute real path of a POSIX path relative to the root; throws if it leaves the root. */
  resolve(relPosixPath: string): Promise<string>
}

const status = (code: number, text: string): Response =>
  new Response(text, { status: code, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

async function fileResponse(path: string, method: string, headers: Record<string, string>): Promise<Response> {
  const info = await stat(path)
  if (!info.isFile()) return status(404, 'Not found')
  const common = { 'Content-Type': mimeType(path), 'Content-Length': String(info.size), 'X-Content-Type-Options': 'nosniff', ...headers }
  if (method === 'HEAD') return new Response(null, { status: 200, headers: common })
  return new Response(new Uint8Array(await readFile(path)), { status: 200, headers: common })
}

const isReadMethod = (method: string): boolean => method === 'GET' || method === 'HEAD'

/** Serves folio-asset://content/<path>: read-only, inside the open root, nothing when no folder is open. */
export async function serveAsset(request: Request, current: () => AssetRoot | null): Promise<Response> {
  if (!isReadMethod(request.method)) return status(405, 'Read-only')
  const url = new URL(request.url)
  const root = current()
  if (url.host !== ASSET_HOST || root === null) return status(404, 'Not found')
  let relPath: string
  try {
    relPath = url.pathname.split('/').filter(Boolean).map(decodeURIComponent).join('/')
  } catch {
    return status(400, 'Bad path')
  }
  if (relPath === '') return status(404, 'Not found')
  let absolute: string
  try {
    absolute = await root.resolve(relPath)
  } catch (error) {
    const code = (error as { code?: unknown }).code
    return code === 'NOT_FOUND' || code === 'ENOENT' ? status(404, 'Not found') : status(403, 'Outside the content folder')
  }
  try {
    return await fileResponse(absolute, request.method, { 'Content-Security-Policy': ASSET_CSP, 'Cache-Control': 'no-cache' })
  } catch {
    return status(404, 'Not found')
  }
}

/** Serves app://folio/<file> from the built renderer folder, with the CSP header. */
export async function serveRenderer(request: Request, rendererDir: string): Promise<Response> {
  if (!isReadMethod(request.method)) return status(405, 'Read-only')
  const url = new URL(request.url)
  try {
    const path = resolve(rendererDir, `.${decodeURIComponent(url.pathname)}`)
    const inside = relative(rendererDir, path)
    if (url.host !== 'folio' || inside.startsWith('..') || isAbsolute(inside)) return status(404, 'Not found')
    return await fileResponse(path, request.method, { 'Content-Security-Policy': RENDERER_CSP })
  } catch {
    return status(404, 'Not found')
  }
}

export function setupProtocols(rendererDir: string, current: () => AssetRoot | null): void {
  protocol.handle(APP_SCHEME, (request) => serveRenderer(request, rendererDir))
  protocol.handle(ASSET_SCHEME, (request) => serveAsset(request, current))
}
