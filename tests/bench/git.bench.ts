/**
 * Git benchmark: the library's status of a 10,000-article repository with 50 changed (500 and
 * 10 with BENCH_SMALL=1), and the review of a 1 MB article, with baselines from the same run.
 *   npm run bench:git
 * Metrics:
 *   status       one `git status` call read into per-article changes with titles   vs  `git status --porcelain=v2` alone
 *   past version `git show` of a 1 MB article and its line comparison with the text now   vs  `git show` alone
 * Figures are medians of the rounds; every git call has a timeout (electron/git/run.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compare2 } from '../../shared/merge'
import { createGitService } from '../../electron/git/service'
import { openWorkspace } from '../../electron/workspace/workspace'
import { generateArticles, median, printTable, time, type Row } from './support'

const SMALL = process.env.BENCH_SMALL === '1'
const COUNT = SMALL ? 500 : 10_000
const CHANGED = SMALL ? 10 : 50
const ROUNDS = 5
const TIMEOUT_MS = 120_000

function article(seed: string, i: number): string {
  const body = seed.slice(seed.indexOf('\n---\n', 5) + 5)
  return `---\ntitle: '第 ${i} 篇'\ndate: 2020-01-${(i % 28) + 1} 10:00:00\ntags: [t${i % 40}]\n---\n${body}\n`
}

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 1 << 28,
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', LC_ALL: 'C' },
  })
}

export async function runBenchmark(): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-bench-git-'))
  try {
    const root = join(dir, 'site')
    const paths = await generateArticles(root, COUNT, article)
    // A 1 MB article with a long history line: the review case.
    const big = join(root, 'big.md')
    const paragraph = '这是一段用来测量的中文段落，包含 English words 与数字 12345。\n\n'
    await writeFile(big, `---\ntitle: 大文章\n---\n${paragraph.repeat(Math.ceil(1_000_000 / Buffer.byteLength(paragraph)))}`)
    git(root, 'init', '-q', '-b', 'main')
    git(root, 'config', 'user.name', 'Bench')
    git(root, 'config', 'user.email', 'bench@example.com')
    git(root, 'add', '-A')
    git(root, 'commit', '-q', '-m', 'Site')
    for (const path of paths.slice(0, CHANGED)) await writeFile(path, (await readFile(path, 'utf8')) + '\nEdited.\n')
    const bigText = (await readFile(big, 'utf8')).replace('这是一段', '这是改过的一段')
    await writeFile(big, bigText)

    const ws = await openWorkspace({ root, trash: async () => undefined, watch: false })
    const articles = await ws.list()
    const service = createGitService({ root, articles: async () => articles, onProgress: () => undefined })
    const head = git(root, 'rev-parse', 'HEAD').trim()
    const m: Record<'status' | 'plain' | 'review' | 'show', number[]> = { status: [], plain: [], review: [], show: [] }
    await service.state()
    for (let round = 0; round < ROUNDS; round++) {
      m.plain.push(
        await time(async () => {
          const r = spawnSync('git', ['status', '--porcelain=v2', '-z', '--branch'], { cwd: root, timeout: TIMEOUT_MS, maxBuffer: 1 << 28 })
          if (r.status !== 0) throw new Error(`git status failed: ${String(r.stderr)}`)
        }),
      )
      m.status.push(
        await time(async () => {
          const state = await service.state()
          if (state.kind !== 'repository' || state.changes.length !== CHANGED + 1) throw new Error(`expected ${CHANGED + 1} changed articles`)
        }),
      )
      m.show.push(
        await time(async () => {
          const r = spawnSync('git', ['show', `${head}:big.md`], { cwd: root, timeout: TIMEOUT_MS, maxBuffer: 1 << 28 })
          if (r.status !== 0) throw new Error('git show failed')
        }),
      )
      m.review.push(
        await time(async () => {
          const past = await service.textAt('big.md', head)
          if (compare2(bigText, past).conflicts === 0) throw new Error('no difference found')
        }),
      )
    }
    await ws.close()
    const rows: Omit<Row, 'ratio'>[] = [
      {
        metric: `status, ${CHANGED} of ${COUNT} changed`,
        ours: median(m.status),
        baseline: median(m.plain),
        target: '≤ 1.5 (git status alone)',
        maxRatio: 1.5,
      },
      { metric: 'past version of a 1 MB article', ours: median(m.review), baseline: median(m.show), target: 'reference (git show alone)' },
      { metric: '  same, against the budget', ours: median(m.review), baseline: 300, target: '≤ 1.0 (300 ms)', maxRatio: 1 },
    ]
    return rows.map((r) => ({ ...r, ratio: r.ours / r.baseline }))
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printTable(await runBenchmark())
