/**
 * Search across the folder, grouped by article: every match counted, a page of articles with
 * their matches (line, column, snippet) for the list, in the order the library shows them.
 * Only the files the pattern occurs in at all are split into header and body (or parsed, for a
 * field), so a search over thousands of posts costs about one regular-expression scan of each.
 */
import { detect, parse } from '../../shared/frontmatter'
import type { Generator } from '../../shared/sites/types'
import { compileQuery, matchesIn, type SearchQuery } from '../../shared/search/query'
import { snippetAt } from '../../shared/search/snippet'
import type { ArticleMatches, SearchMatch, SearchRequest, SearchResults } from '../../shared/contract'
import { FolioError, said } from '../../shared/errors'
import type { HeaderError } from '../../shared/frontmatter/types'

export interface SearchDoc {
  path: string
  title: string | null
  /** The file's text; a function so texts not yet in memory are read only when reached. */
  text(): string
  /** The index's reading of its header: the first error, or null when it parses. */
  headerError?: HeaderError | null
}

const DEFAULT_LIMIT = 50
/** Matches listed per article; the count still covers all of them. */
export const MATCHES_SHOWN = 20

/** The editor's view of a file: no BOM, LF line ends (CodeMirror positions are counted on that). */
export function editorText(text: string): string {
  const bare = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  return bare.includes('\r') ? bare.replace(/\r\n?/g, '\n') : bare
}

/** The parts of the text the query's scope looks at. */
function scopeRanges(text: string, query: SearchQuery, site: Generator): [number, number][] {
  switch (query.scope) {
    case 'all':
      return [[0, text.length]]
    case 'header': {
      const content = detect(text, { site }).content
      return content ? [[content.from, content.to]] : []
    }
    case 'body':
      return [[detect(text, { site }).bodyStart, text.length]]
    case 'field': {
      const key = query.field?.trim()
      if (!key) return []
      return parse(text, { site })
        .fields.filter((field) => field.key === key)
        .map((field) => [field.valueRange.from, field.valueRange.to])
    }
  }
}

function located(text: string, found: [number, number][]): SearchMatch[] {
  const out: SearchMatch[] = []
  let line = 1
  let lineStart = 0
  for (const [start, end] of found.slice(0, MATCHES_SHOWN)) {
    for (let nl = text.indexOf('\n', lineStart); nl !== -1 && nl < start; nl = text.indexOf('\n', lineStart)) {
      line++
      lineStart = nl + 1
    }
    const lineEnd = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start)
    const snippet = snippetAt(text, lineStart, lineEnd, start, end)
    out.push({
      line,
      column: start - lineStart,
      length: end - start,
      text: text.slice(start, end),
      snippet: snippet.text,
      matchStart: snippet.matchStart,
      matchEnd: snippet.matchEnd,
    })
  }
  return out
}

/** Searches `docs` in their order; throws BAD_ARGUMENT naming the problem for an invalid pattern. */
export function searchFolder(
  docs: readonly SearchDoc[],
  request: Pick<SearchRequest, 'query' | 'offset' | 'limit' | 'countAll'>,
  site: Generator,
): SearchResults {
  const compiled = compileQuery(request.query)
  if (!compiled.ok) {
    if (compiled.message === 'empty') return { articles: [], totalMatches: 0, totalArticles: 0, nextOffset: null, counted: true }
    throw new FolioError({ code: 'BAD_ARGUMENT', ...said('bad-regex', { detail: compiled.message }) })
  }
  const { pattern } = compiled
  const offset = request.offset ?? 0
  const limit = request.limit ?? DEFAULT_LIMIT
  const articles: ArticleMatches[] = []
  let totalMatches = 0
  let totalArticles = 0
  let counted = true
  for (const doc of docs) {
    // Asked for the page alone: stop once it is full and an article after it is known to match.
    if (request.countAll === false && totalArticles > offset + articles.length && articles.length === limit) {
      counted = false
      break
    }
    const text = editorText(doc.text())
    pattern.lastIndex = 0
    if (!pattern.test(text)) continue
    const found = scopeRanges(text, request.query, site).flatMap(([from, to]) => matchesIn(text, pattern, from, to))
    if (found.length === 0) continue
    if (totalArticles >= offset && articles.length < limit) {
      articles.push({ path: doc.path, title: doc.title, count: found.length, matches: located(text, found) })
    }
    totalArticles++
    totalMatches += found.length
  }
  return { articles, totalMatches, totalArticles, nextOffset: offset + articles.length < totalArticles ? offset + articles.length : null, counted }
}
