/**
 * Local images an article refers to: Markdown images, raw `<img src>`, and Hexo's
 * `{% asset_img %}` tag (post asset folders). Each is resolved inside the site root through the
 * workspace guard (a post cannot make an export copy ~/.ssh/id_rsa), then either copied beside
 * the output or inlined as a data URI. Remote images stay links.
 */
import { readFile, stat } from 'node:fs/promises'
import { posix } from 'node:path'
import { codeBlockLines, inlineCodeSpans } from '../../shared/markdown'
import type { Guard } from '../workspace/guard'
import type { SiteSettings } from '../workspace/site'

export interface LocalImage {
  /** POSIX path relative to the site root. */
  rel: string
  abs: string
}

/** Where each `src` as written (decoded) points; sources that are remote or missing are absent. */
export interface ImageMap {
  found: Map<string, LocalImage>
  /** Local sources that do not exist or lead outside the site root, as written. */
  missing: string[]
}

const MD_IMAGE = /(!\[([^\]]*)\]\(\s*)(<[^>\n]*>|[^\s)]+)((?:\s+(?:"[^"\n]*"|'[^'\n]*'|\([^)\n]*\)))?\s*\))/g
const HTML_IMG_SRC = /(<img\b[^>]*?\ssrc\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)/gi
const ASSET_IMG = /\{%\s*asset_img\s+([^%]*?)\s*%\}/g
const SCHEME = /^[a-z][a-z0-9+.-]*:/i

/** The `src` text with quotes, angle brackets and the few entities a path carries removed. */
function destination(raw: string): string {
  const unwrapped = /^(["'<]).*[>"']$/s.test(raw) ? raw.slice(1, -1) : raw
  return unwrapped.replaceAll('&amp;', '&').trim()
}

/** Percent-decoding that tolerates stray `%` (a file may really be called `100%.png`). */
export function safeDecode(src: string): string {
  try {
    return decodeURI(src)
  } catch {
    return src
  }
}

function isLocal(src: string): boolean {
  return src !== '' && !SCHEME.test(src) && !src.startsWith('//') && !src.startsWith('#')
}

function splitArgs(text: string): string[] {
  return [...text.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? '')
}

function escapeAttr(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;')
}

/** Hexo's post asset folder: the article's path without its extension. */
function assetFolderName(articleRel: string): string {
  const name = articleRel.slice(articleRel.lastIndexOf('/') + 1)
  const dot = name.lastIndexOf('.')
  return dot > 0 ? name.slice(0, dot) : name
}

/**
 * Reads `{% asset_img [class…] file [width] [height] [title [alt]] %}`: the file is the first
 * argument that looks like a file name, the text after the optional sizes is title and alt.
 */
function assetImgArgs(args: string): { file: string; alt: string } | null {
  const parts = splitArgs(args)
  const at = parts.findIndex((p) => /[./]/.test(p))
  if (at === -1) return null
  const rest = parts.slice(at + 1)
  while (rest.length && /^\d+(px|%)?$/.test(rest[0] ?? '')) rest.shift()
  return { file: parts[at] ?? '', alt: rest.join(' ') }
}

/** Turns `{% asset_img %}` into `<img>` pointing into the post asset folder (relative to the article). */
export function expandAssetTags(body: string, articleRel: string): string {
  const folder = assetFolderName(articleRel)
  return body.replace(ASSET_IMG, (whole, args: string) => {
    const parsed = assetImgArgs(args)
    if (!parsed) return whole
    const src = `${encodeURI(folder)}/${encodeURI(parsed.file)}`
    return `<img src="${escapeAttr(src)}" alt="${escapeAttr(parsed.alt)}">`
  })
}

/** Every image source in a body (after expandAssetTags), as written and decoded, in order. */
export function imageSources(body: string): string[] {
  const found: string[] = []
  for (const m of body.matchAll(MD_IMAGE)) found.push(safeDecode(destination(m[3] ?? '')))
  for (const m of body.matchAll(HTML_IMG_SRC)) found.push(safeDecode(destination(m[2] ?? '')))
  return found
}

/** A whole raw `<img>` element, so that one whose source goes can go with it. */
// Quoted values stay on one line: a stray apostrophe in a value must not swallow the text after it.
const HTML_IMG = /<img\b(?:"[^"\n]*"|'[^'\n]*'|[^>"'])*>/gi

/**
 * Rewrites the image sources of a Markdown body: `to(src)` gets the decoded source and returns
 * the new one, undefined to keep the text as written, or null to drop the image (a Markdown image
 * leaves its alt text, an `<img>` element goes whole). `{% asset_img %}` becomes a Markdown image,
 * which every renderer understands. Nothing else in the body changes.
 */
export function rewriteImageSources(body: string, articleRel: string, to: (src: string) => string | null | undefined): string {
  return outsideCode(body, (prose) => rewriteProse(prose, articleRel, to))
}

/** Applies `rewrite` to the body's text outside code blocks and inline code spans, keeping code byte for byte. */
function outsideCode(body: string, rewrite: (prose: string) => string): string {
  const lines = body.split(/(?<=\n)/)
  const lineStart = (line: number): number => lines.slice(0, line).reduce((n, l) => n + l.length, 0)
  let out = ''
  let at = 0
  const prose = (end: number): void => {
    const text = body.slice(at, end)
    let from = 0
    for (const [start, stop] of inlineCodeSpans(text)) {
      out += rewrite(text.slice(from, start)) + text.slice(start, stop)
      from = stop
    }
    out += rewrite(text.slice(from))
  }
  for (const [first, end] of codeBlockLines(body)) {
    const start = lineStart(first)
    const stop = lineStart(end)
    prose(start)
    out += body.slice(start, stop)
    at = stop
  }
  prose(body.length)
  return out
}

function rewriteProse(body: string, articleRel: string, to: (src: string) => string | null | undefined): string {
  const folder = assetFolderName(articleRel)
  // Tags last: the Markdown image a tag becomes must not be decided a second time.
  return body
    .replace(MD_IMAGE, (whole, head: string, alt: string, dest: string, tail: string) => {
      const next = to(safeDecode(destination(dest)))
      return next === undefined ? whole : next === null ? alt : `${head}<${next}>${tail}`
    })
    .replace(HTML_IMG, (element) => {
      const m = new RegExp(HTML_IMG_SRC.source, 'i').exec(element)
      if (!m) return element
      const next = to(safeDecode(destination(m[2] ?? '')))
      if (next === undefined) return element
      if (next === null) return ''
      return element.slice(0, m.index) + `${m[1] ?? ''}"${escapeAttr(next)}"` + element.slice(m.index + m[0].length)
    })
    .replace(ASSET_IMG, (whole, args: string) => {
      const parsed = assetImgArgs(args)
      const next = parsed ? to(`${folder}/${parsed.file}`) : undefined
      if (!parsed || next === undefined) return whole
      return next === null ? parsed.alt : `![${parsed.alt.replace(/[[\]]/g, '\\$&')}](<${next}>)`
    })
}

async function isFile(abs: string): Promise<boolean> {
  return stat(abs).then((s) => s.isFile(), () => false)
}

/**
 * Where a source may live: beside the article, in Hexo's post asset folder (posts there write
 * bare `cover.png`), or for `/x.png` in the folder the generator serves as the site root.
 */
function candidates(src: string, articleRel: string, site: SiteSettings): string[] {
  const path = src.split(/[?#]/)[0] ?? ''
  const dir = posix.dirname(articleRel)
  if (path.startsWith('/')) {
    const roots = site.kind === 'hugo' ? ['static', site.sourceDir] : site.kind === 'jekyll' || site.kind === 'plain' ? [''] : [site.sourceDir]
    return roots.map((root) => posix.join(root || '.', path))
  }
  const list = [posix.join(dir, path)]
  if (site.postAssetFolder) list.push(posix.join(dir, assetFolderName(articleRel), path))
  return list
}

/** Resolves each local source of a body through the guard; order and duplicates do not matter. */
export async function resolveImages(sources: readonly string[], articleRel: string, site: SiteSettings, guard: Guard): Promise<ImageMap> {
  const found = new Map<string, LocalImage>()
  const missing: string[] = []
  for (const src of new Set(sources)) {
    if (!isLocal(src)) continue
    let hit: LocalImage | null = null
    for (const candidate of candidates(src, articleRel, site)) {
      if (candidate === '..' || candidate.startsWith('../')) continue
      const resolved = await guard.resolve(candidate).catch(() => null)
      if (resolved && (await isFile(resolved.abs))) {
        hit = { rel: resolved.rel, abs: resolved.abs }
        break
      }
    }
    if (hit) found.set(src, hit)
    else missing.push(src)
  }
  return { found, missing: missing.sort() }
}

const MIME: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.svg': 'image/svg+xml',
  '.bmp': 'image/bmp',
  '.ico': 'image/x-icon',
}

/** A data URI, or null for a type browsers would not show inline (such files are copied instead). */
export async function dataUri(image: LocalImage): Promise<string | null> {
  const mime = MIME[posix.extname(image.rel).toLowerCase()]
  if (!mime) return null
  return `data:${mime};base64,${(await readFile(image.abs)).toString('base64')}`
}

/**
 * File names for copied images inside one output folder: the original name, or name-2, name-3…
 * when two different files share it. Sorted by path first so the result never depends on order.
 */
export function assetNames(images: Iterable<LocalImage>): Map<string, string> {
  const names = new Map<string, string>()
  const taken = new Set<string>()
  const rels = [...new Set([...images].map((i) => i.rel))].sort()
  for (const rel of rels) {
    const base = posix.basename(rel)
    const ext = posix.extname(base)
    const stem = base.slice(0, base.length - ext.length)
    let name = base
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem}-${n}${ext}`
    taken.add(name.toLowerCase())
    names.set(rel, name)
  }
  return names
}
