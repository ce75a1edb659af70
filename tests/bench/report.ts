/**
 * How every benchmark reports: a table of rows (metric, ours, the fastest plain baseline measured
 * in the same run, their ratio, the target), each row judged against its target. A benchmark
 * only calls printTable(rows); run alone it prints the table, and under `npm run bench`
 * (tests/bench/run.ts) the rows also go to the run's results file for the closing summary.
 * A row that misses its target by more than MISS_MARGIN sets the exit status to 1.
 */
import { appendFileSync } from 'node:fs'
import { basename } from 'node:path'

/** A target missed by up to this share is noted ("near"), not failed: the machine is shared and noisy. */
export const MISS_MARGIN = 0.2

/** Where run.ts collects the rows of every benchmark it runs (one JSON object a line). */
export const RESULTS_ENV = 'FOLIO_BENCH_RESULTS'

/** One line of a benchmark's table. */
export interface Row {
  metric: string
  ours: number
  /** The fastest plain way to do the same work, measured in the same run (or a fixed budget). */
  baseline: number
  ratio: number
  /** The target in words, as printed. */
  target: string
  /** The target as a number on the ratio: ours / baseline ≤ maxRatio. */
  maxRatio?: number
  /** The target as a number on ours itself, in the row's unit (a heap in MB, a budget in ms). */
  maxValue?: number
}

export type Verdict = 'ok' | 'near' | 'MISS' | ''

/** ok within the target, near when over it by at most MISS_MARGIN, MISS past that (or not measured); '' for reference rows. */
export function verdict(row: Pick<Row, 'ours' | 'ratio' | 'maxRatio' | 'maxValue'>): Verdict {
  const checks: [number, number][] = []
  if (row.maxRatio !== undefined) checks.push([row.ratio, row.maxRatio])
  if (row.maxValue !== undefined) checks.push([row.ours, row.maxValue])
  if (checks.length === 0) return ''
  let worst: Verdict = 'ok'
  for (const [value, limit] of checks) {
    if (!Number.isFinite(value) || value > limit * (1 + MISS_MARGIN)) return 'MISS'
    if (value > limit) worst = 'near'
  }
  return worst
}

/** A row from our figure and the baselines measured beside it: the ratio is against the fastest. */
export function rowOf(metric: string, ours: number, baselines: number | number[], target: string, limits: Pick<Row, 'maxRatio' | 'maxValue'> = {}): Row {
  const baseline = Math.min(...[baselines].flat())
  return { metric, ours, baseline, ratio: ours / baseline, target, ...limits }
}

/** One frame at 60 Hz: the budget a keystroke's paint has, in every benchmark that types. */
export const FRAME_MS = 16.7

/**
 * How the benchmarks' browser draws. On the display's 60 Hz beat a key waits up to a whole frame
 * for the next beat whatever the app does (a bare input's p95 is then about 25 ms here), so
 * "keystroke → paint within one frame" can only be judged with frames drawn when ready:
 * `uncapped`, the default. BENCH_FRAMES=display measures on the beat, as a screen shows it.
 */
export const FRAMES: 'uncapped' | 'display' =
  // Electron is launched with its own switches (harness launchElectron): frames on the beat there.
  process.env.BENCH_FRAMES === 'display' || process.env.FOLIO_E2E === 'electron' ? 'display' : 'uncapped'

/** The line a benchmark that times paints prints before its table, saying how frames were drawn. */
export function framesNote(): string {
  return FRAMES === 'uncapped'
    ? 'frames drawn as soon as ready (BENCH_FRAMES=display to wait for the 60 Hz beat)'
    : "frames drawn on the display's 60 Hz beat (a key waits up to one frame for it)"
}

/**
 * What the app adds to a keystroke's p95 over a bare control typed into in the same run (load on
 * the machine slows both alike), for reference beside the p95 itself. The baseline column holds
 * one frame, not a measurement.
 */
export function overBare(metric: string, p95: number, bareP95: number): Row {
  const over = p95 - bareP95
  return { metric, ours: over, baseline: FRAME_MS, ratio: over / FRAME_MS, target: 'reference (ms over bare)' }
}

/** The benchmark's name: its file name without `.bench.ts`. */
function benchName(): string {
  return basename(process.argv[1] ?? 'bench').replace(/\.bench\.[cm]?[jt]s$/, '')
}

/**
 * Prints the table (its first line is the header the quick tests read), records the rows for
 * `npm run bench`, and sets the exit status to 1 when a row misses its target.
 */
export function printTable(rows: Row[]): void {
  const width = Math.max(30, ...rows.map((r) => r.metric.length + 2))
  console.log(`${'metric'.padEnd(width)}${'ours ms'.padStart(10)}${'baseline ms'.padStart(13)}${'ratio'.padStart(8)}  target`)
  const file = process.env[RESULTS_ENV]
  for (const r of rows) {
    const judged = verdict(r)
    console.log(
      `${r.metric.padEnd(width)}${r.ours.toFixed(1).padStart(10)}${r.baseline.toFixed(1).padStart(13)}${r.ratio.toFixed(2).padStart(8)}  ${r.target}${judged ? `  [${judged}]` : ''}`,
    )
    if (judged === 'MISS') process.exitCode = 1
    if (file) appendFileSync(file, JSON.stringify({ bench: benchName(), ...r, verdict: judged }) + '\n')
  }
}
