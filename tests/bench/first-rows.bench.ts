/**
 * Opening a big folder in the app: the built renderer in Chromium through the e2e harness, with
 * the real handlers (main-process code) over a generated site (generate-site.ts), no index cache.
 * Build first (`npx electron-vite build`), then
 *   npx tsx tests/bench/first-rows.bench.ts          10,000 posts, then 100,000
 *   BENCH_SMALL=1 …                                   1,000 posts
 *   BENCH_FIRST_ROWS=10000,50000 …                   these sizes
 *   BENCH_FIRST_ROWS_WAIT_MIN=20 …                   how long a wait may take (default 10 minutes)
 *   BENCH_PROFILE=1 …                                 also prints a CPU profile of quick open's keys and of the
 *                                                     library's changes (their times then include the profiler's cost)
 * Metrics, per size:
 *   first row      the click on "Open folder…" (the dialog answers at once) → the first library
 *                  row painted  vs  the plainest way to rows: list the folder (readdir, recursive)
 *                  and read the first 100 files, synchronously, in this process. Target ≤ 500 ms.
 *   every row      the click → the library painted not busy, every post listed (reference)
 *   heap           the renderer's heap after GC with every post listed  vs  the same page on the
 *                  welcome screen before the open. Target ≤ 150 MB.
 *   quick open     with every post listed, Ctrl+P and a title typed key by key: each keystroke
 *                  (its event's time) → the paint showing its own rows (its first rows at least, not
 *                  an earlier key's while the ranking goes on in slices), p95  vs  the same keys typed into a
 *                  bare input added to the same page, typed in the same phase. Target ≤ 16.7 ms (one frame).
 *   filters, sort  status, tag and sort changed in the library's selects, each change → the
 *                  paint showing its rows (not the listing's order while a sort goes on), p95  vs  that bare input's keystrokes. Target ≤ 16.7 ms.
 *   typing         while the index still reads the rest: the first row's article opened and the
 *                  same keys typed into its text, keystroke → paint p95  vs  the same keys typed
 *                  into a bare input while the index reads too. Target ≤ 16.7 ms (one frame).
 *                  Skipped when the index finished first.
 * Medians of the rounds (one round at 100,000 posts); each round is a fresh app and cache.
 */
import type { CDPSession, Page } from '@playwright/test'
import { readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchApp } from '../e2e/harness'
import { printTop, profiled } from './cpu-profile'
import { generateSite } from './generate-site'
import { FRAME_MS, FRAMES, framesNote, overBare, printTable, rowOf, type Row } from './report'
import { median, quantile } from './support'
import { bounded, sleep } from './typing'

const SMALL = process.env.BENCH_SMALL === '1'
const PROFILE = process.env.BENCH_PROFILE === '1'
const SIZES = process.env.BENCH_FIRST_ROWS ? process.env.BENCH_FIRST_ROWS.split(',').map(Number) : SMALL ? [1_000] : [10_000, 100_000]
const FIRST_ROW_MS = 500
const HEAP_MB = 150
/** Typed into quick open and into the bare input: a title's words, as a writer looks one up. */
const QUERY = 'story 9999 cloud'
/** Between two keys: a quick typist. */
const KEY_GAP_MS = 80
/** After a key or a change, before the next: what the app does meanwhile is in the way of the next. */
const SETTLE_MS = 400
/** The rows a window shows: what the plain baseline reads after listing the folder. */
const FIRST_ROWS = 100
/** Waits the page ends itself; this one ends them from here if it cannot. */
const WAIT_MS = Number(process.env.BENCH_FIRST_ROWS_WAIT_MIN ?? 10) * 60_000
/** The longest a keystroke's or a change's answer (its ranking, its sort) is waited for before it counts as that long. */
const ANSWER_WAIT_MS = 30_000

function rounds(posts: number): number {
  if (SMALL) return 2
  return posts > 20_000 ? 1 : 3
}

/** The plain baseline: the folder listed and the first FIRST_ROWS posts read, nothing parsed. */
function listAndReadFirst(root: string): number {
  let bytes = 0
  let read = 0
  for (const name of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    if (!name.endsWith('.md')) continue
    bytes += readFileSync(join(root, name)).length
    if (++read === FIRST_ROWS) break
  }
  return bytes
}

function timed(fn: () => unknown): number {
  const start = performance.now()
  fn()
  return performance.now() - start
}

/**
 * Arms the page: from the next click, the time to the paint after the first library row shows
 * (window.__firstRow), and to the paint after the library reports itself not busy
 * (window.__everyRow). Each wait ends on its own. Plain script text: tsx's helpers do not exist in the page.
 */
const WATCH_OPEN = `(ms) => {
  let clicked = null
  document.addEventListener('click', (event) => { if (clicked === null) clicked = event.timeStamp }, { capture: true })
  // A message posted from rAF runs as the next task, after that frame's paint.
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve(performance.now())
    channel.port2.postMessage(null)
  }))
  const when = (what, ready) => new Promise((resolve, reject) => {
    const check = () => {
      if (clicked === null || !ready()) return
      observer.disconnect()
      clearTimeout(timer)
      const from = clicked
      painted().then((at) => resolve(at - from))
    }
    const observer = new MutationObserver(check)
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy'] })
    const timer = setTimeout(() => {
      observer.disconnect()
      reject(new Error('timed out after ' + ms + ' ms waiting for ' + what))
    }, ms)
  })
  window.__firstRow = when('the first library row', () => document.querySelector('[data-testid=article-item]') !== null)
  window.__everyRow = when('the library listed', () => document.querySelector('[data-testid=library][aria-busy=false] [data-testid=article-item]') !== null)
  // Read from Node later: a rejection is reported there, not as an unhandled one here.
  window.__firstRow.catch(() => undefined)
  window.__everyRow.catch(() => undefined)
}`

/**
 * Times every keystroke and every change of a select from the event's own time (so time queued
 * behind a busy page counts) to the paint that shows its result: the paint after it, or when the
 * first one still shows an earlier answer (quick open's list with an earlier key's rows while its
 * ranking goes on in slices, the library still sorting), the paint after that answer is replaced. A wait for it ends
 * after \`ms\` and counts as that long (window.__takeCapped() says how many did). window.__takeInputs() hands the times over.
 */
const WATCH_INPUTS = `(ms) => {
  if (window.__takeInputs) return
  const times = []
  let pending = null
  let capped = 0
  const painted = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel()
    channel.port1.onmessage = () => resolve(performance.now())
    channel.port2.postMessage(null)
  }))
  const stale = () => document.querySelector('[role=listbox][data-rows=earlier], [data-testid=library-sorting]') !== null
  const answered = () => new Promise((resolve) => {
    if (!stale()) return resolve()
    const done = () => { observer.disconnect(); clearTimeout(timer); resolve() }
    const observer = new MutationObserver(() => { if (!stale()) done() })
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-busy', 'data-rows'] })
    const timer = setTimeout(() => { capped++; done() }, ms)
  })
  const stamp = (event) => {
    if (pending !== null) return
    pending = event.timeStamp
    painted()
      .then(async (at) => (stale() ? (await answered(), painted()) : at))
      .then((at) => { times.push(at - pending); pending = null })
  }
  for (const type of ['keydown', 'beforeinput', 'change']) document.addEventListener(type, stamp, { capture: true })
  window.__takeInputs = () => times.splice(0)
  window.__takeCapped = () => { const n = capped; capped = 0; return n }
}`

const takeInputs = (page: Page): Promise<number[]> => bounded(page.evaluate<number[]>('window.__takeInputs()'), 60_000, 'the input times')

async function typeKeys(page: Page, keys: string): Promise<number[]> {
  await takeInputs(page)
  for (const key of keys) {
    await bounded(page.keyboard.type(key), 60_000, `the page to take the key "${key}"`)
    await sleep(KEY_GAP_MS)
  }
  await sleep(SETTLE_MS)
  return takeInputs(page)
}

interface Inputs {
  bare: number[]
  quickOpen: number[]
  filters: number[]
}

/** QUERY typed into a plain input added to the page (then removed): the baseline for keystrokes of the same phase. */
async function typeIntoBareInput(page: Page): Promise<number[]> {
  await bounded(
    page.evaluate(`(() => {
      const input = document.createElement('input')
      input.id = 'bench-bare-input'
      input.style.cssText = 'position: fixed; top: 0; left: 0; z-index: 10000'
      document.body.append(input)
    })()`),
    60_000,
    'the bare input',
  )
  await page.locator('#bench-bare-input').focus({ timeout: 60_000 })
  const bare = await typeKeys(page, QUERY)
  await bounded(page.evaluate(`document.getElementById('bench-bare-input').remove()`), 60_000, 'the bare input to go')
  return bare
}

/** Our modules' functions, beside the framework's, in a profile. */
const APP_CODE =
  /\b(QuickOpen|Picker|Highlighted|Library|ArticleList|LibraryPane|rows|ranking|ranked|runs|exactEach|typoEach|slice|takePinyin|prepare|bringTo|partOf|listQuery|filtered|sortOn|orderNow|matchedRow|bestMatch|subsequence|fuzzy) /

/** `run` under the CPU profiler (BENCH_PROFILE=1), its functions printed by time: where a keystroke's time goes. */
async function profiledKeys<R>(page: Page, what: string, run: () => Promise<R>): Promise<R> {
  const cdp = await bounded(page.context().newCDPSession(page), 60_000, 'a CDP session')
  let result: R | undefined
  const summary = await profiled(cdp, async () => {
    result = await run()
  })
  console.error(`\nCPU profile, ${what} (the profiler's cost included in its times):`)
  printTop('self time', summary.self, 15)
  printTop("total time, the app's own parts", new Map([...summary.total].filter(([fn]) => APP_CODE.test(fn))), 20)
  await bounded(cdp.detach(), 60_000, 'the CDP session to close')
  return result as R
}

/** With every post listed: the bare input's keys, quick open's keys and the library's select changes. */
async function inputsListed(page: Page): Promise<Inputs> {
  await bounded(page.evaluate(`(${WATCH_INPUTS})(${ANSWER_WAIT_MS})`), 60_000, 'the input watch')
  const bare = await typeIntoBareInput(page)

  await page.getByTestId('article-list').focus({ timeout: 60_000 })
  await page.keyboard.press('Control+p')
  await page.getByTestId('quick-open').getByRole('combobox').waitFor({ timeout: 60_000 })
  const quickOpen = PROFILE ? await profiledKeys(page, 'quick open', () => typeKeys(page, QUERY)) : await typeKeys(page, QUERY)
  await page.keyboard.press('Escape')
  await page.getByTestId('quick-open').waitFor({ state: 'detached', timeout: 60_000 })

  await takeInputs(page)
  const tag = await page.getByTestId('library-tag').locator('option').nth(2).getAttribute('value', { timeout: 60_000 })
  const changes: [string, string][] = [
    ['library-status', 'drafts'],
    ['library-status', 'published'],
    ['library-status', 'all'],
    ['library-tag', tag ?? ''],
    ['library-tag', ''],
    ['library-sort', 'title'],
    ['library-sort', 'updated'],
    ['library-sort', 'date'],
  ]
  const change = async () => {
    for (const [testId, value] of changes) {
      await page.getByTestId(testId).selectOption(value, { timeout: 60_000 })
      await sleep(SETTLE_MS)
    }
  }
  if (PROFILE) await profiledKeys(page, 'filters and sort', change)
  else await change()
  const filters = await takeInputs(page)
  // A wait cut off at its cap is counted as the cap, not as a paint: say how many there were.
  const capped = await bounded(page.evaluate<number>('window.__takeCapped()'), 60_000, 'the capped waits')
  if (capped > 0) console.error(`  ${capped} answer waits hit their ${ANSWER_WAIT_MS} ms cap and count as that long`)
  return { bare, quickOpen, filters }
}

/** Keystrokes while the index reads: into the article's text, and into a bare input in the same phase. */
interface WhileIndexing {
  typing: number[]
  bare: number[]
}

/**
 * While the index reads the rest of the folder: QUERY typed into a bare input, then the first
 * row's article opened and QUERY typed into its text, each keystroke → paint; null when the
 * library was done before the last key.
 */
async function typingWhileIndexing(page: Page): Promise<WhileIndexing | null> {
  const reading = (): Promise<boolean> =>
    bounded(page.evaluate<boolean>(`document.querySelector('[data-testid=library][aria-busy=true]') !== null`), 60_000, 'the library state')
  if (!(await reading())) return null
  await bounded(page.evaluate(`(${WATCH_INPUTS})(${ANSWER_WAIT_MS})`), 60_000, 'the input watch')
  const bare = await typeIntoBareInput(page)
  await page.getByTestId('article-item').first().click({ timeout: 60_000 })
  await page.locator('.cm-content').click({ timeout: 60_000 })
  await page.keyboard.press('Control+End')
  const typing = await typeKeys(page, QUERY)
  return (await reading()) ? { typing, bare } : null
}

async function watchOpen(page: Page, timeoutMs: number): Promise<void> {
  await page.evaluate(`(${WATCH_OPEN})(${timeoutMs})`)
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  return usage.usedSize / 1024 / 1024
}

interface Round {
  firstRow: number
  everyRow: number
  heap: number
  welcomeHeap: number
  listed: number
  /** With every post listed; null when the folder was not read within the wait. */
  inputs: Inputs | null
  /** Typing into an article and into a bare input while the index read; null when it was done first. */
  typing: WhileIndexing | null
}

async function openOnce(dir: string): Promise<Round> {
  const app = await bounded(
    launchApp({ contentDir: dir, startEmpty: true, uncappedFrames: FRAMES === 'uncapped' }),
    WAIT_MS,
    'the app to show its welcome screen',
  )
  try {
    const { page } = app
    const cdp = await bounded(page.context().newCDPSession(page), WAIT_MS, 'a CDP session')
    const welcomeHeap = await bounded(heapMB(cdp), WAIT_MS, 'the welcome heap')
    await bounded(watchOpen(page, WAIT_MS - 30_000), WAIT_MS, 'the open watch')
    await page.getByTestId('welcome').getByRole('button', { name: 'Open folder…' }).click({ timeout: WAIT_MS })
    const firstRow = await bounded(page.evaluate<number>('window.__firstRow'), WAIT_MS, 'the first row')
    // Said at once: at 100,000 posts the rest takes minutes.
    console.error(`  first row painted ${firstRow.toFixed(0)} ms after the click; reading the rest…`)
    const typing = await typingWhileIndexing(page)
    // A folder not read within the wait (100,000 posts on a loaded machine) still gives its first row,
    // and its heap with the rows listed so far (the table says how many); every row is then NaN.
    const everyRow = await bounded(page.evaluate<number>('window.__everyRow'), WAIT_MS, 'every row').catch((error: unknown) => {
      console.error(`  ${error instanceof Error ? error.message.split('\n')[0] : String(error)}: measuring with the rows listed so far`)
      return NaN
    })
    const heap = await bounded(heapMB(cdp), WAIT_MS, 'the heap after GC')
    const listed = await bounded(
      // The rows the list holds, from its height (the rows are virtual): asking the main process for
      // the whole listing would send 100,000 summaries, more than the harness's DevTools pipe holds.
      page.evaluate<number>(`(() => {
        const list = document.querySelector('[data-testid=article-list]')
        const row = document.querySelector('[data-testid=article-item]')
        const rows = list && list.querySelector(':scope > div')
        return rows && row ? Math.round(rows.offsetHeight / row.offsetHeight) : 0
      })()`),
      WAIT_MS,
      'the listing count',
    )
    const inputs = Number.isFinite(everyRow) ? await inputsListed(page) : null
    return { firstRow, everyRow, heap, welcomeHeap, listed, inputs, typing }
  } finally {
    await bounded(app.close(), WAIT_MS, 'the app to close')
  }
}

const rows: Row[] = []
const scratch = await mkdtemp(join(tmpdir(), 'folio-first-rows-bench-'))
try {
  for (const posts of SIZES) {
    const dir = join(scratch, `site-${posts}`)
    const started = performance.now()
    generateSite(dir, posts)
    console.error(`${posts} posts generated in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    // Warm the page cache and the JIT for the baseline as for the app (both read the same files).
    listAndReadFirst(dir)
    const plain: number[] = []
    const measured: Round[] = []
    for (let round = 0; round < rounds(posts); round++) {
      plain.push(timed(() => listAndReadFirst(dir)))
      const one = await openOnce(dir)
      console.error(
        `${posts} posts, round ${round + 1}: first row ${one.firstRow.toFixed(0)} ms, every row ${one.everyRow.toFixed(0)} ms, heap ${one.heap.toFixed(1)} MB (welcome ${one.welcomeHeap.toFixed(1)} MB)`,
      )
      // The library said it was done (not busy) with posts missing: the run fails, after the round's numbers print.
      if (Number.isFinite(one.everyRow) && one.listed !== posts) throw new Error(`the library said it was done with ${one.listed} of ${posts} posts listed`)
      measured.push(one)
    }
    const of = (pick: (r: Round) => number): number => median(measured.map(pick))
    rows.push(
      rowOf(
        `open → first row painted, ${posts} posts`,
        of((r) => r.firstRow),
        median(plain),
        `≤ ${FIRST_ROW_MS} ms`,
        { maxValue: FIRST_ROW_MS },
      ),
      rowOf(
        `  open → every row listed, ${posts} posts`,
        of((r) => r.everyRow),
        median(plain),
        'reference',
      ),
      rowOf(
        `renderer heap MB, ${Math.min(...measured.map((r) => r.listed))} of ${posts} posts listed`,
        of((r) => r.heap),
        of((r) => r.welcomeHeap),
        `≤ ${HEAP_MB} MB`,
        { maxValue: HEAP_MB },
      ),
    )
    const inputs = measured.flatMap((r) => (r.inputs ? [r.inputs] : []))
    const bare = inputs.flatMap((r) => r.bare)
    const whileIndexing = measured.flatMap((r) => (r.typing ? [r.typing] : []))
    const typing = whileIndexing.flatMap((r) => r.typing)
    /** Each phase's keystrokes against the bare input's of the same phase (the page is as busy for both). */
    const frameRows = (metric: string, times: number[], bareTimes: number[]): Row[] => {
      const p95 = quantile(times, 0.95)
      const bareP95 = quantile(bareTimes, 0.95)
      return [
        rowOf(`${metric} p95, ${posts} posts`, p95, bareP95, `≤ ${FRAME_MS} ms`, { maxValue: FRAME_MS }),
        overBare(`  ${metric} over the bare input`, p95, bareP95),
      ]
    }
    if (typing.length > 0) {
      const typingBare = whileIndexing.flatMap((r) => r.bare)
      console.error(`  typing while the index reads ${typing.map((t) => t.toFixed(0)).join(' ')}; bare ${typingBare.map((t) => t.toFixed(0)).join(' ')}`)
      rows.push(...frameRows('typing while indexing, keystroke → paint', typing, typingBare))
    }
    if (inputs.length > 0) {
      const quickOpen = inputs.flatMap((r) => r.quickOpen)
      const filters = inputs.flatMap((r) => r.filters)
      console.error(`  keystroke → paint: bare ${bare.map((t) => t.toFixed(0)).join(' ')}`)
      console.error(`  quick open ${quickOpen.map((t) => t.toFixed(0)).join(' ')}`)
      console.error(`  filters and sort ${filters.map((t) => t.toFixed(0)).join(' ')}`)
      rows.push(...frameRows('quick open keystroke → paint', quickOpen, bare), ...frameRows('filter or sort change → paint', filters, bare))
    }
    await rm(dir, { recursive: true, force: true })
  }
} finally {
  await rm(scratch, { recursive: true, force: true })
}

console.log(framesNote())
printTable(rows)
console.log(
  `\nbaselines: readdir (recursive) + read the first ${FIRST_ROWS} posts, sync, in Node; heap: the same page on the welcome screen; keystrokes and changes: the same keys typed into a bare input in the same page`,
)
