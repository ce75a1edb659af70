/**
 * Folder schema benchmark: what the schema adds to the cold index, on generated seed-sized
 * articles (10,000 by default, 500 with BENCH_SMALL=1), measured in the same run.
 *   npx tsx tests/bench/schema.bench.ts
 * Metrics:
 *   schema share   observing every header (done while indexing) + building the schema
 *                  vs  the cold index itself (openWorkspace + list, empty cache)   target ≤ 0.05
 *   rebuild        ws.schema() after a save invalidated it   vs  the same cold index
 * The observation cost is timed on the same headers the index parses (parsed beforehand, untimed),
 * so it is the schema's own work, not the parse both share.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { openWorkspace } from '../../electron/workspace/workspace'
import { parse } from '../../shared/frontmatter'
import { buildFolderSchema, observeHeader } from '../../shared/schema'
import { generateArticles, median, printTable, time, type Row } from './support'

const COUNT = process.env.BENCH_SMALL === '1' ? 500 : 10_000
const ROUNDS = process.env.BENCH_SMALL === '1' ? 3 : 5

/** The seed with a different title, date, tags, a theme's keys and a rotated body. */
function article(seed: string, i: number): string {
  const body = seed.slice(seed.indexOf('\n---\n', 5) + 5)
  const cut = (i * 97) % body.length
  const day = String((i % 28) + 1).padStart(2, '0')
  const month = String((i % 12) + 1).padStart(2, '0')
  return `---
title: '第 ${i} 篇：阿里云或将空降 M7 级高管'
categories:
 - 新媒体
 - channel-${i % 7}
tags: [云计算, 阿里, t${i % 50}]
author: ZAKER
comments: ${i % 3 === 0}
date: ${2015 + (i % 10)}-${month}-${day} 04:51:00
thumbnail: 'https://example.com/${i}.jpg'
description: ${i % 2 ? '这是一段比较长的摘要，用来测试长文本字段在文件夹结构里的识别和统计，不会被当作建议值。'.repeat(2) : 'short'}
weight: ${i % 10}
---
${body.slice(cut)}${body.slice(0, cut)}
`
}

const noTrash = async (): Promise<void> => {
  throw new Error('the benchmark never trashes')
}

export async function runBenchmark(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-schema-bench-'))
  try {
    const root = join(dir, 'site')
    const paths = await generateArticles(root, COUNT, article)
    const texts = await Promise.all(paths.map((p) => readFile(p, 'utf8')))
    const parsed = texts.map((text) => parse(text))
    const cold: number[] = []
    const observe: number[] = []
    const build: number[] = []
    const rebuild: number[] = []
    for (let round = 0; round < ROUNDS; round++) {
      const start = performance.now()
      const ws = await openWorkspace({ root, trash: noTrash })
      if ((await ws.list()).length !== COUNT) throw new Error('the index missed articles')
      cold.push(performance.now() - start)
      let observed: { path: string; fields: ReturnType<typeof observeHeader> }[] = []
      observe.push(
        await time(async () => (observed = texts.map((text, i) => ({ path: relative(root, paths[i] ?? ''), fields: observeHeader(text, parsed[i]!) })))),
      )
      build.push(await time(async () => buildFolderSchema(observed, { kind: 'plain', contentRoots: [''] })))
      // A save invalidates the schema; the next ask rebuilds it from the cached observations.
      const first = relative(root, paths[0] ?? '')
      const file = await ws.read(first)
      await ws.save(first, file.text.replace('author: ZAKER', `author: ZAKER ${round}`), file.hash)
      rebuild.push(await time(() => ws.schema()))
      await ws.close()
    }
    const share = median(observe) + median(build)
    const rows: Omit<Row, 'ratio'>[] = [
      { metric: `schema share of cold index, ${COUNT} files`, ours: share, baseline: median(cold), target: '≤ 0.05', maxRatio: 0.05 },
      { metric: '  observing headers (while indexing)', ours: median(observe), baseline: median(cold), target: 'reference' },
      { metric: '  building the schema', ours: median(build), baseline: median(cold), target: 'reference' },
      { metric: 'schema after a save', ours: median(rebuild), baseline: median(cold), target: 'reference' },
    ]
    return rows.map((r) => ({ ...r, ratio: r.ours / r.baseline }))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printTable(await runBenchmark())
