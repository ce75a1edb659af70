/** What the benchmarks share: a generated folder of seed-sized articles, and a stopwatch. */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

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
