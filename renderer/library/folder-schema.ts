import type { ArticleSummary } from '../../shared/contract'
import type { Schema } from '../../shared/frontmatter/types'

function counted(values: Iterable<string>): { value: string; count: number }[] {
  const counts = new Map<string, number>()
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1)
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value))
}

/** What the form suggests from the whole folder: tags and categories used, with counts. */
export function folderSchema(articles: ArticleSummary[]): Schema {
  const tagged = articles.filter((a) => a.tags.length > 0)
  const categorized = articles.filter((a) => a.categories.length > 0)
  return {
    headers: articles.length,
    keys: [
      { key: 'title', count: articles.filter((a) => a.title !== null).length, type: 'string', values: [] },
      { key: 'date', count: articles.filter((a) => a.date !== null).length, type: 'date', values: [] },
      { key: 'tags', count: tagged.length, type: 'list', values: counted(tagged.flatMap((a) => a.tags)) },
      { key: 'categories', count: categorized.length, type: 'list', values: counted(categorized.flatMap((a) => a.categories.flat())) },
    ],
  }
}
