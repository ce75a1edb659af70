import { spawn } from 'node:child_process'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { isTempName } from '../../../electron/workspace/atomic-write'
import { open, tempDir } from './helpers'
import { version } from './save-loop.content'

const CHILD = fileURLToPath(new URL('./save-loop.child.ts', import.meta.url))
const REPO = fileURLToPath(new URL('../../../', import.meta.url))
const FILES = 7
const SAVES = 200

/** Runs the save loop in a child and SIGKILLs it once `killAfter` saves are reported. */
async function runAndKill(folder: string, killAfter: number): Promise<number> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, folder, String(FILES), String(SAVES)], { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] })
  let saved = 0
  let stderr = ''
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  child.stdout.on('data', (chunk: Buffer) => {
    saved += chunk.toString().split('\n').filter((l) => l.startsWith('saved')).length
    // Kill in the middle of the following save, not between two saves.
    if (saved >= killAfter && child.exitCode === null && !child.killed) setTimeout(() => child.kill('SIGKILL'), 1 + (killAfter % 4))
  })
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
  if (saved < killAfter) throw new Error(`child exited (${code}) after ${saved} saves: ${stderr}`)
  return saved
}

describe('atomic save under SIGKILL', () => {
  it('leaves every file either the old or the new version, never torn', async () => {
    const folder = await tempDir()
    const original = (i: number): string => `---\ntitle: original ${i}\n---\noriginal body ${i}\n`
    for (let i = 0; i < FILES; i++) await writeFile(join(folder, `file-${i}.md`), original(i))
    let total = 0
    for (const killAfter of [37, 83, 151]) {
      const saved = await runAndKill(folder, killAfter)
      expect(saved).toBeLessThan(SAVES)
      total += saved
      for (let i = 0; i < FILES; i++) {
        const text = await readFile(join(folder, `file-${i}.md`), 'utf8')
        const n = /^version: (\d+)$/m.exec(text)?.[1]
        // Whole old or whole new: the original, or exactly one complete version.
        expect(n === undefined ? text === original(i) : text === version(i, Number(n))).toBe(true)
      }
    }
    expect(total).toBeGreaterThan(200)
    // Temp files a kill left behind are hidden: the index does not list them.
    const leftovers = (await readdir(folder)).filter(isTempName)
    const ws = await open(folder)
    expect((await ws.list()).map((a) => a.path).sort()).toEqual(Array.from({ length: FILES }, (_, i) => `file-${i}.md`).sort())
    expect(leftovers.length).toBeLessThanOrEqual(3)
  }, 120_000)
})
