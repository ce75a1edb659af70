/**
 * New articles the way each site makes them: its template (Hexo scaffold, Hugo archetype) or a
 * minimal header in the folder's prevailing format, and a file name by the site's convention.
 * CJK titles stay readable in file names, as Hexo does; ASCII slugs are an option.
 */
import { stringify as yamlScalar } from 'yaml'
import type { NewArticleOptions } from '../../shared/contract'
import type { FrontMatterFormat } from '../../shared/frontmatter/types'
import { FolioError, said } from '../../shared/errors'
import { formatDate, offsetText, wallTimeAt } from '../../shared/frontmatter/dates'
import type { Guard } from './guard'
import { createExclusive } from './open-inside'
import type { SiteSettings } from './site'

export interface PlannedArticle {
  /** POSIX folder relative to the site root. */
  folder: string
  /** File name without a uniqueness suffix; may contain sub-folders (Hexo `:year/:title.md`). */
  name: string
  text: string
  /** Hexo `post_asset_folder`: create the post's sibling asset folder. */
  assetFolder: boolean
}

interface Wall {
  year: string
  month: string
  day: string
  hour: string
  minute: string
  second: string
}

/** The date and time in the site's zone, as the padded parts the naming templates need. */
export function wallTime(date: Date, timeZone: string): Wall {
  const { wall } = wallTimeAt(date.getTime(), timeZone)
  const two = (n: number): string => String(n).padStart(2, '0')
  return {
    year: String(wall.year).padStart(4, '0'),
    month: two(wall.month),
    day: two(wall.day),
    hour: two(wall.hour),
    minute: two(wall.minute),
    second: two(wall.second),
  }
}

/** Characters no file system (or URL) handles well; everything else, CJK included, stays. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const UNSAFE_IN_NAME = /[<>:"/\\|?*#%\u0000-\u001f\u007f]+/g

export function readableSlug(title: string): string {
  const slug = title
    .normalize('NFC')
    .replace(UNSAFE_IN_NAME, '-')
    .replace(/\s+/g, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
  // Most file systems cap a name at 255 bytes; 60 characters of CJK stays well below.
  return notReserved(
    [...slug]
      .slice(0, 60)
      .join('')
      .replace(/[-.]+$/, ''),
  )
}

/** Windows refuses these names whatever the extension (`con.md` included). */
function notReserved(slug: string): string {
  return /^(?:con|prn|aux|nul|com\d|lpt\d)$/i.test(slug) ? `${slug}-post` : slug
}

export function asciiSlug(title: string): string {
  const slug = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '')
  return notReserved(slug)
}

function slugFor(options: NewArticleOptions, wall: Wall): string {
  const slug = options.asciiSlug ? asciiSlug(options.title) : readableSlug(options.title)
  // A title with nothing usable (all CJK with asciiSlug, or only punctuation) still needs a name.
  return slug || `post-${wall.year}${wall.month}${wall.day}-${wall.hour}${wall.minute}${wall.second}`
}

/** Text for a placeholder, escaped for the quotes (if any) around it in the template. */
function quoted(value: string, before: string, after: string, format: 'yaml' | 'toml'): string {
  if (before === '"' && after === '"') return JSON.stringify(value).slice(1, -1)
  if (before === "'" && after === "'") {
    if (format === 'yaml') return value.replaceAll("'", "''")
    // A TOML literal string cannot hold ' or a newline; callers swap to a basic string then.
    return value
  }
  return format === 'yaml' ? yamlScalar(value, { lineWidth: 0 }).trimEnd() : JSON.stringify(value)
}

/**
 * Fills `{{ … }}` placeholders: Hexo's `{{ title }}`/`{{ date }}`/`{{ layout }}` and Hugo's
 * `{{ .Date }}` and title expressions (`.Title`, `.Name`, `.File.ContentBaseName`). A TOML
 * literal string ('…') that cannot hold the title becomes a basic string ("…").
 */
export function fillTemplate(template: string, values: { title: string; date: string; layout: string }): string {
  const format = template.trimStart().startsWith('+++') ? 'toml' : 'yaml'
  const valueFor = (expr: string): string | null => {
    const e = expr.trim()
    if (e === 'title' || /\.(Title|Name|File\.ContentBaseName)\b/.test(e)) return values.title
    if (e === 'date' || /\.Date\b/.test(e)) return values.date
    if (e === 'layout') return values.layout
    return null
  }
  return template.replace(/(['"]?)\{\{-?([^}]*?)-?\}\}(['"]?)/g, (whole, before: string, expr: string, after: string) => {
    const value = valueFor(expr)
    if (value === null) return before + after // unknown template expression: leave the value empty
    // Our own date and layout texts never need quoting or escaping; only the title is the user's.
    if (value !== values.title) return before + value + after
    if (format === 'toml' && before === "'" && after === "'" && /['\n\r]/.test(value)) return JSON.stringify(value)
    if (before !== after) return before + quoted(value, '', '', format) + after
    return before + quoted(value, before, after, format) + after
  })
}

function dateText(site: SiteSettings, format: FrontMatterFormat, now: Date): string {
  const { wall, offsetMinutes } = wallTimeAt(now.getTime(), site.timeZone)
  if (site.kind === 'hugo' || format === 'toml') return formatDate(wall, `YYYY-MM-DD[T]HH:mm:ss[${offsetText(offsetMinutes)}]`)
  if (site.kind === 'jekyll') return formatDate(wall, `YYYY-MM-DD HH:mm:ss [${offsetText(offsetMinutes, false)}]`)
  if (site.kind === 'astro') return formatDate({ ...wall, hasTime: false }, 'YYYY-MM-DD')
  return formatDate(wall, 'YYYY-MM-DD HH:mm:ss')
}

/** A header with just a title and a date (and draft flag) in the given format. */
function minimalHeader(site: SiteSettings, format: FrontMatterFormat, title: string, date: string, draft: boolean): string {
  const dateKey = site.kind === 'astro' ? 'pubDate' : 'date'
  if (format === 'toml') {
    return `+++\ntitle = ${JSON.stringify(title)}\n${dateKey} = ${date}\n${draft ? 'draft = true\n' : ''}+++\n\n`
  }
  if (format === 'json') {
    const header: Record<string, string | boolean> = { title, [dateKey]: date }
    if (draft) header.draft = true
    return `${JSON.stringify(header, null, 2)}\n\n`
  }
  return `---\ntitle: ${yamlScalar(title, { lineWidth: 0 }).trimEnd()}\n${dateKey}: ${date}\n${draft ? 'draft: true\n' : ''}---\n\n`
}

function hexoName(pattern: string, slug: string, wall: Wall): string {
  const name = pattern
    .replaceAll(':title', slug)
    .replaceAll(':year', wall.year)
    .replaceAll(':i_month', String(Number(wall.month)))
    .replaceAll(':month', wall.month)
    .replaceAll(':i_day', String(Number(wall.day)))
    .replaceAll(':day', wall.day)
    .replaceAll(':hour', wall.hour)
    .replaceAll(':minute', wall.minute)
    .replaceAll(':second', wall.second)
  return /\.[A-Za-z0-9]+$/.test(name) ? name : `${name}.md`
}

/** Where and with what text a new article is made. `prevailing` is the folder's usual header format. */
export function planArticle(site: SiteSettings, options: NewArticleOptions, now: Date, prevailing: FrontMatterFormat): PlannedArticle {
  const layout = options.layout ?? 'post'
  const wall = wallTime(now, site.timeZone)
  const slug = slugFor(options, wall)
  const format = prevailing === 'none' ? 'yaml' : prevailing
  const date = dateText(site, site.kind === 'hugo' ? 'toml' : format, now)
  const scaffold = site.scaffolds[layout]
  const text =
    scaffold !== undefined
      ? fillTemplate(scaffold, { title: options.title, date, layout })
      : minimalHeader(site, format, options.title, date, layout === 'draft' && site.kind !== 'hexo' && site.kind !== 'jekyll')
  const src = site.sourceDir
  const inSource = (path: string): string => (src ? `${src}/${path}` : path)
  switch (site.kind) {
    case 'hexo':
      if (layout === 'page') return { folder: inSource(slug), name: 'index.md', text, assetFolder: false }
      if (layout === 'draft') return { folder: inSource('_drafts'), name: `${slug}.md`, text, assetFolder: site.postAssetFolder }
      return { folder: inSource('_posts'), name: hexoName(site.newPostName, slug, wall), text, assetFolder: site.postAssetFolder }
    case 'jekyll':
      if (layout === 'draft') return { folder: '_drafts', name: `${slug}.md`, text, assetFolder: false }
      return { folder: '_posts', name: `${wall.year}-${wall.month}-${wall.day}-${slug}.md`, text, assetFolder: false }
    case 'hugo':
      if (layout === 'page') return { folder: options.folder ?? src, name: `${slug}.md`, text, assetFolder: false }
      return { folder: options.folder ?? inSource('posts'), name: `${slug}.md`, text, assetFolder: false }
    case 'astro':
      return { folder: options.folder ?? inSource('blog'), name: `${slug}.md`, text, assetFolder: false }
    case 'eleventy':
      return { folder: options.folder ?? src, name: `${slug}.md`, text, assetFolder: false }
    case 'plain':
      return { folder: options.folder ?? '', name: `${slug}.md`, text, assetFolder: false }
  }
}

/** `name.md`, then `name-2.md`, `name-3.md`, …: the first that does not exist yet. */
function candidates(name: string): string[] {
  const dot = name.lastIndexOf('.')
  const stem = dot > 0 ? name.slice(0, dot) : name
  const ext = dot > 0 ? name.slice(dot) : ''
  return [name, ...Array.from({ length: 98 }, (_, i) => `${stem}-${i + 2}${ext}`)]
}

/**
 * Writes the new file under an unused name inside the root. Every candidate goes through the
 * guard whole (folder and name: a site's `new_post_name` may hold folders, `..` or a link), and
 * O_EXCL makes "does not exist" and "create" one step, so nothing is ever overwritten.
 * Returns the POSIX path written, relative to the root.
 */
export async function writeNew(guard: Guard, folderRel: string, name: string, bytes: Uint8Array): Promise<string> {
  for (const candidate of candidates(name)) {
    const rel = folderRel ? `${folderRel}/${candidate}` : candidate
    try {
      return (await createExclusive(guard, rel, bytes)).rel
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    }
  }
  throw new FolioError({ code: 'EXISTS', ...said('numbered-names-full', { name }) })
}
