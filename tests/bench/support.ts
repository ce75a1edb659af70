/** What the benchmarks share: a generated folder of seed-sized articles, and a stopwatch. */
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'

/** A real article of the kind our users keep (ZAKER/雷峰网 news, HTML body, Chinese). */
export const SEED = fileURLToPath(new URL('../fixtures/sites/plain/zaker-news.txt', import.meta.url))

/**
 * Writes `count` articles made by `article(seed, i)` into folders of 100 (a real site's shape:
 * a flat folder of 10,000 files is rare) and returns their absolute paths.
 */
export async function generateArticles(root: string, count: number, article: (seed: string, i: number) => string): Promise<string[]> {
  const seed = await readFile(SEED, 'utf8')
  const paths: string[] = []
  for (let folder = 0; folder < count / 100; folder++) {
    const dir = join(root, `section-${folder}`)
    await mkdir(dir, { recursive: true })
    for (let j = 0; j < 100; j++) {
      const path = join(dir, `post-${folder * 100 + j}.md`)
      await writeFile(path, article(seed, folder * 100 + j))
      paths.push(path)
    }
  }
  return paths
}

export async function time(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await fn()
  return performance.now() - start
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

/** One line of a benchmark's table: our time, the baseline measured in the same run, their ratio. */
export interface Row {
  metric: string
  ours: number
  baseline: number
  ratio: number
  target: string
}

/** The table every benchmark prints (and its quick tests read): metric, ours, baseline, ratio, target. */
export function printTable(rows: Row[]): void {
  const width = Math.max(30, ...rows.map((r) => r.metric.length + 2))
  console.log(`${'metric'.padEnd(width)}${'ours ms'.padStart(10)}${'baseline ms'.padStart(13)}${'ratio'.padStart(8)}  target`)
  for (const r of rows) {
    console.log(`${r.metric.padEnd(width)}${r.ours.toFixed(1).padStart(10)}${r.baseline.toFixed(1).padStart(13)}${r.ratio.toFixed(2).padStart(8)}  ${r.target}`)
  }
}

/**
 * Runs a benchmark script in small mode (BENCH_SMALL=1) the way `npm run bench:*` does, and
 * returns its table: the header line and the rows. The quick tests check it runs and prints.
 */
export async function runSmall(script: string): Promise<{ header: string; rows: string[] }> {
  const repo = fileURLToPath(new URL('../../', import.meta.url))
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
    cwd: repo,
    env: { ...process.env, BENCH_SMALL: '1' },
  })
  const [header = '', ...rows] = stdout.trim().split('\n')
  return { header, rows }
}
