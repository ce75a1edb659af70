/**
 * The library's filters at folder scale: each change of sort, status, category or tag re-filters
 * and re-sorts every listed article (renderer/library/filters.ts) before the virtual list paints
 * its visible rows. 100,000 summaries (10,000 with BENCH_SMALL=1): the summaries of generated
 * posts (generate-site.ts, summarised by the index's own code), repeated under other folders.
 *   npx tsx tests/bench/library.bench.ts
 * Each change against the plainest way to the same rows (a filter on one field and a numeric
 * sort), target ≤ 16.7 ms (one frame) per change, the listing already shown (sorted once per
 * order: that first sort and the facet counts, paid once per listing, are reference rows).
 * Medians of the rounds; each round timed alone.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ArticleSummary } from '../../shared/contract'
import { summarize } from '../../electron/workspace/indexer'
import { pathRules } from '../../electron/workspace/scan'
import { detectSite } from '../../electron/workspace/site'
import { applyQuery, categoryFacets, tagFacets, type LibraryQuery } from '../../renderer/library/filters'
import { post, postPath, seedParts } from './generate-site'
import { FRAME_MS, median, printTable, rowOf, type Row } from './support'

const SMALL = process.env.BENCH_SMALL === '1'
const DISTINCT = SMALL ? 2_000 : 10_000
const LISTED = SMALL ? 10_000 : 100_000
const ROUNDS = SMALL ? 5 : 9

function timed(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

const scratch = await mkdtemp(join(tmpdir(), 'folio-library-bench-'))
try {
  const site = await detectSite(scratch)
  const rules = pathRules(site)
  const parts = seedParts()
  const made: ArticleSummary[] = []
  const encoder = new TextEncoder()
  for (let i = 0; i < DISTINCT; i++) {
    const bytes = encoder.encode(post(parts, i))
    const read = summarize({ rel: postPath(i), size: bytes.length, mtimeMs: 1_700_000_000_000 + i * 1000, kind: 'article' }, bytes, site, rules)
    if (read) made.push(read.summary)
  }
  const articles: ArticleSummary[] = []
  for (let copy = 0; articles.length < LISTED; copy++) {
    for (const a of made) if (articles.length < LISTED) articles.push({ ...a, path: copy === 0 ? a.path : `copy-${copy}/${a.path}` })
  }
  const categories = categoryFacets(articles)
  const tags = tagFacets(articles)
  const category = categories[Math.floor(categories.length / 2)]?.value ?? null
  const tag = tags[Math.floor(tags.length / 2)]?.value ?? null
  console.error(`${articles.length} articles, ${categories.length} categories, ${tags.length} tags; picked category ${category}, tag ${tag}`)

  const base: LibraryQuery = { sort: 'date', status: 'all', category: null, tag: null }
  const changes: { name: string; query: LibraryQuery; plain: () => unknown }[] = [
    { name: 'sort by date', query: base, plain: () => articles.slice().sort((a, b) => (b.dateMs ?? 0) - (a.dateMs ?? 0)) },
    { name: 'sort by title', query: { ...base, sort: 'title' }, plain: () => articles.slice().sort((a, b) => (b.dateMs ?? 0) - (a.dateMs ?? 0)) },
    {
      name: 'drafts only',
      query: { ...base, status: 'drafts' },
      plain: () => articles.filter((a) => a.draft).sort((a, b) => (b.dateMs ?? 0) - (a.dateMs ?? 0)),
    },
    {
      name: 'one category',
      query: { ...base, category },
      plain: () => articles.filter((a) => a.categories.some((c) => c[0] === category)).sort((a, b) => (b.dateMs ?? 0) - (a.dateMs ?? 0)),
    },
    {
      name: 'one tag',
      query: { ...base, tag },
      plain: () => articles.filter((a) => a.tags.includes(tag ?? '')).sort((a, b) => (b.dateMs ?? 0) - (a.dateMs ?? 0)),
    },
  ]
  const rows: Row[] = []
  for (const change of changes) {
    const ours: number[] = []
    const plain: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      plain.push(timed(change.plain))
      ours.push(timed(() => applyQuery(articles, change.query)))
    }
    const sorted = [...ours].sort((a, b) => a - b)
    console.error(`${change.name}: median ${median(ours).toFixed(1)} ms, min ${sorted[0]?.toFixed(1)}, max ${sorted.at(-1)?.toFixed(1)} over ${ROUNDS}`)
    rows.push(
      rowOf(`library ${change.name}, ${LISTED} articles: per change`, median(ours), median(plain), `≤ ${FRAME_MS} ms (one frame)`, { maxValue: FRAME_MS }),
    )
  }
  // What a new listing costs once (the watcher, a save): the first sort of each order, on a fresh copy.
  const firstSort: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const fresh = articles.slice()
    firstSort.push(timed(() => applyQuery(fresh, { ...base, sort: 'title' })))
  }
  rows.push(rowOf(`  first sort by title of a new listing, ${LISTED} articles`, median(firstSort), median(firstSort), 'reference (once per listing and order)'))
  const facets: number[] = []
  for (let round = 0; round < ROUNDS; round++) facets.push(timed(() => [categoryFacets(articles), tagFacets(articles)]))
  rows.push(rowOf(`  facet counts when the list changes, ${LISTED} articles`, median(facets), median(facets), 'reference (once per listing, not per change)'))
  printTable(rows)
} finally {
  await rm(scratch, { recursive: true, force: true })
}
