/**
 * The `folio index DIR --json` command as a whole process (start-up, scan, read, summaries, JSON
 * out) on a generated blog (generate-site.ts), against plain Node processes doing the least the
 * same answer needs, in the same run, interleaved, medians (the spread is printed beside):
 *   read + YAML   one Node process reading every post and yaml.parse of its header (plain-index.mjs)
 *   raw read      one Node process reading every post's bytes
 * The command cold (an empty profile folder, so no index cache: it reads every post and writes
 * the cache) and warm (the cache of the cold run, nothing changed: it lists and stats the folder).
 * Then the scaling table: cold index time and peak memory (the process's max RSS) of the command
 * at 1,000, 10,000, 50,000 and 100,000 posts, and the cost per post against 10,000's.
 * The peak memory of the cold and warm runs is printed beside them.
 *   npx tsx tests/bench/index.bench.ts      (BENCH_SMALL=1: 1,000 posts, scaling to 5,000)
 *   BENCH_LARGE=1: the cold and warm ratios at 100,000 posts (two rounds, no scaling table)
 *   BENCH_SCALING=0: the cold and warm ratios only, no scaling table
 *   BENCH_NODE=/path/to/node: every process (folio and the baselines) run by that Node instead
 *     of this one, to see what another Node's start and file calls change
 * Needs the built command (`npm run build`; `npm run bench` builds first).
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { generateSite, seedParts } from './generate-site'
import { printTable, rowOf, type Row } from './report'
import { median } from './support'

const SMALL = process.env.BENCH_SMALL === '1'
const LARGE = !SMALL && process.env.BENCH_LARGE === '1'
const COUNT = SMALL ? 1_000 : LARGE ? 100_000 : 10_000
const ROUNDS = SMALL ? 3 : LARGE ? 2 : 5
const SCALES = process.env.BENCH_SCALING === '0' || LARGE ? [] : SMALL ? [1_000, 5_000] : [1_000, 10_000, 50_000, 100_000]
const NODE = process.env.BENCH_NODE || process.execPath
const REPO = fileURLToPath(new URL('../../', import.meta.url))
const FOLIO = join(REPO, 'bin/folio.js')
const PLAIN = join(REPO, 'tests/bench/plain-index.mjs')
/** A run that takes longer than this is stuck, not slow. */
const PROCESS_TIMEOUT_MS = 30 * 60_000
const PEAK_LIMIT_MB = 1024

interface Measured {
  ms: number
  /** Peak resident memory, MB (from /usr/bin/time when present). */
  peakMb: number | null
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null

/** Runs `node args…` to completion, its output discarded; wall time and peak memory. */
function measure(args: string[], env: Record<string, string> = {}): Promise<Measured> {
  const [command, argv] = TIME ? [TIME, ['-f', 'PEAK_KB %M', NODE, ...args]] : [NODE, args]
  const start = performance.now()
  return new Promise((resolve, reject) => {
    execFile(
      command,
      argv,
      { cwd: REPO, env: { ...process.env, ...env }, timeout: PROCESS_TIMEOUT_MS, maxBuffer: 1024 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const ms = performance.now() - start
        if (error) return reject(new Error(`${args.join(' ')} failed: ${error.message}\n${stderr}`))
        const kb = /PEAK_KB (\d+)/.exec(stderr)?.[1]
        resolve({ ms, peakMb: kb ? Number(kb) / 1024 : null })
      },
    )
  })
}

/** `folio index --json` with the index cache in `profile` (FOLIO_USER_DATA). */
const folio = (dir: string, profile: string) => measure([FOLIO, 'index', dir, '--json'], { FOLIO_USER_DATA: profile })
const readYaml = (dir: string) => measure([PLAIN, dir, 'yaml'])
const rawRead = (dir: string) => measure([PLAIN, dir, 'raw'])

/** Median, and the spread as min–max, for the log. */
function spread(label: string, ms: number[]): number {
  const sorted = [...ms].sort((a, b) => a - b)
  console.error(`${label}: median ${median(ms).toFixed(0)} ms, min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms over ${ms.length} runs`)
  return median(ms)
}

async function headline(dir: string, root: string): Promise<Row[]> {
  const m = { cold: [] as number[], warm: [] as number[], yaml: [] as number[], raw: [] as number[] }
  const peak = { cold: 0, warm: 0, yaml: 0 }
  const peakOf = (run: Measured, key: keyof typeof peak): number => {
    peak[key] = Math.max(peak[key], run.peakMb ?? 0)
    return run.ms
  }
  // Warm the page cache for everyone, then interleave so load on the machine hits all alike.
  await rawRead(dir)
  for (let round = 0; round < ROUNDS; round++) {
    const profile = join(root, `profile-${round}`)
    m.yaml.push(peakOf(await readYaml(dir), 'yaml'))
    m.cold.push(peakOf(await folio(dir, profile), 'cold'))
    m.raw.push((await rawRead(dir)).ms)
    m.warm.push(peakOf(await folio(dir, profile), 'warm'))
    await rm(profile, { recursive: true, force: true })
  }
  const cold = spread('folio index cold', m.cold)
  const warm = spread('folio index warm', m.warm)
  const yaml = spread('read + yaml.parse', m.yaml)
  const raw = spread('raw read', m.raw)
  console.error(`peak memory: cold ${peak.cold.toFixed(0)} MB, warm ${peak.warm.toFixed(0)} MB, read + yaml.parse ${peak.yaml.toFixed(0)} MB`)
  const rows = [
    rowOf(`folio index --json, ${COUNT} posts, cold`, cold, yaml, '≤ 1.0 × read + yaml.parse process', { maxRatio: 1 }),
    rowOf('  same, against the raw read', cold, raw, 'reference (read every file, one process)'),
    rowOf(`folio index --json, ${COUNT} posts, warm cache`, warm, raw, '≤ 0.3 × raw read process', { maxRatio: 0.3 }),
  ]
  if (TIME) {
    rows.push(
      rowOf(`  peak memory MB, cold, ${COUNT} posts`, peak.cold, PEAK_LIMIT_MB, '≤ 1 GB', { maxValue: PEAK_LIMIT_MB }),
      rowOf(`  peak memory MB, warm, ${COUNT} posts`, peak.warm, PEAK_LIMIT_MB, '≤ 1 GB', { maxValue: PEAK_LIMIT_MB }),
    )
  }
  return rows
}

interface Scale {
  posts: number
  ms: number
  peakMb: number | null
  yamlMs: number
}

async function scaling(root: string): Promise<Scale[]> {
  const parts = seedParts()
  const out: Scale[] = []
  for (const posts of SCALES) {
    const dir = join(root, `scale-${posts}`)
    generateSite(dir, posts, parts)
    await rawRead(dir)
    const yamlMs = (await readYaml(dir)).ms
    const profile = join(root, `profile-${posts}`)
    const run = await folio(dir, profile)
    await rm(profile, { recursive: true, force: true })
    out.push({ posts, ms: run.ms, peakMb: run.peakMb, yamlMs })
    console.error(
      `scaling: ${posts} posts in ${(run.ms / 1000).toFixed(1)} s, peak ${run.peakMb?.toFixed(0) ?? '?'} MB (read + yaml ${(yamlMs / 1000).toFixed(1)} s)`,
    )
    // One scale's folder at a time: 100,000 posts are half a gigabyte.
    await rm(dir, { recursive: true, force: true })
  }
  return out
}

if (!existsSync(join(REPO, 'out/main/cli.js'))) throw new Error('the folio command is not built: run `npm run build` (npm run bench does).')
if (NODE !== process.execPath) console.error(`every process runs under ${NODE}`)
const root = await mkdtemp(join(tmpdir(), 'folio-index-bench-'))
try {
  const dir = join(root, 'site')
  generateSite(dir, COUNT)
  const rows = await headline(dir, root)
  await rm(dir, { recursive: true, force: true })
  const scales = await scaling(root)
  const base = scales.find((s) => s.posts === (SMALL ? 1_000 : 10_000)) ?? scales[0]
  for (const s of scales) {
    if (!base) break
    const perPost = s.ms / s.posts
    rows.push(
      rowOf(
        `  ms per 1,000 posts at ${s.posts}`,
        perPost * 1000,
        (base.ms / base.posts) * 1000,
        `≤ 1.2 × at ${base.posts} (linear)`,
        s.posts > base.posts ? { maxRatio: 1.2 } : {},
      ),
    )
    if (s.peakMb !== null) rows.push(rowOf(`  peak memory MB at ${s.posts}`, s.peakMb, PEAK_LIMIT_MB, '≤ 1 GB', { maxValue: PEAK_LIMIT_MB }))
  }
  printTable(rows)
  if (scales.length > 0) console.log('\nscaling (one run each): posts, folio index --json, peak memory, read + yaml.parse process')
  for (const s of scales) {
    console.log(
      `${String(s.posts).padStart(7)}  ${(s.ms / 1000).toFixed(2).padStart(7)} s  ${(s.peakMb?.toFixed(0) ?? '?').padStart(5)} MB  ${(s.yamlMs / 1000).toFixed(2).padStart(7)} s`,
    )
  }
} finally {
  await rm(root, { recursive: true, force: true })
}
