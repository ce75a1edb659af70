/**
 * Where the site's own server shows an article: its page's path, worked out from the generator's
 * permalink rules, the site's settings and the article's header, as the generator would. Plain
 * functions of their input (the caller reads the files), so each rule is tested on its own.
 * A path that depends on what only the generator knows (a Hexo :id, an Eleventy template
 * permalink, an Astro route) is a guess, said so, and the caller checks it against the server.
 */
import type { SiteKind } from '../../shared/contract'
import type { FieldValue } from '../../shared/frontmatter'
import { wallTimeAt, type WallTime } from '../../shared/frontmatter/dates'

export interface PageInput {
  kind: SiteKind
  /** The article, POSIX, relative to the site root. */
  path: string
  /** Its header's top-level values. */
  fields: Readonly<Record<string, FieldValue>>
  /** The site's settings file, parsed (Hexo and Jekyll `_config.yml`, Hugo's config); {} when none. */
  config: Readonly<Record<string, unknown>>
  /** Hexo `source_dir`, Hugo `contentDir`, Eleventy's input folder, Astro `src/content` ('' for the root). */
  sourceDir: string
  /** The zone dates without one are read in (the site's `timezone`). */
  timeZone: string
  /** The file's modification time: the date of an article without one (drafts, mostly). */
  mtimeMs: number
}

export interface PagePath {
  /** The page's path on the server, starting with '/', not yet percent-encoded. */
  path: string
  /** True when the rules could not tell for sure: check it, fall back to the home page. */
  guessed: boolean
}

const text = (v: FieldValue | undefined): string | null => {
  if (v === undefined) return null
  if (v.type === 'string') return v.value.trim() === '' ? null : v.value.trim()
  if (v.type === 'number') return v.text
  if (v.type === 'date') return v.text
  return null
}

const list = (v: FieldValue | undefined): string[] => {
  if (v === undefined) return []
  if (v.type === 'list') return v.items.flatMap((item) => (item.type === 'list' ? list(item) : (text(item) ?? [])))
  const one = text(v)
  return one === null ? [] : [one]
}

const pad = (n: number): string => String(n).padStart(2, '0')

/** A page's date and time on the site's clock. */
type PageTime = Pick<WallTime, 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second'>

/** The date and time placeholders Hexo and Jekyll permalinks share. */
function dateValues(date: PageTime): Record<string, string> {
  return {
    year: String(date.year),
    month: pad(date.month),
    i_month: String(date.month),
    day: pad(date.day),
    i_day: String(date.day),
    hour: pad(date.hour),
    minute: pad(date.minute),
    second: pad(date.second),
  }
}

/** The wall date of the article's `date` in the site's zone, else its file time. */
function dateOf(input: PageInput, fallback?: { year: number; month: number; day: number }): PageTime & { exact: boolean } {
  const field = input.fields['date']
  if (field?.type === 'date' && field.instant !== null) return { ...wallTimeAt(field.instant, input.timeZone).wall, exact: true }
  if (fallback) return { ...fallback, hour: 0, minute: 0, second: 0, exact: true }
  return { ...wallTimeAt(input.mtimeMs, input.timeZone).wall, exact: false }
}

const withoutExt = (name: string): string => name.replace(/\.[^./]+$/, '')
const under = (path: string, dir: string): string | null => (dir === '' ? path : path.startsWith(`${dir}/`) ? path.slice(dir.length + 1) : null)
const absolute = (path: string): string => `/${path}`.replace(/\/{2,}/g, '/')

/** Hugo's and Jekyll's way of making a path part: lower case, spaces and the like to hyphens. */
function urlize(value: string, lower = true): string {
  const dashed = value
    .trim()
    .replace(/[\s_]+/g, '-')
    .replace(/[?#%"<>\\^`{|}]/g, '')
  return lower ? dashed.toLowerCase() : dashed
}

/** Replaces `:token` in a pattern; longest names first, so :i_month is not read as :i then _month. */
function expand(pattern: string, values: Readonly<Record<string, string>>): string {
  const names = Object.keys(values).sort((a, b) => b.length - a.length)
  return pattern.replace(new RegExp(`:(${names.join('|')})`, 'g'), (_, name: string) => values[name] ?? '')
}

// ---------------------------------------------------------------- Hexo

const HEXO_DEFAULT_PERMALINK = ':year/:month/:day/:title/'

/** The :title Hexo reads from a post's file name by `new_post_name` (`:year-:month-:day-:title.md`, …). */
function hexoTitle(relInPosts: string, newPostName: string): string {
  const bare = withoutExt(relInPosts)
  const pattern = withoutExt(newPostName)
  if (!pattern.includes(':title')) return bare
  const tokens: Record<string, string> = { year: '\\d{4}', month: '\\d{2}', day: '\\d{2}', i_month: '\\d{1,2}', i_day: '\\d{1,2}', title: '(.+)' }
  const source = pattern
    .split(/(:[a-z_]+)/)
    .map((part) => (part.startsWith(':') ? (tokens[part.slice(1)] ?? '.+?') : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('')
  return new RegExp(`^${source}$`).exec(bare)?.[1] ?? bare
}

function hexoPath(input: PageInput): PagePath {
  const c = input.config
  const root = typeof c['root'] === 'string' ? c['root'] : '/'
  const own = text(input.fields['permalink'])
  const inSource = under(input.path, input.sourceDir)
  if (inSource === null) return { path: absolute(root), guessed: true }
  const post = /^_(posts|drafts)\/(.+)$/.exec(inSource)
  if (own !== null) return { path: absolute(`${root}/${own}`), guessed: false }
  if (post === null) {
    // A page: source/about/index.md is /about/, source/links.md is /links.html.
    const page = withoutExt(inSource)
    const path = page === 'index' || page.endsWith('/index') ? page.slice(0, -'index'.length) : `${page}.html`
    return { path: absolute(`${root}/${path}`), guessed: false }
  }
  const relInPosts = post[2] ?? ''
  const title = hexoTitle(relInPosts, typeof c['new_post_name'] === 'string' ? c['new_post_name'] : ':title.md')
  const date = dateOf(input)
  const categories = list(input.fields['categories'] ?? input.fields['category'])
  const defaultCategory = typeof c['default_category'] === 'string' ? c['default_category'] : 'uncategorized'
  const pattern = typeof c['permalink'] === 'string' && c['permalink'] !== '' ? c['permalink'] : HEXO_DEFAULT_PERMALINK
  const postTitle = text(input.fields['title']) ?? title
  // Hexo's slugize: spaces and punctuation to hyphens, case as `filename_case` says (kept by default).
  const slugize = (value: string): string => {
    const dashed = urlize(value, false)
    return c['filename_case'] === 1 ? dashed.toLowerCase() : c['filename_case'] === 2 ? dashed.toUpperCase() : dashed
  }
  const values: Record<string, string> = {
    ...dateValues(date),
    title,
    name: title.split('/').pop() ?? title,
    post_title: slugize(postTitle),
    category: categories.length > 0 ? categories.map(slugize).join('/') : defaultCategory,
  }
  // :id and :hash come from Hexo's database, which only the server knows.
  const unknowable = /:(id|hash)\b/.test(pattern)
  return { path: absolute(`${root}/${expand(pattern, values)}`), guessed: unknowable || !date.exact }
}

// ---------------------------------------------------------------- Hugo

function hugoPath(input: PageInput): PagePath {
  const c = input.config
  const lower = c['disablePathToLower'] !== true
  const ugly = c['uglyURLs'] === true
  const inContent = under(input.path, input.sourceDir)
  if (inContent === null) return { path: '/', guessed: true }
  const own = text(input.fields['url'])
  if (own !== null) return { path: absolute(own), guessed: false }
  const parts = inContent.split('/')
  const file = parts.pop() ?? ''
  const name = withoutExt(file)
  // A list page: the section itself.
  if (name === '_index') return { path: absolute(`${parts.map((p) => urlize(p, lower)).join('/')}/`), guessed: false }
  // A leaf bundle's page is named after its folder.
  const leaf = name === 'index' ? (parts.pop() ?? '') : name
  const slug = text(input.fields['slug']) ?? leaf
  const section = parts[0] ?? ''
  const permalinks = typeof c['permalinks'] === 'object' && c['permalinks'] !== null ? (c['permalinks'] as Record<string, unknown>) : {}
  const pattern = section !== '' ? permalinks[section] : undefined
  if (typeof pattern === 'string') {
    const date = dateOf(input)
    const title = text(input.fields['title']) ?? leaf
    const values: Record<string, string> = {
      year: String(date.year),
      month: pad(date.month),
      day: pad(date.day),
      section,
      sections: parts.join('/'),
      title: urlize(title, lower),
      slug: urlize(slug, lower),
      filename: urlize(leaf, lower),
      slugorfilename: urlize(text(input.fields['slug']) ?? leaf, lower),
    }
    return { path: absolute(expand(pattern, values)), guessed: !date.exact }
  }
  const dir = parts.map((p) => urlize(p, lower)).join('/')
  return { path: absolute(ugly ? `${dir}/${urlize(slug, lower)}.html` : `${dir}/${urlize(slug, lower)}/`), guessed: false }
}

// ---------------------------------------------------------------- Jekyll

const JEKYLL_STYLES: Readonly<Record<string, string>> = {
  date: '/:categories/:year/:month/:day/:title:output_ext',
  pretty: '/:categories/:year/:month/:day/:title/',
  ordinal: '/:categories/:year/:y_day/:title:output_ext',
  weekdate: '/:categories/:year/W:week/:short_day/:title:output_ext',
  none: '/:categories/:title:output_ext',
}

function jekyllPath(input: PageInput): PagePath {
  const c = input.config
  const own = text(input.fields['permalink'])
  if (own !== null) return { path: absolute(own), guessed: own.includes(':') }
  const post = /^(?:(.*)\/)?_(posts|drafts)\/(?:.*\/)?([^/]+)$/.exec(input.path)
  if (post === null) {
    // A page or a collection document: its path, with .html, or a folder when the site's
    // permalink style ends in one (pretty); index pages: the folder.
    const collection = /^_([^/]+)\/(.+)$/.exec(input.path)
    const path = collection ? `${collection[1]}/${collection[2]}` : input.path
    const bare = withoutExt(path)
    const style = typeof c['permalink'] === 'string' ? c['permalink'] : 'date'
    const folders = style === 'pretty' || (JEKYLL_STYLES[style] === undefined && style.endsWith('/'))
    const page = bare === 'index' || bare.endsWith('/index') ? bare.slice(0, -'index'.length) : folders ? `${bare}/` : `${bare}.html`
    return { path: absolute(page), guessed: collection !== null }
  }
  const named = /^(\d{4})-(\d{2})-(\d{2})-(.+)$/.exec(withoutExt(post[3] ?? ''))
  const fileDate = named ? { year: Number(named[1]), month: Number(named[2]), day: Number(named[3]) } : undefined
  const date = dateOf(input, fileDate)
  const slug = text(input.fields['slug']) ?? (named ? (named[4] ?? '') : withoutExt(post[3] ?? ''))
  // The folders above _posts are categories too; then the header's (a string is split on spaces).
  const header = input.fields['categories'] ?? input.fields['category']
  const fromHeader = header?.type === 'string' ? header.value.split(/\s+/).filter(Boolean) : list(header)
  const categories = [...(post[1] ? post[1].split('/') : []), ...fromHeader].map((name) => urlize(name))
  const style = typeof c['permalink'] === 'string' ? c['permalink'] : 'date'
  const pattern = JEKYLL_STYLES[style] ?? style
  const start = Date.UTC(date.year, 0, 1)
  const values: Record<string, string> = {
    ...dateValues(date),
    y_day: String(Math.floor((Date.UTC(date.year, date.month - 1, date.day) - start) / 86_400_000) + 1).padStart(3, '0'),
    short_year: pad(date.year % 100),
    title: slug,
    slug: urlize(slug),
    categories: categories.join('/'),
    output_ext: '.html',
  }
  // A draft's date is the file's time, which Jekyll reads as it serves.
  const guessed = /:(week|short_day|long_day)/.test(pattern) || post[2] === 'drafts'
  return { path: absolute(expand(pattern, values)), guessed }
}

// ---------------------------------------------------------------- Astro and Eleventy

function folderPage(rel: string): string {
  const bare = withoutExt(rel)
  return bare === 'index' || bare.endsWith('/index') ? bare.slice(0, -'index'.length) : `${bare}/`
}

function astroPath(input: PageInput): PagePath {
  const page = under(input.path, 'src/pages')
  if (page !== null) return { path: absolute(folderPage(page)), guessed: false }
  const entry = under(input.path, input.sourceDir)
  if (entry === null) return { path: '/', guessed: true }
  // A content collection entry: its route is code; /<collection>/<slug>/ is the common one.
  const slug = text(input.fields['slug'])
  const [collection, ...rest] = entry.split('/')
  return { path: absolute(`${collection}/${slug ?? folderPage(rest.join('/'))}`), guessed: true }
}

function eleventyPath(input: PageInput): PagePath {
  const own = input.fields['permalink']
  // A template permalink ({{ … }}) is rendered by Eleventy; false means no page at all.
  const value = text(own)
  if (value !== null && !/[{%]/.test(value)) return { path: absolute(value), guessed: false }
  const page = under(input.path, input.sourceDir)
  if (page === null || own?.type === 'boolean') return { path: '/', guessed: true }
  return { path: absolute(folderPage(page)), guessed: value !== null }
}

/** The path of the article's page on the site's own server. */
export function pagePath(input: PageInput): PagePath {
  switch (input.kind) {
    case 'hexo':
      return hexoPath(input)
    case 'hugo':
      return hugoPath(input)
    case 'jekyll':
      return jekyllPath(input)
    case 'astro':
      return astroPath(input)
    case 'eleventy':
      return eleventyPath(input)
    case 'plain':
      return { path: '/', guessed: true }
  }
}

/** The path as a URL path: each segment percent-encoded (Chinese names included), slashes kept. */
export function encodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return encodeURIComponent(decodeURIComponent(segment))
      } catch {
        // A stray % in a name: encode it as written.
        return encodeURIComponent(segment)
      }
    })
    .join('/')
}
