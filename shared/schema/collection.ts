/**
 * Which collection an article belongs to, as each generator groups them: Hexo posts, drafts
 * and pages; Jekyll's `_posts`, `_drafts` and `_<collection>` folders; Hugo sections; Astro
 * content collections. '' is the folder's own articles (a plain folder, Hugo's root pages).
 */
import type { SiteKind } from '../contract'

function underRoot(contentRoots: readonly string[], rel: string): { root: string; rest: string } {
  let best = { root: '', rest: rel }
  for (const root of contentRoots) {
    if (root === '') continue
    if (rel.startsWith(root + '/') && root.length > best.root.length) best = { root, rest: rel.slice(root.length + 1) }
  }
  return best
}

function firstFolder(path: string): string | null {
  const slash = path.indexOf('/')
  return slash === -1 ? null : path.slice(0, slash)
}

export function collectionOf(kind: SiteKind, contentRoots: readonly string[], rel: string): string {
  const { root, rest } = underRoot(contentRoots, rel)
  switch (kind) {
    case 'hexo': {
      const folder = firstFolder(rest)
      return folder === '_posts' ? 'posts' : folder === '_drafts' ? 'drafts' : 'pages'
    }
    case 'jekyll': {
      // Jekyll's roots are the collection folders themselves (`_posts`, or a collections_dir's `_x`).
      const folder = rel
        .split('/')
        .slice(0, -1)
        .find((segment) => segment.startsWith('_'))
      return folder ? folder.slice(1) : 'pages'
    }
    case 'hugo':
    case 'eleventy':
      return firstFolder(rest) ?? ''
    case 'astro':
      // Markdown pages under src/pages are not in a content collection.
      return root === 'src/content' ? (firstFolder(rest) ?? '') : 'pages'
    case 'plain':
      return ''
  }
}
