/**
 * Renderer benchmark: the built renderer in Chromium through the e2e harness, with baselines
 * measured in the same page in the same run. Build first (`npx electron-vite build`), then
 *   npx tsx tests/bench/renderer.bench.ts        (BENCH_SMALL=1: fewer rounds, a smaller library)
 *   BENCH_ONLY=typing …   only the two 1 MB typing sections (no refresh, open or heap rows)
 *   BENCH_ONLY=refresh …  only the 100 KB preview rows (no typing, open or heap rows)
 *   BENCH_PROFILE=1 …     also records a CPU profile of one typed burst into the 1 MB article with the
 *                         preview shown and prints the functions that took the most time
 * Metrics:
 *   keystroke → paint   typing into a 1 MB article, half Chinese   vs  a bare CodeMirror on the same text
 *   preview render      the preview's pipeline in the page, 100 KB, afresh and after an edit  vs  markdown-it alone on its body
 *   preview refresh     the writer's pause → the frame patched and painted, 100 KB  vs  markdown-it alone (the
 *                       fastest of its renders of the same body, taken while the page is quiet before each round).
 *                       The preview takes the editor's text once typing has paused PREVIEW_PAUSE_MS
 *                       (renderer/preview/refresh-timing.ts): that pause is the writer's, so the refresh
 *                       is counted from the moment the preview decides it (its PREVIEW_REFRESH_MARK);
 *                       the last key → painted time is printed beside it.
 *   typing while previewing  the 1 MB keystroke rows run with the preview shown; how often it refreshed is printed
 *   typing during a render   keys typed while the preview renders the 1 MB article (in its worker)  vs  the same keys into a bare CodeMirror
 *   open                click in the list → editor painted         vs  folio.readArticle of the same file
 *   library heap        heap after GC with 10,000 articles listed  vs  the same app with one article
Typing into a header field with a big library listed is tests/bench/form.bench.ts.
 * Typing is real key input through page.keyboard: bursts at ~20 keys a second with a pause after
 * each burst, so whatever the app does during a pause is in the way of the next keystroke.
 * Target for typing into 1 MB (while previewing, and during a render): the app's keystroke → paint
 * p95 within one frame (16.7 ms), with frames drawn when ready (report.ts FRAMES). The bare
 * CodeMirror's p95, and what the app adds over it, are printed beside it: load on the machine
 * slows both alike.
 */
import type { CDPSession, Page } from '@playwright/test'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { InvokeApi } from '../../shared/contract'
import { PREVIEW_PAUSE_MS, refreshPause } from '../../renderer/preview/refresh-timing'
import { launchApp } from '../e2e/harness'
import { printTop, profiled } from './cpu-profile'
import { FRAME_MS, FRAMES, framesNote, overBare, printTable, rowOf, type Row } from './report'
import { bounded, pageScript, quantile, sleep, typeBursts as typeCadenced, typingText } from './typing'

const SMALL = process.env.BENCH_SMALL === '1'
const TYPING_ONLY = process.env.BENCH_ONLY === 'typing'
const REFRESH_ONLY = process.env.BENCH_ONLY === 'refresh'
const PROFILE = process.env.BENCH_PROFILE === '1'
/** Functions of ours worth seeing in a profile beside the framework's. */
const APP_PARTS =
  /^(App|Workbench|PreviewPane|Preview|StatusBar|EditorPane|FieldChecks|PropertiesForm|publish\w*|#?\w*[Pp]ublish\w*|linkLint|journalEditsOf|docSpan|readHeader|parse|previewBody|render|textStats|countText|build|emit|updated|sanitize) /
const KEYSTROKES = SMALL ? 40 : 200
const BURST = SMALL ? 10 : 20
const KEY_GAP_MS = 50
const PAUSE_MS = 400
/** Typing during a 1 MB render: rounds of one key, a pause that starts a render, and a burst typed while it runs. */
const DURING_ROUNDS = SMALL ? 4 : 10
const DURING_BURST = 10
/** After each round, long enough for the render (and the one after the burst) to finish. */
const DURING_SETTLE_MS = 4_000
/** Time for a freshly shown editor to finish its background parse before typing starts. */
const SETTLE_MS = 1_000
const PREVIEW_ROUNDS = SMALL ? 4 : 10
const OPEN_ROUNDS = SMALL ? 4 : 10
const LIBRARY = Number(process.env.BENCH_LIBRARY ?? (SMALL ? 1_000 : 10_000))
/** One frame at 60 Hz: the most a keystroke into the 1 MB article may cost over one into a bare CodeMirror. */
const SEED = fileURLToPath(new URL('../fixtures/seed/000_96ee1b00782f1bda.txt', import.meta.url))

/** Deterministic pseudo-random numbers, so every run types into the same text. */
function random(seed: number): () => number {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648
    return s / 2_147_483_648
  }
}

const LATIN = 'the editor keeps every byte of the header while the writer types a long article about cloud computing markets and regional sales teams'.split(
  ' ',
)

/**
 * Markdown of about `size` characters, half of them Chinese: headings, paragraphs, lists, links,
 * emphasis and code, with the seed's Chinese sentences and plain English ones.
 */
function markdownBody(chinese: string[], size: number, seed: number): string {
  const next = random(seed)
  const pick = <T>(list: T[]): T => list[Math.floor(next() * list.length)]!
  const latin = () => Array.from({ length: 12 + Math.floor(next() * 20) }, () => pick(LATIN)).join(' ')
  const parts: string[] = []
  let length = 0
  for (let i = 0; length < size; i++) {
    let part: string
    if (i % 12 === 0) part = `## 第 ${i / 12 + 1} 节 Section ${i / 12 + 1}`
    else if (i % 12 === 5) part = `- ${pick(chinese)}\n- ${latin()}\n- **${pick(chinese)}** [link](https://example.com/${i})`
    else if (i % 12 === 9) part = '```js\n' + `const value${i} = compute(${i}) // ${latin()}\n` + '```'
    else if (i % 3 !== 0) part = `${pick(chinese)}${pick(chinese)}**${pick(chinese)}**${pick(chinese)}${pick(chinese)}`
    else part = `${latin()}. ${latin()} *${latin()}*.`
    parts.push(part)
    length += part.length + 2
  }
  return parts.join('\n\n') + '\n'
}

function article(title: string, body: string): string {
  return `---\ntitle: '${title}'\ncategories:\n - 新媒体\n - bench\ntags: [云计算, 阿里]\nauthor: ZAKER\ndate: 2022-03-01 04:51:00\n---\n\n${body}`
}

async function chineseSentences(): Promise<string[]> {
  const seed = await readFile(SEED, 'utf8')
  const text = seed.slice(seed.indexOf('\n---\n', 5) + 5).replace(/<[^>]*>/g, '\n')
  return text
    .split(/(?<=[。！？])|\n/)
    .map((s) => s.trim())
    .filter((s) => /[\u4e00-\u9fff]/.test(s) && s.length > 8)
}

const median = (values: number[]) => quantile(values, 0.5)
const typeBursts = (page: Page, keys: string[]) =>
  bounded(typeCadenced(page, keys, { burst: BURST, gapMs: KEY_GAP_MS, pauseMs: PAUSE_MS }), 10 * 60_000, 'typing into the 1 MB article')

/** A wait the page itself should end (its own timers): this one ends it from here if the page cannot. */
const WAIT_MS = 90_000

async function launch(dir: string, script: string) {
  const app = await bounded(launchApp({ contentDir: dir, uncappedFrames: FRAMES === 'uncapped' }), 5 * 60_000, `the app to list ${dir}`)
  await bounded(app.page.evaluate(script), WAIT_MS, 'the bench helpers to load in the page')
  await bounded(
    app.page.evaluate(() => window.folioBench!.watchKeystrokes()),
    WAIT_MS,
    'the keystroke watch',
  )
  return app
}

async function openArticle(page: Page, path: string, marker: string): Promise<number> {
  // The page's watch starts before the click (its observer must see the editor change) and has its own timeout.
  const shown = page.evaluate(([m, ms]) => window.folioBench!.editorShows(m, ms), [marker, WAIT_MS - 10_000] as const)
  // If the click fails, the watch still ends by its own timeout: nothing is left pending unseen.
  shown.catch(() => undefined)
  await page.locator(`[data-testid=article-item][data-path="${path}"]`).click({ timeout: WAIT_MS })
  return bounded(shown, WAIT_MS, `the editor to show ${path}`)
}

async function heapMB(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('HeapProfiler.collectGarbage')
  const usage = await cdp.send('Runtime.getHeapUsage')
  return usage.usedSize / 1024 / 1024
}

const rows: Row[] = []
const root = await mkdtemp(join(tmpdir(), 'folio-renderer-bench-'))
try {
  const script = await pageScript()
  const chinese = await chineseSentences()
  const content = join(root, 'content')
  await mkdir(content)
  const bigBody = markdownBody(chinese, 1_000_000, 1)
  const midBody = markdownBody(chinese, 100_000, 2)
  await writeFile(join(content, 'big.md'), article('一兆字节 1 MB', bigBody))
  const midArticle = article('十万字节 100 KB', midBody)
  await writeFile(join(content, 'mid.md'), midArticle)
  for (const name of ['open-a', 'open-b']) {
    await writeFile(join(content, `${name}.md`), article(name, `Opening marker ${name}\n\n` + markdownBody(chinese, 100_000, name.length)))
  }
  const cjk = [...bigBody].filter((c) => /[\u3400-\u9fff]/.test(c)).length
  console.log(`1 MB article: ${bigBody.length} UTF-16 units, ${Math.round((100 * cjk) / bigBody.length)}% Han characters`)

  const app = await launch(content, script)
  try {
    const { page } = app
    if (!REFRESH_ONLY) {
      // Keystroke → paint: the app's editor and a bare CodeMirror on the same text, alternating.
      await openArticle(page, 'big.md', '第 1 节')
      const bigLines = article('一兆字节 1 MB', bigBody).split('\n')
      const line = bigLines.findIndex((l, i) => i > 12 && /^[\u4e00-\u9fff]/.test(l)) + 1
      /** The caret at the end of the line every 1 MB section types into, then a settle. */
      const caretAtTypedLine = async (): Promise<void> => {
        await page
          .locator('.cm-line', { hasText: bigLines[line - 1]!.slice(0, 12) })
          .first()
          .click({ timeout: WAIT_MS })
        await bounded(page.keyboard.press('End'), WAIT_MS, 'the End key')
        await sleep(SETTLE_MS)
      }
      const keys = typingText(KEYSTROKES)
      const ours: number[] = []
      const bare: number[] = []
      let refreshes = 0
      for (const half of [keys.slice(0, keys.length / 2), keys.slice(keys.length / 2)]) {
        await caretAtTypedLine()
        // The preview stays shown and follows the typing: its refreshes are counted.
        if (
          !(await bounded(
            page.evaluate(() => window.folioBench!.watchPreviewPatches()),
            WAIT_MS,
            'the preview frame',
          ))
        )
          throw new Error('renderer bench: the 1 MB article shows no preview')
        ours.push(...(await typeBursts(page, half)))
        refreshes += await bounded(
          page.evaluate(() => window.folioBench!.takePreviewPatches()),
          WAIT_MS,
          'the preview refresh count',
        )
        await bounded(
          page.evaluate(([doc, at]) => window.folioBench!.mountBareEditor(doc, at), [bigBody, 5] as const),
          WAIT_MS,
          'the bare editor',
        )
        await sleep(SETTLE_MS)
        bare.push(...(await typeBursts(page, half)))
        await bounded(
          page.evaluate(() => window.folioBench!.unmountBareEditor()),
          WAIT_MS,
          'the bare editor to go',
        )
      }
      console.log(
        `typing into 1 MB with the preview shown: ${refreshes} preview refreshes in ${KEYSTROKES} keys (${KEYSTROKES / BURST} pauses of ${PAUSE_MS} ms)`,
      )
      rows.push(rowOf('keystroke → paint p50 (1 MB)', median(ours), median(bare), 'reference'))
      rows.push(rowOf('keystroke → paint p95 (1 MB)', quantile(ours, 0.95), quantile(bare, 0.95), `≤ ${FRAME_MS} ms (one frame)`, { maxValue: FRAME_MS }))
      rows.push(overBare('keystroke → paint p95 over bare CodeMirror (1 MB)', quantile(ours, 0.95), quantile(bare, 0.95)))
      rows.push(rowOf('keystroke → paint max (1 MB)', Math.max(...ours), Math.max(...bare), 'reference'))

      if (PROFILE) {
        const cdp = await bounded(page.context().newCDPSession(page), WAIT_MS, 'a CDP session')
        await caretAtTypedLine()
        const summary = await profiled(cdp, () => typeBursts(page, keys.slice(0, BURST)))
        console.log(`\nCPU profile, one burst of ${BURST} keys into the 1 MB article (and its pause):`)
        printTop('self time', summary.self, 20)
        printTop('total time', summary.total, 30)
        printTop("total time, the app's own parts", new Map([...summary.total].filter(([fn]) => APP_PARTS.test(fn))), 25)
        await bounded(cdp.detach(), WAIT_MS, 'the CDP session to close')
      }

      // Typing during a 1 MB render: one key, then the burst as soon as the preview decides its pause
      // (its refresh mark; the pause grows with the last refresh's cost, so no fixed sleep fits), so
      // the burst is typed while the whole article renders (in the preview's worker). The same keys
      // into a bare CodeMirror with no preview at all are the baseline, after refreshPause for 1 MB.
      const during: number[] = []
      const bareDuring: number[] = []
      let overlapping = 0
      const duringKeys = typingText(DURING_ROUNDS * (DURING_BURST + 1))
      let undecided = 0
      const typeDuring = async (preview: boolean): Promise<number[]> => {
        await bounded(
          page.evaluate(() => window.folioBench!.takeKeystrokes()),
          WAIT_MS,
          'the page to hand over keystroke times',
        )
        for (let round = 0, k = 0; round < DURING_ROUNDS; round++) {
          const seen = await bounded(
            page.evaluate(() => window.folioBench!.lastRefreshMark()),
            WAIT_MS,
            'the last refresh mark',
          )
          await bounded(page.keyboard.type(duringKeys[k++]!), WAIT_MS, 'a key')
          if (!preview) await sleep(refreshPause(bigBody.length) + 30)
          else if (
            !(await bounded(
              page.evaluate(([s, ms]) => window.folioBench!.refreshDecided(s, ms), [seen, 5_000] as const),
              WAIT_MS,
              'the pause',
            ))
          )
            undecided++
          for (let i = 0; i < DURING_BURST; i++) {
            await bounded(page.keyboard.type(duringKeys[k++]!), WAIT_MS, 'a key')
            await sleep(KEY_GAP_MS)
          }
          await sleep(DURING_SETTLE_MS)
        }
        return bounded(
          page.evaluate(() => window.folioBench!.takeKeystrokes()),
          WAIT_MS,
          'the page to hand over keystroke times',
        )
      }
      await caretAtTypedLine()
      await bounded(
        page.evaluate(() => window.folioBench!.watchPreviewPatches()),
        WAIT_MS,
        'the preview frame',
      )
      during.push(...(await typeDuring(true)))
      overlapping = await bounded(
        page.evaluate(() => window.folioBench!.takePreviewPatches()),
        WAIT_MS,
        'the preview refresh count',
      )
      await bounded(
        page.evaluate(([doc, at]) => window.folioBench!.mountBareEditor(doc, at), [bigBody, 5] as const),
        WAIT_MS,
        'the bare editor',
      )
      await sleep(SETTLE_MS)
      bareDuring.push(...(await typeDuring(false)))
      await bounded(
        page.evaluate(() => window.folioBench!.unmountBareEditor()),
        WAIT_MS,
        'the bare editor to go',
      )
      console.log(
        `typing during a 1 MB render: ${DURING_ROUNDS} renders asked for, ${undecided} of them not begun within 5 s of the key, ${overlapping} preview patches seen`,
      )
      rows.push(rowOf('keystroke → paint p50 during a 1 MB render', median(during), median(bareDuring), 'reference'))
      rows.push(
        rowOf('keystroke → paint p95 during a 1 MB render', quantile(during, 0.95), quantile(bareDuring, 0.95), `≤ ${FRAME_MS} ms (one frame)`, {
          maxValue: FRAME_MS,
        }),
      )
      rows.push(overBare('keystroke → paint p95 over bare during a 1 MB render', quantile(during, 0.95), quantile(bareDuring, 0.95)))
      rows.push(rowOf('keystroke → paint max during a 1 MB render', Math.max(...during), Math.max(...bareDuring), 'reference'))
    }

    if (!TYPING_ONLY) {
      // Preview refresh: type a word into the 100 KB article, time from its last key to the preview showing it.
      await openArticle(page, 'mid.md', '第 1 节')
      const midLine = midBody.split('\n').find((l) => /^[\u4e00-\u9fff]/.test(l))!
      await page
        .locator('.cm-line', { hasText: midLine.slice(0, 12) })
        .first()
        .click({ timeout: WAIT_MS })
      await bounded(page.keyboard.press('End'), WAIT_MS, 'the End key')
      const refresh: number[] = []
      const fromKey: number[] = []
      const patched: number[] = []
      const plainRenders: number[] = []
      let refreshFailed: string | null = null
      for (let round = 0; round < PREVIEW_ROUNDS && !refreshFailed; round++) {
        // The baseline before each round's keys, while the page is quiet (the last refresh painted,
        // PAUSE_MS since), so it and the refresh see the same load on a shared machine.
        plainRenders.push(
          await bounded(
            page.evaluate(([text, n]) => window.folioBench!.markdownItMs(text, n), [midBody, 3] as const),
            WAIT_MS,
            'markdown-it alone',
          ),
        )
        const marker = `zqv${'abcdefghijklmnop'[round]}w`
        const shown = page.evaluate(([m, ms]) => window.folioBench!.previewShows(m, ms), [marker, WAIT_MS - 10_000] as const)
        shown.catch(() => undefined)
        for (const key of ` ${marker}`) {
          await bounded(page.keyboard.type(key), WAIT_MS, `the key ${key}`)
          await sleep(KEY_GAP_MS)
        }
        // A preview that never shows the word is reported in the table; the other metrics still run.
        const times = await bounded(shown, WAIT_MS, `the preview to show ${marker}`).catch((error: Error) => ((refreshFailed = error.message), null))
        refresh.push(times?.fromPause ?? NaN)
        fromKey.push(times?.fromKey ?? NaN)
        patched.push(times?.patched ?? NaN)
        await sleep(PAUSE_MS)
      }
      if (refreshFailed) console.log(`preview refresh: ${refreshFailed}`)
      // Where the refresh's time goes: its own work up to the patch, then the wait for the next frame and its paint.
      console.log(`preview refresh (100 KB): pause → frame patched ${median(patched).toFixed(1)} ms, → painted ${median(refresh).toFixed(1)} ms (median)`)
      const inPage = <T>(what: string, run: () => Promise<T>) => bounded(run(), WAIT_MS, what)
      const first = await inPage('the preview pipeline', () =>
        page.evaluate(([text, n]) => window.folioBench!.previewMs(text, n, true), [midArticle, 15] as const),
      )
      const again = await inPage('the preview pipeline after an edit', () =>
        page.evaluate(([text, n]) => window.folioBench!.previewMs(text, n, false), [midArticle, 15] as const),
      )
      rows.push(rowOf('preview first render (100 KB)', first, plainRenders, 'reference'))
      rows.push(rowOf('preview render after an edit (100 KB)', again, plainRenders, '≤ 2.0', { maxRatio: 2 }))
      rows.push(rowOf(`pause (${PREVIEW_PAUSE_MS} ms) decided → preview painted (100 KB)`, median(refresh), plainRenders, '≤ 2.0', { maxRatio: 2 }))
      rows.push(rowOf('last key → preview painted (100 KB)', median(fromKey), plainRenders, 'reference'))
    }
    if (!TYPING_ONLY && !REFRESH_ONLY) {
      // Open: alternate two 100 KB articles (a clean buffer is dropped, so each open reads the file again).
      const read = (path: string) =>
        page.evaluate(async (p) => {
          const start = performance.now()
          await (window as unknown as { folio: Pick<InvokeApi, 'readArticle'> }).folio.readArticle(p)
          return performance.now() - start
        }, path)
      const readBounded = (path: string) => bounded(read(path), WAIT_MS, `reading ${path}`)
      const opens: number[] = []
      const reads: number[] = []
      for (let round = 0; round < OPEN_ROUNDS; round++) {
        const name = round % 2 === 0 ? 'open-a' : 'open-b'
        opens.push(await openArticle(page, `${name}.md`, `Opening marker ${name}`))
        reads.push(await readBounded(`${name}.md`))
        await sleep(PAUSE_MS)
      }
      rows.push(rowOf('open → editor painted (100 KB)', median(opens), median(reads), '≤ 100 ms', { maxValue: 100 }))
      const bigOpens: number[] = []
      const bigReads: number[] = []
      for (let round = 0; round < (SMALL ? 1 : 3); round++) {
        await openArticle(page, 'open-a.md', 'Opening marker open-a')
        await sleep(PAUSE_MS)
        bigOpens.push(await openArticle(page, 'big.md', '第 1 节'))
        // The 1 MB preview renders after the editor shows: let it finish before reading.
        await sleep(PAUSE_MS * 5)
        bigReads.push(await readBounded('big.md'))
      }
      rows.push(rowOf('open → editor painted (1 MB)', median(bigOpens), median(bigReads), '≤ 100 ms', { maxValue: 100 }))
    }
  } finally {
    await bounded(app.close(), WAIT_MS, 'the app to close')
  }

  if (!TYPING_ONLY && !REFRESH_ONLY) {
    // Library heap: 10,000 small articles listed vs one.
    const heaps: number[] = []
    for (const count of [LIBRARY, 1]) {
      const dir = join(root, `library-${count}`)
      await mkdir(dir)
      for (let start = 0; start < count; start += 500) {
        await Promise.all(
          Array.from({ length: Math.min(500, count - start) }, (_, k) => {
            const i = start + k
            return writeFile(join(dir, `post-${i}.md`), article(`第 ${i} 篇 post ${i}`, markdownBody(chinese, 2_000, i)))
          }),
        )
      }
      const library = await launch(dir, script)
      try {
        const cdp = await bounded(library.page.context().newCDPSession(library.page), WAIT_MS, 'a CDP session')
        await sleep(1_000)
        heaps.push(await bounded(heapMB(cdp), WAIT_MS, 'the heap after GC'))
      } finally {
        await bounded(library.close(), WAIT_MS, 'the library app to close')
      }
    }
    rows.push(rowOf(`library heap MB (${LIBRARY} articles)`, heaps[0]!, heaps[1]!, '≤ 150 MB', { maxValue: 150 }))
  }
} finally {
  await rm(root, { recursive: true, force: true })
}

console.log(framesNote())
printTable(rows)
console.log(
  '\nbaselines: bare CodeMirror on the same text; markdown-it alone on the same body; folio.readArticle of the same file; the app with one article (heap in MB)',
)
