/**
 * Links between articles written with a generator's own tags: Hexo `{% post_link slug %}` and
 * `{% post_path slug %}`, Jekyll `{% post_url name %}` and `{% link path %}`, Hugo
 * `{{< ref "path" >}}` and `relref`. Found outside code, with the target's offsets, like
 * references.ts; where each points is decided against the folder's articles by `siteLinkMatches`.
 */
import { codeRanges } from './references'
import { fileStem, folderOf, resolvePath, type AssetRules } from './resolve'
import { splitTagArgs } from './hexo-tags'

export type SiteLinkKind = 'post_link' | 'post_url' | 'link' | 'ref'

export interface SiteLink {
  kind: SiteLinkKind
  start: number
  end: number
  target: string
}

const HEXO_JEKYLL = /\{%-?\s*(post_link|post_path|post_url|link)\s+((?:(?!-?%\}).)*?)\s*-?%\}/g
const HUGO = /\{\{[<%]\s*(ref|relref)\s+((?:(?![>%]\}\}).)*?)\s*[>%]\}\}/g

export function findSiteLinks(body: string): SiteLink[] {
  const code = codeRanges(body)
  const inCode = (at: number): boolean => code.some(([s, e]) => at >= s && at < e)
  const found: SiteLink[] = []
  for (const m of body.matchAll(HEXO_JEKYLL)) {
    const target = splitTagArgs(m[2] ?? '')[0]
    if (inCode(m.index) || !target) continue
    const name = m[1] === 'post_path' ? 'post_link' : (m[1] as SiteLinkKind)
    found.push({ kind: name, start: m.index, end: m.index + m[0].length, target })
  }
  for (const m of body.matchAll(HUGO)) {
    const target = splitTagArgs(m[2] ?? '')[0]
    if (inCode(m.index) || !target) continue
    found.push({ kind: 'ref', start: m.index, end: m.index + m[0].length, target })
  }
  return found.sort((a, b) => a.start - b.start)
}

/**
 * Whether a site link finds its target among the folder's files (POSIX paths relative to the
 * root) and articles: by the generator's rule for each tag.
 */
export function siteLinkFound(link: SiteLink, articleRel: string, rules: AssetRules, files: ReadonlySet<string>, articles: readonly string[]): boolean {
  const target = link.target.split('#')[0] ?? ''
  switch (link.kind) {
    case 'post_link': {
      // Hexo's slug: the post's path under _posts without its extension, or its file name.
      const slug = target.replace(/\.[^./]+$/, '')
      return articles.some((a) => fileStem(a) === slug || a.replace(/\.[^./]+$/, '').endsWith(`/_posts/${slug}`))
    }
    case 'post_url': {
      const name = target.slice(target.lastIndexOf('/') + 1)
      return articles.some((a) => a.includes('_posts/') && fileStem(a) === name)
    }
    case 'link':
      return files.has(resolvePath('', target.replace(/^\{\{\s*site\.baseurl\s*\}\}/, '')) ?? '')
    case 'ref': {
      if (target === '') return true
      const base = target.startsWith('/') ? rules.sourceDir : folderOf(articleRel)
      const at = resolvePath(base, target)
      const tries = at === null ? [] : [at, `${at}.md`, `${at}/index.md`, `${at}/_index.md`]
      if (tries.some((p) => files.has(p))) return true
      // Hugo also finds a page by its path from the content root, or by its name alone when unique.
      const fromContent = resolvePath(rules.sourceDir, target)
      if (fromContent !== null && [fromContent, `${fromContent}.md`, `${fromContent}/index.md`].some((p) => files.has(p))) return true
      return !target.includes('/') && articles.filter((a) => a.endsWith(`/${target}`) || a.endsWith(`/${target}.md`)).length === 1
    }
  }
}
