/**
 * Search, replace preview and quick open at folder scale, with plain baselines measured in the
 * same run (10,000 generated posts, 10,000 and 100,000 titles; 1,000 and 10,000 with BENCH_SMALL=1).
 *   npx tsx tests/bench/search.bench.ts        (npm run bench:search)
 * Metrics:
 *   search        the search panel's query: the first page of articles grouped with their
 *                 matches and the total count in one answer                  vs  indexOf over the same texts
 *                 (and reading each file with indexOf); the first page alone (as the search box
 *                 asks first) against 100 ms, and it plus the totals alone against 500 ms
 *   replace       the replace preview of the same query: every change of every article planned,
 *                 the first page of diffs                                     vs  the search, ≤ 2×
 *   quick open    ranking 10,000 and 100,000 titles per keystroke as quick open does (fuzzy, typo,
 *                 pinyin; the titles' keys made when it opens and the pinyin worked out in idle
 *                 time beforehand, each timed on its own)                     vs  a plain substring filter, ≤ 16 ms
 *                 for the median, p95 and slowest keystroke and every slice a ranking goes on in
 *                 after its keystroke; the time until the whole list is ranked, for reference
 *   opening       quick open's index of the library made in idle time as it loads (its longest
 *                 step and its whole time, for reference), then opening: the recent articles
 *                 listed first and the rows of the empty query, ≤ 16 ms; and the index brought up
 *                 to date when one article is renamed, for reference
 * Figures are medians of the rounds; every round is timed on its own, so nothing waits unbounded.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createReplaceService } from '../../electron/search/replace'
import { createTaxonomyService } from '../../electron/taxonomy/service'
import { openWorkspace } from '../../electron/workspace/workspace'
import { loadPinyin, pinyinVersion, warmPinyin } from '../../renderer/library/quick-open/pinyin'
import { listRecentFirst, QUICK_OPEN_LIMIT } from '../../renderer/library/quick-open/rank-articles'
import { SlicedRanking } from '../../renderer/library/quick-open/sliced-ranking'
import { TitleIndex } from '../../renderer/library/quick-open/title-index'
import type { SearchQuery } from '../../shared/search/query'
import { generateSite, postPath, seedParts } from './generate-site'
import { median, printTable, quantile, rowOf, type Row } from './support'

const SMALL = process.env.BENCH_SMALL === '1'
const POSTS = SMALL ? 1_000 : 10_000
const TITLES = SMALL ? [10_000] : [10_000, 100_000]
const ROUNDS = 5
const FIRST_RESULTS_MS = 100
const TOTAL_COUNT_MS = 500
const KEYSTROKE_MS = 16
/** A word of the seed's Chinese, found mid-sentence in most posts. */
const QUERY: SearchQuery = { text: '阿里云', caseSensitive: false, wholeWord: false, regex: false, scope: 'all' }

/** The process's CPU time since `used`, in ms: on a shared machine the wall time also counts the waits for a core. */
function cpuSince(used: NodeJS.CpuUsage): number {
  const { user, system } = process.cpuUsage(used)
  return (user + system) / 1000
}

function timeSync<T>(fn: () => T): [number, T] {
  const start = performance.now()
  const value = fn()
  return [performance.now() - start, value]
}

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now()
  const value = await fn()
  return [performance.now() - start, value]
}

function countOf(text: string, word: string): number {
  let n = 0
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) n++
  return n
}

async function searchRows(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-bench-search-'))
  try {
    const root = join(dir, 'site')
    generateSite(root, POSTS)
    const ws = await openWorkspace({ root, trash: async () => undefined })
    try {
      const bulk = createTaxonomyService(ws, { journalDir: null })
      const replace = createReplaceService({ workspace: ws, bulk, unsaved: async () => [] })
      const docs = ws.searchDocs()
      const files = docs.map((d) => join(root, ...d.path.split('/')))
      const paths = docs.map((d) => d.path)
      // The index reads texts on open; a first search makes sure every one is in memory, as in the app.
      const warm = await ws.searchFolder({ query: QUERY, offset: 0, limit: 50 })
      if (warm.totalMatches === 0) throw new Error(`the generated posts hold no "${QUERY.text}"`)
      const m: Record<'search' | 'first' | 'total' | 'replace' | 'memory' | 'disk', number[]> = {
        search: [],
        first: [],
        total: [],
        replace: [],
        memory: [],
        disk: [],
      }
      for (let round = 0; round < ROUNDS; round++) {
        const [search, found] = await timed(() => ws.searchFolder({ query: QUERY, offset: 0, limit: 50 }))
        m.search.push(search)
        // As the search box asks: the first page without counting the rest, then the totals alone.
        // (with the library's paths in its order, as the search box sends them).
        const [first, page] = await timed(() => ws.searchFolder({ query: QUERY, paths, offset: 0, limit: 50, countAll: false }))
        const [totals, alone] = await timed(() => ws.searchFolder({ query: QUERY, paths, offset: 0, limit: 0 }))
        m.first.push(first)
        m.total.push(first + totals)
        if (page.articles.map((a) => a.path).join() !== found.articles.map((a) => a.path).join()) throw new Error('the first page alone lists other articles')
        if (alone.totalMatches !== found.totalMatches) throw new Error(`the totals alone counted ${alone.totalMatches}, the search ${found.totalMatches}`)
        const [memory, counted] = timeSync(() => docs.reduce((n, d) => n + countOf(d.text().toLowerCase(), QUERY.text), 0))
        m.memory.push(memory)
        m.disk.push(timeSync(() => files.reduce((n, f) => n + countOf(readFileSync(f, 'utf8').toLowerCase(), QUERY.text), 0))[0])
        if (counted !== found.totalMatches) throw new Error(`search counted ${found.totalMatches}, indexOf ${counted}`)
        const [planned, preview] = await timed(() => replace.plan({ query: QUERY, replacement: '阿里云计算' }))
        m.replace.push(planned)
        if (preview.totalFiles !== found.totalArticles) throw new Error(`replace planned ${preview.totalFiles} articles, search found ${found.totalArticles}`)
      }
      const search = median(m.search)
      const baselines = [median(m.memory), median(m.disk)]
      return [
        rowOf(`search "${QUERY.text}", ${POSTS} posts: first page + total`, search, baselines, 'reference (indexOf over the texts, or reading each file)'),
        rowOf('  first grouped results', median(m.first), FIRST_RESULTS_MS, `≤ 1.0 (${FIRST_RESULTS_MS} ms)`, { maxRatio: 1 }),
        rowOf('  total count', median(m.total), TOTAL_COUNT_MS, `≤ 1.0 (${TOTAL_COUNT_MS} ms)`, { maxRatio: 1 }),
        rowOf(`replace preview, ${warm.totalArticles} articles`, median(m.replace), search, '≤ 2.0 × the search', { maxRatio: 2 }),
        rowOf('  same, against the plain baseline', median(m.replace), baselines, 'reference'),
      ]
    } finally {
      await ws.close()
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Titles shaped like a Chinese and English blog's: two in three Chinese, the rest English. */
function blogTitles(count: number): { path: string; title: string }[] {
  const { sentences } = seedParts()
  return Array.from({ length: count }, (_, i) => {
    const sentence = sentences[i % sentences.length] as string
    const title = i % 3 === 2 ? `Notes ${i} on the cloud team and its leader` : `${sentence.slice(i % 7, (i % 7) + 16)} ${i}`
    return { path: postPath(i), title }
  })
}

/** Brings the index to `items` as the idle-time warm-up does, in steps of about 8 ms; each timed. */
function idleSteps<T extends { path: string; title: string }>(
  index: TitleIndex<T>,
  items: readonly T[],
): { whole: number; longest: number; longestCpu: number } {
  index.update(items)
  let whole = 0
  let longest = 0
  let longestCpu = 0
  for (let n = 0; ; n++) {
    if (n > 100_000) throw new Error('the index was not made in 100,000 steps')
    const end = performance.now() + 8
    const used = process.cpuUsage()
    const [took, done] = timeSync(() => index.prepare(() => performance.now() >= end))
    longestCpu = Math.max(longestCpu, cpuSince(used))
    whole += took
    longest = Math.max(longest, took)
    if (done) return { whole, longest, longestCpu }
  }
}

export async function quickOpenRows(count: number): Promise<Row[]> {
  const items = blogTitles(count)
  // The library's idle-time warm-up: every Chinese title's pinyin, a few milliseconds at a time.
  await loadPinyin()
  const [warmup] = await timed(() => warmPinyin(items.map((a) => a.title)))
  const recent = items.slice(0, 10).map((a) => a.path)
  // The library's index, made in idle time as the library loads: timed step by step.
  const ranker = new TitleIndex<{ path: string; title: string }>()
  const prepare = idleSteps(ranker, items)
  // Opening quick open: the recent articles first, then the rows of the empty query.
  const opening: number[] = []
  const openingCpu: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    const first = round % 2 === 0 ? recent : [...recent].reverse()
    const used = process.cpuUsage()
    opening.push(timeSync(() => (listRecentFirst(ranker, first), ranker.rank('', true, QUICK_OPEN_LIMIT)))[0])
    openingCpu.push(cpuSince(used))
  }
  listRecentFirst(ranker, recent)
  // One article renamed: the index brought up to date in idle time.
  const renamed = items.map((a, i) => (i === Math.floor(count / 2) ? { path: `renamed/${a.path}`, title: `${a.title} renamed` } : a))
  const rename = idleSteps(ranker, renamed)
  // As quick open ranks: a keystroke works one slice, the rest goes on in slices (run here one
  // after the other, each timed: each holds the input as long as it runs).
  const sliced = new SlicedRanking(
    ranker,
    () => undefined,
    () => undefined,
  )
  const typed = ['zwxz', 'cloud', 'yunj', 'leadr']
  const keystroke: number[] = []
  // The process's CPU time of each keystroke: on a shared machine the wall time also counts the
  // waits for a core, which no code of ours can shorten.
  const cpu: number[] = []
  const slices: number[] = []
  const whole: number[] = []
  const wholeCpu: number[] = []
  const plain: number[] = []
  for (let round = 0; round < ROUNDS; round++) {
    for (const word of typed) {
      for (let i = 1; i <= word.length; i++) {
        const text = word.slice(0, i)
        const used = process.cpuUsage()
        const [first] = timeSync(() => sliced.rows(text, true, QUICK_OPEN_LIMIT, pinyinVersion()))
        cpu.push(cpuSince(used))
        let total = first
        slices.push(first)
        for (let n = 0; sliced.pending; n++) {
          if (n > 10_000) throw new Error(`ranking "${text}" did not finish in 10,000 slices`)
          const [next] = timeSync(() => sliced.slice())
          total += next
          slices.push(next)
        }
        keystroke.push(first)
        whole.push(total)
        wholeCpu.push(cpuSince(used))
        plain.push(timeSync(() => items.filter((a) => a.title.toLowerCase().includes(text) || a.path.includes(text)).slice(0, 100))[0])
      }
      if (sliced.rows(word, true, QUICK_OPEN_LIMIT, pinyinVersion()).length === 0) throw new Error(`quick open found nothing for "${word}"`)
    }
  }
  const filter = median(plain)
  return [
    rowOf(`quick open, ${count} titles: per keystroke`, median(keystroke), filter, 'reference (substring filter)'),
    rowOf('  same, against the frame budget', median(keystroke), KEYSTROKE_MS, `≤ 1.0 (${KEYSTROKE_MS} ms)`, { maxRatio: 1 }),
    rowOf('  keystroke p95', quantile(keystroke, 0.95), KEYSTROKE_MS, `≤ 1.0 (${KEYSTROKE_MS} ms)`, { maxRatio: 1 }),
    rowOf('  slowest keystroke', Math.max(...keystroke), KEYSTROKE_MS, `≤ 1.0 (${KEYSTROKE_MS} ms)`, { maxRatio: 1 }),
    rowOf('  keystroke p95, CPU time', quantile(cpu, 0.95), KEYSTROKE_MS, 'reference (16 ms)'),
    rowOf('  slowest keystroke, CPU time', Math.max(...cpu), KEYSTROKE_MS, 'reference (16 ms)'),
    rowOf('  slowest slice after a keystroke', Math.max(...slices), KEYSTROKE_MS, `≤ 1.0 (${KEYSTROKE_MS} ms)`, { maxRatio: 1 }),
    rowOf('  whole list, median', median(whole), filter, 'reference (substring filter)'),
    rowOf('  whole list, p95', quantile(whole, 0.95), filter, 'reference (substring filter)'),
    rowOf('  whole list, slowest', Math.max(...whole), filter, 'reference (substring filter)'),
    rowOf('  whole list p95, CPU time', quantile(wholeCpu, 0.95), KEYSTROKE_MS, 'reference (16 ms)'),
    rowOf('  opening (recent first, the first rows listed)', median(opening), KEYSTROKE_MS, `≤ 1.0 (${KEYSTROKE_MS} ms)`, { maxRatio: 1 }),
    rowOf('  opening, CPU time', median(openingCpu), KEYSTROKE_MS, 'reference (16 ms)'),
    rowOf('  index made in idle time, whole', prepare.whole, KEYSTROKE_MS, 'reference (16 ms), never on opening'),
    rowOf('  index made in idle time, longest step', prepare.longest, KEYSTROKE_MS, 'reference (16 ms)'),
    rowOf('  same, CPU time', prepare.longestCpu, KEYSTROKE_MS, 'reference (16 ms)'),
    rowOf('  index after one rename, whole', rename.whole, KEYSTROKE_MS, 'reference (16 ms), in idle time'),
    rowOf('  pinyin of every Chinese title, in idle time', warmup, KEYSTROKE_MS, 'reference (16 ms), never on a keystroke'),
  ]
}

export async function runBenchmark(): Promise<Row[]> {
  const rows = await searchRows()
  for (const count of TITLES) rows.push(...(await quickOpenRows(count)))
  return rows
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printTable(await runBenchmark())
