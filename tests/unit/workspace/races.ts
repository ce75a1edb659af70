/**
 * Races against another program, shared by the unit tests (reduced counts) and
 * `npm run bench:faults` (full counts). Each returns how many rounds held out of how many were tried.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isTempName } from '../../../electron/workspace/atomic-write'
import { openWorkspace } from '../../../electron/workspace/workspace'
import { isFolioErrorData } from '../../../shared/errors'
import { version } from './save-loop.content'

export interface RaceTally {
  tried: number
  /** Rounds in which nothing was lost: a conflict was reported, or the other write landed after ours. */
  held: number
  /** The save reported a conflict (and left the other program's bytes on disk). */
  conflicts: number
  /** The other write came after the save and is what the disk holds. */
  after: number
  /** The save succeeded and the other program's write is gone: what must never happen. */
  silent: number
  /** Conflicts that left something other than the other program's bytes on disk. */
  clobbered: number
  /** Temp files left behind at the end. */
  leftovers: number
}

/**
 * A separate program that writes the file when told to, after a delay in microseconds: either
 * as vim and most IDEs do (a new file renamed over the old) or in place (truncate and write).
 */
const WRITER = `
const fs = require('node:fs')
const path = require('node:path')
let buffer = ''
process.stdin.on('data', (chunk) => {
  buffer += chunk
  let nl
  while ((nl = buffer.indexOf('\\n')) !== -1) {
    const [mode, file, delayUs, text] = JSON.parse(buffer.slice(0, nl))
    buffer = buffer.slice(nl + 1)
    const until = process.hrtime.bigint() + BigInt(delayUs) * 1000n
    while (process.hrtime.bigint() < until) {}
    if (mode === 'rename') {
      const temp = path.join(path.dirname(file), '.' + path.basename(file) + '.swp')
      fs.writeFileSync(temp, text)
      fs.renameSync(temp, file)
    } else {
      fs.writeFileSync(file, text)
    }
    process.stdout.write('done\\n')
  }
})
`

export type WriterMode = 'rename' | 'inplace'

function startWriter(): { send(mode: WriterMode, file: string, delayUs: number, text: string): Promise<void>; stop(): void } {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['-e', WRITER], { stdio: 'pipe' })
  const waiting: (() => void)[] = []
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    let nl
    while ((nl = out.indexOf('\n')) !== -1) {
      out = out.slice(nl + 1)
      waiting.shift()?.()
    }
  })
  return {
    send(mode, file, delayUs, text) {
      return new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('the writer did not answer in 10 s')), 10_000)
        waiting.push(() => {
          clearTimeout(timer)
          resolve()
        })
        child.stdin.write(JSON.stringify([mode, file, delayUs, text]) + '\n')
      })
    },
    stop: () => child.kill(),
  }
}

/**
 * `rounds` saves, each raced by another program writing the same file 0–3 ms after the save
 * starts. A save must either report a conflict (leaving the other bytes on disk) or come
 * entirely before the other write.
 */
export async function raceSaves(folder: string, rounds: number, mode: WriterMode): Promise<RaceTally> {
  const tally: RaceTally = { tried: 0, held: 0, conflicts: 0, after: 0, silent: 0, clobbered: 0, leftovers: 0 }
  const file = join(folder, 'race.md')
  await writeFile(file, '---\ntitle: race\n---\n')
  const ws = await openWorkspace({ root: folder, trash: async () => undefined })
  const writer = startWriter()
  try {
    for (let i = 0; i < rounds; i++) {
      const original = `---\ntitle: round ${i}\n---\noriginal\n`
      const mine = `---\ntitle: round ${i}\n---\nmine, typed in Folio\n`
      const theirs = `---\ntitle: round ${i}\n---\ntheirs, from another program ${'x'.repeat(i % 7)}\n`
      await writeFile(file, original)
      const loaded = await ws.read('race.md')
      const delayUs = Math.floor(Math.random() * 3000)
      const other = writer.send(mode, file, delayUs, theirs)
      const saved = await ws.save('race.md', mine, loaded.hash).then(
        () => 'saved' as const,
        (error: unknown) => {
          if (isFolioErrorData(error) && error.code === 'CONFLICT') return 'conflict' as const
          throw error
        },
      )
      await other
      const disk = await readFile(file, 'utf8')
      tally.tried++
      if (saved === 'conflict') {
        tally.conflicts++
        if (disk === theirs) tally.held++
        else tally.clobbered++
      } else if (disk === theirs) {
        tally.after++
        tally.held++
      } else {
        tally.silent++
      }
    }
  } finally {
    writer.stop()
    await ws.close()
  }
  tally.leftovers = (await readdir(folder)).filter(isTempName).length
  return tally
}

export function formatTally(name: string, t: RaceTally): string {
  return `${name}: held ${t.held}/${t.tried} (conflicts ${t.conflicts}, other write after ours ${t.after}, silent overwrites ${t.silent}, clobbered ${t.clobbered}, temp files left ${t.leftovers})`
}

/**
 * Another process swaps a subfolder for a symlink to a folder outside, back and forth, while
 * the workspace reads a file inside it `rounds` times. A read that returns the outside file's
 * text is a leak; refusals and not-found answers are what a race may cost.
 */
export async function raceGuard(folder: string, outside: string, rounds: number): Promise<{ tried: number; leaks: number; read: number; refused: number }> {
  await mkdir(join(folder, 'posts'), { recursive: true })
  await writeFile(join(folder, 'posts/a.md'), '---\ntitle: inside\n---\ninside\n')
  await mkdir(outside, { recursive: true })
  await writeFile(join(outside, 'a.md'), '---\ntitle: SECRET\n---\nSECRET\n')
  const ws = await openWorkspace({ root: folder, trash: async () => undefined })
  const swapper = spawn(
    process.execPath,
    [
      '-e',
      `const fs = require('node:fs'); const [dir, out] = process.argv.slice(1);
       const real = dir + '.real', link = dir + '.link';
       fs.renameSync(dir, real); fs.symlinkSync(out, link);
       for (;;) { fs.renameSync(link, dir); fs.renameSync(dir, link); fs.renameSync(real, dir); fs.renameSync(dir, real); }`,
      join(folder, 'posts'),
      outside,
    ],
    { stdio: 'ignore' },
  )
  const tally = { tried: 0, leaks: 0, read: 0, refused: 0 }
  try {
    for (let i = 0; i < rounds; i++) {
      tally.tried++
      try {
        const file = await ws.read('posts/a.md')
        if (file.text.includes('SECRET')) tally.leaks++
        else tally.read++
      } catch {
        tally.refused++
      }
    }
  } finally {
    swapper.kill('SIGKILL')
    await ws.close()
  }
  return tally
}

const SAVE_LOOP = fileURLToPath(new URL('./save-loop.child.ts', import.meta.url))
const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const KILL_FILES = 7
const KILL_SAVES = 200

/** Runs the save loop in a child and SIGKILLs it in the middle of the save after `killAfter`. */
async function saveUntilKilled(folder: string, killAfter: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', SAVE_LOOP, folder, String(KILL_FILES), String(KILL_SAVES)], {
    cwd: REPO,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let saved = 0
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    saved += chunk
      .toString()
      .split('\n')
      .filter((l) => l.startsWith('saved')).length
    if (saved >= killAfter && child.exitCode === null && !child.killed) setTimeout(() => child.kill('SIGKILL'), 1 + (killAfter % 4))
  })
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
  if (saved < killAfter) throw new Error(`save loop exited (${code}) after ${saved} saves: ${stderr}`)
  return saved
}

export interface KillTally {
  /** Kills made, each in the middle of a save. */
  tried: number
  /** Saves that completed across all runs. */
  saved: number
  /** Files found neither whole old nor whole new after a kill. */
  torn: number
  /** Temp files the kills left (swept by a later open once a day old). */
  leftovers: number
}

/**
 * Saves in a child process and kills it mid-save once per entry of `killPoints`; after each kill
 * every file must be the original or exactly one complete version.
 */
export async function raceKills(folder: string, killPoints: readonly number[]): Promise<KillTally> {
  const original = (i: number): string => `---\ntitle: original ${i}\n---\noriginal body ${i}\n`
  for (let i = 0; i < KILL_FILES; i++) await writeFile(join(folder, `file-${i}.md`), original(i))
  const tally: KillTally = { tried: 0, saved: 0, torn: 0, leftovers: 0 }
  for (const killAfter of killPoints) {
    tally.saved += await saveUntilKilled(folder, killAfter)
    tally.tried++
    for (let i = 0; i < KILL_FILES; i++) {
      const text = await readFile(join(folder, `file-${i}.md`), 'utf8')
      const n = /^version: (\d+)$/m.exec(text)?.[1]
      if (!(n === undefined ? text === original(i) : text === version(i, Number(n)))) tally.torn++
    }
  }
  tally.leftovers = (await readdir(folder)).filter(isTempName).length
  return tally
}
