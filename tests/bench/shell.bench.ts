/**
 * The app a person launches: what the package weighs and how fast the command line starts.
 *   npm run bench:shell          (builds first; BENCH_SMALL=1 for fewer rounds)
 * Metrics:
 *   app.asar          the packaged archive from `electron-builder --dir` with a stand-in Electron
 *                     (offline: a folder holding a fake `electron` executable), in MB against the
 *                     41 MB it weighed when every dependency shipped; also what it must contain
 *   folio --version   the built command, whole process      vs  node -e 0
 *   from source       the command compiled by tsx on each run (how bin/folio.js ran it before)
 *                                                            vs  node -e 0
 *   start → loadURL   the built main process under the electron stand-in (tests/shell), started
 *                     as `electron .` with a fresh profile: from the process start to the first
 *                     window's loadURL                       vs  a plain main script that opens a
 *                                                                window and loads it on ready
 *   ready → loadURL   of that, the part after app ready, in ms (the plain script's is about 0)
 * Times are medians of the rounds, all in this run; every child process has a timeout.
 */
import { execFile } from 'node:child_process'
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { devLayout, freshHome, launch, removeAll, type Layout } from '../shell/launch'
import { packageApp, type PackagedApp } from '../shell/package'
import type { StandInState } from '../shell/protocol'
import { median, printTable, time, type Row } from './support'

const REPO = fileURLToPath(new URL('../../', import.meta.url))
const SMALL = process.env.BENCH_SMALL === '1'
const ROUNDS = SMALL ? 5 : 21
const ASAR_BEFORE_MB = 41
const PROCESS_TIMEOUT_MS = 60_000
const LAUNCH_ROUNDS = SMALL ? 3 : 9
const LAUNCH_TIMEOUT_MS = 60_000

const run = promisify(execFile)

interface AsarEntry {
  files?: Record<string, AsarEntry>
}

/**
 * Every file path in an asar archive. Its header: uint32 4, uint32 header size, then a pickle
 * (uint32 payload size, uint32 JSON length, the JSON tree of `files`).
 */
function asarFiles(archive: string): string[] {
  const fd = openSync(archive, 'r')
  try {
    const head = Buffer.alloc(16)
    readSync(fd, head, 0, 16, 0)
    const json = Buffer.alloc(head.readUInt32LE(12))
    readSync(fd, json, 0, json.length, 16)
    const paths: string[] = []
    const walk = (entry: AsarEntry, prefix: string): void => {
      for (const [name, child] of Object.entries(entry.files ?? {})) {
        if (child.files) walk(child, `${prefix}/${name}`)
        else paths.push(`${prefix}/${name}`)
      }
    }
    walk(JSON.parse(json.toString('utf8')) as AsarEntry, '')
    return paths
  } finally {
    closeSync(fd)
  }
}

/** The files the packaged app cannot run without, checked in the real archive. */
function missingFromPackage({ resources }: PackagedApp): string[] {
  const inside = new Set(asarFiles(join(resources, 'app.asar')))
  const wanted = [
    '/out/main/main.js',
    '/out/main/cli.js',
    '/out/main/sanitize-worker.js',
    '/out/preload/preload.cjs',
    '/out/renderer/index.html',
    '/node_modules/jsdom/package.json',
  ]
  const missing = wanted.filter((p) => !inside.has(p)).map((p) => `app.asar${p}`)
  for (const extra of ['bin/folio', 'sample-content']) if (!existsSync(join(resources, extra))) missing.push(extra)
  if (existsSync(join(resources, 'bin/folio')) && (statSync(join(resources, 'bin/folio')).mode & 0o111) === 0) missing.push('bin/folio (not executable)')
  for (const windowsOnly of ['bin/folio.cmd', 'bin/folio-path.ps1'])
    if (existsSync(join(resources, windowsOnly))) missing.push(`(Windows only, shipped on Linux) ${windowsOnly}`)
  const unwanted = [...inside].filter((p) => /^\/node_modules\/(tsx|esbuild|react|react-dom|@codemirror|yaml|markdown-it)\//.test(p))
  return [...missing, ...new Set(unwanted.map((p) => `(should not ship) ${p.split('/').slice(0, 3).join('/')}`))]
}

async function processTime(args: string[]): Promise<number> {
  return time(() => run(process.execPath, args, { cwd: REPO, timeout: PROCESS_TIMEOUT_MS }))
}

/** Interleaved rounds, so load on the machine hits ours and the baseline alike. */
async function startupRows(): Promise<Row[]> {
  const samples = { baseline: [] as number[], built: [] as number[], source: [] as number[] }
  const source = ['--import', 'tsx', join(REPO, 'electron/cli-main.ts'), '--version']
  for (let i = 0; i < ROUNDS; i++) {
    samples.baseline.push(await processTime(['-e', '0']))
    samples.built.push(await processTime([join(REPO, 'bin/folio.js'), '--version']))
    samples.source.push(await processTime(source))
  }
  const baseline = median(samples.baseline)
  const row = (metric: string, ours: number, target: string): Row => ({ metric, ours, baseline, ratio: ours / baseline, target })
  return [row('folio --version', median(samples.built), 'close to node -e 0'), row('from source via tsx (before)', median(samples.source), 'reference')]
}

/**
 * The least an Electron main process does before its first loadURL: the baseline. It serves no
 * page (the load fails, and is ignored); only when loadURL is called matters.
 */
const PLAIN_MAIN = `import { app, BrowserWindow } from 'electron'
app.whenReady().then(() => new BrowserWindow({ show: false }).loadURL('app://folio/index.html').catch(() => undefined))
`

interface FirstLoad {
  /** Milliseconds from the main process's start (the stand-in loading) to the first loadURL. */
  start: number
  /** Milliseconds from app ready to the first loadURL. */
  ready: number
}

async function firstLoad(layout: Layout): Promise<FirstLoad> {
  const home = await freshHome()
  const app = await launch(layout, { home })
  try {
    const first = (state: StandInState) => state.calls.find((call) => call.api === 'window.loadURL')
    const state = await app.waitFor((s) => first(s) !== undefined, 'the first window to load its page', LAUNCH_TIMEOUT_MS)
    const ready = state.calls.find((call) => call.api === 'app.ready')
    const load = first(state)?.at
    if (!ready || load === undefined) throw new Error(`${layout.name}: the stand-in recorded no app.ready or loadURL`)
    return { start: load, ready: load - ready.at }
  } finally {
    app.kill()
    await Promise.race([app.exited, new Promise((done) => setTimeout(done, LAUNCH_TIMEOUT_MS))])
    await removeAll(home)
  }
}

/** Interleaved launches of the built app and of the plain main script. */
async function standIn(dir: string): Promise<{ row: Row; readyMs: number; plainReadyMs: number }> {
  const plainMain = join(dir, 'plain-main.mjs')
  await writeFile(plainMain, PLAIN_MAIN)
  const ours = devLayout()
  const plain: Layout = { ...ours, name: 'plain main script', main: plainMain }
  const runs: { ours: FirstLoad[]; plain: FirstLoad[] } = { ours: [], plain: [] }
  for (let i = 0; i < LAUNCH_ROUNDS; i++) {
    runs.plain.push(await firstLoad(plain))
    runs.ours.push(await firstLoad(ours))
  }
  const baseline = median(runs.plain.map((r) => r.start))
  const start = median(runs.ours.map((r) => r.start))
  return {
    row: { metric: 'main start → first loadURL', ours: start, baseline, ratio: start / baseline, target: 'window first, index after' },
    readyMs: median(runs.ours.map((r) => r.ready)),
    plainReadyMs: median(runs.plain.map((r) => r.ready)),
  }
}

export async function runBenchmark(): Promise<{ rows: Row[]; readyMs: number; plainReadyMs: number; asarMb: number; missing: string[] }> {
  if (!existsSync(join(REPO, 'out/main/cli.js'))) throw new Error('out/ is not built: run `npm run build` (npm run bench:shell does).')
  const dir = await mkdtemp(join(tmpdir(), 'folio-bench-shell-'))
  try {
    const rows = await startupRows()
    const launched = await standIn(dir)
    const packaged = await packageApp(dir)
    return {
      rows: [...rows, launched.row],
      readyMs: launched.readyMs,
      plainReadyMs: launched.plainReadyMs,
      asarMb: statSync(join(packaged.resources, 'app.asar')).size / 1e6,
      missing: missingFromPackage(packaged),
    }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { rows, readyMs, plainReadyMs, asarMb, missing } = await runBenchmark()
  printTable(rows)
  console.log(`ready → first loadURL ${readyMs.toFixed(1)} ms (the plain main script: ${plainReadyMs.toFixed(1)} ms)`)
  console.log(`app.asar ${asarMb.toFixed(1)} MB, ratio ${(asarMb / ASAR_BEFORE_MB).toFixed(2)} of the ${ASAR_BEFORE_MB} MB before`)
  console.log(missing.length === 0 ? 'package: every required file present, no bundled-only package shipped' : `package problems: ${missing.join(', ')}`)
  if (missing.length > 0) process.exitCode = 1
}
