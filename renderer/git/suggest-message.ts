import type { GitArticleChange } from '../../shared/contract'

/** A commit message that names what is being committed, in the writer's language. */
export function suggestMessage(
  chosen: readonly GitArticleChange[],
  t: (key: 'gitAdd' | 'gitUpdate' | 'gitDelete' | 'gitAndMore', values: Record<string, string | number>) => string,
): string {
  if (chosen.length === 0) return ''
  const verb = (c: GitArticleChange) => (c.status === 'new' || c.status === 'untracked' ? 'gitAdd' : c.status === 'deleted' ? 'gitDelete' : 'gitUpdate')
  const name = (c: GitArticleChange) => `“${c.title ?? c.path.slice(c.path.lastIndexOf('/') + 1)}”`
  const first = chosen[0]!
  // Mixed additions, edits and deletions are an update of the site.
  const key = chosen.every((c) => verb(c) === verb(first)) ? verb(first) : 'gitUpdate'
  if (chosen.length <= 3) return t(key, { titles: chosen.map(name).join(', ') })
  return t(key, { titles: t('gitAndMore', { titles: chosen.slice(0, 2).map(name).join(', '), count: chosen.length - 2 }) })
}
