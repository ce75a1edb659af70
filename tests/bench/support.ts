/** What the benchmarks share: a generated folder of seed-sized articles, and a stopwatch. */
import { execFile } from 'node:child_process'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { RESULTS_ENV } from './report'

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

/** The value below which a share `q` of the values lie (0.95: the 95th percentile). */
export function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
}

export { FRAME_MS, overBare, printTable, rowOf, type Row } from './report'

/**
 * Runs a benchmark script in small mode (BENCH_SMALL=1) the way `npm run bench:*` does, and
 * returns its table: the header line and the rows. The quick tests check it runs and prints.
 */
export async function runSmall(script: string): Promise<{ header: string; rows: string[] }> {
  const repo = fileURLToPath(new URL('../../', import.meta.url))
  // Exit status 1 is a missed speed target (the table says which): the quick tests check that a
  // benchmark runs and prints, never a timing, so only a crash fails them.
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], {
    cwd: repo,
    env: { ...process.env, BENCH_SMALL: '1', [RESULTS_ENV]: '' },
    maxBuffer: 16 * 1024 * 1024,
  }).catch((error: { code?: unknown; stdout?: string }) => {
    if (error.code === 1 && error.stdout?.includes('[MISS]')) return { stdout: error.stdout }
    throw error
  })
  const [header = '', ...rows] = stdout.trim().split('\n')
  return { header, rows }
}

/**
 * Every wait of a benchmark ends: a page that is stuck (a long task that never yields, a frame
 * that never paints, an evaluate that never settles) fails the run naming what it waited for,
 * instead of hanging it.
 */
export function bounded<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s waiting for ${what}`)), ms)
  })
  return Promise.race([work, limit]).finally(() => clearTimeout(timer))
}
