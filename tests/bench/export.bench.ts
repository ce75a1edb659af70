/**
 * Export benchmark: a site from 1,000 generated seed-sized articles (100 with BENCH_SMALL=1),
 * against the 5 s budget and a baseline measured in the same run.
 *   node --import tsx/esm tests/bench/export.bench.ts   (ESM hooks only: `npx tsx` also
 *   hooks require(), which turns jsdom's parse5 into getter-wrapped CommonJS, ~20% slower)
 * Metrics:
 *   site export   exportSite (pages, tags, categories, feeds)  vs  the 5,000 ms budget
 *   its cpu       CPU time of all threads during the site export (sanitizing runs on every core)
 *   baseline      read every file + renderMarkdown + write one .html each, no sanitizing or theme
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { availableParallelism, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { exportSite } from '../../electron/export/site'
import { renderMarkdown } from '../../shared/markdown'

const COUNT = process.env.BENCH_SMALL === '1' ? 100 : 1_000
const BUDGET_MS = 5_000
const SEED = fileURLToPath(new URL('../fixtures/export/seed/000_96ee1b00782f1bda.txt', import.meta.url))

/** The seed with its own title, date, tags and paragraph order, so no two files are equal. */
function article(seed: string, i: number): string {
  const body = seed.slice(seed.indexOf('\n---\n', 5) + 5)
  const paragraphs = body.split('</p>')
  const cut = (i * 7) % paragraphs.length
  const month = String((i % 12) + 1).padStart(2, '0')
  const day = String((i % 28) + 1).padStart(2, '0')
  return `---
title: '第 ${i} 篇：阿里云或将空降 M7 级高管'
categories:
 - 新媒体
 - channel-${i % 7}
tags: [云计算, t${i % 40}]
author: ZAKER
date: ${2015 + (i % 10)}-${month}-${day} 04:${String(i % 60).padStart(2, '0')}:00
---
${[...paragraphs.slice(cut), ...paragraphs.slice(0, cut)].join('</p>')}
`
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

const root = await mkdtemp(join(tmpdir(), 'folio-export-bench-'))
try {
  const seed = await readFile(SEED, 'utf8')
  const src = join(root, 'articles')
  await mkdir(src)
  const names: string[] = []
  for (let i = 0; i < COUNT; i++) {
    names.push(`article-${i}.md`)
    await writeFile(join(src, `article-${i}.md`), article(seed, i))
  }
  const baseline = await time(async () => {
    await mkdir(join(root, 'baseline'))
    for (const name of names) {
      const text = await readFile(join(src, name), 'utf8')
      await writeFile(join(root, 'baseline', `${name}.html`), renderMarkdown(text.slice(text.indexOf('\n---\n', 3) + 5)))
    }
  })
  let articles = 0
  const cpuBefore = process.cpuUsage()
  const site = await time(async () => {
    const result = await exportSite(src, join(root, 'site'))
    articles = result.articles
    if (result.failures.length) throw new Error(`bench articles failed: ${result.failures[0]?.error.message}`)
  })
  const cpu = process.cpuUsage(cpuBefore)
  const row = (name: string, ms: number, vs: string): string => `${name.padEnd(14)} ${ms.toFixed(0).padStart(7)} ms   ${vs}`
  console.log(`export benchmark: ${articles} articles of ~${(seed.length / 1024).toFixed(1)} KB`)
  console.log(row('baseline', baseline, 'read + renderMarkdown + write'))
  console.log(
    row(
      'site export',
      site,
      `${(site / baseline).toFixed(1)}x baseline, ${((site / BUDGET_MS) * 100).toFixed(0)}% of the ${BUDGET_MS} ms budget${COUNT === 1_000 ? '' : ' (scaled run)'}`,
    ),
  )
  console.log(
    row('  its cpu', (cpu.user + cpu.system) / 1000, `all threads (${availableParallelism()} cores; the load of other processes shows as wall > cpu / cores)`),
  )
} finally {
  await rm(root, { recursive: true, force: true })
}
