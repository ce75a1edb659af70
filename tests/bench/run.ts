/**
 * `npm run bench`: every tests/bench/*.bench.ts in turn (after one build of the app, which the
 * renderer benchmarks load), each in its own process with a time limit, then one summary of
 * every row they reported (see report.ts). Exits 1 when a row misses its target by more than
 * 20%, or a benchmark fails or runs out of time.
 *   npm run bench                     everything at full size
 *   BENCH_SMALL=1 npm run bench       small sizes, for CI and iteration
 *   npm run bench -- workspace index  only the benchmarks whose names contain these words
 * BENCH_TIMEOUT_MIN sets each benchmark's limit (default 30 minutes, 10 with BENCH_SMALL).
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { RESULTS_ENV, type Row, type Verdict } from './report'

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const SMALL = process.env.BENCH_SMALL === '1'
const LIMIT_MS = Number(process.env.BENCH_TIMEOUT_MIN ?? (SMALL ? 10 : 30)) * 60_000
const BUILD_LIMIT_MS = 10 * 60_000

interface Outcome {
  name: string
  status: 'passed' | 'missed' | 'failed' | 'timed out'
  detail: string
  ms: number
}

/** Runs a command with the terminal as its output; the whole process group is killed at the limit. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, limitMs: number): Promise<{ code: number | null; timedOut: boolean; ms: number }> {
  const start = performance.now()
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO, env, stdio: 'inherit', detached: true })
    let timedOut = false
    const timer = setTimeout(() => {
      timedOut = true
      // The group: a browser or a stand-in the benchmark started goes with it.
      if (child.pid) process.kill(-child.pid, 'SIGKILL')
    }, limitMs)
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, timedOut, ms: performance.now() - start })
    })
  })
}

function benchmarks(filters: string[]): string[] {
  const names = readdirSync(join(REPO, 'tests/bench'))
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.replace(/\.bench\.ts$/, ''))
    .sort()
  return filters.length === 0 ? names : names.filter((n) => filters.some((f) => n.includes(f)))
}

interface Recorded extends Row {
  bench: string
  verdict: Verdict
}

function summary(rows: Recorded[], outcomes: Outcome[]): void {
  const width = Math.max(40, ...rows.map((r) => r.bench.length + r.metric.length + 4))
  console.log(`\n${'='.repeat(width + 45)}\nSummary (${SMALL ? 'BENCH_SMALL' : 'full size'}): ratios against the fastest plain baseline of the same run`)
  console.log(`${'benchmark: metric'.padEnd(width)}${'ours'.padStart(10)}${'baseline'.padStart(10)}${'ratio'.padStart(8)}  verdict  target`)
  for (const r of rows) {
    const name = `${r.bench}: ${r.metric.trim()}`
    console.log(
      `${name.padEnd(width)}${r.ours.toFixed(1).padStart(10)}${r.baseline.toFixed(1).padStart(10)}${r.ratio.toFixed(2).padStart(8)}  ${(r.verdict || '-').padEnd(7)}  ${r.target}`,
    )
  }
  console.log('')
  for (const o of outcomes) console.log(`${o.name.padEnd(16)}${o.status.padEnd(11)}${(o.ms / 1000).toFixed(0).padStart(5)} s  ${o.detail}`)
}

/** The rows reported so far; none when no benchmark has reported yet. */
function recorded(file: string): Recorded[] {
  if (!existsSync(file)) return []
  return readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Recorded)
}

async function main(): Promise<number> {
  const names = benchmarks(process.argv.slice(2))
  if (names.length === 0) {
    console.error(`no benchmark matches ${process.argv.slice(2).join(' ')}`)
    return 2
  }
  if (process.env.BENCH_NO_BUILD !== '1') {
    console.log('building the app once for the renderer benchmarks (BENCH_NO_BUILD=1 skips it)')
    const built = await run(process.execPath, [join(REPO, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'], process.env, BUILD_LIMIT_MS)
    if (built.code !== 0) {
      console.error(built.timedOut ? 'the build ran out of time' : `the build failed (exit ${built.code})`)
      return 1
    }
  }
  const dir = mkdtempSync(join(tmpdir(), 'folio-bench-results-'))
  const file = join(dir, 'rows.jsonl')
  const outcomes: Outcome[] = []
  try {
    for (const name of names) {
      console.log(`\n--- ${name} ${'-'.repeat(60)}`)
      const env = { ...process.env, [RESULTS_ENV]: file }
      const r = await run(process.execPath, ['--import', 'tsx', join(REPO, 'tests/bench', `${name}.bench.ts`)], env, LIMIT_MS)
      const missed = r.code === 1 && recorded(file).some((row) => row.bench === name && row.verdict === 'MISS')
      const status = r.timedOut ? 'timed out' : r.code === 0 ? 'passed' : missed ? 'missed' : 'failed'
      const detail = r.timedOut ? `killed after ${LIMIT_MS / 60_000} min (BENCH_TIMEOUT_MIN)` : r.code === 0 || missed ? '' : `exit ${r.code}`
      outcomes.push({ name, status, detail, ms: r.ms })
    }
    const rows = recorded(file)
    summary(rows, outcomes)
    const misses = rows.filter((r) => r.verdict === 'MISS')
    const failed = outcomes.filter((o) => o.status === 'failed' || o.status === 'timed out')
    if (misses.length > 0)
      console.log(`\n${misses.length} row(s) missed their target by more than 20%: ${misses.map((m) => `${m.bench}: ${m.metric.trim()}`).join('; ')}`)
    if (failed.length > 0)
      console.log(`${failed.length} benchmark(s) did not pass: ${failed.map((o) => `${o.name} (${o.status}${o.detail ? `, ${o.detail}` : ''})`).join('; ')}`)
    return misses.length > 0 || failed.length > 0 ? 1 : 0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

process.exitCode = await main()
