/**
 * What our URL schemes answer, as plain request-to-response functions with no Electron in them:
 * protocol.ts hands them to Electron's protocol.handle, and the e2e harness and tests/shell call
 * the very same functions, so the CSP headers, MIME types, ranges and path checks tested are the
 * app's own. `app:` serves the built renderer with its CSP header (a file:// page would get
 * file-wide privileges); `folio-asset:` serves the open folder's images and media to the preview,
 * read-only, every path going through the workspace's guard (realpath inside the content root).
 */
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { isAbsolute, relative, resolve } from 'node:path'
import { Readable } from 'node:stream'
import { log } from '../log/log'
import { landed } from '../media/landing'
import { contentType } from '../system/mime-type'

export const APP_SCHEME = 'app'
/** The renderer's origin: its files are app://folio/<path in out/renderer>. */
export const RENDERER_ORIGIN = `${APP_SCHEME}://folio`
export const RENDERER_URL = `${RENDERER_ORIGIN}/index.html`
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
  // The site's own server (issue 16): loopback only; the main process's frame guard (security.ts)
  // holds it to the one port Folio started the server on. An embed the writer clicked plays from
  // its site (https:), in a frame only the renderer makes (renderer/preview/embeds.ts).
  "frame-src 'self' about: http://127.0.0.1:* https:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

/** An asset opened on its own (an SVG in a new frame) must not run scripts. */
const ASSET_CSP = "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox"

/** What the asset protocol needs from the open workspace: its one path guard. */
export interface AssetRoot {
  /** Absolute real path of a POSIX path relative to the root; throws if it leaves the root. */
  resolve(relPosixPath: string): Promise<string>
}

const status = (code: number, text: string): Response => new Response(text, { status: code, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })

/** The one byte range a `Range: bytes=…` header asks for, clamped to the file; null when unsatisfiable. */
export function byteRange(header: string, size: number): { start: number; end: number } | null {
  // Players ask for one range at a time; a multi-range request is answered with its first one.
  const match = /^bytes=(\d*)-(\d*)/.exec(header.trim())
  if (!match || (match[1] === '' && match[2] === '')) return null
  if (match[1] === '') {
    // "bytes=-500": the last 500 bytes.
    const length = Math.min(Number(match[2]), size)
    return length === 0 ? null : { start: size - length, end: size - 1 }
  }
  const start = Number(match[1])
  const end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1)
  return start >= size || end < start ? null : { start, end }
}

/** The file's bytes (or the asked range of them) streamed, not read whole: videos can be large. */
async function fileResponse(path: string, request: Request, headers: Record<string, string>): Promise<Response> {
  const info = await stat(path)
  if (!info.isFile()) return status(404, 'Not found')
  const common = { 'Content-Type': contentType(path), 'Accept-Ranges': 'bytes', 'X-Content-Type-Options': 'nosniff', ...headers }
  const rangeHeader = request.headers.get('range')
  const range = rangeHeader === null ? { start: 0, end: info.size - 1 } : byteRange(rangeHeader, info.size)
  if (range === null) {
    return new Response(null, { status: 416, headers: { ...common, 'Content-Range': `bytes */${info.size}` } })
  }
  const length = Math.max(0, range.end - range.start + 1)
  const partial: Record<string, string> = rangeHeader === null ? {} : { 'Content-Range': `bytes ${range.start}-${range.end}/${info.size}` }
  const init = { status: rangeHeader === null ? 200 : 206, headers: { ...common, ...partial, 'Content-Length': String(length) } }
  if (request.method === 'HEAD' || length === 0) return new Response(null, init)
  // Node's web stream and the global one are the same object under two type declarations.
  const stream = Readable.toWeb(createReadStream(path, { start: range.start, end: range.end })) as unknown as BodyInit
  return new Response(stream, init)
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
    // A malformed %-escape: the answer says so to whoever asked; nothing of ours failed.
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
    // An image just inserted whose file is still being made: answered once it lands, so the preview shows it then.
    await landed(absolute)
    return await fileResponse(absolute, request, { 'Content-Security-Policy': ASSET_CSP, 'Cache-Control': 'no-cache' })
  } catch {
    // An image an article names but the folder lacks is the article's business (the link check reports it).
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
    return await fileResponse(path, request, { 'Content-Security-Policy': RENDERER_CSP })
  } catch (error) {
    // Our own page's files: one missing means a broken install, worth a line in the log.
    log.error('protocol', `Could not serve ${url.pathname} from ${rendererDir}.`, error)
    return status(404, 'Not found')
  }
}
