/**
 * Links between articles written with a generator's own tags: Hexo `{% post_link slug %}` and
 * `{% post_path slug %}`, Jekyll `{% post_url name %}` and `{% link path %}`, Hugo
 * `{{< ref "path" >}}` and `relref`. Found outside code, with the target's offsets, like
 * references.ts; where each points is decided against the folder's articles by `siteLinkMatches`.
 */
import type { SITE_LINK_KINDS } from '../contract'
import { codeRanges } from './references'
import { fileStem, folderOf, resolvePath, type AssetRules } from './resolve'
import { tagArgs } from './hexo-tags'

/** Which files exist: a listing, or a look at the disk. */
export interface FileSet {
  has(rel: string): boolean
}

/** Listed in the contract, since the editor's lint sends site links (TextLinks). */
export type SiteLinkKind = (typeof SITE_LINK_KINDS)[number]

export interface SiteLink {
  kind: SiteLinkKind
  start: number
  end: number
  /** The target as written (quotes included): [targetStart, targetEnd), so a rename patches only those. */
  targetStart: number
  targetEnd: number
  target: string
}

/** The first argument of a tag whose arguments `args` start at `argStart`: its value and span. */
function firstArg(args: string, argStart: number): { target: string; targetStart: number; targetEnd: number } | null {
  const first = tagArgs(args)[0]
  if (!first || !first.value) return null
  return { target: first.value, targetStart: argStart + first.start, targetEnd: argStart + first.end }
}

/** Where the argument text (group 2) of a tag match starts. */
const argsAt = (m: RegExpMatchArray & { index: number }): number => m.index + m[0].indexOf(m[2] ?? '', m[0].indexOf(m[1] ?? '') + (m[1] ?? '').length)

const HEXO_JEKYLL = /\{%-?\s*(post_link|post_path|post_url|link)\s+((?:(?!-?%\}).)*?)\s*-?%\}/g
const HUGO = /\{\{[<%]\s*(ref|relref)\s+((?:(?![>%]\}\}).)*?)\s*[>%]\}\}/g

export function findSiteLinks(body: string): SiteLink[] {
  const code = codeRanges(body)
  const inCode = (at: number): boolean => code.some(([s, e]) => at >= s && at < e)
  const found: SiteLink[] = []
  for (const m of body.matchAll(HEXO_JEKYLL)) {
    const arg = firstArg(m[2] ?? '', argsAt(m))
    if (inCode(m.index) || !arg) continue
    const name = m[1] === 'post_path' ? 'post_link' : (m[1] as SiteLinkKind)
    found.push({ kind: name, start: m.index, end: m.index + m[0].length, ...arg })
  }
  for (const m of body.matchAll(HUGO)) {
    const arg = firstArg(m[2] ?? '', argsAt(m))
    if (inCode(m.index) || !arg) continue
    found.push({ kind: 'ref', start: m.index, end: m.index + m[0].length, ...arg })
  }
  return found.sort((a, b) => a.start - b.start)
}

/**
 * The file a site link leads to, among the folder's files (POSIX paths relative to the root) and
 * articles, by the generator's rule for each tag; null when it finds none. An empty Hugo ref is
 * the page itself.
 */
export function siteLinkTarget(
  link: { kind: SiteLinkKind; target: string },
  articleRel: string,
  rules: AssetRules,
  files: FileSet,
  articles: readonly string[],
  titles?: PostTitles,
): string | null {
  const target = link.target.split('#')[0] ?? ''
  switch (link.kind) {
    case 'post_link':
      return hexoPost(target, articles, titles)
    case 'post_url': {
      const name = target.slice(target.lastIndexOf('/') + 1)
      return articles.find((a) => a.includes('_posts/') && fileStem(a) === name) ?? null
    }
    case 'link': {
      const at = resolvePath('', target.replace(LINK_BASE, ''))
      return at !== null && files.has(at) ? at : null
    }
    case 'ref': {
      if (target === '') return articleRel
      const base = target.startsWith('/') ? rules.sourceDir : folderOf(articleRel)
      const at = resolvePath(base, target)
      const tries = at === null ? [] : [at, `${at}.md`, `${at}/index.md`, `${at}/_index.md`]
      // Hugo also finds a page by its path from the content root, or by its name alone when unique.
      const fromContent = resolvePath(rules.sourceDir, target)
      if (fromContent !== null) tries.push(fromContent, `${fromContent}.md`, `${fromContent}/index.md`)
      const hit = tries.find((p) => files.has(p))
      if (hit !== undefined) return hit
      if (target.includes('/')) return null
      const named = articles.filter((a) => a.endsWith(`/${target}`) || a.endsWith(`/${target}.md`))
      return named.length === 1 ? (named[0] ?? null) : null
    }
  }
}

/** A Hexo site's posts by their title (the header's `title`): the first post listed with each. */
export type PostTitles = ReadonlyMap<string, string>

/** The posts (articles under `_posts/`) by title, as Hexo's `Post.findOne({ title })` finds them: the first one listed with a title wins. */
export function postTitles(articles: readonly { path: string; title?: string | null }[]): PostTitles {
  const byTitle = new Map<string, string>()
  for (const { path, title } of articles) {
    if (title && isPost(path) && !byTitle.has(title)) byTitle.set(title, path)
  }
  return byTitle
}

const isPost = (path: string): boolean => path.startsWith('_posts/') || path.includes('/_posts/')

/**
 * The post a Hexo `post_link` or `post_path` names, as Hexo 7 looks: by its slug first (its path
 * under _posts without its extension, or its file name), then by its title (`titles`); null when none.
 */
export function hexoPost(slug: string, articles: readonly string[], titles?: PostTitles): string | null {
  const wanted = slug.split('#')[0]!
  const bare = wanted.replace(/\.[^./]+$/, '')
  const bySlug = articles.find((a) => fileStem(a) === bare || a.replace(/\.[^./]+$/, '').endsWith(`/_posts/${bare}`))
  return bySlug ?? titles?.get(wanted) ?? null
}

/** Jekyll's `{{ site.baseurl }}` a `link` tag may start with. */
export const LINK_BASE = /^\{\{\s*site\.baseurl\s*\}\}/

/** Whether a site link finds its target among the folder's files and articles. */
export function siteLinkFound(
  link: { kind: SiteLinkKind; target: string },
  articleRel: string,
  rules: AssetRules,
  files: FileSet,
  articles: readonly string[],
  titles?: PostTitles,
): boolean {
  return siteLinkTarget(link, articleRel, rules, files, articles, titles) !== null
}
