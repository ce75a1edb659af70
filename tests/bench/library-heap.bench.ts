/**
 * Where the renderer's heap goes with a whole folder listed, without starting the app (issue 19:
 * ≤ 150 MB with 100,000 articles listed): the summaries as they arrive over IPC (made by the
 * indexer from generated posts, as the row API sends them, then structured-cloned as the bridge does), then each structure
 * the library builds over them, in the order it builds them, each reported as the heap it adds
 * after a full GC.
 *   rows           RowStore: its own copies of the rows (by path and newest first) in place of
 *                  the clones, which it lets go
 *   filters        the default query's list, the category and tag facets
 *   sort orders    the title and updated orders, as the idle-time warm-up sorts them
 *   pinyin         every Chinese title's pinyin, as quick open's warm-up works it out
 *   quick open     quick open's prepared index of the library
 * The baseline of each row is the summaries' own heap: a structure's ratio is its share of it.
 * BENCH_SMALL=1: 10,000 posts.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runInNewContext } from 'node:vm'
import { setFlagsFromString } from 'node:v8'
import { summarize } from '../../electron/workspace/indexer'
import { pathRules } from '../../electron/workspace/scan'
import { libraryRow } from '../../electron/workspace/workspace'
import { detectSite } from '../../electron/workspace/site'
import type { LibraryRow } from '../../shared/contract'
import { applyQuery, categoryFacets, compare, tagFacets } from '../../renderer/library/filters'
import { loadPinyin, warmPinyin } from '../../renderer/library/quick-open/pinyin'
import { TitleIndex } from '../../renderer/library/quick-open/title-index'
import { RowStore } from '../../renderer/library/row-store'
import { sortNow, sortSteps } from '../../renderer/library/sort-steps'
import { post, postPath, seedParts } from './generate-site'
import { printTable, rowOf, type Row } from './report'

const POSTS = process.env.BENCH_SMALL === '1' ? 10_000 : 100_000
/** The renderer's heap target with every post listed, scaled to the count measured. */
const TARGET_MB = (150 * POSTS) / 100_000
const MB = 1024 * 1024

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

/** The heap in use after full collections (a few: weak maps and finalizers settle over more than one). */
function heapMB(): number {
  for (let k = 0; k < 3; k++) gc()
  return process.memoryUsage().heapUsed / MB
}

/** The summaries the main process would send for POSTS generated posts, as the renderer holds them (cloned, like IPC). */
async function listing(): Promise<LibraryRow[]> {
  const folder = mkdtempSync(join(tmpdir(), 'folio-heap-'))
  try {
    const site = await detectSite(folder)
    const rules = pathRules(site)
    const parts = seedParts()
    const encoder = new TextEncoder()
    const rows: LibraryRow[] = []
    for (let i = 0; i < POSTS; i++) {
      const bytes = encoder.encode(post(parts, i))
      const indexed = summarize({ rel: postPath(i), size: bytes.length, mtimeMs: 1_700_000_000_000 + i * 60_000, kind: 'article' }, bytes, site, rules, {
        keepText: false,
      })
      if (!indexed) throw new Error(`post ${i} gave no summary`)
      rows.push(structuredClone(libraryRow(indexed.summary)))
    }
    return rows
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

async function runBenchmark(): Promise<Row[]> {
  const deadline = setTimeout(() => {
    console.error('library-heap: not done in 10 minutes')
    process.exit(2)
  }, 10 * 60_000)
  await loadPinyin()
  const held: unknown[] = []
  let before = heapMB()
  const sizes: [string, number][] = []
  const measure = (name: string, value: unknown) => {
    held.push(value)
    const after = heapMB()
    sizes.push([name, after - before])
    console.error(`  ${name}: ${(after - before).toFixed(1)} MB`)
    before = after
  }
  const store = new RowStore()
  measure('summaries (as cloned over IPC)', await listing())
  const rows = store.reset(held.pop() as LibraryRow[])
  measure('RowStore (its copies in place of the clones)', store)
  const shown = applyQuery(rows, { sort: 'date', status: 'all', category: null, tag: null })
  measure('default filter list and its paths', [shown, shown.map((a) => a.path)])
  measure('category and tag facets', [categoryFacets(rows), tagFacets(rows)])
  measure('title and updated sort orders', [sortNow(sortSteps(rows, compare('title'))), sortNow(sortSteps(rows, compare('updated')))])
  await warmPinyin(rows.map((a) => a.title))
  measure('pinyin of the Chinese titles', null)
  const index = new TitleIndex<LibraryRow>(rows)
  measure('quick open index', index)
  clearTimeout(deadline)
  const own = sizes[0]?.[1] ?? NaN
  const total = sizes.reduce((sum, [, mb]) => sum + mb, 0)
  return [
    ...sizes.map(([name, mb]) => rowOf(`heap MB, ${POSTS} posts: ${name}`, mb, own, 'reference (share of the summaries)')),
    rowOf(`heap MB, ${POSTS} posts: all of the above`, total, own, `≤ ${TARGET_MB} MB with the page's own`, { maxValue: TARGET_MB }),
  ]
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printTable(await runBenchmark())
