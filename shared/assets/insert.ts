/**
 * Where an inserted image goes and how the article links it, by the site's convention:
 * Hexo's post asset folder (or `source/images/`), a Hugo bundle (or `static/images/`), Jekyll's
 * `assets/images/`, Astro's `src/assets/`, and Typora's `<stem>.assets/` in a plain folder. The
 * link is written the way the generator resolves it, so preview, export and the link check
 * (which all ask resolve.ts) find the file where it was put.
 */
import { fileStem, folderOf, isBundleIndex, joinPath, postAssetFolder, type AssetRules } from './resolve'

/** What happens to a photo on its way in (electron/media/process). GIF, BMP and SVG are copied as they are (SVG cleaned). */
export interface ImageProcessing {
  /** Scale down images wider than this many pixels (never up); null: keep the size. */
  maxWidth: number | null
  /** Re-encode JPEG and WebP at the qualities below even when nothing else changes (kept only when smaller). */
  compress: boolean
  /** 1–100, used whenever a JPEG or WebP is written again. */
  jpegQuality: number
  webpQuality: number
  /** 'strip': EXIF (GPS location, camera, dates), XMP and IPTC removed, colour profile kept; 'keep': all of it kept, location included. */
  metadata: 'strip' | 'keep'
}

/** Uploading to an image host (图床) through the writer's own command, PicGo/PicList style. */
export interface ImageHosting {
  /** `picgo upload {file}`; empty: no upload. `{file}` is the image's absolute path (appended when absent). */
  uploadCommand: string
  /** Keep the image in the site folder as well as on the host. */
  keepLocal: boolean
}

export interface InsertSettings extends ImageProcessing, ImageHosting {
  /** Keep the file's own name (CJK included), or name it by the time of insertion. */
  naming: 'original' | 'timestamp'
  /** Hexo with post asset folders: `{% asset_img name %}` or `![](name)`. */
  hexoLink: 'tag' | 'markdown'
}

export const DEFAULT_INSERT_SETTINGS: InsertSettings = {
  naming: 'original',
  hexoLink: 'tag',
  maxWidth: null,
  compress: false,
  jpegQuality: 82,
  webpQuality: 80,
  metadata: 'strip',
  uploadCommand: '',
  keepLocal: true,
}

export interface Placement {
  /** The folder (relative to the site root) the file is copied into. */
  folder: string
  /** The text inserted into the article for a file of that name in that folder. */
  link(name: string, alt: string): string
  /** What an image field of the header (`cover:`, `thumbnail:`) holds for that file, as the site reads it there. */
  field(name: string): string
}

/** A path in a Markdown destination: spaces, parentheses and angle brackets escaped, CJK kept readable. */
export function markdownPath(path: string): string {
  return path.replace(/[ ()<>%]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

const altText = (alt: string): string => alt.replace(/[[\]\\]/g, '\\$&')

function markdownImage(alt: string, path: string): string {
  return `![${altText(alt)}](${markdownPath(path)})`
}

/** An image on a host: the URL as printed (its own %-escapes kept), only what would end the destination escaped. */
export function remoteImage(alt: string, url: string): string {
  return `![${altText(alt)}](${url.replace(/[ ()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)})`
}

/** The relative path from one folder to a file (`../../assets/x.png`). */
export function relativePath(fromFolder: string, to: string): string {
  const from = fromFolder.split('/').filter(Boolean)
  const target = to.split('/').filter(Boolean)
  let common = 0
  while (common < from.length && common < target.length - 1 && from[common] === target[common]) common++
  return [...from.slice(common).map(() => '..'), ...target.slice(common)].join('/')
}

/** Quotes a Hexo tag argument when it holds spaces or quotes. */
function tagArg(value: string): string {
  if (!/[\s"'%{}]/.test(value)) return value
  return value.includes('"') ? `'${value}'` : `"${value}"`
}

export function placementFor(articleRel: string, rules: AssetRules, settings: InsertSettings): Placement {
  const dir = folderOf(articleRel)
  const at = (folder: string, target: (name: string) => string): Placement => ({
    folder,
    link: (name, alt) => markdownImage(alt, target(name)),
    field: target,
  })
  switch (rules.kind) {
    case 'hexo': {
      if (!rules.postAssetFolder) return at(joinPath(rules.sourceDir, 'images'), (name) => `/images/${name}`)
      const folder = postAssetFolder(articleRel)
      return {
        folder,
        link: (name, alt) => (settings.hexoLink === 'tag' ? `{% asset_img ${tagArg(name)}${alt ? ` ${tagArg(alt)}` : ''} %}` : markdownImage(alt, name)),
        // Themes read a header path from the post's folder, asset folder included (as the media list names them).
        field: (name) => `${fileStem(articleRel)}/${name}`,
      }
    }
    case 'hugo':
      if (isBundleIndex(articleRel)) return at(dir, (name) => name)
      return at('static/images', (name) => `/images/${name}`)
    case 'jekyll':
      return at('assets/images', (name) => `/assets/images/${name}`)
    case 'astro':
      return at('src/assets', (name) => relativePath(dir, `src/assets/${name}`))
    default:
      return at(joinPath(dir, `${fileStem(articleRel)}.assets`), (name) => `${fileStem(articleRel)}.assets/${name}`)
  }
}

/**
 * Where a Hugo leaf page goes to become a page bundle (`posts/trip.md` → `posts/trip/index.md`),
 * so an image can sit beside it; null when the article is no leaf page of a Hugo site (already a
 * bundle, or another generator's).
 */
export function leafBundle(articleRel: string, rules: AssetRules): string | null {
  if (rules.kind !== 'hugo' || isBundleIndex(articleRel)) return null
  const dot = articleRel.lastIndexOf('.')
  const slash = articleRel.lastIndexOf('/')
  if (dot <= slash + 1) return null
  return `${articleRel.slice(0, dot)}/index${articleRel.slice(dot)}`
}

/** Windows refuses these names whatever their extension. */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i

export type NameProblem = 'empty' | 'path'

/**
 * A file name safe on every system the site may be cloned to, from the name the image came with:
 * characters Windows or URLs refuse become `-`, CJK and other letters stay. A name that tries to
 * be a path (`../x.png`, `a/b.png`) is refused rather than guessed at.
 */
export function safeImageName(original: string, ext: string): string | NameProblem {
  if (/[/\\]/.test(original) || original === '.' || original === '..') return 'path'
  const dot = original.lastIndexOf('.')
  const givenExt = dot > 0 ? original.slice(dot + 1).toLowerCase() : ''
  let stem = (dot > 0 ? original.slice(0, dot) : original)
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex
    .replace(/[<>:"|?*#%{}\u0000-\u001f\u007f]/g, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
  if (!stem) return 'empty'
  if (RESERVED.test(stem)) stem = `${stem}-image`
  // Most file systems cap a name at 255 bytes: 80 characters of CJK stays well below.
  stem = [...stem].slice(0, 80).join('')
  return `${stem}.${givenExt === ext || (ext === 'jpg' && givenExt === 'jpeg') ? givenExt : ext}`
}

/** `image-20261129-193700.png`: sorted by time, unique enough, numbered on the rare collision. */
export function timestampName(date: Date, ext: string): string {
  const two = (n: number): string => String(n).padStart(2, '0')
  return `image-${date.getFullYear()}${two(date.getMonth() + 1)}${two(date.getDate())}-${two(date.getHours())}${two(date.getMinutes())}${two(date.getSeconds())}.${ext}`
}

/** The n-th name for a collision: `cover.png`, `cover-2.png`, `cover-3.png`… */
export function numberedName(name: string, n: number): string {
  if (n < 2) return name
  const dot = name.lastIndexOf('.')
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`
}
