/**
 * Form benchmark: typing into the properties form of the built renderer (Chromium through the e2e
 * harness) with a big Hexo folder listed, against a bare <input> mounted over the same page and
 * typed into in the same run, alternating halves so load on the machine falls on both alike.
 * Build first (`npx electron-vite build`), then
 *   npx tsx tests/bench/form.bench.ts          (10,000 posts; BENCH_SMALL=1: 500 posts and fewer keys)
 *   BENCH_LIBRARY=2000 npx tsx tests/bench/form.bench.ts
 *   BENCH_PROFILE=1 …  also records a CPU profile of one typed burst per field and prints the
 *                      functions that took the most time (self and total) while typing.
 *     BENCH_PROFILE_KEYS=160  profiles that many keys (in the same bursts) instead of one burst
 *     BENCH_PROFILE_OUT=/tmp/form  also writes each profile whole (/tmp/form-1.cpuprofile, …) to
 *                      read its call tree: on a loaded machine one sample can carry a long gap, so
 *                      the summed times above name whatever was on the stack when the window waited
 * Metrics (keystroke → paint, from the key event's own timestamp to the paint after it):
 *   text field   `author`, a short text field, typed at the end of its value
 *   title        `title`, the field that also feeds the field checks and the library row
 * Printed for each: p50, p95 and max of the form and of the bare input, and their ratio; then the
 * form's p95 less the bare input's, for reference (load on the machine slows both alike).
 * Target: the form's p95 within one frame (16.7 ms), with frames drawn when ready (report.ts FRAMES).
 */
import type { Page } from '@playwright/test'
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { launchApp } from '../e2e/harness'
import { printTop, profiled } from './cpu-profile'
import { FRAME_MS, FRAMES, framesNote, overBare, printTable, rowOf, type Row } from './report'
import { generateArticles } from './support'
import { bounded, pageScript, quantile, sleep, typeBursts, typingText, type Cadence } from './typing'

const SMALL = process.env.BENCH_SMALL === '1'
const LIBRARY = Number(process.env.BENCH_LIBRARY ?? (SMALL ? 500 : 10_000))
const KEYSTROKES = SMALL ? 40 : 160
const CADENCE: Cadence = { burst: SMALL ? 10 : 20, gapMs: 50, pauseMs: 400 }
/** Time for the page to settle after focus moves, before typing starts. */
const SETTLE_MS = 1_000
const PROFILE = process.env.BENCH_PROFILE === '1'
const PROFILE_KEYS = Number(process.env.BENCH_PROFILE_KEYS ?? CADENCE.burst)
/** One frame at 60 Hz: the most a keystroke in the form may cost over one in a bare input. */
/** Components and functions of ours worth seeing in a profile beside the framework's. */
const APP_PARTS =
  /^(Workbench|PropertiesForm|FieldRow|FieldWidget|TextField|DateField|ChipsField|AddField|FieldChecks|Library|ArticleList|Preview|PreviewPane|StatusBar|Toolbar|GitPanels|LibraryPane|EditorPane|WorkbenchDialogs|Editor|flushFormWrites|setValue|readHeader|headerTokens|parse|checkFields|subjectOfParsed|previewBody|publish|write|dispatch|headerDiagnostics|textStats) /
/** The longest a click, a focus or an in-page call may take on a loaded machine before the run fails. */
const STEP_TIMEOUT_MS = 60_000
/** Opening a 10,000-post folder indexes it first: the library may take minutes on a loaded machine. */
const LIBRARY_TIMEOUT_MS = 600_000

/** The seed with its own title, date, tags and a theme's keys, the way a Hexo blog's posts differ. */
function post(seed: string, i: number): string {
  const body = seed.slice(seed.indexOf('\n---\n', 5) + 5)
  const day = String((i % 28) + 1).padStart(2, '0')
  const month = String((i % 12) + 1).padStart(2, '0')
  return `---
title: '第 ${i} 篇：阿里云或将空降 M7 级高管'
date: ${2015 + (i % 10)}-${month}-${day} 04:51:00
author: ZAKER
categories:
 - 新媒体
 - channel-${i % 7}
tags: [云计算, 阿里, t${i % 50}]
comments: ${i % 3 === 0}
thumbnail: 'https://example.com/${i}.jpg'
description: 第 ${i} 篇的摘要
---
${body}`
}

/** Types into `field` and into a bare input, alternating halves; returns both sets of times. */
async function measure(page: Page, field: string, keys: string[]): Promise<{ form: number[]; bare: number[] }> {
  const input = page.locator(`[data-testid=property][data-key="${field}"] input`).first()
  const form: number[] = []
  const bare: number[] = []
  for (const half of [keys.slice(0, keys.length / 2), keys.slice(keys.length / 2)]) {
    await input.click({ timeout: STEP_TIMEOUT_MS })
    await input.press('End', { timeout: STEP_TIMEOUT_MS })
    await sleep(SETTLE_MS)
    form.push(...(await typeBursts(page, half, CADENCE)))
    await bounded(
      page.evaluate(() => window.folioBench!.mountBareInput()),
      STEP_TIMEOUT_MS,
      'the bare input to mount',
    )
    await sleep(SETTLE_MS)
    bare.push(...(await typeBursts(page, half, CADENCE)))
    await bounded(
      page.evaluate(() => window.folioBench!.unmountBareInput()),
      STEP_TIMEOUT_MS,
      'the bare input to go',
    )
  }
  return { form, bare }
}

const root = await mkdtemp(join(tmpdir(), 'folio-form-bench-'))
const rows: Row[] = []
try {
  const site = join(root, 'site')
  await mkdir(join(site, 'source', '_posts'), { recursive: true })
  await writeFile(join(site, '_config.yml'), 'title: Bench\ntimezone: Asia/Shanghai\n')
  await writeFile(join(site, 'package.json'), '{"dependencies":{"hexo":"^7.0.0"}}\n')
  await generateArticles(join(site, 'source', '_posts'), LIBRARY, post)
  const script = await pageScript()
  const started = performance.now()
  const app = await launchApp({ contentDir: site, libraryTimeoutMs: LIBRARY_TIMEOUT_MS, uncappedFrames: FRAMES === 'uncapped' })
  console.log(`${LIBRARY} posts: folder open and library listed in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  try {
    const { page } = app
    await bounded(page.evaluate(script), STEP_TIMEOUT_MS, 'the bench helpers to load')
    await bounded(
      page.evaluate(() => window.folioBench!.watchKeystrokes()),
      STEP_TIMEOUT_MS,
      'the keystroke watch to start',
    )
    await page.locator('[data-testid=article-item]').first().click({ timeout: STEP_TIMEOUT_MS })
    await page.locator('[data-testid=property][data-key="author"] input').waitFor({ timeout: STEP_TIMEOUT_MS })
    const keys = typingText(KEYSTROKES)
    for (const field of ['author', 'title']) {
      const { form, bare } = await measure(page, field, keys)
      rows.push(rowOf(`${field}: keystroke → paint p50`, quantile(form, 0.5), quantile(bare, 0.5), 'reference'))
      const formP95 = quantile(form, 0.95)
      const bareP95 = quantile(bare, 0.95)
      rows.push(rowOf(`${field}: keystroke → paint p95`, formP95, bareP95, `≤ ${FRAME_MS} ms (one frame)`, { maxValue: FRAME_MS }))
      rows.push(overBare(`${field}: p95 over the bare input`, formP95, bareP95))
      rows.push(rowOf(`${field}: keystroke → paint max`, Math.max(...form), Math.max(...bare), 'reference'))
      if (PROFILE) {
        const cdp = await bounded(page.context().newCDPSession(page), STEP_TIMEOUT_MS, 'a CDP session')
        await page.locator(`[data-testid=property][data-key="${field}"] input`).first().click({ timeout: STEP_TIMEOUT_MS })
        await sleep(SETTLE_MS)
        const summary = await profiled(cdp, () => typeBursts(page, keys.slice(0, PROFILE_KEYS), CADENCE))
        console.log(`\nCPU profile, ${PROFILE_KEYS} keys (bursts of ${CADENCE.burst}) into ${field}:`)
        printTop('self time', summary.self, 15)
        printTop('total time', summary.total, 25)
        printTop("total time, the app's own parts", new Map([...summary.total].filter(([fn]) => APP_PARTS.test(fn))), 25)
        await bounded(cdp.detach(), STEP_TIMEOUT_MS, 'the CDP session to close')
      }
    }
  } finally {
    await bounded(app.close(), STEP_TIMEOUT_MS, 'the app to close')
  }
} finally {
  await rm(root, { recursive: true, force: true })
}

console.log(framesNote())
printTable(rows)
console.log(
  `\n${LIBRARY} posts listed; target: the form's keystroke → paint p95 within one frame (16.7 ms); the bare <input> typed into over the same page in the same run is its baseline`,
)
