/**
 * `folio check --links` on a generated blog (generate-site.ts, each post given links to other
 * posts, images that exist and one that does not) against the cold index of the same folder,
 * `folio index --json --no-cache` (every round cold: the cache a first run writes would make the
 * rest warm), in the same run, interleaved, medians; and against the fastest plain
 * baseline (one Node process reading every post). Target: the check ≤ 2 × the cold index.
 *   npx tsx tests/bench/links.bench.ts      (BENCH_SMALL=1: 1,000 posts)
 * Needs the built command (`npm run build`; `npm run bench` builds first).
 */
import { execFile } from 'node:child_process'
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateSite, postPath } from './generate-site'
import { printTable, rowOf } from './report'
import { median } from './support'

const SMALL = process.env.BENCH_SMALL === '1'
const COUNT = SMALL ? 1_000 : 10_000
const ROUNDS = SMALL ? 3 : 5
const REPO = fileURLToPath(new URL('../../', import.meta.url))
const FOLIO = join(REPO, 'bin/folio.js')
const PLAIN = join(REPO, 'tests/bench/plain-index.mjs')
/** A run that takes longer than this is stuck, not slow. */
const PROCESS_TIMEOUT_MS = 20 * 60_000

/** Runs `node args…` to completion (exit status 1 is the check's "found broken links"); wall time. */
function measure(args: string[]): Promise<number> {
  const start = performance.now()
  return new Promise((resolve, reject) => {
    execFile(process.execPath, args, { cwd: REPO, timeout: PROCESS_TIMEOUT_MS, maxBuffer: 1024 * 1024 * 1024 }, (error, _stdout, stderr) => {
      const ms = performance.now() - start
      if (error && error.code !== 1) return reject(new Error(`${args.join(' ')} failed: ${error.message}\n${stderr}`))
      resolve(ms)
    })
  })
}

/** Links from post i: the next post (relative), a shared image (site-rooted), its own image, and one that is missing. */
function addLinks(dir: string, count: number): void {
  mkdirSync(join(dir, 'images'), { recursive: true })
  for (let k = 0; k < 10; k++) writeFileSync(join(dir, 'images', `shared-${k}.png`), 'png')
  for (let i = 0; i < count; i++) {
    const rel = postPath(i)
    const next = postPath((i + 1) % count)
    const up = rel
      .split('/')
      .slice(0, -1)
      .map(() => '..')
      .join('/')
    const lines = [`[next](${encodeURI(`${up}/${next}`)})`, `![shared](/images/shared-${i % 10}.png)`, `![missing](/images/gone-${i}.png)`]
    appendFileSync(join(dir, rel), `\n${lines.join('\n')}\n`)
  }
}

if (!existsSync(join(REPO, 'out/main/cli.js'))) throw new Error('the folio command is not built: run `npm run build` (npm run bench does).')
const root = await mkdtemp(join(tmpdir(), 'folio-links-bench-'))
try {
  const dir = join(root, 'site')
  generateSite(dir, COUNT)
  addLinks(dir, COUNT)
  const m = { check: [] as number[], index: [] as number[], raw: [] as number[] }
  // Warm the page cache for everyone, then interleave so load on the machine hits all alike.
  await measure([PLAIN, dir, 'raw'])
  for (let round = 0; round < ROUNDS; round++) {
    m.check.push(await measure([FOLIO, 'check', dir, '--links', '--json', '--no-cache']))
    m.index.push(await measure([FOLIO, 'index', dir, '--json', '--no-cache']))
    m.raw.push(await measure([PLAIN, dir, 'raw']))
  }
  printTable([
    rowOf(`folio check --links, ${COUNT} posts`, median(m.check), median(m.index), '≤ 2.0 × folio index --json (cold)', { maxRatio: 2 }),
    rowOf('  same, against the raw read', median(m.check), median(m.raw), 'reference (read every file, one process)'),
  ])
} finally {
  await rm(root, { recursive: true, force: true })
}
