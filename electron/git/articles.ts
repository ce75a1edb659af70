/**
 * Matches git's changed paths to the folder's articles: a file, or every article inside an
 * untracked folder (git names only the folder), and deleted articles, which the index no
 * longer lists.
 */
import { isArticleName } from '../workspace/scan'
import type { GitArticleChange } from '../../shared/contract'
import type { PathStatus } from './status'

interface Listed {
  path: string
  title: string | null
}

export function articleChanges(changes: readonly PathStatus[], articles: readonly Listed[]): GitArticleChange[] {
  const byPath = new Map(articles.map((a) => [a.path, a]))
  const out: GitArticleChange[] = []
  for (const c of changes) {
    if (c.path.endsWith('/')) {
      for (const a of articles) if (a.path.startsWith(c.path)) out.push({ path: a.path, status: 'untracked', staged: false, title: a.title })
      continue
    }
    const article = byPath.get(c.path)
    // A deleted file is no longer listed; it counts when it still looks like an article.
    if (!article && !(c.kind === 'deleted' && isArticleName(c.path))) continue
    const change: GitArticleChange = { path: c.path, status: c.kind, staged: c.staged, title: article?.title ?? null }
    if (c.from !== undefined) change.from = c.from
    out.push(change)
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}
