/**
 * Taxonomy benchmark: renaming a tag used by half of the articles (5,000 of 10,000 by default,
 * 250 of 500 with BENCH_SMALL=1), with baselines measured in the same run.
 *   npm run bench:taxonomy
 * Metrics:
 *   taxonomy     collect every list key's values (cold header cache)  vs  read every file
 *   preview      plan the rename as the dialog asks: read and hash each
 *                file, diffs of the first page (the rest follow)       vs  read every file
 *   full plan    every file's patches and diff (the command line)      vs  read every file
 *   apply        hash-checked atomic save of each file, journal        vs  atomic write of each file
 *                (and right after the preview, when the last diffs are still being computed)
 *   undo         restore each file from the journal                   vs  atomic write of each file
 * plus preview and apply against their budgets (1 s and 5 s). Figures are medians of the rounds;
 * each round renames, undoes, and so starts from the same bytes.
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createTaxonomyService } from '../../electron/taxonomy/service'
import { writeFileAtomic } from '../../electron/workspace/atomic-write'
import { openWorkspace } from '../../electron/workspace/workspace'
import { generateArticles, median, printTable, time, type Row } from './support'

const SMALL = process.env.BENCH_SMALL === '1'
const COUNT = SMALL ? 500 : 10_000
const ROUNDS = 3
const PREVIEW_BUDGET_MS = 1000
const APPLY_BUDGET_MS = 5000

/** A seed-sized article; every other one carries the tag the benchmark renames. */
function article(seed: string, i: number): string {
  const body = seed.slice(seed.indexOf('\n---\n', 5) + 5)
  const cut = (i * 97) % body.length
  const target = i % 2 === 0 ? '  - 云计算\n' : ''
  return `---
title: '第 ${i} 篇：阿里云或将空降 M7 级高管'
date: ${2015 + (i % 10)}-0${(i % 9) + 1}-1${i % 10} 04:51:00
tags:
  - 阿里
${target}  - t${i % 50}
categories: [新媒体, channel-${i % 7}]
author: ZAKER
---
${body.slice(cut)}${body.slice(0, cut)}
`
}

function generate(root: string): Promise<string[]> {
  return generateArticles(root, COUNT, article)
}

export async function runBenchmark(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-bench-taxonomy-'))
  try {
    const root = join(dir, 'site')
    const paths = await generate(root)
    const tagged = paths.filter((_, i) => i % 2 === 0)
    const readAll = async () => {
      let bytes = 0
      for (const name of await readdir(root, { recursive: true })) if (name.endsWith('.md')) bytes += readFileSync(join(root, name)).length
      return bytes
    }
    const rewriteTagged = async () => {
      for (const path of tagged) await writeFileAtomic(path, readFileSync(path))
    }
    const m: Record<'collect' | 'read' | 'preview' | 'full' | 'applyAtOnce' | 'apply' | 'write' | 'undo', number[]> = {
      collect: [],
      read: [],
      preview: [],
      full: [],
      applyAtOnce: [],
      apply: [],
      write: [],
      undo: [],
    }
    const apply = async (service: ReturnType<typeof createTaxonomyService>, planId: string): Promise<string> => {
      const result = await service.apply(planId)
      if (result.changed.length !== tagged.length) throw new Error(`changed ${result.changed.length} files, expected ${tagged.length}`)
      return result.id
    }
    await readAll()
    for (let round = 0; round < ROUNDS; round++) {
      const ws = await openWorkspace({ root, trash: async () => undefined })
      const service = createTaxonomyService(ws, { journalDir: join(dir, 'journal') })
      m.read.push(await time(readAll))
      m.collect.push(await time(() => service.taxonomy()))
      const rename = { kind: 'rename', key: 'tags', from: '云计算', to: '云服务' } as const
      let planId = ''
      m.preview.push(
        await time(async () => {
          const plan = await service.plan(rename)
          if (plan.files.length + plan.pending !== tagged.length)
            throw new Error(`planned ${plan.files.length} + ${plan.pending} files, expected ${tagged.length}`)
          planId = plan.id
        }),
      )
      // Applied at once, as a user who does not read the preview would: apply first waits for
      // the diffs still being computed, so this figure includes them.
      let resultId = ''
      m.applyAtOnce.push(await time(async () => (resultId = await apply(service, planId))))
      m.write.push(await time(rewriteTagged))
      m.undo.push(await time(() => service.undo(resultId)))
      // The same rename previewed in full (what the command line prints), then applied.
      m.full.push(
        await time(async () => {
          const plan = await service.planFull(rename)
          if (plan.files.length !== tagged.length) throw new Error(`planned ${plan.files.length} files, expected ${tagged.length}`)
          planId = plan.id
        }),
      )
      m.apply.push(await time(async () => (resultId = await apply(service, planId))))
      m.undo.push(await time(() => service.undo(resultId)))
      await ws.close()
    }
    const n = `${tagged.length} of ${COUNT}`
    const rows: Omit<Row, 'ratio'>[] = [
      { metric: `taxonomy, ${COUNT} files`, ours: median(m.collect), baseline: median(m.read), target: 'reference (read every file)' },
      { metric: `preview rename, ${n}`, ours: median(m.preview), baseline: median(m.read), target: 'reference (read every file)' },
      { metric: '  same, against the budget', ours: median(m.preview), baseline: PREVIEW_BUDGET_MS, target: '≤ 1.0 (1 s)', maxRatio: 1 },
      { metric: `full plan, ${n}`, ours: median(m.full), baseline: median(m.read), target: 'reference (read every file)' },
      { metric: `apply rename, ${n}`, ours: median(m.apply), baseline: median(m.write), target: 'reference (atomic write of each file)' },
      { metric: '  same, against the budget', ours: median(m.apply), baseline: APPLY_BUDGET_MS, target: '≤ 1.0 (5 s)', maxRatio: 1 },
      {
        metric: '  applied right after the preview',
        ours: median(m.applyAtOnce),
        baseline: APPLY_BUDGET_MS,
        target: 'reference (5 s; includes the last diffs)',
      },
      { metric: `undo, ${n}`, ours: median(m.undo), baseline: median(m.write), target: 'reference (atomic write of each file)' },
    ]
    return rows.map((r) => ({ ...r, ratio: r.ours / r.baseline }))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printTable(await runBenchmark())
