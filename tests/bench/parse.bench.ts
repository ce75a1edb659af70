/**
 * Hostile headers benchmark: how long Folio takes to read headers written to hurt, against the
 * plain parser reading the same text in the same run (BENCH_SMALL=1 runs 1/40 of the sizes, for
 * the quick test that checks it runs).
 *   npm run bench:parse
 * Metrics:
 *   N keys (YAML, TOML, JSON),   parse()                 vs  the plain parser of that format
 *   N aliases of one anchor
 *   growth rows                  parse() of the most     vs  parse() of the fewest, times the size ratio
 *                                                            (≈ 1 when time grows linearly with the size)
 *   alias bomb, deep nesting,    parse()                 vs  the plain parser (deep JSON: JSON.parse;
 *   long lines                                               the alias bomb: parse() of an ordinary
 *                                                            header of the same size)
 *   folio check, folio set,      the command on the      vs  reading those files and handing each
 *   the app's folder open        hostile folder               to the plain YAML parser
 */
import { readFileSync } from 'node:fs'
import { mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseDocument } from 'yaml'
import { parse as parseToml } from 'smol-toml'
import { main } from '../../electron/cli'
import { openWorkspace } from '../../electron/workspace/workspace'
import { detect, parse } from '../../shared/frontmatter'
import { hostile, type HeaderFormat } from './hostile-headers'
import { writeHostileFolder } from './hostile-folder'
import { median, printTable, type Row } from './support'

const SMALL = process.env.BENCH_SMALL === '1'
const SCALE = SMALL ? 40 : 1
const KEY_COUNTS = [25_000, 50_000, 100_000, 200_000].map((n) => n / SCALE)
const DEPTH = 20_000 / SCALE
const LONG_LINE = 4_000_000 / SCALE
const ROUNDS = 3
/** No step of the benchmark may wait longer than this. */
const STEP_TIMEOUT_MS = 10 * 60_000

function withTimeout<T>(what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${STEP_TIMEOUT_MS / 1000} s`)), STEP_TIMEOUT_MS)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** Median milliseconds of `rounds` runs of a synchronous step. */
function timed(rounds: number, fn: () => unknown): number {
  const ms: number[] = []
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    fn()
    ms.push(performance.now() - start)
  }
  return median(ms)
}

async function timedAsync(what: string, rounds: number, fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = []
  for (let i = 0; i < rounds; i++) {
    const start = performance.now()
    await withTimeout(what, fn())
    ms.push(performance.now() - start)
  }
  return median(ms)
}

/** The header's text between its fences (or the JSON object), for the plain parsers. */
function headerOf(text: string): string {
  const content = detect(text).content
  if (!content) throw new Error('no header in the generated text')
  return text.slice(content.from, content.to)
}

const plain: Record<HeaderFormat, (header: string) => unknown> = {
  // The same options Folio reads with, so the row shows what Folio adds to the package's work.
  yaml: (h) => parseDocument(h, { keepSourceTokens: true, uniqueKeys: false, prettyErrors: false }),
  toml: (h) => parseToml(h),
  json: (h) => JSON.parse(h),
}

/** parse() must reach the expected outcome, or the row measures the wrong thing. */
function expectOutcome(text: string, code: string | null, fields?: number): void {
  const p = parse(text)
  const got = p.errors[0]?.code ?? null
  if (got !== code) throw new Error(`expected ${code ?? 'no error'}, got ${got ?? 'no error'}`)
  if (fields !== undefined && p.fields.length !== fields) throw new Error(`expected ${fields} fields, got ${p.fields.length}`)
}

/** One row per size, then how the time grew against the size. */
function growthRows(name: string, format: HeaderFormat, counts: number[], make: (n: number) => string, fields: (n: number) => number): Omit<Row, 'ratio'>[] {
  const rows: Omit<Row, 'ratio'>[] = []
  const ours: number[] = []
  for (const n of counts) {
    const text = make(n)
    expectOutcome(text, null, fields(n))
    const header = headerOf(text)
    const rounds = n >= 100_000 ? 1 : ROUNDS
    const t = timed(rounds, () => parse(text))
    ours.push(t)
    rows.push({ metric: `${format}, ${n} ${name}`, ours: t, baseline: timed(rounds, () => plain[format](header)), target: `flat as ${name} grow` })
  }
  const first = counts[0] ?? 1
  const last = counts[counts.length - 1] ?? 1
  rows.push({
    metric: `  ${format} growth, ${last} vs ${first} ${name}`,
    ours: ours[ours.length - 1] ?? NaN,
    baseline: (ours[0] ?? NaN) * (last / first),
    target: '≈ 1 or less (linear)',
  })
  return rows
}

function headerRows(): Omit<Row, 'ratio'>[] {
  // Warm the parsers up, so the first row does not pay for compiling them.
  for (const format of ['yaml', 'toml', 'json'] as const) timed(ROUNDS, () => parse(hostile.manyKeys(format, 2000)))
  const rows: Omit<Row, 'ratio'>[] = []
  for (const format of ['yaml', 'toml', 'json'] as const) {
    rows.push(
      ...growthRows(
        'keys',
        format,
        KEY_COUNTS,
        (n) => hostile.manyKeys(format, n),
        (n) => n,
      ),
    )
  }
  const aliases = KEY_COUNTS.slice(0, 3)
  rows.push(...growthRows('aliases', 'yaml', aliases, hostile.manyAliases, (n) => n + 1))

  const bomb = hostile.aliasBomb()
  expectOutcome(bomb, 'too-many-aliases')
  // An ordinary header of the bomb's size: what reading 1.6 KB should cost.
  const ordinary = hostile.manyKeys('yaml', Math.round(bomb.length / 14))
  rows.push({
    metric: `alias bomb (${bomb.length} B, 9^9 leaves)`,
    ours: timed(ROUNDS, () => parse(bomb)),
    baseline: timed(ROUNDS, () => parse(ordinary)),
    target: '≤ 10 (an ordinary header of its size)',
    maxRatio: 10,
  })

  const deepJson = hostile.deepJson(DEPTH)
  expectOutcome(deepJson, 'too-deep')
  const deepJsonHeader = headerOf(deepJson)
  rows.push({
    metric: `JSON nested ${DEPTH} deep`,
    ours: timed(ROUNDS, () => parse(deepJson)),
    baseline: timed(ROUNDS, () => JSON.parse(deepJsonHeader)),
    target: 'reference (JSON.parse reads it whole)',
  })

  for (const [name, text] of [
    [`YAML flow nested ${DEPTH} deep`, hostile.deepYamlFlow(DEPTH)],
    [`YAML one ${LONG_LINE / 1e6} MB line`, hostile.longLine(LONG_LINE)],
    [`YAML flow map of ${KEY_COUNTS[1]} on one line`, hostile.wideFlowMap(KEY_COUNTS[1] ?? 0)],
  ] as const) {
    const header = headerOf(text)
    rows.push({ metric: name, ours: timed(ROUNDS, () => parse(text)), baseline: timed(ROUNDS, () => plain.yaml(header)), target: 'flat across sizes' })
  }
  return rows
}

async function folderRows(): Promise<Omit<Row, 'ratio'>[]> {
  const dir = await mkdtemp(join(tmpdir(), 'folio-bench-parse-'))
  try {
    const keys = KEY_COUNTS[KEY_COUNTS.length - 1] ?? 0
    await writeHostileFolder(dir, { deepJson: DEPTH, keys })
    const files = (await readdir(join(dir, 'posts'))).map((name) => join(dir, 'posts', name))
    const readAndParse = async (): Promise<void> => {
      for (const file of files) plain.yaml(readFileSync(file, 'utf8'))
    }
    const baseline = await timedAsync('reading the folder', 1, readAndParse)
    const quiet = { out: () => undefined, err: () => undefined, cwd: dir }
    const check = await timedAsync('folio check', 1, async () => {
      if ((await main(['check', '.'], quiet)) !== 1) throw new Error('folio check should report the hostile files')
    })
    const open = await timedAsync('opening the folder', 1, async () => {
      const ws = await openWorkspace({ root: dir, trash: async () => undefined })
      const n = (await ws.list()).length
      await ws.close()
      if (n !== files.length) throw new Error(`listed ${n} of ${files.length} files`)
    })
    const manyKeys = join(dir, 'posts/many-keys.md')
    const set = await timedAsync('folio set', 1, async () => {
      if ((await main(['set', manyKeys, `k${keys - 1}=changed`], quiet)) !== 0) throw new Error('folio set failed')
    })
    const setBaseline = await timedAsync('reading one file', 1, async () => plain.yaml(readFileSync(manyKeys, 'utf8')))
    const folder = `${files.length} hostile files, ${keys} keys in one`
    return [
      { metric: `folio check, ${folder}`, ours: check, baseline, target: 'reference (read + plain YAML parse of each)' },
      { metric: `open the folder (index), ${folder}`, ours: open, baseline, target: 'reference (read + plain YAML parse of each)' },
      { metric: `folio set, one key of ${keys}`, ours: set, baseline: setBaseline, target: 'reference (read + plain YAML parse)' },
    ]
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

export async function runBenchmark(): Promise<Row[]> {
  const rows = [...headerRows(), ...(await folderRows())]
  return rows.map((r) => ({ ...r, ratio: r.ours / r.baseline }))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) printTable(await runBenchmark())
