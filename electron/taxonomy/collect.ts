/**
 * The folder's taxonomy: tags and categories as the index read them (Hexo categories as a tree
 * of paths), plus every other key whose values are mostly lists (a list beats a lone value on a tie,
 * as in the folder schema). Headers are parsed once per file version and cached.
 */
import { join } from 'node:path'
import type { ArticleSummary, CategoryNode, SiteKind, Taxonomy, TaxonomyKey, TaxonomyValue } from '../../shared/contract'
import { parse, scalarText } from '../../shared/frontmatter'
import { displayText } from '../workspace/encoding'
import { readRegularFileSync } from '../workspace/open-inside'
import { inSlices } from '../workspace/slices'
import { siteRules } from '../../shared/sites'
import { CATEGORY_SEPARATOR } from '../../shared/contract'
import { indexedKeys } from './edits'

interface HeaderLists {
  size: number
  mtimeMs: number
  /** Keys whose value is a list, with the items as text. */
  lists: Map<string, string[]>
  /** Keys with a non-null value that is not a list. */
  scalars: string[]
}

/** Parsed headers by path; an entry is reused while the file's size and mtime stay. */
export type HeaderCache = Map<string, HeaderLists>

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

function readLists(root: string, article: ArticleSummary, kind: SiteKind): HeaderLists {
  const out: HeaderLists = { size: article.size, mtimeMs: article.mtimeMs, lists: new Map(), scalars: [] }
  let text: string
  try {
    text = displayText(readRegularFileSync(join(root, ...article.path.split('/'))))
  } catch {
    return out // vanished since it was indexed: the watcher will report it
  }
  const indexed = indexedKeys(kind)
  for (const field of parse(text, { site: kind }).fields) {
    if (indexed.has(field.key) || field.value.type === 'null') continue
    if (field.value.type === 'list') {
      out.lists.set(
        field.key,
        field.value.items.map(scalarText).filter((t): t is string => t !== null && t.trim() !== ''),
      )
    } else out.scalars.push(field.key)
  }
  return out
}

function values(holders: Map<string, Set<string>>): TaxonomyValue[] {
  return [...holders]
    .map(([value, paths]) => ({ value, count: paths.size, paths: [...paths] }))
    .sort((a, b) => b.count - a.count || collator.compare(a.value, b.value))
}

function add(holders: Map<string, Set<string>>, value: string, path: string): void {
  let set = holders.get(value)
  if (!set) holders.set(value, (set = new Set()))
  set.add(path)
}

function tree(paths: Map<string, Set<string>>): CategoryNode[] {
  const roots: CategoryNode[] = []
  const nodes = new Map<string, CategoryNode>()
  const keys = [...paths.keys()].sort((a, b) => a.split(CATEGORY_SEPARATOR).length - b.split(CATEGORY_SEPARATOR).length)
  for (const key of keys) {
    const path = key.split(CATEGORY_SEPARATOR)
    const node: CategoryNode = { name: path[path.length - 1] ?? key, path, count: paths.get(key)?.size ?? 0, children: [] }
    nodes.set(key, node)
    const parent = nodes.get(path.slice(0, -1).join(CATEGORY_SEPARATOR))
    ;(path.length > 1 && parent ? parent.children : roots).push(node)
  }
  const sort = (list: CategoryNode[]) => {
    list.sort((a, b) => b.count - a.count || collator.compare(a.name, b.name))
    for (const n of list) sort(n.children)
  }
  sort(roots)
  return roots
}

export async function collectTaxonomy(root: string, kind: SiteKind, articles: readonly ArticleSummary[], cache: HeaderCache): Promise<Taxonomy> {
  const nested = siteRules(kind).categories.hierarchy
  const tags = new Map<string, Set<string>>()
  const categories = new Map<string, Set<string>>()
  for (const a of articles) {
    for (const t of a.tags) add(tags, t, a.path)
    // A Hexo article in A › B is in A too, as the library's filter counts it.
    for (const p of a.categories) {
      if (nested) for (let i = 1; i <= p.length; i++) add(categories, p.slice(0, i).join(CATEGORY_SEPARATOR), a.path)
      else for (const c of p) add(categories, c, a.path)
    }
  }
  const live = new Set<string>()
  await inSlices(articles, (a) => {
    live.add(a.path)
    const known = cache.get(a.path)
    if (a.error === null && (!known || known.size !== a.size || known.mtimeMs !== a.mtimeMs)) cache.set(a.path, readLists(root, a, kind))
  })
  for (const path of cache.keys()) if (!live.has(path)) cache.delete(path)
  const lists = new Map<string, Map<string, Set<string>>>()
  const listCount = new Map<string, number>()
  const otherCount = new Map<string, number>()
  for (const [path, header] of cache) {
    for (const key of header.scalars) otherCount.set(key, (otherCount.get(key) ?? 0) + 1)
    for (const [key, items] of header.lists) {
      listCount.set(key, (listCount.get(key) ?? 0) + 1)
      let holders = lists.get(key)
      if (!holders) lists.set(key, (holders = new Map()))
      for (const item of items) add(holders, item, path)
    }
  }
  const keys: TaxonomyKey[] = [
    { key: 'tags', values: values(tags), tree: null },
    { key: 'categories', values: values(categories), tree: nested ? tree(categories) : null },
  ]
  const others = [...lists].filter(([key]) => (listCount.get(key) ?? 0) >= (otherCount.get(key) ?? 0))
  others.sort((a, b) => (listCount.get(b[0]) ?? 0) - (listCount.get(a[0]) ?? 0) || collator.compare(a[0], b[0]))
  for (const [key, holders] of others) keys.push({ key, values: values(holders), tree: null })
  return { keys }
}
