/**
 * Workspace benchmark: ratios against baselines measured in the same run, on generated
 * seed-sized articles (10,000 by default, 500 with BENCH_SMALL=1).
 *   npx tsx tests/bench/workspace.bench.ts
 * Metrics:
 *   cold index   openWorkspace + list with an empty cache   vs  read every file + yaml.parse its header
 *   warm re-open openWorkspace + list with the cache        vs  read every file's raw bytes
 *   app re-open  what the window's re-open of a folder the app opened before costs the main
 *                process: the handlers' openFolder (its reply carries the first rows) and the
 *                window's rowsSince asks until it holds every row and the final schema, with the
 *                cache the earlier open left  vs  the same raw read
 *   list + stat  a recursive listing of the folder and one stat per file (reference: the listing
 *                is most of it, and a re-open lists only the folders that changed)
 *   stat floor   one stat per file and per folder from a list of their paths, no listing: the
 *                least a re-open that never serves a changed file from its cache must do (reference)
 * Each baseline runs with readFileSync and with fs/promises; the ratio is against the faster.
 *   search       time to the first page of results          vs  the 100 ms budget
 * Baselines run in the same process, interleaved with ours, and each figure is a median.
 */
import { readFileSync, statSync } from 'node:fs'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parse as parseYaml } from 'yaml'
import { createHandlers } from '../../electron/handlers'
import type { RowsCursor } from '../../shared/contract'
import { openWorkspace } from '../../electron/workspace/workspace'
import { bounded, generateArticles, median, printTable, rowOf, time, type Row } from './support'

const COUNT = process.env.BENCH_SMALL === '1' ? 500 : 10_000
const ROUNDS = process.env.BENCH_SMALL === '1' ? 3 : 5
const SEARCH_BUDGET_MS = 100
/** An app re-open that has not listed every row by then is stuck, not slow. */
const REOPEN_TIMEOUT_MS = 120_000

/** The seed with a different title, date, tags and a rotated body, so no two files are equal. */
function article(seed: string, i: number): string {
  const body = seed.slice(seed.indexOf('\n---\n', 5) + 5)
  const cut = (i * 97) % body.length
  const day = String((i % 28) + 1).padStart(2, '0')
  const month = String((i % 12) + 1).padStart(2, '0')
  return `
---
title: '第 ${i} 篇：阿里云或将空降 M7 级高管'
categories:
 - 新媒体
 - ZAKER
 - channel-${i % 7}
tags: [云计算, 阿里, t${i % 50}]
author: ZAKER
comments: false
date: ${2015 + (i % 10)}-${month}-${day} 04:51:00
thumbnail: 'https://example.com/${i}.jpg'
---
${body.slice(cut)}${body.slice(0, cut)}
`
}

function generate(root: string): Promise<string[]> {
  return generateArticles(root, COUNT, article)
}

/** Baseline 1: list the folder, read every file and parse its header with the yaml package. */
async function readAndParseAll(root: string, read: (path: string) => Promise<string> | string): Promise<number> {
  let keys = 0
  for (const name of await readdir(root, { recursive: true })) {
    if (!name.endsWith('.md')) continue
    const text = await read(join(root, name))
    const start = text.indexOf('---\n')
    const end = text.indexOf('\n---\n', start + 4)
    const header = parseYaml(text.slice(start + 4, end)) as Record<string, unknown>
    keys += Object.keys(header).length
  }
  return keys
}

/** Baseline 2: list the folder and read every file's raw bytes. */
async function readAllBytes(root: string, read: (path: string) => Promise<Buffer> | Buffer): Promise<number> {
  let bytes = 0
  for (const name of await readdir(root, { recursive: true })) {
    if (name.endsWith('.md')) bytes += (await read(join(root, name))).length
  }
  return bytes
}

/** A recursive listing and one stat per file. */
async function statAll(root: string): Promise<number> {
  let bytes = 0
  for (const name of await readdir(root, { recursive: true })) {
    if (name.endsWith('.md')) bytes += statSync(join(root, name)).size
  }
  return bytes
}

/** One stat per folder and per file of a known list, no listing: what checking every file and folder against the cache costs at least. */
function statEach(paths: readonly string[]): number {
  let bytes = 0
  for (const path of paths) bytes += statSync(path).size
  return bytes
}

/**
 * The window re-opening the folder, as far as the main process goes: openFolder through the real
 * handlers (its reply carries the first rows), then rowsSince as the library asks, until the rows
 * number every article and the final schema came (sent once the index has checked every file).
 * Returns the time that took and the rows the window would hold; the folder's close after is not timed.
 */
async function appReopen(root: string, cacheDir: string): Promise<{ ms: number; rows: number }> {
  const handlers = createHandlers({ trash: noTrash, cacheDir, watch: false, emit: () => undefined })
  const start = performance.now()
  const deadline = start + REOPEN_TIMEOUT_MS
  try {
    const left = () => Math.max(0, deadline - performance.now())
    const opened = await bounded(handlers.openFolder(root), left(), 'the re-open')
    if (!opened) throw new Error('the re-open was refused')
    let cursor: RowsCursor = opened.rows.cursor
    let rows = opened.rows.articles.length
    for (;;) {
      if (performance.now() > deadline) throw new Error(`the re-open listed ${rows} rows in ${REOPEN_TIMEOUT_MS} ms and no schema`)
      const update = await bounded(handlers.rowsSince(cursor), left(), "the re-open's rows")
      if (!update) throw new Error('the open was replaced while it listed')
      rows += update.rows.length
      cursor = update.cursor
      if (update.schema && !update.more) return { ms: performance.now() - start, rows }
      // The index is still checking files: ask again shortly, as the window does on its progress event.
      if (!update.more) await new Promise((resolve) => setTimeout(resolve, 5))
    }
  } finally {
    await bounded(handlers.closeFolder(), REOPEN_TIMEOUT_MS, 'the folder to close')
  }
}

// Each baseline is measured two ways: with fs/promises (what non-blocking main-process code
// writes) and with the sync calls (the fastest a single thread can read, blocking while it does).
const asyncText = (path: string): Promise<string> => readFile(path, 'utf8')
const syncText = (path: string): string => readFileSync(path, 'utf8')
const asyncBytes = (path: string): Promise<Buffer> => readFile(path)
const syncBytes = (path: string): Buffer => readFileSync(path)

const noTrash = async (): Promise<void> => {
  throw new Error('the benchmark never trashes')
}

export async function runBenchmark(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-bench-'))
  try {
    const root = join(dir, 'site')
    const files = await generate(root)
    const everyPath = [root, ...new Set(files.map((f) => dirname(f))), ...files]
    // Warm the page cache and the JIT for every contender before measuring.
    await readAllBytes(root, syncBytes)
    await readAndParseAll(root, syncText)
    const m: Record<
      'cold' | 'coldAsync' | 'coldSync' | 'warm' | 'warmAsync' | 'warmSync' | 'app' | 'appSync' | 'stat' | 'statEach' | 'search' | 'searchAfterWarm',
      number[]
    > = {
      cold: [],
      coldAsync: [],
      coldSync: [],
      warm: [],
      warmAsync: [],
      warmSync: [],
      app: [],
      appSync: [],
      stat: [],
      statEach: [],
      search: [],
      searchAfterWarm: [],
    }
    let articles = 0
    for (let round = 0; round < ROUNDS; round++) {
      const cacheDir = join(dir, `cache-${round}`)
      m.coldAsync.push(await time(() => readAndParseAll(root, asyncText)))
      m.coldSync.push(await time(() => readAndParseAll(root, syncText)))
      const start = performance.now()
      const ws = await openWorkspace({ root, trash: noTrash, cacheDir })
      articles = (await ws.list()).length
      m.cold.push(performance.now() - start)
      m.search.push(await time(() => ws.search('蔡英华', 20)))
      m.search.push(await time(() => ws.search('云巨头 自救', 20)))
      m.search.push(await time(() => ws.search('没有这个词', 20)))
      await ws.close()
      m.warmAsync.push(await time(() => readAllBytes(root, asyncBytes)))
      m.warmSync.push(await time(() => readAllBytes(root, syncBytes)))
      const again = performance.now()
      const warm = await openWorkspace({ root, trash: noTrash, cacheDir })
      articles = (await warm.list()).length
      m.warm.push(performance.now() - again)
      m.searchAfterWarm.push(await time(() => warm.search('蔡英华', 20)))
      await warm.close()
      // The app opened this folder before (the cache it leaves holds what the app asks for, the
      // folder schema included); then its re-open, beside a raw read and a stat of every file just before.
      await appReopen(root, cacheDir)
      m.appSync.push(await time(() => readAllBytes(root, syncBytes)))
      m.stat.push(await time(() => statAll(root)))
      m.statEach.push(await time(async () => statEach(everyPath)))
      const app = await appReopen(root, cacheDir)
      m.app.push(app.ms)
      if (app.rows < COUNT) throw new Error(`the app re-open listed ${app.rows} rows, expected ${COUNT}`)
    }
    if (articles !== COUNT) throw new Error(`indexed ${articles} articles, expected ${COUNT}`)
    // Headline ratios are against the fastest plain reader of the run (the sync one, as a rule);
    // the other reader is shown for reference.
    const coldBase = [median(m.coldSync), median(m.coldAsync)]
    const warmBase = [median(m.warmSync), median(m.warmAsync)]
    return [
      rowOf(`cold index, ${COUNT} files`, median(m.cold), coldBase, '≤ 1.0 × read + yaml.parse (fastest reader)', { maxRatio: 1 }),
      rowOf('  same, fs/promises baseline', median(m.cold), median(m.coldAsync), 'reference (fs/promises + yaml)'),
      rowOf('warm re-open from cache', median(m.warm), warmBase, '≤ 0.3 × raw read (fastest reader)', { maxRatio: 0.3 }),
      rowOf('  same, fs/promises baseline', median(m.warm), median(m.warmAsync), 'reference (fs/promises raw bytes)'),
      rowOf('app re-open: every row and the schema', median(m.app), [median(m.appSync), ...warmBase], '≤ 0.3 × raw read (fastest reader)', { maxRatio: 0.3 }),
      rowOf('  stat of every file', median(m.stat), [median(m.appSync), ...warmBase], 'reference (recursive listing + a stat per file)'),
      rowOf('  stat of every file and folder, no listing', median(m.statEach), [median(m.appSync), ...warmBase], 'reference (the floor of a safe re-open)'),
      rowOf('search, first results', median(m.search), SEARCH_BUDGET_MS, '≤ 100 ms budget', { maxValue: SEARCH_BUDGET_MS }),
      rowOf('  first search after re-open', median(m.searchAfterWarm), SEARCH_BUDGET_MS, 'reference (texts still loading)'),
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printTable(await runBenchmark())
